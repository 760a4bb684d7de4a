#include "sammanstallning/settings.h"
#include "core/text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <numeric>
#include <tuple>
#include <sstream>
#include <utility>

#include "analys/amount.h"
#include "core/error.h"
#include "core/file_io.h"
#include "core/number_text.h"

namespace arsanalys::sammanstallning {

namespace {

Rational add(Rational a, Rational b) {
  return make_rational(a.num * b.den + b.num * a.den, a.den * b.den);
}
Rational mul(Rational a, Rational b) { return make_rational(a.num * b.num, a.den * b.den); }

/// What a number in the file may be. The bounds and decimals keep the arithmetic exact in int64:
/// a percentage is at most 10^6/10^4 and a share 10^4/10^4, so every numerator of the blend
/// stays below 2·10^18 (< 2^63); tkr with three decimals are whole kronor.
struct NumberRule {
  std::int64_t low = 0;       // smallest value allowed
  std::int64_t high = 0;      // largest value allowed
  int max_decimals = 0;       // digits after the decimal point
  std::string_view expect;    // Swedish: what the value should be
  std::string_view decimals;  // Swedish: why the decimals are limited ("" none)
};

constexpr NumberRule kIndexRule{0, 100, 4, "ett tal i procent från 0 till 100", ""};
constexpr NumberRule kShareRule{0, 1, 4, "ett tal från 0 till 1", ""};
constexpr NumberRule kPriceRule{-100, 100, 4, "ett tal i procent från -100 till 100", ""};
constexpr NumberRule kTkrRule{0, 1'000'000'000, 3, "ett belopp i tkr från 0 till 1 000 000 000",
                              " (hela kronor)"};
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

/// The decimal a double was written as, num / 10^k: the shortest form that reads back as the
/// same double ("0.88", not 0.88000000000000000444). nullopt beyond `max_decimals` decimals;
/// the caller has bounded the magnitude (|d| <= 10^12) so the scaled value fits.
std::optional<Rational> exact_decimal(double d, int max_decimals) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  if (ec != std::errc()) return std::nullopt;
  std::string digits(buf, end);
  std::size_t point = digits.find('.');
  int decimals = 0;
  if (point != std::string::npos) {
    decimals = static_cast<int>(digits.size() - point - 1);
    digits.erase(point, 1);
  }
  if (decimals > max_decimals) return std::nullopt;
  std::int64_t num = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), num);
  std::int64_t den = 1;
  for (int i = 0; i < decimals; ++i) den *= 10;
  return make_rational(num, den);
}

bool in_range(Rational r, const NumberRule& rule) {
  return r.num >= rule.low * r.den && r.num <= rule.high * r.den;
}

/// ASCII lower case with å, ä -> a, ö -> o, é -> e, so that "Påverkan" is close to "paverkan".
std::string fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      auto n = static_cast<unsigned char>(s[i + 1]);
      char plain = (n == 0xA5 || n == 0xA4 || n == 0x85 || n == 0x84) ? 'a'
                   : (n == 0xB6 || n == 0x96)                         ? 'o'
                   : (n == 0xA9 || n == 0x89)                         ? 'e'
                                                                      : '\0';
      if (plain != '\0') {
        out += plain;
        ++i;
        continue;
      }
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

/// Levenshtein distance in bytes.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// The known word closest to `word` (after folding case and å/ä/ö) when it is one or two edits
/// away (one for words of up to four letters), or when it is `word` plus a unit suffix such as
/// "_tkr"; else "".
std::string_view suggest(std::string_view word, std::initializer_list<std::string_view> known) {
  std::string w = fold(word);
  std::size_t limit = w.size() <= 4 ? 1 : 2, best = limit + 1;
  std::string_view found;
  for (std::string_view k : known) {
    std::string folded = fold(k);
    std::size_t d = folded.starts_with(w + "_") ? limit : distance(w, folded);
    if (d < best) best = d, found = k;
  }
  return found;
}

/// 'a', 'a' och 'b', 'a', 'b' och 'c'.
std::string quoted_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += fmt::format("{}'{}'", i == 0 ? "" : i + 1 == words.size() ? " och " : ", ", words[i]);
  }
  return out;
}

int line_of(const toml::source_region& source) { return static_cast<int>(source.begin.line); }
int line_of(const toml::node& node) { return line_of(node.source()); }

/// How a value stood in the file, quoted, for "fann ...".
std::string found_text(const toml::node& node) {
  if (const toml::value<std::string>* s = node.as_string()) return fmt::format("'{}'", s->get());
  if (node.is_table()) return "en tabell";
  if (std::optional<double> d = node.value_exact<double>()) {
    char buf[64];  // shortest form that reads back the same, as TOML writes a float: "-1.0"
    std::string text(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
    if (text.find_first_of(".ein") == std::string::npos) text += ".0";
    return fmt::format("'{}'", text);
  }
  std::ostringstream os;
  node.visit([&os](const auto& v) { os << v; });
  return fmt::format("'{}'", os.str());
}

/// " i [index]", or "" on the top level.
std::string in(std::string_view where) {
  return where.empty() ? std::string() : fmt::format(" i {}", where);
}

/// Every string of the document made fit for output (clean_text()), each one said at its line:
/// an escape such as "\u0001" must not reach the annex raw.
template <typename Add>
void repair_strings(toml::node& node, Add&& add) {
  if (toml::table* t = node.as_table()) {
    for (auto&& [key, value] : *t) repair_strings(value, add);
  } else if (toml::array* a = node.as_array()) {
    for (toml::node& item : *a) repair_strings(item, add);
  } else if (toml::value<std::string>* v = node.as_string()) {
    if (TextRepairs r = clean_text(v->get()); r.any()) {
      add(line_of(node), fmt::format("Texten innehöll tecken som inte kan skrivas i Excel- eller "
                                     "HTML-filer: {}.",
                                     r.describe()));
    }
  }
}

constexpr std::string_view kValueUnused = "Värdet används inte.";
constexpr std::string_view kAlternativeUnused = "Alternativet används inte.";

/// Reads values out of the parsed document, turning every problem into a finding.
class Parser {
 public:
  Parser(std::string_view file, Findings& findings) : file_(file), findings_(findings) {}

  /// A finding at `line` of the file.
  void add(Level level, std::string_view code, int line, std::string message) {
    found_.emplace_back(
        line, Finding{std::string(code), level, Location{file_, "", fmt::format("rad {}", line)},
                      std::move(message), std::nullopt, std::nullopt});
  }

  /// Hands the findings over in line order (sort_findings cannot order "rad N" cells).
  void flush() {
    std::stable_sort(found_.begin(), found_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, finding] : found_) findings_.push_back(std::move(finding));
    found_.clear();
  }
  /// A `fel` SETTINGS_INVALID at `line`.
  void error(int line, std::string message) {
    add(Level::fel, kSettingsInvalid, line, std::move(message));
  }

  /// A value of the wrong type or out of range: "'<key>' i <where> ska vara <expect>, fann
  /// '<value>'. <consequence>".
  void invalid(const toml::node& node, std::string_view key, std::string_view where,
               std::string_view expect, std::string_view consequence = kValueUnused,
               std::string_view hint = "") {
    std::string suggestion = hint.empty() ? "" : fmt::format(" (menade du '{}'?)", hint);
    error(line_of(node), fmt::format("'{}'{} ska vara {}, fann {}{}. {}", key, in(where), expect,
                                     found_text(node), suggestion, consequence));
  }

  /// A varning for every key of `table` that is not one of `known`.
  void only(const toml::table& table, std::string_view where,
            std::initializer_list<std::string_view> known) {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string_view close = suggest(key.str(), known);
      std::string help = close.empty() ? fmt::format("; kända nycklar: {}", fmt::join(known, ", "))
                                       : fmt::format(" (menade du '{}'?)", close);
      add(Level::varning, kSettingsUnknownKey, line_of(key.source()),
          fmt::format("okänd nyckel '{}'{}{}. Nyckeln används inte.", key.str(), in(where), help));
    }
  }

  /// The sub-table `key` of `parent`; nullptr when absent or not a table (a finding).
  const toml::table* table(const toml::table& parent, std::string_view key,
                           std::string_view expect) {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) invalid(*node, key, "", expect);
    return node->as_table();
  }

  /// A number of `table` checked against `rule`; nullopt when absent or invalid (a finding).
  std::optional<Rational> number(const toml::table& table, std::string_view key,
                                 std::string_view where, const NumberRule& rule,
                                 std::string_view consequence = kValueUnused) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<Rational> v = number_of(*node, rule);
    if (!v) invalid(*node, key, where, expectation(*node, rule), consequence);
    return v;
  }

  /// A list of numbers, all valid, or nullopt (a finding at the first bad element).
  std::optional<std::vector<Rational>> numbers(const toml::table& table, std::string_view key,
                                               std::string_view where, const NumberRule& rule,
                                               std::string_view consequence) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::string expect = fmt::format("en lista av tal ({})", rule.expect);
    const toml::array* list = node->as_array();
    if (list == nullptr || list->empty()) {
      invalid(*node, key, where, expect, consequence);
      return std::nullopt;
    }
    std::vector<Rational> out;
    for (const toml::node& item : *list) {
      std::optional<Rational> v = number_of(item, rule);
      if (!v) {
        invalid(item, key, where, fmt::format("en lista av tal ({})", expectation(item, rule)),
                consequence);
        return std::nullopt;
      }
      out.push_back(*v);
    }
    return out;
  }

  /// A non-empty text; nullopt when absent or invalid (a finding).
  std::optional<std::string> text(const toml::table& table, std::string_view key,
                                  std::string_view where, std::string_view consequence) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const toml::value<std::string>* s = node->as_string();
    if (s == nullptr || s->get().empty()) {
      invalid(*node, key, where, "en text", consequence);
      return std::nullopt;
    }
    return s->get();
  }

  /// A list of non-empty texts, all valid, or nullopt (a finding).
  std::optional<std::vector<std::string>> texts(const toml::table& table, std::string_view key,
                                                std::string_view where,
                                                std::string_view consequence) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const toml::array* list = node->as_array();
    bool ok = list != nullptr && !list->empty();
    for (std::size_t i = 0; ok && i < list->size(); ++i) {
      const toml::value<std::string>* s = list->get(i)->as_string();
      ok = s != nullptr && !s->get().empty();
    }
    if (!ok) {
      invalid(*node, key, where, "en lista av texter", consequence);
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (const toml::node& item : *list) out.push_back(item.as_string()->get());
    return out;
  }

  /// A whole year from kFirstYear to kLastYear; nullopt when absent or invalid (a finding).
  std::optional<int> year(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<std::int64_t> v = node->value_exact<std::int64_t>();
    if (v && *v >= kFirstYear && *v <= kLastYear) return static_cast<int>(*v);
    invalid(*node, key, "",
            fmt::format("ett årtal (heltal) från {} till {}", kFirstYear, kLastYear));
    return std::nullopt;
  }

  /// True when `node` is present and satisfies `rule` (no finding).
  static bool valid(const toml::node* node, const NumberRule& rule) {
    return node != nullptr && number_of(*node, rule).has_value();
  }

 private:
  static std::optional<Rational> number_of(const toml::node& node, const NumberRule& rule) {
    std::optional<Rational> v;
    if (std::optional<std::int64_t> i = node.value_exact<std::int64_t>()) {
      v = Rational{*i, 1};
    } else if (node.is_floating_point()) {
      double d = *node.value<double>();
      if (std::isfinite(d) && std::fabs(d) <= 1e12) v = exact_decimal(d, rule.max_decimals);
    }
    if (v && !in_range(*v, rule)) v.reset();
    return v;
  }

  /// The rule's expectation, naming the decimals when they are what is wrong.
  static std::string expectation(const toml::node& node, const NumberRule& rule) {
    bool too_precise = node.is_floating_point() && std::isfinite(*node.value<double>()) &&
                       std::fabs(*node.value<double>()) <= 1e12 &&
                       !exact_decimal(*node.value<double>(), rule.max_decimals);
    if (!too_precise) return std::string(rule.expect);
    return fmt::format("{} med högst {} decimaler{}", rule.expect, rule.max_decimals,
                       rule.decimals);
  }

  std::string file_;
  Findings& findings_;
  std::vector<std::pair<int, Finding>> found_;  // line, finding; until flush()
};

/// Kronor from tkr (the rule allows at most three decimals, so this is exact).
std::optional<std::int64_t> kronor(std::optional<Rational> tkr) {
  if (!tkr) return std::nullopt;
  return tkr->num * 1000 / tkr->den;
}

void read_index(Parser& p, const toml::table& root, IndexSettings& x) {
  const toml::table* t = p.table(root, "index", "en tabell [index]");
  if (t == nullptr) return;
  constexpr std::string_view where = "[index]";
  p.only(*t, where, {"personal", "inkop", "personalandel", "procent"});
  x.personal = p.number(*t, "personal", where, kIndexRule);
  x.inkop = p.number(*t, "inkop", where, kIndexRule);
  x.personalandel = p.number(*t, "personalandel", where, kShareRule);
  std::optional<Rational> procent = p.number(*t, "procent", where, kIndexRule);
  std::optional<Rational> blended;
  if (x.personal && x.inkop && x.personalandel) {
    Rational rest = add(Rational{1, 1}, Rational{-x.personalandel->num, x.personalandel->den});
    blended = add(mul(*x.personalandel, *x.personal), mul(rest, *x.inkop));
  }
  std::vector<std::string_view> given, absent;
  for (std::string_view k : {"personal", "inkop", "personalandel"}) {
    (t->contains(k) ? given : absent).push_back(k);
  }
  if (procent && !given.empty()) {
    p.error(line_of(*t->get("procent")),
            fmt::format("[index] anger både 'procent' och {}; ange antingen 'procent' eller "
                        "'personal', 'inkop' och 'personalandel'. 'procent' = {} används.",
                        quoted_list(given), percent_text(*procent)));
  } else if (!t->contains("procent") && !given.empty() && !absent.empty()) {
    p.error(line_of(*t),
            fmt::format("ett vägt index kräver 'personal', 'inkop' och 'personalandel' i "
                        "[index]; {} saknas. Inget index räknas fram.",
                        quoted_list(absent)));
  }
  x.procent = procent ? procent : blended;
  x.blandat = !procent && blended;
}

void read_prisindex(Parser& p, const toml::table& root, std::map<int, Rational>& out) {
  const toml::table* t = p.table(root, "prisindex", "en tabell [prisindex]");
  if (t == nullptr) return;
  for (const auto& [key, node] : *t) {
    int year = 0;
    std::string_view k = key.str();
    auto [end, ec] = std::from_chars(k.data(), k.data() + k.size(), year);
    if (ec != std::errc() || end != k.data() + k.size() || year < kFirstYear || year > kLastYear) {
      p.error(line_of(key.source()),
              fmt::format("nyckeln '{}' i [prisindex] ska vara ett årtal från {} till {}. "
                          "Värdet används inte.",
                          k, kFirstYear, kLastYear));
      continue;
    }
    if (std::optional<Rational> v = p.number(*t, k, "[prisindex]", kPriceRule)) out[year] = *v;
  }
}

/// `paverkan`: "niva" or "forandring" exactly.
analys::Impact read_paverkan(Parser& p, const toml::table& t, std::string_view where) {
  const toml::node* node = t.get("paverkan");
  if (node == nullptr) return analys::Impact::unknown;
  std::optional<std::string_view> word = node->value_exact<std::string_view>();
  if (word == "niva") return analys::Impact::level;
  if (word == "forandring") return analys::Impact::change;
  p.invalid(*node, "paverkan", where, "\"niva\" eller \"forandring\"", kValueUnused,
            word ? suggest(*word, {"niva", "forandring"}) : "");
  return analys::Impact::unknown;
}

void read_leverantorer(Parser& p, const toml::table& root,
                       std::map<std::string, LeverantorSettings, std::less<>>& out) {
  const toml::table* all = p.table(root, "leverantor", "en tabell [leverantor.\"<namn>\"]");
  if (all == nullptr) return;
  for (const auto& [name, node] : *all) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      p.invalid(node, name.str(), "[leverantor]",
                fmt::format("en tabell [leverantor.\"{}\"]", name.str()));
      continue;
    }
    std::string where = fmt::format("[leverantor.\"{}\"]", name.str());
    p.only(*t, where, {"index", "paverkan"});
    LeverantorSettings l;
    l.index = p.number(*t, "index", where, kIndexRule);
    l.paverkan = read_paverkan(p, *t, where);
    l.rad = line_of(*t);
    out.emplace(std::string(name.str()), l);
  }
}

/// The alternative a kind-specific key belongs to.
char kind_of(std::string_view key) {
  if (key == "insatser") return 'B';
  if (key == "utveckling_minus_tkr" || key == "forvaltning_minus_tkr") return 'C';
  if (key == "bas_tkr" || key == "minskning_procent" || key == "utveckling_bas") return 'D';
  return '\0';
}

/// A "saknar" finding for alternative `a`; always false, for `return missing(...)`.
bool missing(Parser& p, const Alternativ& a, std::string_view needs) {
  p.error(a.rad, fmt::format("alternativ {} för '{}' saknar {}. {}", a.namn, a.leverantor, needs,
                             kAlternativeUnused));
  return false;
}

/// Varnings for keys of another kind of alternative than `a.namn`.
void warn_other_kinds(Parser& p, const toml::table& t, const Alternativ& a) {
  for (const auto& [key, node] : t) {
    char kind = kind_of(key.str());
    if (kind == '\0' || kind == a.namn) continue;
    p.add(Level::varning, kSettingsUnknownKey, line_of(key.source()),
          fmt::format("'{}' gäller bara alternativ {}, inte {}. Nyckeln används inte.", key.str(),
                      kind, a.namn));
  }
}

constexpr std::string_view kAlternativeWhere = "[[alternativ]]";

bool read_b(Parser& p, const toml::table& t, Alternativ& a) {
  if (!t.contains("insatser")) return missing(p, a, "'insatser'");
  auto v = p.texts(t, "insatser", kAlternativeWhere, kAlternativeUnused);
  if (v) a.insatser = std::move(*v);
  return v.has_value();
}

bool read_c(Parser& p, const toml::table& t, Alternativ& a) {
  constexpr std::string_view u = "utveckling_minus_tkr", f = "forvaltning_minus_tkr";
  if (!t.contains(u) && !t.contains(f)) {
    return missing(p, a, "'utveckling_minus_tkr' eller 'forvaltning_minus_tkr'");
  }
  // A bad value costs the whole alternative only when the other cut does not stand.
  bool u_ok = Parser::valid(t.get(u), kTkrRule), f_ok = Parser::valid(t.get(f), kTkrRule);
  auto uv =
      kronor(p.number(t, u, kAlternativeWhere, kTkrRule, f_ok ? kValueUnused : kAlternativeUnused));
  auto fv =
      kronor(p.number(t, f, kAlternativeWhere, kTkrRule, u_ok ? kValueUnused : kAlternativeUnused));
  a.utveckling_minus_kr = uv.value_or(0);
  a.forvaltning_minus_kr = fv.value_or(0);
  return uv || fv;
}

constexpr std::size_t kMaxReductions = 8;  // an illustration of X, not a list of variants

/// minskning_procent: from 0 to 100, no value twice, a handful at most (each a row of the
/// annex's table, each worked out per customer).
bool check_reductions(Parser& p, const toml::table& t, std::vector<Rational>& list) {
  const toml::node* node = t.get("minskning_procent");
  if (list.size() > kMaxReductions) {
    p.invalid(*node, "minskning_procent", kAlternativeWhere,
              fmt::format("en lista av högst {} procentsatser", kMaxReductions),
              kAlternativeUnused);
    return false;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), list[i]) !=
        list.begin() + static_cast<std::ptrdiff_t>(i)) {
      p.error(line_of(*node),
              fmt::format("'minskning_procent' i {} nämner {} % två gånger. {}", kAlternativeWhere,
                          format_decimal(list[i]), kAlternativeUnused));
      return false;
    }
  }
  return true;
}

/// A word of `words`, or a number in tkr (`*kr`); nullopt (a finding) for anything else.
std::optional<std::string> word_or_tkr(Parser& p, const toml::table& t, std::string_view key,
                                       std::initializer_list<std::string_view> words,
                                       std::int64_t* kr) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  std::optional<std::string_view> word = node->value_exact<std::string_view>();
  if (word && std::find(words.begin(), words.end(), *word) != words.end()) {
    return std::string(*word);
  }
  if (word) {
    std::string expect;
    for (std::string_view w : words) {
      expect += fmt::format("{}\"{}\"", expect.empty() ? "" : ", ", w);
    }
    p.invalid(*node, key, kAlternativeWhere, expect + " eller ett belopp i tkr", kValueUnused,
              suggest(*word, words));
    return std::nullopt;
  }
  if (auto v = kronor(p.number(t, key, kAlternativeWhere, kTkrRule))) {
    *kr = *v;
    return std::string("tkr");
  }
  return std::nullopt;
}

bool read_d(Parser& p, const toml::table& t, Alternativ& a) {
  bool has_bas = t.contains("bas_tkr"), has_list = t.contains("minskning_procent");
  if (!has_bas || !has_list) {
    return missing(p, a,
                   !has_bas && !has_list ? "'bas_tkr' och 'minskning_procent'"
                   : has_bas             ? "'minskning_procent'"
                                         : "'bas_tkr'");
  }
  auto bas = kronor(p.number(t, "bas_tkr", kAlternativeWhere, kTkrRule, kAlternativeUnused));
  auto list = p.numbers(t, "minskning_procent", kAlternativeWhere, kIndexRule, kAlternativeUnused);
  if (!bas || !list || !check_reductions(p, t, *list)) return false;
  a.bas_kr = *bas;
  a.minskning_procent = std::move(*list);
  std::int64_t kr = 0;
  if (auto word = word_or_tkr(p, t, "utveckling_bas", {"forslag", "budget"}, &kr)) {
    a.utveckling_bas = *word == "budget"  ? Alternativ::UtvecklingBas::budget
                       : *word == "tkr"   ? Alternativ::UtvecklingBas::tkr
                                          : Alternativ::UtvecklingBas::forslag;
    a.utveckling_bas_kr = kr;
  }
  if (auto word = word_or_tkr(p, t, "exempel_bas", {"bas", "budget"}, &kr)) {
    a.exempel_bas = *word == "budget" ? Alternativ::ExempelBas::budget
                    : *word == "tkr"  ? Alternativ::ExempelBas::tkr
                                      : Alternativ::ExempelBas::bas;
    a.exempel_bas_kr = kr;
  }
  if (auto rows = p.texts(t, "jamforelse", kAlternativeWhere, kValueUnused)) {
    for (const std::string& r : *rows) {
      if (r == "utfall" || r == "budget" || r == "forslag") {
        if (std::find(a.jamforelse.begin(), a.jamforelse.end(), r) == a.jamforelse.end()) {
          a.jamforelse.push_back(r);
        }
      } else {
        p.invalid(*t.get("jamforelse"), "jamforelse", kAlternativeWhere,
                  "en lista av \"utfall\", \"budget\" och \"forslag\"", kValueUnused,
                  suggest(r, {"utfall", "budget", "forslag"}));
      }
    }
  }
  return true;
}

/// `namn`: exactly one of A, B, C, D.
std::optional<char> read_namn(Parser& p, const toml::table& t) {
  const toml::node* node = t.get("namn");
  if (node == nullptr) return std::nullopt;
  std::optional<std::string_view> word = node->value_exact<std::string_view>();
  if (word && word->size() == 1 && (*word)[0] >= 'A' && (*word)[0] <= 'D') return (*word)[0];
  p.invalid(*node, "namn", kAlternativeWhere, "A, B, C eller D", kAlternativeUnused);
  return std::nullopt;
}

std::optional<Alternativ> read_alternative(Parser& p, const toml::table& t) {
  p.only(t, kAlternativeWhere,
         {"leverantor", "namn", "insatser", "utveckling_minus_tkr", "forvaltning_minus_tkr",
          "bas_tkr", "minskning_procent", "utveckling_bas", "exempel_bas", "jamforelse",
          "medskick"});
  Alternativ a;
  a.rad = line_of(t);
  std::optional<std::string> leverantor =
      p.text(t, "leverantor", kAlternativeWhere, kAlternativeUnused);
  std::optional<char> namn = read_namn(p, t);
  for (std::string_view key : {"leverantor", "namn"}) {
    if (!t.contains(key)) {
      p.error(a.rad, fmt::format("'{}' saknas i [[alternativ]]. {}", key, kAlternativeUnused));
    }
  }
  if (!leverantor || !namn) return std::nullopt;
  a.leverantor = std::move(*leverantor);
  a.namn = *namn;
  warn_other_kinds(p, t, a);
  if (auto medskick = p.texts(t, "medskick", kAlternativeWhere, kValueUnused)) {
    a.medskick = std::move(*medskick);
  }
  bool ok = a.namn == 'B'   ? read_b(p, t, a)
            : a.namn == 'C' ? read_c(p, t, a)
            : a.namn == 'D' ? read_d(p, t, a)
                            : true;
  if (!ok) return std::nullopt;
  return a;
}

void read_alternativ(Parser& p, const toml::table& root, std::vector<Alternativ>& out) {
  const toml::node* node = root.get("alternativ");
  if (node == nullptr) return;
  const toml::array* list = node->as_array();
  if (list == nullptr) {
    p.invalid(*node, "alternativ", "", "en lista av tabeller, skrivna [[alternativ]]");
    return;
  }
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      p.invalid(item, "alternativ", "", "en tabell, skriven [[alternativ]]");
      continue;
    }
    std::optional<Alternativ> a = read_alternative(p, *t);
    if (!a) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const Alternativ& b) {
      return b.leverantor == a->leverantor && b.namn == a->namn;
    });
    if (same != out.end()) {
      p.error(a->rad, fmt::format("alternativ {} för '{}' står redan på rad {}. {}", a->namn,
                                  a->leverantor, same->rad, kAlternativeUnused));
      continue;
    }
    out.push_back(std::move(*a));
  }
}

// ---- [[justering]] ----------------------------------------------------------------------------

constexpr NumberRule kAdjustmentRule{-1'000'000'000, 1'000'000'000, 3,
                                     "ett belopp i tkr från -1 000 000 000 till 1 000 000 000",
                                     " (hela kronor)"};
constexpr std::string_view kAdjustmentWhere = "[[justering]]";
constexpr std::string_view kAdjustmentUnused = "Justeringen används inte.";

std::optional<Justering> read_adjustment(Parser& p, const toml::table& t) {
  p.only(t, kAdjustmentWhere,
         {"leverantor", "tabell", "omrade", "tjanst", "ar", "belopp_tkr", "kalla", "motivering"});
  Justering j;
  j.rad = line_of(t);
  bool ok = true;
  for (std::string_view key : {"leverantor", "tabell", "ar", "belopp_tkr", "kalla", "motivering"}) {
    if (!t.contains(key)) {
      p.error(j.rad, fmt::format("'{}' saknas i [[justering]]. {}", key, kAdjustmentUnused));
      ok = false;
    }
  }
  auto text = [&](std::string_view key, std::string& out) {
    if (!t.contains(key)) return;
    if (auto v = p.text(t, key, kAdjustmentWhere, kAdjustmentUnused)) {
      out = std::move(*v);
    } else {
      ok = false;
    }
  };
  text("leverantor", j.leverantor);
  text("tabell", j.tabell);
  text("omrade", j.omrade);
  text("tjanst", j.tjanst);
  text("kalla", j.kalla);
  text("motivering", j.motivering);
  if (!j.tabell.empty() && j.tabell != "forvaltning" && j.tabell != "utveckling") {
    p.invalid(*t.get("tabell"), "tabell", kAdjustmentWhere, "'forvaltning' eller 'utveckling'",
              kAdjustmentUnused);
    ok = false;
  }
  if (!j.omrade.empty() && !j.tjanst.empty()) {
    p.error(j.rad, fmt::format("[[justering]] kan ange 'omrade' eller 'tjanst', inte båda. {}",
                               kAdjustmentUnused));
    ok = false;
  }
  if (t.contains("ar")) {
    if (std::optional<int> ar = p.year(t, "ar")) j.ar = *ar; else ok = false;
  }
  if (t.contains("belopp_tkr")) {
    std::optional<std::int64_t> kr =
        kronor(p.number(t, "belopp_tkr", kAdjustmentWhere, kAdjustmentRule, kAdjustmentUnused));
    if (kr) j.belopp_kr = *kr; else ok = false;
  }
  if (!ok) return std::nullopt;
  return j;
}

void read_justeringar(Parser& p, const toml::table& root, std::vector<Justering>& out) {
  const toml::node* node = root.get("justering");
  if (node == nullptr) return;
  const toml::array* list = node->as_array();
  if (list == nullptr) {
    p.invalid(*node, "justering", "", "en lista av tabeller, skrivna [[justering]]");
    return;
  }
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      p.invalid(item, "justering", "", "en tabell, skriven [[justering]]");
      continue;
    }
    std::optional<Justering> j = read_adjustment(p, *t);
    if (!j) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const Justering& k) {
      return fold(k.leverantor) == fold(j->leverantor) && k.tabell == j->tabell &&
             fold(k.omrade) == fold(j->omrade) && fold(k.tjanst) == fold(j->tjanst) &&
             k.ar == j->ar;
    });
    if (same != out.end()) {
      p.error(j->rad, fmt::format("samma siffra justeras redan på rad {}. {}", same->rad,
                                  kAdjustmentUnused));
      continue;
    }
    out.push_back(std::move(*j));
  }
}

// ---- [bilaga] ---------------------------------------------------------------------------------

void read_bilaga(Parser& p, const toml::table& root, Bilaga& out) {
  const toml::table* t = p.table(root, "bilaga", "en tabell [bilaga]");
  if (t == nullptr) return;
  constexpr std::string_view where = "[bilaga]";
  p.only(*t, where, {"titel", "diarienummer", "datum", "version"});
  for (auto [key, field] : {std::pair{std::string_view("titel"), &out.titel},
                            std::pair{std::string_view("diarienummer"), &out.diarienummer},
                            std::pair{std::string_view("version"), &out.version}}) {
    const toml::node* node = t->get(key);
    if (node == nullptr) continue;
    if (std::optional<std::int64_t> n = node->value_exact<std::int64_t>(); n && key != "titel") {
      *field = std::to_string(*n);  // version = 2
    } else if (auto text = p.text(*t, key, where, kValueUnused)) {
      *field = std::move(*text);
    }
  }
  if (const toml::node* node = t->get("datum")) {
    if (const toml::value<toml::date>* d = node->as_date()) {
      const toml::date& v = d->get();
      out.datum = fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
    } else if (const toml::value<std::string>* s = node->as_string();
               s != nullptr && s->get().size() == 10 && s->get()[4] == '-' && s->get()[7] == '-') {
      out.datum = s->get();
    } else {
      p.invalid(*node, "datum", where, "ett datum som 2023-05-03");
    }
  }
}

// ---- [foregaende] -----------------------------------------------------------------------------

void read_foregaende(Parser& p, const toml::table& root, Foregaende& out) {
  const toml::table* t = p.table(root, "foregaende", "en tabell [foregaende]");
  if (t == nullptr) return;
  constexpr std::string_view where = "[foregaende]";
  p.only(*t, where, {"kunder", "resultat"});
  for (auto [key, field, line] :
       {std::tuple{std::string_view("kunder"), &out.kunder, &out.kunder_rad},
        std::tuple{std::string_view("resultat"), &out.resultat, &out.resultat_rad}}) {
    if (auto text = p.text(*t, key, where, "Förändringen mot förra året räknas inte.")) {
      *field = std::move(*text);
      *line = line_of(*t->get(key));
    }
  }
  if (out.kunder.empty() && !out.resultat.empty()) {
    p.error(out.resultat_rad,
            "'resultat' i [foregaende] kräver 'kunder' (förra årets kunder.xlsx med mått, nycklar "
            "och tjänstekatalog): förändringen mot förra året räknas inte.");
    out.resultat.clear();
  }
}

// ---- describe_defaults ----------------------------------------------------------------------

std::string index_line(const IndexSettings& x) {
  if (!x.procent) return "index: inget angivet, läses ur underlagen (standard)";
  if (!x.blandat) return fmt::format("index: {}", percent_text(*x.procent));
  Rational rest = add(Rational{1, 1}, Rational{-x.personalandel->num, x.personalandel->den});
  return fmt::format("index: {} (vägt: personal {} med andelen {}, inköp {} med andelen {})",
                     percent_text(*x.procent), percent_text(*x.personal),
                     format_decimal(*x.personalandel), percent_text(*x.inkop),
                     format_decimal(rest));
}

std::string impact_text(analys::Impact impact) {
  switch (impact) {
    case analys::Impact::level:
      return "påverkan nivå";
    case analys::Impact::change:
      return "påverkan förändring enskilt år";
    case analys::Impact::unknown:
      break;
  }
  return "påverkan läses ur underlaget (standard)";
}

std::string supplier_line(const std::string& name, const LeverantorSettings& l) {
  std::string index = l.index ? fmt::format("index {}", percent_text(*l.index))
                              : "index enligt omgången (standard)";
  return fmt::format("leverantör '{}': {}, {}", name, index, impact_text(l.paverkan));
}

std::string alternative_line(const Alternativ& a) {
  std::vector<std::string> parts;
  for (const std::string& insats : a.insatser) parts.push_back(fmt::format("'{}'", insats));
  std::string what;
  if (a.namn == 'A') what = "godkänn i sin helhet";
  if (a.namn == 'B') what = fmt::format("utan insatserna {}", fmt::join(parts, ", "));
  if (a.namn == 'C') {
    parts.clear();
    if (a.utveckling_minus_kr != 0 || a.forvaltning_minus_kr == 0) {
      parts.push_back("utvecklingsramen minskad med " + analys::format_tkr(a.utveckling_minus_kr));
    }
    if (a.forvaltning_minus_kr != 0) {
      parts.push_back("förvaltningsramen minskad med " +
                      analys::format_tkr(a.forvaltning_minus_kr));
    }
    what = fmt::format("{}", fmt::join(parts, ", "));
  }
  if (a.namn == 'D') {
    for (Rational r : a.minskning_procent) parts.push_back(percent_text(r));
    using Ex = Alternativ::ExempelBas;
    std::string of = a.exempel_bas == Ex::tkr      ? " av " + analys::format_tkr(a.exempel_bas_kr)
                     : a.exempel_bas == Ex::budget ? std::string(" av budget föregående år")
                                                   : std::string();
    what = fmt::format("förvaltningsramen {} (variant 1), minskad med X % (variant 2); "
                       "exempel på X: {}{}",
                       analys::format_tkr(a.bas_kr), fmt::join(parts, ", "), of);
    using Bas = Alternativ::UtvecklingBas;
    if (a.utveckling_bas == Bas::budget) what += "; utvecklingsramen budget föregående år";
    if (a.utveckling_bas == Bas::tkr) {
      what += fmt::format("; utvecklingsramen {}", analys::format_tkr(a.utveckling_bas_kr));
    }
    if (!a.jamforelse.empty()) {
      what += fmt::format("; jämförelse: {}", fmt::join(a.jamforelse, ", "));
    }
  }
  if (!a.medskick.empty()) what += fmt::format("; {} medskick", a.medskick.size());
  return fmt::format("alternativ {} för '{}': {}", a.namn, a.leverantor, what);
}

std::vector<std::string> setting_lines(const Settings& s) {
  std::vector<std::string> lines;
  lines.push_back(s.analysar != 0 ? fmt::format("analysår: {}", s.analysar)
                                  : "analysår: läses ur underlagen (standard)");
  lines.push_back(index_line(s.index));
  lines.push_back(s.kf_index ? fmt::format("KF:s index: {}", percent_text(*s.kf_index))
                             : "KF:s index: inget angivet, ramarna visas \"+ index\" (standard)");
  std::vector<std::string> years;
  for (const auto& [year, r] : s.prisindex)
    years.push_back(fmt::format("{} {}", year, percent_text(r)));
  lines.push_back(years.empty() ? "prisindex: ingen serie angiven (standard)"
                                : fmt::format("prisindex: {}", fmt::join(years, ", ")));
  if (s.leverantorer.empty())
    lines.push_back("leverantörer: inga särskilda inställningar (standard)");
  for (const auto& [name, l] : s.leverantorer) lines.push_back(supplier_line(name, l));
  lines.push_back("alternativ A (godkänn i sin helhet): för varje leverantör (standard)");
  for (const Alternativ& a : s.alternativ) lines.push_back(alternative_line(a));
  return lines;
}

}  // namespace

Settings read_settings(std::string_view toml_text, std::string_view file_name, Findings& findings) {
  Settings s;
  Parser p(file_name, findings);
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    p.error(line_of(e.source()),
            fmt::format("ogiltig TOML: {}. Filen används inte; alla inställningar har sina "
                        "standardvärden.",
                        e.description()));
    p.flush();
    return s;
  }
  repair_strings(root, [&](int line, std::string message) {
    p.add(Level::varning, "TEXT_REPLACED", line, std::move(message));
  });
  p.only(root, "", {"analysar", "index", "kf_index", "prisindex", "leverantor", "alternativ",
                    "justering", "bilaga", "foregaende"});
  s.analysar = p.year(root, "analysar").value_or(0);
  read_index(p, root, s.index);
  s.kf_index = p.number(root, "kf_index", "", kIndexRule);
  read_prisindex(p, root, s.prisindex);
  read_leverantorer(p, root, s.leverantorer);
  read_alternativ(p, root, s.alternativ);
  read_justeringar(p, root, s.justeringar);
  read_bilaga(p, root, s.bilaga);
  read_foregaende(p, root, s.foregaende);
  p.flush();
  return s;
}

Settings read_settings_file(const std::filesystem::path& path, Findings& findings) {
  constexpr std::uint64_t kMaxSettingsBytes = std::uint64_t{1} << 20;  // a real one is ~2 kB
  std::string name = path.filename().string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    findings.push_back(Finding{std::string(kSettingsDefaults), Level::info, Location{name, "", ""},
                               "filen finns inte; alla inställningar har sina standardvärden.",
                               std::nullopt, std::nullopt});
    return {};
  }
  std::vector<std::byte> bytes;
  try {
    bytes = read_file(path, name, kMaxSettingsBytes);
  } catch (const ReadError& e) {
    std::string_view why = e.what();
    if (why.starts_with(name + ": ")) why.remove_prefix(name.size() + 2);
    findings.push_back(Finding{std::string(kSettingsInvalid), Level::fel, Location{name, "", ""},
                               fmt::format("{} Alla inställningar har sina standardvärden.", why),
                               std::nullopt, std::nullopt});
    return {};
  }
  std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return read_settings(text, name, findings);
}

std::string describe_defaults(const Settings& settings) {
  std::string out = "Inställningar för omgången (standard = inte angivet i omgang.toml):\n";
  for (const std::string& line : setting_lines(settings)) out += "  " + line + "\n";
  return out;
}

}  // namespace arsanalys::sammanstallning

#include "analys/amount.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <system_error>

#include "core/number_text.h"

namespace arsanalys::analys {
namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8 code points and their classes

constexpr char32_t kInvalid = 0xFFFD;

struct CodePoint {
  char32_t cp = 0;      // 0 at the end of the text
  std::size_t len = 0;  // bytes
};

CodePoint decode(std::string_view s, std::size_t i) {
  if (i >= s.size()) return {};
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return {kInvalid, 1};
  char32_t cp = c & (0x3Fu >> (n - 1));
  for (std::size_t k = 1; k < n; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  return {cp, n};
}

/// The start of the code point before byte i (i itself when i is 0).
std::size_t previous_start(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

/// The code point before byte i, 0 at the start.
char32_t previous(std::string_view s, std::size_t i) {
  return i == 0 ? 0 : decode(s, previous_start(s, i)).cp;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Space, tab, line breaks, NBSP, the typographic spaces (thin, narrow NBSP, figure...), BOM.
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// What separates thousands: a space of any width, never a tab or a line break.
bool is_group_space(char32_t c) {
  return c == ' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

// Hyphen-minus, the Unicode hyphens and dashes (en, em, ...) and the minus sign U+2212.
bool is_dash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

// ASCII and Latin letters (å, ä, ö, é ...); enough to tell a word from a number.
bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_delta(char32_t c) { return c == 0x394 || c == 0x2206; }

char32_t fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  return c;
}

// ---------------------------------------------------------------------------------------------
// A cursor over text, by code point

class Cursor {
 public:
  explicit Cursor(std::string_view text, std::size_t pos = 0) : s_(text), pos_(pos) {}

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }
  bool done() const { return pos_ >= s_.size(); }
  char32_t peek() const { return decode(s_, pos_).cp; }
  void next() { pos_ += std::max<std::size_t>(decode(s_, pos_).len, 1); }
  std::string_view rest() const { return s_.substr(std::min(pos_, s_.size())); }

  bool eat(char32_t c) {
    if (done() || peek() != c) return false;
    next();
    return true;
  }

  void skip_spaces() {
    while (!done() && is_space(peek())) next();
  }

  /// Consumes `word` (lower-case UTF-8) regardless of case, when no letter follows it.
  bool eat_word(std::string_view word) {
    std::size_t i = pos_;
    for (std::size_t k = 0; k < word.size();) {
      CodePoint w = decode(word, k);
      CodePoint t = decode(s_, i);
      if (t.len == 0 || fold(t.cp) != w.cp) return false;
      k += w.len;
      i += t.len;
    }
    if (is_letter(decode(s_, i).cp)) return false;
    pos_ = i;
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_;
};

// ---------------------------------------------------------------------------------------------
// Units

struct UnitWords {
  std::string_view words;  // lower case, words separated by one space
  Unit unit;
};

// Several words before their first word alone ("miljoner kronor" before "miljoner").
constexpr std::array<UnitWords, 31> kUnitWords{{
    {"tusentals kronor", Unit::tkr},
    {"tusental kronor", Unit::tkr},
    {"tusen kronor", Unit::tkr},
    {"tusentals kr", Unit::tkr},
    {"tusental kr", Unit::tkr},
    {"tusen kr", Unit::tkr},
    {"miljoner kronor", Unit::mnkr},
    {"miljoner kr", Unit::mnkr},
    {"miljon kronor", Unit::mnkr},
    {"milj kr", Unit::mnkr},
    {"mn kr", Unit::mnkr},
    {"miljarder kronor", Unit::mdr},
    {"miljarder kr", Unit::mdr},
    {"miljard kronor", Unit::mdr},
    {"md kr", Unit::mdr},
    {"tkr", Unit::tkr},
    {"tsek", Unit::tkr},
    {"ksek", Unit::tkr},
    {"mnkr", Unit::mnkr},
    {"mkr", Unit::mnkr},
    {"msek", Unit::mnkr},
    {"miljoner", Unit::mnkr},
    {"miljon", Unit::mnkr},
    {"milj", Unit::mnkr},
    {"mdr", Unit::mdr},
    {"mdkr", Unit::mdr},
    {"miljarder", Unit::mdr},
    {"miljard", Unit::mdr},
    {"kronor", Unit::kr},
    {"kr", Unit::kr},
    {"sek", Unit::kr},
}};

/// Consumes the words of one unit: between words an optional "." ("milj. kr") and spaces.
bool eat_words(Cursor& c, std::string_view words) {
  Cursor t = c;
  std::size_t start = 0;
  while (start <= words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    if (!t.eat_word(words.substr(start, end - start))) return false;
    if (end == words.size()) break;
    t.eat('.');
    if (!is_space(t.peek())) return false;
    t.skip_spaces();
    start = end + 1;
  }
  c = t;
  return true;
}

/// A unit at the cursor ("tkr", "Mkr", "miljoner kronor", ":-"), consumed.
std::optional<Unit> eat_unit(Cursor& c) {
  if (c.peek() == ':') {
    Cursor t = c;
    t.next();
    if (t.eat('-')) {
      c = t;
      return Unit::kr;
    }
    return std::nullopt;
  }
  if (!is_letter(c.peek())) return std::nullopt;
  for (const auto& u : kUnitWords) {
    if (eat_words(c, u.words)) return u.unit;
  }
  return std::nullopt;
}

int unit_exponent(Unit unit) {
  switch (unit) {
    case Unit::kr:
      return 0;
    case Unit::tkr:
      return 3;
    case Unit::mnkr:
      return 6;
    case Unit::mdr:
      return 9;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Decimal digits -> kronor, exactly

/// Digits with a decimal point: value = 0.d1 d2 d3 ... × 10^point.
struct DecimalDigits {
  std::string digits;  // no sign, no separators
  long point = 0;      // how many of `digits` come before the decimal point (may be <0 or >size)
  bool negative = false;
};

struct Kronor {
  bool overflow = false;  // beyond ±kMaxAmountKr
  bool rounded = false;   // a fraction of a krona was rounded away
  std::int64_t value = 0;
};

/// `d` × 10^shift in whole kronor, rounded half away from zero.
Kronor to_kronor(const DecimalDigits& d, int shift) {
  std::string_view digits = d.digits;
  long point = d.point + shift;
  while (!digits.empty() && digits.front() == '0') {
    digits.remove_prefix(1);
    --point;
  }
  Kronor k;
  if (digits.empty()) return k;
  if (point > 19) return {true, false, 0};
  std::uint64_t whole = 0;
  for (long i = 0; i < point; ++i) {
    auto idx = static_cast<std::size_t>(i);
    whole = whole * 10 + (idx < digits.size() ? static_cast<std::uint64_t>(digits[idx] - '0') : 0);
  }
  std::size_t first_dropped = point > 0 ? static_cast<std::size_t>(point) : 0;
  for (std::size_t i = first_dropped; i < digits.size(); ++i) {
    if (digits[i] != '0') k.rounded = true;
  }
  if (point >= 0 && first_dropped < digits.size() && digits[first_dropped] >= '5') ++whole;
  const std::uint64_t max = std::uint64_t{1} << 63;  // |INT64_MIN|
  if (whole > (d.negative ? max : max - 1)) return {true, false, 0};
  if (whole > static_cast<std::uint64_t>(kMaxAmountKr)) return {true, false, 0};
  if (d.negative) {
    k.value =
        whole == max ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(whole);
  } else {
    k.value = static_cast<std::int64_t>(whole);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Swedish number text

/// A decimal as Swedes write it: "1 234,5", "-0,0005".
std::string swedish(const DecimalDigits& d) {
  std::string out = d.negative ? "-" : "";
  if (d.point <= 0) {
    out += "0," + std::string(static_cast<std::size_t>(-d.point), '0') + d.digits;
    return out;
  }
  auto p = static_cast<std::size_t>(d.point);
  std::string whole = d.digits.substr(0, std::min(p, d.digits.size()));
  if (p > d.digits.size()) whole.append(p - d.digits.size(), '0');
  out += group_thousands(whole);
  if (p < d.digits.size()) out += "," + d.digits.substr(p);
  return out;
}

std::string format_kronor(std::int64_t kronor) { return group_thousands(kronor); }

/// Text with every kind of space as one plain space.
std::string plain_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    CodePoint c = decode(text, i);
    if (is_space(c.cp)) {
      out += ' ';
    } else {
      out.append(text.substr(i, c.len));
    }
    i += c.len;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers: digit runs joined by spaces, commas or points

struct Run {
  std::size_t begin = 0, end = 0;  // bytes
  char sep = 0;                    // separator before the run: ' ', ',' or '.'; 0 first
  std::size_t size() const { return end - begin; }
};

struct Number {
  std::size_t begin = 0, end = 0;  // bytes
  bool valid = false;              // the runs form a number
  bool ambiguous = false;          // read by a guess
  bool grouped = false;            // thousands grouped by spaces, by the book ("7 591")
  DecimalDigits decimal;                 // sign not set
  std::string written;             // as written, spaces plain
};

std::size_t digits_end(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

/// The digit runs from `begin`. In free text a space joins only what could be thousands (a first
/// run of 1-3 digits, then runs of 2-3), so that "2026 3 500 tkr" is a year and an amount.
std::vector<Run> digit_runs(std::string_view s, std::size_t begin, bool free_text) {
  std::vector<Run> runs{{begin, digits_end(s, begin), 0}};
  for (;;) {
    std::size_t j = runs.back().end;
    CodePoint c = decode(s, j);
    char sep = 0;
    if (is_group_space(c.cp)) {
      sep = ' ';
    } else if (c.cp == ',' || c.cp == '.') {
      sep = static_cast<char>(c.cp);
    } else {
      break;
    }
    std::size_t k = j + c.len;
    if (k >= s.size() || !is_digit(static_cast<unsigned char>(s[k]))) break;
    Run next{k, digits_end(s, k), sep};
    if (free_text && sep == ' ' &&
        (runs.front().size() > 3 || next.size() < 2 || next.size() > 3 || runs.back().sep == ',' ||
         runs.back().sep == '.')) {
      break;
    }
    runs.push_back(next);
  }
  return runs;
}

/// First run of 1-3 digits, the others of exactly 3: thousands by the book.
bool well_grouped(const std::vector<Run>& runs, std::size_t count) {
  if (runs[0].size() > 3) return false;
  for (std::size_t i = 1; i < count; ++i) {
    if (runs[i].size() != 3) return false;
  }
  return true;
}

/// A first run of 1-3 digits, the others of 2-3: "8 00", thousands with a digit missing.
bool loosely_grouped(const std::vector<Run>& runs, std::size_t count) {
  if (runs[0].size() > 3) return false;
  for (std::size_t i = 1; i < count; ++i) {
    if (runs[i].size() < 2 || runs[i].size() > 3) return false;
  }
  return true;
}

/// How the separators of `runs` are read. The decimal separator is the last separator when it
/// is a comma or a point that occurs once; everything before it groups thousands.
Number interpret(std::string_view s, const std::vector<Run>& runs) {
  Number n;
  n.begin = runs.front().begin;
  n.end = runs.back().end;
  n.written = plain_spaces(s.substr(n.begin, n.end - n.begin));
  std::size_t count = runs.size();
  char last = runs.back().sep;
  std::size_t int_runs = count;
  std::size_t spaces = 0, commas = 0, points = 0;
  for (const Run& r : runs) {
    spaces += r.sep == ' ';
    commas += r.sep == ',';
    points += r.sep == '.';
  }
  bool guessed = false;
  if (spaces == count - 1) {  // only spaces (or a single run)
    if (!loosely_grouped(runs, count) && count > 1) return n;
    guessed = count > 1 && !well_grouped(runs, count);
    n.grouped = count > 1 && !guessed;
  } else if ((last == ',' && commas == 1 && points == 0) ||
             (last == '.' && points == 1 && commas == 0)) {
    int_runs = count - 1;
    if (spaces == 0 && count == 2 && runs[0].size() <= 3 && s[runs[0].begin] != '0' &&
        runs[1].size() == 3) {
      int_runs = count;  // "134,800": a thousands separator, by a guess
      guessed = true;
    } else if (int_runs > 1) {
      if (!loosely_grouped(runs, int_runs)) return n;
      guessed = !well_grouped(runs, int_runs);
      n.grouped = !guessed;
    }
  } else {
    // "1,234,567", "1.234.567,5", "1,234.5": one mark groups, the other (once, last) decimals.
    char group = runs[1].sep;
    if (group == ' ') return n;
    std::size_t same = group == ',' ? commas : points;
    std::size_t other = group == ',' ? points : commas;
    if (same == count - 1) {
      int_runs = count;
    } else if (other == 1 && last != group && same == count - 2) {
      int_runs = count - 1;
    } else {
      return n;
    }
    if (!well_grouped(runs, int_runs)) return n;
    guessed = true;
  }
  for (std::size_t i = 0; i < count; ++i) {
    n.decimal.digits.append(s.substr(runs[i].begin, runs[i].size()));
    if (i + 1 == int_runs) n.decimal.point = static_cast<long>(n.decimal.digits.size());
  }
  n.valid = true;
  n.ambiguous = guessed;
  return n;
}

/// "134,800 lästes som 134 800": how an ambiguous number was read (decimal's sign set).
std::string reading(const Number& n) {
  return (n.decimal.negative ? "-" : "") + n.written + " lästes som " + swedish(n.decimal);
}

/// "0,0005 tkr lästes som 1 kr (avrundat till hela kronor)".
/// Why a figure is out of range, with the figure as written ("1E+300 tkr"): too large, or (for
/// a negative one) too small.
std::string out_of_range(std::string_view written, bool negative) {
  std::size_t cut = std::min<std::size_t>(written.size(), 40);
  while (cut < written.size() && (static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) --cut;
  std::string shown(written.substr(0, cut));
  if (cut < written.size()) shown += "…";
  return fmt::format("är för stort: '{}' är {} än {} 000 000 000 000 kr (1 000 miljarder "
                     "kronor), långt mer än en kommunal budget rymmer. Kontrollera beloppet och "
                     "enheten",
                     shown, negative ? "mindre" : "mer", negative ? "−1" : "1");
}

std::string rounding(const DecimalDigits& d, Unit unit, std::int64_t kronor) {
  // Far below one öre (1E-300, a formula's rounding residue): a short form, not 300 zeros.
  std::size_t first = d.digits.find_first_not_of('0');
  if (first != std::string::npos && d.point - static_cast<long>(first) + unit_exponent(unit) <= -2) {
    std::string sig = d.digits.substr(first, 3);
    while (sig.size() > 1 && sig.back() == '0') sig.pop_back();
    std::string mantissa = sig.substr(0, 1) + (sig.size() > 1 ? "," + sig.substr(1) : "");
    return fmt::format("{}{}e{} {} är mindre än ett öre och lästes som 0 kr",
                       d.negative ? "-" : "", mantissa, d.point - static_cast<long>(first) - 1,
                       unit_name(unit));
  }
  return swedish(d) + " " + std::string(unit_name(unit)) + " lästes som " + format_kronor(kronor) +
         " kr (avrundat till hela kronor)";
}

Number read_number(std::string_view s, std::size_t begin, bool free_text) {
  return interpret(s, digit_runs(s, begin, free_text));
}

// ---------------------------------------------------------------------------------------------
// Cells

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

/// Drops simple HTML tags pasted from Word: <u>, </u>, <i>, <b>, <p>, <br>, <br/> ...
std::string strip_tags(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      std::size_t j = i + 1;
      if (j < text.size() && text[j] == '/') ++j;
      std::size_t letters = j;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && text[j] == '/') ++j;
      if (j > letters && j < text.size() && text[j] == '>') {
        out += ' ';
        i = j;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string_view trim(std::string_view s) {
  Cursor c(s);
  c.skip_spaces();
  s.remove_prefix(c.pos());
  while (!s.empty()) {
    std::size_t p = previous_start(s, s.size());
    if (!is_space(decode(s, p).cp)) break;
    s.remove_suffix(s.size() - p);
  }
  return s;
}

bool is_nothing_mark(char32_t c) { return is_dash(c) || c == '='; }
bool is_star(char32_t c) { return c == '*'; }
bool is_question(char32_t c) { return c == '?'; }
bool is_x(char32_t c) { return c == 'x' || c == 'X'; }

/// Only marks of one kind (at least one, spaces between them), then optionally a unit; the
/// unit goes to `a`.
bool only_marks(std::string_view s, bool (*mark)(char32_t), Amount& a) {
  Cursor c(s);
  bool any = false;
  while (!c.done() && (mark(c.peek()) || (any && is_space(c.peek())))) {
    any = any || mark(c.peek());
    c.next();
  }
  if (!any) return false;
  c.skip_spaces();
  std::optional<Unit> unit = eat_unit(c);
  c.skip_spaces();
  if (!c.done()) return false;
  a.unit = unit;
  return true;
}

/// "*", "XXX", "xxx tkr", "?", "...": a value still to be filled in.
bool is_placeholder(std::string_view s, Amount& a) {
  if (s == "..." || s == "\u2026") return true;
  return only_marks(s, is_star, a) || only_marks(s, is_question, a) || only_marks(s, is_x, a);
}

constexpr std::array<std::string_view, 9> kApproximately{
    "uppskattas till",
    "beräknas till",
    "uppskattningsvis",
    "ungefär",
    "omkring",
    "cirka",
    "ca",
    "runt",
    "circa",
};

/// The words of an approximation at the cursor ("ca", "ca.", "c:a", "cirka"), consumed.
bool eat_approximately(Cursor& c) {
  for (std::string_view words : kApproximately) {
    if (eat_words(c, words)) {
      c.eat('.');
      return true;
    }
  }
  Cursor t = c;
  if ((t.eat('c') || t.eat('C')) && t.eat(':') && (t.eat('a') || t.eat('A')) &&
      !is_letter(t.peek())) {
    c = t;
    return true;
  }
  return false;
}

class CellReader {
 public:
  CellReader(std::string_view text, Unit table_unit) : s_(text), c_(text), unit_(table_unit) {}

  Amount read();

 private:
  Amount unparsed(std::string reason) {
    Amount a;
    a.kind = Amount::Kind::unparsed;
    a.reason = std::move(reason);
    return a;
  }
  Amount beyond(bool negative) {
    Amount a;
    a.kind = Amount::Kind::out_of_range;
    a.reason = out_of_range(s_, negative);
    return a;
  }

  /// A sign, a number and an optional unit (for "(6 400 tkr)" and "(år 2025: 9 200 tkr)").
  std::optional<std::int64_t> inner_amount(Unit unit);
  bool annotation();
  void note_guesses(const Number& n, const Kronor& k, std::string_view approx_words, bool paren,
                    Unit unit);
  void level(Unit unit);
  void rest();
  void year_label();
  void footnotes() {
    while (c_.eat('*')) {
      a_.footnote = true;
      c_.skip_spaces();
    }
  }

  std::string_view s_;
  Cursor c_;
  Unit unit_;  // the table's
  Amount a_;
  std::vector<std::string> guesses_;
  bool failed_ = false;
  std::string failure_;
  int beyond_ = 0;  // an amount beyond kMaxAmountKr: 1, or -1 for a negative one
};

bool eat_sign(Cursor& c) {
  if (c.eat('+')) {
    c.skip_spaces();
    return false;
  }
  if (is_dash(c.peek())) {
    c.next();
    c.skip_spaces();
    return true;
  }
  return false;
}

bool starts_range(Cursor c) {
  c.skip_spaces();
  if (!is_dash(c.peek())) return false;
  c.next();
  c.skip_spaces();
  return is_digit(c.peek());
}

std::optional<std::int64_t> CellReader::inner_amount(Unit unit) {
  bool negative = eat_sign(c_);
  if (!is_digit(c_.peek())) return std::nullopt;
  Number n = read_number(s_, c_.pos(), false);
  if (!n.valid) return std::nullopt;
  c_.set_pos(n.end);
  c_.skip_spaces();
  std::optional<Unit> written = eat_unit(c_);
  if (written) unit = *written;
  n.decimal.negative = negative;
  Kronor k = to_kronor(n.decimal, unit_exponent(unit));
  if (k.overflow) {
    failed_ = true;
    beyond_ = negative ? -1 : 1;
    return std::nullopt;
  }
  if (n.ambiguous) {
    a_.ambiguous = true;
    guesses_.push_back(reading(n));
  }
  if (k.rounded) {
    a_.ambiguous = true;
    guesses_.push_back(rounding(n.decimal, unit, k.value));
  }
  return k.value;
}

/// "(år 2024)", "(2024)", "(år 2025: 9 200 tkr)".
bool CellReader::annotation() {
  Cursor start = c_;
  if (!c_.eat('(')) return false;
  c_.skip_spaces();
  if (c_.eat_word("år")) c_.skip_spaces();
  std::size_t p = c_.pos();
  std::size_t e = digits_end(s_, p);
  int year = 0;
  if (e - p == 4) std::from_chars(s_.data() + p, s_.data() + e, year);
  if (year < 1900 || year > 2100) {
    c_ = start;
    return false;
  }
  c_.set_pos(e);
  c_.skip_spaces();
  if (c_.eat(')')) {
    if (a_.year) {
      c_ = start;
      return false;
    }
    a_.year = year;
    return true;
  }
  if (c_.eat(':')) {
    c_.skip_spaces();
    std::optional<std::int64_t> kronor = inner_amount(a_.unit.value_or(unit_));
    c_.skip_spaces();
    if (kronor && c_.eat(')')) {
      a_.other_years.emplace_back(year, *kronor);
      return true;
    }
  }
  c_ = start;
  return false;
}

void CellReader::note_guesses(const Number& n, const Kronor& k, std::string_view approx_words,
                              bool paren, Unit unit) {
  std::string sign = n.decimal.negative ? "-" : "";
  if (n.ambiguous) guesses_.push_back(reading(n));
  if (a_.approximate) {
    guesses_.push_back(std::string(approx_words) + " " + sign + n.written + " lästes som " +
                       swedish(n.decimal) + " (ungefärligt belopp)");
  }
  if (paren) {
    guesses_.push_back("(" + sign + n.written + ") lästes som " + swedish(n.decimal) +
                       " (parentesen tolkades inte som minus)");
  }
  if (k.rounded) guesses_.push_back(rounding(n.decimal, unit, k.value));
  a_.ambiguous = n.ambiguous || a_.approximate || paren || k.rounded;
}

/// The level after a change: "Δ 300 (6 400)".
void CellReader::level(Unit unit) {
  c_.skip_spaces();
  Cursor before = c_;
  if (!c_.eat('(')) return;
  c_.skip_spaces();
  std::optional<std::int64_t> kronor = inner_amount(unit);
  c_.skip_spaces();
  if (kronor && c_.eat(')')) {
    a_.level_kronor = kronor;
  } else {
    c_ = before;
  }
}

/// Text after the amount: a final "." is fine, anything else is ignored by a guess.
void CellReader::rest() {
  c_.skip_spaces();
  if (c_.eat('.')) c_.skip_spaces();  // "500 tkr."
  if (c_.done()) return;
  a_.ambiguous = true;
  guesses_.push_back("texten efter beloppet räknades inte: '" + plain_spaces(c_.rest()) + "'");
}

/// A year label before the amount: "2024: 5 000 tkr", "år 2024: 5 000".
void CellReader::year_label() {
  Cursor start = c_;
  if (c_.eat_word("år")) c_.skip_spaces();
  std::size_t p = c_.pos();
  std::size_t e = digits_end(s_, p);
  int year = 0;
  if (e - p == 4) std::from_chars(s_.data() + p, s_.data() + e, year);
  c_.set_pos(e);
  c_.skip_spaces();
  if (year >= 1900 && year <= 2100 && c_.eat(':')) {
    a_.year = year;
    c_.skip_spaces();
  } else {
    c_ = start;
  }
}

Amount CellReader::read() {
  footnotes();
  year_label();
  std::size_t approx_begin = c_.pos();
  a_.approximate = eat_approximately(c_);
  std::string approx_words(s_.substr(approx_begin, c_.pos() - approx_begin));
  c_.skip_spaces();
  bool delta = is_delta(c_.peek());
  if (delta) {
    c_.next();
    c_.skip_spaces();
  }
  bool negative = eat_sign(c_);
  bool paren = !delta && c_.eat('(');
  if (paren) {
    c_.skip_spaces();
    negative = eat_sign(c_) != negative;
  }
  if (!is_digit(c_.peek())) return unparsed("inget tal");
  Number n = read_number(s_, c_.pos(), false);
  if (!n.valid) return unparsed("inget läsbart tal");
  c_.set_pos(n.end);
  bool glued = is_letter(c_.peek());
  footnotes();
  c_.skip_spaces();
  if (c_.peek() == '%' || c_.eat_word("procent")) {
    return unparsed("ett procenttal är inget belopp");
  }
  a_.unit = eat_unit(c_);
  if (glued && !a_.unit) return unparsed("inget tal");
  if (starts_range(c_)) return unparsed("ett intervall är inget belopp");
  c_.skip_spaces();
  footnotes();
  if (paren && !c_.eat(')')) return unparsed("parentesen stängs inte");
  Unit unit = a_.unit.value_or(unit_);
  n.decimal.negative = negative;
  Kronor k = to_kronor(n.decimal, unit_exponent(unit));
  if (k.overflow) return beyond(negative);
  a_.kind = Amount::Kind::amount;
  a_.kronor = k.value;
  note_guesses(n, k, approx_words, paren, unit);
  if (delta) level(unit);
  for (;;) {
    c_.skip_spaces();
    footnotes();
    if (!annotation()) break;
  }
  if (beyond_ != 0) return beyond(beyond_ < 0);
  if (failed_) return unparsed(failure_);
  rest();
  a_.guess = join(guesses_);
  return a_;
}

}  // namespace

std::int64_t unit_factor(Unit unit) {
  switch (unit) {
    case Unit::kr:
      return 1;
    case Unit::tkr:
      return 1000;
    case Unit::mnkr:
      return 1000000;
    case Unit::mdr:
      return 1000000000;
  }
  return 1;
}

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::kr:
      return "kr";
    case Unit::tkr:
      return "tkr";
    case Unit::mnkr:
      return "mnkr";
    case Unit::mdr:
      return "mdr";
  }
  return "kr";
}

std::optional<Unit> unit_in_text(std::string_view text) {
  Cursor c(text);
  while (!c.done()) {
    char32_t cp = c.peek();
    if (is_letter(cp) && !is_letter(previous(text, c.pos()))) {
      Cursor t = c;
      if (std::optional<Unit> unit = eat_unit(t)) return unit;
    }
    c.next();
  }
  return std::nullopt;
}

Amount parse_amount(std::string_view text, Unit unit) {
  std::string clean = strip_tags(text);
  std::string_view s = trim(clean);
  Amount a;
  if (s.empty()) return a;
  if (only_marks(s, is_nothing_mark, a)) return a;
  if (is_placeholder(s, a)) {
    a.kind = Amount::Kind::missing;
    return a;
  }
  return CellReader(s, unit).read();
}

Amount amount_from_number(double value, Unit unit) {
  Amount a;
  if (!std::isfinite(value)) {
    a.kind = Amount::Kind::unparsed;
    a.reason = "inte ett ändligt tal";
    return a;
  }
  a.kind = Amount::Kind::amount;
  if (value == 0) return a;
  // Shortest round-trip form, or Excel's 15 significant digits when that is longer.
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  std::size_t significant = 0;
  for (char ch : sci.substr(0, sci.find('e')))
    significant += is_digit(static_cast<unsigned char>(ch));
  if (significant > 15) {
    r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific, 14);
    sci = std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  DecimalDigits d;
  d.negative = sci.front() == '-';
  if (d.negative) sci.remove_prefix(1);
  std::size_t e = sci.find('e');
  for (char ch : sci.substr(0, e)) {
    if (is_digit(static_cast<unsigned char>(ch))) d.digits += ch;
  }
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  int exponent = 0;
  std::string_view exp_text = sci.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  d.point = 1 + exponent;
  Kronor k = to_kronor(d, unit_exponent(unit));
  if (k.overflow) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.6g", value);
    a.kind = Amount::Kind::out_of_range;
    a.reason = out_of_range(shown, value < 0);
    return a;
  }
  a.kronor = k.value;
  if (k.rounded) {
    a.ambiguous = true;
    a.guess = rounding(d, unit, k.value);
  }
  return a;
}

std::vector<TextAmount> amounts_in_text(std::string_view text, Unit unit) {
  std::vector<TextAmount> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(static_cast<unsigned char>(text[i]))) {
      i += std::max<std::size_t>(decode(text, i).len, 1);
      continue;
    }
    char32_t before = previous(text, i);
    bool inside_word = is_letter(before) || before == '_' || before == '.' || before == ',';
    Number n = read_number(text, i, true);
    i = n.end;
    if (inside_word || !n.valid) continue;
    // What precedes: a sign ("-21 200"), or the dash of a range or a date ("2024-2026").
    std::size_t start = n.begin;
    bool negative = false;
    std::size_t p = n.begin;
    while (p > 0 && is_space(previous(text, p))) p = previous_start(text, p);
    if (p > 0 && is_dash(previous(text, p))) {
      std::size_t dash = previous_start(text, p);
      std::size_t q = dash;
      while (q > 0 && is_space(previous(text, q))) q = previous_start(text, q);
      if (q > 0 && is_digit(previous(text, q))) continue;  // the upper end of a range
      char32_t b = previous(text, dash);
      if (p == n.begin && (b == 0 || is_space(b) || b == '(' || b == ':')) {
        negative = true;
        start = dash;
      }
    }
    Cursor c(text, n.end);
    if (starts_range(c)) continue;
    bool glued = is_letter(c.peek());
    c.skip_spaces();
    if (c.peek() == '%' || c.eat_word("procent")) continue;
    std::optional<Unit> written = eat_unit(c);
    if (!written && (glued || !n.grouped)) continue;
    n.decimal.negative = negative;
    Unit used = written.value_or(unit);
    Kronor k = to_kronor(n.decimal, unit_exponent(used));
    if (k.overflow) continue;
    TextAmount t{start, k.value, written};
    t.length = (written ? c.pos() : n.end) - start;
    t.ambiguous = n.ambiguous || k.rounded;
    std::vector<std::string> guesses;
    if (n.ambiguous) guesses.push_back(reading(n));
    if (k.rounded) guesses.push_back(rounding(n.decimal, used, k.value));
    t.guess = join(guesses);
    out.push_back(std::move(t));
  }
  return out;
}

std::string format_tkr(std::int64_t kronor) {
  std::uint64_t magnitude =
      kronor < 0 ? 0 - static_cast<std::uint64_t>(kronor) : static_cast<std::uint64_t>(kronor);
  std::string out = kronor < 0 ? "-" : "";
  out += group_thousands(std::to_string(magnitude / 1000));
  if (std::uint64_t rest = magnitude % 1000; rest != 0) {
    std::string frac = fmt::format("{:03}", rest);
    while (frac.back() == '0') frac.pop_back();
    out += "," + frac;
  }
  return out + " tkr";
}

}  // namespace arsanalys::analys

#include "fordelning/engine.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <numeric>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>


namespace arsanalys::fordelning {


namespace {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::string_view kNbsp = "\xC2\xA0";  // U+00A0, common in pasted text

/// Text without white space at either end (ASCII and non-breaking spaces).
std::string_view trim(std::string_view text) {
  for (;;) {
    if (!text.empty() && ascii_space(text.front())) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNbsp)) {
      text.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNbsp)) {
      text.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return text;
}

/// Pieces of `text` between the separators (any of them), trimmed.
std::vector<std::string_view> split_text(std::string_view text,
                                         std::initializer_list<std::string_view> seps) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t len = 0;
    if (i < text.size()) {
      for (std::string_view s : seps) {
        if (text.substr(i, s.size()) == s) len = s.size();
      }
    }
    if (i == text.size() || len > 0) {
      out.push_back(trim(text.substr(start, i - start)));
      if (i == text.size()) break;
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

/// One term "[weight *] measure" (or "measure * weight").
std::optional<Term> parse_term(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::vector<std::string_view> parts = split_text(text, {"*", "\xC3\x97", "\xC2\xB7"});
  if (parts.size() == 1) {
    if (parse_decimal(parts[0])) return std::nullopt;  // a constant alone weighs nobody
    return Term{Decimal{1, 0}, std::string(parts[0])};
  }
  if (parts.size() != 2) return std::nullopt;
  std::optional<Decimal> left = parse_decimal(parts[0]), right = parse_decimal(parts[1]);
  if (left.has_value() == right.has_value()) return std::nullopt;
  Decimal weight = left ? *left : *right;
  std::string_view name = left ? parts[1] : parts[0];
  if (weight.units < 0 || name.empty()) return std::nullopt;
  return Term{weight, std::string(name)};
}

/// The Kund-id byte order of the contract (std::string compares as unsigned char).
bool by_id(const Customer* a, const Customer* b) { return a->id < b->id; }

/// Collects why a key cannot be used.
class KeyChecker {
 public:
  KeyChecker(const Key& key, const Kunder& kunder, Findings* findings)
      : key_(key), kunder_(kunder), findings_(findings) {}

  std::optional<KeyWeights> run() {
    KeyWeights kw;
    if (key_.steps.empty()) {
      invalid(key_.where, fmt::format("Nyckeln '{}' har inga steg.", key_.name));
      return std::nullopt;
    }
    for (const Step& step : key_.steps) ok_ = ok_ && step.readable;
    if (!ok_) return std::nullopt;  // the reader has said why
    weigh_andel(kw);
    for (const Step& step : key_.steps) kw.steps.push_back(weigh_step(step));
    if (!ok_) return std::nullopt;
    return kw;
  }

 private:
  void invalid(const Location& at, std::string message) {
    ok_ = false;
    if (findings_ != nullptr) {
      findings_->push_back({"KEY_INVALID", Level::fel, at, std::move(message), {}, {}});
    }
  }

  void missing(const Location& at, std::string message) {
    ok_ = false;
    if (findings_ != nullptr) {
      findings_->push_back({"MEASURE_MISSING", Level::fel, at, std::move(message), {}, {}});
    }
  }

  void weigh_andel(KeyWeights& kw) {
    int scale = 0;
    for (const Step& s : key_.steps) scale = std::max(scale, s.andel.scale);
    Int128 total = 0;
    for (const Step& s : key_.steps) {
      if (s.andel.units < 0) {
        invalid(s.andel_at, fmt::format("Andelen ska vara 0 % eller mer, fann '{} %'.",
                                        format_decimal(s.andel)));
      }
      kw.andel.push_back(static_cast<std::int64_t>(scaled(s.andel, scale)));
      total += scaled(s.andel, scale);
    }
    kw.andel_total = static_cast<std::int64_t>(100 * pow10(scale));
    if (total != kw.andel_total) {
      Decimal sum{static_cast<std::int64_t>(total), scale};
      invalid(key_.steps.front().andel_at,
              fmt::format("Stegen i nyckeln '{}' ska tillsammans ha andelen 100 %, fann {} %.",
                          key_.name, format_decimal(sum)));
    }
  }

  std::vector<const Customer*> select(const Step& step) {
    std::vector<const Customer*> out;
    const Urval& u = step.urval;
    if (u.kind == Urval::Kind::kund) {
      for (const std::string& id : u.values) {
        const Customer* c = kunder_.customer(id);
        if (c == nullptr) {
          invalid(step.urval_at,
                  fmt::format("Urvalet nämner kund-id '{}', som inte finns i bladet '{}'.", id,
                              kunder_.customer_sheet));
        } else {
          out.push_back(c);
        }
      }
    } else {
      std::vector<std::string> typer;
      for (const std::string& t : u.values) typer.push_back(fold(t));
      for (const Customer& c : kunder_.customers) {
        if (u.kind == Urval::Kind::alla ||
            std::find(typer.begin(), typer.end(), fold(c.typ)) != typer.end()) {
          out.push_back(&c);
        }
      }
      if (out.empty()) {
        invalid(step.urval_at, fmt::format("Urvalet '{}' väljer ingen kund.", step.urval_text));
      }
    }
    std::sort(out.begin(), out.end(), by_id);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  /// The measures of the step's terms, nullptr for unknown ones (reported).
  std::vector<const Measure*> measures(const Step& step) {
    std::vector<const Measure*> out;
    for (const Term& t : step.matt.terms) {
      const Measure* m = kunder_.measure(t.measure);
      if (m == nullptr) {
        invalid(step.matt_at, fmt::format("Måttet '{}' finns inte som kolumn i bladet '{}'.",
                                          t.measure, kunder_.customer_sheet));
      }
      out.push_back(m);
    }
    return out;
  }

  /// The customer's value of a measure in use; nullopt (reported) when it has none.
  std::optional<Decimal> value(const Customer& c, const Measure& m) {
    auto it = c.measures.find(m.name);
    if (it != c.measures.end()) return it->second;
    auto bad = c.unreadable.find(m.name);
    if (bad != c.unreadable.end()) {
      missing(kunder_.cell(c, m),
              fmt::format("Måttet '{}' för kunden '{}' ska vara ett tal, 0 eller mer, som "
                          "nyckeln '{}' kan fördela efter, fann '{}'.",
                          m.name, c.id, key_.name, bad->second));
    } else {
      missing(kunder_.cell(c, m),
              fmt::format("Kunden '{}' saknar värde för måttet '{}', som nyckeln '{}' fördelar "
                          "efter.",
                          c.id, m.name, key_.name));
    }
    return std::nullopt;
  }

  StepWeights weigh_step(const Step& step) {
    StepWeights sw;
    sw.customers = select(step);
    if (sw.customers.empty()) return sw;
    std::vector<Int128> w(sw.customers.size(), 0);
    if (step.matt.lika) {
      std::fill(w.begin(), w.end(), 1);
    } else if (!weigh_terms(step, sw.customers, w, sw.scale)) {
      return sw;
    }
    Int128 g = 0, total = 0;
    for (Int128 x : w) g = gcd(g, x), total += x;
    if (total == 0) {
      invalid(step.matt_at,
              fmt::format("Måttet '{}' är 0 för alla kunder i urvalet '{}'; nyckeln '{}' kan inte "
                          "fördela steget.",
                          step.matt_text, step.urval_text, key_.name));
      return sw;
    }
    if (total / g > kInt64Max) {
      invalid(step.matt_at, fmt::format("Måttet '{}' ger för stora tal för en exakt fördelning.",
                                        step.matt_text));
      return sw;
    }
    for (Int128 x : w) sw.weights.push_back(static_cast<std::int64_t>(x / g));
    sw.total = static_cast<std::int64_t>(total / g);
    sw.divisor = g;
    return sw;
  }

  /// Weighted sums of the terms' values, all on one decimal scale; false when one is missing,
  /// unknown or too large (reported).
  bool weigh_terms(const Step& step, const std::vector<const Customer*>& cs,
                   std::vector<Int128>& w, int& scale) {
    std::vector<const Measure*> ms = measures(step);
    if (std::find(ms.begin(), ms.end(), nullptr) != ms.end() || ms.empty()) {
      if (ms.empty()) invalid(step.matt_at, "Måttet saknas.");
      return false;
    }
    // values[c][t]
    std::vector<std::vector<Decimal>> values(cs.size());
    bool complete = true;
    scale = 0;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      for (std::size_t t = 0; t < ms.size(); ++t) {
        std::optional<Decimal> v = value(*cs[i], *ms[t]);
        complete = complete && v.has_value();
        values[i].push_back(v.value_or(Decimal{}));
        scale = std::max(scale, step.matt.terms[t].weight.scale + values[i].back().scale);
      }
    }
    if (!complete) return false;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      for (std::size_t t = 0; t < ms.size(); ++t) {
        const Decimal& weight = step.matt.terms[t].weight;
        const Decimal& v = values[i][t];
        Int128 product = 0;
        Int128 factor = pow10(scale - weight.scale - v.scale);
        if (__builtin_mul_overflow(Int128{weight.units}, Int128{v.units}, &product) ||
            __builtin_mul_overflow(product, factor, &product) ||
            __builtin_add_overflow(w[i], product, &w[i])) {
          invalid(step.matt_at, fmt::format("Måttet '{}' ger för stora tal för en exakt "
                                            "fördelning.",
                                            step.matt_text));
          return false;
        }
      }
    }
    return true;
  }

  const Key& key_;
  const Kunder& kunder_;
  Findings* findings_;
  bool ok_ = true;
};

}  // namespace

std::optional<Urval> parse_urval(std::string_view text) {
  std::string folded = fold(text);
  if (folded == "alla") return Urval{Urval::Kind::alla, {}};
  std::size_t eq = text.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  std::string what = fold(text.substr(0, eq));
  Urval u;
  if (what == "typ") {
    u.kind = Urval::Kind::typ;
  } else if (what == "kund" || what == "kund-id" || what == "kundid") {
    u.kind = Urval::Kind::kund;
  } else {
    return std::nullopt;
  }
  for (std::string_view v : split_text(text.substr(eq + 1), {","})) {
    if (v.empty() || v.find('=') != std::string_view::npos) return std::nullopt;
    u.values.emplace_back(v);
  }
  return u;
}

std::optional<Matt> parse_matt(std::string_view text) {
  if (fold(text) == "lika") return Matt{true, {}};
  Matt m;
  for (std::string_view piece : split_text(text, {"+"})) {
    std::optional<Term> t = parse_term(piece);
    if (!t) return std::nullopt;
    m.terms.push_back(std::move(*t));
  }
  return m;
}

std::optional<KeyWeights> weigh(const Key& key, const Kunder& kunder, Findings* findings) {
  return KeyChecker(key, kunder, findings).run();
}

std::optional<KeyWeights> restrict_to(const KeyWeights& kw, const UsedBy& used_by) {
  KeyWeights out;
  out.andel_total = 0;
  for (std::size_t s = 0; s < kw.steps.size(); ++s) {
    const StepWeights& from = kw.steps[s];
    StepWeights to;
    for (std::size_t i = 0; i < from.customers.size(); ++i) {
      if (!uses(used_by, *from.customers[i])) continue;
      to.customers.push_back(from.customers[i]);
      to.weights.push_back(from.weights[i]);
      to.total += from.weights[i];
    }
    to.scale = from.scale;
    to.divisor = from.divisor;
    if (to.total == 0) to = StepWeights{};  // nobody who uses the service: the step drops out
    out.andel.push_back(to.total == 0 ? 0 : kw.andel[s]);
    out.andel_total += out.andel.back();
    out.steps.push_back(std::move(to));
  }
  if (out.andel_total == 0) return std::nullopt;
  return out;
}

bool selects(const Urval& urval, const Customer& customer) {
  switch (urval.kind) {
    case Urval::Kind::alla:
      return true;
    case Urval::Kind::typ: {
      const std::string typ = fold(customer.typ);
      return std::any_of(urval.values.begin(), urval.values.end(),
                         [&](const std::string& t) { return fold(t) == typ; });
    }
    case Urval::Kind::kund: {
      const std::string id = fold(customer.id);
      return std::any_of(urval.values.begin(), urval.values.end(),
                         [&](const std::string& v) { return fold(v) == id; });
    }
  }
  return false;
}

std::optional<ExactWeight> weight_in(const Step& step, const StepWeights& weighed,
                                     const Customer& customer, const Kunder& kunder) {
  if (step.matt.lika) return ExactWeight{1, weighed.divisor};
  // The customer's value at the step's scale, or at its own finer one: raw / 10^extra units
  // of the step's scale.
  std::vector<std::pair<Decimal, Decimal>> terms;  // (term weight, value)
  int scale = weighed.scale;
  for (const Term& t : step.matt.terms) {
    const Measure* m = kunder.measure(t.measure);
    if (m == nullptr) return std::nullopt;
    auto it = customer.measures.find(m->name);
    if (it == customer.measures.end()) return std::nullopt;
    terms.emplace_back(t.weight, it->second);
    scale = std::max(scale, t.weight.scale + it->second.scale);
  }
  if (scale > 36) return std::nullopt;
  Int128 raw = 0;
  for (const auto& [weight, value] : terms) {
    Int128 product = 0;
    if (__builtin_mul_overflow(Int128{weight.units}, Int128{value.units}, &product) ||
        __builtin_mul_overflow(product, pow10(scale - weight.scale - value.scale), &product) ||
        __builtin_add_overflow(raw, product, &raw)) {
      return std::nullopt;
    }
  }
  // weight = raw / 10^(scale − weighed.scale) / divisor, reduced.
  Int128 den = 0;
  if (__builtin_mul_overflow(pow10(scale - weighed.scale), weighed.divisor, &den)) {
    return std::nullopt;
  }
  const Int128 g = gcd(raw, den);
  return ExactWeight{raw / g, den / g};
}

std::vector<std::int64_t> split(std::int64_t amount_kr, std::span<const std::int64_t> weights) {
  Int128 a = amount_kr < 0 ? -Int128{amount_kr} : Int128{amount_kr};
  Int128 total = 0;
  for (std::int64_t w : weights) total += w;
  std::vector<Int128> parts(weights.size()), rest(weights.size());
  Int128 left = a;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    Int128 exact = a * weights[i];
    parts[i] = exact / total;
    rest[i] = exact % total;
    left -= parts[i];
  }
  if (left > 0) {
    // The kronor left over go to the largest remainders, ties to the earlier part: only which
    // parts get one matters, so a selection of them (linear) rather than a sort of all.
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto before = [&](std::size_t x, std::size_t y) {
      return rest[x] != rest[y] ? rest[x] > rest[y] : x < y;
    };
    auto cut = order.begin() + static_cast<std::ptrdiff_t>(left);
    std::nth_element(order.begin(), cut, order.end(), before);
    for (auto it = order.begin(); it != cut; ++it) ++parts[*it];
  }
  std::vector<std::int64_t> out;
  for (Int128 p : parts) out.push_back(static_cast<std::int64_t>(amount_kr < 0 ? -p : p));
  return out;
}

std::optional<Allocation> allocate(std::int64_t amount_kr, const Key& key, const Kunder& kunder) {
  std::optional<KeyWeights> kw = weigh(key, kunder, nullptr);
  if (!kw) return std::nullopt;
  return allocate(amount_kr, key, *kw, kunder);
}

Allocation allocate(std::int64_t amount_kr, const Key& key, const KeyWeights& kw,
                    const Kunder& /*kunder: the register `kw` was weighed against*/) {
  Allocation a;
  a.amount_kr = amount_kr;
  std::vector<std::int64_t> step_kr = split(amount_kr, kw.andel);
  for (std::size_t s = 0; s < key.steps.size(); ++s) {
    const StepWeights& sw = kw.steps[s];
    StepShare share{s, reduced(kw.andel[s], kw.andel_total), step_kr[s], sw.total, {}};
    if (sw.customers.empty()) {  // a step that restrict_to() left without customers
      a.steps.push_back(std::move(share));
      continue;
    }
    std::vector<std::int64_t> parts = split(step_kr[s], sw.weights);
    share.customers.reserve(sw.customers.size());
    for (std::size_t i = 0; i < sw.customers.size(); ++i) {
      share.customers.push_back(CustomerShare{sw.customers[i], sw.weights[i], parts[i]});
    }
    a.steps.push_back(std::move(share));
  }
  // Kronor per customer over the steps: one step's customers are already in Kund-id order.
  std::vector<CustomerKr> kr;
  if (a.steps.size() == 1) {
    kr.reserve(a.steps[0].customers.size());
    for (const CustomerShare& c : a.steps[0].customers) kr.push_back({c.customer, c.kr});
  } else {
    // Every step's customers are in Kund-id order: merged step by step, as two sorted lists.
    std::vector<CustomerKr> next;
    for (const StepShare& step : a.steps) {
      next.clear();
      next.reserve(kr.size() + step.customers.size());
      auto e = kr.begin();
      for (const CustomerShare& c : step.customers) {
        const std::string_view id = c.kund_id();
        for (; e != kr.end() && std::string_view(e->id()) < id; ++e) next.push_back(*e);
        if (e != kr.end() && e->id() == id) {
          next.push_back({e->customer, e->kr + c.kr});
          ++e;
        } else {
          next.push_back({c.customer, c.kr});
        }
      }
      next.insert(next.end(), e, kr.end());
      kr.swap(next);
    }
  }
  a.customers_kr = CustomerKronor(std::move(kr));
  return a;
}

Fraction share_of(const StepShare& step, const CustomerShare& c) {
  return reduced(c.weight, step.total_weight);
}

std::vector<Decimal> measure_values(const Step& step, const Customer& customer,
                                    const Kunder& kunder) {
  std::vector<Decimal> out;
  if (step.matt.lika) return out;
  for (const Term& t : step.matt.terms) {
    const Measure* m = kunder.measure(t.measure);
    auto it = m != nullptr ? customer.measures.find(m->name) : customer.measures.end();
    if (it != customer.measures.end()) out.push_back(it->second);
  }
  return out;
}

const CustomerKr* CustomerKronor::find(std::string_view kund_id) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), kund_id,
                             [](const CustomerKr& e, std::string_view id) { return e.id() < id; });
  return it != entries_.end() && it->id() == kund_id ? &*it : nullptr;
}

std::int64_t CustomerKronor::at(std::string_view kund_id) const {
  const CustomerKr* e = find(kund_id);
  if (e == nullptr) throw std::out_of_range(fmt::format("kunden {} ingår inte", kund_id));
  return e->kr;
}

std::map<std::string, std::int64_t> CustomerKronor::to_map() const {
  std::map<std::string, std::int64_t> out;
  for (const CustomerKr& e : entries_) out.emplace(e.id(), e.kr);
  return out;
}

bool operator==(const CustomerKronor& a, const CustomerKronor& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const CustomerKr& x, const CustomerKr& y) {
                      return x.id() == y.id() && x.kr == y.kr;
                    });
}

const CustomerShare* find_customer(const StepShare& step, std::string_view kund_id) {
  auto it = std::lower_bound(step.customers.begin(), step.customers.end(), kund_id,
                             [](const CustomerShare& c, std::string_view id) { return c.kund_id() < id; });
  return it != step.customers.end() && it->kund_id() == kund_id ? &*it : nullptr;
}

void KronorSum::add(const CustomerKronor& kronor) {
  for (const CustomerKr& e : kronor) kr_[e.customer] += e.kr;
}

void KronorSum::add_to(std::map<std::string, std::int64_t>& out) const {
  for (const auto& [customer, kr] : kr_) out[customer->id] += kr;
}

std::map<std::string, std::int64_t> KronorSum::to_map() const {
  std::map<std::string, std::int64_t> out;
  add_to(out);
  return out;
}

template <class Entry>
const Entry* CustomerFinder::find(std::span<const Entry> entries) {
  std::uint32_t& guess = guess_[entries.size() % std::size(guess_)];
  if (guess < entries.size() && entries[guess].customer == &customer_) return &entries[guess];
  const std::string& id = customer_.id;
  auto it = std::lower_bound(entries.begin(), entries.end(), id,
                             [](const Entry& e, const std::string& k) { return e.customer->id < k; });
  if (it == entries.end() || it->customer->id != id) return nullptr;
  guess = static_cast<std::uint32_t>(it - entries.begin());
  return &*it;
}

const CustomerShare* CustomerFinder::in(const StepShare& step) {
  return find(std::span<const CustomerShare>(step.customers));
}

const CustomerKr* CustomerFinder::in(const CustomerKronor& kronor) {
  return find(std::span<const CustomerKr>(kronor.begin(), kronor.end()));
}

CustomerPlaces::CustomerPlaces(std::vector<const CustomerKronor*> lists, const Kunder& kunder)
    : lists_(std::move(lists)),
      first_(kunder.customers.data()),
      count_(kunder.customers.size()),
      roster_(lists_.size(), kNone) {
  constexpr std::size_t kShort = 64;                   // searched: few cache lines
  constexpr std::size_t kBudget = std::size_t{1} << 26;  // 256 MB of places at most
  // Lists alike share a table: found by size and a hash of their customers, then compared.
  std::map<std::pair<std::size_t, std::uint64_t>, std::vector<std::size_t>> by_shape;
  for (std::size_t i = 0; i < lists_.size(); ++i) {
    const CustomerKronor* list = lists_[i];
    if (list == nullptr || list->size() < kShort) continue;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const CustomerKr& e : *list) {
      h ^= reinterpret_cast<std::uintptr_t>(e.customer);
      h *= 0x100000001b3ULL;
    }
    std::vector<std::size_t>& alike = by_shape[{list->size(), h}];
    for (std::size_t j : alike) {
      const CustomerKronor& other = *lists_[j];
      if (std::equal(list->begin(), list->end(), other.begin(), other.end(),
                     [](const CustomerKr& a, const CustomerKr& b) {
                       return a.customer == b.customer;
                     })) {
        roster_[i] = roster_[j];
        break;
      }
    }
    if (roster_[i] != kNone || (places_.size() + 1) * count_ > kBudget) continue;
    std::vector<std::uint32_t> places(count_, kNone);
    std::uint32_t at = 0;
    bool ours = true;
    for (const CustomerKr& e : *list) {
      std::size_t c = index_of(e.customer);
      if (c == kNoCustomer) {
        ours = false;  // a customer of another register: the list is searched
        break;
      }
      places[c] = at++;
    }
    if (!ours) continue;
    roster_[i] = static_cast<std::uint32_t>(places_.size());
    places_.push_back(std::move(places));
    alike.push_back(i);
  }
}

std::size_t CustomerPlaces::index_of(const Customer* customer) const {
  // By address, without comparing pointers into different arrays.
  auto offset = reinterpret_cast<std::uintptr_t>(customer) - reinterpret_cast<std::uintptr_t>(first_);
  if (offset % sizeof(Customer) != 0 || offset / sizeof(Customer) >= count_) return kNoCustomer;
  return offset / sizeof(Customer);
}

const CustomerKr* CustomerPlaces::find(std::size_t list, const Customer& customer) const {
  const CustomerKronor* l = list < lists_.size() ? lists_[list] : nullptr;
  if (l == nullptr) return nullptr;
  std::size_t c = roster_[list] != kNone ? index_of(&customer) : kNoCustomer;
  if (c != kNoCustomer) {
    std::uint32_t at = places_[roster_[list]][c];
    return at == kNone ? nullptr : &l->begin()[at];
  }
  return l->find(customer.id);
}

KeyMatch match_key(std::string_view supplier, std::string_view area, std::string_view service,
                   std::string_view key_text, const Kunder& kunder) {
  KeyMatch m;
  // The service's own row (by name or alias), its area's row, the supplier's `*` row.
  const ServiceRow *own = nullptr, *by_area = nullptr, *rest = nullptr;
  std::string who = name_key(supplier), what = name_key(service), where = area_key(area);
  for (const ServiceRow& r : kunder.services) {
    if (name_key(r.supplier) != who) continue;
    if (r.rest()) {
      if (rest == nullptr) rest = &r;
    } else if (std::string_view a = r.area(); !a.empty()) {
      if (by_area == nullptr && !where.empty() && area_key(a) == where) by_area = &r;
    } else if (own == nullptr) {
      bool named = name_key(r.service) == what;
      for (const std::string& alias : r.aliases) named = named || name_key(alias) == what;
      if (named) own = &r;
    }
  }
  for (const ServiceRow* r : {own, by_area}) {
    if (r != nullptr && m.proposed == nullptr && !r->proposed_key.empty()) {
      m.proposed = kunder.key(r->proposed_key);
    }
  }
  const std::pair<const ServiceRow*, KeySource> rows[] = {
      {own, KeySource::tjanst}, {by_area, KeySource::omrade}, {rest, KeySource::stjarna}};
  for (const auto& [r, source] : rows) {
    if (r == nullptr || r->key.empty()) continue;
    m.row = r;
    m.key = kunder.key(r->key);
    m.source = m.key != nullptr ? source : KeySource::none;
    return m;
  }
  if (!name_key(key_text).empty()) m.key = kunder.key(key_text);
  if (m.key != nullptr) m.source = KeySource::text;
  return m;
}

KeyMatch match_key(std::string_view supplier, std::string_view service, std::string_view key_text,
                   const Kunder& kunder) {
  return match_key(supplier, "", service, key_text, kunder);
}

const Key* key_for(std::string_view supplier, std::string_view service, std::string_view key_text,
                   const Kunder& kunder) {
  return match_key(supplier, service, key_text, kunder).key;
}

}  // namespace arsanalys::fordelning

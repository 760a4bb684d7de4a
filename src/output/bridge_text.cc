#include "output/bridge_text.h"

#include "core/number_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "core/exact.h"
#include "core/text.h"
#include "fordelning/decimal.h"

namespace arsanalys::output {
namespace {

using fordelning::Bridge;
using fordelning::BridgeLine;
using fordelning::Decimal;
using fordelning::Kunder;

std::string kr(std::int64_t v) { return fordelning::format_decimal(Decimal{v, 0}) + " kr"; }

/// "det ökar er del av X med 61 234 kr"
std::string effect(std::int64_t v, const std::string& service) {
  return fmt::format("det {} er del av {} med {}", v > 0 ? "ökar" : "minskar", service,
                     kr(v < 0 ? -v : v));
}

/// The same after a fronted phrase (the verb second): "ökar det er del av X med 61 234 kr".
std::string effect_inverted(std::int64_t v, const std::string& service) {
  return fmt::format("{} det er del av {} med {}", v > 0 ? "ökar" : "minskar", service,
                     kr(v < 0 ? -v : v));
}

/// A measure's name inside a sentence: its first letter in lower case ("Antal anställda" ->
/// "antal anställda").
std::string lower_first(const std::string& name) {
  static const std::pair<std::string_view, std::string_view> kUpper[] = {
      {"Å", "å"}, {"Ä", "ä"}, {"Ö", "ö"}};
  for (auto [u, l] : kUpper) {
    if (name.starts_with(u)) return std::string(l) + name.substr(u.size());
  }
  std::string out = name;
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

/// "Ert antal anställda" / "Ert värde för Datorer"; for the others "De andra kundernas antal
/// anställda" / "De andra kundernas värde för Datorer".
std::string subject(const std::string& measure, bool own) {
  bool antal = fold(measure).starts_with("antal");
  if (own) return antal ? "Ert " + lower_first(measure) : "Ert värde för " + measure;
  return antal ? "De andra kundernas sammanlagda " + lower_first(measure)
               : "De andra kundernas sammanlagda värde för " + measure;
}

/// Clauses joined by "; ", the first capitalised, the others not: "Ert värde för A ökade …;
/// ert värde för B minskade …".
std::string joined_sentence(const std::vector<std::string>& clauses) {
  std::string out;
  for (const std::string& c : clauses) {
    std::string clause = c;
    if (!clause.empty()) {
      char& first = clause[0];
      if (out.empty() && first >= 'a' && first <= 'z') first = static_cast<char>(first - 'a' + 'A');
      if (!out.empty() && first >= 'A' && first <= 'Z') first = static_cast<char>(first - 'A' + 'a');
    }
    out += (out.empty() ? "" : "; ") + clause;
  }
  return out;
}

/// A value exact on a common scale.
struct Scaled {
  Int128 units = 0;
  int scale = 0;
};

Scaled add(Scaled a, Decimal d) {
  int scale = std::max(a.scale, d.scale);
  Int128 units = a.units * fordelning::pow10(scale - a.scale) + fordelning::scaled(d, scale);
  return {units, scale};
}

Scaled add(Scaled a, Scaled b) {
  int scale = std::max(a.scale, b.scale);
  return {a.units * fordelning::pow10(scale - a.scale) + b.units * fordelning::pow10(scale - b.scale),
          scale};
}

std::string text_of(Scaled s) {
  return fordelning::format_decimal(fordelning::normalised(
      Decimal{static_cast<std::int64_t>(s.units), s.scale}));
}

/// "(+2,1 %)" of the change from a to b; "" when a is 0.
std::string change_percent(Scaled a, Scaled b) {
  int scale = std::max(a.scale, b.scale);
  Int128 x = a.units * fordelning::pow10(scale - a.scale);
  Int128 y = b.units * fordelning::pow10(scale - b.scale);
  if (x == 0) return "";
  std::int64_t tenths = round_div((y - x) * 1000, x);
  std::int64_t abs = tenths < 0 ? -tenths : tenths;
  return fmt::format(" ({}{},{} %)", tenths < 0 ? "−" : "+", abs / 10, abs % 10);
}

/// The customer of a register (the bridge's index of it), or nullptr.
const fordelning::Customer* customer_in(const std::map<std::string, const fordelning::Customer*>& by_id,
                                        const std::string& id) {
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

/// The value of a measure (matched by name_key) of a customer.
std::optional<Decimal> value_of(const fordelning::Customer* c, const std::string& measure) {
  if (c == nullptr) return std::nullopt;
  std::string wanted = name_key(measure);
  for (const auto& [name, v] : c->measures) {
    if (name_key(name) == wanted) return v;
  }
  return std::nullopt;
}

/// The measures a key's steps use, in order, each once.
std::vector<std::string> measures_of(const fordelning::Key& key) {
  std::vector<std::string> out;
  for (const fordelning::Step& s : key.steps) {
    for (const fordelning::Term& t : s.matt.terms) {
      bool seen = std::any_of(out.begin(), out.end(),
                              [&](const std::string& m) { return name_key(m) == name_key(t.measure); });
      if (!seen) out.push_back(t.measure);
    }
  }
  return out;
}

/// "ökade från 4 800 till 4 900 (+2,1 %)"
std::string moved(Scaled a, Scaled b) {
  int scale = std::max(a.scale, b.scale);
  bool up = a.units * fordelning::pow10(scale - a.scale) < b.units * fordelning::pow10(scale - b.scale);
  return fmt::format("{} från {} till {}{}", up ? "ökade" : "minskade", text_of(a), text_of(b),
                     change_percent(a, b));
}

std::string own_volume(const Bridge& bridge, const BridgeLine& line, const std::string& id) {
  const fordelning::Customer* was = customer_in(bridge.before_by_id, id);
  const fordelning::Customer* is = customer_in(bridge.now_by_id, id);
  if (was == nullptr && is != nullptr) return "Ni är ny kund i år";
  if (was != nullptr && is == nullptr) return "Ni finns inte längre bland kunderna";
  std::vector<std::string> said;
  if (line.key_now != nullptr) {
    for (const std::string& m : measures_of(*line.key_now)) {
      auto a = value_of(was, m), b = value_of(is, m);
      if (!a || !b || *a == *b) continue;
      said.push_back(fmt::format("{} {}", subject(m, true), moved(add({}, *a), add({}, *b))));
    }
  }
  if (said.empty() && was != nullptr && is != nullptr && fold(was->typ) != fold(is->typ)) {
    said.push_back(fmt::format("Er kundtyp ändrades från {} till {}", was->typ, is->typ));
  }
  if (said.empty()) return "Era uppgifter i kundregistret ändrades";
  return joined_sentence(said);
}

std::string others_volume(const Bridge& bridge, const BridgeLine& line, const std::string& id) {
  const fordelning::Customer* was = customer_in(bridge.before_by_id, id);
  const fordelning::Customer* is = customer_in(bridge.now_by_id, id);
  auto count = [&](const std::map<std::string, const fordelning::Customer*>& by_id, bool own) {
    return static_cast<std::int64_t>(by_id.size()) - (own ? 1 : 0);
  };
  // The others' sum: every customer's sum less the customer's own value.
  auto others = [&](const std::map<std::string, fordelning::MeasureSum>& totals,
                    const fordelning::Customer* own, const std::string& m) {
    auto t = totals.find(name_key(m));
    Scaled sum = t == totals.end() ? Scaled{} : Scaled{t->second.units, t->second.scale};
    if (auto v = value_of(own, m)) {
      Decimal minus{-v->units, v->scale};
      sum = add(sum, minus);
    }
    return sum;
  };
  std::vector<std::string> said;
  if (line.key_now != nullptr) {
    for (const std::string& m : measures_of(*line.key_now)) {
      Scaled a = others(bridge.before_totals, was, m), b = others(bridge.now_totals, is, m);
      if (text_of(a) == text_of(b)) continue;
      said.push_back(fmt::format("{} {}", subject(m, false), moved(a, b)));
    }
  }
  const std::int64_t n0 = count(bridge.before_by_id, was != nullptr);
  const std::int64_t n1 = count(bridge.now_by_id, is != nullptr);
  if (n0 != n1) said.push_back(fmt::format("antalet andra kunder ändrades från {} till {}", n0, n1));
  if (said.empty()) return "De andra kundernas uppgifter i kundregistret ändrades";
  return joined_sentence(said);
}

/// num/den as a percentage with two decimals at most: "24,18 %", "3,3 %".
std::string percent_of(Int128 num, Int128 den) {
  return percent_text(num, den, 2, Decimals::at_most);
}

}  // namespace

std::string signed_kr(std::int64_t v) {
  if (v == 0) return "0 kr";
  return (v > 0 ? "+" : "−") + kr(v < 0 ? -v : v);
}

std::string bridge_part_label(int i) {
  static const char* kLabels[7] = {"Index (pris)",
                                   "Tjänstens kostnad utöver index",
                                   "Ändrad fördelningsnyckel",
                                   "Er egen volym",
                                   "Andra kunders volym",
                                   "Ny eller upphörd tjänst",
                                   "Ändrad tjänstekatalog"};
  return kLabels[std::clamp(i, 0, 6)];
}

std::string bridge_base_text(const Bridge& bridge) {
  return bridge.base == fordelning::BridgeBase::resultat
             ? fmt::format("vad ni debiterades {} enligt förra årets resultat.json", bridge.year - 1)
             : fmt::format("förra årets budget ({}) fördelad med förra årets nycklar, mått och "
                           "tjänstekatalog",
                           bridge.year - 1);
}

std::vector<std::string> bridge_sentences(const Bridge& bridge, const BridgeLine& line,
                                          const std::string& id) {
  std::vector<std::string> out;
  auto it = line.customers.find(id);
  if (it == line.customers.end()) return out;
  const fordelning::BridgeParts& p = it->second.parts;
  const std::string& s = line.service;
  if (p.ny_eller_upphord != 0) {
    out.push_back(line.in_this_year && !line.in_last_year
                      ? fmt::format("{} är ny för er i år: {}.", s, kr(it->second.this_kr))
                      : fmt::format("{} ingår inte längre; förra året var er del {}.",
                                    s, kr(it->second.last_kr)));
  }
  if (p.index != 0 && line.index) {
    out.push_back(fmt::format("Förra årets budget {} räknas upp med leverantörens index {}; {}.",
                              kr(line.budget_kr), percent_text(*line.index), effect(p.index, s)));
  }
  if (p.kostnad != 0) {
    std::string from = bridge.base == fordelning::BridgeBase::resultat && line.charged_kr != 0
                           ? kr(line.charged_kr) + " debiterat förra året"
                           : kr(line.budget_kr) + " i budget förra året";
    out.push_back(fmt::format(
        "Tjänstens belopp är {} i år mot {}; {}.", kr(line.amount_kr), from,
        line.index ? "utöver indexuppräkningen " + effect_inverted(p.kostnad, s)
                   : effect(p.kostnad, s)));
  }
  if (p.nyckel != 0) {
    std::string a = line.key_before != nullptr ? line.key_before->name : "ingen nyckel";
    std::string b = line.key_now != nullptr ? line.key_now->name : "ingen nyckel";
    out.push_back(fold(a) != fold(b)
                      ? fmt::format("Tjänsten fördelas i år med nyckeln {} i stället för {}; {}.",
                                    b, a, effect(p.nyckel, s))
                      : fmt::format("Nyckeln {} är ändrad sedan förra året (andelar, urval eller "
                                    "mått); {}.",
                                    b, effect(p.nyckel, s)));
  }
  if (p.egen_volym != 0) {
    out.push_back(fmt::format("{}; {}.", own_volume(bridge, line, id), effect(p.egen_volym, s)));
  }
  if (p.andras_volym != 0) {
    out.push_back(
        fmt::format("{}; {}.", others_volume(bridge, line, id), effect(p.andras_volym, s)));
  }
  if (p.katalog != 0) {
    out.push_back(fmt::format("Tjänstekatalogen ändrades{}; {}.",
                              line.catalogue_change.empty()
                                  ? std::string()
                                  : " (" + line.catalogue_change + ")",
                              effect(p.katalog, s)));
  }
  return out;
}

std::string largest_part_text(const fordelning::BridgeParts& parts) {
  // The cause of the change is the largest part that moves the charge the way it moved: a
  // charge that fell is not explained by the index that raised it.
  std::int64_t change = 0;
  for (int i = 0; i < 7; ++i) change += fordelning::part(parts, i);
  auto largest = [&](bool same_way_only) {
    int best = -1;
    std::int64_t size = 0;
    for (int i = 0; i < 7; ++i) {
      const std::int64_t v = fordelning::part(parts, i);
      if (same_way_only && (v < 0) != (change < 0)) continue;
      if ((v < 0 ? -v : v) > size) {
        size = v < 0 ? -v : v;
        best = i;
      }
    }
    return best;
  };
  int best = change != 0 ? largest(true) : -1;
  if (best < 0) best = largest(false);
  if (best < 0) return "";
  // Said of a customer, not to it: "Kundens egen volym".
  std::string label = best == 3 ? std::string("Kundens egen volym") : bridge_part_label(best);
  // The amount kept on one line where the column is narrow.
  std::string amount = signed_kr(fordelning::part(parts, best));
  std::string unbroken;
  for (char c : amount) unbroken += c == ' ' ? std::string("\u00A0") : std::string(1, c);
  return fmt::format("{} ({})", label, unbroken);
}

namespace {

/// A customer's value of a step's Mått: its terms' weight × measure, summed.
Scaled weighted(const fordelning::Step& def, const fordelning::Customer& who,
                const fordelning::Kunder& kunder) {
  Scaled v;
  std::vector<Decimal> values = fordelning::measure_values(def, who, kunder);
  for (std::size_t t = 0; t < values.size() && t < def.matt.terms.size(); ++t) {
    const Decimal& w = def.matt.terms[t].weight;
    Decimal prod{0, 0};
    Int128 units = Int128{w.units} * values[t].units;
    int scale = w.scale + values[t].scale;
    if (scale <= fordelning::kMaxScale && units <= INT64_MAX && units >= INT64_MIN) {
      prod = Decimal{static_cast<std::int64_t>(units), scale};
    }
    v = add(v, prod);
  }
  return v;
}

std::string step_total_text(const fordelning::Step& def, const fordelning::StepShare& step,
                            const fordelning::Kunder& kunder) {
  if (def.matt.lika) return "";
  Scaled all;
  for (const fordelning::CustomerShare& o : step.customers) {
    all = add(all, weighted(def, *o.customer, kunder));
  }
  return text_of(all);
}

}  // namespace

std::vector<std::string> step_total_texts(const fordelning::Key& key,
                                          const fordelning::Allocation& a,
                                          const fordelning::Kunder& kunder) {
  std::vector<std::string> out;
  for (const fordelning::StepShare& step : a.steps) {
    out.push_back(step_total_text(key.steps[step.step], step, kunder));
  }
  return out;
}

std::optional<std::string> readable_share(const fordelning::Key& key,
                                          const fordelning::Allocation& a,
                                          const fordelning::Kunder& kunder,
                                          const std::string& id,
                                          const std::vector<std::string>* totals) {
  std::vector<std::string> parts;
  for (std::size_t s = 0; s < a.steps.size(); ++s) {
    const fordelning::StepShare& step = a.steps[s];
    const fordelning::CustomerShare* c = fordelning::find_customer(step, id);
    if (c == nullptr) continue;
    const fordelning::Step& def = key.steps[step.step];
    fordelning::Fraction f = fordelning::share_of(step, *c);
    std::string pct = percent_of(f.num, f.den);
    std::string text;
    if (def.matt.lika) {
      text = fmt::format("1 av {} kunder, lika delar ({})", step.customers.size(), pct);
    } else {
      std::string all = totals != nullptr && s < totals->size() ? (*totals)[s]
                                                                : step_total_text(def, step, kunder);
      std::string mine = text_of(weighted(def, *c->customer, kunder));
      std::string what = def.matt.terms.size() == 1 && def.matt.terms[0].weight == Decimal{1, 0}
                             ? lower_first(def.matt.terms[0].measure)
                             : fmt::format("enligt {}", def.matt_text);
      if (fold(what).starts_with("antal ")) what = what.substr(6);
      for (std::size_t at = what.find(" * "); at != std::string::npos; at = what.find(" * ")) {
        what.replace(at, 3, " × ");
      }
      text = fmt::format("{} av {} {} ({})", mine, all, what, pct);
    }
    if (a.steps.size() > 1) {
      text = fmt::format("steg {} ({}): {}", step.step + 1,
                         percent_of(step.andel.num, step.andel.den), text);
    }
    parts.push_back(std::move(text));
  }
  if (parts.empty()) return std::nullopt;
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  if (a.steps.size() > 1) {
    // The share of the whole amount first: the steps' shares weighed by their Andel.
    Int128 num = 0, den = 1;
    for (const fordelning::StepShare& step : a.steps) {
      const fordelning::CustomerShare* c = fordelning::find_customer(step, id);
      if (c == nullptr || step.total_weight == 0) continue;
      Int128 n = Int128{step.andel.num} * c->weight, d = Int128{step.andel.den} * step.total_weight;
      Int128 g = fordelning::gcd(den, d);
      Int128 lcm = den / g * d;
      num = num * (lcm / den) + n * (lcm / d);
      den = lcm;
      Int128 r = fordelning::gcd(num, den);
      if (r > 1) {
        num /= r;
        den /= r;
      }
    }
    out = fmt::format("{} av beloppet: {}", percent_of(num, den), out);
  }
  return out;
}

}  // namespace arsanalys::output

#include "fordelning/settlement.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/number_text.h"
#include "core/text.h"
#include "fordelning/engine.h"

namespace arsanalys::fordelning {
namespace {

/// A line the round charged to customers and that is settled.
bool settled_line(const LineAllocation& l) {
  return l.financing == Financing::kostnadsfordelning &&
         (l.charging == Charging::by_key || l.charging == Charging::to_customer) &&
         l.allocation.has_value();
}

std::string service_id(std::string_view supplier, std::string_view service) {
  return name_key(supplier) + '\n' + name_key(service);
}

/// Why a line the round has is not settled, in Swedish.
std::string not_settled_reason(const LineAllocation& l) {
  switch (l.charging) {
    case Charging::invoiced:
      return "den faktureras per beställning (Faktura à pris) och fördelas inte med nyckel";
    case Charging::kommunbidrag:
      return "den finansieras med kommunbidrag och debiteras ingen kund";
    case Charging::to_supplier:
      return fmt::format("den levereras till {} och ingår i den leverantörens tjänster",
                         l.receiver.name);
    case Charging::none:
      return "omgången fördelade den inte på kunderna (" + l.reason + ")";
    case Charging::by_key:
    case Charging::to_customer:
      break;
  }
  return "den finansieras inte med kostnadsfördelning";
}

void report(Findings& findings, std::string code, Level level, Location where,
            std::string message) {
  findings.push_back({std::move(code), level, std::move(where), std::move(message), {}, {}});
}

/// The round's register with the outcome's actual volumes put in where they are given.
Kunder actual_register(const Kunder& kunder, const Outcome& outcome, int& used,
                       Findings& findings) {
  Kunder actual = kunder;
  if (!outcome.volumes) return actual;
  const Kunder& v = *outcome.volumes;
  std::map<std::string, std::string> measure_names;  // outcome's measure -> the register's
  for (std::size_t i = 0; i < v.measures.size(); ++i) {
    const Measure& m = v.measures[i];
    if (const Measure* known = kunder.measure(m.name)) {
      measure_names[m.name] = known->name;
    } else {
      report(findings, "REGISTER_INVALID", Level::varning,
             i < outcome.measure_at.size() ? outcome.measure_at[i]
                                           : Location{outcome.file, v.customer_sheet, ""},
             fmt::format("Måttet '{}' finns inte i kunder.xlsx; kolumnen används inte.", m.name));
    }
  }
  for (std::size_t i = 0; i < v.customers.size(); ++i) {
    const Customer& c = v.customers[i];
    auto it = std::find_if(actual.customers.begin(), actual.customers.end(),
                           [&](const Customer& k) { return fold(k.id) == fold(c.id); });
    if (it == actual.customers.end()) {
      report(findings, "REGISTER_INVALID", Level::fel,
             i < outcome.volume_ids.size() ? outcome.volume_ids[i]
                                           : Location{outcome.file, v.customer_sheet, ""},
             fmt::format("Kund-id '{}' finns inte i kunder.xlsx; de faktiska volymerna för den "
                         "används inte (slutregleringen gäller omgångens kunder).",
                         c.id));
      continue;
    }
    for (const auto& [name, value] : c.measures) {
      auto known = measure_names.find(name);
      if (known == measure_names.end()) continue;
      it->measures[known->second] = value;
      it->unreadable.erase(known->second);
      ++used;
    }
    for (const auto& [name, text] : c.unreadable) {
      if (!measure_names.count(name)) continue;
      report(findings, "NUMBER_UNPARSED", Level::fel, v.cell(c, *v.measure(name)),
             fmt::format("Den faktiska volymen '{}' för {} ska vara ett tal, fann '{}'; "
                         "omgångens värde används.",
                         name, c.id, text));
    }
  }
  return actual;
}

class Settler {
 public:
  Settler(const RoundAllocation& charged, const Kunder& kunder, const Catalogue& catalogue,
          const Outcome& outcome, Findings& findings)
      : charged_(charged), kunder_(kunder), catalogue_(catalogue), outcome_(outcome),
        findings_(findings) {
    result_.year = charged.year;
  }

  Settlement run() {
    group_lines();
    actual_ = actual_register(kunder_, outcome_, result_.volumes_used, findings_);
    match_outcome();
    for (ServiceSettlement& s : result_.services) settle_service(s);
    sum_customers();
    return std::move(result_);
  }

 private:
  void group_lines() {
    for (std::size_t i = 0; i < charged_.lines.size(); ++i) {
      const LineAllocation& l = charged_.lines[i];
      suppliers_.emplace(name_key(l.supplier), l.supplier);
      std::string id = service_id(l.supplier, l.service);
      if (!settled_line(l)) {
        others_.emplace(id, &l);
        continue;
      }
      auto [it, fresh] = index_.emplace(id, result_.services.size());
      if (fresh) {
        ServiceSettlement s;
        s.supplier = l.supplier;
        s.service = l.service;
        result_.services.push_back(std::move(s));
      }
      ServiceSettlement& s = result_.services[it->second];
      s.lines.push_back(i);
      s.charged_kr += l.amount_kr;
      std::string key = l.charging == Charging::to_customer
                            ? "Levereras till " + l.receiver.name
                            : l.key->name;
      if (std::find(s.keys.begin(), s.keys.end(), key) == s.keys.end()) s.keys.push_back(key);
    }
    for (const ServiceRow& row : kunder_.services) {
      suppliers_.emplace(name_key(row.supplier), row.supplier);
    }
  }

  /// The settled service an outcome row names: by its name, else by the catalogue row it
  /// finds (an alias); nullptr when none.
  ServiceSettlement* service_of(const OutcomeRow& r) {
    auto it = index_.find(service_id(r.supplier, r.service));
    if (it != index_.end()) return &result_.services[it->second];
    const ServiceRow* row = catalogue_.row(r.supplier, "", r.service);
    if (row == nullptr || !row->area().empty() || row->rest()) return nullptr;
    for (ServiceSettlement& s : result_.services) {
      if (name_key(s.supplier) == name_key(r.supplier) &&
          catalogue_.row(s.supplier, "", s.service) == row) {
        return &s;
      }
    }
    return nullptr;
  }

  void match_outcome() {
    std::map<const ServiceSettlement*, const OutcomeRow*> given;
    for (const OutcomeRow& r : outcome_.rows) {
      if (ServiceSettlement* s = service_of(r)) {
        auto [it, fresh] = given.emplace(s, &r);
        if (!fresh) {
          report(findings_, "REGISTER_INVALID", Level::fel, r.where,
                 fmt::format("Tjänsten '{}' hos '{}' har redan ett utfall i cell {}; raden "
                             "används inte.",
                             s->service, s->supplier, it->second->where.cell));
          continue;
        }
        s->actual_at = r.amount_at;
        if (r.actual_kr) {
          s->actual_kr = *r.actual_kr;
          s->settled = true;
        } else {
          s->reason = fmt::format("utfallet i cell {} kan inte läsas", r.amount_at.cell);
        }
        continue;
      }
      unmatched(r);
    }
    for (ServiceSettlement& s : result_.services) {
      if (given.count(&s)) continue;
      s.reason = "utfallet saknas i " + outcome_.file;
      report(findings_, "VALUE_MISSING", Level::fel, {outcome_.file, outcome_.sheet, ""},
             fmt::format("Utfallet för '{}' hos '{}' saknas: tjänsten debiterades {} men "
                         "regleras inte förrän utfallet anges.",
                         s.service, s.supplier, money(s.charged_kr)));
    }
  }

  void unmatched(const OutcomeRow& r) {
    if (!suppliers_.count(name_key(r.supplier))) {
      std::vector<std::string> names;
      for (const auto& [key, name] : suppliers_) names.push_back("'" + name + "'");
      report(findings_, "SERVICE_UNCATALOGUED", Level::fel, r.where,
             fmt::format("Leverantören '{}' finns inte i omgången; väntade någon av {}.",
                         r.supplier, fmt::join(names, ", ")));
      return;
    }
    auto other = others_.find(service_id(r.supplier, r.service));
    if (other != others_.end()) {
      report(findings_, "NOT_SETTLED", Level::info, r.where,
             fmt::format("Tjänsten '{}' regleras inte mot kunderna: {}.", r.service,
                         not_settled_reason(*other->second)));
      return;
    }
    if (catalogue_.row(r.supplier, "", r.service) != nullptr) {
      report(findings_, "NOT_SETTLED", Level::varning, r.where,
             fmt::format("Tjänsten '{}' finns inte i omgångens underlag för {}, "
                         "så ingen kund debiterades den; utfallet regleras inte.",
                         r.service, result_.year));
      return;
    }
    report(findings_, "SERVICE_UNCATALOGUED", Level::fel, r.where,
           fmt::format("Tjänsten '{}' hos '{}' finns varken i omgångens underlag eller i "
                       "katalogen (bladet Tjänster i kunder.xlsx); utfallet regleras inte.",
                       r.service, r.supplier));
  }

  /// The key's weights over the actual volumes, restricted to the service's users; nullptr
  /// when the key cannot be used so.
  const KeyWeights* weights_for(const Key& key, const UsedBy* used_by) {
    auto it = weights_.find({&key, used_by});
    if (it != weights_.end()) return it->second ? &*it->second : nullptr;
    std::optional<KeyWeights> w = weigh(key, actual_, nullptr);
    if (w && used_by != nullptr) w = restrict_to(*w, *used_by);
    it = weights_.emplace(std::pair{&key, used_by}, std::move(w)).first;
    return it->second ? &*it->second : nullptr;
  }

  void settle_service(ServiceSettlement& s) {
    std::map<std::string, SettledKr> kr;
    for (std::size_t i : s.lines) {
      for (const CustomerKr& e : charged_.lines[i].allocation->customers_kr) {
        SettledKr& k = kr[e.id()];
        k.id = e.id();
        k.charged += e.kr;
      }
    }
    if (s.settled) s.settled = allocate_actual(s, kr);
    if (!s.settled) {
      s.actual_kr = s.charged_kr;
      for (auto& [id, k] : kr) k.final = k.charged;
      result_.complete = false;
    }
    for (auto& [id, k] : kr) s.customers.push_back(k);
    result_.charged_kr += s.charged_kr;
    result_.actual_kr += s.actual_kr;
  }

  /// The actual cost split over the service's lines and allocated as the round did; false
  /// (with the reason and a finding) when a line's key cannot be used with the actual volumes.
  bool allocate_actual(ServiceSettlement& s, std::map<std::string, SettledKr>& kr) {
    // Each line keeps its own amount plus its share of the difference, by the lines' absolute
    // amounts: in proportion to the amounts when they have one sign, and exactly the charged
    // amounts when the actual cost equals the charged one.
    std::vector<std::int64_t> weights;
    for (std::size_t i : s.lines) {
      std::int64_t a = charged_.lines[i].amount_kr;
      weights.push_back(a < 0 ? -a : a);
    }
    std::vector<std::int64_t> parts = split(s.actual_kr - s.charged_kr, weights);
    for (std::size_t n = 0; n < s.lines.size(); ++n) parts[n] += charged_.lines[s.lines[n]].amount_kr;
    std::vector<std::pair<std::string, std::int64_t>> finals;
    for (std::size_t n = 0; n < s.lines.size(); ++n) {
      const LineAllocation& l = charged_.lines[s.lines[n]];
      if (l.charging == Charging::to_customer) {
        finals.emplace_back(l.receiver.customer->id, parts[n]);
        continue;
      }
      const KeyWeights* w = weights_for(*l.key, l.used_by);
      if (w == nullptr) {
        s.reason = fmt::format("nyckeln '{}' kan inte användas med de faktiska volymerna",
                               l.key->name);
        report(findings_, "KEY_INVALID", Level::fel, l.key->where,
               fmt::format("Nyckeln '{}' kan inte användas med de faktiska volymerna i {} "
                           "(ingen kund med vikt{}): '{}' hos '{}' regleras inte.",
                           l.key->name, outcome_.file,
                           l.used_by != nullptr ? " bland tjänstens användare" : "", s.service,
                           s.supplier));
        return false;
      }
      Allocation a = allocate(parts[n], *l.key, *w, actual_);
      for (const CustomerKr& e : a.customers_kr) finals.emplace_back(e.id(), e.kr);
    }
    for (const auto& [id, k] : finals) {
      SettledKr& e = kr[id];
      e.id = id;
      e.final += k;
    }
    return true;
  }

  void sum_customers() {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums;
    for (const ServiceSettlement& s : result_.services) {
      for (const SettledKr& k : s.customers) {
        sums[k.id].first += k.charged;
        sums[k.id].second += k.final;
      }
    }
    for (const Customer& c : kunder_.customers) {
      auto it = sums.find(c.id);
      CustomerSettlement out{&c, 0, 0};
      if (it != sums.end()) {
        out.charged = it->second.first;
        out.final = it->second.second;
      }
      result_.customers.push_back(out);
    }
  }

  static std::string money(std::int64_t v) { return group_thousands(v) + " kr"; }

  const RoundAllocation& charged_;
  const Kunder& kunder_;
  const Catalogue& catalogue_;
  const Outcome& outcome_;
  Findings& findings_;
  Settlement result_;
  Kunder actual_;
  std::map<std::string, std::size_t> index_;                   // service id -> services index
  std::multimap<std::string, const LineAllocation*> others_;  // lines not settled, by service id
  std::map<std::string, std::string> suppliers_;               // name_key -> name
  std::map<std::pair<const Key*, const UsedBy*>, std::optional<KeyWeights>> weights_;
};

}  // namespace

Settlement settle(const RoundAllocation& charged, const Kunder& kunder,
                  const Catalogue& catalogue, const Outcome& outcome, Findings& findings) {
  return Settler(charged, kunder, catalogue, outcome, findings).run();
}

std::vector<std::pair<std::string, std::string>> settled_services(const RoundAllocation& charged) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const LineAllocation& l : charged.lines) {
    if (settled_line(l) && seen.insert(service_id(l.supplier, l.service)).second) {
      out.emplace_back(l.supplier, l.service);
    }
  }
  return out;
}

}  // namespace arsanalys::fordelning

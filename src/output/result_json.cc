#include "output/result_json.h"

#include "analys/normalise.h"
#include "output/allocation_layout.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <optional>
#include <string>

// Every object below gives its keys in byte order: the order resultat.json has always had
// (nlohmann's, whose objects are sorted maps), which tests/app/run_golden_test.cc holds.

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
using analys::Amount;
using analys::ColumnKind;
using analys::LineKind;

namespace {

bool is_cost_column(ColumnKind k) {
  return k == ColumnKind::utfall || k == ColumnKind::budget || k == ColumnKind::prognos ||
         k == ColumnKind::kostnad;
}

/// A small map as an object, in its keys' order.
template <class T>
void write_map(JsonWriter& w, const std::map<std::string, T>& m) {
  w.begin_object();
  for (const auto& [key, value] : m) w.member(key, value);
  w.end_object();
}

/// The preparers' figures of a line or row: year -> {adjusted_kr, reason, source, submitted_kr}
/// (a year adjusted twice: the last).
void write_adjusted(JsonWriter& w, const std::vector<sammanstallning::Adjusted>& adjusted,
                    const sammanstallning::Settings& settings) {
  std::map<std::string, const sammanstallning::Adjusted*> by_year;
  for (const sammanstallning::Adjusted& a : adjusted) by_year[std::to_string(a.year)] = &a;
  w.begin_object();
  for (const auto& [year, a] : by_year) {
    const sammanstallning::Justering& j = settings.justeringar[a->justering];
    w.key(year).begin_object();
    w.member("adjusted_kr", a->adjusted_kr);
    w.member("reason", j.motivering);
    w.member("source", j.kalla);
    w.member("submitted_kr", a->submitted_kr);
    w.end_object();
  }
  w.end_object();
}

/// One line of a supplier's table, with the catalogue's words and the preparers' figures of its
/// consolidated line `c` (nullptr: as read only). Per year, the last column of that year and
/// kind gives the amount.
void write_line(JsonWriter& w, const analys::Table& t, const analys::Line& line,
                const sammanstallning::SourceLine* c, const sammanstallning::Settings* settings,
                std::map<std::string, std::int64_t>& total) {
  std::map<std::string, std::optional<std::int64_t>> amounts, effects;
  std::map<std::string, std::string> sources, effect_sources;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const analys::Column& col = t.columns[i];
    if (col.year == 0 || col.kind == ColumnKind::text) continue;
    std::string year = std::to_string(col.year);
    const auto& v = line.values[i];
    bool has = v && v->amount.kind == Amount::Kind::amount;
    const bool effect = col.kind == ColumnKind::effekt;
    (effect ? effects : amounts)[year] =
        has ? std::optional<std::int64_t>(v->amount.kronor) : std::nullopt;
    if (v) (effect ? effect_sources : sources)[year] = v->source.ref();
    if (has && is_cost_column(col.kind)) total[year] += v->amount.kronor;
  }
  w.begin_object();
  if (c != nullptr && !c->adjusted.empty() && settings != nullptr) {
    w.key("adjusted");
    write_adjusted(w, c->adjusted, *settings);
  }
  w.key("amounts_kr");
  write_map(w, amounts);
  w.member("area", line.area);
  if (c != nullptr) w.member("category", fordelning::category_json(c->category));
  if (!effects.empty()) {
    // Both readings: the level of running cost added, and the change in each year.
    analys::Effects e = analys::effects_of(t, line, analys::Impact::unknown);
    std::map<std::string, std::int64_t> level, change;
    for (const auto& [year, kr] : e.level) level[std::to_string(year)] = kr;
    for (const auto& [year, kr] : e.change) change[std::to_string(year)] = kr;
    w.key("effect_change_kr");
    write_map(w, change);
    w.key("effect_level_kr");
    write_map(w, level);
    w.key("effect_sources");
    write_map(w, effect_sources);
    w.key("effects_kr");  // as written
    write_map(w, effects);
  }
  if (c != nullptr) {
    w.member("financing", fordelning::financing_json(c->financing));
    w.member("in_frames", c->in_frames);
    if (!c->in_frames) w.member("outside_reason", c->reason);
  }
  w.member("service", line.label);
  w.key("sources");
  write_map(w, sources);
  w.member("table", t.id);
  w.end_object();
}

}  // namespace

void write_supplier(JsonWriter& w, const analys::Submission& s,
                    const sammanstallning::SupplierRound* consolidated,
                    const sammanstallning::Settings* settings) {
  w.begin_object();
  if (consolidated != nullptr && settings != nullptr) {
    // The area rows the preparers adjusted.
    bool any = false;
    for (const char* table : {"forvaltning", "utveckling"}) {
      const auto& rows = std::string_view(table) == "forvaltning" ? consolidated->forvaltning
                                                                   : consolidated->utveckling;
      for (const sammanstallning::AreaRow& r : rows) {
        if (r.adjusted.empty()) continue;
        if (!any) w.key("adjusted_rows").begin_array();
        any = true;
        w.begin_object();
        w.key("adjusted");
        write_adjusted(w, r.adjusted, *settings);
        w.member("area", r.area);
        w.member("table", table);
        w.end_object();
      }
    }
    if (any) w.end_array();
  }
  w.member("file", s.file);
  w.key("lines").begin_array();
  std::map<std::string, std::map<std::string, std::int64_t>> totals;
  for (const analys::Table& t : s.tables) {
    if (t.id != "forvaltning" && t.id != "utveckling" && t.id != "nya_insatser") continue;
    // The consolidated lines of this table, in the table's row order as here.
    std::vector<const sammanstallning::SourceLine*> classified;
    if (consolidated != nullptr) {
      for (const auto& l : consolidated->lines) {
        if (l.table == t.id) classified.push_back(&l);
      }
    }
    std::size_t row_index = 0;
    std::map<std::string, std::int64_t> total;
    for (const analys::Column& c : t.columns) {
      if (is_cost_column(c.kind) && c.year != 0) total[std::to_string(c.year)] = 0;
    }
    for (const analys::Line& line : t.lines) {
      if (line.kind != LineKind::row) continue;
      write_line(w, t, line, row_index < classified.size() ? classified[row_index] : nullptr,
                 settings, total);
      ++row_index;
    }
    totals[t.id] = std::move(total);
  }
  w.end_array();
  w.member("name", s.supplier);
  if (consolidated != nullptr) {
    w.key("scope").begin_array();
    for (const sammanstallning::ScopeSplit& x : consolidated->scope) {
      w.begin_object();
      w.member("in_frames_kr", x.in_frames_kr);
      w.member("outside_kr", x.outside_kr);
      w.member("table", x.table);
      w.member("total_kr", x.total_kr);
      w.member("year", x.year);
      w.end_object();
    }
    w.end_array();
  }
  w.key("totals_kr").begin_object();
  for (const auto& [table, per_year] : totals) {
    w.key(table);
    write_map(w, per_year);
  }
  w.end_object();
  w.member("year", s.year);
  w.end_object();
}

void write_finding(JsonWriter& w, const Finding& f) {
  w.begin_object();
  w.member("cell", f.where.cell);
  w.member("code", f.code);
  w.member("expected_kr", f.expected_kr);
  w.member("file", f.where.file);
  w.member("level", level_name(f.level));
  w.member("message", f.message);
  w.member("sheet", f.where.sheet);
  w.member("value_kr", f.value_kr);
  w.end_object();
}

void write_findings(JsonWriter& w, const Findings& findings) {
  w.begin_array();
  for (const Finding& f : findings) write_finding(w, f);
  w.end_array();
}

namespace {

const char* key_source_name(fordelning::KeySource k) {
  switch (k) {
    case fordelning::KeySource::tjanst: return "tjanster";
    case fordelning::KeySource::omrade: return "tjanster_omrade";
    case fordelning::KeySource::stjarna: return "tjanster_stjarna";
    case fordelning::KeySource::text: return "tabell_3_2";
    case fordelning::KeySource::none: break;
  }
  return "ingen";
}

const char* charging_name(fordelning::Charging c) {
  switch (c) {
    case fordelning::Charging::by_key: return "by_key";
    case fordelning::Charging::to_customer: return "to_customer";
    case fordelning::Charging::to_supplier: return "to_supplier";
    case fordelning::Charging::invoiced: return "invoiced";
    case fordelning::Charging::kommunbidrag: return "kommunbidrag";
    case fordelning::Charging::none: break;
  }
  return "not_allocated";
}

/// A Kund-id -> kronor object, in Kund-id byte order as CustomerKronor holds it.
void write_kronor(JsonWriter& w, const fordelning::CustomerKronor& kr) {
  w.begin_object();
  for (const auto& e : kr) w.member(e.id(), e.kr);
  w.end_object();
}

/// An allocated line: supplier, service, table, year, key, amount_kr, customers_kr (every
/// selected customer, summing exactly to amount_kr), plus area, source (the amount's cell),
/// key_source and, where `Tjänster` names one, proposed_key and proposed_customers_kr.
void write_allocation(JsonWriter& w, const fordelning::LineAllocation& a) {
  w.begin_object();
  w.member("amount_kr", a.amount_kr);
  w.member("area", a.area);
  w.member("category", fordelning::category_json(a.category));
  w.member("charging", charging_name(a.charging));
  w.key("customers_kr");
  write_kronor(w, a.allocation->customers_kr);
  if (a.receiver.kind == fordelning::Receiver::Kind::customer) {
    w.member("delivered_to", a.receiver.name);
  }
  w.member("financing", fordelning::financing_json(a.financing));
  w.key("key");
  if (a.key != nullptr) {
    w.value(a.key->name);
  } else {
    w.value(nullptr);
  }
  w.member("key_source", a.key != nullptr ? key_source_name(a.key_source) : "levereras_till");
  if (a.proposed_key) {
    w.key("proposed_customers_kr");
    if (a.proposed) {
      write_kronor(w, a.proposed->customers_kr);
    } else {
      w.value(nullptr);
    }
    w.member("proposed_key", a.proposed_key->name);
  }
  w.member("service", a.service);
  w.member("source", a.file + " " + a.source.ref());
  w.member("supplier", a.supplier);
  w.member("table", a.table);
  if (a.used_by != nullptr) w.member("used_by", a.used_by->text);
  w.member("year", a.year);
  w.end_object();
}

/// The lines not allocated: supplier, service, table, year, amount_kr, source, reason.
void write_unallocated(JsonWriter& w, const fordelning::RoundAllocation& allocation) {
  w.begin_array();
  for (const auto& a : allocation.lines) {
    if (a.allocation) continue;
    w.begin_object();
    w.member("amount_kr", a.amount_kr);
    w.member("category", fordelning::category_json(a.category));
    w.member("charging", charging_name(a.charging));
    if (a.receiver.kind == fordelning::Receiver::Kind::supplier) {
      w.member("delivered_to", a.receiver.name);
    }
    w.member("financing", fordelning::financing_json(a.financing));
    w.member("reason", alloc::not_charged_text(a));
    w.member("service", a.service);
    w.member("source", a.file + " " + a.source.ref());
    w.member("supplier", a.supplier);
    w.member("table", a.table);
    w.member("year", a.year);
    w.end_object();
  }
  w.end_array();
}

/// Per customer, its kronor per supplier.
std::map<std::string, std::map<std::string, std::int64_t>> per_supplier_kr(
    const fordelning::RoundAllocation& allocation) {
  std::map<std::string, fordelning::KronorSum> by_supplier;
  for (const auto& a : allocation.lines) {
    if (a.allocation) by_supplier[a.supplier].add(a.allocation->customers_kr);
  }
  std::map<std::string, std::map<std::string, std::int64_t>> out;
  for (const auto& [supplier, sum] : by_supplier) {
    for (const auto& [id, kr] : sum.to_map()) out[id][supplier] += kr;
  }
  return out;
}

/// The bridge's parts in their names' byte order.
const std::array<int, 7>& parts_in_key_order() {
  static const std::array<int, 7> order = [] {
    std::array<int, 7> o{};
    std::iota(o.begin(), o.end(), 0);
    std::sort(o.begin(), o.end(), [](int a, int b) {
      return std::string_view(fordelning::kBridgePartNames[a]) <
             std::string_view(fordelning::kBridgePartNames[b]);
    });
    return o;
  }();
  return order;
}

/// A customer's bridge (contract: "customers[].bridge").
void write_bridge(JsonWriter& w, const fordelning::Bridge& bridge,
                  const fordelning::CustomerBridge& b) {
  w.begin_object();
  w.member("base", fordelning::base_json(bridge.base));
  w.member("last_year_kr", b.last_year_kr);
  w.key("parts_kr").begin_object();
  for (int i : parts_in_key_order()) {
    w.member(fordelning::kBridgePartNames[i], fordelning::part(b.parts, i));
  }
  w.end_object();
  w.member("this_year_kr", b.this_year_kr);
  w.end_object();
}

/// A customer of the register: id, name, type, total_kr, total_proposed_kr, suppliers_kr
/// (supplier -> kronor) and, with last year's round, its bridge; `departed` for a customer who
/// has left the register since last year.
void write_customer(JsonWriter& w, const fordelning::RoundAllocation& allocation,
                    const fordelning::Customer& c,
                    const std::map<std::string, std::int64_t>& suppliers_kr,
                    const fordelning::Bridge* bridge, bool departed = false) {
  auto total = allocation.customer_totals.find(c.id);
  auto proposed = allocation.customer_totals_proposed.find(c.id);
  w.begin_object();
  if (bridge != nullptr) {
    auto it = bridge->customers.find(c.id);
    w.key("bridge");
    write_bridge(w, *bridge, it != bridge->customers.end() ? it->second
                                                           : fordelning::CustomerBridge{});
  }
  if (departed) w.member("departed", true);
  w.member("id", c.id);
  w.member("name", c.name);
  w.key("suppliers_kr");
  write_map(w, suppliers_kr);
  w.member("total_kr",
           total == allocation.customer_totals.end() ? std::int64_t{0} : total->second);
  w.member("total_proposed_kr", proposed == allocation.customer_totals_proposed.end()
                                    ? std::int64_t{0}
                                    : proposed->second);
  w.member("type", c.typ);
  w.end_object();
}

}  // namespace

void write_result_json(const ResultDoc& doc, const std::function<void(std::string_view)>& sink) {
  JsonWriter w(sink, std::size_t{1} << 20);
  w.begin_object();
  w.key("allocations").begin_array();
  for (const auto& a : doc.allocation.lines) {
    if (a.allocation) write_allocation(w, a);
  }
  w.end_array();
  w.key("customers").begin_array();
  if (doc.kunder != nullptr) {
    auto per_supplier = per_supplier_kr(doc.allocation);
    for (const auto& c : doc.kunder->customers) {
      write_customer(w, doc.allocation, c, per_supplier[c.id], doc.bridge);
    }
    // Customers who left the register: last year's charge and its bridge to nothing.
    if (doc.bridge != nullptr) {
      for (const auto& c : fordelning::departed_customers(*doc.bridge, *doc.kunder)) {
        write_customer(w, doc.allocation, c, {}, doc.bridge, true);
      }
    }
  }
  w.end_array();
  w.member("draft", doc.draft);
  w.key("findings");
  write_findings(w, doc.findings);
  w.key("not_allocated");
  write_unallocated(w, doc.allocation);
  w.key("suppliers").begin_array();
  for (std::size_t i = 0; i < doc.submissions.size(); ++i) {
    const sammanstallning::SupplierRound* consolidated =
        doc.round != nullptr && i < doc.round->suppliers.size() ? &doc.round->suppliers[i]
                                                                : nullptr;
    write_supplier(w, doc.submissions[i], consolidated,
                   doc.round != nullptr ? &doc.round->settings : nullptr);
  }
  w.end_array();
  w.member("year", doc.year);
  w.end_object();
  w.finish();
}

void write_validate_json(const std::vector<analys::Submission>& submissions,
                         const Findings& findings, std::ostream& out) {
  JsonWriter w(out);
  w.begin_object();
  w.key("findings");
  write_findings(w, findings);
  w.key("suppliers").begin_array();
  for (const analys::Submission& s : submissions) write_supplier(w, s);
  w.end_array();
  w.end_object();
  w.finish();
}

}  // namespace arsanalys::output

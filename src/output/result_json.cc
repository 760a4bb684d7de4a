#include "output/result_json.h"

#include "analys/normalise.h"

#include <map>
#include <string>

namespace arsanalys::output {
using analys::Amount;
using analys::ColumnKind;
using analys::LineKind;
using nlohmann::json;

namespace {

bool is_cost_column(ColumnKind k) {
  return k == ColumnKind::utfall || k == ColumnKind::budget || k == ColumnKind::prognos ||
         k == ColumnKind::kostnad;
}

}  // namespace

json supplier_json(const analys::Submission& s) {
  json lines = json::array();
  json totals = json::object();
  for (const analys::Table& t : s.tables) {
    if (t.id != "forvaltning" && t.id != "utveckling" && t.id != "nya_insatser") continue;
    std::map<std::string, std::int64_t> total;
    for (const analys::Column& c : t.columns) {
      if (is_cost_column(c.kind) && c.year != 0) total[std::to_string(c.year)] = 0;
    }
    for (const analys::Line& line : t.lines) {
      if (line.kind != LineKind::row) continue;
      json amounts = json::object(), sources = json::object();
      json effects = json::object(), effect_sources = json::object();
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const analys::Column& c = t.columns[i];
        if (c.year == 0 || c.kind == ColumnKind::text) continue;
        std::string year = std::to_string(c.year);
        const auto& v = line.values[i];
        bool has = v && v->amount.kind == Amount::Kind::amount;
        json& into = c.kind == ColumnKind::effekt ? effects : amounts;
        json& from = c.kind == ColumnKind::effekt ? effect_sources : sources;
        into[year] = has ? json(v->amount.kronor) : json(nullptr);
        if (v) from[year] = v->source.ref();
        if (has && is_cost_column(c.kind)) total[year] += v->amount.kronor;
      }
      json l = {{"table", t.id},         {"service", line.label}, {"area", line.area},
                {"amounts_kr", amounts}, {"sources", sources}};
      if (!effects.empty()) {
        l["effects_kr"] = effects;  // as written
        l["effect_sources"] = effect_sources;
        // Both readings: the level of running cost added, and the change in each year.
        analys::Effects e = analys::effects_of(t, line, analys::Impact::unknown);
        json level = json::object(), change = json::object();
        for (const auto& [year, kr] : e.level) level[std::to_string(year)] = kr;
        for (const auto& [year, kr] : e.change) change[std::to_string(year)] = kr;
        l["effect_level_kr"] = level;
        l["effect_change_kr"] = change;
      }
      lines.push_back(std::move(l));
    }
    json per_year = json::object();
    for (const auto& [year, kr] : total) per_year[year] = kr;
    totals[t.id] = per_year;
  }
  return {{"name", s.supplier}, {"file", s.file}, {"year", s.year},
          {"lines", lines},     {"totals_kr", totals}};
}

json finding_json(const Finding& f) {
  return {{"code", f.code},
          {"level", level_name(f.level)},
          {"file", f.where.file},
          {"sheet", f.where.sheet},
          {"cell", f.where.cell},
          {"message", f.message},
          {"value_kr", f.value_kr ? json(*f.value_kr) : json(nullptr)},
          {"expected_kr", f.expected_kr ? json(*f.expected_kr) : json(nullptr)}};
}

json findings_json(const Findings& findings) {
  json out = json::array();
  for (const Finding& f : findings) out.push_back(finding_json(f));
  return out;
}

namespace {

const char* key_source_name(fordelning::KeySource k) {
  switch (k) {
    case fordelning::KeySource::tjanst: return "tjanster";
    case fordelning::KeySource::stjarna: return "tjanster_stjarna";
    case fordelning::KeySource::text: return "tabell_3_2";
    case fordelning::KeySource::none: break;
  }
  return "ingen";
}

json customers_kr_json(const std::map<std::string, std::int64_t>& kr) {
  json out = json::object();
  for (const auto& [id, v] : kr) out[id] = v;
  return out;
}

}  // namespace

json allocations_json(const fordelning::RoundAllocation& allocation) {
  json out = json::array();
  for (const auto& a : allocation.lines) {
    if (!a.allocation) continue;
    json j = {{"supplier", a.supplier},
              {"service", a.service},
              {"area", a.area},
              {"table", a.table},
              {"year", a.year},
              {"key", a.key->name},
              {"key_source", key_source_name(a.key_source)},
              {"amount_kr", a.amount_kr},
              {"source", a.file + " " + a.source.ref()},
              {"customers_kr", customers_kr_json(a.allocation->customers_kr)}};
    if (a.proposed_key) {
      j["proposed_key"] = a.proposed_key->name;
      j["proposed_customers_kr"] =
          a.proposed ? customers_kr_json(a.proposed->customers_kr) : json(nullptr);
    }
    out.push_back(std::move(j));
  }
  return out;
}

json unallocated_json(const fordelning::RoundAllocation& allocation) {
  json out = json::array();
  for (const auto& a : allocation.lines) {
    if (a.allocation) continue;
    out.push_back({{"supplier", a.supplier},
                   {"service", a.service},
                   {"table", a.table},
                   {"year", a.year},
                   {"amount_kr", a.amount_kr},
                   {"source", a.file + " " + a.source.ref()},
                   {"reason", a.reason}});
  }
  return out;
}

json customers_json(const fordelning::RoundAllocation& allocation,
                    const fordelning::Kunder& kunder) {
  std::map<std::string, std::map<std::string, std::int64_t>> per_supplier;
  for (const auto& a : allocation.lines) {
    if (!a.allocation) continue;
    for (const auto& [id, kr] : a.allocation->customers_kr) per_supplier[id][a.supplier] += kr;
  }
  json out = json::array();
  for (const auto& c : kunder.customers) {
    auto total = allocation.customer_totals.find(c.id);
    auto proposed = allocation.customer_totals_proposed.find(c.id);
    out.push_back(
        {{"id", c.id},
         {"name", c.name},
         {"type", c.typ},
         {"total_kr", total == allocation.customer_totals.end() ? 0 : total->second},
         {"total_proposed_kr",
          proposed == allocation.customer_totals_proposed.end() ? 0 : proposed->second},
         {"suppliers_kr", customers_kr_json(per_supplier[c.id])}});
  }
  return out;
}

}  // namespace arsanalys::output

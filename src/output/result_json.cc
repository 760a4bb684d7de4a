#include "output/result_json.h"

#include "analys/normalise.h"
#include "output/allocation_layout.h"

#include <fmt/format.h>

#include <algorithm>
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

/// The preparers' figures of a line or row: year -> {submitted_kr, adjusted_kr, source, reason}.
json adjusted_json(const std::vector<sammanstallning::Adjusted>& adjusted,
                   const sammanstallning::Settings& settings) {
  json out = json::object();
  for (const sammanstallning::Adjusted& a : adjusted) {
    const sammanstallning::Justering& j = settings.justeringar[a.justering];
    out[std::to_string(a.year)] = {
        {"submitted_kr", a.submitted_kr ? json(*a.submitted_kr) : json(nullptr)},
        {"adjusted_kr", a.adjusted_kr},
        {"source", j.kalla},
        {"reason", j.motivering}};
  }
  return out;
}

/// The catalogue's words of a consolidated line.
void classification_json(json& l, const sammanstallning::SourceLine& c,
                         const sammanstallning::Settings* settings) {
  l["category"] = std::string(fordelning::category_json(c.category));
  l["financing"] = std::string(fordelning::financing_json(c.financing));
  l["in_frames"] = c.in_frames;
  if (!c.in_frames) l["outside_reason"] = c.reason;
  if (!c.adjusted.empty() && settings != nullptr) l["adjusted"] = adjusted_json(c.adjusted, *settings);
}

json supplier_json(const analys::Submission& s, const sammanstallning::SupplierRound* consolidated,
                   const sammanstallning::Settings* settings) {
  json lines = json::array();
  json totals = json::object();
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
      if (row_index < classified.size()) classification_json(l, *classified[row_index], settings);
      ++row_index;
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
  json out = {{"name", s.supplier}, {"file", s.file}, {"year", s.year},
              {"lines", lines},     {"totals_kr", totals}};
  if (consolidated != nullptr) {
    json scope = json::array();
    for (const sammanstallning::ScopeSplit& x : consolidated->scope) {
      scope.push_back({{"table", x.table},
                       {"year", x.year},
                       {"total_kr", x.total_kr},
                       {"in_frames_kr", x.in_frames_kr},
                       {"outside_kr", x.outside_kr}});
    }
    out["scope"] = scope;
    json areas = json::array();
    for (const char* table : {"forvaltning", "utveckling"}) {
      const auto& rows = std::string_view(table) == "forvaltning" ? consolidated->forvaltning
                                                                   : consolidated->utveckling;
      for (const sammanstallning::AreaRow& r : rows) {
        if (r.adjusted.empty() || settings == nullptr) continue;
        areas.push_back({{"table", table},
                         {"area", r.area},
                         {"adjusted", adjusted_json(r.adjusted, *settings)}});
      }
    }
    if (!areas.empty()) out["adjusted_rows"] = areas;
  }
  return out;
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

json customers_kr_json(const std::map<std::string, std::int64_t>& kr) {
  json out = json::object();
  for (const auto& [id, v] : kr) out[id] = v;
  return out;
}

std::string dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

/// A Kund-id → kronor object as dump(2) prints it as the value of a key of an array's element:
/// its keys indented by four, its closing brace by two. CustomerKronor is in Kund-id byte
/// order, the order of json's object keys. Written directly: as a json object, every customer of
/// every line was a map insert by Kund-id, 4 % of a run at 2,000 customers.
std::string customers_kr_text(const fordelning::CustomerKronor& kr) {
  if (kr.begin() == kr.end()) return "{}";
  std::string out = "{";
  bool first = true;
  for (const auto& e : kr) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    const std::string& id = e.id();
    bool plain = std::all_of(id.begin(), id.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && u < 0x7F && c != '"' && c != '\\';
    });
    if (plain) {
      out += '"';
      out += id;
      out += '"';
    } else {
      out += dump(json(id));
    }
    out += ": ";
    out += std::to_string(e.kr);
  }
  return out + "\n  }";
}

/// An allocated line: supplier, service, table, year, key, amount_kr, customers_kr (every
/// selected customer, summing exactly to amount_kr), plus area, source (the amount's cell),
/// key_source and, where `Tjänster` names one, proposed_key and proposed_customers_kr. As
/// dump(2) prints it.
std::string allocation_text(const fordelning::LineAllocation& a) {
  const std::string kCurrent = "\x01customers_kr\x01", kProposed = "\x01proposed\x01";
  json j = {{"supplier", a.supplier},
            {"service", a.service},
            {"area", a.area},
            {"table", a.table},
            {"year", a.year},
            {"key", a.key != nullptr ? json(a.key->name) : json(nullptr)},
            {"key_source", a.key != nullptr ? key_source_name(a.key_source) : "levereras_till"},
            {"amount_kr", a.amount_kr},
            {"source", a.file + " " + a.source.ref()},
            {"category", fordelning::category_json(a.category)},
            {"financing", fordelning::financing_json(a.financing)},
            {"charging", charging_name(a.charging)},
            {"customers_kr", kCurrent}};
  if (a.receiver.kind == fordelning::Receiver::Kind::customer) j["delivered_to"] = a.receiver.name;
  if (a.used_by != nullptr) j["used_by"] = a.used_by->text;
  if (a.proposed_key) {
    j["proposed_key"] = a.proposed_key->name;
    j["proposed_customers_kr"] = a.proposed ? json(kProposed) : json(nullptr);
  }
  std::string text = dump(j);
  // A key and its marker: no text of the line can hold it, as its quotes would be escaped.
  auto put = [&](std::string_view key, const std::string& mark,
                 const fordelning::CustomerKronor& kr) {
    const std::string pair = fmt::format("\"{}\": {}", key, dump(json(mark)));
    const std::size_t at = text.find(pair);
    text.replace(at + key.size() + 4, pair.size() - key.size() - 4, customers_kr_text(kr));
  };
  if (a.proposed_key && a.proposed) {
    put("proposed_customers_kr", kProposed, a.proposed->customers_kr);
  }
  put("customers_kr", kCurrent, a.allocation->customers_kr);
  return text;
}

}  // namespace

json unallocated_json(const fordelning::RoundAllocation& allocation) {
  json out = json::array();
  for (const auto& a : allocation.lines) {
    if (a.allocation) continue;
    json l = {{"supplier", a.supplier},
              {"service", a.service},
              {"table", a.table},
              {"year", a.year},
              {"amount_kr", a.amount_kr},
              {"source", a.file + " " + a.source.ref()},
              {"category", fordelning::category_json(a.category)},
              {"financing", fordelning::financing_json(a.financing)},
              {"charging", charging_name(a.charging)},
              {"reason", alloc::not_charged_text(a)}};
    if (a.receiver.kind == fordelning::Receiver::Kind::supplier) l["delivered_to"] = a.receiver.name;
    out.push_back(std::move(l));
  }
  return out;
}

namespace {

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

/// A customer of the register: id, name, type, total_kr, total_proposed_kr and suppliers_kr
/// (supplier -> kronor).
/// A customer's bridge (contract: "customers[].bridge").
json bridge_json(const fordelning::Bridge& bridge, const fordelning::CustomerBridge& b) {
  json parts = json::object();
  for (int i = 0; i < 7; ++i) parts[fordelning::kBridgePartNames[i]] = fordelning::part(b.parts, i);
  return {{"last_year_kr", b.last_year_kr},
          {"this_year_kr", b.this_year_kr},
          {"base", fordelning::base_json(bridge.base)},
          {"parts_kr", parts}};
}

json customer_json(const fordelning::RoundAllocation& allocation, const fordelning::Customer& c,
                   const std::map<std::string, std::int64_t>& suppliers_kr,
                   const fordelning::Bridge* bridge) {
  auto total = allocation.customer_totals.find(c.id);
  auto proposed = allocation.customer_totals_proposed.find(c.id);
  json out = {{"id", c.id},
          {"name", c.name},
          {"type", c.typ},
          {"total_kr", total == allocation.customer_totals.end() ? 0 : total->second},
          {"total_proposed_kr",
           proposed == allocation.customer_totals_proposed.end() ? 0 : proposed->second},
          {"suppliers_kr", customers_kr_json(suppliers_kr)}};
  if (bridge != nullptr) {
    auto it = bridge->customers.find(c.id);
    out["bridge"] = bridge_json(*bridge, it != bridge->customers.end()
                                             ? it->second
                                             : fordelning::CustomerBridge{});
  }
  return out;
}

/// An array at depth 1 of the document, element by element, as dump(2) prints it.
class ArrayOut {
 public:
  explicit ArrayOut(const std::function<void(std::string_view)>& sink) : sink_(sink) {}
  void add(const json& element) { add(dump(element)); }
  /// An element as dump(2) prints it.
  void add(const std::string& text) {
    std::string out = first_ ? "[\n    " : ",\n    ";
    out.reserve(out.size() + text.size() + text.size() / 8);
    for (char c : text) {
      out += c;
      if (c == '\n') out += "    ";  // a JSON string holds no raw newline: these are dump's
    }
    sink_(out);
    first_ = false;
  }
  void finish() { sink_(first_ ? "[]" : "\n  ]"); }

 private:
  const std::function<void(std::string_view)>& sink_;
  bool first_ = true;
};

}  // namespace

void write_result_json(const ResultDoc& doc, const std::function<void(std::string_view)>& sink) {
  // The small parts as a tree with markers where the two large arrays go; dump() sorts the
  // keys, so the markers land where those arrays belong.
  const std::string kAllocations = "\x01allocations\x01", kCustomers = "\x01customers\x01";
  json suppliers = json::array();
  for (std::size_t i = 0; i < doc.submissions.size(); ++i) {
    const sammanstallning::SupplierRound* consolidated =
        doc.round != nullptr && i < doc.round->suppliers.size() ? &doc.round->suppliers[i]
                                                                : nullptr;
    suppliers.push_back(supplier_json(doc.submissions[i], consolidated,
                                      doc.round != nullptr ? &doc.round->settings : nullptr));
  }
  json top = {{"year", doc.year},
              {"draft", doc.draft},
              {"suppliers", suppliers},
              {"findings", findings_json(doc.findings)},
              {"allocations", kAllocations},
              {"not_allocated", unallocated_json(doc.allocation)},
              {"customers", kCustomers}};
  const std::string text = dump(top) + "\n";
  const std::string marks[2] = {dump(json(kAllocations)), dump(json(kCustomers))};
  std::size_t at[2] = {text.find(marks[0]), text.find(marks[1])};
  std::size_t done = 0;
  for (int m : {0, 1}) {
    sink(std::string_view(text).substr(done, at[m] - done));
    done = at[m] + marks[m].size();
    ArrayOut array(sink);
    if (m == 0) {
      for (const auto& a : doc.allocation.lines) {
        if (a.allocation) array.add(allocation_text(a));
      }
    } else if (doc.kunder != nullptr) {
      auto per_supplier = per_supplier_kr(doc.allocation);
      for (const auto& c : doc.kunder->customers) {
        array.add(customer_json(doc.allocation, c, per_supplier[c.id], doc.bridge));
      }
      // Customers who left the register: last year's charge and its bridge to nothing.
      if (doc.bridge != nullptr) {
        for (const auto& c : fordelning::departed_customers(*doc.bridge, *doc.kunder)) {
          json entry = customer_json(doc.allocation, c, {}, doc.bridge);
          entry["departed"] = true;
          array.add(entry);
        }
      }
    }
    array.finish();
  }
  sink(std::string_view(text).substr(done));
}

}  // namespace arsanalys::output

#include "output/inspect_report.h"

#include <cmath>

#include <fmt/format.h>

namespace arsanalys::output {
using nlohmann::json;
using xlsx::Cell;
using xlsx::CellType;
using xlsx::Workbook;

namespace {

json number_json(double v) {
  if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.0e15) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

std::string value_text(const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::number: return fmt::format("{}", cell.number);
    case CellType::boolean: return cell.number != 0 ? "SANT" : "FALSKT";
    case CellType::date: return wb.date_iso(cell);
    case CellType::string: return fmt::format("'{}'", wb.text(cell));
    case CellType::error: return std::string(wb.text(cell));
  }
  return {};
}

}  // namespace

json cell_value_json(const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::number: return number_json(cell.number);
    case CellType::boolean: return cell.number != 0;
    case CellType::date: return wb.date_iso(cell);
    case CellType::string:
    case CellType::error: return std::string(wb.text(cell));
  }
  return nullptr;
}

json inspect_json(const Workbook& wb, const std::vector<InspectTable>& tables) {
  json sheets = json::array();
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    const xlsx::Sheet& sheet = wb.sheets[i];
    json cells = json::array();
    for (const Cell& cell : sheet.cells) {
      json c = {{"ref", xlsx::to_string(cell.ref())},
                {"type", xlsx::type_name(cell.type)},
                {"value", cell_value_json(wb, cell)}};
      if (std::string_view f = wb.formula(cell); !f.empty()) c["formula"] = f;
      cells.push_back(std::move(c));
    }
    json merged = json::array();
    for (const xlsx::Range& r : sheet.merged) merged.push_back(xlsx::to_string(r));
    json found = json::array();
    for (const InspectTable& t : tables) {
      if (t.sheet == i) found.push_back({{"table", t.table}, {"range", t.range}});
    }
    sheets.push_back({{"name", sheet.name},
                      {"cells", std::move(cells)},
                      {"merged", std::move(merged)},
                      {"tables", std::move(found)}});
  }
  return {{"file", wb.file_name}, {"sheets", std::move(sheets)}};
}

std::string inspect_text(const Workbook& wb, const std::vector<InspectTable>& tables) {
  std::string out = fmt::format("Arbetsbok: {} ({} blad, datumsystem {})\n", wb.file_name,
                                wb.sheets.size(), wb.date1904 ? 1904 : 1900);
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    const xlsx::Sheet& sheet = wb.sheets[i];
    std::string note;
    if (sheet.kind == xlsx::SheetKind::chartsheet) note = ", diagramblad";
    if (sheet.hidden) note += ", dolt";
    out += fmt::format("\nBlad {}: '{}' ({} celler{})\n", i + 1, sheet.name, sheet.cells.size(),
                       note);
    if (!sheet.merged.empty()) {
      out += "  Sammanfogade celler:";
      for (const xlsx::Range& r : sheet.merged) {
        out += ' ';
        out += xlsx::to_string(r);
      }
      out += "\n";
    }
    for (const InspectTable& t : tables) {
      if (t.sheet == i) out += fmt::format("  Tabell {} i {}\n", t.table, t.range);
    }
    for (const Cell& cell : sheet.cells) {
      out += fmt::format("  {:<8} {:<8} {}", xlsx::to_string(cell.ref()),
                         xlsx::type_name_sv(cell.type), value_text(wb, cell));
      if (std::string_view f = wb.formula(cell); !f.empty()) out += fmt::format("  ={}", f);
      out += "\n";
    }
  }
  return out;
}

}  // namespace arsanalys::output

#include "xlsx/workbook.h"

#include <algorithm>

#include <fmt/format.h>

#include "xlsx/number_format.h"

namespace arsanalys::xlsx {

const Cell* Sheet::find(std::uint32_t row, std::uint32_t col) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), CellRef{row, col},
                             [](const Cell& c, const CellRef& r) {
                               return c.row < r.row || (c.row == r.row && c.col < r.col);
                             });
  if (it == cells.end() || it->row != row || it->col != col) return nullptr;
  return &*it;
}

std::string_view Workbook::text(const Cell& cell) const {
  if (cell.text == kNoIndex || cell.text >= strings.size()) return {};
  return strings[cell.text];
}

std::string_view Workbook::formula(const Cell& cell) const {
  if (cell.formula == kNoIndex || cell.formula >= formulas.size()) return {};
  return formulas[cell.formula];
}

const NumberFormat& Workbook::format(const Cell& cell) const {
  static const NumberFormat general{0, "General", false};
  if (cell.style >= formats.size()) return formats.empty() ? general : formats.front();
  return formats[cell.style];
}

std::string Workbook::date_iso(const Cell& cell) const {
  if (cell.text != kNoIndex) return std::string(text(cell));
  return serial_to_iso(cell.number, date1904).value_or("");
}

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const Sheet& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string_view type_name_sv(CellType type) {
  switch (type) {
    case CellType::number: return "tal";
    case CellType::string: return "text";
    case CellType::boolean: return "logiskt";
    case CellType::error: return "fel";
    case CellType::date: return "datum";
  }
  return "?";
}

std::string_view type_name(CellType type) {
  switch (type) {
    case CellType::number: return "number";
    case CellType::string: return "string";
    case CellType::boolean: return "bool";
    case CellType::error: return "error";
    case CellType::date: return "date";
  }
  return "?";
}

void report_text_repairs(const Workbook& wb, Findings& findings, std::size_t limit) {
  std::size_t n = 0;
  for (const TextRepair& r : wb.repairs) {
    if (n++ == limit) {
      findings.push_back({"TEXT_REPLACED", Level::varning, {wb.file_name, "", ""},
                          fmt::format("Ytterligare {} celler innehöll tecken som inte kan skrivas "
                                      "i Excel- eller HTML-filer; de har ersatts på samma sätt.",
                                      wb.repairs.size() - limit),
                          std::nullopt, std::nullopt});
      return;
    }
    const std::string& sheet = r.sheet < wb.sheets.size() ? wb.sheets[r.sheet].name : "";
    bool name = r.row == kNoIndex;
    Level level = r.what.controls + r.what.invalid_utf8 == 0 ? Level::info : Level::varning;
    findings.push_back(
        {"TEXT_REPLACED", level,
         {wb.file_name, sheet, name ? "" : to_string(CellRef{r.row, r.col})},
         fmt::format("{} innehöll tecken som inte kan skrivas i Excel- eller HTML-filer: {}. "
                     "Resultaten visar den ersatta texten.",
                     name ? "Bladets namn" : "Cellen", r.what.describe()),
         std::nullopt, std::nullopt});
  }
}

}  // namespace arsanalys::xlsx

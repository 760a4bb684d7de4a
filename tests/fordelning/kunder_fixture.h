#pragma once
// Test helpers: a kunder.xlsx as an in-memory xlsx::Workbook (no zip, no disk), and a register
// built directly as plain data for the engine's property tests.
//
//   xlsx::Workbook wb = workbook({{"Kunder", {{"Kund-id", "Namn", "Typ", "Antal anställda"},
//                                             {"SLK", "Stadsledningskontoret", "Förvaltning",
//                                             900}}}});

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fordelning/customers.h"
#include "xlsx/workbook.h"

namespace arsanalys::test {

/// A cell as a test writes it: empty, a number, a text, or a number formatted as a percentage.
struct V {
  struct Percent {
    double value;
  };
  V() = default;
  V(int n) : v(static_cast<double>(n)) {}  // NOLINT: implicit on purpose
  V(double n) : v(n) {}                    // NOLINT
  V(const char* s) : v(std::string(s)) {}  // NOLINT
  V(std::string s) : v(std::move(s)) {}    // NOLINT
  V(Percent p) : v(p) {}                   // NOLINT
  std::variant<std::monostate, double, std::string, Percent> v;
};

/// `V::Percent{0.75}`: the number 0.75 shown as 75 %.
inline V percent(double value) { return V(V::Percent{value}); }

using Rows = std::vector<std::vector<V>>;

/// A workbook of the given sheets (name, rows from A1); style 1 is the format `0%`.
inline xlsx::Workbook workbook(const std::vector<std::pair<std::string, Rows>>& sheets,
                               std::string file = "kunder.xlsx") {
  xlsx::Workbook wb;
  wb.file_name = std::move(file);
  wb.formats = {xlsx::NumberFormat{0, "General", false}, xlsx::NumberFormat{9, "0%", false}};
  for (const auto& [name, rows] : sheets) {
    xlsx::Sheet sheet;
    sheet.name = name;
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
      for (std::uint32_t c = 0; c < rows[r].size(); ++c) {
        xlsx::Cell cell;
        cell.row = r;
        cell.col = c;
        const auto& v = rows[r][c].v;
        if (std::holds_alternative<std::monostate>(v)) continue;
        if (const double* d = std::get_if<double>(&v)) {
          cell.number = *d;
        } else if (const auto* p = std::get_if<V::Percent>(&v)) {
          cell.number = p->value;
          cell.style = 1;
        } else {
          cell.type = xlsx::CellType::string;
          cell.text = static_cast<std::uint32_t>(wb.strings.size());
          wb.strings.push_back(std::get<std::string>(v));
        }
        sheet.cells.push_back(cell);
      }
    }
    wb.sheets.push_back(std::move(sheet));
  }
  return wb;
}

/// A customer for registers built as data: measure name -> value.
inline fordelning::Customer customer(std::string id, std::string typ,
                                     std::map<std::string, fordelning::Decimal> measures) {
  fordelning::Customer c;
  c.id = std::move(id);
  c.name = c.id;
  c.typ = std::move(typ);
  c.measures = std::move(measures);
  return c;
}

}  // namespace arsanalys::test

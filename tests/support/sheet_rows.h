#pragma once
// Test helper: small workbooks written as rows of values, packed as real .xlsx bytes (inline
// strings, plain numbers) and read back through the reader, so recognition and check tests go
// through the same path as a supplier's file.
//
//   Rows rows = {{"Tjänst", "Utfall 2022", "Budget 2023", "Prognos budget 2024"},
//                {"E-arkiv", nil, 1000, "1 060 tkr"}};
//   xlsx::Workbook wb = rows_workbook({{"3.1a Förvaltningskostnader", rows}});

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../xlsx/test_zip.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"

// A namespace of its own: tests/fordelning/kunder_fixture.h has another `V` in arsanalys::test.

namespace arsanalys::test::sheet_rows {

/// One cell value: empty, text (an inline string), a number, or a formula with its cached
/// number (as Excel and LibreOffice save it).
struct V {
  enum class K { empty, text, number, formula } k = K::empty;
  std::string s;  // text, or the formula without '='
  double n = 0;   // number, or the formula's cached value
  V() = default;
  V(const char* t) : k(K::text), s(t) {}              // NOLINT: implicit for readable rows
  V(std::string t) : k(K::text), s(std::move(t)) {}  // NOLINT
  V(double x) : k(K::number), n(x) {}                 // NOLINT
  V(int x) : k(K::number), n(x) {}                    // NOLINT
  /// `=formula` with the value Excel computed for it: V::sum("SUM(B3:B5)", 1200).
  static V sum(std::string formula, double cached) {
    V v;
    v.k = K::formula;
    v.s = std::move(formula);
    v.n = cached;
    return v;
  }
};
inline const V nil{};

using Rows = std::vector<std::vector<V>>;  // rows[0] is sheet row 1, rows[r][0] column A

struct SheetSpec {
  std::string name;
  Rows rows;
  std::string after = "";  // worksheet XML after </sheetData>, e.g. <mergeCells>
};

/// `&`, `<`, `>` escaped for XML text.
inline std::string escape_xml(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

/// A number as a `<v>` holds it: no trailing zeros after the point.
inline std::string number_text(double v) {
  std::string num = std::to_string(v);
  if (num.find('.') != std::string::npos) {
    while (num.back() == '0') num.pop_back();
    if (num.back() == '.') num.pop_back();
  }
  return num;
}

/// The `<sheetData>` content of the rows; empty rows are left out.
inline std::string rows_xml(const Rows& rows) {
  std::string data;
  for (std::uint32_t r = 0; r < rows.size(); ++r) {
    if (rows[r].empty()) continue;
    data += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::uint32_t c = 0; c < rows[r].size(); ++c) {
      const V& v = rows[r][c];
      std::string ref = xlsx::to_string(xlsx::CellRef{r, c});
      if (v.k == V::K::text) {
        data += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" +
                escape_xml(v.s) + "</t></is></c>";
      } else if (v.k == V::K::number) {
        data += "<c r=\"" + ref + "\"><v>" + number_text(v.n) + "</v></c>";
      } else if (v.k == V::K::formula) {
        data += "<c r=\"" + ref + "\"><f>" + escape_xml(v.s) + "</f><v>" + number_text(v.n) +
                "</v></c>";
      }
    }
    data += "</row>";
  }
  return data;
}

/// The sheets as an .xlsx, read back by the reader.
inline xlsx::Workbook rows_workbook(const std::vector<SheetSpec>& sheets,
                                    const std::string& file = "test.xlsx") {
  test::XlsxSpec spec;
  for (const SheetSpec& s : sheets) {
    spec.sheets.push_back({escape_xml(s.name), test::worksheet_xml(rows_xml(s.rows), s.after)});
  }
  auto bytes = test::make_xlsx(spec);
  return xlsx::read_workbook(bytes, file);
}

}  // namespace arsanalys::test::sheet_rows

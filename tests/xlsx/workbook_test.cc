#include "xlsx/workbook.h"

#include <catch2/catch.hpp>

using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::NumberFormat;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::type_name;
using arsanalys::xlsx::type_name_sv;
using arsanalys::xlsx::Workbook;

namespace {
Cell make(std::uint32_t row, std::uint32_t col, double number = 0) {
  Cell c;
  c.row = row;
  c.col = col;
  c.number = number;
  return c;
}
}  // namespace

TEST_CASE("Cell stays 32 bytes", "[workbook]") { CHECK(sizeof(Cell) == 32); }

TEST_CASE("Sheet::find on row-major cells", "[workbook]") {
  Sheet s;
  s.cells = {make(0, 0, 1), make(0, 5, 2), make(3, 1, 3), make(3, 2, 4), make(1048575, 16383, 5)};
  REQUIRE(s.find(0, 0) != nullptr);
  CHECK(s.find(0, 0)->number == 1);
  CHECK(s.find(0, 5)->number == 2);
  CHECK(s.find(3, 2)->number == 4);
  CHECK(s.find(1048575, 16383)->number == 5);
  CHECK(s.find(0, 1) == nullptr);
  CHECK(s.find(1, 0) == nullptr);
  CHECK(s.find(3, 3) == nullptr);
  CHECK(s.find(2000000, 0) == nullptr);
  CHECK(Sheet{}.find(0, 0) == nullptr);
}

TEST_CASE("Workbook accessors tolerate indexes out of range", "[workbook]") {
  Workbook wb;
  wb.strings = {"a", "b"};
  wb.formulas = {"A1*2"};
  Cell c = make(0, 0);
  CHECK(wb.text(c).empty());  // kNoIndex
  c.text = 1;
  CHECK(wb.text(c) == "b");
  c.text = 2;
  CHECK(wb.text(c).empty());
  CHECK(wb.formula(c).empty());
  c.formula = 0;
  CHECK(wb.formula(c) == "A1*2");
  c.formula = 7;
  CHECK(wb.formula(c).empty());

  // No formats at all: General.
  c.style = 3;
  CHECK(wb.format(c).id == 0);
  CHECK(wb.format(c).code == "General");
  CHECK_FALSE(wb.format(c).is_date);
  wb.formats = {NumberFormat{0, "General", false}, NumberFormat{14, "mm-dd-yy", true}};
  c.style = 1;
  CHECK(wb.format(c).id == 14);
  c.style = 2;
  CHECK(wb.format(c).id == 0);  // unknown style: the first one
}

TEST_CASE("Workbook::date_iso: serials in either system, and text dates", "[workbook]") {
  Workbook wb;
  Cell c = make(0, 0, 45000);
  c.type = CellType::date;
  CHECK(wb.date_iso(c) == "2023-03-15");
  wb.date1904 = true;
  CHECK(wb.date_iso(c) == "2027-03-16");  // 45000 days after 1904-01-01
  c.number = -5;
  CHECK(wb.date_iso(c).empty());
  wb.strings = {"2024-02-29"};
  c.text = 0;
  CHECK(wb.date_iso(c) == "2024-02-29");
}

TEST_CASE("Workbook::sheet finds by exact name", "[workbook]") {
  Workbook wb;
  wb.sheets.resize(2);
  wb.sheets[0].name = "Blad1";
  wb.sheets[1].name = "3.1 Förvaltning";
  CHECK(wb.sheet("3.1 Förvaltning") == &wb.sheets[1]);
  CHECK(wb.sheet("blad1") == nullptr);
  CHECK(wb.sheet("") == nullptr);
}

TEST_CASE("type names for inspect", "[workbook]") {
  CHECK(type_name(CellType::number) == "number");
  CHECK(type_name(CellType::string) == "string");
  CHECK(type_name(CellType::boolean) == "bool");
  CHECK(type_name(CellType::error) == "error");
  CHECK(type_name(CellType::date) == "date");
  CHECK(type_name_sv(CellType::number) == "tal");
  CHECK(type_name_sv(CellType::string) == "text");
  CHECK(type_name_sv(CellType::boolean) == "logiskt");
  CHECK(type_name_sv(CellType::error) == "fel");
  CHECK(type_name_sv(CellType::date) == "datum");
}

TEST_CASE("report_text_repairs: one finding per repaired cell, then a count (issue 16)",
          "[workbook]") {
  arsanalys::xlsx::Workbook wb;
  wb.file_name = "a.xlsx";
  wb.sheets.resize(1);
  wb.sheets[0].name = "Blad1";
  arsanalys::TextRepairs word;
  word.line_breaks = 1;
  arsanalys::TextRepairs bad;
  bad.invalid_utf8 = 2;
  wb.repairs.push_back({0, 2, 1, word});
  wb.repairs.push_back({0, arsanalys::xlsx::kNoIndex, 0, bad});
  for (int i = 0; i < 3; ++i) wb.repairs.push_back({0, 10, static_cast<std::uint32_t>(i), bad});
  arsanalys::Findings findings;
  arsanalys::xlsx::report_text_repairs(wb, findings, 3);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].code == "TEXT_REPLACED");
  CHECK(findings[0].level == arsanalys::Level::info);
  CHECK(findings[0].where.cell == "B3");
  CHECK(findings[1].level == arsanalys::Level::varning);
  CHECK(findings[1].where.cell.empty());
  CHECK(findings[1].message.starts_with("Bladets namn innehöll tecken"));
  CHECK(findings[3].message.starts_with("Ytterligare 2 celler"));
}

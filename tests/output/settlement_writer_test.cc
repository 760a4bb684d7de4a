// The settlement's writers read back with our own reader: the outcome template round-trips
// through inputs/utfall.h (what `template --utfall` writes is what `slutreglering` reads), and
// a statement's total row and summary hold the customer's figures.
#include "output/settlement_writer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/file_io.h"
#include "fordelning/customers.h"
#include "fordelning/settlement.h"
#include "inputs/utfall.h"
#include "xlsx/reader.h"
#include "../support/temp_dir.h"

namespace f = arsanalys::fordelning;
using namespace arsanalys;

namespace {

f::Kunder register_() {
  f::Kunder k;
  k.file = "kunder.xlsx";
  k.measures = {{"Antal anställda", 3}};
  k.customers = {{"F1", "Förvaltning ett", "Förvaltning", {{"Antal anställda", {300, 0}}}, {}, 1},
                 {"B1", "Bolag ett", "Bolag", {}, {}, 2}};
  return k;
}

xlsx::Workbook read_back(const std::string& bytes, const std::string& name) {
  std::vector<std::byte> data(reinterpret_cast<const std::byte*>(bytes.data()),
                              reinterpret_cast<const std::byte*>(bytes.data()) + bytes.size());
  return xlsx::read_workbook(data, name);
}

std::string text_at(const xlsx::Workbook& wb, const xlsx::Sheet& s, std::uint32_t row,
                    std::uint32_t col) {
  const xlsx::Cell* c = s.find(row, col);
  return c == nullptr ? std::string() : std::string(wb.text(*c));
}

}  // namespace

TEST_CASE("template --utfall: the blank outcome reads back as every service without an amount",
          "[output][settlement]") {
  test::TempDir dir;
  f::Kunder k = register_();
  output::OutcomeTemplate t{2024,
                            {{"Nämnden för Intraservice", "IT-arbetsplats", 135'286'000},
                             {"Nämnden för Intraservice", "Lokalt nät", 1'000}},
                            &k};
  const auto path = dir.path() / "utfall.xlsx";
  output::write_outcome_template(t, path);
  Findings findings;
  f::Outcome o = inputs::read_outcome_file(path, 2024, findings);
  CHECK(o.readable);
  CHECK(o.year == 2024);
  REQUIRE(o.rows.size() == 2);
  CHECK(o.rows[0].supplier == "Nämnden för Intraservice");
  CHECK(o.rows[1].service == "Lokalt nät");
  CHECK_FALSE(o.rows[0].actual_kr);
  // Each empty amount is a finding at its cell; nothing else is.
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "VALUE_MISSING");
  CHECK(findings[0].where.cell == "C5");
  // The Kunder sheet: the register's customers and measures, no values.
  REQUIRE(o.volumes);
  REQUIRE(o.volumes->customers.size() == 2);
  CHECK(o.volumes->customers[0].id == "F1");
  CHECK(o.volumes->customers[0].measures.empty());
  REQUIRE(o.volumes->measures.size() == 1);
  CHECK(o.volumes->measures[0].name == "Antal anställda");
  CHECK(o.measure_at[0].cell == "D1");
  CHECK(o.volume_ids[1].cell == "A3");
}

TEST_CASE("The settlement statement: the summary and the total row hold the customer's figures",
          "[output][settlement]") {
  f::Kunder k = register_();
  f::Settlement s;
  s.year = 2024;
  f::ServiceSettlement x;
  x.supplier = "Nämnden för Intraservice";
  x.service = "IT-arbetsplats";
  x.keys = {"Administrativa datorer"};
  x.charged_kr = 1'000;
  x.actual_kr = 900;
  x.settled = true;
  x.customers = {{"B1", 400, 300}, {"F1", 600, 600}};
  s.services = {x};
  s.customers = {{&k.customers[0], 600, 600}, {&k.customers[1], 400, 300}};
  s.charged_kr = 1'000;
  s.actual_kr = 900;
  f::RoundAllocation charged;
  Findings findings;
  output::SettlementBook book{s, charged, k, findings, "utfall.xlsx", false};
  xlsx::Workbook wb = read_back(output::settlement_statement_xlsx(book, s.customers[1]), "B1.xlsx");
  REQUIRE(wb.sheets.size() == 1);
  const xlsx::Sheet& sheet = wb.sheets[0];
  CHECK(text_at(wb, sheet, 0, 0) == "Slutreglering 2024: Bolag ett");
  CHECK(text_at(wb, sheet, 4, 2) == "ni får tillbaka 100 kr");
  bool total = false;
  for (const xlsx::Cell& c : sheet.cells) {
    if (c.col == 0 && text_at(wb, sheet, c.row, 0) == "Totalt 2024") {
      total = true;
      CHECK(sheet.find(c.row, 5)->number == 400);
      CHECK(sheet.find(c.row, 6)->number == 300);
      CHECK(sheet.find(c.row, 7)->number == -100);
    }
  }
  CHECK(total);
  // The json: the contract's shape.
  std::string json = output::slutreglering_json(book);
  CHECK(json.find("\"customers_kr\": {\n        \"B1\": {\n          \"charged\": 400,\n"
                  "          \"final\": 300\n        }") != std::string::npos);
  CHECK(json.find("\"difference_kr\": -100") != std::string::npos);
}

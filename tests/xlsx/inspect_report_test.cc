// `inspect --json` is written in src/output/, but what it shows is the reader's model, so its
// contract shape is tested here against workbooks read from hand-made packages.
#include "output/inspect_report.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../support/inspect_json.h"
#include "test_zip.h"
#include "xlsx/reader.h"

using arsanalys::test::cell_value_json;
using arsanalys::test::inspect_json;
using arsanalys::output::InspectTable;
using arsanalys::test::make_xlsx;
using arsanalys::test::shared_strings_xml;
using arsanalys::test::styles_xml;
using arsanalys::test::worksheet_xml;
using arsanalys::test::XlsxSpec;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::Workbook;
using nlohmann::json;

namespace {

/// The workbook of the contract's `inspect --json` example (contract.md), plus a second sheet.
Workbook contract_example() {
  XlsxSpec spec;
  spec.shared_strings = shared_strings_xml({"Tjänst"});
  spec.styles = styles_xml({0, 14});
  spec.sheets = {
      {"Blad1", worksheet_xml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"
                              R"(<row r="2"><c r="B2"><v>1234.5</v></c>)"
                              R"(<c r="C2"><f>B2*2</f><v>2469</v></c>)"
                              R"(<c r="D2" s="1"><v>44995</v></c>)"
                              R"(<c r="E2" t="b"><v>1</v></c>)"
                              R"(<c r="F2" t="e"><v>#DIV/0!</v></c></row>)",
                              R"(<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>)")},
      {"Tom", worksheet_xml("")}};
  auto bytes = make_xlsx(spec);
  return read_workbook(bytes, "x.xlsx");
}

}  // namespace

TEST_CASE("inspect_json: the contract's example, exactly", "[inspect]") {
  Workbook wb = contract_example();
  json j = inspect_json(wb, {{0, "forvaltning", "A3:D12"}});
  // nlohmann::json sorts keys; integral numbers must print without a fraction.
  CHECK(j.dump() ==
        R"({"file":"x.xlsx","sheets":[{"cells":[)"
        R"({"ref":"A1","type":"string","value":"Tjänst"},)"
        R"({"ref":"B2","type":"number","value":1234.5},)"
        R"({"formula":"B2*2","ref":"C2","type":"number","value":2469},)"
        R"({"ref":"D2","type":"date","value":"2023-03-10"},)"
        R"({"ref":"E2","type":"bool","value":true},)"
        R"({"ref":"F2","type":"error","value":"#DIV/0!"}],)"
        R"("merged":["A1:C1"],"name":"Blad1","tables":[{"range":"A3:D12","table":"forvaltning"}]},)"
        R"({"cells":[],"merged":[],"name":"Tom","tables":[]}]})");
}

TEST_CASE("inspect_json: JSON types of values", "[inspect]") {
  Workbook wb = contract_example();
  json j = inspect_json(wb, {});
  const json& cells = j["sheets"][0]["cells"];
  REQUIRE(cells.size() == 6);
  CHECK(cells[0]["value"].is_string());
  CHECK(cells[1]["value"].is_number_float());
  CHECK(cells[2]["value"].is_number_integer());
  CHECK(cells[2]["value"].get<std::int64_t>() == 2469);
  CHECK(cells[3]["value"].is_string());
  CHECK(cells[4]["value"].is_boolean());
  CHECK(cells[5]["value"].is_string());
  CHECK_FALSE(cells[1].contains("formula"));
  CHECK(j["sheets"][0]["tables"].empty());
}

TEST_CASE("inspect_json: tables go to their own sheet", "[inspect]") {
  Workbook wb = contract_example();
  json j = inspect_json(wb, {{1, "nycklar", "A1:B4"}, {0, "utveckling", "A20:F30"}});
  CHECK(j["sheets"][0]["tables"] == json::parse(R"([{"table":"utveckling","range":"A20:F30"}])"));
  CHECK(j["sheets"][1]["tables"] == json::parse(R"([{"table":"nycklar","range":"A1:B4"}])"));
}

TEST_CASE("cell_value_json: numbers, dates in both systems", "[inspect]") {
  XlsxSpec spec;
  spec.styles = styles_xml({0, 14, 22});
  spec.sheets = {{"S", worksheet_xml(R"(<row r="1"><c r="A1"><v>0</v></c><c r="B1"><v>-3</v></c>)"
                                     R"(<c r="C1"><v>1E+15</v></c><c r="D1"><v>0.1</v></c>)"
                                     R"(<c r="E1" s="1"><v>43538</v></c>)"
                                     R"(<c r="F1" s="2"><v>43538.75</v></c>)"
                                     R"(<c r="G1" t="d"><v>2024-02-29T00:00:00Z</v></c>)"
                                     R"(<c r="H1" t="b"><v>0</v></c></row>)")}};
  spec.workbook_pr = R"(<workbookPr date1904="1"/>)";
  auto bytes = make_xlsx(spec);
  Workbook wb = read_workbook(bytes, "x.xlsx");
  const auto& cells = wb.sheets[0].cells;
  REQUIRE(cells.size() == 8);
  CHECK(cell_value_json(wb, cells[0]).dump() == "0");
  CHECK(cell_value_json(wb, cells[1]).dump() == "-3");
  CHECK(cell_value_json(wb, cells[2]).dump() == "1000000000000000");
  CHECK(cell_value_json(wb, cells[3]).dump() == "0.1");
  CHECK(cell_value_json(wb, cells[4]) == "2023-03-15");
  CHECK(cell_value_json(wb, cells[5]) == "2023-03-15T18:00:00");
  CHECK(cell_value_json(wb, cells[6]) == "2024-02-29");
  CHECK(cell_value_json(wb, cells[7]) == false);
}

// 2.2 proposals written as a table (one initiative per row, the form's fields as headings), the
// contract's second form besides the label/value blocks; and budgets read from free text.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../xlsx/test_zip.h"
#include "analys/recognise.h"
#include "checks/checks.h"
#include "xlsx/reader.h"

using namespace arsanalys;

namespace {

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

TEST_CASE("proposals: a 2.2 table gives one proposal per row", "[recognise][proposals]") {
  std::string rows =
      "<row r=\"1\">" + inline_cell("A1", "2.2 Föreslagna förändringsinsatser") + "</row>" +
      "<row r=\"3\">" + inline_cell("A3", "Namn på förändringsinsats") +
      inline_cell("B3", "Effektmål") + inline_cell("C3", "Informationsklassning genomförd") +
      inline_cell("D3", "Tröskel- och konsekvensanalys") +
      inline_cell("E3", "Total projektbudget (tkr)") + "</row>" +
      "<row r=\"4\">" + inline_cell("A4", "E-arkiv etapp 2") + inline_cell("B4", "Snabbare sök") +
      inline_cell("C4", "JA") + inline_cell("D4", "JA") +
      inline_cell("E4", "Uppskattas till 540 tkr. Förvaltningen påverkas med 30 tkr") + "</row>" +
      "<row r=\"5\">" + inline_cell("A5", "Chattbot") + inline_cell("C5", "Nej") +
      inline_cell("D5", "JA") + inline_cell("E5", "1 200") + "</row>";
  test::XlsxSpec spec;
  spec.sheets = {{"2.2", test::worksheet_xml(rows)}};
  auto bytes = test::make_xlsx(spec);
  xlsx::Workbook wb = xlsx::read_workbook(bytes, "forslag.xlsx");
  Findings findings;
  const analys::TemplateDef& def = analys::builtin_template();
  analys::Submission s = analys::recognise(wb, def, findings);

  REQUIRE(s.proposals.size() == 2);
  CHECK(s.proposals[0].name == "E-arkiv etapp 2");
  CHECK(s.proposals[0].from_table);
  CHECK(s.proposals[0].source.cell == "A4");
  CHECK(s.proposals[0].budget_kr == 540'000);  // the first amount of the free text
  CHECK(s.proposals[1].budget_kr == 1'200'000);

  Findings found;
  checks::check_proposals(s, def, found);
  // One finding per lacking field, at the field's own cell in the proposal's row.
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == "PROPOSAL_INCOMPLETE");
  CHECK(found[0].where.cell == "B5");
  CHECK(found[0].message == "Förslaget 'Chattbot' saknar effektmål: fältet är tomt.");
  CHECK(found[1].where.cell == "C5");
  CHECK(found[1].message == "Förslaget 'Chattbot' saknar informationsklassning: svaret är 'Nej'.");
}

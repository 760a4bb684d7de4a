// The suppliers' mistakes of issue 14 in workbooks that other programs wrote: openpyxl (which
// keeps formulas but writes no values for them) and LibreOffice (which computes them, as Excel
// does when a supplier saves). tests/data/selfcheck/make_selfcheck.py writes them; each case
// must give exactly its findings, at its cells, in both, and the correct one none.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "analys/recognise.h"
#include "analys/template_def.h"
#include "checks/checks.h"
#include "core/file_io.h"
#include "core/finding.h"
#include "xlsx/reader.h"

namespace fs = std::filesystem;
using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::analys::builtin_template;
using arsanalys::analys::Submission;

namespace {

const fs::path kDir = fs::path(ARSANALYS_TEST_DATA) / "selfcheck";

struct Checked {
  Submission s;
  std::vector<std::string> findings;  // "CODE level sheet!cell"
};

Checked check_file(const std::string& name) {
  auto bytes = arsanalys::read_file(kDir / name, name);
  auto wb = arsanalys::xlsx::read_workbook(bytes, name);
  Findings findings;
  Checked c{arsanalys::analys::recognise(wb, builtin_template(), findings), {}};
  arsanalys::checks::check_submission(c.s, builtin_template(), {}, findings);
  arsanalys::sort_findings(findings);
  for (const Finding& f : findings) {
    c.findings.push_back(f.code + " " + std::string(arsanalys::level_name(f.level)) + " " +
                         f.where.sheet + "!" + f.where.cell);
  }
  return c;
}

}  // namespace

TEST_CASE("selfcheck fixtures: each mistake alone, in openpyxl's and LibreOffice's files",
          "[selfcheck][fixtures]") {
  struct Case {
    const char* name;
    std::vector<std::string> opx, lo;  // what openpyxl's and LibreOffice's file give
  };
  auto c = GENERATE(values<Case>({
      {"ok", {}, {}},
      {"typed_total",
       {"FORMULA_REPLACED varning 3.1a Förvaltning!C6", "SUM_MISMATCH fel 3.1a Förvaltning!C6"},
       {"FORMULA_REPLACED varning 3.1a Förvaltning!C6", "SUM_MISMATCH fel 3.1a Förvaltning!C6"}},
      // openpyxl's total has no value to compare; LibreOffice's leaves the text out, and the
      // SUM_MISMATCH it gives names the text cell as the cause.
      {"text_amount",
       {"NUMBER_AS_TEXT fel 3.1a Förvaltning!C4"},
       {"NUMBER_AS_TEXT fel 3.1a Förvaltning!C4", "SUM_MISMATCH fel 3.1a Förvaltning!C6"}},
      {"no_outcome",
       {"COLUMN_MISSING fel 3.1a Förvaltning!B2"},
       {"COLUMN_MISSING fel 3.1a Förvaltning!B2"}},
      {"no_budget",
       {"COLUMN_MISSING fel 3.1b Utveckling!C3"},
       {"COLUMN_MISSING fel 3.1b Utveckling!C3"}},
      {"prose_32", {}, {}},
      {"forms",
       {"PROPOSAL_INCOMPLETE varning 2 Förslag!B7"},
       {"PROPOSAL_INCOMPLETE varning 2 Förslag!B7"}},
  }));
  INFO(c.name);
  Checked opx = check_file(std::string("opx_") + c.name + ".xlsx");
  Checked lo = check_file(std::string("lo_") + c.name + ".xlsx");
  CHECK(opx.findings == c.opx);
  CHECK(lo.findings == c.lo);
  for (const Checked* x : {&opx, &lo}) {
    CHECK(x->s.supplier == "Nämnden för provning");
    CHECK(x->s.year == 2025);
    // Two forms of three are left empty: one proposal.
    CHECK(x->s.proposals.size() == 1);
    // 3.2 holds its two services; the analysis under it is no service.
    REQUIRE(x->s.table("nycklar") != nullptr);
    CHECK(x->s.table("nycklar")->lines.size() == 2);
  }
}

TEST_CASE("selfcheck fixtures: the text amount's messages", "[selfcheck][fixtures]") {
  auto bytes = arsanalys::read_file(kDir / "lo_text_amount.xlsx", "lo_text_amount.xlsx");
  auto wb = arsanalys::xlsx::read_workbook(bytes, "lo_text_amount.xlsx");
  Findings findings;
  Submission s = arsanalys::analys::recognise(wb, builtin_template(), findings);
  arsanalys::checks::check_submission(s, builtin_template(), {}, findings);
  arsanalys::sort_findings(findings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "Beloppet '1 200 tkr' är skrivet som text. Excel räknar inte med text, så summan i C6 "
        "blir 1 200 tkr för låg. Skriv bara talet: 1200.");
  CHECK(findings[1].message ==
        "Totalkostnad 10 000 tkr avviker från summan av raderna 11 200 tkr: Excel räknar inte "
        "med beloppet i C4, som är skrivet som text. Skriv det som ett tal, så stämmer summan.");
}

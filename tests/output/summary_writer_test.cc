// sammanstallning.xlsx written from a round built by hand with the 2024 figures
// (docs/seed-2024.md: DMS's lines, INK's tables, Intraservice's areas) and read back with our
// own reader: headings, figures in kronor, formulas with their cached values, source cells.
#include "output/summary_writer.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "../support/temp_dir.h"
#include "app/commands.h"
#include "core/file_io.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "xlsx/zip.h"

namespace fs = std::filesystem;
using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::Level;
using arsanalys::Location;
using arsanalys::analys::Impact;
using arsanalys::analys::Proposal;
using arsanalys::analys::Submission;
using arsanalys::output::sammanstallning_xlsx;
using arsanalys::sammanstallning::AreaRow;
using arsanalys::sammanstallning::IndexRow;
using arsanalys::sammanstallning::make_rational;
using arsanalys::sammanstallning::Round;
using arsanalys::sammanstallning::SourceLine;
using arsanalys::sammanstallning::SupplierRound;
using arsanalys::sammanstallning::YearTotals;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::Workbook;
using arsanalys::xlsx::ZipArchive;

namespace {

constexpr std::int64_t kTkr = 1000;

// --- The round, by hand ------------------------------------------------------------------------

const std::string kDmsFile = "demokrati.xlsx";
const std::string kDmsSheet = "3.1 Förvaltning";

Location at(const std::string& file, const std::string& sheet, const std::string& cell) {
  return Location{file, sheet, cell};
}

/// A 3.1a line: budget in column C, forecast in D of `row` (1-based), tkr.
SourceLine forvaltning_line(const std::string& service, int row, std::int64_t budget,
                            std::int64_t prognos, const std::string& area = "") {
  SourceLine l;
  l.table = "forvaltning";
  l.area = area;
  l.service = service;
  l.amounts_kr = {{2023, budget * kTkr}, {2024, prognos * kTkr}};
  l.sources = {{2023, at(kDmsFile, kDmsSheet, "C" + std::to_string(row))},
               {2024, at(kDmsFile, kDmsSheet, "D" + std::to_string(row))}};
  return l;
}

IndexRow index_row(const std::string& service, int row, std::int64_t budget, std::int64_t prognos,
                   std::int64_t expected) {
  IndexRow r;
  r.service = service;
  r.budget = budget * kTkr;
  r.prognos = prognos * kTkr;
  r.expected = expected * kTkr;
  r.implied_percent = make_rational((prognos - budget) * 100, budget);
  r.fits = prognos == expected;
  r.budget_at = at(kDmsFile, kDmsSheet, "C" + std::to_string(row));
  r.prognos_at = at(kDmsFile, kDmsSheet, "D" + std::to_string(row));
  return r;
}

AreaRow area(const std::string& name, std::optional<std::int64_t> utfall,
             std::optional<std::int64_t> budget, std::optional<std::int64_t> prognos,
             std::int64_t effekt, std::optional<std::int64_t> foreslagen, bool di = false) {
  auto kr = [](std::optional<std::int64_t> t) {
    return t ? std::optional<std::int64_t>(*t * kTkr) : std::nullopt;
  };
  AreaRow r;
  r.area = name;
  r.infrastruktur = di;
  r.figures.utfall = kr(utfall);
  r.figures.budget = kr(budget);
  r.figures.prognos = kr(prognos);
  r.figures.effekt = effekt * kTkr;
  r.figures.foreslagen = kr(foreslagen);
  return r;
}

/// Nämnden för demokrati och medborgarservice: seed 003 L396–L424, index 6 %.
SupplierRound dms() {
  SupplierRound s;
  s.name = "Nämnden för demokrati och medborgarservice";
  s.file = kDmsFile;
  s.index = make_rational(6, 1);
  s.index_source = "omgang.toml, [leverantor]";
  s.impact = Impact::unknown;
  s.forvaltning = {area("", std::nullopt, 77587, 82242, 30, 77617)};
  s.forvaltning_total = s.forvaltning.front();
  s.forvaltning_total.area = "Totalt";
  s.utveckling = {area("", std::nullopt, 7000, 5190, 0, 5190)};
  s.utveckling_total = s.utveckling.front();
  s.lines = {forvaltning_line("Göteborgs Stads kontaktcenter", 3, 23588, 25003),
             forvaltning_line("Extern service och kommunikation", 4, 50733, 53820),
             forvaltning_line("Öppna data", 5, 1587, 1682),
             forvaltning_line("Demokratistärkande metoder och verktyg", 6, 1639, 1737)};
  SourceLine utv;
  utv.table = "utveckling";
  utv.service = "Demokratistärkande metoder och verktyg";
  utv.amounts_kr = {{2023, 500 * kTkr}, {2024, 840 * kTkr}};
  utv.sources = {{2023, at(kDmsFile, "3.1 Utveckling", "C4")},
                 {2024, at(kDmsFile, "3.1 Utveckling", "D4")}};
  utv.effect_level_kr = {{2024, 30 * kTkr}, {2025, 31 * kTkr}, {2026, 33 * kTkr}};
  utv.effect_change_kr = {{2024, 30 * kTkr}, {2025, 1 * kTkr}, {2026, 2 * kTkr}};
  s.lines.push_back(utv);
  s.index_rows = {index_row("Göteborgs Stads kontaktcenter", 3, 23588, 25003, 25003),
                  index_row("Extern service och kommunikation", 4, 50733, 53820, 53777),
                  index_row("Öppna data", 5, 1587, 1682, 1682),
                  index_row("Demokratistärkande metoder och verktyg", 6, 1639, 1737, 1737)};
  s.proposals = 3;
  s.proposals_incomplete = 2;
  s.frame_kr = (77617 + 5190) * kTkr;
  return s;
}

/// Nämnden för inköp och upphandling: seed 003 L608–L634, no areas.
SupplierRound ink() {
  SupplierRound s;
  s.name = "Nämnden för inköp och upphandling";
  s.file = "inkop.xlsx";
  s.index = make_rational(6, 1);
  s.index_source = "omgang.toml, [leverantor]";
  s.impact = Impact::level;
  s.forvaltning = {area("", 20898, 28500, 31800, 0, 28500)};
  s.forvaltning_total = s.forvaltning.front();
  s.utveckling = {area("", 5573, 9600, 10300, 0, 10300)};
  s.utveckling_total = s.utveckling.front();
  s.frame_kr = (28500 + 10300) * kTkr;
  return s;
}

/// Nämnden för Intraservice: three of its areas (seed 003 §4.3–§4.7), index 3,3 %.
SupplierRound intraservice() {
  SupplierRound s;
  s.name = "Nämnden för Intraservice";
  s.file = "intraservice.xlsx";
  s.index = make_rational(33, 10);
  s.index_source = "omgang.toml, [index] (blandat)";
  s.impact = Impact::change;
  s.forvaltning = {
      area("Ekonomi", std::nullopt, 83130, 85873, 0, 83130),
      area("HR", std::nullopt, 130501, 134808, 12200, 142701),
      area("Digital infrastruktur", std::nullopt, 767923, 793264, 45700, 813623, true)};
  s.forvaltning_total = area("Totalt", std::nullopt, 981554, 1013945, 57900, 1039454);
  s.utveckling = {area("Ekonomi", std::nullopt, 2000, 2000, 0, 2000),
                  area("HR", std::nullopt, 12200, 13000, 0, 13800),
                  area("Digital infrastruktur", std::nullopt, 47900, 44300, 0, 63400, true)};
  s.utveckling_total = area("Totalt", std::nullopt, 62100, 59300, 0, 79200);
  SourceLine it;
  it.table = "forvaltning";
  it.area = "Digital infrastruktur";
  it.service = "IT-arbetsplats";
  it.amounts_kr = {{2023, 130964 * kTkr}, {2024, 135286 * kTkr}};
  it.sources = {{2023, at("intraservice.xlsx", "3.1 Förvaltning", "C12")},
                {2024, at("intraservice.xlsx", "3.1 Förvaltning", "D12")}};
  s.lines = {it};
  s.frame_kr = (1039454 + 79200) * kTkr;
  s.undescribed_kr = 2000 * kTkr;
  return s;
}

Round round_2024() {
  Round r;
  r.year = 2024;
  r.year_source = "omgang.toml";
  r.settings.analysar = 2024;
  r.settings.index.personal = make_rational(3, 1);
  r.settings.index.inkop = make_rational(11, 2);
  r.settings.index.personalandel = make_rational(22, 25);
  r.settings.index.procent = make_rational(33, 10);
  r.settings.index.blandat = true;
  r.settings.prisindex = {{2023, make_rational(9, 2)}, {2024, make_rational(33, 10)}};
  r.suppliers = {dms(), ink(), intraservice()};
  r.bastjanster = {28, 349400 * kTkr, 63300 * kTkr};
  r.infrastruktur = {22, 782600 * kTkr, 63400 * kTkr};
  r.years = {
      YearTotals{2022, 838500 * kTkr, 75900 * kTkr, 292600 * kTkr, 621800 * kTkr, 914400 * kTkr},
      YearTotals{2023, 1064600 * kTkr, 107100 * kTkr, 386900 * kTkr, 784800 * kTkr, 1171700 * kTkr},
      YearTotals{2024, 1134200 * kTkr, 126700 * kTkr, 414900 * kTkr, 846000 * kTkr,
                 1260900 * kTkr}};
  return r;
}

Proposal proposal(int number, const std::string& name, std::int64_t budget_tkr, int row,
                  std::vector<std::pair<std::string, std::string>> fields,
                  std::vector<std::string> lacking) {
  Proposal p;
  p.number = number;
  p.name = name;
  p.budget_kr = budget_tkr * kTkr;
  p.source = at(kDmsFile, "2.2 Förslag", "A" + std::to_string(row));
  p.fields = std::move(fields);
  p.fields.insert(p.fields.begin(), {"namn", name});
  p.lacking = std::move(lacking);
  return p;
}

std::vector<Submission> submissions_2024() {
  Submission d;
  d.file = kDmsFile;
  d.supplier = "Nämnden för demokrati och medborgarservice";
  d.year = 2024;
  d.proposals = {proposal(1, "Utvecklad funktionalitet på goteborg.se", 3000, 3,
                          {{"informationsklassning", "Nej, utveckling av befintlig funktionalitet"},
                           {"konsekvensanalys", "Nej"}},
                          {"informationsklassning", "konsekvensanalys"}),
                 // Lacking not filled in: known only from the check's finding at its title cell.
                 proposal(4, "Utvärdera reviderade goteborg.se", 300, 80,
                          {{"informationsklassning", "Nej. Inte relevant i detta skede."}}, {}),
                 proposal(5, "Förvaltning och utveckling av webbanalysverktyg för goteborg.se", 200,
                          105, {{"informationsklassning", "JA"}, {"konsekvensanalys", "Ja."}}, {})};
  Submission i;
  i.file = "inkop.xlsx";
  i.supplier = "Nämnden för inköp och upphandling";
  Submission is;
  is.file = "intraservice.xlsx";
  is.supplier = "Nämnden för Intraservice";
  return {d, i, is};
}

Findings findings_2024() {
  return {
      Finding{"SUM_MISMATCH", Level::fel, at(kDmsFile, kDmsSheet, "C7"),
              "Totalkostnad 77 587 tkr avviker från summan av raderna 77 547 tkr.", 77587 * kTkr,
              77547 * kTkr},
      Finding{"INDEX_MISMATCH", Level::fel, at(kDmsFile, kDmsSheet, "D4"),
              "Prognosen 53 820 tkr är inte budget 50 733 tkr × 1,06 = 53 777 tkr.", 53820 * kTkr,
              53777 * kTkr},
      Finding{"PROPOSAL_INCOMPLETE", Level::varning, at(kDmsFile, "2.2 Förslag", "A80"),
              "Förslaget 'Utvärdera reviderade goteborg.se' saknar effektmål.", std::nullopt,
              std::nullopt},
  };
}

// --- Reading back ------------------------------------------------------------------------------

std::span<const std::byte> bytes_of(const std::string& s) {
  return std::as_bytes(std::span<const char>(s.data(), s.size()));
}

struct Written {
  std::string bytes;
  Workbook wb;
  /// The hand-built round's workbook.
  explicit Written(bool draft = false)
      : Written(sammanstallning_xlsx(round_2024(), submissions_2024(), findings_2024(), draft)) {}
  explicit Written(std::string written) : bytes(std::move(written)) {
    wb = read_workbook(bytes_of(bytes), "sammanstallning.xlsx");
  }
  const Sheet& sheet(const std::string& name) const {
    const Sheet* s = wb.sheet(name);
    if (s == nullptr) FAIL("no sheet " << name);
    return *s;
  }
  std::string text(const Sheet& s, std::uint32_t row, std::uint32_t col) const {
    const Cell* c = s.find(row, col);
    return c == nullptr ? std::string() : std::string(wb.text(*c));
  }
  /// The first cell whose text is `text` (row-major).
  const Cell& find(const Sheet& s, const std::string& text, std::uint32_t from_row = 0) const {
    for (const Cell& c : s.cells) {
      if (c.row >= from_row && c.type == CellType::string && wb.text(c) == text) return c;
    }
    FAIL("'" << text << "' not on sheet " << s.name);
    throw 0;
  }
  /// The column of heading `text` in row `row`.
  std::uint32_t col_of(const Sheet& s, std::uint32_t row, const std::string& text) const {
    for (const Cell& c : s.cells) {
      if (c.row == row && c.type == CellType::string && wb.text(c) == text) return c.col;
    }
    FAIL("heading '" << text << "' not in row " << row + 1 << " of " << s.name);
    throw 0;
  }
  const Cell& at(const Sheet& s, std::uint32_t row, std::uint32_t col) const {
    const Cell* c = s.find(row, col);
    if (c == nullptr)
      FAIL("empty cell " << arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{row, col}) << " on "
                         << s.name);
    return *c;
  }
  std::string formula(const Cell& c) const { return std::string(wb.formula(c)); }
};

}  // namespace

TEST_CASE("sammanstallning.xlsx has its sheets in order, suppliers by short name", "[summary]") {
  Written w;
  std::vector<std::string> names;
  for (const Sheet& s : w.wb.sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Översikt", "Demokrati och medborgarservice",
                                          "Inköp och upphandling", "Intraservice", "Förslag",
                                          "Indexkontroll", "Fynd", "Diagram",
                                          "Utanför ramarna", "Justeringar"});
}

TEST_CASE("Översikt: Tabell 1 per supplier and area, totals as formulas", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Översikt");
  CHECK(w.text(s, 0, 0) == "Sammanställning av årlig analys 2024");
  const Cell& t1 = w.find(s, "Tabell 1. Ekonomisk analys av förvaltningskostnad");
  std::uint32_t head = t1.row + 1;
  CHECK(w.text(s, head, 0) == "Leverantör / verksamhetsområde");
  CHECK(w.text(s, head, 1) == "Utfall 2022 (tkr)");
  CHECK(w.text(s, head, 2) == "Budget 2023 (tkr)");
  CHECK(w.text(s, head, 3) == "Prognos 2024 (leverantörens, inkl. index, tkr)");
  CHECK(w.text(s, head, 4) == "Effekt av utveckling 2024 (tkr)");
  CHECK(w.text(s, head, 5) == "Föreslagen 2024 (utan index, tkr)");
  CHECK(w.text(s, head, 7) == "Förändring %");

  // DMS has no areas: one row of plain figures, its change a formula.
  const Cell& dms = w.find(s, "Nämnden för demokrati och medborgarservice", head);
  CHECK(s.find(dms.row, 1) == nullptr);  // no Utfall 2022
  CHECK(w.at(s, dms.row, 2).number == 77587);
  CHECK(w.formula(w.at(s, dms.row, 2)).empty());
  CHECK(w.at(s, dms.row, 4).number == 30);
  CHECK(w.at(s, dms.row, 5).number == 77617);
  std::string r = std::to_string(dms.row + 1);
  CHECK(w.formula(w.at(s, dms.row, 6)) == "F" + r + "-C" + r);
  CHECK(w.at(s, dms.row, 6).number == 30);
  CHECK(w.formula(w.at(s, dms.row, 7)) == "G" + r + "/C" + r);
  CHECK(w.at(s, dms.row, 7).number == Approx(30000.0 / 77587000.0));

  // Intraservice: a heading row, its areas, then its total as SUM formulas.
  const Cell& is = w.find(s, "Nämnden för Intraservice", head);
  CHECK(w.text(s, is.row + 1, 0) == "Ekonomi");
  CHECK(w.text(s, is.row + 3, 0) == "Digital infrastruktur");
  CHECK(w.at(s, is.row + 3, 2).number == 767923);
  const Cell& total = w.find(s, "Totalt Nämnden för Intraservice", head);
  CHECK(total.row == is.row + 4);
  std::string first = std::to_string(is.row + 2), last = std::to_string(is.row + 4);
  CHECK(w.formula(w.at(s, total.row, 2)) == "SUM(C" + first + ":C" + last + ")");
  CHECK(w.at(s, total.row, 2).number == 981554);
  CHECK(w.at(s, total.row, 4).number == 57900);
  CHECK(w.at(s, total.row, 5).number == 1039454);
  CHECK(s.find(total.row, 1) == nullptr);  // no area has Utfall 2022

  // The grand total adds the suppliers' rows.
  const Cell& grand = w.find(s, "Totalt", total.row + 1);
  CHECK(w.formula(w.at(s, grand.row, 2)) == "SUM(C" + std::to_string(dms.row + 1) + ",C" +
                                                std::to_string(dms.row + 2) + ",C" +
                                                std::to_string(total.row + 1) + ")");
  CHECK(w.at(s, grand.row, 2).number == (77587 + 28500 + 981554));
  CHECK(w.at(s, grand.row, 1).number == 20898);  // INK's Utfall 2022 only
  CHECK(w.at(s, grand.row, 6).number ==
        (77617 + 28500 + 1039454 - 77587 - 28500 - 981554));

  // Amounts are stored in tkr, as shown.
  CHECK(w.wb.format(w.at(s, dms.row, 2)).code == "#,##0");
}

TEST_CASE("Översikt: Tabell 2, basic services against infrastructure, settings", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Översikt");
  const Cell& t2 = w.find(s, "Tabell 2. Ekonomisk analys av utvecklingskostnad");
  std::uint32_t head = t2.row + 1;
  CHECK(w.text(s, head, 3) == "Prognos 2024 (3.1b, tkr)");
  CHECK(w.text(s, head, 4) == "Nya insatser 2024 (3.1c, tkr)");
  const Cell& is = w.find(s, "Totalt Nämnden för Intraservice", head);
  CHECK(w.at(s, is.row, 5).number == 79200);
  CHECK(w.at(s, is.row, 4).number == (79200 - 59300));  // what 3.1c adds
  const Cell& grand = w.find(s, "Totalt", is.row + 1);
  CHECK(w.at(s, grand.row, 2).number == (7000 + 9600 + 62100));
  CHECK(w.at(s, grand.row, 1).number == 5573);

  const Cell& seg = w.find(s, "Bastjänster", grand.row);
  CHECK(w.at(s, seg.row, 1).number == 28);
  CHECK(w.at(s, seg.row, 2).number == 349400);
  CHECK(w.formula(w.at(s, seg.row, 4)) ==
        "C" + std::to_string(seg.row + 1) + "+D" + std::to_string(seg.row + 1));
  CHECK(w.at(s, seg.row, 4).number == 412700);
  CHECK(w.text(s, seg.row + 1, 0) == "Digital infrastruktur");
  CHECK(w.at(s, seg.row + 2, 4).number == (412700 + 846000));
  CHECK(w.at(s, seg.row + 2, 1).number == 50);

  const Cell& index = w.find(s, "Index för omgången");
  CHECK(w.text(s, index.row, 1) ==
        "3,3 % (blandat: personalandel 0,88 × personal 3 % + resten × inköp 5,5 %, omgang.toml "
        "[index])");
  CHECK(w.text(s, w.find(s, "Prisindex").row, 1) == "2023: 4,5 %; 2024: 3,3 %");
  const Cell& supplier_head = w.find(s, "Index i kraft");
  const Cell& dms = w.find(s, "Nämnden för demokrati och medborgarservice", supplier_head.row);
  CHECK(w.text(s, dms.row, 2) == "6 %");
  CHECK(w.text(s, dms.row, 3) == "omgang.toml, [leverantor]");
  CHECK(w.text(s, dms.row, 4) == "nivå (antaget: det framgår inte)");
  CHECK(w.at(s, dms.row, 5).number == 3);  // proposals, as the Förslag sheet counts them
  CHECK(w.at(s, dms.row, 6).number == 2);  // incomplete
  const Cell& is_settings = w.find(s, "Nämnden för Intraservice", supplier_head.row);
  CHECK(w.text(s, is_settings.row, 2) == "3,3 %");
  CHECK(w.text(s, is_settings.row, 4) == "förändring enskilt år");
  CHECK(w.at(s, is_settings.row, 7).number == 2000);
}

TEST_CASE("Supplier sheet: every figure with the cell it came from", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Demokrati och medborgarservice");
  const Cell& head = w.find(s, "Tjänst / insats");
  std::uint32_t c2023 = w.col_of(s, head.row, "2023");
  std::uint32_t src2023 = w.col_of(s, head.row, "Källa 2023");
  std::uint32_t src2024 = w.col_of(s, head.row, "Källa 2024");
  const Cell& extern_row = w.find(s, "Extern service och kommunikation", head.row);
  CHECK(w.text(s, extern_row.row, 0) == "3.1a Förvaltningskostnader");
  CHECK(w.at(s, extern_row.row, c2023).number == 50733);
  CHECK(w.text(s, extern_row.row, src2023) == "demokrati.xlsx '3.1 Förvaltning'!C4");
  CHECK(w.text(s, extern_row.row, src2024) == "demokrati.xlsx '3.1 Förvaltning'!D4");

  // The table's sum is a formula over its lines: 77 547, not the submitted 77 587.
  const Cell& sum = w.find(s, "Summa 3.1a Förvaltningskostnader");
  CHECK(w.formula(w.at(s, sum.row, c2023)).starts_with("SUM("));
  CHECK(w.at(s, sum.row, c2023).number == 77547);

  // 3.1b: effects as level and as change, each summed.
  const Cell& utv = w.find(s, "3.1b Utvecklingskostnader", sum.row);
  const Cell& demo = w.find(s, "Demokratistärkande metoder och verktyg", utv.row);
  std::vector<double> numbers;
  for (const Cell& c : s.cells) {
    if (c.row == demo.row && c.type == CellType::number) numbers.push_back(c.number);
  }
  // 500, 840, then levels 30, 31, 33, then changes 30, 1, 2 (kronor).
  CHECK(numbers == std::vector<double>{500, 840, 30, 31, 33, 30, 1, 2});
  CHECK(w.text(s, demo.row, src2023) == "demokrati.xlsx '3.1 Utveckling'!C4");
  // 3.1c has no lines.
  const Cell& nya = w.find(s, "3.1c Nya förändringsinsatser", demo.row);
  CHECK(w.text(s, nya.row + 1, 2) == "Inga rader.");
}

TEST_CASE("Förslag: completeness per supplier and what each proposal lacks", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Förslag");
  const Cell& summary = w.find(s, "Fullständighet per leverantör");
  const Cell& dms = w.find(s, "Nämnden för demokrati och medborgarservice", summary.row);
  CHECK(w.at(s, dms.row, 1).number == 3);
  CHECK(w.at(s, dms.row, 2).number == 1);
  CHECK(w.at(s, dms.row, 3).number == 2);
  CHECK(w.at(s, dms.row, 5).number == 3500);
  CHECK(w.formula(w.at(s, dms.row, 5)).starts_with("SUM(D"));

  const Cell& first = w.find(s, "Utvecklad funktionalitet på goteborg.se");
  CHECK(w.at(s, first.row, 3).number == 3000);
  CHECK(w.text(s, first.row, 4) == "nej");
  CHECK(w.text(s, first.row, 5) == "Saknas: informationsklassning, tröskel- och konsekvensanalys");
  CHECK(w.text(s, first.row, 6) == "Nej, utveckling av befintlig funktionalitet");
  CHECK(w.text(s, first.row, 8) == "demokrati.xlsx '2.2 Förslag'!A3");
  const Cell& fourth = w.find(s, "Utvärdera reviderade goteborg.se");
  CHECK(w.text(s, fourth.row, 4) == "nej");
  CHECK(w.text(s, fourth.row, 5) ==
        "Förslaget 'Utvärdera reviderade goteborg.se' saknar effektmål.");
  const Cell& fifth = w.find(s, "Förvaltning och utveckling av webbanalysverktyg för goteborg.se");
  CHECK(w.text(s, fifth.row, 4) == "ja");
  CHECK(w.text(s, fifth.row, 5).empty());
  const Cell& sum = w.find(s, "Summa Nämnden för demokrati och medborgarservice");
  CHECK(w.formula(w.at(s, sum.row, 3)) ==
        "SUM(D" + std::to_string(first.row + 1) + ":D" + std::to_string(fifth.row + 1) + ")");
  CHECK(w.at(s, sum.row, 3).number == 3500);
  const Cell& none = w.find(s, "Inga förslag enligt 2.2.");
  CHECK(w.text(s, none.row, 0) == "Nämnden för inköp och upphandling");
}

TEST_CASE("Indexkontroll: expected, implied index and the line that does not fit", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Indexkontroll");
  CHECK(w.text(s, 2, 0).starts_with("Nämnden för demokrati och medborgarservice: index 6 % "));
  CHECK(w.text(s, 2, 0).ends_with("4 rader, 3 stämmer, 1 stämmer inte."));
  const Cell& head = w.find(s, "Leverantör");
  CHECK(w.text(s, head.row, 6) == "Förväntad 2024 (budget × (1 + index), tkr)");
  const Cell& row = w.find(s, "Extern service och kommunikation", head.row);
  CHECK(w.at(s, row.row, 4).number == 50733);
  CHECK(w.at(s, row.row, 5).number == 53820);
  CHECK(w.at(s, row.row, 6).number == 53777);
  std::string r = std::to_string(row.row + 1);
  CHECK(w.formula(w.at(s, row.row, 7)) == "F" + r + "-G" + r);
  CHECK(w.at(s, row.row, 7).number == 43);
  CHECK(w.at(s, row.row, 8).number == Approx((53820.0 - 50733.0) / 50733.0));
  CHECK(w.text(s, row.row, 9) == "nej");
  CHECK(w.text(s, row.row, 10) == "demokrati.xlsx '3.1 Förvaltning'!C4");
  CHECK(w.text(s, row.row + 1, 9) == "ja");
}

TEST_CASE("Fynd: every finding in the order given, with an autofilter", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Fynd");
  const Cell& head = w.find(s, "Nivå");
  CHECK(w.text(s, head.row, 5) == "Meddelande");
  CHECK(w.text(s, head.row + 1, 1) == "SUM_MISMATCH");
  CHECK(w.text(s, head.row + 1, 0) == "fel");
  CHECK(w.text(s, head.row + 1, 2) == "demokrati.xlsx");
  CHECK(w.text(s, head.row + 1, 3) == "3.1 Förvaltning");
  CHECK(w.text(s, head.row + 1, 4) == "C7");
  CHECK(w.at(s, head.row + 1, 6).number == 77587);
  CHECK(w.at(s, head.row + 1, 7).number == 77547);
  CHECK(w.text(s, head.row + 2, 1) == "INDEX_MISMATCH");
  CHECK(w.text(s, head.row + 3, 1) == "PROPOSAL_INCOMPLETE");
  CHECK(s.find(head.row + 3, 6) == nullptr);
  ZipArchive zip(bytes_of(w.bytes), "sammanstallning.xlsx");
  std::string xml = zip.read("xl/worksheets/sheet7.xml", 1 << 24);
  CHECK(xml.find("<autoFilter ref=\"A4:H7\"/>") != std::string::npos);
}

TEST_CASE("Diagram: native charts over plain numbers", "[summary]") {
  Written w;
  const Sheet& s = w.sheet("Diagram");
  const Cell& head = w.find(s, "År");
  CHECK(w.text(s, head.row, 1) == "Bastjänster");
  CHECK(w.text(s, head.row, 6) == "Demokrati och medborgarservice");
  CHECK(w.text(s, head.row + 1, 0) == "2022");
  CHECK(w.at(s, head.row + 3, 1).number == 414900);
  // Per supplier from its Tabell 1 and 2 totals: INK 2022 = 20 898 + 5 573.
  CHECK(w.at(s, head.row + 1, 7).number == (20898 + 5573));
  CHECK(w.at(s, head.row + 3, 8).number == (1039454 + 79200));
  for (const Cell& c : s.cells) CHECK(w.formula(c).empty());

  ZipArchive zip(bytes_of(w.bytes), "sammanstallning.xlsx");
  REQUIRE(zip.contains("xl/charts/chart1.xml"));
  REQUIRE(zip.contains("xl/charts/chart3.xml"));
  std::string chart1 = zip.read("xl/charts/chart1.xml", 1 << 24);
  CHECK(chart1.find("<c:grouping val=\"stacked\"/>") != std::string::npos);
  CHECK(chart1.find("Diagram!$B$5:$B$7") != std::string::npos);
  CHECK(chart1.find("Diagram!$C$5:$C$7") != std::string::npos);
  std::string chart2 = zip.read("xl/charts/chart2.xml", 1 << 24);
  CHECK(chart2.find("Diagram!$D$5:$D$7") != std::string::npos);
}

TEST_CASE("Diagram: a year some supplier lacks is left empty and out of the charts",
          "[summary]") {
  Round r = round_2024();
  r.years[0].complete = false;  // Utfall 2022 missing in some area row
  Written w(sammanstallning_xlsx(r, submissions_2024(), findings_2024(), false));
  const Sheet& s = w.sheet("Diagram");
  const Cell& head = w.find(s, "År");
  CHECK(w.text(s, head.row + 1, 0) == "2022");
  for (std::uint32_t col = 1; col <= 5; ++col) CHECK(s.find(head.row + 1, col) == nullptr);
  CHECK(w.at(s, head.row + 2, 1).number == 386900);
  CHECK(w.text(s, head.row + 4, 0).starts_with("Utfall 2022 saknas hos någon leverantör"));
  ZipArchive zip(bytes_of(w.bytes), "sammanstallning.xlsx");
  std::string chart1 = zip.read("xl/charts/chart1.xml", 1 << 24);
  CHECK(chart1.find("Diagram!$B$6:$B$7") != std::string::npos);
  CHECK(chart1.find("Bastjänster och digital infrastruktur 2023–2024") != std::string::npos);
}

TEST_CASE("sammanstallning.xlsx: a draft says UTKAST on every sheet", "[summary]") {
  Written draft(true);
  for (const Sheet& s : draft.wb.sheets) {
    INFO(s.name);
    CHECK(draft.text(s, 0, 0).starts_with("UTKAST: körningen har fynd av nivån fel"));
  }
  CHECK(draft.text(draft.sheet("Översikt"), 1, 0) == "Sammanställning av årlig analys 2024");
  Written final_version(false);
  for (const Sheet& s : final_version.wb.sheets) {
    INFO(s.name);
    CHECK_FALSE(final_version.text(s, 0, 0).starts_with("UTKAST"));
  }
}

TEST_CASE("sammanstallning.xlsx is byte-identical for the same round", "[summary]") {
  Written a, b;
  CHECK(a.bytes == b.bytes);
}

// Not run by default: writes the workbook for tests/output/summary_check.py
// (ARSANALYS_SUMMARY_OUT names the file).
TEST_CASE("sammanstallning.xlsx for the openpyxl and LibreOffice check", "[.summary_export]") {
  const char* out = std::getenv("ARSANALYS_SUMMARY_OUT");
  REQUIRE(out != nullptr);
  bool draft = std::getenv("ARSANALYS_SUMMARY_DRAFT") != nullptr;
  arsanalys::write_file_atomic(
      out, sammanstallning_xlsx(round_2024(), submissions_2024(), findings_2024(), draft));
}

// --- The sample round through `run` ------------------------------------------------------------

TEST_CASE("sammanstallning.xlsx of the sample round: real figures traced to their cells",
          "[summary][run]") {
  arsanalys::test::TempDir dir;
  arsanalys::app::RunOptions options;
  options.round_dir =
      fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" / "2024";
  options.out_dir = dir.path() / "ut";
  std::ostringstream out, err;
  int code = static_cast<int>(arsanalys::app::run(options, out, err));
  CHECK(code == 1);  // the sample carries the real defects: a draft
  std::vector<std::byte> raw =
      arsanalys::read_file(options.out_dir / "sammanstallning.xlsx", "sammanstallning.xlsx");
  Written w(std::string(reinterpret_cast<const char*>(raw.data()), raw.size()));

  for (const Sheet& s : w.wb.sheets) {
    INFO(s.name);
    CHECK(w.text(s, 0, 0).starts_with("UTKAST"));
  }

  // DMS's typo row, with the cell it came from.
  const Sheet& dms = w.sheet("Demokrati och medborgarservice");
  const Cell& head = w.find(dms, "Tjänst / insats");
  const Cell& row = w.find(dms, "Extern service och kommunikation", head.row);
  CHECK(w.at(dms, row.row, w.col_of(dms, head.row, "2023")).number == 50733);
  CHECK(w.at(dms, row.row, w.col_of(dms, head.row, "2024")).number == 53820);
  CHECK(w.text(dms, row.row, w.col_of(dms, head.row, "Källa 2023")) == "demokrati.xlsx Blad2!C9");

  // Intraservice's 3.1a budget inside the frames: the detail rows of its bastjänster and
  // digital infrastruktur, 960 613 tkr, summed by a formula. The catalogue puts 111 359 tkr of
  // tilläggs- and specialisttjänster, the goteborg.se platform and Inköp outside; together they
  // are the 1 071 972 tkr of its detail rows.
  const Sheet& over = w.sheet("Översikt");
  const Cell& total = w.find(over, "Totalt Nämnden för Intraservice");
  CHECK(w.formula(w.at(over, total.row, 2)).starts_with("SUM(C"));
  CHECK(w.at(over, total.row, 2).number == 960613);
  const Sheet& outside = w.sheet("Utanför ramarna");
  const Cell& split = w.find(outside, "Nämnden för Intraservice");
  CHECK(w.text(outside, split.row, 1) == "Förvaltning (3.1a)");
  CHECK(w.at(outside, split.row, 2).number == 2023);
  CHECK(w.at(outside, split.row, 3).number == 960613);
  CHECK(w.at(outside, split.row, 4).number == 111359);
  CHECK(w.at(outside, split.row, 5).number == 1071972);

  // DMS's eight proposals, seven lacking information classification or risk analysis: the
  // overview counts them as the Förslag sheet does.
  const Cell& settings = w.find(over, "Index i kraft");
  const Cell& dms_row = w.find(over, "Nämnden för demokrati och medborgarservice", settings.row);
  CHECK(w.at(over, dms_row.row, 5).number == 8);
  CHECK(w.at(over, dms_row.row, 6).number == 7);

  // The index check finds 50 733 -> 53 820 (6 % gives 53 777).
  const Sheet& index = w.sheet("Indexkontroll");
  const Cell& misfit = w.find(index, "Extern service och kommunikation");
  CHECK(w.at(index, misfit.row, 6).number == 53777);
  CHECK(w.text(index, misfit.row, 9) == "nej");

  const Sheet& found = w.sheet("Fynd");
  CHECK_NOTHROW(
      w.find(found, "Totalkostnad 77 587 tkr avviker från summan av raderna 77 547 tkr."));
}

// consolidate() on the sample round (samples/2024: the real 2024 submissions with their defects)
// against the decision annex's figures as docs/seed-2024.md §6 derives them from the
// submissions, and on small hand-made cases for the rules themselves.
#include <catch2/catch.hpp>
#include <filesystem>

#include "analys/recognise.h"
#include "core/file_io.h"
#include "fordelning/customers.h"
#include "inputs/kunder.h"
#include "fordelning/round_allocation.h"
#include "sammanstallning/alternative_effects.h"
#include "sammanstallning/round.h"
#include "xlsx/reader.h"

namespace fs = std::filesystem;
using namespace arsanalys;
using namespace arsanalys::sammanstallning;

namespace {

const fs::path kRound = fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" /
                        "2024";

analys::Submission read_submission(const std::string& name) {
  auto bytes = read_file(kRound / "leverantorer" / name, name);
  Findings ignored;
  return analys::recognise(xlsx::read_workbook(bytes, name), analys::builtin_template(), ignored);
}

struct Sample {
  std::vector<analys::Submission> submissions;
  Findings findings;
  Round round;
};

const Sample& sample() {
  static const Sample s = [] {
    Sample out;
    for (const char* f : {"demokrati.xlsx", "inkop.xlsx", "intraservice.xlsx"}) {
      out.submissions.push_back(read_submission(f));
    }
    Settings settings = read_settings_file(kRound / "omgang.toml", out.findings);
    out.round = consolidate(out.submissions, settings, out.findings);
    return out;
  }();
  return s;
}

const SupplierRound& supplier(std::string_view file) {
  for (const auto& s : sample().round.suppliers) {
    if (s.file == file) return s;
  }
  FAIL("no supplier " << file);
  throw;
}

const AreaRow& area(const std::vector<AreaRow>& rows, std::string_view name) {
  for (const auto& r : rows) {
    if (r.area == name) return r;
  }
  FAIL("no area " << name);
  throw;
}

const Alternative* alternative(const SupplierRound& s, char name, int minskning = -1) {
  for (const auto& a : s.alternatives) {
    if (a.name != name) continue;
    if (minskning < 0 || (a.minskning && *a.minskning == Rational{minskning, 1})) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("consolidate: the sample round's year, suppliers and index", "[sammanstallning]") {
  const Round& r = sample().round;
  CHECK(r.year == 2024);
  CHECK(r.year_source == "omgang.toml");
  REQUIRE(r.suppliers.size() == 3);
  // Intraservice: the blended index 0.88 × 3 + 0.12 × 5.5 = 3.3 from [index].
  CHECK(supplier("intraservice.xlsx").index == Rational{33, 10});
  CHECK(supplier("demokrati.xlsx").index == Rational{6, 1});
  CHECK(supplier("demokrati.xlsx").index_source.starts_with("omgang.toml, [leverantor."));
  CHECK(supplier("intraservice.xlsx").impact == analys::Impact::change);
  CHECK(supplier("inkop.xlsx").impact == analys::Impact::level);
  // The settings name only suppliers that are there; what consolidation reports is the
  // preparers' 13 figures of the sample ([[justering]]), each as ADJUSTED (info).
  CHECK(sample().findings.size() == 13);
  for (const Finding& f : sample().findings) {
    CHECK(f.code == "ADJUSTED");
    CHECK(f.level == arsanalys::Level::info);
  }
  // 2.2: "Nej" counts as lacking, as the annex's preparers flagged (seed §5).
  CHECK(supplier("demokrati.xlsx").proposals == 8);
  CHECK(supplier("demokrati.xlsx").proposals_incomplete == 7);
  CHECK(supplier("intraservice.xlsx").proposals_incomplete == 12);
}

TEST_CASE("consolidate: Tabell 1 for Intraservice, the annex's effects in parentheses",
          "[sammanstallning]") {
  const SupplierRound& is = supplier("intraservice.xlsx");
  // Areas named from the area-level table (the detail has none), in its order.
  std::vector<std::string> names;
  for (const auto& row : is.forvaltning) names.push_back(row.area);
  CHECK(names == std::vector<std::string>{"Ekonomi", "HR", "Digital infrastruktur",
                                          "Kommunikation", "Ledning och styrning", "Inköp"});
  // HR: budget 130 501 (detail rows); effect 12 200 = 3.1b 8 200 + 3.1c 4 000 (annex: 12 200).
  const AreaRow& hr = area(is.forvaltning, "HR");
  CHECK(hr.figures.budget == 130'501'000);
  CHECK(hr.figures.effekt == 12'200'000);
  CHECK(hr.figures.foreslagen == 130'501'000 + 12'200'000);
  CHECK(hr.figures.prognos == 134'808'000 - 1'000);  // rows sum to 134 807, the subtotal says 134 808
  CHECK(hr.figures.tjanster == 11);
  // Ledning och styrning: 3.1b detail 5 000 (the area table's 7 000 is the defect) + 3.1c
  // "Ledning/styrning" 2 000; Kommunikation 500; digital infrastructure 32 000 + 13 700 with
  // 3.1c's "E-tjänstplattform" group placed in the area of the service E-tjänsteplattform.
  CHECK(area(is.forvaltning, "Ledning och styrning").figures.effekt == 7'000'000);
  CHECK(area(is.forvaltning, "Kommunikation").figures.effekt == 500'000);
  const AreaRow& di = area(is.forvaltning, "Digital infrastruktur");
  CHECK(di.infrastruktur);
  CHECK(di.figures.effekt == 45'700'000);
  CHECK(di.figures.budget == 767'923'000);
  CHECK(di.figures.tjanster == 23);
  CHECK_FALSE(hr.infrastruktur);
  CHECK(is.forvaltning_total.figures.budget == 1'071'972'000);
}

TEST_CASE("consolidate: Tabell 2 for Intraservice and the other two", "[sammanstallning]") {
  const SupplierRound& is = supplier("intraservice.xlsx");
  // Föreslagen 2024 = 3.1b Prognos + 3.1c År 2024 (annex: HR 13 000 + 800 = 13 800;
  // Digital infrastruktur 44 300 + 19 100 = 63 400).
  CHECK(area(is.utveckling, "HR").figures.foreslagen == 13'800'000);
  CHECK(area(is.utveckling, "Digital infrastruktur").figures.foreslagen == 63'400'000);
  CHECK(area(is.utveckling, "HR").figures.budget == 12'200'000);
  // The ambition adjustment −21 200 has no area: a row of its own, and the net total is the
  // submission's 84 800 + 5 200 = 90 000.
  CHECK(is.utveckling_total.figures.foreslagen == 90'000'000);
  CHECK(is.utveckling_total.figures.budget == 90'500'000);
  const SupplierRound& dms = supplier("demokrati.xlsx");
  CHECK(dms.utveckling_total.figures.budget == 7'000'000);
  CHECK(dms.utveckling_total.figures.foreslagen == 5'190'000);
  // DMS förvaltning: rows 77 547 (50 733 typo kept as submitted) + effect 30 = 77 577.
  CHECK(dms.forvaltning_total.figures.budget == 77'547'000);
  CHECK(dms.forvaltning_total.figures.effekt == 30'000);
  CHECK(dms.forvaltning_total.figures.foreslagen == 77'577'000);
  const SupplierRound& ink = supplier("inkop.xlsx");
  CHECK(ink.forvaltning_total.figures.utfall == 20'898'000);
  CHECK(ink.utveckling_total.figures.foreslagen == 10'300'000);
  CHECK(ink.utveckling_total.figures.utfall == 5'573'000);
}

TEST_CASE("consolidate: alternatives B, C and D as the annex has them", "[sammanstallning]") {
  // C for Inköp: utveckling 10 300 − 1 400 = 8 900 tkr.
  const Alternative* c = alternative(supplier("inkop.xlsx"), 'C');
  REQUIRE(c);
  CHECK(c->utveckling_kr == 8'900'000);
  CHECK(c->forvaltning_kr == alternative(supplier("inkop.xlsx"), 'A')->forvaltning_kr);
  // D for Intraservice as the 2024 annex has it (issue 13): variant 1 at the March forecast,
  // 918 500 + index, development "i nivå med budget 2023 (90 500 tkr)", each one merged row
  // for bastjänster and digital infrastruktur; variant 2 the same minus X %, with no amount.
  const SupplierRound& is = supplier("intraservice.xlsx");
  const Alternative* v1 = nullptr;
  const Alternative* v2 = nullptr;
  for (const Alternative& a : is.alternatives) {
    if (a.name == 'D' && a.variant == 1) v1 = &a;
    if (a.name == 'D' && a.variant == 2 && !a.example) v2 = &a;
  }
  REQUIRE(v1);
  REQUIRE(v2);
  REQUIRE(v1->frames.size() == 2);
  CHECK(v1->frames[0].label ==
        "Ekonomisk ram för förvaltning av bastjänster och digital infrastruktur");
  CHECK(v1->frames[0].merged);
  CHECK(v1->forvaltning_kr == 918'500'000);
  CHECK(v1->utveckling_kr == 90'500'000);
  CHECK(v2->frames[0].shown == "918 500 tkr* minus X %");
  CHECK(v2->frames[1].shown == "90 500 tkr* minus X %");
  REQUIRE(v1->medskick.size() == 5);
  CHECK(v1->medskick.front() == "Säkerställa IT-säkerheten för staden.");
  // The table of examples on 958 500: 891 405 / 843 480 / 795 555 / 747 630, with Utfall 2022
  // (773 800, the preparers' figure) in its place, largest first.
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const ExampleRow& r : is.examples) rows.emplace_back(r.label, r.frame_kr);
  CHECK(rows == std::vector<std::pair<std::string, std::int64_t>>{
                    {"Bas för exemplen", 958'500'000},
                    {"Minskning med 7 %", 891'405'000},
                    {"Minskning med 12 %", 843'480'000},
                    {"Minskning med 17 %", 795'555'000},
                    {"Utfall 2022", 773'800'000},
                    {"Minskning med 22 %", 747'630'000}});
  // Each example is worked out per customer: its frames and development minus the same X.
  std::vector<std::pair<int, std::int64_t>> dev = {
      {7, 84'165'000}, {12, 79'640'000}, {17, 75'115'000}, {22, 70'590'000}};
  for (const auto& [x, kr] : dev) {
    const Alternative* a = alternative(is, 'D', x);
    REQUIRE(a);
    CHECK(a->example);
    CHECK(a->utveckling_kr == kr);
  }
  // A: four frames for Intraservice, two for the others.
  CHECK(alternative(is, 'A')->frames.size() == 4);
  CHECK(alternative(supplier("demokrati.xlsx"), 'A')->frames.size() == 2);
  // B for DMS: minus "Kommunikationsinsats kring Göteborgsförslaget" (2.2 budget ca 300 tkr).
  const Alternative* b = alternative(supplier("demokrati.xlsx"), 'B');
  REQUIRE(b);
  CHECK(b->utveckling_kr == 5'190'000 - 300'000);
}

TEST_CASE("consolidate: cost development over the three years", "[sammanstallning]") {
  const Round& r = sample().round;
  REQUIRE(r.years.size() == 3);
  CHECK(r.years[0].year == 2022);
  CHECK(r.years[2].year == 2024);
  for (const YearTotals& y : r.years) {
    CHECK(y.bastjanster_kr + y.infrastruktur_kr == y.forvaltning_kr + y.utveckling_kr);
  }
  // 2023 budgets: IS 1 071 972 + 90 500, DMS 77 547 + 7 000, INK 28 500 + 9 600.
  CHECK(r.years[1].forvaltning_kr == 1'071'972'000 + 77'547'000 + 28'500'000);
  CHECK(r.years[1].utveckling_kr == 90'500'000 + 7'000'000 + 9'600'000);
  // In 2024 prices with 3.3 % for 2024; 2024 itself unchanged.
  CHECK(r.years[2].fasta_priser_kr == r.years[2].forvaltning_kr + r.years[2].utveckling_kr);
  std::int64_t y23 = r.years[1].forvaltning_kr + r.years[1].utveckling_kr;
  CHECK(r.years[1].fasta_priser_kr == uplift(y23, Rational{33, 10}, 1));
  CHECK(r.bastjanster.tjanster + r.infrastruktur.tjanster == 4 + 2 + 56);
  CHECK(r.infrastruktur.tjanster == 23);
}

TEST_CASE("uplift rounds half away from zero to the unit", "[sammanstallning]") {
  CHECK(uplift(904'000, Rational{33, 10}, 1000) == 934'000);      // 933.832 -> 934
  CHECK(uplift(50'733'000, Rational{6, 1}, 1000) == 53'777'000);  // not the 53 820 submitted
  CHECK(uplift(1'000, Rational{5, 1}, 1) == 1'050);
  CHECK(uplift(-1'500, Rational{0, 1}, 1000) == -2'000);
  CHECK(uplift(958'500'000, Rational{-7, 1}, 1) == 891'405'000);
}

TEST_CASE("alternative effects: a cut passed through the keys adds up", "[sammanstallning]") {
  Findings findings;
  auto kunder = inputs::read_kunder_file(kRound / "kunder.xlsx", findings);
  const Sample& s = sample();
  auto allocation = fordelning::allocate_round(s.submissions, 2024, kunder, findings);
  auto effects = alternative_effects(s.round, allocation);
  REQUIRE(effects.size() == 1 + 1 + 1 + 4);  // DMS B, INK C, IS D variant 1 and 4 examples
  for (const AlternativeEffect& e : effects) {
    INFO(e.title);
    std::int64_t sum = 0;
    for (const auto& [id, kr] : e.customers_minus_kr) sum += kr;
    CHECK(sum == e.forvaltning_minus_kr + e.utveckling_minus_kr);
    CHECK(e.note.empty());
  }
  const AlternativeEffect& c = effects[1];
  CHECK(c.name == 'C');
  CHECK(c.utveckling_minus_kr == 1'400'000);
  CHECK(c.forvaltning_minus_kr == 0);
}

// --- The sample round with its service catalogue, as `run` consolidates it -------------------

namespace {

struct Scoped {
  std::vector<analys::Submission> submissions;
  fordelning::Kunder kunder;
  Findings findings;
  std::vector<LineAdjustment> adjusted;
  Round round;
};

const Scoped& scoped() {
  static const Scoped s = [] {
    Scoped out;
    out.submissions = sample().submissions;
    out.kunder = inputs::read_kunder_file(kRound / "kunder.xlsx", out.findings);
    Settings settings = read_settings_file(kRound / "omgang.toml", out.findings);
    out.adjusted = apply_adjustments(out.submissions, settings, out.findings);
    std::vector<std::string> names;
    for (const auto& sub : out.submissions) names.push_back(sub.supplier);
    fordelning::Catalogue catalogue(&out.kunder, names);
    fordelning::check_catalogue(catalogue, &out.kunder, out.submissions, out.findings);
    out.round = consolidate(out.submissions, settings, out.findings, &catalogue, out.adjusted);
    return out;
  }();
  return s;
}

const SupplierRound& scoped_supplier(std::string_view file) {
  for (const auto& s : scoped().round.suppliers) {
    if (s.file == file) return s;
  }
  FAIL("no supplier " << file);
  throw;
}

const ScopeSplit& split_of(const SupplierRound& s, std::string_view table, int year) {
  for (const ScopeSplit& x : s.scope) {
    if (x.table == table && x.year == year) return x;
  }
  FAIL("no split " << table << " " << year);
  throw;
}

}  // namespace

TEST_CASE("catalogue: the sample's frames hold bastjänster and digital infrastruktur only",
          "[sammanstallning][catalogue]") {
  const Round& r = scoped().round;
  CHECK(r.catalogue);
  // The catalogue itself is clean: no uncatalogued line, nothing unreported, no bad cell.
  for (const Finding& f : scoped().findings) {
    INFO(f.code << " " << f.message);
    CHECK(f.code == "ADJUSTED");
  }
  // Intraservice's Budget 2023 by area inside the frames, to the krona: the detail rows of
  // 3.1a (seed 003 L1997-L2066) less the services the annex does not list. The annex prints
  // 45 900 / 119 700 / 23 000 for the first three (docs/seed-2024.md, "The catalogue").
  const SupplierRound& is = scoped_supplier("intraservice.xlsx");
  CHECK(area(is.forvaltning, "Ekonomi").figures.budget == 45'876'000);    // 904+9603+0+35369
  CHECK(area(is.forvaltning, "HR").figures.budget == 119'676'000);        // less chefsrekrytering
  CHECK(area(is.forvaltning, "Kommunikation").figures.budget == 22'972'000);  // less konsultation
  CHECK(area(is.forvaltning, "Ledning och styrning").figures.budget == 34'531'000);
  CHECK(area(is.forvaltning, "Digital infrastruktur").figures.budget == 737'558'000);  // less
                                                                                      // goteborg.se
  CHECK(is.forvaltning.size() == 5);  // Inköp has gone to Inköp och upphandling
  CHECK(is.forvaltning_total.figures.budget == 960'613'000);
  // Development: the annex's 111 200, without the ambition adjustment (-21 200).
  CHECK(is.utveckling_total.figures.foreslagen == 111'200'000);
  // In the frames plus outside them is the submission, table by table and year by year.
  for (const SupplierRound& s : r.suppliers) {
    for (const ScopeSplit& x : s.scope) {
      INFO(s.name << " " << x.table << " " << x.year);
      CHECK(x.in_frames_kr + x.outside_kr == x.total_kr);
    }
  }
  CHECK(split_of(is, "forvaltning", 2023).outside_kr == 111'359'000);
  CHECK(split_of(is, "forvaltning", 2023).total_kr == 1'071'972'000);
  CHECK(split_of(is, "nya_insatser", 2024).outside_kr == -21'200'000);
  // The other two suppliers are wholly inside.
  CHECK(split_of(scoped_supplier("demokrati.xlsx"), "forvaltning", 2023).outside_kr == 0);
  CHECK(split_of(scoped_supplier("inkop.xlsx"), "utveckling", 2024).outside_kr == 0);
  // The annex's 28 bastjänster and 22 infrastructure services, from the catalogue.
  CHECK(r.bastjanster.tjanster == 28);
  CHECK(r.infrastruktur.tjanster == 22);
  // The frames of alternative A: 243 300 / 47 800 / 782 600 / 63 400 in the annex; the
  // differences are the annex's own figures for Ledning och styrning and Digital infrastruktur
  // (docs/seed-2024.md).
  const Alternative& a = is.alternatives.front();
  CHECK(a.frames[1].amount_kr == 47'800'000);
  CHECK(a.frames[3].amount_kr == 63'400'000);
}

TEST_CASE("catalogue: the preparers' figures replace the tables' and keep the submission's",
          "[sammanstallning][catalogue]") {
  const SupplierRound& is = scoped_supplier("intraservice.xlsx");
  const AreaRow& di = area(is.forvaltning, "Digital infrastruktur");
  CHECK(di.figures.utfall == 596'200'000);
  REQUIRE(di.adjusted.size() == 1);
  CHECK(di.adjusted[0].year == 2022);
  CHECK_FALSE(di.adjusted[0].submitted_kr);  // the submission has "-"
  CHECK(is.forvaltning_total.figures.utfall == 773'800'000);
  const SupplierRound& ink = scoped_supplier("inkop.xlsx");
  CHECK(ink.forvaltning_total.figures.foreslagen == 30'700'000);
  REQUIRE(ink.forvaltning[0].adjusted.size() == 1);
  CHECK(ink.forvaltning[0].adjusted[0].submitted_kr == 28'500'000);
  CHECK(ink.alternatives.front().forvaltning_kr == 30'700'000);
}

TEST_CASE("[[justering]] of a line: the copy of the submission changes, the original does not",
          "[sammanstallning][catalogue]") {
  std::vector<analys::Submission> subs = {sample().submissions[0]};  // demokrati.xlsx
  Findings findings;
  Settings settings = read_settings(
      "[[justering]]\n"
      "leverantor = \"Nämnden för demokrati och medborgarservice\"\n"
      "tabell = \"forvaltning\"\n"
      "tjanst = \"Extern service och kommunikation\"\n"
      "ar = 2023\n"
      "belopp_tkr = 50773\n"
      "kalla = \"Beslutsbilagan\"\n"
      "motivering = \"Skrivfel: indexkontrollen visar 50 773.\"\n"
      "[[justering]]\n"
      "leverantor = \"Nämnden för demokrati och medborgarservice\"\n"
      "tabell = \"forvaltning\"\n"
      "tjanst = \"Finns inte\"\n"
      "ar = 2023\n"
      "belopp_tkr = 1\n"
      "kalla = \"x\"\n"
      "motivering = \"y\"\n",
      "omgang.toml", findings);
  REQUIRE(findings.empty());
  std::vector<LineAdjustment> adjusted = apply_adjustments(subs, settings, findings);
  REQUIRE(adjusted.size() == 1);
  CHECK(adjusted[0].figure.submitted_kr == 50'733'000);
  CHECK(adjusted[0].figure.adjusted_kr == 50'773'000);
  CHECK(adjusted[0].source.cell == "C9");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "ADJUSTED");
  CHECK(findings[0].where.cell == "C9");
  CHECK(findings[0].message ==
        "Beredningens siffra 50 773 tkr för 'Extern service och kommunikation', budget 2023 "
        "(omgang.toml rad 1), ersätter underlagets 50 733 tkr. Källa: Beslutsbilagan. "
        "Motivering: Skrivfel: indexkontrollen visar 50 773.");
  CHECK(findings[1].code == "SETTINGS_INVALID");
  CHECK(findings[1].where.cell == "rad 9");
  Round r = consolidate(subs, settings, findings, nullptr, adjusted);
  const SupplierRound& dms = r.suppliers[0];
  CHECK(dms.forvaltning_total.figures.budget == 77'587'000);  // the total the supplier typed
  auto line = std::find_if(dms.lines.begin(), dms.lines.end(), [](const SourceLine& l) {
    return l.table == "forvaltning" && l.service == "Extern service och kommunikation";
  });
  REQUIRE(line != dms.lines.end());
  REQUIRE(line->adjusted.size() == 1);
  CHECK(line->amounts_kr.at(2023) == 50'773'000);
  // The submission as read is untouched.
  CHECK(sample().submissions[0].table("forvaltning")->lines[1].values[1]->amount.kronor ==
        50'733'000);
}

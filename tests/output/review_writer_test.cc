// The review copy (granskning/<fil>.xlsx): written through the real pipeline for a sample
// submission and read back with our own reader, part by part where the reader does not look
// (comments, fills).
#include "output/review_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "analys/template_def.h"
#include "app/commands.h"
#include "core/error.h"
#include "core/file_io.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "xlsx/zip.h"
#include "../support/temp_dir.h"

namespace fs = std::filesystem;
using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::Level;
using arsanalys::RunError;
using arsanalys::analys::Amount;
using arsanalys::analys::builtin_template;
using arsanalys::analys::Column;
using arsanalys::analys::ColumnKind;
using arsanalys::analys::Figure;
using arsanalys::analys::Line;
using arsanalys::analys::LineKind;
using arsanalys::analys::Submission;
using arsanalys::analys::Table;
using arsanalys::output::review_path;
using arsanalys::output::review_workbook;
using arsanalys::output::write_review;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::Workbook;
using arsanalys::xlsx::ZipArchive;

using arsanalys::test::TempDir;

namespace {

const fs::path kSamples =
    fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" / "2024" / "leverantorer";


std::string read_bytes(const fs::path& path) {
  std::vector<std::byte> bytes = arsanalys::read_file(path, path.filename().string());
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::span<const std::byte> bytes_of(const std::string& s) {
  return std::as_bytes(std::span<const char>(s.data(), s.size()));
}

/// `validate FILE -o DIR` as the command line runs it; returns what it printed.
std::string validate_to(const fs::path& file, const fs::path& out_dir, bool json, int* code) {
  arsanalys::app::ValidateOptions options;
  options.files = {file};
  options.json = json;
  options.out_dir = out_dir;
  std::ostringstream out, err;
  *code = static_cast<int>(arsanalys::app::validate(options, out, err));
  return out.str();
}

/// The text of a cell ("" when empty or not text).
std::string text_at(const Workbook& wb, const Sheet& s, std::uint32_t row, std::uint32_t col) {
  const Cell* c = s.find(row, col);
  return c == nullptr ? std::string() : std::string(wb.text(*c));
}

/// The 0-based row whose column A holds `text`, or -1.
long row_of(const Workbook& wb, const Sheet& s, const std::string& text) {
  for (const Cell& c : s.cells) {
    if (c.col == 0 && c.type == CellType::string && wb.text(c) == text) return c.row;
  }
  return -1;
}

/// The 0-based column of the heading `text` in a row, or -1.
long col_of(const Workbook& wb, const Sheet& s, std::uint32_t row, const std::string& text) {
  for (const Cell& c : s.cells) {
    if (c.row == row && c.type == CellType::string && wb.text(c) == text) return c.col;
  }
  return -1;
}

/// All comments parts of an xlsx, concatenated.
std::string comments_of(const std::string& xlsx) {
  ZipArchive zip(bytes_of(xlsx), "granskning.xlsx");
  std::string all;
  for (int i = 1; i <= 20; ++i) {
    std::string part = "xl/comments" + std::to_string(i) + ".xml";
    if (zip.contains(part)) all += zip.read(part, 1 << 24);
  }
  return all;
}

/// The demokrati sample's review copy, written once through `validate -o`.
struct DemokratiReview {
  TempDir dir;
  std::string printed;
  int code = -1;
  std::string bytes;
  Workbook wb;
  DemokratiReview() {
    printed = validate_to(kSamples / "demokrati.xlsx", dir.path() / "ut", true, &code);
    bytes = read_bytes(dir.path() / "ut" / "granskning" / "demokrati.xlsx");
    wb = read_workbook(bytes_of(bytes), "demokrati.xlsx");
  }
};

const DemokratiReview& demokrati() {
  static const DemokratiReview review;
  return review;
}

}  // namespace

TEST_CASE("review copy of demokrati: sheets in order", "[output][granskning]") {
  const Workbook& wb = demokrati().wb;
  std::vector<std::string> names;
  for (const Sheet& s : wb.sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Sammanfattning", "Fynd", "3.1a Förvaltning",
                                          "3.1b Utveckling", "3.1c Nya insatser", "3.2 Nycklar"});
  // validate --json -o prints only the JSON, and exits 1 for the SUM_MISMATCH.
  CHECK(demokrati().code == 1);
  CHECK_NOTHROW(nlohmann::json::parse(demokrati().printed));
}

TEST_CASE("review copy of demokrati: 3.1a in tkr as written, with sources",
          "[output][granskning]") {
  const Workbook& wb = demokrati().wb;
  const Sheet* s = wb.sheet("3.1a Förvaltning");
  REQUIRE(s != nullptr);
  long header = row_of(wb, *s, "Rad");
  REQUIRE(header >= 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(text_at(wb, *s, h, 1) == "Område");
  CHECK(text_at(wb, *s, h, 2) == "Radtyp");
  // Issue 14: the amounts in the unit the supplier typed (tkr), not in kronor.
  long budget = col_of(wb, *s, h, "Budget 2023 (tkr)");
  long prognos = col_of(wb, *s, h, "Prognos budget 2024 (tkr)");
  long source = col_of(wb, *s, h, "Källa");
  REQUIRE(budget > 0);
  REQUIRE(prognos > 0);
  REQUIRE(source > 0);

  long row = row_of(wb, *s, "Extern service och kommunikation");
  REQUIRE(row > header);
  auto r = static_cast<std::uint32_t>(row);
  const Cell* b = s->find(r, static_cast<std::uint32_t>(budget));
  REQUIRE(b != nullptr);
  CHECK(b->type == CellType::number);
  CHECK(b->number == 50'733.0);
  CHECK(wb.format(*b).code == "#,##0");
  CHECK(text_at(wb, *s, r, 2) == "tjänst");
  CHECK(text_at(wb, *s, r, static_cast<std::uint32_t>(source)) == "Blad2!C9");

  long total = row_of(wb, *s, "Totalkostnad");
  REQUIRE(total > row);
  CHECK(text_at(wb, *s, static_cast<std::uint32_t>(total), 2) == "total");
  const Cell* t = s->find(static_cast<std::uint32_t>(total), static_cast<std::uint32_t>(budget));
  REQUIRE(t != nullptr);
  CHECK(t->number == 77'587.0);  // as the supplier wrote it; the finding says it is wrong
}

TEST_CASE("review copy of demokrati: Fynd lists every finding", "[output][granskning]") {
  const Workbook& wb = demokrati().wb;
  const Sheet* s = wb.sheet("Fynd");
  REQUIRE(s != nullptr);
  std::vector<std::string> headings;
  for (std::uint32_t c = 0; c < 7; ++c) headings.push_back(text_at(wb, *s, 0, c));
  CHECK(headings == std::vector<std::string>{"Nivå", "Kod", "Blad", "Cell", "Meddelande",
                                             "Värde (tkr)", "Förväntat (tkr)"});
  bool found = false;
  for (const Cell& c : s->cells) {
    if (c.col != 4 || wb.text(c) !=
                          "Totalkostnad 77 587 tkr avviker från summan av raderna "
                          "77 547 tkr.") {
      continue;
    }
    found = true;
    CHECK(text_at(wb, *s, c.row, 0) == "fel");
    CHECK(text_at(wb, *s, c.row, 1) == "SUM_MISMATCH");
    CHECK(text_at(wb, *s, c.row, 2) == "Blad2");
    CHECK(text_at(wb, *s, c.row, 3) == "C12");
    const Cell* value = s->find(c.row, 5);
    const Cell* expected = s->find(c.row, 6);
    REQUIRE(value != nullptr);
    REQUIRE(expected != nullptr);
    CHECK(value->number == 77'587.0);
    CHECK(expected->number == 77'547.0);
  }
  CHECK(found);

  // Autofilter and frozen header, in the sheet's part.
  ZipArchive zip(bytes_of(demokrati().bytes), "demokrati.xlsx");
  std::string part = zip.read("xl/worksheets/sheet2.xml", 1 << 24);
  CHECK(part.find("<autoFilter ref=\"A1:G") != std::string::npos);
  CHECK(part.find("state=\"frozen\"") != std::string::npos);
}

TEST_CASE("review copy of demokrati: findings as comments and fills", "[output][granskning]") {
  std::string comments = comments_of(demokrati().bytes);
  CHECK(comments.find("SUM_MISMATCH: Totalkostnad 77 587 tkr avviker från summan av raderna "
                      "77 547 tkr.") != std::string::npos);
  bool index_comment =
      comments.find("INDEX_MISMATCH: Prognosen för 'Extern service") != std::string::npos ||
      comments.find("INDEX_MISMATCH: Prognosen för &apos;Extern service") != std::string::npos;
  CHECK(index_comment);
  ZipArchive zip(bytes_of(demokrati().bytes), "demokrati.xlsx");
  std::string styles = zip.read("xl/styles.xml", 1 << 24);
  CHECK(styles.find("FFFFC7CE") != std::string::npos);  // fel
  CHECK(styles.find("FFFFEB9C") != std::string::npos);  // varning
}

TEST_CASE("review copy of demokrati: summary", "[output][granskning]") {
  const Workbook& wb = demokrati().wb;
  const Sheet* s = wb.sheet("Sammanfattning");
  REQUIRE(s != nullptr);
  auto value_of = [&](const std::string& label) {
    long row = row_of(wb, *s, label);
    REQUIRE(row >= 0);
    const Cell* c = s->find(static_cast<std::uint32_t>(row), 1);
    REQUIRE(c != nullptr);
    return c->type == CellType::number ? std::to_string(static_cast<long long>(c->number))
                                       : std::string(wb.text(*c));
  };
  CHECK(value_of("Leverantör") == "Nämnden för demokrati och medborgarservice");
  CHECK(value_of("Fil") == "demokrati.xlsx");
  CHECK(value_of("Analysår") == "2024");
  CHECK(value_of("Fel") == "1");
  CHECK(row_of(wb, *s, "3.1a Förvaltningskostnader") >= 0);
  CHECK(row_of(wb, *s, "3.2 Fördelningsnycklar") >= 0);
  CHECK(row_of(wb, *s, "Inga: alla mallens tabeller hittades.") >= 0);
}

TEST_CASE("review copy is byte-reproducible and written atomically", "[output][granskning]") {
  TempDir dir;
  int code = -1;
  std::string printed = validate_to(kSamples / "demokrati.xlsx", dir.path() / "ut", false, &code);
  fs::path written = dir.path() / "ut" / "granskning" / "demokrati.xlsx";
  CHECK(printed.find("Granskningskopia: " + written.string() + "\n") != std::string::npos);
  CHECK(read_bytes(written) == demokrati().bytes);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(written.parent_path())) ++entries;
  CHECK(entries == 1);  // no temporary file left behind
  ZipArchive zip(bytes_of(demokrati().bytes), "demokrati.xlsx");
  CHECK(zip.read("docProps/core.xml", 1 << 20).find("2023-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("review_path puts the copy under granskning/", "[output][granskning]") {
  CHECK(review_path("ut", "demokrati.xlsx") == fs::path("ut") / "granskning" / "demokrati.xlsx");
  CHECK(review_path("ut", "inkop.xlsm") == fs::path("ut") / "granskning" / "inkop.xlsx");
}

namespace {

Figure figure(Amount::Kind kind, std::int64_t kronor, const std::string& cell) {
  Figure f;
  f.amount.kind = kind;
  f.amount.kronor = kronor;
  f.source = {"prov.xlsx", "Blad1", cell};
  return f;
}

/// A small submission by hand: one 3.1a row with a placeholder for its budget, and two
/// summaries of the same table; the workbook holds the placeholder's text.
struct Handmade {
  Submission s;
  Workbook wb;
  Findings findings;
  Handmade() {
    wb.file_name = "prov.xlsx";
    wb.formats.push_back({});
    wb.strings = {"XXX"};
    Sheet sheet;
    sheet.name = "Blad1";
    sheet.cells.push_back({.row = 2, .col = 2, .type = CellType::string, .text = 0});
    wb.sheets.push_back(sheet);

    Table t;
    t.id = "forvaltning";
    t.sheet = "Blad1";
    t.range = {{0, 0}, {3, 3}};
    t.title = "Förvaltningskostnader";
    t.columns = {Column{ColumnKind::budget, 2023, "budget 2023", 2},
                 Column{ColumnKind::prognos, 2024, "prognos budget 2024", 3}};
    Line row;
    row.label = "Tjänst A";
    row.row = 2;
    row.values = {figure(Amount::Kind::missing, 0, "C3"),
                  figure(Amount::Kind::amount, 1'500, "D3")};
    Line total;
    total.kind = LineKind::total;
    total.label = "Totalkostnad";
    total.row = 3;
    total.values = {std::nullopt, figure(Amount::Kind::amount, 1'500, "D4")};
    t.lines = {row, total};

    s.file = "prov.xlsx";
    s.supplier = "Provnämnden";
    s.year = 2024;
    s.tables.push_back(t);
    Table summary = t;
    summary.range = {{10, 0}, {13, 3}};
    s.summaries = {summary, summary};
    Table odd = t;
    odd.id = "en/mycket:lång[tabell]*med?konstigt\\namn";
    s.tables.push_back(odd);

    findings.push_back({"VALUE_MISSING",
                        Level::varning,
                        {"prov.xlsx", "Blad1", "C3"},
                        "Beloppet för 'Tjänst A' saknas (platshållare i stället för belopp).",
                        std::nullopt,
                        std::nullopt});
    findings.push_back({"SUM_ROUNDING",
                        Level::info,
                        {"prov.xlsx", "Blad1", "D4"},
                        "Totalkostnad 1,5 tkr skiljer sig bara genom avrundning.",
                        1'500,
                        1'499});
    findings.push_back({"SUM_MISMATCH",
                        Level::fel,
                        {"annan.xlsx", "Blad1", "D4"},
                        "En annan fils fynd.",
                        std::nullopt,
                        std::nullopt});
  }
};

}  // namespace

TEST_CASE("review copy: placeholders as written, other files' findings left out",
          "[output][granskning]") {
  Handmade h;
  std::string bytes = review_workbook(builtin_template(), h.s, h.wb, h.findings);
  Workbook wb = read_workbook(bytes_of(bytes), "prov.xlsx");
  const Sheet* s = wb.sheet("3.1a Förvaltning");
  REQUIRE(s != nullptr);
  long row = row_of(wb, *s, "Tjänst A");
  REQUIRE(row >= 0);
  long budget = col_of(wb, *s, static_cast<std::uint32_t>(row - 1), "Budget 2023 (tkr)");
  REQUIRE(budget > 0);
  CHECK(text_at(wb, *s, static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(budget)) ==
        "XXX");

  std::string comments = comments_of(bytes);
  CHECK(comments.find("VALUE_MISSING: Beloppet för") != std::string::npos);
  CHECK(comments.find("SUM_ROUNDING: Totalkostnad 1,5 tkr") != std::string::npos);
  CHECK(comments.find("En annan fils fynd.") == std::string::npos);
  ZipArchive zip(bytes_of(bytes), "prov.xlsx");
  std::string styles = zip.read("xl/styles.xml", 1 << 24);
  CHECK(styles.find("FFFFEB9C") != std::string::npos);  // varning on the placeholder
  CHECK(styles.find("FFDDEBF7") != std::string::npos);  // info on the total

  const Sheet* fynd = wb.sheet("Fynd");
  REQUIRE(fynd != nullptr);
  CHECK(row_of(wb, *fynd, "fel") == -1);  // annan.xlsx's finding is not this file's
  const Cell* value = fynd->find(2, 5);
  REQUIRE(value != nullptr);
  CHECK(value->number == 1.5);  // tkr, with decimals when not whole
}

TEST_CASE("review copy: sheet names valid and unique", "[output][granskning]") {
  Handmade h;
  std::string bytes = review_workbook(builtin_template(), h.s, h.wb, h.findings);
  Workbook wb = read_workbook(bytes_of(bytes), "prov.xlsx");
  std::vector<std::string> names;
  for (const Sheet& s : wb.sheets) names.push_back(s.name);
  REQUIRE(names.size() == 6);
  CHECK(names[2] == "3.1a Förvaltning");
  CHECK(names[4] == "3.1a Förvaltning (översikt 1)");
  CHECK(names[5] == "3.1a Förvaltning (översikt 2)");
  for (const std::string& name : names) {
    CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
    std::size_t chars = 0;
    for (char c : name) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(chars <= 31);
  }
}

TEST_CASE("write_review leaves nothing behind when it cannot write", "[output][granskning]") {
  Handmade h;
  TempDir dir;
  fs::path missing = dir.path() / "saknas" / "prov.xlsx";
  CHECK_THROWS_AS(write_review(builtin_template(), h.s, h.wb, h.findings, missing), RunError);
  CHECK(fs::is_empty(dir.path()));
  write_review(builtin_template(), h.s, h.wb, h.findings, dir.path() / "prov.xlsx");
  CHECK(read_bytes(dir.path() / "prov.xlsx") ==
        review_workbook(builtin_template(), h.s, h.wb, h.findings));
}

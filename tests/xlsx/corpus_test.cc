// The reader on public workbooks from other readers' test suites (ARSANALYS_CORPUS, tests/corpus,
// vendored with their provenance and licences in tests/corpus/README.md): each one is
// read or refused with a ReadError, never anything else. Under the sanitizer build this is also
// a check for memory errors on files nobody here wrote.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../core/test_failure.h"
#include "core/file_io.h"
#include "xlsx/reader.h"

namespace fs = std::filesystem;
using arsanalys::ReadFailure;
using arsanalys::test::failure_of;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::Workbook;

namespace {

const fs::path kCorpus = ARSANALYS_CORPUS;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(kCorpus, ec)) return files;
  for (const auto& e : fs::recursive_directory_iterator(kCorpus)) {
    auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".xlsx" || ext == ".xlsm")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Workbook read_corpus(const std::string& relative) {
  auto bytes = arsanalys::read_file(kCorpus / relative, relative);
  return read_workbook(bytes, relative);
}

}  // namespace

TEST_CASE("corpus: every file is read or refused with a ReadError", "[corpus]") {
  auto files = corpus_files();
  // The corpus is part of the repository: an empty one is a broken checkout, not a skip.
  if (files.empty()) FAIL("no corpus at " << kCorpus);
  std::size_t read = 0, refused = 0;
  for (const fs::path& file : files) {
    std::string name = fs::relative(file, kCorpus).string();
    auto o = failure_of([&] {
      auto bytes = arsanalys::read_file(file, name);
      Workbook wb = read_workbook(bytes, name);
      // The model's invariants: cells row-major and unique, indexes in range.
      for (const auto& sheet : wb.sheets) {
        for (std::size_t i = 1; i < sheet.cells.size(); ++i) {
          const auto& a = sheet.cells[i - 1];
          const auto& b = sheet.cells[i];
          if (!(a.row < b.row || (a.row == b.row && a.col < b.col))) {
            throw std::logic_error("cells out of order in sheet " + sheet.name);
          }
        }
        for (const auto& c : sheet.cells) {
          bool needs_text = c.type == CellType::string || c.type == CellType::error;
          if (needs_text && c.text >= wb.strings.size()) {
            throw std::logic_error("text index out of range in sheet " + sheet.name);
          }
          if (c.formula != arsanalys::xlsx::kNoIndex && c.formula >= wb.formulas.size()) {
            throw std::logic_error("formula index out of range in sheet " + sheet.name);
          }
        }
      }
    });
    INFO(name << ": " << Catch::StringMaker<arsanalys::test::Outcome>::convert(o));
    CHECK_FALSE(o.other_exception);
    (o.ok() ? read : refused) += 1;
  }
  INFO("read " << read << ", refused " << refused);
  CHECK(read > files.size() * 9 / 10);
}

TEST_CASE("corpus: password-protected files are encrypted", "[corpus]") {
  REQUIRE(fs::exists(kCorpus / "calamine/pass_protected.xlsx"));
  CHECK(failure_of([] { read_corpus("calamine/pass_protected.xlsx"); }) == ReadFailure::encrypted);
}

// Both files hold the serials 1, 11, 111, 1111, 11111 in column B with a date format, and in
// column C Excel's own TEXT(B, "YYYY-MM-DD") of them, cached: an oracle for each date system.
TEST_CASE("corpus: dates agree with Excel's TEXT() in both date systems", "[corpus]") {
  REQUIRE(fs::exists(kCorpus / "sheetjs/1904_1900.xlsx"));
  for (const char* file : {"sheetjs/1904_1900.xlsx", "sheetjs/1904_1904.xlsx"}) {
    CAPTURE(file);
    Workbook wb = read_corpus(file);
    CHECK(wb.date1904 == (std::string(file).find("1904_1904") != std::string::npos));
    REQUIRE_FALSE(wb.sheets.empty());
    const auto& sheet = wb.sheets[0];
    for (std::uint32_t row = 0; row < 5; ++row) {
      CAPTURE(row);
      const auto* b = sheet.find(row, 1);
      const auto* c = sheet.find(row, 2);
      REQUIRE(b != nullptr);
      REQUIRE(c != nullptr);
      CHECK(b->type == CellType::date);
      CHECK(wb.date_iso(*b) == wb.text(*c));
    }
  }
}

// calamine's white-space fixture. The reader keeps the text of `<t>` as written, with or without
// xml:space="preserve" (as openpyxl does), so the differential corpus test agrees.
TEST_CASE("corpus: white space in <t> is kept as written", "[corpus]") {
  REQUIRE(fs::exists(kCorpus / "calamine/whitespace_trim.xlsx"));
  Workbook wb = read_corpus("calamine/whitespace_trim.xlsx");
  REQUIRE_FALSE(wb.sheets.empty());
  auto text = [&](std::uint32_t row, std::uint32_t col) {
    const auto* c = wb.sheets[0].find(row, col);
    REQUIRE(c != nullptr);
    return std::string(wb.text(*c));
  };
  CHECK(text(0, 0) == "  trimmed value  ");
  CHECK(text(0, 1) == "\t\n value with tabs \n");
  CHECK(text(0, 2) == " \t\n");
  CHECK(text(0, 3) == "clean text");
  CHECK(text(1, 0) == "  line1\nline2  ");
  CHECK(text(1, 1) == "  line1\nline2  ");
  CHECK(text(2, 0) == "\xE6\x97\xA5\xE6\x9C\x9F \xE6\x97\xB6\xE9\x97\xB4");  // 日期 时间
}

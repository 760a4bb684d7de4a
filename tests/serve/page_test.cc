// The self-check page's HTML (src/serve/page.h): what it shows of a checked workbook, that every
// text from a workbook is escaped, that the page needs nothing inline or from elsewhere, and
// that the check behind it is `validate`'s. tests/serve/selfcheck_page.js drives the page in
// Chromium.
#include "serve/page.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "analys/template_def.h"
#include "inputs/ingest.h"
#include "core/file_io.h"
#include "../support/sheet_rows.h"
#include "../xlsx/test_zip.h"

namespace fs = std::filesystem;
using arsanalys::analys::builtin_template;
using arsanalys::inputs::Checked;
using arsanalys::serve::base64;
using arsanalys::serve::page_html;
using arsanalys::serve::result_html;
using arsanalys::serve::Shown;
using arsanalys::serve::tkr_cell;
using arsanalys::test::sheet_rows::Rows;
using arsanalys::test::sheet_rows::V;

namespace {

const fs::path kSamples = fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" /
                          "2024" / "leverantorer";

Checked check(const std::string& bytes, const std::string& name) {
  return arsanalys::inputs::check_bytes(
      std::as_bytes(std::span<const char>(bytes.data(), bytes.size())), name, builtin_template());
}

std::string xlsx_of(const std::vector<arsanalys::test::sheet_rows::SheetSpec>& sheets) {
  arsanalys::test::XlsxSpec spec;
  for (const auto& s : sheets) {
    spec.sheets.push_back({arsanalys::test::sheet_rows::escape_xml(s.name),
                           arsanalys::test::worksheet_xml(
                               arsanalys::test::sheet_rows::rows_xml(s.rows), s.after)});
  }
  auto bytes = arsanalys::test::make_xlsx(spec);
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("serve: base64 and tkr for the page", "[serve]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string("\xff\x00\x10", 3)) == "/wAQ");
  CHECK(tkr_cell(77'587'000) == "77\u202F587");
  CHECK(tkr_cell(-21'200'000) == "\u221221\u202F200");
  CHECK(tkr_cell(1'234'500) == "1\u202F234,5");
  CHECK(tkr_cell(0) == "0");
}

TEST_CASE("serve: the check behind the page is validate's", "[serve]") {
  fs::path file = kSamples / "demokrati.xlsx";
  auto bytes = arsanalys::read_file(file, "demokrati.xlsx");
  Checked from_bytes = arsanalys::inputs::check_bytes(bytes, "demokrati.xlsx", builtin_template());
  Checked from_file = arsanalys::inputs::check_file(file, builtin_template());
  REQUIRE(from_bytes.findings.size() == from_file.findings.size());
  for (std::size_t i = 0; i < from_bytes.findings.size(); ++i) {
    CHECK(arsanalys::describe(from_bytes.findings[i]) ==
          arsanalys::describe(from_file.findings[i]));
  }
}

TEST_CASE("serve: a sample submission as the page shows it", "[serve]") {
  auto raw = arsanalys::read_file(kSamples / "demokrati.xlsx", "demokrati.xlsx");
  std::string bytes(reinterpret_cast<const char*>(raw.data()), raw.size());
  Checked c = check(bytes, "demokrati.xlsx");
  std::string html = result_html(builtin_template(), {.file = "demokrati.xlsx", .checked = &c,
                                                      .review = std::string("PK\x03\x04", 4)});
  CHECK(html.find("Resultat för <span class=\"fil\">demokrati.xlsx</span>") != std::string::npos);
  CHECK(html.find("<dd><strong>2024</strong> <span class=\"not\">(läst ur tabellernas rubriker)")
        != std::string::npos);
  CHECK(html.find("Underlaget har 1 fel som behöver rättas innan det lämnas in, och 16 "
                  "varningar att se över.") != std::string::npos);
  // Worst first: the one fel is number 1, at its cell in the table as read, marked there.
  CHECK(html.find("<li class=\"fynd fel\" id=\"f1\" value=\"1\">") != std::string::npos);
  CHECK(html.find("<a class=\"var\" href=\"#t0-C12\">Blad2 · C12</a>") != std::string::npos);
  CHECK(html.find("id=\"t0-C12\" title=\"Totalkostnad 77 587 tkr avviker från summan av raderna "
                  "77 547 tkr.\"><a class=\"markor fel\" href=\"#n1\"") != std::string::npos);
  // Amounts in tkr; every finding listed twice (the list, and beside its table or proposal).
  CHECK(html.find(">77\u202F587</td>") == std::string::npos);  // marked: not plain
  CHECK(html.find(">50\u202F733</td>") != std::string::npos);
  CHECK(count(html, "<li class=\"fynd ") == 17 + 3);  // 3 beside 3.1a and 3.1b, 14 in 2.2's
  CHECK(count(html, "<li id=\"n") == 14);
  CHECK(html.find("href=\"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;"
                  "base64,UEsDBA==\">Ladda ned granskningskopian (Excel)</a>") != std::string::npos);
}

TEST_CASE("serve: every text from a workbook is escaped", "[serve]") {
  Rows rows = {
      {"Förvaltningskostnader (tkr)"},
      {"Tjänst", "Utfall 2023", "Budget 2024", "Prognos budget 2025"},
      {"<img src=x onerror=alert(1)>", 1, 100, 103},
      {"\"><script>alert(2)</script>", 2, "<b>200</b>", 206},
      {"Totalkostnad", 3, 300, 309},
  };
  std::string bytes = xlsx_of({{"<svg onload=alert(3)>", rows}});
  Checked c = check(bytes, "<i>x'y\".xlsx");
  std::string html = result_html(builtin_template(), {.file = "<i>x'y\".xlsx", .checked = &c});
  std::string page = page_html(html, 20 << 20);
  for (const char* raw : {"<img", "<script>", "<svg", "<i>", "<b>"}) {
    INFO(raw);
    CHECK(html.find(raw) == std::string::npos);
  }
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;i&gt;x&#39;y&quot;.xlsx") != std::string::npos);
  // Nothing inline, nothing from elsewhere: the Content Security Policy allows neither.
  // (Inside tags: an escaped text may well read "onerror=" as text.)
  std::regex inline_script(R"(<script(?![^>]*\ssrc=))"), handler(R"(<[^>]*\son[a-z]+=)"),
      style_attribute(R"(<[^>]*\sstyle=)"), external(R"((src|href)="(https?:)?//)");
  CHECK_FALSE(std::regex_search(page, inline_script));
  CHECK_FALSE(std::regex_search(page, handler));
  CHECK_FALSE(std::regex_search(page, style_attribute));
  CHECK_FALSE(std::regex_search(page, external));
}

TEST_CASE("serve: a file that is no workbook gets a page of its own", "[serve]") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* says;
  };
  auto c = GENERATE(values<Case>({
      {"analys.pdf", "%PDF-1.4\n%%EOF\n", "utan en PDF-fil"},
      {"trasig.xlsx", std::string("PK\x03\x04", 4) + std::string(100, 'x'), "Filen verkar vara skadad"},
      {"tom.xlsx", "", "filen är tom"},
  }));
  INFO(c.name);
  Checked checked = check(c.bytes, c.name);
  REQUIRE_FALSE(checked.in);
  std::string html = result_html(builtin_template(), {.file = c.name, .checked = &checked});
  CHECK(html.find("<h2 id=\"resultat-rubrik\">Filen kunde inte läsas</h2>") != std::string::npos);
  CHECK(html.find("role=\"alert\"") != std::string::npos);
  std::string lower = html;
  CHECK((html.find(c.says) != std::string::npos || lower.find("tom") != std::string::npos));
}

TEST_CASE("serve: the page states its limit and loads its own style and script", "[serve]") {
  std::string page = page_html("", 20 * 1024 * 1024);
  CHECK(page.find("<html lang=\"sv\">") != std::string::npos);
  CHECK(page.find("Största filstorlek 20 MB.") != std::string::npos);
  CHECK(page.find("data-max=\"20971520\"") != std::string::npos);
  CHECK(page.find("<link rel=\"stylesheet\" href=\"/stil.css\">") != std::string::npos);
  CHECK(page.find("<script src=\"/sida.js\" defer></script>") != std::string::npos);
  CHECK(page.find("<label for=\"fil\">") != std::string::npos);
  CHECK(arsanalys::serve::stylesheet().find("@import") == std::string_view::npos);
  CHECK(arsanalys::serve::script().find("http") == std::string_view::npos);
}

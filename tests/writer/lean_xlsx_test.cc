// LeanSheet and StreamBook, the xlsx writers of the statements and of fordelning.xlsx.
// LeanSheet: the same sheet as libxlsxwriter writes for the same calls (byte for byte: cells with
// their references, rows with their spans, shared strings, styles but the theme), text that
// needs escaping read back as written, and its limits. StreamBook: sheets written row by row
// read back as written, every cell with its reference and every row of cells with its spans.
#include "writer/lean_xlsx.h"

#include "output/allocation_layout.h"
#include "writer/shared_strings.h"
#include "writer/stream_book.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <filesystem>
#include <regex>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/file_io.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "xlsx/zip.h"

using arsanalys::writer::BookProperties;
using arsanalys::writer::LeanSheet;
using arsanalys::writer::XlsxBook;
using arsanalys::output::alloc::Formats;
using arsanalys::output::alloc::Look;
namespace alloc = arsanalys::output::alloc;
namespace style = arsanalys::writer::style;

namespace {

std::span<const std::byte> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

std::string part(const std::string& xlsx, const char* name) {
  arsanalys::xlsx::ZipArchive zip(bytes_of(xlsx), "test.xlsx");
  return zip.read(name, 64u << 20);
}

/// The same calls on either writer: every kind of cell, look and sheet setting a statement uses.
template <class Ws>
void fill(Ws& ws) {
  ws.banner(true, 5);
  ws.width(0, 0, 30);
  ws.width(1, 3, 13.5);
  ws.width(4, 4, 0.5);
  ws.text(1, 0, "Kundbesked 2025: Äldre & vård <AVO> \"citat\"", alloc::title_look());
  ws.text(2, 0, " inledande mellanslag");
  ws.text(2, 1, "två\nrader", {.wrap = true});
  ws.number(3, 0, 0.002101338392114463, alloc::percent_look());
  ws.number(3, 1, 1.5e-05, alloc::percent_look());
  ws.number(3, 2, -123456789.25);
  ws.number(3, 3, 1e20);
  ws.kronor(4, 0, -500);
  ws.kronor(4, 1, 8682642, {.bold = true});
  ws.formula(5, 0, "=A5+B5", 8682142, alloc::kronor_look(true));
  ws.formula(5, 1, "=IF(A5>0,\"ja\",\"nej\")", 0, {.italic = true});
  ws.blank(5, 2, alloc::total_text_look());
  ws.merged(6, 0, 3, "Summa Intraservice", alloc::total_text_look());
  ws.merged(7, 0, 0, "En cell", alloc::heading_look());
  ws.paragraph(8, 0, 5, std::string(400, 'x'), 60);
  ws.text(9, 4, "Centrerad", {.boxed = true, .center = true, .size = 9});
  // The other looks of writer/style.h (the template's, the summary's, the review copies').
  ws.text(10, 0, "Högerställd", {.right = true});
  ws.text(10, 1, "Indrag", {.indent = 1});
  ws.number(10, 2, 12, {.number = style::kTkrExact, .left = true, .middle = true});
  ws.formula(11, 0, "=A11+1", 13,
             {.bold = true, .number = style::kTkrSuffix, .rule = true, .double_under = true});
  ws.blank(11, 1, style::input_look());
  ws.text(11, 2, "Färgad", {.italic = true, .color = style::kDraftText});
  ws.text(1, 0, "Kundbesked 2025: Äldre & vård <AVO> \"citat\"", alloc::title_look());  // again
  ws.height(10, 3);
  ws.height(3, 2);
  ws.freeze(2, 0);
  ws.print_wide(2, 2);
}

}  // namespace

TEST_CASE("lean xlsx: the same sheet as libxlsxwriter writes", "[output][lean]") {
  const BookProperties props{.title = "Utkast: Kundbesked 2025: A & B", .subject = "Kund-id AVO",
                             .created = arsanalys::writer::new_year(2024)};
  XlsxBook book("Testet", "lean");
  book.set_properties(props);
  Formats formats(book);
  alloc::Sheet sheet(book, formats, "Kundbesked");
  fill(sheet);
  const std::string theirs = book.finish();

  LeanSheet lean("Testet", "Kundbesked");
  lean.set_properties(props);
  fill(lean);
  const std::string ours = lean.finish();

  CHECK(part(ours, "xl/worksheets/sheet1.xml") == part(theirs, "xl/worksheets/sheet1.xml"));
  CHECK(part(ours, "xl/sharedStrings.xml") == part(theirs, "xl/sharedStrings.xml"));
  CHECK(part(ours, "docProps/core.xml") == part(theirs, "docProps/core.xml"));
  // libxlsxwriter's fonts point into its theme part, which the lean writer leaves out.
  std::string their_styles = std::regex_replace(part(theirs, "xl/styles.xml"),
                                                std::regex("<color theme=\"1\"/>|<scheme val=\"minor\"/>"), "");
  CHECK(part(ours, "xl/styles.xml") == their_styles);
  CHECK(part(ours, "xl/workbook.xml").find(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Kundbesked!$3:$3"
            "</definedName>") != std::string::npos);

  // The same bytes every time.
  LeanSheet again("Testet", "Kundbesked");
  again.set_properties(props);
  fill(again);
  CHECK(again.finish() == ours);
}

TEST_CASE("lean xlsx: text that needs escaping reads back as written", "[output][lean]") {
  const std::string tricky[] = {
      std::string("styrtecken \x01 och \x1f"), "_x0041_ ser ut som en kod", "a\tb\r\nc",
      "<&>\"'", "  ", "Göteborg – €"};
  LeanSheet ws("Testet", "Blad 'ett'");
  for (std::size_t i = 0; i < std::size(tricky); ++i) {
    ws.text(static_cast<lxw_row_t>(i), 0, tricky[i]);
  }
  ws.number(0, 1, 1);
  ws.number(0, 1, 2);  // written twice: the last write counts
  ws.formula(1, 1, "=B1&\"<x>\"", 0);
  ws.print_wide(0, 0);
  std::string bytes = ws.finish();

  auto wb = arsanalys::xlsx::read_workbook(bytes_of(bytes), "test.xlsx");
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].name == "Blad 'ett'");
  for (std::size_t i = 0; i < std::size(tricky); ++i) {
    INFO(i);
    const auto* c = wb.sheets[0].find(static_cast<std::uint32_t>(i), 0);
    REQUIRE(c != nullptr);
    // Issue 16: the reader replaces control characters (our writer escapes them as _x0001_,
    // Excel's way) so that they never reach another output raw; the rest reads back as written.
    CHECK(wb.strings.at(c->text) == (i == 0 ? "styrtecken \xEF\xBF\xBD och \xEF\xBF\xBD" : tricky[i]));
  }
  REQUIRE(wb.repairs.size() == 1);
  CHECK(wb.repairs[0].row == 0);
  CHECK(wb.repairs[0].what.controls == 2);
  const auto* b1 = wb.sheets[0].find(0, 1);
  REQUIRE(b1 != nullptr);
  CHECK(b1->number == 2);
  const auto* b2 = wb.sheets[0].find(1, 1);
  REQUIRE(b2 != nullptr);
  CHECK(wb.formulas.at(b2->formula) == "B1&\"<x>\"");
  CHECK(part(bytes, "xl/workbook.xml").find("'Blad ''ett'''!$1:$1") != std::string::npos);
}

TEST_CASE("lean xlsx: what a sheet cannot hold is refused in Swedish", "[output][lean]") {
  LeanSheet ws("Kundbeskedet", "Kundbesked");
  CHECK_THROWS_AS(ws.text(0, 0, std::string(32768, 'x')), arsanalys::RunError);
  CHECK_NOTHROW(ws.text(0, 0, std::string(32767, 'x')));
  CHECK_THROWS_WITH(ws.number(1048576, 0, 1), Catch::Contains("utanför bladet"));
  CHECK_THROWS_AS(ws.blank(0, 16384, {}), arsanalys::RunError);
  // An empty sheet is still a workbook.
  LeanSheet empty("Kundbeskedet", "Tomt");
  std::string bytes = empty.finish();
  auto wb = arsanalys::xlsx::read_workbook(bytes_of(bytes), "tom.xlsx");
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].cells.empty());
}

TEST_CASE("stream xlsx: sheets written row by row read back as written", "[output][lean]") {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / "arsanalys-stream-test.xlsx";
  {
    arsanalys::writer::StreamBook book("Testet", file);
    book.set_properties({.title = "Fördelning 2025", .subject = "Test",
                         .created = arsanalys::writer::new_year(2024)});
    auto& first = book.add_sheet("Översikt");
    auto& second = book.add_sheet("Blad 'två'");
    first.banner(true, 3);
    first.width(0, 0, 30);
    first.text(1, 0, "Fördelning & <mer>", alloc::title_look());
    first.link(2, 0, "Blad 'två'", "Till blad två");
    first.height(4, 2);  // a row with a height and no cells
    first.text(5, 2, "");  // an empty text is a blank cell
    first.kronor(5, 1, 1234567);
    first.kronor(5, 0, -5);  // a row's cells in any order
    first.formula(6, 1, "=SUM(B6:B6)", 1234567, alloc::kronor_look(true));
    first.merged(7, 0, 3, "Summa", alloc::total_text_look());
    first.autofilter(5, 0, 6, 3);
    first.freeze(5, 1);
    first.print_wide(5, 5);
    CHECK_THROWS_WITH(first.text(3, 0, "för sent"), Catch::Contains("rad för rad"));
    for (lxw_row_t r = 0; r < 3000; ++r) second.number(r, 0, r * 0.5);
    second.text(3000, 1, std::string(40, 'x'));
    book.close();
  }
  auto bytes = arsanalys::read_file(file, "stream.xlsx");
  std::filesystem::remove(file);
  auto wb = arsanalys::xlsx::read_workbook(bytes, "stream.xlsx");
  REQUIRE(wb.sheets.size() == 2);
  CHECK(wb.sheets[0].name == "Översikt");
  CHECK(wb.sheets[1].name == "Blad 'två'");
  const auto& s = wb.sheets[0];
  auto text_at = [&](const arsanalys::xlsx::Sheet& sh, std::uint32_t r, std::uint32_t c) {
    const auto* cell = sh.find(r, c);
    return cell != nullptr && cell->text != arsanalys::xlsx::kNoIndex ? wb.strings.at(cell->text)
                                                                    : std::string("(ingen)");
  };
  CHECK(text_at(s, 0, 0) == style::draft_banner(style::kDraftAmounts));
  CHECK(text_at(s, 1, 0) == "Fördelning & <mer>");
  CHECK(text_at(s, 2, 0) == "Till blad två");
  CHECK(s.find(5, 0)->number == -5);
  CHECK(s.find(5, 1)->number == 1234567);
  const auto* blank = s.find(5, 2);
  CHECK((blank == nullptr || blank->text == arsanalys::xlsx::kNoIndex));
  REQUIRE(s.find(6, 1) != nullptr);
  CHECK(wb.formulas.at(s.find(6, 1)->formula) == "SUM(B6:B6)");
  CHECK(s.find(6, 1)->number == 1234567);
  REQUIRE(s.merged.size() == 1);
  CHECK(arsanalys::xlsx::to_string(s.merged[0]) == "A8:D8");
  CHECK(wb.sheets[1].find(2999, 0)->number == 1499.5);
  CHECK(text_at(wb.sheets[1], 3000, 1) == std::string(40, 'x'));
  // The workbook's own parts: the filter, the print titles, the link.
  arsanalys::xlsx::ZipArchive zip(bytes, "stream.xlsx");
  std::string book_xml = zip.read("xl/workbook.xml", 1 << 20);
  CHECK(book_xml.find("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" "
                      "hidden=\"1\">Översikt!$A$6:$D$7</definedName>") == std::string::npos);
  CHECK(book_xml.find("'Översikt'!$A$6:$D$7") != std::string::npos);
  CHECK(book_xml.find("'Översikt'!$6:$6") != std::string::npos);
  std::string sheet_xml = zip.read("xl/worksheets/sheet1.xml", 1 << 20);
  CHECK(sheet_xml.find("<row r=\"5\" ht=\"30\" customHeight=\"1\"/>") != std::string::npos);
  // Every cell with its reference, every row of cells with the columns of its block of 16 rows.
  CHECK(sheet_xml.find("<c s=") == std::string::npos);
  CHECK(sheet_xml.find("<row r=\"6\" spans=\"1:4\"><c r=\"A6\" s=") != std::string::npos);
  std::string second_xml = zip.read("xl/worksheets/sheet2.xml", 1 << 20);
  CHECK(second_xml.find("<row r=\"2992\" spans=\"1:1\"><c r=\"A2992\" s=") != std::string::npos);
  CHECK(second_xml.find("<row r=\"2993\" spans=\"1:2\"><c r=\"A2993\" s=") != std::string::npos);
  CHECK(second_xml.find("<row r=\"3001\" spans=\"1:2\"><c r=\"B3001\" s=") != std::string::npos);
  CHECK(sheet_xml.find("<dimension ref=\"A1:D8\"/>") != std::string::npos);
  CHECK(sheet_xml.find("<autoFilter ref=\"A6:D7\"/>") != std::string::npos);
  CHECK(sheet_xml.find("<hyperlink ref=\"A3\" location=\"'Blad ''två'''!A1\"/>") !=
        std::string::npos);
}

TEST_CASE("lean xlsx: shared strings numbered by first use, each kept once", "[output][lean]") {
  arsanalys::writer::SharedStrings strings;
  // Enough to grow the table several times and fill more than one block, a text longer than
  // a block, the empty text, texts that differ only at the end.
  std::vector<std::string> texts;
  for (int i = 0; i < 20000; ++i) texts.push_back("Tjänst " + std::to_string(i) + " – Ekonomi");
  texts.push_back(std::string(100000, 'x'));
  texts.push_back("");
  texts.push_back("Tjänst 1 – Ekonomi ");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    REQUIRE(strings.index(texts[i]) == i);
  }
  for (std::size_t i = texts.size(); i-- > 0;) {  // again, in the other order: no new entries
    CHECK(strings.index(std::string(texts[i])) == i);
  }
  REQUIRE(strings.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CHECK(strings[static_cast<std::uint32_t>(i)] == texts[i]);
  }
}

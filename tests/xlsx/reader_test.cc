#include "xlsx/reader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "../core/test_failure.h"
#include "test_zip.h"

using arsanalys::ReadFailure;
using arsanalys::test::failure_of;
using arsanalys::test::make_xlsx;
using arsanalys::test::make_zip;
using arsanalys::test::shared_strings_xml;
using arsanalys::test::styles_xml;
using arsanalys::test::worksheet_xml;
using arsanalys::test::xlsx_entries;
using arsanalys::test::XlsxSpec;
using arsanalys::test::ZipEntry;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::parse_cell_ref;
using arsanalys::xlsx::Range;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::ReadLimits;
using arsanalys::xlsx::SheetKind;
using arsanalys::xlsx::Workbook;

namespace {

Workbook read(const std::vector<std::byte>& bytes, const ReadLimits& limits = {}) {
  return read_workbook(bytes, "bok.xlsx", limits);
}

Workbook read(const XlsxSpec& spec, const ReadLimits& limits = {}) {
  return read(make_xlsx(spec), limits);
}

/// A workbook of one sheet "Blad1" with this sheetData content.
XlsxSpec one_sheet(std::string sheet_data, std::string shared_strings = "",
                   std::string styles = "") {
  XlsxSpec spec;
  spec.sheets = {{"Blad1", worksheet_xml(sheet_data)}};
  spec.shared_strings = std::move(shared_strings);
  spec.styles = std::move(styles);
  return spec;
}

/// The cell at an A1 reference of a sheet; fails the test when the cell is empty.
const Cell& cell(const Workbook& wb, std::string_view ref, std::size_t sheet = 0) {
  REQUIRE(sheet < wb.sheets.size());
  auto at = parse_cell_ref(ref);
  REQUIRE(at.has_value());
  const Cell* c = wb.sheets[sheet].find(at->row, at->col);
  INFO("cell " << ref);
  REQUIRE(c != nullptr);
  return *c;
}

bool empty_at(const Workbook& wb, std::string_view ref, std::size_t sheet = 0) {
  auto at = parse_cell_ref(ref);
  return wb.sheets.at(sheet).find(at->row, at->col) == nullptr;
}

/// The A1 references of a sheet's cells, in stored order.
std::string refs(const Workbook& wb, std::size_t sheet = 0) {
  std::string out;
  for (const Cell& c : wb.sheets.at(sheet).cells) {
    if (!out.empty()) out += ' ';
    out += to_string(c.ref());
  }
  return out;
}

/// Replaces every occurrence of `from` in every entry.
void replace_all(std::vector<ZipEntry>& entries, std::string_view from, std::string_view to) {
  for (ZipEntry& e : entries) {
    for (std::size_t at = e.data.find(from); at != std::string::npos;
         at = e.data.find(from, at + to.size())) {
      e.data.replace(at, from.size(), to);
    }
  }
}

ZipEntry& entry(std::vector<ZipEntry>& entries, std::string_view name) {
  for (ZipEntry& e : entries) {
    if (e.name == name) return e;
  }
  FAIL("no entry " << name);
  throw;  // not reached
}

void drop(std::vector<ZipEntry>& entries, std::string_view name) {
  std::erase_if(entries, [&](const ZipEntry& e) { return e.name == name; });
}

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const std::string kPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";

}  // namespace

TEST_CASE("reader: shared strings, rich-text runs and phonetic runs", "[reader]") {
  std::string sst =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns=")" + kMain +
      R"(">)"
      "<si><t>Tjänst</t></si>"
      R"(<si><r><rPr><b/><sz val="11"/></rPr><t>Fet</t></r><r><t xml:space="preserve"> och mager</t></r></si>)"
      R"(<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>)"
      "<si><t>rad1_x000D_&#10;rad2</t></si>"
      "<si/>"
      "<si><t>&lt;&amp;&gt;</t></si>"
      "</sst>";
  Workbook wb =
      read(one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                     R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>)"
                     R"(<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v> 5 </v></c>)"
                     R"(<c r="G1" t="s"><v>0</v></c></row>)",
                     sst));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(refs(wb) == "A1 B1 C1 D1 F1 G1");  // E1, the empty <si/>, is an empty cell
  for (const Cell& c : wb.sheets[0].cells) CHECK(c.type == CellType::string);
  CHECK(wb.text(cell(wb, "A1")) == "Tjänst");
  CHECK(wb.text(cell(wb, "B1")) == "Fet och mager");
  CHECK(wb.text(cell(wb, "C1")) == "漢字");
  CHECK(wb.text(cell(wb, "D1")) == "rad1\r\nrad2");
  CHECK(wb.text(cell(wb, "F1")) == "<&>");
  CHECK(wb.text(cell(wb, "G1")) == "Tjänst");
  CHECK(wb.strings.size() == 6);  // shared strings are not copied per cell
}

TEST_CASE("reader: text in <t> is kept as written, empty text is an empty cell", "[reader]") {
  std::string sst = R"(<sst xmlns=")" + kMain +
                    R"(">)"
                    "<si><t>  två  </t></si>"
                    R"(<si><t xml:space="preserve"> tre </t></si>)"
                    "<si><t></t></si>"
                    "<si><r><t></t></r></si>"
                    "</sst>";
  Workbook wb =
      read(one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                     R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>)"
                     R"(<c r="E1" t="inlineStr"><is><t>  fyra</t></is></c>)"
                     R"(<c r="F1" t="inlineStr"><is><t></t></is></c>)"
                     R"(<c r="G1" t="str"><v></v></c>)"
                     R"(<c r="H1" t="str"><f>""</f><v></v></c></row>)",
                     sst));
  CHECK(refs(wb) == "A1 B1 E1 H1");
  CHECK(wb.text(cell(wb, "A1")) == "  två  ");
  CHECK(wb.text(cell(wb, "B1")) == " tre ");
  CHECK(wb.text(cell(wb, "E1")) == "  fyra");
  CHECK(wb.formula(cell(wb, "H1")) == "\"\"");  // a formula keeps its cell
}

TEST_CASE("reader: the Excel 2007 beta name sstItem", "[reader]") {
  std::string sst = R"(<sst xmlns=")" + kMain + R"("><sstItem><t>beta</t></sstItem></sst>)";
  Workbook wb = read(one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", sst));
  CHECK(wb.text(cell(wb, "A1")) == "beta");
}

TEST_CASE("reader: inline strings", "[reader]") {
  Workbook wb = read(one_sheet(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Inline</t></is></c>)"
      R"(<c r="B1" t="inlineStr"><is><r><t>A</t></r><r><rPr><i/></rPr><t>B</t></r></is></c>)"
      R"(<c r="C1"><is><t>utan t</t></is></c>)"
      R"(<c r="D1" t="inlineStr"><is><t>x_x0009_y</t></is></c>)"
      R"(<c r="E1" t="inlineStr"/></row>)"));
  CHECK(refs(wb) == "A1 B1 C1 D1");
  CHECK(cell(wb, "A1").type == CellType::string);
  CHECK(wb.text(cell(wb, "A1")) == "Inline");
  CHECK(wb.text(cell(wb, "B1")) == "AB");
  CHECK(cell(wb, "C1").type == CellType::string);
  CHECK(wb.text(cell(wb, "C1")) == "utan t");
  CHECK(wb.text(cell(wb, "D1")) == "x\ty");
}

TEST_CASE("reader: cell types str, e, b, d, n and formulas", "[reader]") {
  Workbook wb = read(one_sheet(R"(<row r="1">)"
                               R"(<c r="A1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>)"
                               R"(<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>)"
                               R"(<c r="C1" t="b"><v>1</v></c>)"
                               R"(<c r="D1" t="b"><v>0</v></c>)"
                               R"(<c r="E1" t="d"><v>2023-03-10T00:00:00Z</v></c>)"
                               R"(<c r="F1" t="d"><v>2023-03-10T12:30:15.000Z</v></c>)"
                               R"(<c r="G1" t="n"><v>1234.5</v></c>)"
                               R"(<c r="H1"><v> 42 </v></c>)"
                               R"(<c r="I1"><v>-1.5E-3</v></c>)"
                               R"(<c r="J1"><f>H1*2</f><v>84</v></c>)"
                               R"(<c r="K1"><f>=H1+1</f><v>43</v></c>)"
                               R"(<c r="L1"><f>NOW()</f></c>)"
                               R"(<c r="M1" s="0"/>)"
                               R"(<c r="N1"><v></v></c>)"
                               R"(<c r="O1" t="e"><v>#N/A</v></c>)"
                               R"(</row>)"));
  CHECK(refs(wb) == "A1 B1 C1 D1 E1 F1 G1 H1 I1 J1 K1 L1 O1");

  const Cell& a1 = cell(wb, "A1");
  CHECK(a1.type == CellType::string);
  CHECK(wb.text(a1) == "xy");
  CHECK(wb.formula(a1) == "\"x\"&\"y\"");

  const Cell& b1 = cell(wb, "B1");
  CHECK(b1.type == CellType::error);
  CHECK(wb.text(b1) == "#DIV/0!");
  CHECK(wb.formula(b1) == "1/0");

  CHECK(cell(wb, "C1").type == CellType::boolean);
  CHECK(cell(wb, "C1").number == 1);
  CHECK(cell(wb, "D1").type == CellType::boolean);
  CHECK(cell(wb, "D1").number == 0);

  CHECK(cell(wb, "E1").type == CellType::date);
  CHECK(wb.date_iso(cell(wb, "E1")) == "2023-03-10");
  CHECK(wb.date_iso(cell(wb, "F1")) == "2023-03-10T12:30:15");

  CHECK(cell(wb, "G1").type == CellType::number);
  CHECK(cell(wb, "G1").number == 1234.5);
  CHECK(cell(wb, "H1").number == 42);
  CHECK(cell(wb, "I1").number == -0.0015);
  CHECK(wb.formula(cell(wb, "G1")).empty());

  CHECK(cell(wb, "J1").number == 84);
  CHECK(wb.formula(cell(wb, "J1")) == "H1*2");
  CHECK(wb.formula(cell(wb, "K1")) == "H1+1");  // a leading '=' is dropped

  // A formula without a cached value is kept, as an empty string.
  CHECK(cell(wb, "L1").type == CellType::string);
  CHECK(wb.text(cell(wb, "L1")).empty());
  CHECK(wb.formula(cell(wb, "L1")) == "NOW()");

  CHECK(cell(wb, "O1").type == CellType::error);
  CHECK(wb.text(cell(wb, "O1")) == "#N/A");
}

TEST_CASE("reader: rows and cells without r follow on from the previous ones", "[reader]") {
  Workbook wb = read(one_sheet(
      "<row><c><v>1</v></c><c><v>2</v></c></row>"                                 // row 1: A1 B1
      "<row><c><v>3</v></c></row>"                                                // row 2: A2
      R"(<row r="5"><c><v>5</v></c><c r="D5"><v>6</v></c><c><v>7</v></c></row>)"  // A5 D5 E5
      "<row><c><v>8</v></c></row>"                                                // row 6: A6
      R"(<row r="8" spans="1:3"/>)"                                               // an empty row
      R"(<row><c r="C9"><v>9</v></c><c><v>10</v></c></row>)"));                   // C9 D9
  CHECK(refs(wb) == "A1 B1 A2 A5 D5 E5 A6 C9 D9");
  CHECK(cell(wb, "B1").number == 2);
  CHECK(cell(wb, "A2").number == 3);
  CHECK(cell(wb, "E5").number == 7);
  CHECK(cell(wb, "A6").number == 8);
  CHECK(cell(wb, "D9").number == 10);
}

TEST_CASE("reader: cells end up in row-major order, the last of duplicates winning", "[reader]") {
  Workbook wb = read(one_sheet(R"(<row r="2"><c r="B2"><v>22</v></c><c r="A2"><v>21</v></c></row>)"
                               R"(<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>9</v></c></row>)"));
  CHECK(refs(wb) == "A1 A2 B2");
  CHECK(cell(wb, "A1").number == 9);
  CHECK(cell(wb, "A2").number == 21);
  CHECK(cell(wb, "B2").number == 22);
  CHECK(empty_at(wb, "B1"));
}

TEST_CASE("reader: shared formulas are moved to each cell", "[reader]") {
  Workbook wb = read(one_sheet(
      R"(<row r="1"><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1*$D$1</f><v>3</v></c>)"
      R"(<c r="E1"><f t="shared" ref="E1:G1" si="1">SUM(A1:B1)</f><v>1</v></c>)"
      R"(<c r="F1"><f t="shared" si="1"/><v>1</v></c>)"
      R"(<c r="H1"><f t="shared" si="9"/><v>0</v></c></row>)"
      R"(<row r="2"><c r="C2"><f t="shared" si="0"/><v>7</v></c></row>)"
      R"(<row r="3"><c r="C3"><f t="shared" si="0"></f></c></row>)"));
  CHECK(wb.formula(cell(wb, "C1")) == "A1+B1*$D$1");
  CHECK(wb.formula(cell(wb, "C2")) == "A2+B2*$D$1");
  CHECK(cell(wb, "C2").number == 7);
  CHECK(wb.formula(cell(wb, "C3")) == "A3+B3*$D$1");
  CHECK(cell(wb, "C3").type == CellType::string);  // no cached value
  CHECK(wb.formula(cell(wb, "E1")) == "SUM(A1:B1)");
  CHECK(wb.formula(cell(wb, "F1")) == "SUM(B1:C1)");
  CHECK(wb.formula(cell(wb, "H1")).empty());  // no master with si 9
}

TEST_CASE("reader: shared formulas are per sheet", "[reader]") {
  XlsxSpec spec;
  spec.sheets = {
      {"Ett",
       worksheet_xml(
           R"(<row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>0</v></c></row>)")},
      {"Två",
       worksheet_xml(
           R"(<row r="1"><c r="D1"><f t="shared" ref="D1:D2" si="0">C1*2</f><v>0</v></c></row>)"
           R"(<row r="2"><c r="D2"><f t="shared" si="0"/><v>0</v></c></row>)")}};
  Workbook wb = read(spec);
  CHECK(wb.formula(cell(wb, "D2", 1)) == "C2*2");
}

TEST_CASE("reader: number formats decide which numbers are dates", "[reader]") {
  std::string styles = styles_xml({0, 14, 164, 165, 22, 46, 4},
                                  {{164, "yyyy-mm-dd"}, {165, "# ##0 &quot;tkr&quot;"}});
  Workbook wb = read(
      one_sheet(R"(<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000.5</v></c>)"
                R"(<c r="C1" s="3"><v>45000</v></c><c r="D1" s="0"><v>45000</v></c>)"
                R"(<c r="E1" s="4"><v>45000.25</v></c><c r="F1" s="5"><v>1.5</v></c>)"
                R"(<c r="G1" s="1"><v>-1</v></c><c r="H1" s="99"><v>45000</v></c>)"
                R"(<c r="I1" s="6"><v>45000</v></c><c r="J1"><v>45000</v></c></row>)",
                "", styles));
  REQUIRE(wb.formats.size() == 7);
  CHECK(wb.formats[1].id == 14);
  CHECK(wb.formats[1].code == "mm-dd-yy");
  CHECK(wb.formats[1].is_date);
  CHECK(wb.formats[2].code == "yyyy-mm-dd");
  CHECK(wb.formats[2].is_date);
  CHECK(wb.formats[3].code == "# ##0 \"tkr\"");
  CHECK_FALSE(wb.formats[3].is_date);
  CHECK(wb.formats[6].code == "#,##0.00");

  CHECK(cell(wb, "A1").type == CellType::date);
  CHECK(wb.date_iso(cell(wb, "A1")) == "2023-03-15");
  CHECK(cell(wb, "A1").number == 45000);
  CHECK(wb.date_iso(cell(wb, "B1")) == "2023-03-15T12:00:00");
  CHECK(cell(wb, "C1").type == CellType::number);
  CHECK(cell(wb, "D1").type == CellType::number);
  CHECK(wb.date_iso(cell(wb, "E1")) == "2023-03-15T06:00:00");
  CHECK(cell(wb, "F1").type == CellType::date);  // [h]:mm:ss, a duration
  CHECK(wb.date_iso(cell(wb, "F1")) == "1900-01-01T12:00:00");
  CHECK(cell(wb, "G1").type == CellType::number);  // no date before the epoch
  CHECK(cell(wb, "H1").type == CellType::number);  // unknown style: General
  CHECK(wb.format(cell(wb, "H1")).id == 0);
  CHECK(cell(wb, "I1").type == CellType::number);
  CHECK(cell(wb, "J1").type == CellType::number);
}

TEST_CASE("reader: without styles every cell has the General format", "[reader]") {
  Workbook wb = read(one_sheet(R"(<row r="1"><c r="A1" s="3"><v>45000</v></c></row>)"));
  REQUIRE(wb.formats.size() == 1);
  CHECK(wb.formats[0].code == "General");
  CHECK(cell(wb, "A1").type == CellType::number);
}

TEST_CASE("reader: the 1904 date system", "[reader]") {
  struct Case {
    const char* pr;
    bool date1904;
    const char* iso;  // of serial 43538
  };
  auto c = GENERATE(values<Case>({
      {R"(<workbookPr date1904="1"/>)", true, "2023-03-15"},
      {R"(<workbookPr date1904="true"/>)", true, "2023-03-15"},
      {R"(<workbookPr date1904="false"/>)", false, "2019-03-14"},
      {R"(<workbookPr date1904="0"/>)", false, "2019-03-14"},
      {R"(<workbookPr defaultThemeVersion="166925"/>)", false, "2019-03-14"},
      {"", false, "2019-03-14"},
  }));
  CAPTURE(c.pr);
  XlsxSpec spec =
      one_sheet(R"(<row r="1"><c r="A1" s="1"><v>43538</v></c></row>)", "", styles_xml({0, 14}));
  spec.workbook_pr = c.pr;
  Workbook wb = read(spec);
  CHECK(wb.date1904 == c.date1904);
  CHECK(wb.date_iso(cell(wb, "A1")) == c.iso);
}

TEST_CASE("reader: ISO/IEC 29500 Strict namespaces", "[reader]") {
  XlsxSpec spec =
      one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>)",
                shared_strings_xml({"strikt"}), styles_xml({0, 14}));
  auto entries = xlsx_entries(spec);
  replace_all(entries, kMain, "http://purl.oclc.org/ooxml/spreadsheetml/main");
  replace_all(entries, kRel, "http://purl.oclc.org/ooxml/officeDocument/relationships");
  REQUIRE(entry(entries, "_rels/.rels").data.find("purl.oclc.org") != std::string::npos);
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].name == "Blad1");
  CHECK(wb.text(cell(wb, "A1")) == "strikt");
  CHECK(wb.date_iso(cell(wb, "B1")) == "2023-03-15");
}

TEST_CASE("reader: namespace prefixes on every part", "[reader]") {
  std::vector<ZipEntry> entries = {
      {"_rels/.rels", R"(<pr:Relationships xmlns:pr=")" + kPkgRel +
                          R"("><pr:Relationship Id="rId1" Type=")" + kRel +
                          R"(/officeDocument" Target="xl/workbook.xml"/></pr:Relationships>)"},
      {"xl/workbook.xml",
       R"(<x:workbook xmlns:x=")" + kMain + R"(" xmlns:rel=")" + kRel +
           R"("><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Prefix" sheetId="1" rel:id="rId7"/></x:sheets></x:workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns=")" + kPkgRel + R"("><Relationship Id="rId7" Type=")" + kRel +
           R"(/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId8" Type=")" + kRel +
           R"(/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type=")" + kRel +
           R"(/styles" Target="styles.xml"/></Relationships>)"},
      {"xl/sharedStrings.xml",
       R"(<x:sst xmlns:x=")" + kMain +
           R"("><x:si><x:r><x:t>pre</x:t></x:r><x:r><x:t>fix</x:t></x:r></x:si></x:sst>)"},
      {"xl/styles.xml",
       R"(<x:styleSheet xmlns:x=")" + kMain +
           R"("><x:numFmts><x:numFmt numFmtId="170" formatCode="yyyy"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<x:worksheet xmlns:x=")" + kMain +
           R"("><x:sheetData><x:row r="2"><x:c r="B2" x:t="s"><x:v>0</x:v></x:c>)"
           R"(<x:c r="C2" s="1"><x:v>0</x:v></x:c><x:c r="D2"><x:f>C2+1</x:f><x:v>1</x:v></x:c></x:row></x:sheetData>)"
           R"(<x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>)"},
  };
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].name == "Prefix");
  CHECK(wb.date1904);
  CHECK(wb.text(cell(wb, "B2")) == "prefix");
  CHECK(cell(wb, "C2").type == CellType::date);
  CHECK(wb.date_iso(cell(wb, "C2")) == "1904-01-01");
  CHECK(wb.formula(cell(wb, "D2")) == "C2+1");
  CHECK(wb.sheets[0].merged == std::vector<Range>{Range{{1, 1}, {1, 2}}});
}

TEST_CASE("reader: relationship targets, absolute and relative", "[reader]") {
  XlsxSpec spec =
      one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", shared_strings_xml({"hittad"}));
  auto entries = xlsx_entries(spec);
  SECTION("absolute targets") {
    replace_all(entries, R"(Target="xl/workbook.xml")", R"(Target="/xl/workbook.xml")");
    replace_all(entries, R"(Target="worksheets/sheet1.xml")",
                R"(Target="/xl/worksheets/sheet1.xml")");
    replace_all(entries, R"(Target="sharedStrings.xml")", R"(Target="/xl/sharedStrings.xml")");
  }
  SECTION("relative targets with . and ..") {
    replace_all(entries, R"(Target="worksheets/sheet1.xml")",
                R"(Target="./worksheets/../worksheets/sheet1.xml")");
    replace_all(entries, R"(Target="sharedStrings.xml")", R"(Target="../xl/sharedStrings.xml")");
  }
  SECTION("names differing in case from the zip entries") {
    replace_all(entries, R"(Target="worksheets/sheet1.xml")", R"(Target="Worksheets/Sheet1.XML")");
  }
  Workbook wb = read(make_zip(entries));
  CHECK(wb.text(cell(wb, "A1")) == "hittad");
}

TEST_CASE("reader: a workbook part outside xl/", "[reader]") {
  std::vector<ZipEntry> entries = {
      {"_rels/.rels", R"(<Relationships xmlns=")" + kPkgRel + R"("><Relationship Id="r" Type=")" +
                          kRel + R"(/officeDocument" Target="wb/book.xml"/></Relationships>)"},
      {"wb/book.xml",
       R"(<workbook xmlns=")" + kMain + R"(" xmlns:r=")" + kRel +
           R"("><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>)"},
      {"wb/_rels/book.xml.rels", R"(<Relationships xmlns=")" + kPkgRel +
                                     R"("><Relationship Id="a" Type=")" + kRel +
                                     R"(/worksheet" Target="ark/s1.xml"/></Relationships>)"},
      {"wb/ark/s1.xml", worksheet_xml(R"(<row r="1"><c r="A1"><v>7</v></c></row>)")},
  };
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(cell(wb, "A1").number == 7);
}

TEST_CASE("reader: fallbacks when relationships are missing", "[reader]") {
  XlsxSpec spec =
      one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>)",
                shared_strings_xml({"ändå"}), styles_xml({0, 14}));
  auto entries = xlsx_entries(spec);
  SECTION("no package relationships: xl/workbook.xml") { drop(entries, "_rels/.rels"); }
  SECTION("no workbook relationships: parts by their usual names") {
    drop(entries, "xl/_rels/workbook.xml.rels");
  }
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.text(cell(wb, "A1")) == "ändå");
  CHECK(wb.date_iso(cell(wb, "B1")) == "2023-03-15");
}

TEST_CASE("reader: packages written by unusual zip and XML writers", "[reader]") {
  XlsxSpec spec =
      one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>)",
                shared_strings_xml({"udda"}), styles_xml({0, 14}));
  auto entries = xlsx_entries(spec);
  SECTION("backslashes in entry names") {
    for (ZipEntry& e : entries) std::replace(e.name.begin(), e.name.end(), '/', '\\');
  }
  SECTION("a leading slash and upper case in entry names") {
    for (ZipEntry& e : entries) {
      std::transform(e.name.begin(), e.name.end(), e.name.begin(),
                     [](char c) { return static_cast<char>(std::toupper(c)); });
      e.name.insert(0, "/");
    }
  }
  SECTION("data descriptors on every entry") {
    for (ZipEntry& e : entries) e.flags = 8;
  }
  SECTION("a byte-order mark and CRLF line ends in every part") {
    replace_all(entries, "><", ">\r\n<");
    for (ZipEntry& e : entries) e.data.insert(0, "\xEF\xBB\xBF");
  }
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].name == "Blad1");
  CHECK(wb.text(cell(wb, "A1")) == "udda");
  CHECK(wb.date_iso(cell(wb, "B1")) == "2023-03-15");
}

TEST_CASE("reader: sheets in workbook order, with names, states and kinds", "[reader]") {
  XlsxSpec spec;
  spec.sheets = {{"3.1 Förvaltning", worksheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")},
                 {"Dold &amp; glömd", worksheet_xml(R"(<row r="1"><c r="A1"><v>2</v></c></row>)")},
                 {"Mycket dold", worksheet_xml("")},
                 {"Diagram", worksheet_xml("")}};
  auto entries = xlsx_entries(spec);
  replace_all(entries, R"(name="Dold &amp; glömd" sheetId="2")",
              R"(name="Dold &amp; glömd" sheetId="2" state="hidden")");
  replace_all(entries, R"(name="Mycket dold" sheetId="3")",
              R"(name="Mycket dold" sheetId="3" state="veryHidden")");
  replace_all(entries, R"(worksheet" Target="worksheets/sheet4.xml")",
              R"(chartsheet" Target="chartsheets/sheet1.xml")");
  Workbook wb = read(make_zip(entries));
  REQUIRE(wb.sheets.size() == 4);
  CHECK(wb.sheets[0].name == "3.1 Förvaltning");
  CHECK(wb.sheets[1].name == "Dold & glömd");
  CHECK_FALSE(wb.sheets[0].hidden);
  CHECK(wb.sheets[1].hidden);
  CHECK(wb.sheets[2].hidden);
  CHECK(wb.sheets[0].kind == SheetKind::worksheet);
  CHECK(wb.sheets[3].kind == SheetKind::chartsheet);
  CHECK(wb.sheets[3].cells.empty());
  CHECK(cell(wb, "A1", 1).number == 2);
  CHECK(wb.sheet("Dold & glömd") == &wb.sheets[1]);
  CHECK(wb.sheet("3.1 förvaltning") == nullptr);  // exact match only
  CHECK(wb.file_name == "bok.xlsx");
}

TEST_CASE("reader: merged ranges", "[reader]") {
  XlsxSpec spec;
  spec.sheets = {
      {"Blad1", worksheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)",
                              R"(<mergeCells count="3"><mergeCell ref="A1:C1"/>)"
                              R"(<mergeCell ref="B3:B5"/><mergeCell ref="bogus"/></mergeCells>)")}};
  Workbook wb = read(spec);
  CHECK(wb.sheets[0].merged == std::vector<Range>{Range{{0, 0}, {0, 2}}, Range{{2, 1}, {4, 1}}});
}

TEST_CASE("reader: a shared-string index out of range is malformed_xml", "[reader][errors]") {
  SECTION("past the end of the table") {
    auto o = failure_of([] {
      read(one_sheet(R"(<row r="3"><c r="B3" t="s"><v>2</v></c></row>)",
                     shared_strings_xml({"a", "b"})));
    });
    CHECK(o == ReadFailure::malformed_xml);
    CHECK(o.message ==
          "bok.xlsx: blad 'Blad1' cell B3: hänvisar till delad text nr 2, men tabellen har 2 "
          "texter. Filen är skadad; spara om den i Excel.");
  }
  SECTION("no table at all") {
    CHECK(failure_of([] { read(one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")); }) ==
          ReadFailure::malformed_xml);
  }
}

// An index that is no number at all is as broken as one past the end of the table, but the cell
// silently disappears instead (set_value returns false when parse_uint fails).
TEST_CASE("reader: a shared-string index that is not a number is malformed_xml",
          "[reader][errors]") {
  auto v = GENERATE(as<std::string>{}, "-1", "abc", "1.5", "99999999999999999999");
  CAPTURE(v);
  CHECK(failure_of([&] {
          read(one_sheet(R"(<row r="1"><c r="A1" t="s"><v>)" + v + "</v></c></row>",
                         shared_strings_xml({"a", "b"})));
        }) == ReadFailure::malformed_xml);
}

TEST_CASE("reader: references outside the grid are bad_reference", "[reader][errors]") {
  auto data =
      GENERATE(as<std::string>{}, R"(<row r="1"><c r="A0"><v>1</v></c></row>)",
               R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)",
               R"(<row r="1"><c r="A1048577"><v>1</v></c></row>)",
               R"(<row r="1"><c r="1A"><v>1</v></c></row>)", R"(<row r="0"><c><v>1</v></c></row>)",
               R"(<row r="1048577"><c><v>1</v></c></row>)", R"(<row r="-1"/>)", R"(<row r="tre"/>)",
               R"(<row r="1048576"/><row><c><v>1</v></c></row>)");  // row 1048577
  CAPTURE(data);
  CHECK(failure_of([&] { read(one_sheet(data)); }) == ReadFailure::bad_reference);
}

TEST_CASE("reader: bad_reference names the sheet and the reference", "[reader][errors]") {
  auto o = failure_of([] { read(one_sheet(R"(<row r="1"><c r="A0"><v>1</v></c></row>)")); });
  CHECK(o.message ==
        "bok.xlsx: blad 'Blad1': ogiltig cellreferens 'A0' (utanför Excels rutnät). Filen är "
        "skadad; spara om den i Excel.");
}

TEST_CASE("reader: the last cell of the grid is fine, one more column is not", "[reader]") {
  Workbook wb = read(one_sheet(R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)"));
  CHECK(cell(wb, "XFD1048576").number == 1);
  std::string row = R"(<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>)";
  CHECK(failure_of([&] { read(one_sheet(row)); }) == ReadFailure::bad_reference);
}

TEST_CASE("reader: DOCTYPE in any part is forbidden_xml", "[reader][errors]") {
  const std::string doctype = R"(<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>)";
  XlsxSpec spec = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                            shared_strings_xml({"a"}), styles_xml({0}));
  auto entries = xlsx_entries(spec);
  std::string part = GENERATE("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                              "xl/styles.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels");
  CAPTURE(part);
  std::string& data = entry(entries, part).data;
  auto root = data.find("?>");
  data.insert(root == std::string::npos ? 0 : root + 2, doctype);
  auto o = failure_of([&] { read(make_zip(entries)); });
  CHECK(o == ReadFailure::forbidden_xml);
  CHECK_THAT(o.message, Catch::Contains("'" + part + "'"));
}

TEST_CASE("reader: malformed XML is malformed_xml", "[reader][errors]") {
  XlsxSpec spec = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                            shared_strings_xml({"a"}), styles_xml({0}));
  auto entries = xlsx_entries(spec);
  std::string part = GENERATE("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                              "xl/styles.xml");
  CAPTURE(part);
  std::string& data = entry(entries, part).data;
  data.resize(data.size() - 5);  // cut inside the closing tag of the root
  CHECK(failure_of([&] { read(make_zip(entries)); }) == ReadFailure::malformed_xml);
}

TEST_CASE("reader: a workbook part whose root is not workbook", "[reader][errors]") {
  auto entries = xlsx_entries(one_sheet(""));
  entry(entries, "xl/workbook.xml").data = R"(<document xmlns=")" + kMain + R"("/>)";
  CHECK(failure_of([&] { read(make_zip(entries)); }) == ReadFailure::malformed_xml);
}

TEST_CASE("reader: a sheet whose part is missing is missing_part", "[reader][errors]") {
  XlsxSpec spec;
  spec.sheets = {{"Finns", worksheet_xml("")}, {"Saknas", worksheet_xml("")}};
  auto entries = xlsx_entries(spec);
  drop(entries, "xl/worksheets/sheet2.xml");
  auto o = failure_of([&] { read(make_zip(entries)); });
  CHECK(o == ReadFailure::missing_part);
  CHECK_THAT(o.message, Catch::Contains("'Saknas'") && Catch::Contains("xl/worksheets/sheet2.xml"));
}

TEST_CASE("reader: a package without a workbook is missing_part", "[reader][errors]") {
  struct Case {
    std::vector<ZipEntry> entries;
    const char* says;
  };
  auto c = GENERATE(values<Case>({
      {{{"[Content_Types].xml", "<Types/>"}}, "xl/workbook.xml"},
      {{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}},
       "Word-dokument"},
      {{{"ppt/presentation.xml", "<p/>"}}, "PowerPoint"},
      {{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<c/>"}},
       "OpenDocument"},
      {{}, "xl/workbook.xml"},  // an empty archive
  }));
  CAPTURE(c.says);
  auto o = failure_of([&] { read(make_zip(c.entries)); });
  CHECK(o == ReadFailure::missing_part);
  CHECK_THAT(o.message, Catch::StartsWith("bok.xlsx: filen är ") && Catch::Contains(c.says));
}

TEST_CASE("reader: files that are no zip at all", "[reader][errors]") {
  CHECK(failure_of([] { read(std::vector<std::byte>{}); }) == ReadFailure::empty);
  CHECK(failure_of([] { read(arsanalys::test::bytes_of("%PDF-1.4\n")); }) == ReadFailure::not_zip);
  auto whole = make_xlsx(one_sheet(""));
  std::vector<std::byte> cut(whole.begin(), whole.begin() + static_cast<long>(whole.size() / 2));
  CHECK(failure_of([&] { read(cut); }) == ReadFailure::corrupt_zip);
}

TEST_CASE("reader: the cell limit counts cells of all sheets", "[reader][limits]") {
  ReadLimits limits;
  limits.max_cells = 3;
  const std::string three = R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>)"
                            R"(<c r="C1" t="inlineStr"><is><t>x</t></is></c>)"
                            R"(<c r="D1" s="1"/><c r="E1" s="1"/></row>)";  // blanks do not count
  CHECK(read(one_sheet(three), limits).sheets[0].cells.size() == 3);
  const std::string four = three + R"(<row r="2"><c r="A2"><v>4</v></c></row>)";
  CHECK(failure_of([&] { read(one_sheet(four), limits); }) == ReadFailure::too_large);

  XlsxSpec two;
  two.sheets = {
      {"Ett", worksheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>)")},
      {"Två", worksheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>)")}};
  CHECK(failure_of([&] { read(two, limits); }) == ReadFailure::too_large);
}

TEST_CASE("reader: a huge shared-string table stops at the limit", "[reader][limits]") {
  XlsxSpec spec = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row>)");
  spec.shared_strings = shared_strings_xml({"a", "b", "c"});
  ReadLimits limits;
  limits.max_shared_strings = 3;
  CHECK(read(spec, limits).strings.size() == 3);
  limits.max_shared_strings = 2;
  CHECK(failure_of([&] { read(spec, limits); }) == ReadFailure::too_large);
  // Two million empty entries (10 MB of `<si/>`, a few kB compressed) under the default
  // limit are read; the same over a limit of one million are refused before they are held.
  std::string many = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (int i = 0; i < 2'000'000; ++i) many += "<si/>";
  many += "</sst>";
  spec.shared_strings = many;
  CHECK(read(spec).strings.size() == 2'000'000);
  limits.max_shared_strings = 1'000'000;
  CHECK(failure_of([&] { read(spec, limits); }) == ReadFailure::too_large);
}

TEST_CASE("reader: the limit on the small parts", "[reader][limits]") {
  ReadLimits limits;
  limits.max_small_part_bytes = 100;
  XlsxSpec spec = one_sheet("");
  auto o = failure_of([&] { read(spec, limits); });  // workbook.xml is over 100 bytes
  CHECK(o == ReadFailure::too_large);
}

// One XML reader with one set of limits reads every part, the small ones included.
TEST_CASE("reader: the XML limits apply to every part", "[reader][limits]") {
  XlsxSpec spec = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                            shared_strings_xml({"a"}), styles_xml({0}));
  auto entries = xlsx_entries(spec);
  std::string part = GENERATE("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                              "xl/styles.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels");
  CAPTURE(part);
  // An element no reader looks at, with a 1 MB attribute, before the root's end tag.
  std::string& data = entry(entries, part).data;
  data.insert(data.rfind("</"), R"(<extLst v=")" + std::string(1 << 20, 'x') + R"("/>)");
  auto bytes = make_zip(entries);
  CHECK(cell(read(bytes), "A1").type == CellType::string);
  ReadLimits limits;
  limits.xml.max_token_bytes = 64u << 10;
  auto o = failure_of([&] { read(bytes, limits); });
  CHECK(o == ReadFailure::too_large);
  CHECK_THAT(o.message, Catch::Contains("'" + part + "'"));
}

// Each run is under the token limit; the string they make together is not.
TEST_CASE("reader: the text of one value is held to the token limit", "[reader][limits]") {
  std::string runs;
  for (int i = 0; i < 12; ++i) runs += "<r><t>" + std::string(100'000, 'x') + "</t></r>";
  XlsxSpec spec = one_sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                            R"(<sst xmlns=")" + kMain + R"("><si>)" + runs + "</si></sst>");
  CHECK(read(spec).strings.at(0).size() == 1'200'000);
  ReadLimits limits;
  limits.xml.max_token_bytes = 1u << 20;
  CHECK(failure_of([&] { read(spec, limits); }) == ReadFailure::too_large);
}

TEST_CASE("reader: decompression limits apply to the parts read", "[reader][limits]") {
  ReadLimits limits;
  limits.zip.max_part_bytes = 4096;
  std::string rows;
  for (int i = 1; i <= 200; ++i) {
    rows += R"(<row r=")" + std::to_string(i) + R"("><c r="A)" + std::to_string(i) +
            R"("><v>1</v></c></row>)";
  }
  CHECK(failure_of([&] { read(one_sheet(rows), limits); }) == ReadFailure::too_large);
  CHECK(read(one_sheet(rows)).sheets[0].cells.size() == 200);
}

#include "output/template_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "analys/template_def.h"
#include "core/error.h"
#include "core/file_io.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"
#include "xlsx/zip.h"
#include "../support/temp_dir.h"

namespace fs = std::filesystem;
using arsanalys::RunError;
using arsanalys::analys::builtin_template;
using arsanalys::output::template_workbook;
using arsanalys::output::TemplateLayout;
using arsanalys::output::write_template;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::read_workbook;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::Workbook;
using arsanalys::xlsx::ZipArchive;

using arsanalys::test::TempDir;

namespace {

std::span<const std::byte> bytes_of(const std::string& s) {
  return std::as_bytes(std::span<const char>(s.data(), s.size()));
}

/// The 2025 template, made once for all tests.
const std::string& template_2025() {
  static const std::string bytes = template_workbook(builtin_template(), {.year = 2025});
  return bytes;
}

const Workbook& workbook_2025() {
  static const Workbook wb = read_workbook(bytes_of(template_2025()), "mall.xlsx");
  return wb;
}

/// The sheet's cells by reference: "A1" -> text (strings) or "=FORMULA" (formulas).
std::map<std::string, std::string> cells(const Workbook& wb, const std::string& sheet) {
  const Sheet* s = wb.sheet(sheet);
  REQUIRE(s != nullptr);
  std::map<std::string, std::string> out;
  for (const Cell& c : s->cells) {
    std::string ref = arsanalys::xlsx::to_string(c.ref());
    if (!wb.formula(c).empty()) {
      out[ref] = "=" + std::string(wb.formula(c));
    } else if (c.type == CellType::string) {
      out[ref] = std::string(wb.text(c));
    } else if (c.type == CellType::number) {
      out[ref] = std::to_string(static_cast<long long>(c.number));
    }
  }
  return out;
}

/// Whether some cell of the sheet holds exactly `text`.
bool has_text(const std::map<std::string, std::string>& cells, const std::string& text) {
  for (const auto& [ref, value] : cells) {
    if (value == text) return true;
  }
  return false;
}


}  // namespace

TEST_CASE("template covers the whole Årlig analys, a sheet per section", "[output][template]") {
  const Workbook& wb = workbook_2025();
  std::vector<std::string> names;
  for (const Sheet& s : wb.sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Instruktioner", "1 Befintliga tjänster", "2 Förslag",
                                          "3.1a Förvaltning", "3.1b Utveckling",
                                          "3.1c Nya insatser", "3.2 Fördelningsnycklar",
                                          "4 Långsiktig utveckling"});
  // Sections 1 and 4 and the analysis fields, as the suppliers received them (seed 003).
  auto one = cells(wb, "1 Befintliga tjänster");
  for (const char* text : {"1 Befintliga bastjänster och digital infrastruktur",
                           "1.1 Genomförd effekthemtagning", "Genomförda förändringsinsatser",
                           "1.2 Status konsolidering", "Konsolideringsplan nya kunder",
                           "1.3 Portföljanalys", "1.4 Pågående förändringsinsatser",
                           "Pågående förändringsinsats 3", "Projektmål", "Tidplan",
                           "Kommentar avvikelser", "Leverantörens analys"}) {
    INFO(text);
    CHECK(has_text(one, text));
  }
  auto two = cells(wb, "2 Förslag");
  CHECK(has_text(two, "2.1 Framåtsyftande portföljanalys"));
  CHECK(has_text(two, "Leverantörens analys"));
  auto four = cells(wb, "4 Långsiktig utveckling");
  CHECK(four["A1"] ==
        "4 Långsiktig utveckling och avveckling av bastjänster och digital infrastruktur");
  CHECK(has_text(four, "Leverantörens analys"));
  for (const char* sheet : {"3.1a Förvaltning", "3.1b Utveckling", "3.1c Nya insatser",
                            "3.2 Fördelningsnycklar"}) {
    INFO(sheet);
    CHECK(has_text(cells(wb, sheet), "Leverantörens analys"));
  }
}

TEST_CASE("template's 3.1 tables: titles, year headings, totals as SUM", "[output][template]") {
  // 3.1a: title, header, 15 input rows (3..17), Totalkostnad on row 18.
  auto a = cells(workbook_2025(), "3.1a Förvaltning");
  CHECK(a["A1"].find("3.1a Förvaltningskostnader") == 0);
  CHECK(a["A2"] == "Tjänst");
  CHECK(a["B2"] == "Utfall 2023");
  CHECK(a["C2"] == "Budget 2024");
  CHECK(a["D2"] == "Prognos budget 2025");
  CHECK(a["A18"] == "Totalkostnad");
  CHECK(a["B18"] == "=SUM(B3:B17)");
  CHECK(a["D18"] == "=SUM(D3:D17)");
  // 3.1b: title 1, groups 2, header 3, rows 4..18, total 19.
  auto b = cells(workbook_2025(), "3.1b Utveckling");
  CHECK(b["A1"].find("3.1b Utvecklingskostnader") == 0);
  CHECK(b["B2"] == "Utvecklingskostnad");
  CHECK(b["E2"] == "Påverkan förvaltningskostnad (nivå per år)");
  CHECK(b["A3"] == "Tjänst");
  CHECK(b["D3"] == "Prognos budget 2025");
  CHECK(b["E3"] == "Nivå 2025");
  CHECK(b["G3"] == "Nivå 2027");
  CHECK(b["A19"] == "Totalkostnad");
  CHECK(b["G19"] == "=SUM(G4:G18)");
  // 3.1c: title 1, groups 2, header 3, rows 4..13, total 14.
  auto c = cells(workbook_2025(), "3.1c Nya insatser");
  CHECK(c["A1"].find("3.1c Kostnader för nya förändringsinsatser") == 0);
  CHECK(c["A3"] == "Förändringsinsats");
  CHECK(c["B3"] == "År 2025");
  CHECK(c["D3"] == "År 2027");
  CHECK(c["E3"] == "Nivå 2025");
  CHECK(c["A14"] == "Totalkostnad");
  CHECK(c["B14"] == "=SUM(B4:B13)");

  const Sheet* sheet = workbook_2025().sheet("3.1b Utveckling");
  bool merged_group = false;
  for (const auto& m : sheet->merged) {
    merged_group = merged_group || arsanalys::xlsx::to_string(m) == "E2:G2";
  }
  CHECK(merged_group);
}

TEST_CASE("template's headings and totals are protected, its inputs not", "[output][template]") {
  ZipArchive zip(bytes_of(template_2025()), "mall.xlsx");
  for (int n = 1; n <= 8; ++n) {
    std::string part = "xl/worksheets/sheet" + std::to_string(n) + ".xml";
    std::string xml = zip.read(part, 1 << 24);
    INFO(part);
    // Sheet protection without a password: a supplier can still lift it (Granska > Ta bort
    // bladskydd). Rows may be inserted, columns not.
    CHECK(xml.find("<sheetProtection sheet=\"1\"") != std::string::npos);
    CHECK(xml.find("password") == std::string::npos);
    CHECK(xml.find("insertRows=\"0\"") != std::string::npos);
    CHECK(xml.find("insertColumns=\"0\"") == std::string::npos);
  }
  // The input cells' formats are unlocked; the headings' and totals' are not.
  std::string styles = zip.read("xl/styles.xml", 1 << 24);
  CHECK(styles.find("<protection locked=\"0\"/>") != std::string::npos);
  const Workbook& wb = workbook_2025();
  const Sheet* costs = wb.sheet("3.1a Förvaltning");
  const Cell* total = costs->find(17, 1);  // B18
  REQUIRE(total != nullptr);
  std::string sheet = zip.read("xl/worksheets/sheet4.xml", 1 << 24);
  auto style_of = [&](const std::string& ref) {
    std::string cell = "<c r=\"" + ref + "\" s=\"";
    std::size_t at = sheet.find(cell);
    REQUIRE(at != std::string::npos);
    return std::stoi(sheet.substr(at + cell.size()));
  };
  auto xf_of = [&](int style) {
    std::size_t xf = styles.find("<cellXfs");
    for (int i = 0; i <= style && xf != std::string::npos; ++i) xf = styles.find("<xf ", xf + 1);
    return styles.substr(xf, styles.find("</xf>", xf) - xf);
  };
  CHECK(xf_of(style_of("B3")).find("locked=\"0\"") != std::string::npos);   // an amount
  CHECK(xf_of(style_of("B18")).find("locked=\"0\"") == std::string::npos);  // its total
  CHECK(xf_of(style_of("A2")).find("locked=\"0\"") == std::string::npos);   // a heading
}

TEST_CASE("template's 3.1 tables carry print titles", "[output][template]") {
  ZipArchive zip(bytes_of(template_2025()), "mall.xlsx");
  std::string book = zip.read("xl/workbook.xml", 1 << 24);
  CHECK(book.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"3\">"
                  "'3.1a Förvaltning'!$1:$2</definedName>") != std::string::npos);
  CHECK(book.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"4\">"
                  "'3.1b Utveckling'!$1:$3</definedName>") != std::string::npos);
  CHECK(book.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"5\">"
                  "'3.1c Nya insatser'!$1:$3</definedName>") != std::string::npos);
}

TEST_CASE("template's input cells are formatted as whole tkr", "[output][template]") {
  // Empty input cells are not in the read model; look at the parts themselves.
  ZipArchive zip(bytes_of(template_2025()), "mall.xlsx");
  std::string sheet = zip.read("xl/worksheets/sheet4.xml", 1 << 24);
  std::string styles = zip.read("xl/styles.xml", 1 << 24);
  const std::string cell = "<c r=\"B3\" s=\"";
  std::size_t at = sheet.find(cell);
  REQUIRE(at != std::string::npos);
  int style = std::stoi(sheet.substr(at + cell.size()));
  std::size_t xf = styles.find("<cellXfs");
  for (int i = 0; i <= style && xf != std::string::npos; ++i) xf = styles.find("<xf ", xf + 1);
  REQUIRE(xf != std::string::npos);
  REQUIRE(styles.compare(xf, 14, "<xf numFmtId=\"") == 0);
  std::string id = styles.substr(xf + 14, styles.find('"', xf + 14) - xf - 14);
  CHECK(styles.find("<numFmt numFmtId=\"" + id + "\" formatCode=\"#,##0\"/>") != std::string::npos);

  const Workbook& wb = workbook_2025();
  const Cell* total = wb.sheet("3.1a Förvaltning")->find(17, 1);  // B18
  REQUIRE(total != nullptr);
  CHECK(wb.format(*total).code == "#,##0");
}

TEST_CASE("template's 3.2 table and instructions", "[output][template]") {
  auto keys = cells(workbook_2025(), "3.2 Fördelningsnycklar");
  CHECK(keys["A1"] == "3.2 Förslag justering av fördelningsnycklar");
  CHECK(keys["A2"] == "Tjänst");
  CHECK(keys["B2"] == "Nuvarande fördelningsnyckel");
  CHECK(keys["C2"] == "Förslag justering");
  CHECK(keys["D2"] == "Motivering");
  CHECK_FALSE(has_text(keys, "Totalkostnad"));

  auto intro = cells(workbook_2025(), "Instruktioner");
  CHECK(intro["A1"] == "Årlig analys av digital utveckling och förvaltning 2025");
  CHECK(intro["A3"] == "Leverantör");
  CHECK(intro["B4"] == "2025");
  bool mentions_validate = false;
  for (const auto& [ref, text] : intro) {
    mentions_validate = mentions_validate || text.find("arsanalys validate") != std::string::npos;
    CHECK(text.find("{Y") == std::string::npos);
  }
  CHECK(mentions_validate);
  CHECK(has_text(intro, "1."));
}

TEST_CASE("template's 2.2 forms", "[output][template]") {
  auto c = cells(workbook_2025(), "2 Förslag");
  for (int n = 1; n <= 5; ++n) {
    CHECK(has_text(c, "Föreslagen förändringsinsats " + std::to_string(n)));
  }
  CHECK_FALSE(has_text(c, "Föreslagen förändringsinsats 6"));
  CHECK(c["A9"] == "Föreslagen förändringsinsats 1");
  CHECK(c["B9"] == "Svar");
  CHECK(c["C9"] == "Kommentar");
  CHECK(c["A10"] == "Namn på förändringsinsats");
  // The form's parts as in the city's template.
  CHECK(c["A11"] == "Strategisk del");
  CHECK(has_text(c, "Informationssäkerhet"));
  CHECK(has_text(c, "Teknisk del"));
  CHECK(has_text(c, "Ekonomisk del"));
  CHECK(has_text(c, "Är informationsklassning genomförd? JA / NEJ"));
  CHECK(has_text(c, "Påverkan förvaltningskostnad 2025, 2026, 2027 (nivå per år, tkr)"));

  std::string more = template_workbook(builtin_template(), {.year = 2025, .forms = 8});
  auto c8 = cells(read_workbook(bytes_of(more), "mall.xlsx"), "2 Förslag");
  CHECK(has_text(c8, "Föreslagen förändringsinsats 8"));
}

TEST_CASE("template carries data validation: JA/NEJ lists and amounts", "[output][template]") {
  ZipArchive zip(bytes_of(template_2025()), "mall.xlsx");
  std::string forms = zip.read("xl/worksheets/sheet3.xml", 1 << 24);
  CHECK(forms.find("<dataValidation type=\"list\"") != std::string::npos);
  CHECK(forms.find("\"JA,NEJ\"") != std::string::npos);
  std::string costs = zip.read("xl/worksheets/sheet4.xml", 1 << 24);
  CHECK(costs.find("<dataValidation type=\"decimal\"") != std::string::npos);
  CHECK(costs.find("sqref=\"B3:B17\"") != std::string::npos);
  std::string keys = zip.read("xl/worksheets/sheet7.xml", 1 << 24);
  CHECK(keys.find("<dataValidation") == std::string::npos);  // text only
  std::string core = zip.read("docProps/core.xml", 1 << 20);
  CHECK(core.find("2024-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("template bytes are reproducible and follow the year", "[output][template]") {
  std::string again = template_workbook(builtin_template(), {.year = 2025});
  CHECK(again == template_2025());
  std::string other = template_workbook(builtin_template(), {.year = 2026});
  CHECK(other != template_2025());
  auto c = cells(read_workbook(bytes_of(other), "mall.xlsx"), "3.1a Förvaltning");
  CHECK(c["B2"] == "Utfall 2024");
  CHECK(c["D2"] == "Prognos budget 2026");
}

TEST_CASE("write_template writes the file atomically", "[output][template]") {
  TempDir dir;
  fs::path path = dir.path() / "arlig-analys-2025.xlsx";
  write_template(builtin_template(), {.year = 2025}, path);
  std::vector<std::byte> written = arsanalys::read_file(path, "mall");
  CHECK(std::string(reinterpret_cast<const char*>(written.data()), written.size()) ==
        template_2025());
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no temporary file left behind

  CHECK_THROWS_AS(
      write_template(builtin_template(), {.year = 2025}, dir.path() / "saknas" / "mall.xlsx"),
      RunError);
}

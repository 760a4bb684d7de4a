#include "analys/template_def.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"

using arsanalys::RunError;
using arsanalys::analys::builtin_template;
using arsanalys::analys::ColumnKind;
using arsanalys::analys::expand;
using arsanalys::analys::parse_template_def;
using arsanalys::analys::TableDef;
using arsanalys::analys::TemplateDef;

namespace {

/// ASCII lower case; the contract's title words have no capital beyond ASCII in the titles.
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// The message of the RunError that parsing `text` throws ("" when it parses).
std::string parse_error(const std::string& text) {
  try {
    parse_template_def(text, "prov.toml");
  } catch (const RunError& e) {
    return e.what();
  }
  return "";
}

/// The smallest valid definition, to which a test adds one defect.
const char* const kMinimal = R"(name = "Årlig analys"
form_title = "Föreslagen förändringsinsats {N}"
[[tables]]
id = "forvaltning"
section = "3.1a"
title = "Förvaltningskostnader"
title_words = ["förvaltningskostnad"]
label_heading = "Tjänst"
[[tables.columns]]
kind = "budget"
year_offset = -1
heading = "Budget {Y}"
)";

}  // namespace

TEST_CASE("builtin template has the contract's four tables and their title words",
          "[analys][template]") {
  const TemplateDef& def = builtin_template();
  REQUIRE(def.tables.size() == 4);
  struct Expect {
    const char* id;
    const char* word;
    const char* label;
    const char* total;
  };
  for (const Expect& e :
       {Expect{"forvaltning", "förvaltningskostnad", "Tjänst", "Totalkostnad"},
        Expect{"utveckling", "utvecklingskostnad", "Tjänst", "Totalkostnad"},
        Expect{"nya_insatser", "nya förändringsinsatser", "Förändringsinsats", "Totalkostnad"},
        Expect{"nycklar", "fördelningsnyck", "Tjänst", ""}}) {
    INFO(e.id);
    const TableDef* t = def.table(e.id);
    REQUIRE(t != nullptr);
    CHECK(contains(t->title_words, e.word));
    CHECK(lower(t->title).find(e.word) != std::string::npos);
    CHECK(t->label_heading == e.label);
    CHECK(t->total_label == e.total);
    CHECK(t->blank_rows > 0);
  }
  CHECK(def.table("forslag") == nullptr);
  CHECK(contains(def.form_title_words, "förändringsinsats"));
  CHECK(expand(def.form_title, 2025, 3) == "Föreslagen förändringsinsats 3");
}

TEST_CASE("builtin template's headings carry the right years", "[analys][template]") {
  const TemplateDef& def = builtin_template();
  auto headings = [&](const char* id) {
    std::vector<std::string> out;
    for (const auto& c : def.table(id)->columns)
      out.push_back(expand(c.heading, 2025 + c.year_offset));
    return out;
  };
  CHECK(headings("forvaltning") ==
        std::vector<std::string>{"Utfall 2023", "Budget 2024", "Prognos budget 2025"});
  CHECK(headings("utveckling") == std::vector<std::string>{"Utfall 2023", "Budget 2024",
                                                           "Prognos budget 2025", "Nivå 2025",
                                                           "Nivå 2026", "Nivå 2027"});
  CHECK(headings("nya_insatser") == std::vector<std::string>{"År 2025", "År 2026", "År 2027",
                                                             "Nivå 2025", "Nivå 2026",
                                                             "Nivå 2027"});
  CHECK(headings("nycklar") ==
        std::vector<std::string>{"Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"});

  std::vector<ColumnKind> kinds;
  for (const auto& c : def.table("utveckling")->columns) kinds.push_back(c.kind);
  CHECK(kinds == std::vector<ColumnKind>{ColumnKind::utfall, ColumnKind::budget,
                                         ColumnKind::prognos, ColumnKind::effekt,
                                         ColumnKind::effekt, ColumnKind::effekt});
  for (const auto& c : def.table("utveckling")->columns) {
    if (c.kind == ColumnKind::effekt) CHECK(c.group.find("Påverkan förvaltningskostnad") == 0);
  }
}

TEST_CASE("builtin template's 2.2 form: required and JA/NEJ fields", "[analys][template]") {
  const TemplateDef& def = builtin_template();
  std::set<std::string> required, yes_no, ids;
  for (const auto& f : def.form_fields) {
    ids.insert(f.id);
    if (f.required) required.insert(f.id);
    if (f.yes_no) yes_no.insert(f.id);
    CHECK_FALSE(f.words.empty());
  }
  CHECK(ids.size() == def.form_fields.size());
  CHECK(def.form_fields.size() == 20);
  CHECK(required ==
        std::set<std::string>{"effektmal", "informationsklassning", "konsekvensanalys", "budget"});
  CHECK(yes_no == std::set<std::string>{"projektform", "informationsklassning", "konsekvensanalys",
                                        "it_sakerhet", "arkitektur", "digital_infrastruktur"});
  CHECK(def.form_fields.front().id == "namn");
  CHECK_FALSE(def.instructions.empty());
}

TEST_CASE("embedded definition is the file in templates/", "[analys][template]") {
  std::ifstream in(std::string(ARSANALYS_SOURCE_DIR) + "/templates/arlig_analys.toml",
                   std::ios::binary);
  REQUIRE(in);
  std::string text(std::istreambuf_iterator<char>(in), {});
  TemplateDef file = parse_template_def(text, "arlig_analys.toml");
  const TemplateDef& built = builtin_template();
  REQUIRE(file.tables.size() == built.tables.size());
  for (std::size_t i = 0; i < file.tables.size(); ++i) {
    CHECK(file.tables[i].title == built.tables[i].title);
    CHECK(file.tables[i].columns.size() == built.tables[i].columns.size());
  }
  REQUIRE(file.form_fields.size() == built.form_fields.size());
  for (std::size_t i = 0; i < file.form_fields.size(); ++i) {
    CHECK(file.form_fields[i].label == built.form_fields[i].label);
  }
  CHECK(file.instructions == built.instructions);
}

TEST_CASE("expand replaces year and number placeholders", "[analys][template]") {
  CHECK(expand("Budget {Y}", 2024) == "Budget 2024");
  CHECK(expand("{Y-2}, {Y-1}, {Y}, {Y+1}, {Y+2}", 2025) == "2023, 2024, 2025, 2026, 2027");
  CHECK(expand("Föreslagen förändringsinsats {N}", 2025, 7) == "Föreslagen förändringsinsats 7");
  CHECK(expand("{X} {Y+} {Y+a} {", 2025) == "{X} {Y+} {Y+a} {");
  CHECK(expand("", 2025).empty());
  CHECK(expand("inga platshållare", 2025) == "inga platshållare");
}

TEST_CASE("minimal definition parses with defaults", "[analys][template]") {
  TemplateDef def = parse_template_def(kMinimal, "prov.toml");
  REQUIRE(def.tables.size() == 1);
  const TableDef& t = def.tables[0];
  CHECK(t.total_label.empty());
  CHECK(t.blank_rows == 0);
  REQUIRE(t.columns.size() == 1);
  CHECK(t.columns[0].kind == ColumnKind::budget);
  CHECK(t.columns[0].year_offset == -1);
  CHECK(t.columns[0].group.empty());
  CHECK(def.form_fields.empty());
}

TEST_CASE("bad definitions give a RunError naming the line", "[analys][template]") {
  std::string base = kMinimal;  // 12 lines
  CHECK(parse_error("name = \"x\"\nform_title = \"y\"\ntitle = [1,\n")
            .rfind("prov.toml:3: ogiltig TOML:", 0) == 0);
  CHECK(parse_error("name = \"x\"\nname = \"y\"\n").rfind("prov.toml:2: ogiltig TOML:", 0) == 0);
  CHECK(parse_error("\n\nform_title = \"x\"\n") ==
        "prov.toml:1: nyckeln 'name' saknas i mallens definition.");
  CHECK(parse_error(base + "titel = \"x\"\n") ==
        "prov.toml:13: okänd nyckel 'titel' i [[tables.columns]].");
  CHECK(parse_error(base + "[[tables.columns]]\nkind = \"summa\"\nheading = \"x\"\n") ==
        "prov.toml:14: okänd kolumntyp 'summa' (väntade utfall, budget, prognos, kostnad, "
        "effekt eller text).");
  CHECK(parse_error(base + "words = [\"Budget\"]\n") ==
        "prov.toml:13: 'words' ska skrivas med gemener (små bokstäver), fann 'Budget'.");
  CHECK(parse_error(base + "words = [\"Öppna\"]\n").rfind("prov.toml:13: 'words' ska", 0) == 0);
  CHECK(parse_error(base + "year_offset = \"-1\"\n").rfind("prov.toml:13: ogiltig TOML", 0) == 0);
  CHECK(parse_error(base + "[[tables.columns]]\nkind = \"utfall\"\nyear_offset = 99\n"
                           "heading = \"x\"\n") ==
        "prov.toml:15: 'year_offset' ska vara ett heltal från -10 till 10.");
  CHECK(parse_error(base + "[[tables.columns]]\nkind = \"utfall\"\n") ==
        "prov.toml:13: nyckeln 'heading' saknas i [[tables.columns]].");
  CHECK(parse_error(base + "[[tables]]\nid = \"forvaltning\"\nsection = \"x\"\ntitle = \"x\"\n"
                           "title_words = [\"x\"]\nlabel_heading = \"x\"\n[[tables.columns]]\n"
                           "kind = \"text\"\nheading = \"x\"\n") ==
        "prov.toml:13: tabellen 'forvaltning' finns två gånger.");
  CHECK(parse_error(base + "[[form_fields]]\nid = \"namn\"\nlabel = \"Namn\"\nyes_no = \"JA\"\n"
                           "words = [\"namn\"]\n") ==
        "prov.toml:16: 'yes_no' ska vara true eller false.");
}

TEST_CASE("builtin template's outline: every section of the Årlig analys", "[analys][template]") {
  const TemplateDef& def = builtin_template();
  std::vector<std::string> names, tables;
  int analyses = 0;
  for (const auto& sheet : def.sheets) {
    names.push_back(sheet.name);
    for (const auto& part : sheet.parts) {
      if (!part.table.empty()) tables.push_back(part.table);
      analyses += part.analysis ? 1 : 0;
    }
  }
  CHECK(names == std::vector<std::string>{"1 Befintliga tjänster", "2 Förslag", "3.1a Förvaltning",
                                          "3.1b Utveckling", "3.1c Nya insatser",
                                          "3.2 Fördelningsnycklar", "4 Långsiktig utveckling"});
  CHECK(tables == std::vector<std::string>{"forvaltning", "utveckling", "nya_insatser", "nycklar"});
  // 1.1, 1.2, 1.3, 2.1, 2.2, 3.1a, 3.1b, 3.1c, 3.2 and 4, as in seed 003.
  CHECK(analyses == 10);
  std::vector<std::string> subheadings;
  for (const auto& f : def.form_fields) {
    if (!f.subheading.empty()) subheadings.push_back(f.subheading);
  }
  CHECK(subheadings == std::vector<std::string>{"Strategisk del", "Informationssäkerhet",
                                                "Teknisk del", "Ekonomisk del"});
}

TEST_CASE("an outline naming an unknown table is refused", "[analys][template]") {
  std::string base = kMinimal;  // 12 lines
  CHECK(parse_error(base + "[[sheets]]\nname = \"x\"\n[[sheets.parts]]\ntable = \"saknas\"\n") ==
        "prov.toml:15: tabellen 'saknas' finns inte bland [[tables]].");
  CHECK(parse_error(base + "[[sheets]]\nname = \"x\"\n[[sheets.parts]]\ntable = \"forvaltning\"\n"
                           "proposals = true\n") ==
        "prov.toml:15: en del av ett blad kan ha högst en av columns, form, proposals och "
        "table.");
}

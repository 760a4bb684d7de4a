#include "sammanstallning/settings.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

using arsanalys::describe;
using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::Level;
using arsanalys::parse_decimal;
using arsanalys::analys::Impact;
using namespace arsanalys::sammanstallning;

namespace {

const std::string kSample = std::string(ARSANALYS_SOURCE_DIR) + "/samples/2024/omgang.toml";

/// The settings of `text` read as omgang.toml, its findings in `findings`.
Settings read(const std::string& text, Findings& findings) {
  return read_settings(text, "omgang.toml", findings);
}

/// The one finding `text` gives (a failed check when it gives another number).
Finding only_finding(const std::string& text) {
  Findings findings;
  read(text, findings);
  REQUIRE(findings.size() == 1);
  return findings[0];
}

}  // namespace

TEST_CASE("exact rationals: reduced, as basis points, as Swedish decimals", "[settings]") {
  CHECK(make_rational(165, 50) == Rational{33, 10});
  CHECK(make_rational(3, -6) == Rational{-1, 2});
  CHECK(make_rational(0, 7) == Rational{0, 1});
  CHECK(parse_decimal("3,3") == Rational{33, 10});
  CHECK(parse_decimal("3.325") == Rational{133, 40});
  CHECK(parse_decimal("-0,5") == Rational{-1, 2});
  CHECK_FALSE(parse_decimal("3,3,3"));
  CHECK_FALSE(parse_decimal(""));
  CHECK_FALSE(parse_decimal("1e5"));
  CHECK(format_decimal(Rational{33, 10}) == "3,3");
  CHECK(format_decimal(Rational{22, 25}) == "0,88");
  CHECK(format_decimal(Rational{6, 1}) == "6");
  CHECK(format_decimal(Rational{-9, 2}) == "-4,5");
  CHECK(format_decimal(Rational{1, 3}) == "ca 0,3333");
  CHECK(format_decimal(Rational{2, 3}) == "ca 0,6667");
  CHECK(format_decimal(Rational{99999, 1}) == "99999");
}

TEST_CASE("the sample round's omgang.toml", "[settings]") {
  Findings findings;
  Settings s = read_settings_file(kSample, findings);
  CHECK(findings.empty());
  CHECK(s.analysar == 2024);

  // 0,88 × 3 + 0,12 × 5,5 = 3,3 exactly.
  CHECK(s.index.personal == Rational{3, 1});
  CHECK(s.index.inkop == Rational{11, 2});
  CHECK(s.index.personalandel == Rational{22, 25});
  CHECK(s.index.procent == Rational{33, 10});
  CHECK(*s.index.procent == Rational{33, 10});
  CHECK(s.index.blandat);
  CHECK_FALSE(s.kf_index.has_value());
  CHECK(s.prisindex == std::map<int, Rational>{{2023, {9, 2}}, {2024, {33, 10}}});

  REQUIRE(s.leverantorer.size() == 3);
  const LeverantorSettings& dms = s.leverantorer.at("Nämnden för demokrati och medborgarservice");
  CHECK(dms.index == Rational{6, 1});
  CHECK(dms.paverkan == Impact::unknown);  // deliberately unset in the sample
  const LeverantorSettings& ink = s.leverantorer.at("Nämnden för inköp och upphandling");
  CHECK(ink.index == Rational{6, 1});
  CHECK(ink.paverkan == Impact::level);
  const LeverantorSettings& is = s.leverantorer.at("Nämnden för Intraservice");
  CHECK_FALSE(is.index.has_value());
  CHECK(is.paverkan == Impact::change);

  REQUIRE(s.alternativ.size() == 3);
  const Alternativ& b = s.alternativ[0];
  CHECK(b.leverantor == "Nämnden för demokrati och medborgarservice");
  CHECK(b.namn == 'B');
  CHECK(b.insatser == std::vector<std::string>{"Kommunikationsinsats kring Göteborgsförslaget"});
  const Alternativ& c = s.alternativ[1];
  CHECK(c.leverantor == "Nämnden för inköp och upphandling");
  CHECK(c.namn == 'C');
  CHECK(c.utveckling_minus_kr == 1'400'000);
  CHECK(c.forvaltning_minus_kr == 0);
  const Alternativ& d = s.alternativ[2];
  CHECK(d.leverantor == "Nämnden för Intraservice");
  CHECK(d.namn == 'D');
  // Issue 13: D's level is the March forecast (variant 1); its examples of X are reckoned on
  // budget 2023 as the annex does, beside Utfall 2022.
  CHECK(d.bas_kr == 918'500'000);
  CHECK(d.minskning_procent == std::vector<Rational>{{7, 1}, {12, 1}, {17, 1}, {22, 1}});
  CHECK(d.exempel_bas == Alternativ::ExempelBas::tkr);
  CHECK(d.exempel_bas_kr == 958'500'000);
  CHECK(d.jamforelse == std::vector<std::string>{"utfall"});

  CHECK(describe_defaults(s) ==
        "Inställningar för omgången (standard = inte angivet i omgang.toml):\n"
        "  analysår: 2024\n"
        "  index: 3,3 % (vägt: personal 3 % med andelen 0,88, inköp 5,5 % med andelen 0,12)\n"
        "  KF:s index: inget angivet, ramarna visas \"+ index\" (standard)\n"
        "  prisindex: 2023 4,5 %, 2024 3,3 %\n"
        "  leverantör 'Nämnden för Intraservice': index enligt omgången (standard), påverkan "
        "förändring enskilt år\n"
        "  leverantör 'Nämnden för demokrati och medborgarservice': index 6 %, påverkan läses ur "
        "underlaget (standard)\n"
        "  leverantör 'Nämnden för inköp och upphandling': index 6 %, påverkan nivå\n"
        "  alternativ A (godkänn i sin helhet): för varje leverantör (standard)\n"
        "  alternativ B för 'Nämnden för demokrati och medborgarservice': utan insatserna "
        "'Kommunikationsinsats kring Göteborgsförslaget'\n"
        "  alternativ C för 'Nämnden för inköp och upphandling': utvecklingsramen minskad med "
        "1 400 tkr\n"
        "  alternativ D för 'Nämnden för Intraservice': förvaltningsramen 918 500 tkr (variant "
        "1), minskad med X % (variant 2); exempel på X: 7 %, 12 %, 17 %, 22 % av 958 500 tkr; "
        "utvecklingsramen budget föregående år; jämförelse: utfall; 5 medskick\n");
}

TEST_CASE("an empty file and a missing file give every default", "[settings]") {
  const std::string all_defaults =
      "Inställningar för omgången (standard = inte angivet i omgang.toml):\n"
      "  analysår: läses ur underlagen (standard)\n"
      "  index: inget angivet, läses ur underlagen (standard)\n"
      "  KF:s index: inget angivet, ramarna visas \"+ index\" (standard)\n"
      "  prisindex: ingen serie angiven (standard)\n"
      "  leverantörer: inga särskilda inställningar (standard)\n"
      "  alternativ A (godkänn i sin helhet): för varje leverantör (standard)\n";
  SECTION("empty") {
    Findings findings;
    Settings s = read("", findings);
    CHECK(findings.empty());
    CHECK(s.analysar == 0);
    CHECK_FALSE(s.index.procent.has_value());
    CHECK_FALSE(s.index.blandat);
    CHECK(s.prisindex.empty());
    CHECK(s.leverantorer.empty());
    CHECK(s.alternativ.empty());
    CHECK(describe_defaults(s) == all_defaults);
  }
  SECTION("only comments") {
    Findings findings;
    CHECK(describe_defaults(read("# inget här\n\n", findings)) == all_defaults);
    CHECK(findings.empty());
  }
  SECTION("missing") {
    Findings findings;
    Settings s = read_settings_file(
        std::filesystem::path(ARSANALYS_SOURCE_DIR) / "finns-inte" / "omgang.toml", findings);
    CHECK(describe_defaults(s) == all_defaults);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].code == "SETTINGS_DEFAULTS");
    CHECK(findings[0].level == Level::info);
    CHECK(describe(findings[0]) ==
          "omgang.toml: filen finns inte; alla inställningar har sina standardvärden.");
  }
  SECTION("a folder where the file should be") {
    Findings findings;
    Settings s = read_settings_file(ARSANALYS_SOURCE_DIR, findings);
    CHECK(describe_defaults(s) == all_defaults);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].code == "SETTINGS_INVALID");
    CHECK(findings[0].level == Level::fel);
    CHECK(findings[0].message ==
          "är en mapp, ingen fil. Alla inställningar har sina standardvärden.");
  }
}

TEST_CASE("bad TOML syntax: one fel naming the line, and every default", "[settings]") {
  Findings findings;
  Settings s = read("analysar = 2024\n[index]\npersonal = \n", findings);
  CHECK(s.analysar == 0);  // nothing of a file that does not parse is used
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.code == "SETTINGS_INVALID");
  CHECK(f.level == Level::fel);
  CHECK(f.where.file == "omgang.toml");
  CHECK(f.where.sheet.empty());
  CHECK(f.where.cell == "rad 3");
  CHECK(f.message ==
        "ogiltig TOML: Error while parsing key-value pair: expected value, saw '\\n'. Filen "
        "används inte; alla inställningar har sina standardvärden.");
  CHECK(describe(f) == "omgang.toml rad 3: " + f.message);

  CHECK(only_finding("[index\n").message ==
        "ogiltig TOML: Error while parsing table header: expected ']', saw '\\n'. Filen används "
        "inte; alla inställningar har sina standardvärden.");
  CHECK(only_finding("a = 1\n\n\na = 2\n").where.cell == "rad 4");
}

TEST_CASE("unknown keys: a varning with the line, and a suggestion when one is close",
          "[settings]") {
  struct Case {
    std::string text;
    std::string cell;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[index]\nprocent = 3.3\nprocentt = 3.3\n", "rad 3",
       "okänd nyckel 'procentt' i [index] (menade du 'procent'?). Nyckeln används inte."},
      {"analysår = 2024\n", "rad 1", ""},  // a bare key must be ASCII: a syntax error
      {"\"analysår\" = 2024\n", "rad 1",
       "okänd nyckel 'analysår' (menade du 'analysar'?). Nyckeln används inte."},
      {"Kf_Index = 3\n", "rad 1",
       "okänd nyckel 'Kf_Index' (menade du 'kf_index'?). Nyckeln används inte."},
      {"omgang = 2024\n", "rad 1",
       "okänd nyckel 'omgang'; kända nycklar: analysar, index, kf_index, prisindex, leverantor, "
       "alternativ, justering, bilaga, foregaende. Nyckeln används inte."},
      {"[leverantor.\"X\"]\nindex = 6\npaverkn = \"niva\"\n", "rad 3",
       "okänd nyckel 'paverkn' i [leverantor.\"X\"] (menade du 'paverkan'?). Nyckeln används "
       "inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus = 1400\n"
       "utveckling_minus_tkr = 1\n",
       "rad 4",
       "okänd nyckel 'utveckling_minus' i [[alternativ]] (menade du 'utveckling_minus_tkr'?). "
       "Nyckeln används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus_tkr = 1\n"
       "bas_tkr = 100\n",
       "rad 5", "'bas_tkr' gäller bara alternativ D, inte C. Nyckeln används inte."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Finding f = only_finding(c.text);
    CHECK(f.where.cell == c.cell);
    if (c.message.empty()) {
      CHECK(f.code == "SETTINGS_INVALID");
      continue;
    }
    CHECK(f.code == "SETTINGS_UNKNOWN_KEY");
    CHECK(f.level == Level::varning);
    CHECK(f.message == c.message);
  }

  // A misspelt part of the blend: the varning, and the fel that the blend lacks a part.
  Findings misspelt;
  Settings blend = read("[index]\npersonal = 3.0\ninkop = 5.5\npersonalandell = 0.88\n", misspelt);
  CHECK_FALSE(blend.index.procent.has_value());
  REQUIRE(misspelt.size() == 2);
  CHECK(misspelt[0].where.cell == "rad 1");
  CHECK(misspelt[0].level == Level::fel);
  CHECK(misspelt[0].message ==
        "ett vägt index kräver 'personal', 'inkop' och 'personalandel' i [index]; "
        "'personalandel' saknas. Inget index räknas fram.");
  CHECK(misspelt[1].where.cell == "rad 4");
  CHECK(misspelt[1].level == Level::varning);
  CHECK(misspelt[1].message ==
        "okänd nyckel 'personalandell' i [index] (menade du 'personalandel'?). Nyckeln används "
        "inte.");

  // The rest of the file is still used.
  Findings findings;
  Settings s =
      read("[index]\npersonal = 3.0\ninkop = 5.5\npersonalandel = 0.88\nfoo = 1\n", findings);
  CHECK(findings.size() == 1);
  CHECK(s.index.procent == Rational{33, 10});
}

TEST_CASE("wrong types and values out of range: a fel with the line; the key keeps its default",
          "[settings]") {
  struct Case {
    std::string text;
    std::string cell;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[index]\npersonal = \"tre\"\ninkop = 5.5\npersonalandel = 0.88\n", "rad 2",
       "'personal' i [index] ska vara ett tal i procent från 0 till 100, fann 'tre'. Värdet "
       "används inte."},
      {"[index]\ninkop = -1.0\npersonal = 3\npersonalandel = 0.88\n", "rad 2",
       "'inkop' i [index] ska vara ett tal i procent från 0 till 100, fann '-1.0'. Värdet "
       "används inte."},
      {"[index]\npersonalandel = 1.5\npersonal = 3\ninkop = 5.5\n", "rad 2",
       "'personalandel' i [index] ska vara ett tal från 0 till 1, fann '1.5'. Värdet används "
       "inte."},
      {"[index]\nprocent = 3.33333\n", "rad 2",
       "'procent' i [index] ska vara ett tal i procent från 0 till 100 med högst 4 decimaler, "
       "fann '3.33333'. Värdet används inte."},
      {"analysar = \"2024\"\n", "rad 1",
       "'analysar' ska vara ett årtal (heltal) från 2000 till 2100, fann '2024'. Värdet används "
       "inte."},
      {"analysar = 24\n", "rad 1",
       "'analysar' ska vara ett årtal (heltal) från 2000 till 2100, fann '24'. Värdet används "
       "inte."},
      {"kf_index = true\n", "rad 1",
       "'kf_index' ska vara ett tal i procent från 0 till 100, fann 'true'. Värdet används "
       "inte."},
      {"index = 3.3\n", "rad 1",
       "'index' ska vara en tabell [index], fann '3.3'. Värdet används inte."},
      {"[prisindex]\n2023 = 4.5\n2024 = \"3,3\"\n", "rad 3",
       "'2024' i [prisindex] ska vara ett tal i procent från -100 till 100, fann '3,3'. Värdet "
       "används inte."},
      {"[prisindex]\nx2024 = 3.3\n", "rad 2",
       "nyckeln 'x2024' i [prisindex] ska vara ett årtal från 2000 till 2100. Värdet används "
       "inte."},
      {"[leverantor.\"X\"]\nindex = -6\n", "rad 2",
       "'index' i [leverantor.\"X\"] ska vara ett tal i procent från 0 till 100, fann '-6'. "
       "Värdet används inte."},
      {"[leverantor.\"X\"]\npaverkan = \"nivå\"\n", "rad 2",
       "'paverkan' i [leverantor.\"X\"] ska vara \"niva\" eller \"forandring\", fann 'nivå' "
       "(menade du 'niva'?). Värdet används inte."},
      {"[leverantor.\"X\"]\npaverkan = \"båda\"\n", "rad 2",
       "'paverkan' i [leverantor.\"X\"] ska vara \"niva\" eller \"forandring\", fann 'båda'. "
       "Värdet används inte."},
      {"[leverantor]\nX = 6.0\n", "rad 2",
       "'X' i [leverantor] ska vara en tabell [leverantor.\"X\"], fann '6.0'. Värdet används "
       "inte."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Finding f = only_finding(c.text);
    CHECK(f.code == "SETTINGS_INVALID");
    CHECK(f.level == Level::fel);
    CHECK(f.where.cell == c.cell);
    CHECK(f.message == c.message);
  }

  // Broken keys keep their defaults; the valid rest is used.
  Findings findings;
  Settings s = read(
      "analysar = 2024\nkf_index = -3\n[prisindex]\n2023 = 4.5\n2024 = \"x\"\n"
      "[leverantor.\"X\"]\nindex = 6.0\npaverkan = \"nivå\"\n",
      findings);
  CHECK(findings.size() == 3);
  CHECK(s.analysar == 2024);
  CHECK_FALSE(s.kf_index.has_value());
  CHECK(s.prisindex == std::map<int, Rational>{{2023, {9, 2}}});
  CHECK(s.leverantorer.at("X").index == Rational{6, 1});
  CHECK(s.leverantorer.at("X").paverkan == Impact::unknown);
}

TEST_CASE("the index: blended, given directly, both, or incomplete", "[settings]") {
  SECTION("procent directly, as an integer or a float") {
    Findings findings;
    CHECK(read("[index]\nprocent = 3.3\n", findings).index.procent == Rational{33, 10});
    CHECK(read("[index]\nprocent = 6\n", findings).index.procent == Rational{6, 1});
    CHECK_FALSE(read("[index]\nprocent = 6\n", findings).index.blandat);
    CHECK(findings.empty());
  }
  SECTION("a blend that is not a whole number of basis points stays exact") {
    Findings findings;
    Settings s = read("[index]\npersonal = 3\ninkop = 5.5\npersonalandel = 0.87\n", findings);
    CHECK(findings.empty());
    CHECK(s.index.procent == Rational{133, 40});  // 3,325 %
    CHECK(format_decimal(*s.index.procent) == "3,325");
  }
  SECTION("both: procent is used, with a fel") {
    Findings findings;
    Settings s = read(
        "[index]\nprocent = 3.3\npersonal = 3.0\ninkop = 5.5\n"
        "personalandel = 0.88\n",
        findings);
    CHECK(s.index.procent == Rational{33, 10});
    CHECK_FALSE(s.index.blandat);
    CHECK(s.index.personal == Rational{3, 1});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].level == Level::fel);
    CHECK(findings[0].where.cell == "rad 2");
    CHECK(findings[0].message ==
          "[index] anger både 'procent' och 'personal', 'inkop' och 'personalandel'; ange "
          "antingen 'procent' eller 'personal', 'inkop' och 'personalandel'. 'procent' = 3,3 % "
          "används.");
  }
  SECTION("incomplete: no index") {
    Findings findings;
    Settings s = read("analysar = 2024\n[index]\npersonal = 3.0\ninkop = 5.5\n", findings);
    CHECK_FALSE(s.index.procent.has_value());
    CHECK(s.index.inkop == Rational{11, 2});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].level == Level::fel);
    CHECK(findings[0].where.cell == "rad 2");
    CHECK(findings[0].message ==
          "ett vägt index kräver 'personal', 'inkop' och 'personalandel' i [index]; "
          "'personalandel' saknas. Inget index räknas fram.");
  }
  SECTION("a part present but broken is reported once") {
    Findings findings;
    Settings s = read("[index]\npersonal = \"tre\"\ninkop = 5.5\npersonalandel = 0.88\n", findings);
    CHECK_FALSE(s.index.procent.has_value());
    CHECK(findings.size() == 1);
  }
}

TEST_CASE("alternatives B, C, D and what makes one unusable", "[settings]") {
  SECTION("B removes named initiatives; C cuts either frame; tkr with decimals is exact") {
    Findings findings;
    Settings s = read(R"([[alternativ]]
leverantor = "X"
namn = "B"
insatser = ["Ny e-tjänst", "Ärendesystem"]
[[alternativ]]
leverantor = "X"
namn = "C"
forvaltning_minus_tkr = 250.5
[[alternativ]]
leverantor = "Y"
namn = "D"
bas_tkr = 918500
minskning_procent = [7.5, 12]
)",
                      findings);
    CHECK(findings.empty());
    REQUIRE(s.alternativ.size() == 3);
    CHECK(s.alternativ[0].insatser == std::vector<std::string>{"Ny e-tjänst", "Ärendesystem"});
    CHECK(s.alternativ[0].rad == 1);
    CHECK(s.alternativ[1].forvaltning_minus_kr == 250'500);
    CHECK(s.alternativ[1].utveckling_minus_kr == 0);
    CHECK(s.alternativ[2].bas_kr == 918'500'000);
    CHECK(s.alternativ[2].minskning_procent == std::vector<Rational>{{15, 2}, {12, 1}});
    CHECK(s.alternativ[2].rad == 9);
    std::string text = describe_defaults(s);
    CHECK_THAT(text, Catch::Contains("  alternativ B för 'X': utan insatserna 'Ny e-tjänst', "
                                     "'Ärendesystem'\n"));
    CHECK_THAT(text, Catch::Contains("  alternativ C för 'X': förvaltningsramen minskad med "
                                     "250,5 tkr\n"));
    CHECK_THAT(text, Catch::Contains("  alternativ D för 'Y': förvaltningsramen 918 500 tkr "
                                     "(variant 1), minskad med X % (variant 2); exempel på X: "
                                     "7,5 %, 12 %\n"));
  }

  struct Case {
    std::string text;
    std::string cell;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[[alternativ]]\nnamn = \"C\"\nutveckling_minus_tkr = 1\n", "rad 1",
       "'leverantor' saknas i [[alternativ]]. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"c\"\n", "rad 3",
       "'namn' i [[alternativ]] ska vara A, B, C eller D, fann 'c'. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"B\"\n", "rad 1",
       "alternativ B för 'X' saknar 'insatser'. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"B\"\ninsatser = []\n", "rad 4",
       "'insatser' i [[alternativ]] ska vara en lista av texter, fann '[]'. Alternativet används "
       "inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\n", "rad 1",
       "alternativ C för 'X' saknar 'utveckling_minus_tkr' eller 'forvaltning_minus_tkr'. "
       "Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus_tkr = -1400\n", "rad 4",
       "'utveckling_minus_tkr' i [[alternativ]] ska vara ett belopp i tkr från 0 till "
       "1 000 000 000, fann '-1400'. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus_tkr = 1.2345\n", "rad 4",
       "'utveckling_minus_tkr' i [[alternativ]] ska vara ett belopp i tkr från 0 till "
       "1 000 000 000 med högst 3 decimaler (hela kronor), fann '1.2345'. Alternativet används "
       "inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"D\"\nbas_tkr = 958500\n", "rad 1",
       "alternativ D för 'X' saknar 'minskning_procent'. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"D\"\n", "rad 1",
       "alternativ D för 'X' saknar 'bas_tkr' och 'minskning_procent'. Alternativet används "
       "inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"D\"\nbas_tkr = 958500\n"
       "minskning_procent = [7,\n  120]\n",
       "rad 6",
       "'minskning_procent' i [[alternativ]] ska vara en lista av tal (ett tal i procent från 0 "
       "till 100), fann '120'. Alternativet används inte."},
      {"[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus_tkr = 1\n"
       "[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\nutveckling_minus_tkr = 2\n",
       "rad 5", "alternativ C för 'X' står redan på rad 1. Alternativet används inte."},
      {"[alternativ]\nleverantor = \"X\"\n", "rad 1",
       "'alternativ' ska vara en lista av tabeller, skrivna [[alternativ]], fann en tabell. "
       "Värdet används inte."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Findings findings;
    Settings s = read(c.text, findings);
    CHECK(s.alternativ.size() == (c.cell == "rad 5" ? 1u : 0u));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].code == "SETTINGS_INVALID");
    CHECK(findings[0].level == Level::fel);
    CHECK(findings[0].where.cell == c.cell);
    CHECK(findings[0].message == c.message);
  }

  SECTION("D's development frame and any alternative's medskick") {
    Findings findings;
    Settings s = read(R"([[alternativ]]
leverantor = "X"
namn = "D"
bas_tkr = 100
minskning_procent = [10]
utveckling_bas = 50.5
medskick = ["Säkerställa IT-säkerheten.", "Prioritera effekthemtagning."]
[[alternativ]]
leverantor = "Y"
namn = "D"
bas_tkr = 100
minskning_procent = [10]
utveckling_bas = "budget"
[[alternativ]]
leverantor = "Z"
namn = "D"
bas_tkr = 100
minskning_procent = [10]
utveckling_bas = "budgte"
[[alternativ]]
leverantor = "Z"
namn = "C"
utveckling_minus_tkr = 1
utveckling_bas = "budget"
medskick = []
)",
                      findings);
    REQUIRE(s.alternativ.size() == 4);
    using Bas = Alternativ::UtvecklingBas;
    CHECK(s.alternativ[0].utveckling_bas == Bas::tkr);
    CHECK(s.alternativ[0].utveckling_bas_kr == 50'500);
    CHECK(s.alternativ[0].medskick ==
          std::vector<std::string>{"Säkerställa IT-säkerheten.", "Prioritera effekthemtagning."});
    CHECK(s.alternativ[1].utveckling_bas == Bas::budget);
    CHECK(s.alternativ[2].utveckling_bas == Bas::forslag);  // a misspelling keeps the default
    CHECK(s.alternativ[3].medskick.empty());
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message ==
          "'utveckling_bas' i [[alternativ]] ska vara \"forslag\", \"budget\" eller ett belopp "
          "i tkr, fann 'budgte' (menade du 'budget'?). Värdet används inte.");
    CHECK(findings[1].message ==
          "'utveckling_bas' gäller bara alternativ D, inte C. Nyckeln används inte.");
    CHECK(findings[2].message ==
          "'medskick' i [[alternativ]] ska vara en lista av texter, fann '[]'. Värdet används "
          "inte.");
  }

  SECTION("a C keeps a valid cut when the other one is broken") {
    Findings findings;
    Settings s = read(
        "[[alternativ]]\nleverantor = \"X\"\nnamn = \"C\"\n"
        "utveckling_minus_tkr = 1400\nforvaltning_minus_tkr = \"mycket\"\n",
        findings);
    REQUIRE(s.alternativ.size() == 1);
    CHECK(s.alternativ[0].utveckling_minus_kr == 1'400'000);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "'forvaltning_minus_tkr' i [[alternativ]] ska vara ett belopp i tkr från 0 till "
          "1 000 000 000, fann 'mycket'. Värdet används inte.");
  }
}

TEST_CASE("findings come in line order", "[settings]") {
  Findings findings;
  read(
      "[[alternativ]]\nnamn = \"C\"\n[index]\npersonal = \"tre\"\nfoo = 1\ninkop = 5.5\n"
      "personalandel = 0.88\n",
      findings);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].where.cell == "rad 1");
  CHECK(findings[1].where.cell == "rad 4");
  CHECK(findings[2].where.cell == "rad 5");
}

TEST_CASE("[foregaende]: last year's register and resultat.json, with their lines", "[settings]") {
  Findings findings;
  Settings s = read("[foregaende]\nkunder = \"../2023/kunder.xlsx\"\n"
                    "resultat = \"../2023/ut/resultat.json\"\n",
                    findings);
  CHECK(findings.empty());
  CHECK(s.foregaende.kunder == "../2023/kunder.xlsx");
  CHECK(s.foregaende.kunder_rad == 2);
  CHECK(s.foregaende.resultat == "../2023/ut/resultat.json");
  CHECK(s.foregaende.resultat_rad == 3);

  Finding f = only_finding("[foregaende]\nresultat = \"x.json\"\n");
  CHECK(f.code == "SETTINGS_INVALID");
  CHECK(f.where.cell == "rad 2");
  CHECK(f.message.find("kräver 'kunder'") != std::string::npos);

  f = only_finding("[foregaende]\nkunder = 2023\n");
  CHECK(f.code == "SETTINGS_INVALID");
  CHECK(f.message.find("'kunder' i [foregaende] ska vara en text") != std::string::npos);

  f = only_finding("[foregaende]\nkunde = \"a.xlsx\"\n");
  CHECK(f.code == "SETTINGS_UNKNOWN_KEY");
  CHECK(f.message.find("kunder") != std::string::npos);

  Settings sample = read_settings_file(kSample, findings);
  CHECK(sample.foregaende.kunder == "../2023/kunder.xlsx");
  CHECK(sample.foregaende.resultat.empty());
}

TEST_CASE("a text with a control character is cleaned and said (issue 16)", "[settings]") {
  Findings findings;
  Settings s = read("[bilaga]\ntitel = \"Underlag\\u0001 2024\\u000Bdel 2\"\n", findings);
  CHECK(s.bilaga.titel == "Underlag\xEF\xBF\xBD 2024\ndel 2");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "TEXT_REPLACED");
  CHECK(findings[0].level == Level::varning);
  CHECK(findings[0].where.cell == "rad 2");
  CHECK(findings[0].message.find("U+0001") != std::string::npos);
}

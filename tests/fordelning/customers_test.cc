#include "inputs/kunder.h"
#include "fordelning/customers.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "core/finding.h"
#include "fordelning/engine.h"
#include "kunder_fixture.h"
#include "xlsx/cell_ref.h"

namespace f = arsanalys::fordelning;
using arsanalys::Finding;
using arsanalys::Findings;
using arsanalys::Level;
using arsanalys::test::percent;
using arsanalys::test::Rows;
using arsanalys::test::V;
using f::Decimal;

namespace {

/// The three sheets of a small, valid kunder.xlsx.
struct Sheets {
  Rows kunder{
      {"Kund-id", "Namn", "Typ", "Antal anställda", "Stadshus AB-nyckel"},
      {"F1", "Förvaltning ett", "Förvaltning", 100, V()},
      {"F2", "Förvaltning två", "Förvaltning", 300, V()},
      {"B1", "Bolag ett", "Bolag", V(), 7.5},
      {"B2", "Bolag två", "Bolag", V(), 2.5},
  };
  Rows nycklar{
      {"Nyckel", "Andel", "Urval", "Mått", "Alias"},
      {"75/25", 75, "Typ=Förvaltning", "Antal anställda", "Sjuttiofem; 75 till förvaltningar ;"},
      {"75/25", 25, "Typ=Bolag", "Stadshus AB-nyckel"},
      {"Lika", 100, "alla", "lika"},
  };
  Rows tjanster{
      {"Leverantör", "Tjänst", "Nyckel", "Förslag nyckel"},
      {"Lev", "Tjänst A", "75/25", V()},
      {"Lev", "*", "Lika", V()},
  };
  bool with_nycklar = true;

  arsanalys::xlsx::Workbook workbook() const {
    std::vector<std::pair<std::string, Rows>> sheets{{"Kunder", kunder}};
    if (with_nycklar) sheets.emplace_back("Nycklar", nycklar);
    sheets.emplace_back("Tjänster", tjanster);
    return arsanalys::test::workbook(sheets);
  }
};

/// Sets the cell `ref` ("B2") of `rows`, growing them as needed.
void set(Rows& rows, const char* ref, V value) {
  auto r = arsanalys::xlsx::parse_cell_ref(ref).value();
  if (rows.size() <= r.row) rows.resize(r.row + 1);
  if (rows[r.row].size() <= r.col) rows[r.row].resize(r.col + 1);
  rows[r.row][r.col] = std::move(value);
}

/// "CODE sheet!cell: message" per finding, in the stable order.
std::vector<std::string> describe_all(Findings findings) {
  arsanalys::sort_findings(findings);
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.code + " " + f.where.sheet + "!" + f.where.cell + ": " + f.message);
  }
  return out;
}

std::vector<std::string> read(const Sheets& s, f::Kunder* out = nullptr) {
  Findings findings;
  f::Kunder k = arsanalys::inputs::read_kunder(s.workbook(), findings);
  for (const Finding& f : findings) CHECK(f.level == Level::fel);
  if (out != nullptr) *out = std::move(k);
  return describe_all(std::move(findings));
}

}  // namespace

TEST_CASE("read_kunder reads customers, measures, keys and services", "[fordelning]") {
  f::Kunder k;
  CHECK(read(Sheets{}, &k) == std::vector<std::string>{});
  CHECK(k.file == "kunder.xlsx");
  REQUIRE(k.measures.size() == 2);
  CHECK(k.measures[0].name == "Antal anställda");
  CHECK(k.measures[1].col == 4);
  REQUIRE(k.customers.size() == 4);
  CHECK(k.customers[2].id == "B1");
  CHECK(k.customers[2].name == "Bolag ett");
  CHECK(k.customers[2].typ == "Bolag");
  CHECK(k.customers[2].measures.at("Stadshus AB-nyckel") == Decimal{75, 1});
  CHECK(k.customers[2].measures.count("Antal anställda") == 0);
  CHECK(k.customers[2].row == 3);
  REQUIRE(k.keys.size() == 2);
  CHECK(k.keys[0].name == "75/25");
  CHECK(k.keys[0].usable);
  CHECK(k.keys[0].aliases == std::vector<std::string>{"Sjuttiofem", "75 till förvaltningar"});
  REQUIRE(k.keys[0].steps.size() == 2);
  CHECK(k.keys[0].steps[1].andel == Decimal{25, 0});
  CHECK(k.keys[0].steps[1].urval.kind == f::Urval::Kind::typ);
  CHECK(k.keys[0].steps[1].matt_text == "Stadshus AB-nyckel");
  CHECK(k.keys[0].steps[1].matt_at.cell == "D3");
  CHECK(k.keys[0].where.cell == "A2");
  REQUIRE(k.services.size() == 2);
  CHECK(k.services[1].service == "*");
  CHECK(k.services[1].where.cell == "B3");
  CHECK(k.key("sjuttiofem.") == &k.keys[0]);
  CHECK(k.customer("f1") == &k.customers[0]);
  CHECK(k.measure("antal  ANSTÄLLDA") == &k.measures[0]);
  // 1 000 kr: 750 by 100/300 -> 187,5 / 562,5, the krona to F1 (Kund-id first);
  // 250 by 7,5/2,5 -> 187,5 / 62,5, the krona to B1.
  auto a = f::allocate(1000, k.keys[0], k);
  REQUIRE(a);
  CHECK(a->customers_kr ==
        std::map<std::string, std::int64_t>{{"B1", 188}, {"B2", 62}, {"F1", 188}, {"F2", 562}});
}

TEST_CASE("read_kunder finds headers by their words, in any order", "[fordelning]") {
  Sheets s;
  s.kunder = {
      {"Kunder 2024 (exempel)"},
      {V()},
      {"Typ", "Stadshus AB-nyckel", "KUND ID", "Antal\nanställda", "Namn"},
      {"Förvaltning", V(), "F1", "100", "Förvaltning ett"},
      {"förvaltning", V(), "F2", "1 300,5", "Förvaltning två"},
      {"Bolag", "7,5", "B1", V(), "Bolag ett"},
      {"Bolag", 2.5, "B2", V(), "Bolag två"},
  };
  s.nycklar = {
      {"Mått", "Urval", "Andel (%)", "Fördelningsnyckel"},
      {"Antal anställda", "typ = förvaltning", percent(0.75), "75/25"},
      {"Stadshus AB-nyckel", "Typ=Bolag", "25 %", V()},  // a merged Nyckel cell
  };
  f::Kunder k;
  CHECK(read(s, &k) ==
        std::vector<std::string>{
            "KEY_MISSING Tjänster!C3: Nyckeln 'Lika' finns inte i bladet 'Nycklar'."});
  REQUIRE(k.measures.size() == 2);
  CHECK(k.measures[0].name == "Stadshus AB-nyckel");
  CHECK(k.measures[1].name == "Antal anställda");
  REQUIRE(k.customers.size() == 4);
  CHECK(k.customers[1].measures.at("Antal anställda") == Decimal{13005, 1});
  CHECK(k.customers[2].measures.at("Stadshus AB-nyckel") == Decimal{75, 1});
  REQUIRE(k.keys.size() == 1);
  REQUIRE(k.keys[0].steps.size() == 2);
  CHECK(k.keys[0].steps[0].andel == Decimal{75, 0});
  CHECK(k.keys[0].steps[1].andel == Decimal{25, 0});
  CHECK(k.keys[0].usable);
  CHECK(k.services.size() == 2);  // kept, although the `*` row names an unknown key
}

TEST_CASE("read_kunder reports every problem at its cell, in Swedish", "[fordelning]") {
  struct Case {
    const char* what;
    std::function<void(Sheets&)> change;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"Andel not summing to 100",
       [](Sheets& s) { set(s.nycklar, "B2", 70); },
       {"KEY_INVALID Nycklar!B2: Stegen i nyckeln '75/25' ska tillsammans ha andelen 100 %, "
        "fann 95 %."}},
      {"decimal Andel not summing to 100",
       [](Sheets& s) { set(s.nycklar, "B2", "74,99"); },
       {"KEY_INVALID Nycklar!B2: Stegen i nyckeln '75/25' ska tillsammans ha andelen 100 %, "
        "fann 99,99 %."}},
      {"negative Andel",
       [](Sheets& s) {
         set(s.nycklar, "B2", 125);
         set(s.nycklar, "B3", -25);
       },
       {"KEY_INVALID Nycklar!B3: Andelen ska vara 0 % eller mer, fann '-25 %'."}},
      {"Andel no number",
       [](Sheets& s) { set(s.nycklar, "B2", "hälften"); },
       {"KEY_INVALID Nycklar!B2: Andelen ska vara ett tal i procent, fann 'hälften'."}},
      {"Andel empty",
       [](Sheets& s) { set(s.nycklar, "B2", V()); },
       {"KEY_INVALID Nycklar!B2: Andelen saknas; väntade stegets andel av nyckeln i procent."}},
      {"unknown measure",
       [](Sheets& s) { set(s.nycklar, "D2", "Antal anstallda"); },
       {"KEY_INVALID Nycklar!D2: Måttet 'Antal anstallda' finns inte som kolumn i bladet "
        "'Kunder'."}},
      {"Urval selecting nobody",
       [](Sheets& s) { set(s.nycklar, "C3", "Typ=Stiftelse"); },
       {"KEY_INVALID Nycklar!C3: Urvalet 'Typ=Stiftelse' väljer ingen kund."}},
      {"unknown Urval",
       [](Sheets& s) { set(s.nycklar, "C3", "Bolag"); },
       {"KEY_INVALID Nycklar!C3: Urvalet ska vara 'alla', 'Typ=…' eller 'Kund=…' (som "
        "'Typ=Bolag' eller 'Kund=INK,DMS'), fann 'Bolag'."}},
      {"Urval empty",
       [](Sheets& s) { set(s.nycklar, "C3", V()); },
       {"KEY_INVALID Nycklar!C3: Urvalet ska vara 'alla', 'Typ=…' eller 'Kund=…' (som "
        "'Typ=Bolag' eller 'Kund=INK,DMS'), fann en tom cell."}},
      {"unknown Kund-id",
       [](Sheets& s) { set(s.nycklar, "C4", "Kund=F1,XYZ"); },
       {"KEY_INVALID Nycklar!C4: Urvalet nämner kund-id 'XYZ', som inte finns i bladet "
        "'Kunder'."}},
      {"bad Mått",
       [](Sheets& s) { set(s.nycklar, "D4", "3 *"); },
       {"KEY_INVALID Nycklar!D4: Måttet ska vara ett mått ur bladet 'Kunder', 'lika' eller en "
        "viktad summa som 'Digitala fakturor + 3 * Pappersfakturor', fann '3 *'."}},
      {"weights all zero",
       [](Sheets& s) {
         set(s.kunder, "E4", 0);
         set(s.kunder, "E5", "0,0");
       },
       {"KEY_INVALID Nycklar!D3: Måttet 'Stadshus AB-nyckel' är 0 för alla kunder i urvalet "
        "'Typ=Bolag'; nyckeln '75/25' kan inte fördela steget."}},
      {"a selected customer without a value",
       [](Sheets& s) { set(s.kunder, "D3", V()); },
       {"MEASURE_MISSING Kunder!D3: Kunden 'F2' saknar värde för måttet 'Antal anställda', som "
        "nyckeln '75/25' fördelar efter."}},
      {"a value that is no number",
       [](Sheets& s) { set(s.kunder, "D3", "ca 300"); },
       {"MEASURE_MISSING Kunder!D3: Måttet 'Antal anställda' för kunden 'F2' ska vara ett tal, 0 "
        "eller mer, som nyckeln '75/25' kan fördela efter, fann 'ca 300'."}},
      {"a negative value",
       [](Sheets& s) { set(s.kunder, "D3", -300); },
       {"MEASURE_MISSING Kunder!D3: Måttet 'Antal anställda' för kunden 'F2' ska vara ett tal, 0 "
        "eller mer, som nyckeln '75/25' kan fördela efter, fann '-300'."}},
      {"one cell missing for two keys: one finding",
       [](Sheets& s) {
         s.nycklar.push_back({"Anställda", 100, "alla", "Antal anställda"});
         set(s.kunder, "D3", V());
       },
       {"MEASURE_MISSING Kunder!D3: Kunden 'F2' saknar värde för måttet 'Antal anställda', som "
        "nyckeln '75/25' fördelar efter.",
        "MEASURE_MISSING Kunder!D4: Kunden 'B1' saknar värde för måttet 'Antal anställda', som "
        "nyckeln 'Anställda' fördelar efter.",
        "MEASURE_MISSING Kunder!D5: Kunden 'B2' saknar värde för måttet 'Antal anställda', som "
        "nyckeln 'Anställda' fördelar efter."}},
      {"a value missing where no key looks: no finding",
       [](Sheets& s) { set(s.kunder, "E2", "okänt"); },
       {}},
      {"duplicate Kund-id",
       [](Sheets& s) {
         s.kunder.push_back({"f1", "Igen", "Bolag", 1, 1});
       },
       {"REGISTER_INVALID Kunder!A6: Kund-id 'f1' finns redan på rad 2; raden används inte."}},
      {"Kund-id missing",
       [](Sheets& s) {
         s.kunder.push_back({V(), "Utan id", "Bolag", 1, 1});
       },
       {"REGISTER_INVALID Kunder!A6: Raden saknar kund-id; den används inte."}},
      {"duplicate measure column",
       [](Sheets& s) { set(s.kunder, "F1", "antal anställda"); },
       {"REGISTER_INVALID Kunder!F1: Måttet 'antal anställda' finns redan i kolumn D; kolumnen "
        "används inte."}},
      {"Kunder without Typ",
       [](Sheets& s) {
         set(s.kunder, "C1", "Sort");
         s.nycklar.resize(2);
         set(s.nycklar, "B2", 100);
         set(s.nycklar, "C2", "alla");
         set(s.nycklar, "D2", "lika");
         s.tjanster.resize(2);
       },
       {"TABLE_MISSING Kunder!A1: Rubriken 'Typ' saknas i bladet 'Kunder'."}},
      {"Kunder without a header row",
       [](Sheets& s) { set(s.kunder, "A1", "Id-nummer"); },
       {"TABLE_MISSING Kunder!: Bladet 'Kunder' saknar rubrikraden; väntade rubrikerna Kund-id | "
        "Namn | Typ.",
        "KEY_INVALID Nycklar!C2: Urvalet 'Typ=Förvaltning' väljer ingen kund.",
        "KEY_INVALID Nycklar!C3: Urvalet 'Typ=Bolag' väljer ingen kund.",
        "KEY_INVALID Nycklar!C4: Urvalet 'alla' väljer ingen kund."}},
      {"no Nycklar sheet",
       [](Sheets& s) { s.with_nycklar = false; },
       {"TABLE_MISSING !: Bladet 'Nycklar' saknas; väntade nycklarna med rubrikerna Nyckel | "
        "Andel | Urval | Mått.",
        "KEY_MISSING Tjänster!C2: Nyckeln '75/25' finns inte i bladet 'Nycklar'.",
        "KEY_MISSING Tjänster!C3: Nyckeln 'Lika' finns inte i bladet 'Nycklar'."}},
      {"a key row without a name first",
       [](Sheets& s) {
         s.nycklar.insert(s.nycklar.begin() + 1, {V(), 100, "alla", "lika"});
       },
       {"KEY_INVALID Nycklar!A2: Raden saknar nyckelns namn; den används inte."}},
      {"alias of another key",
       [](Sheets& s) { set(s.nycklar, "E4", "Ingen; sjuttiofem"); },
       {"KEY_INVALID Nycklar!E4: Aliaset 'sjuttiofem' hör redan till nyckeln '75/25'; det "
        "används inte för nyckeln 'Lika'."}},
      {"alias naming another key",
       [](Sheets& s) { set(s.nycklar, "E4", "75/25"); },
       {"KEY_INVALID Nycklar!E4: Aliaset '75/25' hör redan till nyckeln '75/25'; det används "
        "inte för nyckeln 'Lika'."}},
      {"Tjänster naming an unknown key",
       [](Sheets& s) { set(s.tjanster, "C2", "Femtio"); },
       {"KEY_MISSING Tjänster!C2: Nyckeln 'Femtio' finns inte i bladet 'Nycklar'."}},
      {"Tjänster proposing an unknown key",
       [](Sheets& s) { set(s.tjanster, "D2", "Femtio"); },
       {"KEY_MISSING Tjänster!D2: Nyckeln 'Femtio' finns inte i bladet 'Nycklar'."}},
      {"Tjänster row without a key",
       [](Sheets& s) { set(s.tjanster, "C2", V()); },
       {"KEY_MISSING Tjänster!C2: Tjänsten 'Tjänst A' saknar nyckel."}},
      {"Tjänster row repeating another with another key",
       [](Sheets& s) {
         s.tjanster.push_back({"lev", "tjänst a.", "Lika"});
       },
       {"REGISTER_INVALID Tjänster!B4: Tjänsten 'tjänst a.' hos 'lev' har redan en annan nyckel "
        "i cell B2; raden används inte."}},
      {"Tjänster row repeating another with the same key",
       [](Sheets& s) {
         s.tjanster.push_back({"Lev", "TJÄNST A", "75/25"});
       },
       {}},
      {"Tjänster row without a supplier",
       [](Sheets& s) { set(s.tjanster, "A3", V()); },
       {"REGISTER_INVALID Tjänster!A3: Raden saknar leverantör; den används inte."}},
      {"Tjänster without a header row",
       [](Sheets& s) { set(s.tjanster, "A1", "Lev."); },
       {"TABLE_MISSING Tjänster!: Bladet 'Tjänster' saknar rubrikraden; väntade rubrikerna "
        "Leverantör | Tjänst | Nyckel."}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Sheets s;
    c.change(s);
    CHECK(read(s) == c.want);
  }
}

TEST_CASE("A key with a problem is kept but not usable", "[fordelning]") {
  Sheets s;
  set(s.kunder, "D3", V());
  f::Kunder k;
  read(s, &k);
  REQUIRE(k.keys.size() == 2);
  CHECK_FALSE(k.keys[0].usable);
  CHECK(k.keys[1].usable);
  CHECK_FALSE(f::allocate(1000, k.keys[0], k));
  CHECK(f::allocate(1000, k.keys[1], k));
}

TEST_CASE("A missing Tjänster sheet is a warning", "[fordelning]") {
  Sheets s;
  std::vector<std::pair<std::string, Rows>> sheets{{"Kunder", s.kunder}, {"nycklar", s.nycklar}};
  Findings findings;
  f::Kunder k = arsanalys::inputs::read_kunder(arsanalys::test::workbook(sheets), findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "TABLE_MISSING");
  CHECK(findings[0].level == Level::varning);
  CHECK(findings[0].message ==
        "Bladet 'Tjänster' saknas; tjänsternas nycklar hämtas bara ur leverantörernas tabell 3.2.");
  CHECK(k.keys.size() == 2);  // sheet names are folded: "nycklar" is `Nycklar`
}

TEST_CASE("The sample round's kunder.xlsx reads without findings", "[fordelning]") {
  Findings findings;
  f::Kunder k = arsanalys::inputs::read_kunder_file(ARSANALYS_SOURCE_DIR "/samples/2024/kunder.xlsx", findings);
  CHECK(describe_all(findings) == std::vector<std::string>{});
  CHECK(k.customers.size() == 40);
  CHECK(k.measures.size() == 8);
  REQUIRE(k.keys.size() == 10);
  for (const f::Key& key : k.keys) {
    INFO(key.name);
    CHECK(key.usable);
    for (std::int64_t amount : {1, -1, 1'000'000, 123'456'789, -21'200'000}) {
      auto a = f::allocate(amount, key, k);
      REQUIRE(a);
      std::int64_t sum = 0;
      for (const auto& [id, kr] : a->customers_kr) sum += kr;
      CHECK(sum == amount);
    }
  }
  CHECK(k.customer("POS")->measures.at("Stadshus AB-nyckel") == Decimal{75, 1});

  const std::string dms = "Nämnden för demokrati och medborgarservice";
  const std::string ink = "Nämnden för inköp och upphandling";
  const std::string is = "Nämnden för Intraservice";
  // DMS 3.2 B61 with the typo "anknötningar", and DMS's other services by `*`.
  CHECK(f::key_for(dms, "Göteborgs Stads kontaktcenter",
                   "Grundbelopp, antal anknötningar och ärendetid till kontaktcenter", k)
            ->name == "Kontaktcenter");
  f::KeyMatch other = f::match_key(dms, "Valadministration", "", k);
  REQUIRE(other.key);
  CHECK(other.key->name == "Administrativa datorer");
  CHECK(other.source == f::KeySource::stjarna);
  // INK's "Stöd vid inköp och beställning" has no Tjänster row: its 3.2 text is an alias.
  f::KeyMatch orderers =
      f::match_key(ink, "Stöd vid inköp och beställning", "Fördelas på antal beställare.", k);
  REQUIRE(orderers.key);
  CHECK(orderers.key->name == "Antal beställare");
  CHECK(orderers.source == f::KeySource::text);
  f::KeyMatch ula =
      f::match_key(ink, "Stöd vid upphandling, leverantörs- och avtalshantering", "", k);
  REQUIRE(ula.key);
  REQUIRE(ula.proposed);
  CHECK(ula.key->name == "Förvaltningar 75 % och bolag 25 %");
  CHECK(ula.proposed->name == "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %");
  CHECK(f::key_for(is, "Lokalt Nät", "", k)->name == "Intraservice digital infrastruktur");
  CHECK(f::key_for(is, "Servicecenter", "", k)->name == "Intraservice gemensamma tjänster");
  CHECK(f::key_for(ink, "Något nytt", "", k) == nullptr);

  // The proposed ULA key on 1 000 000 kr: INK carries 15 % and takes part in the 63,75 %.
  auto a = f::allocate(1'000'000, *ula.proposed, k);
  REQUIRE(a);
  REQUIRE(a->steps.size() == 3);
  CHECK(a->steps[0].kr == 150'000);
  CHECK(a->steps[1].kr == 637'500);
  CHECK(a->steps[2].kr == 212'500);
  CHECK(a->customers_kr.at("INK") > 150'000);
  CHECK(a->customers_kr.count("GE") == 1);  // a bolag: Stadshus AB key 19,5
  CHECK(a->customers_kr.count("GSAB") == 1);
}

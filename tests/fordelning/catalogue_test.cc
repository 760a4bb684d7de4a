// The service catalogue (kunder.xlsx, `Tjänster`): reading its columns and their findings,
// classifying lines, the round's catalogue findings, and the allocation it steers, down to the
// krona; and a property test over generated rounds: every krona of every line is charged once,
// to customers, invoiced, funded or charged to a supplier, and never to a customer who does not
// use the service.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fordelning/catalogue.h"
#include "fordelning/round_allocation.h"
#include "inputs/kunder.h"
#include "kunder_fixture.h"

using namespace arsanalys;
namespace f = arsanalys::fordelning;
using arsanalys::test::Rows;
using arsanalys::test::V;

namespace {

const std::string kIs = "Nämnden för Intraservice";
const std::string kDms = "Nämnden för demokrati och medborgarservice";

Rows customers() {
  return {{"Kund-id", "Namn", "Typ", "Antal anställda", "Stadshus AB-nyckel"},
          {"F1", "Förvaltning ett", "Förvaltning", 300, V()},
          {"F2", "Förvaltning två", "Förvaltning", 100, V()},
          {"DMS", "Demokrati och medborgarservice", "Förvaltning", 100, V()},
          {"B1", "Bolag ett", "Bolag", V(), 6},
          {"LIS", "Liseberg", "Bolag", V(), 4}};
}

Rows keys() {
  return {{"Nyckel", "Andel", "Urval", "Mått"},
          {"80/20", 80, "Typ=Förvaltning", "Antal anställda"},
          {"80/20", 20, "Typ=Bolag", "Stadshus AB-nyckel"},
          {"Lika", 100, "alla", "lika"}};
}

/// A catalogue in the contract's columns, in another order than the contract lists them.
Rows catalogue() {
  return {{"Leverantör", "Tjänst", "Kategori", "Nyckel", "Används av", "Finansiering",
           "Levereras till", "Alias", "Förslag nyckel"},
          {kIs, "Lokalt Nät - LAN", "Digital infrastruktur", "Lika", V(), V(), V(),
           "Lokalt Nät; Lokala nät", V()},
          {kIs, "Löneadministration", "Bastjänst", V(), "alla utom Kund=LIS", V(), V(), V(), V()},
          {kIs, "Utbildningsportalen", "Bastjänster", V(), "Typ=Förvaltning", V(), V(), V(),
           V()},
          {kIs, "Redovisning", "Tilläggstjänst", V(), V(), V(), V(), V(), V()},
          {kIs, "Arkiv", "Bastjänst", V(), V(), "Kommunbidrag", V(), V(), V()},
          {kIs, "goteborg.se", "Digital infrastruktur", V(), V(), V(), kDms, V(), V()},
          {kIs, "Skrivare DMS", "Digital infrastruktur", V(), V(), V(), "DMS", V(), V()},
          {kIs, "Område: HR", "Bastjänst", V(), V(), V(), V(), V(), V()},
          {kIs, "Justering", "Utanför", V(), V(), V(), V(), V(), V()},
          {kIs, "*", V(), "80/20", V(), V(), V(), V(), V()}};
}

f::Kunder read(Rows tjanster, Findings& findings) {
  return inputs::read_kunder(
      test::workbook({{"Kunder", customers()}, {"Nycklar", keys()}, {"Tjänster", tjanster}}),
      findings);
}

/// "CODE sheet!cell: message" per finding, in the stable order.
std::vector<std::string> describe_all(Findings findings) {
  sort_findings(findings);
  std::vector<std::string> out;
  for (const Finding& x : findings) {
    out.push_back(x.code + " " + x.where.sheet + "!" + x.where.cell + ": " + x.message);
  }
  return out;
}

analys::Line line(std::string label, std::string area, std::uint32_t r, std::int64_t kr) {
  analys::Line l;
  l.label = std::move(label);
  l.area = std::move(area);
  l.row = r;
  analys::Figure fig;
  fig.amount.kind = analys::Amount::Kind::amount;
  fig.amount.kronor = kr;
  fig.source = Location{"is.xlsx", "3.1a", "C" + std::to_string(r + 1)};
  l.values.push_back(fig);
  return l;
}

analys::Submission submission(std::vector<analys::Line> lines) {
  analys::Submission s;
  s.file = "is.xlsx";
  s.supplier = kIs;
  s.year = 2024;
  analys::Table t;
  t.id = "forvaltning";
  t.sheet = "3.1a";
  t.columns.push_back(analys::Column{analys::ColumnKind::prognos, 2024, "Prognos 2024", 2});
  t.lines = std::move(lines);
  s.tables.push_back(std::move(t));
  return s;
}

analys::Submission dms_submission() {
  analys::Submission s = submission({line("Kontaktcenter", "", 3, 1'000)});
  s.file = "dms.xlsx";
  s.supplier = kDms;
  return s;
}

}  // namespace

TEST_CASE("Tjänster: the catalogue's columns, found by their headers in any order",
          "[fordelning][catalogue]") {
  Findings findings;
  f::Kunder k = read(catalogue(), findings);
  CHECK(describe_all(findings) == std::vector<std::string>{});
  CHECK(k.catalogue);
  REQUIRE(k.services.size() == 10);
  const f::ServiceRow& lan = k.services[0];
  CHECK(lan.category == f::Category::digital_infrastruktur);
  CHECK(lan.financing_in_force() == f::Financing::kostnadsfordelning);
  CHECK(lan.aliases == std::vector<std::string>{"Lokalt Nät", "Lokala nät"});
  const f::ServiceRow& lon = k.services[1];
  REQUIRE(lon.used_by);
  CHECK(lon.used_by->urval.kind == f::Urval::Kind::alla);
  CHECK(lon.used_by->except == std::vector<std::string>{"LIS"});
  CHECK(k.services[2].category == f::Category::bastjanst);  // "Bastjänster", plural
  CHECK(k.services[3].financing_in_force() == f::Financing::faktura_a_pris);  // the default
  CHECK(k.services[4].financing_in_force() == f::Financing::kommunbidrag);
  CHECK(k.services[5].delivered_to == kDms);
  CHECK(k.services[7].area() == "HR");
  CHECK(k.services[9].rest());
  CHECK_FALSE(k.services[9].categorised);  // a key-only row
}

TEST_CASE("Tjänster: every unreadable catalogue cell is reported at its cell, in Swedish",
          "[fordelning][catalogue]") {
  Rows t = catalogue();
  t[1][2] = "Bas";                       // C2: no category
  t[2][4] = "alla utan LIS";             // E3: no Urval
  t[3][4] = "Typ=Förvaltning utom Kund=X";  // E4: an unknown Kund-id
  t[4][5] = "Faktura per timme";          // F5: no financing
  t[5][7] = "Löneadministration";         // H6: Arkiv's alias names another service
  Findings findings;
  f::Kunder k = read(t, findings);
  CHECK(describe_all(findings) ==
        std::vector<std::string>{
            "REGISTER_INVALID Tjänster!C2: Kategorin för tjänsten 'Lokalt Nät - LAN' ska vara "
            "Bastjänst, Digital infrastruktur, Tilläggstjänst, Specialisttjänst eller Utanför, "
            "fann 'Bas'. Tjänsten räknas utanför ramarna och fördelas inte förrän kategorin "
            "rättas.",
            "REGISTER_INVALID Tjänster!E3: 'Används av' för tjänsten 'Löneadministration' ska "
            "vara ett urval som 'alla', 'Typ=Förvaltning' eller 'Kund=INK,DMS', gärna följt av "
            "'utom Kund=LIS', fann 'alla utan LIS'. Tjänsten fördelas inte förrän cellen rättas.",
            "REGISTER_INVALID Tjänster!E4: 'Används av' för tjänsten 'Utbildningsportalen' "
            "nämner kund-id 'X', som inte finns i bladet 'Kunder'.",
            "REGISTER_INVALID Tjänster!F5: Finansieringen för tjänsten 'Redovisning' ska vara "
            "Kostnadsfördelning, Faktura à pris eller Kommunbidrag, fann 'Faktura per timme'. "
            "Kategorins standard, Faktura à pris, används.",
            "REGISTER_INVALID Tjänster!B6: Aliaset 'Löneadministration' för tjänsten 'Arkiv' "
            "hör redan till tjänsten 'Löneadministration' (cell B3) hos 'Nämnden för "
            "Intraservice'; en rad i underlaget kan bara höra till en tjänst."});
  // The unreadable category keeps the row's lines out of the frames and unallocated.
  f::Catalogue c(&k, {kIs, kDms});
  f::LineClass lan = c.classify(kIs, "Digital infrastruktur", "Lokala nät");
  CHECK(lan.row == &k.services[0]);
  CHECK(lan.category == f::Category::okand);
  CHECK_FALSE(lan.in_frames);
}

TEST_CASE("Tjänster without a Kategori column is no catalogue: every line in the frames",
          "[fordelning][catalogue]") {
  Findings findings;
  f::Kunder k = read({{"Leverantör", "Tjänst", "Nyckel"}, {kIs, "*", "Lika"}}, findings);
  CHECK(findings.empty());
  CHECK_FALSE(k.catalogue);
  f::Catalogue c(&k, {kIs});
  CHECK_FALSE(c.present());
  f::LineClass di = c.classify(kIs, "Digital infrastruktur", "Vad som helst");
  CHECK(di.in_frames);
  CHECK(di.category == f::Category::digital_infrastruktur);
  CHECK(c.classify(kIs, "HR", "Annat").category == f::Category::bastjanst);
  Findings said;
  f::check_catalogue(c, &k, {submission({line("Vad som helst", "HR", 3, 5)})}, said);
  REQUIRE(said.size() == 1);
  CHECK(said[0].code == "CATALOGUE_MISSING");
  CHECK(said[0].level == Level::info);
}

TEST_CASE("classify: the service or an alias, then its area, then *; key-only rows skipped",
          "[fordelning][catalogue]") {
  Findings findings;
  f::Kunder k = read(catalogue(), findings);
  f::Catalogue c(&k, {kIs, kDms});
  // By an alias, whatever the case and spacing.
  f::LineClass lan = c.classify(kIs, "Digital infrastruktur", "lokala  NÄT");
  CHECK(lan.row == &k.services[0]);
  CHECK(lan.in_frames);
  // By the area's row.
  f::LineClass pot = c.classify(kIs, "HR", "Utvecklingspott");
  CHECK(pot.row == &k.services[7]);
  CHECK(pot.category == f::Category::bastjanst);
  // The `*` row names a key but no category: the line is not in the catalogue.
  f::LineClass unknown = c.classify(kIs, "Ekonomi", "Något nytt");
  CHECK(unknown.row == nullptr);
  CHECK(unknown.category == f::Category::okand);
  CHECK_FALSE(unknown.in_frames);
  // Outside the frames, with the reason.
  f::LineClass extra = c.classify(kIs, "", "Redovisning");
  CHECK_FALSE(extra.in_frames);
  CHECK(extra.reason == "En tilläggstjänst: valbar för kunderna och utanför strategisk "
                        "samordningsgrupps prioritering.");
  f::LineClass delivered = c.classify(kIs, "Digital infrastruktur", "goteborg.se");
  CHECK(delivered.category == f::Category::digital_infrastruktur);
  CHECK_FALSE(delivered.in_frames);
  CHECK(delivered.receiver.kind == f::Receiver::Kind::supplier);
  CHECK(delivered.receiver.name == kDms);
  f::LineClass to_customer = c.classify(kIs, "", "Skrivare DMS");
  CHECK(to_customer.receiver.kind == f::Receiver::Kind::customer);
  CHECK(to_customer.receiver.customer == k.customer("DMS"));
  // The catalogue's prioritised services: services (not areas, not *, not delivered ones).
  std::vector<std::string> names;
  for (const f::ServiceRow* r : c.prioritised_services(kIs)) names.push_back(r->service);
  CHECK(names == std::vector<std::string>{"Lokalt Nät - LAN", "Löneadministration",
                                          "Utbildningsportalen", "Arkiv"});
}

TEST_CASE("check_catalogue: uncatalogued lines, services not reported, receivers unknown",
          "[fordelning][catalogue]") {
  Rows t = catalogue();
  t[6][6] = "Nämnden för okänd";  // G7: goteborg.se to nobody of the round
  Findings read_findings;
  f::Kunder k = read(t, read_findings);
  f::Catalogue c(&k, {kIs, kDms});
  Findings findings;
  std::vector<analys::Submission> subs = {
      submission({line("Lokalt Nät", "Digital infrastruktur", 3, 100),
                  line("Löneadministration", "HR", 4, 100),
                  line("Arkiv", "", 5, 10), line("Nytt", "Ekonomi", 6, 7),
                  line("Tomt", "Ekonomi", 7, 0)}),
      dms_submission()};
  f::check_catalogue(c, &k, subs, findings);
  CHECK(describe_all(findings) ==
        std::vector<std::string>{
            "SERVICE_UNCATALOGUED 3.1a!A4: Tjänsten 'Kontaktcenter' finns inte i "
            "tjänstekatalogen (bladet Tjänster i kunder.xlsx), som inte har någon rad för "
            "leverantören Nämnden för demokrati och medborgarservice. Raden räknas utanför "
            "ramarna och fördelas inte förrän katalogen säger vad den är: lägg till tjänsten "
            "med kategori, eller som alias till en tjänst som redan finns.",
            "SERVICE_UNCATALOGUED 3.1a!A7: Tjänsten 'Nytt' finns inte i tjänstekatalogen "
            "(bladet Tjänster i kunder.xlsx) för Nämnden för Intraservice. Raden räknas utanför "
            "ramarna och fördelas inte förrän katalogen säger vad den är: lägg till tjänsten "
            "med kategori, eller som alias till en tjänst som redan finns.",
            "SERVICE_NOT_REPORTED Tjänster!B4: Bastjänst 'Utbildningsportalen' hos Nämnden för "
            "Intraservice står i tjänstekatalogen men finns inte i leverantörens underlag "
            "(is.xlsx, tabell 3.1a–3.1c).",
            "REGISTER_INVALID Tjänster!G7: 'Levereras till' för tjänsten 'goteborg.se' nämner "
            "'Nämnden för okänd', som varken är en leverantör i omgången eller ett kund-id i "
            "bladet 'Kunder'. Tjänsten fördelas inte förrän mottagaren rättas."});
  // Each finding at its cell: the lines' labels, the catalogue's cells.
  for (const Finding& x : findings) CHECK_FALSE(x.where.cell.empty());
}

TEST_CASE("allocate_round follows the catalogue: key, users, invoicing, funding, receivers",
          "[fordelning][catalogue]") {
  Findings findings;
  f::Kunder k = read(catalogue(), findings);
  REQUIRE(findings.empty());
  std::vector<analys::Submission> subs = {
      submission({line("Lokalt Nät", "Digital infrastruktur", 3, 1'000'000),
                  line("Löneadministration", "HR", 4, 500'000),
                  line("Utbildningsportalen", "HR", 5, 400'001),
                  line("Redovisning", "Ekonomi", 6, 300'000), line("Arkiv", "", 7, 200'000),
                  line("goteborg.se", "Digital infrastruktur", 8, 31'000),
                  line("Skrivare DMS", "", 9, 12'345), line("Nytt", "Ekonomi", 10, 7)}),
      dms_submission()};
  f::RoundAllocation a = f::allocate_round(subs, 2024, k, findings);
  REQUIRE(a.lines.size() == 9);
  auto at = [&](const char* service) -> const f::LineAllocation& {
    for (const auto& l : a.lines)
      if (l.service == service) return l;
    FAIL("no line " << service);
    throw;
  };
  // Lokalt Nät: its own key (Lika) over everybody.
  CHECK(at("Lokalt Nät").charging == f::Charging::by_key);
  CHECK(at("Lokalt Nät").allocation->customers_kr.at("LIS") == 200'000);
  // Löneadministration: the * key (80/20), Liseberg excepted: B1 takes the whole 20 %.
  const auto& lon = at("Löneadministration");
  REQUIRE(lon.allocation);
  CHECK(lon.key->name == "80/20");
  CHECK(lon.key_source == f::KeySource::stjarna);
  CHECK(lon.allocation->customers_kr.count("LIS") == 0);
  CHECK(lon.allocation->customers_kr.at("B1") == 100'000);
  CHECK(lon.allocation->customers_kr.at("F1") == 240'000);
  // Utbildningsportalen: only the administrations; the companies' step drops out, so the
  // administrations share all of it by employees (300:100:100).
  const auto& utb = at("Utbildningsportalen");
  REQUIRE(utb.allocation);
  CHECK(utb.allocation->customers_kr.count("B1") == 0);
  CHECK(utb.allocation->customers_kr.at("F1") == 240'001);
  CHECK(utb.allocation->customers_kr.at("F2") == 80'000);
  CHECK(utb.allocation->customers_kr.at("DMS") == 80'000);
  CHECK(utb.allocation->steps[1].kr == 0);
  // Tilläggstjänst: invoiced per order; kommunbidrag: charged to nobody.
  CHECK(at("Redovisning").charging == f::Charging::invoiced);
  CHECK_FALSE(at("Redovisning").allocation);
  CHECK(at("Arkiv").charging == f::Charging::kommunbidrag);
  // Delivered to DMS's service: charged to that supplier, not to the customers.
  CHECK(at("goteborg.se").charging == f::Charging::to_supplier);
  CHECK_FALSE(at("goteborg.se").allocation);
  // Delivered to the customer DMS: all of it to DMS.
  const auto& skrivare = at("Skrivare DMS");
  CHECK(skrivare.charging == f::Charging::to_customer);
  CHECK(skrivare.allocation->customers_kr.at("DMS") == 12'345);
  // Not in the catalogue: not allocated, with the reason.
  CHECK(at("Nytt").charging == f::Charging::none);
  CHECK(at("Nytt").reason.starts_with("Finns inte i tjänstekatalogen"));
  CHECK(at("Kontaktcenter").charging == f::Charging::none);
  // Every krona of the lines in one bucket.
  std::int64_t customers = 0;
  for (const auto& [id, kr] : a.customer_totals) customers += kr;
  CHECK(customers == a.allocated_kr);
  CHECK(a.allocated_kr == 1'000'000 + 500'000 + 400'001 + 12'345);
  CHECK(a.invoiced_kr == 300'000);
  CHECK(a.kommunbidrag_kr == 200'000);
  CHECK(a.to_suppliers_kr == 31'000);
  CHECK(a.unallocated_kr == 7 + 1'000);
}

TEST_CASE("Property: over generated rounds every krona is charged once, only to its users",
          "[fordelning][catalogue][property]") {
  std::mt19937_64 rng(20241206);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const char* categories[] = {"Bastjänst", "Digital infrastruktur", "Tilläggstjänst",
                              "Specialisttjänst", "Utanför", ""};
  const char* financing[] = {"", "", "Kostnadsfördelning", "Faktura à pris", "Kommunbidrag"};
  const char* users[] = {"", "", "Typ=Förvaltning", "Typ=Bolag", "alla utom Kund=LIS",
                         "Kund=F1,B1", "Typ=Bolag utom Kund=B1,LIS"};
  const char* receivers[] = {"", "", "", "", "DMS", "Nämnden för demokrati och medborgarservice"};
  for (int round = 0; round < 200; ++round) {
    Rows t = {{"Leverantör", "Tjänst", "Nyckel", "Kategori", "Finansiering", "Används av",
               "Levereras till"}};
    std::vector<analys::Line> lines;
    std::size_t services = 1 + pick(12);
    for (std::size_t i = 0; i < services; ++i) {
      std::string name = "Tjänst " + std::to_string(i);
      if (pick(5) != 0) {  // some services are not in the catalogue
        t.push_back({kIs, name, pick(3) == 0 ? "Lika" : "80/20", categories[pick(6)],
                     financing[pick(5)], users[pick(7)], receivers[pick(6)]});
      }
      std::int64_t kr = static_cast<std::int64_t>(rng() % 10'000'000) - 1'000'000;
      if (kr == 0) kr = 1;
      lines.push_back(line(name, "", static_cast<std::uint32_t>(3 + i), kr));
    }
    if (pick(2) == 0) t.push_back({kIs, "*", "Lika", "Bastjänst", V(), V(), V()});
    Findings findings;
    f::Kunder k = read(t, findings);
    std::vector<analys::Submission> subs = {submission(lines), dms_submission()};
    f::RoundAllocation a = f::allocate_round(subs, 2024, k, findings);
    INFO("round " << round);
    REQUIRE(a.lines.size() == lines.size() + 1);
    std::int64_t submitted = 0, charged = 0;
    for (const analys::Line& l : lines) submitted += l.values[0]->amount.kronor;
    submitted += 1'000;  // DMS's line
    for (const f::LineAllocation& l : a.lines) {
      bool charged_to_customers = l.allocation.has_value();
      // Each line in exactly one bucket, its customers summing to its amount.
      CHECK(charged_to_customers == (l.charging == f::Charging::by_key ||
                                     l.charging == f::Charging::to_customer));
      if (!charged_to_customers) continue;
      std::int64_t sum = 0;
      for (const auto& e : l.allocation->customers_kr) {
        sum += e.kr;
        if (l.used_by != nullptr) CHECK(f::uses(*l.used_by, *e.customer));
      }
      CHECK(sum == l.amount_kr);
      charged += sum;
    }
    std::int64_t customers = 0;
    for (const auto& [id, kr] : a.customer_totals) customers += kr;
    CHECK(customers == charged);
    CHECK(customers == a.allocated_kr);
    CHECK(a.allocated_kr + a.invoiced_kr + a.kommunbidrag_kr + a.to_suppliers_kr +
              a.unallocated_kr ==
          submitted);
  }
}

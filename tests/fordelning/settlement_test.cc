// The year-end settlement (fordelning/settlement.h, inputs/utfall.h): a worked example to the
// krona, the outcome's findings at their cells, and properties over generated rounds: per
// service the finals sum to the actual cost and the differences to actual minus charged; the
// customers' order in the register changes nothing; an outcome equal to the charged cost gives
// all-zero differences.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "fordelning/catalogue.h"
#include "fordelning/round_allocation.h"
#include "fordelning/settlement.h"
#include "inputs/kunder.h"
#include "inputs/utfall.h"
#include "kunder_fixture.h"

using namespace arsanalys;
namespace f = arsanalys::fordelning;
using arsanalys::test::Rows;
using arsanalys::test::V;

namespace {

const std::string kIs = "Nämnden för Intraservice";
const std::string kDms = "Nämnden för demokrati och medborgarservice";

Rows customer_rows() {
  return {{"Kund-id", "Namn", "Typ", "Antal anställda", "Stadshus AB-nyckel"},
          {"F1", "Förvaltning ett", "Förvaltning", 300, V()},
          {"F2", "Förvaltning två", "Förvaltning", 100, V()},
          {"DMS", "Demokrati och medborgarservice", "Förvaltning", 100, V()},
          {"B1", "Bolag ett", "Bolag", V(), 6},
          {"LIS", "Liseberg", "Bolag", V(), 4}};
}

Rows key_rows() {
  return {{"Nyckel", "Andel", "Urval", "Mått"},
          {"80/20", 80, "Typ=Förvaltning", "Antal anställda"},
          {"80/20", 20, "Typ=Bolag", "Stadshus AB-nyckel"},
          {"Lika", 100, "alla", "lika"}};
}

Rows catalogue_rows() {
  return {{"Leverantör", "Tjänst", "Nyckel", "Kategori", "Finansiering", "Används av",
           "Levereras till", "Alias"},
          {kIs, "Drift", "80/20", "Bastjänst", V(), V(), V(), "Driften"},
          {kIs, "Lön", "80/20", "Bastjänst", V(), "alla utom Kund=LIS", V(), V()},
          {kIs, "Redovisning", V(), "Tilläggstjänst", V(), V(), V(), V()},
          {kIs, "Skrivare DMS", V(), "Digital infrastruktur", V(), V(), "DMS", V()},
          {kIs, "Webbplattform", V(), "Digital infrastruktur", V(), V(), kDms, V()},
          {kIs, "Ej rapporterad", "Lika", "Bastjänst", V(), V(), V(), V()},
          {kDms, "*", "Lika", "Bastjänst", V(), V(), V(), V()}};
}

f::Kunder read_register(const Rows& customers, const Rows& catalogue, Findings& findings) {
  return inputs::read_kunder(test::workbook({{"Kunder", customers},
                                             {"Nycklar", key_rows()},
                                             {"Tjänster", catalogue}}),
                             findings);
}

analys::Line line(std::string label, std::uint32_t r, std::int64_t kr) {
  analys::Line l;
  l.label = std::move(label);
  l.row = r;
  analys::Figure fig;
  fig.amount.kind = analys::Amount::Kind::amount;
  fig.amount.kronor = kr;
  fig.source = Location{"is.xlsx", "3.1", "D" + std::to_string(r + 1)};
  l.values.push_back(fig);
  return l;
}

analys::Table table(std::string id, std::vector<analys::Line> lines) {
  analys::Table t;
  t.id = std::move(id);
  t.sheet = "3.1";
  t.columns.push_back(analys::Column{analys::ColumnKind::prognos, 2024, "Prognos 2024", 3});
  t.lines = std::move(lines);
  return t;
}

analys::Submission submission(std::string supplier, std::string file,
                              std::vector<analys::Line> forvaltning,
                              std::vector<analys::Line> utveckling = {}) {
  analys::Submission s;
  s.file = std::move(file);
  s.supplier = std::move(supplier);
  s.year = 2024;
  s.tables.push_back(table("forvaltning", std::move(forvaltning)));
  if (!utveckling.empty()) s.tables.push_back(table("utveckling", std::move(utveckling)));
  return s;
}

std::vector<std::string> suppliers_of(const std::vector<analys::Submission>& subs) {
  std::vector<std::string> out;
  for (const auto& s : subs) out.push_back(s.supplier);
  return out;
}

f::OutcomeRow outcome_row(std::string supplier, std::string service,
                          std::optional<std::int64_t> kr, std::uint32_t row) {
  std::string r = std::to_string(row + 1);
  return {std::move(supplier), std::move(service), kr, {"utfall.xlsx", "Utfall", "B" + r},
          {"utfall.xlsx", "Utfall", "C" + r}};
}

/// Kund-id -> (charged, final) of a service.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_id(const f::ServiceSettlement& s) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& k : s.customers) out[k.id] = {k.charged, k.final};
  return out;
}

const f::ServiceSettlement& service(const f::Settlement& s, std::string_view name) {
  for (const auto& x : s.services) {
    if (x.service == name) return x;
  }
  FAIL("no service " << name);
  return s.services.front();
}

/// "CODE sheet!cell" per finding.
std::vector<std::string> places(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& x : findings) out.push_back(x.code + " " + x.where.sheet + "!" + x.where.cell);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("Settlement: the actual cost by the same key, against the charged, to the krona",
          "[fordelning][settlement]") {
  Findings findings;
  f::Kunder k = read_register(customer_rows(), catalogue_rows(), findings);
  REQUIRE(findings.empty());
  std::vector<analys::Submission> subs = {
      submission(kIs, "is.xlsx",
                 {line("Drift", 3, 800'000), line("Lön", 4, 100'000),
                  line("Skrivare DMS", 5, 12'000), line("Redovisning", 6, 5'000)},
                 {line("Drift", 3, 200'000)})};
  f::RoundAllocation charged = f::allocate_round(subs, 2024, k, findings);
  f::Catalogue catalogue(&k, suppliers_of(subs));
  f::Outcome outcome;
  outcome.file = "utfall.xlsx";
  outcome.rows = {outcome_row(kIs, "Driften", 1'100'000, 4),  // by its alias
                  outcome_row(kIs, "Lön", 90'000, 5), outcome_row(kIs, "Skrivare DMS", 13'000, 6)};
  f::Settlement s = f::settle(charged, k, catalogue, outcome, findings);
  CHECK(findings.empty());
  REQUIRE(s.services.size() == 3);
  CHECK(s.complete);

  // Drift: two lines, 800 000 + 200 000 charged, 1 100 000 actual. Each line keeps its amount
  // plus its share of the 100 000 (80 000 and 20 000); by 80/20: 880 000 to the
  // administrations 300:100:100, 220 000 to the companies 6:4.
  const auto& drift = service(s, "Drift");
  CHECK(drift.charged_kr == 1'000'000);
  CHECK(drift.actual_kr == 1'100'000);
  CHECK(drift.lines.size() == 2);
  CHECK(drift.actual_at.cell == "C5");
  using P = std::pair<std::int64_t, std::int64_t>;
  CHECK(by_id(drift) == std::map<std::string, P>{{"B1", {120'000, 132'000}},
                                                 {"DMS", {160'000, 176'000}},
                                                 {"F1", {480'000, 528'000}},
                                                 {"F2", {160'000, 176'000}},
                                                 {"LIS", {80'000, 88'000}}});
  // Lön: used by all but LIS, so the companies' step is B1's alone; 90 000: 72 000 to the
  // administrations (43 200, 14 400, 14 400) and 18 000 to B1.
  CHECK(by_id(service(s, "Lön")) == std::map<std::string, P>{{"B1", {20'000, 18'000}},
                                                             {"DMS", {16'000, 14'400}},
                                                             {"F1", {48'000, 43'200}},
                                                             {"F2", {16'000, 14'400}}});
  // Delivered to DMS: all of it to DMS.
  CHECK(by_id(service(s, "Skrivare DMS")) == std::map<std::string, P>{{"DMS", {12'000, 13'000}}});
  // Customers in the register's order, over the services.
  REQUIRE(s.customers.size() == 5);
  CHECK(s.customers[0].customer->id == "F1");
  CHECK(s.customers[0].charged == 528'000);
  CHECK(s.customers[0].final == 571'200);
  CHECK(s.customers[4].customer->id == "LIS");
  CHECK(s.customers[4].difference() == 8'000);
  CHECK(s.charged_kr == 1'112'000);
  CHECK(s.actual_kr == 1'203'000);
}

TEST_CASE("Settlement: actual volumes where given, the round's elsewhere; ties by Kund-id",
          "[fordelning][settlement]") {
  Findings findings;
  f::Kunder k = read_register(customer_rows(), catalogue_rows(), findings);
  std::vector<analys::Submission> subs = {
      submission(kIs, "is.xlsx", {line("Drift", 3, 1'000'000)})};
  f::RoundAllocation charged = f::allocate_round(subs, 2024, k, findings);
  f::Catalogue catalogue(&k, suppliers_of(subs));
  f::Outcome outcome;
  outcome.file = "utfall.xlsx";
  outcome.rows = {outcome_row(kIs, "Drift", 1'100'000, 4)};
  Rows volumes{{"Kund-id", "Namn", "Typ", "Antal anställda", "Okänt mått"},
               {"F1", "", "", 400, 1},
               {"F2", "", "", V(), V()},
               {"X9", "", "", 5, V()},
               {"B1", "", "", "många", V()}};
  xlsx::Workbook wb = test::workbook({{"Kunder", volumes}});
  wb.file_name = "utfall.xlsx";
  outcome.volumes = inputs::read_customer_sheet(wb, findings);
  outcome.volume_ids = {{"utfall.xlsx", "Kunder", "A2"}, {"utfall.xlsx", "Kunder", "A3"},
                        {"utfall.xlsx", "Kunder", "A4"}, {"utfall.xlsx", "Kunder", "A5"}};
  outcome.measure_at = {{"utfall.xlsx", "Kunder", "D1"}, {"utfall.xlsx", "Kunder", "E1"}};
  f::Settlement s = f::settle(charged, k, catalogue, outcome, findings);
  CHECK(places(findings) == std::vector<std::string>{"NUMBER_UNPARSED Kunder!D5",
                                                     "REGISTER_INVALID Kunder!A4",
                                                     "REGISTER_INVALID Kunder!E1"});
  CHECK(s.volumes_used == 1);
  // 880 000 among 400:100:100: 586 666,67, 146 666,67 and 146 666,67; the two kronor left go
  // to the equal remainders in Kund-id order, DMS and F1.
  using P = std::pair<std::int64_t, std::int64_t>;
  CHECK(by_id(service(s, "Drift")) == std::map<std::string, P>{{"B1", {120'000, 132'000}},
                                                               {"DMS", {160'000, 146'667}},
                                                               {"F1", {480'000, 586'667}},
                                                               {"F2", {160'000, 146'666}},
                                                               {"LIS", {80'000, 88'000}}});
}

TEST_CASE("Settlement: the outcome's rows matched against the round, each problem at its cell",
          "[fordelning][settlement]") {
  Findings findings;
  f::Kunder k = read_register(customer_rows(), catalogue_rows(), findings);
  std::vector<analys::Submission> subs = {
      submission(kIs, "is.xlsx",
                 {line("Drift", 3, 1'000), line("Lön", 4, 1'000), line("Redovisning", 5, 500),
                  line("Webbplattform", 6, 700)}),
      submission(kDms, "dms.xlsx", {line("Kontaktcenter", 3, 3'000)})};
  f::RoundAllocation charged = f::allocate_round(subs, 2024, k, findings);
  f::Catalogue catalogue(&k, suppliers_of(subs));
  f::Outcome outcome;
  outcome.file = "utfall.xlsx";
  outcome.rows = {outcome_row(kIs, "Drift", 1'000, 4),
                  outcome_row(kIs, "Driften", 1'200, 5),           // the same service again
                  outcome_row(kIs, "Redovisning", 450, 6),         // invoiced per order
                  outcome_row(kIs, "Webbplattform", 800, 7),       // delivered to DMS's service
                  outcome_row(kIs, "Ej rapporterad", 10, 8),       // catalogued, not submitted
                  outcome_row(kIs, "Okänd tjänst", 10, 9),         // nowhere
                  outcome_row("Okänd nämnd", "Drift", 10, 10),     // no such supplier
                  outcome_row(kDms, "Kontaktcenter", std::nullopt, 11)};  // unreadable
  findings.clear();
  f::Settlement s = f::settle(charged, k, catalogue, outcome, findings);
  CHECK(places(findings) == std::vector<std::string>{
                                "NOT_SETTLED Utfall!B7", "NOT_SETTLED Utfall!B8",
                                "NOT_SETTLED Utfall!B9", "REGISTER_INVALID Utfall!B6",
                                "SERVICE_UNCATALOGUED Utfall!B10",
                                "SERVICE_UNCATALOGUED Utfall!B11", "VALUE_MISSING Utfall!"});
  for (const Finding& x : findings) {
    if (x.code == "VALUE_MISSING") {
      CHECK(x.level == Level::fel);
      CHECK(x.message == "Utfallet för 'Lön' hos 'Nämnden för Intraservice' saknas: tjänsten "
                         "debiterades 1 000 kr men regleras inte förrän utfallet anges.");
    }
    if (x.where.cell == "B7") {
      CHECK(x.level == Level::info);
      CHECK(x.message == "Tjänsten 'Redovisning' regleras inte mot kunderna: den faktureras per "
                         "beställning (Faktura à pris) och fördelas inte med nyckel.");
    }
  }
  // Not settled: final = charged, and it says why.
  const auto& lon = service(s, "Lön");
  CHECK_FALSE(lon.settled);
  CHECK(lon.actual_kr == lon.charged_kr);
  for (const auto& c : lon.customers) CHECK(c.final == c.charged);
  CHECK(service(s, "Kontaktcenter").reason == "utfallet i cell C12 kan inte läsas");
  CHECK(service(s, "Drift").settled);
  CHECK_FALSE(s.complete);
}

TEST_CASE("utfall.xlsx: the sheet, its header, amounts in whole kronor, duplicates, the year",
          "[inputs][settlement]") {
  Rows utfall{{"Utfall 2023 för slutreglering"},
              {V()},
              {"Tjänst", "Leverantör", "Utfall kr", "Debiterat 2024 (kr)"},
              {"Drift", kIs, 1'100'000, 1'000'000},
              {"Lön", kIs, "90 000 kr", V()},
              {"Skrivare", kIs, "ca 13 000", V()},
              {"Redovisning", kIs, 12.5, V()},
              {"Webb", kIs, V(), V()},
              {"drift", kIs, 5, V()},
              {"Arkiv", V(), 5, V()},
              {"Summa", V(), 1'200'000, V()}};
  xlsx::Workbook wb = test::workbook({{"Utfall", utfall}});
  wb.file_name = "utfall.xlsx";
  Findings findings;
  f::Outcome o = inputs::read_outcome(wb, 2024, findings);
  CHECK(o.readable);
  CHECK(o.year == 2023);
  CHECK_FALSE(o.volumes);
  CHECK(places(findings) == std::vector<std::string>{
                                "NUMBER_UNPARSED Utfall!C6", "NUMBER_UNPARSED Utfall!C7",
                                "REGISTER_INVALID Utfall!A9", "REGISTER_INVALID Utfall!B10",
                                "VALUE_MISSING Utfall!C8", "YEAR_MISMATCH Utfall!A1"});
  REQUIRE(o.rows.size() == 5);
  CHECK(o.rows[0].supplier == kIs);
  CHECK(o.rows[0].actual_kr == 1'100'000);
  CHECK(o.rows[0].where.cell == "A4");
  CHECK(o.rows[0].amount_at.cell == "C4");
  CHECK(o.rows[1].actual_kr == 90'000);
  CHECK_FALSE(o.rows[2].actual_kr);
  CHECK_FALSE(o.rows[3].actual_kr);
  for (const Finding& x : findings) {
    if (x.where.cell == "C7") {
      CHECK(x.message == "Utfallet för 'Redovisning' ska vara ett belopp i hela kronor, fann "
                         "'12,5'.");
    }
  }
  findings.clear();
  xlsx::Workbook none = test::workbook({{"Blad1", utfall}});
  none.file_name = "utfall.xlsx";
  CHECK_FALSE(inputs::read_outcome(none, 2024, findings).readable);
  CHECK(places(findings) == std::vector<std::string>{"TABLE_MISSING !"});
}

namespace {

/// A generated round: services of IS with random keys, users, receivers and categories; some
/// with a second line in 3.1b; one DMS line.
struct Generated {
  Rows customers;
  Rows catalogue;
  std::vector<analys::Submission> subs;
};

Generated generate(std::mt19937_64& rng) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const char* categories[] = {"Bastjänst", "Digital infrastruktur", "Tilläggstjänst", "Utanför"};
  const char* financing[] = {"", "", "", "Kostnadsfördelning", "Faktura à pris", "Kommunbidrag"};
  const char* users[] = {"", "", "Typ=Förvaltning", "Typ=Bolag", "alla utom Kund=LIS",
                         "Kund=F1,B1"};
  const char* receivers[] = {"", "", "", "", "", "DMS", kDms.c_str()};
  Generated g;
  g.customers = {{"Kund-id", "Namn", "Typ", "Antal anställda", "Stadshus AB-nyckel"}};
  const char* ids[] = {"F1", "F2", "DMS", "B1", "LIS", "F3", "B2", "F4"};
  for (const char* id : ids) {
    bool bolag = id[0] == 'B' || std::string(id) == "LIS";
    g.customers.push_back({id, std::string("Kund ") + id, bolag ? "Bolag" : "Förvaltning",
                           bolag ? V() : V(static_cast<int>(1 + pick(5'000))),
                           bolag ? V(static_cast<int>(1 + pick(100))) : V()});
  }
  g.catalogue = {{"Leverantör", "Tjänst", "Nyckel", "Kategori", "Finansiering", "Används av",
                  "Levereras till"},
                 {kDms, "*", "Lika", "Bastjänst", V(), V(), V()}};
  std::vector<analys::Line> forvaltning, utveckling;
  std::size_t services = 1 + pick(15);
  for (std::size_t i = 0; i < services; ++i) {
    std::string name = "Tjänst " + std::to_string(i);
    g.catalogue.push_back({kIs, name, pick(3) == 0 ? "Lika" : "80/20", categories[pick(4)],
                           financing[pick(6)], users[pick(6)], receivers[pick(7)]});
    auto amount = [&] {
      std::int64_t kr = static_cast<std::int64_t>(rng() % 20'000'000) - 2'000'000;
      return kr == 0 ? std::int64_t{1} : kr;
    };
    auto r = static_cast<std::uint32_t>(3 + i);
    forvaltning.push_back(line(name, r, amount()));
    if (pick(3) == 0) utveckling.push_back(line(name, r, amount()));
  }
  g.subs = {submission(kIs, "is.xlsx", forvaltning, utveckling),
            submission(kDms, "dms.xlsx", {line("Kontaktcenter", 3, 1'000'000)})};
  return g;
}

/// A settlement with the register its customers point into.
struct Settled {
  std::unique_ptr<f::Kunder> kunder;
  f::Settlement settlement;
};

Settled settle_generated(const Generated& g, const Rows& customers,
                         const std::map<std::string, std::int64_t>& actual,
                         bool actual_is_charged, Findings& findings) {
  auto kunder = std::make_unique<f::Kunder>(read_register(customers, g.catalogue, findings));
  const f::Kunder& k = *kunder;
  f::RoundAllocation charged = f::allocate_round(g.subs, 2024, k, findings);
  f::Catalogue catalogue(&k, suppliers_of(g.subs));
  f::Outcome outcome;
  outcome.file = "utfall.xlsx";
  std::uint32_t row = 3;
  for (const auto& [supplier, name] : f::settled_services(charged)) {
    std::int64_t kr = 0;
    for (const auto& l : charged.lines) {
      if (l.supplier == supplier && l.service == name && l.allocation) kr += l.amount_kr;
    }
    outcome.rows.push_back(outcome_row(supplier, name,
                                       actual_is_charged ? kr : actual.at(supplier + name), row++));
  }
  return {std::move(kunder), f::settle(charged, k, catalogue, outcome, findings)};
}

}  // namespace

TEST_CASE("Property: over generated rounds the settlement adds up, ignores the customers' "
          "order, and is all zero when the outcome is the charged cost",
          "[fordelning][settlement][property]") {
  std::mt19937_64 rng(20261206);
  int settled_services = 0;
  for (int round = 0; round < 150; ++round) {
    INFO("round " << round);
    Generated g = generate(rng);
    std::map<std::string, std::int64_t> actual;
    for (const auto& s : g.subs) {
      for (const auto& t : s.tables) {
        for (const auto& l : t.lines) {
          actual[s.supplier + l.label] = static_cast<std::int64_t>(rng() % 30'000'000) - 3'000'000;
        }
      }
    }
    Findings findings;
    Settled first = settle_generated(g, g.customers, actual, false, findings);
    const f::Settlement& s = first.settlement;
    for (const Finding& x : findings) INFO(x.code << " " << x.message);
    CHECK(s.complete);
    std::int64_t charged_all = 0, actual_all = 0;
    for (const auto& x : s.services) {
      ++settled_services;
      std::int64_t charged = 0, final = 0, difference = 0;
      for (const auto& c : x.customers) {
        charged += c.charged;
        final += c.final;
        difference += c.difference();
      }
      CHECK(charged == x.charged_kr);
      CHECK(final == x.actual_kr);
      CHECK(difference == x.actual_kr - x.charged_kr);
      charged_all += x.charged_kr;
      actual_all += x.actual_kr;
    }
    std::int64_t customers_difference = 0;
    for (const auto& c : s.customers) customers_difference += c.difference();
    CHECK(customers_difference == actual_all - charged_all);

    // The customers in another order: the same kronor for every Kund-id.
    Rows shuffled = g.customers;
    std::shuffle(shuffled.begin() + 1, shuffled.end(), rng);
    Findings again;
    Settled second = settle_generated(g, shuffled, actual, false, again);
    const f::Settlement& t = second.settlement;
    REQUIRE(t.services.size() == s.services.size());
    for (std::size_t i = 0; i < s.services.size(); ++i) {
      CHECK(by_id(t.services[i]) == by_id(s.services[i]));
    }
    std::map<std::string, std::int64_t> diff_s, diff_t;
    for (const auto& c : s.customers) diff_s[c.customer->id] = c.difference();
    for (const auto& c : t.customers) diff_t[c.customer->id] = c.difference();
    CHECK(diff_s == diff_t);

    // The outcome equal to the charged cost: nothing to settle.
    Findings zero_findings;
    Settled zero = settle_generated(g, g.customers, actual, true, zero_findings);
    const f::Settlement& z = zero.settlement;
    for (const auto& x : z.services) {
      CHECK(x.settled);
      for (const auto& c : x.customers) CHECK(c.difference() == 0);
    }
    for (const auto& c : z.customers) CHECK(c.difference() == 0);
  }
  CHECK(settled_services > 300);  // the generator does make services to settle
}

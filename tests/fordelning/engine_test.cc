#include "fordelning/engine.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fordelning/customers.h"
#include "fordelning/decimal.h"
#include "kunder_fixture.h"

namespace f = arsanalys::fordelning;
using arsanalys::Findings;
using arsanalys::test::customer;
using f::Decimal;
using f::Int128;

namespace {

/// A step from its texts as a user would write them in `Nycklar`.
f::Step step(const char* andel, const char* urval, const char* matt) {
  f::Step s;
  s.andel = f::parse_decimal(andel).value();
  s.urval = f::parse_urval(urval).value();
  s.matt = f::parse_matt(matt).value();
  s.urval_text = urval;
  s.matt_text = matt;
  return s;
}

f::Key key(std::string name, std::vector<f::Step> steps) {
  f::Key k;
  k.name = std::move(name);
  k.steps = std::move(steps);
  return k;
}

Decimal d(const char* text) { return f::parse_decimal(text).value(); }

/// The register of the hand-worked examples: three förvaltningar and two bolag.
///
/// | Kund-id | Typ         | anställda | Stadshus AB | digitala | papper | ankn. | ärendetid |
/// | F1      | Förvaltning | 100       |             | 900      | 100    | 10    | 1,5       |
/// | F2      | Förvaltning | 300       |             | 500      | 0      | 30    | 0,5       |
/// | INK     | Förvaltning | 100       |             | 0        | 0      | 10    | 3         |
/// | B1      | Bolag       |           | 7,5       | 200      | 100    |       |           |
/// | B2      | Bolag       |           | 2,5       | 0        | 100    |       |           |
f::Kunder small_register() {
  f::Kunder k;
  k.file = "kunder.xlsx";
  k.customer_sheet = "Kunder";
  const char* names[] = {"Antal anställda", "Stadshus AB-nyckel", "Digitala fakturor",
                         "Pappersfakturor", "Anknytningar",       "Ärendetid"};
  for (std::uint32_t i = 0; i < 6; ++i) k.measures.push_back({names[i], 3 + i});
  k.customers = {
      customer("F1", "Förvaltning",
               {{"Antal anställda", d("100")},
                {"Digitala fakturor", d("900")},
                {"Pappersfakturor", d("100")},
                {"Anknytningar", d("10")},
                {"Ärendetid", d("1,5")}}),
      customer("F2", "Förvaltning",
               {{"Antal anställda", d("300")},
                {"Digitala fakturor", d("500")},
                {"Pappersfakturor", d("0")},
                {"Anknytningar", d("30")},
                {"Ärendetid", d("0,5")}}),
      customer("INK", "Förvaltning",
               {{"Antal anställda", d("100")},
                {"Digitala fakturor", d("0")},
                {"Pappersfakturor", d("0")},
                {"Anknytningar", d("10")},
                {"Ärendetid", d("3")}}),
      customer("B1", "Bolag",
               {{"Stadshus AB-nyckel", d("7,5")},
                {"Digitala fakturor", d("200")},
                {"Pappersfakturor", d("100")}}),
      customer("B2", "Bolag",
               {{"Stadshus AB-nyckel", d("2,5")},
                {"Digitala fakturor", d("0")},
                {"Pappersfakturor", d("100")}}),
  };
  for (std::uint32_t i = 0; i < k.customers.size(); ++i) k.customers[i].row = i + 1;
  return k;
}

const f::Key kForvBolag =
    key("Förvaltningar 75 % och bolag 25 %", {step("75", "Typ=Förvaltning", "Antal anställda"),
                                              step("25", "Typ=Bolag", "Stadshus AB-nyckel")});

const f::Key kInk15 =
    key("INK 15 %, förvaltningar 63,75 % och bolag 21,25 %",
        {step("15", "Kund=INK", "lika"), step("63,75", "Typ=Förvaltning", "Antal anställda"),
         step("21,25", "Typ=Bolag", "Stadshus AB-nyckel")});

const f::Key kFakturor =
    key("Leverantörsfakturor", {step("100", "alla", "Digitala fakturor + 3 * Pappersfakturor")});

const f::Key kKontaktcenter = key("Kontaktcenter", {step("20", "Typ=Förvaltning", "lika"),
                                                    step("40", "Typ=Förvaltning", "Anknytningar"),
                                                    step("40", "Typ=Förvaltning", "Ärendetid")});

using Kronor = std::map<std::string, std::int64_t>;

Kronor allocated(std::int64_t amount, const f::Key& k, const f::Kunder& kunder) {
  std::optional<f::Allocation> a = f::allocate(amount, k, kunder);
  REQUIRE(a);
  return a->customers_kr.to_map();
}

}  // namespace

TEST_CASE("parse_urval reads alla, Typ= and Kund= lists", "[fordelning]") {
  using Kind = f::Urval::Kind;
  CHECK(f::parse_urval("alla")->kind == Kind::alla);
  CHECK(f::parse_urval(" Alla ")->kind == Kind::alla);
  auto typ = f::parse_urval("Typ=Bolag");
  REQUIRE(typ);
  CHECK(typ->kind == Kind::typ);
  CHECK(typ->values == std::vector<std::string>{"Bolag"});
  auto kund = f::parse_urval("kund = INK, DMS");
  REQUIRE(kund);
  CHECK(kund->kind == Kind::kund);
  CHECK(kund->values == std::vector<std::string>{"INK", "DMS"});
  CHECK(f::parse_urval("Kund-id=SLK")->kind == Kind::kund);
  CHECK_FALSE(f::parse_urval("Bolag"));
  CHECK_FALSE(f::parse_urval(""));
  CHECK_FALSE(f::parse_urval("Namn=SLK"));
  CHECK_FALSE(f::parse_urval("Kund="));
  CHECK_FALSE(f::parse_urval("Kund=INK,,DMS"));
  CHECK_FALSE(f::parse_urval("Typ=Bolag=x"));
}

TEST_CASE("parse_matt reads lika, a measure and weighted sums", "[fordelning]") {
  CHECK(f::parse_matt("lika")->lika);
  CHECK(f::parse_matt("Lika")->lika);
  auto one = f::parse_matt("Antal anställda");
  REQUIRE(one);
  CHECK_FALSE(one->lika);
  REQUIRE(one->terms.size() == 1);
  CHECK(one->terms[0].measure == "Antal anställda");
  CHECK(one->terms[0].weight == Decimal{1, 0});
  auto sum = f::parse_matt("Digitala fakturor + 3 * Pappersfakturor");
  REQUIRE(sum);
  REQUIRE(sum->terms.size() == 2);
  CHECK(sum->terms[0].measure == "Digitala fakturor");
  CHECK(sum->terms[1].measure == "Pappersfakturor");
  CHECK(sum->terms[1].weight == Decimal{3, 0});
  auto half = f::parse_matt("0,5 * Ärendetid + Anknytningar × 2");
  REQUIRE(half);
  CHECK(half->terms[0].weight == Decimal{5, 1});
  CHECK(half->terms[0].measure == "Ärendetid");
  CHECK(half->terms[1].weight == Decimal{2, 0});
  CHECK(half->terms[1].measure == "Anknytningar");
  for (const char* bad :
       {"", "3 *", "* X", "3 * 4", "X * Y", "X +", "+ X", "12", "-1 * X", "X * 2 * Y"}) {
    INFO(bad);
    CHECK_FALSE(f::parse_matt(bad));
  }
}

TEST_CASE("split: largest remainder, ties to the lower index, negatives mirrored", "[fordelning]") {
  using Parts = std::vector<std::int64_t>;
  auto split = [](std::int64_t amount, Parts w) { return f::split(amount, w); };
  CHECK(split(100, {1, 1, 1}) == Parts{34, 33, 33});
  CHECK(split(-100, {1, 1, 1}) == Parts{-34, -33, -33});
  CHECK(split(2, {1, 1, 1}) == Parts{1, 1, 0});
  CHECK(split(1, {0, 1, 1}) == Parts{0, 1, 0});
  CHECK(split(0, {3, 4}) == Parts{0, 0});
  CHECK(split(10, {0, 0, 5}) == Parts{0, 0, 10});
  // 1 000 001 by 75/25: 750 000,75 and 250 000,25; the krona left goes to the larger remainder
  CHECK(split(1'000'001, {75, 25}) == Parts{750'001, 250'000});
  // 7 by 1/2/4: 1, 2, 4 exactly
  CHECK(split(7, {1, 2, 4}) == Parts{1, 2, 4});
  // the largest amounts: |A| × w must not overflow
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  CHECK(split(kMax, {kMax - 1, 1}) == Parts{kMax - 1, 1});
  CHECK(split(std::numeric_limits<std::int64_t>::min(), {1}) ==
        Parts{std::numeric_limits<std::int64_t>::min()});
}

TEST_CASE("75 % förvaltningar by employees, 25 % bolag by the Stadshus AB key", "[fordelning]") {
  f::Kunder k = small_register();
  // 1 000 001 kr: steps 750 000,75 -> 750 001 (larger remainder) and 250 000,25 -> 250 000.
  // Step 1 by employees 100/300/100 of 500: F1 150 000,2; F2 450 000,6 -> +1; INK 150 000,2.
  // Step 2 by 7,5/2,5 of 10: B1 187 500, B2 62 500 exactly.
  CHECK(
      allocated(1'000'001, kForvBolag, k) ==
      Kronor{{"F1", 150'000}, {"F2", 450'001}, {"INK", 150'000}, {"B1", 187'500}, {"B2", 62'500}});
  // The negative amount mirrored.
  CHECK(allocated(-1'000'001, kForvBolag, k) == Kronor{{"F1", -150'000},
                                                       {"F2", -450'001},
                                                       {"INK", -150'000},
                                                       {"B1", -187'500},
                                                       {"B2", -62'500}});
  auto a = f::allocate(1'000'001, kForvBolag, k);
  REQUIRE(a);
  REQUIRE(a->steps.size() == 2);
  CHECK(a->steps[0].andel == f::Fraction{3, 4});
  CHECK(a->steps[0].kr == 750'001);
  CHECK(a->steps[0].total_weight == 5);  // 100/300/100 reduced by 100
  REQUIRE(a->steps[0].customers.size() == 3);
  CHECK(a->steps[0].customers[1].kund_id() == "F2");
  CHECK(f::share_of(a->steps[0], a->steps[0].customers[1]) == f::Fraction{3, 5});
  CHECK(f::measure_values(kForvBolag.steps[0], *a->steps[0].customers[1].customer, k) ==
        std::vector<Decimal>{Decimal{300, 0}});
  CHECK(a->steps[1].customers[0].kund_id() == "B1");  // Kund-id byte order
  CHECK(f::share_of(a->steps[1], a->steps[1].customers[0]) == f::Fraction{3, 4});
  CHECK(f::measure_values(kForvBolag.steps[1], *a->steps[1].customers[0].customer, k) ==
        std::vector<Decimal>{Decimal{75, 1}});
  // find_customer: the step's own entry, or nothing for a customer the step does not select.
  REQUIRE(f::find_customer(a->steps[0], "F2") == &a->steps[0].customers[1]);
  CHECK(f::find_customer(a->steps[0], "B1") == nullptr);
  CHECK(f::find_customer(a->steps[1], "B2")->kr == 62'500);
  CHECK(f::find_customer(a->steps[1], "X") == nullptr);
  // Weighed once, allocated by the weights: the same as allocate() weighing itself.
  auto weights = f::weigh(kForvBolag, k, nullptr);
  REQUIRE(weights);
  CHECK(f::allocate(1'000'001, kForvBolag, *weights, k).customers_kr == a->customers_kr);
}

TEST_CASE("The supplier first carries 15 %: INK 15, förvaltningar 63,75, bolag 21,25",
          "[fordelning]") {
  f::Kunder k = small_register();
  // 1 000 001 kr: 150 000,15 / 637 500,6375 / 212 500,2125 -> the krona left to step 2:
  // 150 000 / 637 501 / 212 500.
  // Step 1: INK alone, 150 000. Step 2 by employees 100/300/100: F1 127 500,2; F2 382 500,6
  // -> 382 501; INK 127 500,2. Step 3 by 7,5/2,5: B1 159 375, B2 53 125.
  // INK: 150 000 + 127 500 = 277 500.
  CHECK(
      allocated(1'000'001, kInk15, k) ==
      Kronor{{"F1", 127'500}, {"F2", 382'501}, {"INK", 277'500}, {"B1", 159'375}, {"B2", 53'125}});
  auto a = f::allocate(1'000'001, kInk15, k);
  REQUIRE(a);
  CHECK(a->steps[1].andel == f::Fraction{51, 80});  // 63,75 %
  CHECK(a->steps[2].andel == f::Fraction{17, 80});  // 21,25 %
}

TEST_CASE("Invoices weighted: digital + 3 × paper", "[fordelning]") {
  f::Kunder k = small_register();
  // Weights: B1 200+300 = 500, B2 0+300 = 300, F1 900+300 = 1 200, F2 500, INK 0; total 2 500.
  // 9 998 kr: B1 1 999,6; B2 1 199,76; F1 4 799,04; F2 1 999,6; INK 0. Floors 9 996, 2 left:
  // B2 (,76), then B1 and F2 tie at ,6 -> B1, whose Kund-id sorts first.
  CHECK(allocated(9'998, kFakturor, k) ==
        Kronor{{"B1", 2'000}, {"B2", 1'200}, {"F1", 4'799}, {"F2", 1'999}, {"INK", 0}});
  // 9 999 kr: remainders B2 ,88, B1 ,8, F2 ,8, F1 ,52; 3 left: B2, B1, F2.
  CHECK(allocated(9'999, kFakturor, k) ==
        Kronor{{"B1", 2'000}, {"B2", 1'200}, {"F1", 4'799}, {"F2", 2'000}, {"INK", 0}});
  auto a = f::allocate(9'998, kFakturor, k);
  REQUIRE(a);
  CHECK(f::measure_values(kFakturor.steps[0], *a->steps[0].customers[0].customer, k) ==
        std::vector<Decimal>{Decimal{200, 0}, Decimal{100, 0}});
  CHECK(a->steps[0].total_weight == 25);  // 2 500 reduced by 100
}

TEST_CASE("Base amount, extensions and call time: three steps", "[fordelning]") {
  f::Kunder k = small_register();
  // 100 000 kr: 20 000 / 40 000 / 40 000.
  // lika: 6 666,67 each, 2 left to F1 and F2 (all tie; Kund-id order): 6 667 / 6 667 / 6 666.
  // Anknytningar 10/30/10: 8 000 / 24 000 / 8 000.
  // Ärendetid 1,5/0,5/3 (of 5): 12 000 / 4 000 / 24 000.
  CHECK(allocated(100'000, kKontaktcenter, k) ==
        Kronor{{"F1", 26'667}, {"F2", 34'667}, {"INK", 38'666}});
}

TEST_CASE("Fixed percentages per customer (seed 004, Vård och omsorg)", "[fordelning]") {
  f::Kunder k;
  k.file = "kunder.xlsx";
  k.customer_sheet = "Kunder";
  k.measures = {{"Andel Vård och omsorg", 3}};
  const std::pair<const char*, const char*> shares[] = {{"SFNO", "8,6"}, {"SFC", "7,0"},
                                                        {"SFH", "6,3"},  {"SFSV", "4,2"},
                                                        {"AVO", "40,6"}, {"FFS", "33,3"}};
  for (auto [id, share] : shares) {
    k.customers.push_back(customer(id, "Förvaltning", {{"Andel Vård och omsorg", d(share)}}));
  }
  // 696 972 kr (seed 004's 17 days of Treserva) by 86/70/63/42/406/333 per mille:
  // SFNO 59 939,592; SFC 48 788,04; SFH 43 909,236; SFSV 29 272,824; AVO 282 970,632;
  // FFS 232 091,676. Floors 696 969; 3 left: SFSV (,824), FFS (,676), AVO (,632).
  const Kronor want{{"SFNO", 59'939}, {"SFC", 48'788},  {"SFH", 43'909},
                    {"SFSV", 29'273}, {"AVO", 282'971}, {"FFS", 232'092}};
  f::Key as_measure = key("Vård och omsorg",
                          {step("100", "Kund=SFNO,SFC,SFH,SFSV,AVO,FFS", "Andel Vård och omsorg")});
  CHECK(allocated(696'972, as_measure, k) == want);
  // The same as one step per customer with its percentage as Andel (kunder.xlsx's way).
  f::Key as_steps = key("Vård och omsorg (fasta andelar)",
                        {step("8,6", "Kund=SFNO", "lika"), step("7", "Kund=SFC", "lika"),
                         step("6,3", "Kund=SFH", "lika"), step("4,2", "Kund=SFSV", "lika"),
                         step("40,6", "Kund=AVO", "lika"), step("33,3", "Kund=FFS", "lika")});
  CHECK(allocated(696'972, as_steps, k) == want);
}

TEST_CASE("Ties go to the earlier step, then to the Kund-id first in byte order", "[fordelning]") {
  f::Kunder k;
  k.measures = {{"M", 3}};
  // Sheet order b, a, A; byte order A < a < b.
  for (const char* id : {"b", "a", "A"}) k.customers.push_back(customer(id, "Bolag", {}));
  f::Key lika = key("Lika", {step("100", "alla", "lika")});
  CHECK(allocated(1, lika, k) == Kronor{{"A", 1}, {"a", 0}, {"b", 0}});
  CHECK(allocated(2, lika, k) == Kronor{{"A", 1}, {"a", 1}, {"b", 0}});
  CHECK(allocated(-2, lika, k) == Kronor{{"A", -1}, {"a", -1}, {"b", 0}});
  // Two steps of 50 %: 1 krona goes to the earlier step, although its customer sorts last.
  f::Key steps = key("Halva", {step("50", "Kund=b", "lika"), step("50", "Kund=A", "lika")});
  CHECK(allocated(1, steps, k) == Kronor{{"A", 0}, {"b", 1}});
  CHECK(allocated(3, steps, k) == Kronor{{"A", 1}, {"b", 2}});
}

TEST_CASE("Keys that cannot allocate are refused with KEY_INVALID or MEASURE_MISSING",
          "[fordelning]") {
  f::Kunder k = small_register();
  struct Case {
    f::Key key;
    const char* code;
    const char* message;
  };
  const Case cases[] = {
      {key("Noll", {step("100", "Kund=INK", "Digitala fakturor")}), "KEY_INVALID",
       "Måttet 'Digitala fakturor' är 0 för alla kunder i urvalet 'Kund=INK'; nyckeln 'Noll' kan "
       "inte fördela steget."},
      {key("Nittio", {step("60", "alla", "lika"), step("30", "alla", "lika")}), "KEY_INVALID",
       "Stegen i nyckeln 'Nittio' ska tillsammans ha andelen 100 %, fann 90 %."},
      {key("Okänt", {step("100", "alla", "Antal datorer")}), "KEY_INVALID",
       "Måttet 'Antal datorer' finns inte som kolumn i bladet 'Kunder'."},
      {key("Ingen", {step("100", "Typ=Stiftelse", "lika")}), "KEY_INVALID",
       "Urvalet 'Typ=Stiftelse' väljer ingen kund."},
      {key("Vem", {step("100", "Kund=INK,XYZ", "lika")}), "KEY_INVALID",
       "Urvalet nämner kund-id 'XYZ', som inte finns i bladet 'Kunder'."},
      {key("Tom", {}), "KEY_INVALID", "Nyckeln 'Tom' har inga steg."},
      {key("Bolag", {step("100", "Typ=Bolag", "Antal anställda")}), "MEASURE_MISSING",
       "Kunden 'B1' saknar värde för måttet 'Antal anställda', som nyckeln 'Bolag' fördelar "
       "efter."},
  };
  for (const Case& c : cases) {
    INFO(c.key.name);
    Findings found;
    CHECK_FALSE(f::weigh(c.key, k, &found));
    CHECK_FALSE(f::allocate(1000, c.key, k));
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].code == c.code);
    CHECK(found[0].level == arsanalys::Level::fel);
    CHECK(found[0].message == c.message);
  }
  // The missing value's cell: B1 is on row 5 (index 4), Antal anställda in column D.
  Findings found;
  f::weigh(cases[6].key, k, &found);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where.cell == "D5");
  CHECK(found[1].where.cell == "D6");
}

namespace {

/// A random register and key for the properties; ids of 1-3 letters of both cases.
struct Random {
  std::mt19937_64 rng{20240315};

  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  }

  Decimal measure() {
    if (between(0, 4) == 0) return Decimal{0, static_cast<int>(between(0, 2))};
    return Decimal{between(1, 10'000'000), static_cast<int>(between(0, 3))};
  }

  f::Kunder kunder() {
    f::Kunder k;
    k.measures = {{"m0", 3}, {"m1", 4}, {"m2", 5}};
    std::int64_t n = between(1, 12);
    const std::string letters = "ABCabc";
    while (static_cast<std::int64_t>(k.customers.size()) < n) {
      std::string id;
      for (std::int64_t i = between(1, 3); i > 0; --i) id += letters[between(0, 5)];
      if (k.customer(id) != nullptr) continue;
      k.customers.push_back(customer(id, between(0, 1) ? "Förvaltning" : "Bolag",
                                     {{"m0", measure()}, {"m1", measure()}, {"m2", measure()}}));
    }
    return k;
  }

  f::Step random_step(const f::Kunder& k, Decimal andel) {
    f::Step s;
    s.andel = andel;
    switch (between(0, 3)) {
      case 0:
        s.urval = {f::Urval::Kind::alla, {}};
        break;
      case 1:
        s.urval = {f::Urval::Kind::typ, {"Förvaltning"}};
        break;
      case 2:
        s.urval = {f::Urval::Kind::typ, {"Bolag"}};
        break;
      default:
        s.urval = {f::Urval::Kind::kund, {}};
        for (const f::Customer& c : k.customers) {
          if (between(0, 1)) s.urval.values.push_back(c.id);
        }
        if (s.urval.values.empty()) s.urval.values.push_back(k.customers.front().id);
    }
    switch (between(0, 2)) {
      case 0:
        s.matt.lika = true;
        break;
      case 1:
        s.matt.terms = {{Decimal{1, 0}, "m" + std::to_string(between(0, 2))}};
        break;
      default:
        for (int t = 0; t < 3; ++t) {
          if (between(0, 1)) {
            Decimal w{between(0, 30), static_cast<int>(between(0, 1))};
            s.matt.terms.push_back({w, "m" + std::to_string(t)});
          }
        }
        if (s.matt.terms.empty()) s.matt.terms.push_back({Decimal{1, 0}, "m0"});
    }
    return s;
  }

  /// 1-4 steps whose Andel (two decimals) sum to 100.
  f::Key random_key(const f::Kunder& k) {
    std::int64_t n = between(1, 4);
    std::vector<std::int64_t> cuts{0, 10'000};
    for (std::int64_t i = 1; i < n; ++i) cuts.push_back(between(0, 10'000));
    std::sort(cuts.begin(), cuts.end());
    f::Key key;
    key.name = "slump";
    for (std::size_t i = 1; i < cuts.size(); ++i) {
      key.steps.push_back(random_step(k, Decimal{cuts[i] - cuts[i - 1], 2}));
    }
    return key;
  }

  std::int64_t amount() {
    switch (between(0, 5)) {
      case 0:
        return between(-1, 1);
      case 1:
        return between(-20, 20);
      case 2:
        return between(-100'000, 100'000);
      case 3:
        return between(-1'000'000'000'000, 1'000'000'000'000);
      case 4:
        return between(0, 1) ? 1 : -1;
      default:
        return between(-5'000'000'000, 5'000'000'000);
    }
  }
};

Int128 abs128(Int128 x) { return x < 0 ? -x : x; }

/// Every part is its exact share rounded down or up, and the parts add up exactly.
void check_exact(std::int64_t amount, const f::Allocation& a, const f::KeyWeights& kw) {
  std::int64_t total = 0, steps = 0;
  for (const auto& [id, kr] : a.customers_kr) total += kr;
  CHECK(total == amount);
  for (std::size_t s = 0; s < a.steps.size(); ++s) {
    const f::StepShare& st = a.steps[s];
    steps += st.kr;
    CHECK(abs128(Int128{st.kr} * kw.andel_total - Int128{amount} * kw.andel[s]) < kw.andel_total);
    std::int64_t parts = 0;
    for (const f::CustomerShare& c : st.customers) {
      parts += c.kr;
      CHECK(abs128(Int128{c.kr} * st.total_weight - Int128{st.kr} * c.weight) < st.total_weight);
      if (c.weight == 0) CHECK(c.kr == 0);
    }
    CHECK(parts == st.kr);
  }
  CHECK(steps == amount);
}

}  // namespace

TEST_CASE("Properties: exact sums, order, scale and sign do not matter", "[fordelning]") {
  Random r;
  int checked = 0;
  for (int round = 0; round < 3000; ++round) {
    f::Kunder k = r.kunder();
    f::Key key = r.random_key(k);
    std::optional<f::KeyWeights> kw = f::weigh(key, k, nullptr);
    if (!kw) continue;  // nobody selected, or all weights zero
    ++checked;
    std::int64_t amount = r.amount();
    INFO("round " << round << ", amount " << amount);
    std::optional<f::Allocation> a = f::allocate(amount, key, k);
    REQUIRE(a);
    check_exact(amount, *a, *kw);

    // The negative amount is the mirror image.
    Kronor negated;
    for (const auto& e : a->customers_kr) negated[e.id()] = -e.kr;
    CHECK(allocated(-amount, key, k) == negated);

    // Customers in another order: the same kronor.
    f::Kunder shuffled = k;
    std::shuffle(shuffled.customers.begin(), shuffled.customers.end(), r.rng);
    CHECK(allocated(amount, key, shuffled) == a->customers_kr);

    // Every measure times one constant (here 7,25 or 1 000): the same kronor.
    f::Kunder scaled = k;
    Decimal factor = r.between(0, 1) ? Decimal{725, 2} : Decimal{1000, 0};
    for (f::Customer& c : scaled.customers) {
      for (auto& [name, v] : c.measures) v = {v.units * factor.units, v.scale + factor.scale};
    }
    CHECK(allocated(amount, key, scaled) == a->customers_kr);
  }
  CHECK(checked > 1500);
}

TEST_CASE("Properties: 1-krona amounts and customers with measure zero", "[fordelning]") {
  Random r;
  for (int round = 0; round < 500; ++round) {
    f::Kunder k = r.kunder();
    // One customer more, with zero in every measure.
    k.customers.push_back(customer("Z0", "Förvaltning",
                                   {{"m0", Decimal{}}, {"m1", Decimal{}}, {"m2", Decimal{0, 2}}}));
    f::Key key = r.random_key(k);
    for (f::Step& s : key.steps) s.matt.lika = false;
    for (f::Step& s : key.steps) {
      if (s.matt.terms.empty()) s.matt.terms = {{Decimal{1, 0}, "m1"}};
    }
    std::optional<f::KeyWeights> kw = f::weigh(key, k, nullptr);
    if (!kw) continue;
    for (std::int64_t amount : {1, -1, 2, 0}) {
      std::optional<f::Allocation> a = f::allocate(amount, key, k);
      REQUIRE(a);
      check_exact(amount, *a, *kw);
      if (const f::CustomerKr* z = a->customers_kr.find("Z0")) CHECK(z->kr == 0);
    }
  }
}

TEST_CASE("Weights are exact decimals: 0,5 × X splits as X", "[fordelning]") {
  f::Kunder k = small_register();
  f::Key x = key("X", {step("100", "Typ=Förvaltning", "Ärendetid")});
  f::Key half = key("Halv", {step("100", "Typ=Förvaltning", "0,5 * Ärendetid")});
  f::Key mixed = key("Blandad", {step("100", "Typ=Förvaltning", "Ärendetid + 0,1 * Anknytningar")});
  CHECK(allocated(1'000'003, x, k) == allocated(1'000'003, half, k));
  // Ärendetid + Anknytningar / 10: F1 1,5 + 1 = 2,5; F2 0,5 + 3 = 3,5; INK 3 + 1 = 4 (of 10).
  CHECK(allocated(1'000, mixed, k) == Kronor{{"F1", 250}, {"F2", 350}, {"INK", 400}});
}

TEST_CASE("match_key: Tjänster row, then the supplier's *, then the 3.2 text", "[fordelning]") {
  f::Kunder k = small_register();
  k.keys = {kForvBolag, kInk15, kFakturor, kKontaktcenter};
  k.keys[2].aliases = {"Fördelas på utifrån antal fakturor."};
  k.keys[3].aliases = {"Grundbelopp, antal anknötningar och ärendetid till kontaktcenter"};
  const std::string ink = "Nämnden för inköp och upphandling";
  const std::string dms = "Nämnden för demokrati och medborgarservice";
  auto row = [](std::string supplier, std::string service, std::string key, std::string proposed) {
    f::ServiceRow r;
    r.supplier = std::move(supplier);
    r.service = std::move(service);
    r.key = std::move(key);
    r.proposed_key = std::move(proposed);
    return r;
  };
  k.services = {
      row(ink, "Stöd vid upphandling", "Förvaltningar 75 % och bolag 25 %",
          "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %"),
      row(dms, "*", "Kontaktcenter", ""),
      row(dms, "Valmyndighet", "Okänd nyckel", ""),
      row(ink, "Bara förslag", "", "Leverantörsfakturor"),
  };
  f::KeyMatch own = f::match_key("nämnden för  INKÖP och upphandling", "Stöd vid upphandling.",
                                 "Fördelas på utifrån antal fakturor.", k);
  CHECK(own.key == &k.keys[0]);
  CHECK(own.proposed == &k.keys[1]);
  CHECK(own.source == f::KeySource::tjanst);
  CHECK(own.row == &k.services[0]);

  f::KeyMatch star = f::match_key(dms, "Något annat", "Leverantörsfakturor", k);
  CHECK(star.key == &k.keys[3]);
  CHECK(star.source == f::KeySource::stjarna);

  f::KeyMatch text =
      f::match_key(ink, "Stöd vid fakturor", "Fördelas på utifrån antal fakturor", k);
  CHECK(text.key == &k.keys[2]);
  CHECK(text.source == f::KeySource::text);
  CHECK(text.row == nullptr);
  CHECK(f::key_for(ink, "Stöd vid fakturor", "leverantörsfakturor", k) == &k.keys[2]);

  // A row naming an unknown key gives no key (KEY_MISSING), not the supplier's *.
  f::KeyMatch unknown = f::match_key(dms, "Valmyndighet", "Kontaktcenter", k);
  CHECK(unknown.key == nullptr);
  CHECK(unknown.source == f::KeySource::none);
  CHECK(unknown.row == &k.services[2]);

  // A row with only a proposal: the current key from the 3.2 text.
  f::KeyMatch proposal = f::match_key(ink, "Bara förslag", "Kontaktcenter", k);
  CHECK(proposal.key == &k.keys[3]);
  CHECK(proposal.proposed == &k.keys[2]);
  CHECK(proposal.source == f::KeySource::text);

  CHECK(f::key_for(ink, "Okänd tjänst", "", k) == nullptr);
  CHECK(f::key_for(ink, "Okänd tjänst", "Någon annan nyckel", k) == nullptr);
}

TEST_CASE("CustomerFinder: the same entries as find_customer and CustomerKronor::find",
          "[fordelning]") {
  Random r;
  int compared = 0;
  for (int round = 0; round < 300; ++round) {
    f::Kunder k = r.kunder();
    std::vector<f::Allocation> allocations;
    for (int i = 0; i < 6; ++i) {
      f::Key key = r.random_key(k);
      if (auto a = f::allocate(r.amount(), key, k)) allocations.push_back(std::move(*a));
    }
    // Customers of this register, and copies of them that are other objects with the same
    // Kund-ids (a finder must then find by Kund-id, not by the guess).
    f::Kunder copy = k;
    std::shuffle(copy.customers.begin(), copy.customers.end(), r.rng);
    std::vector<const f::Customer*> customers;
    for (const auto& c : k.customers) customers.push_back(&c);
    for (const auto& c : copy.customers) customers.push_back(&c);
    for (const f::Customer* c : customers) {
      f::CustomerFinder finder(*c);
      for (int pass = 0; pass < 2; ++pass) {  // the second pass goes by the guesses
        for (const f::Allocation& a : allocations) {
          CHECK(finder.in(a.customers_kr) == a.customers_kr.find(c->id));
          for (const f::StepShare& step : a.steps) {
            CHECK(finder.in(step) == f::find_customer(step, c->id));
            ++compared;
          }
        }
      }
    }
  }
  CHECK(compared > 1000);
}

TEST_CASE("CustomerPlaces: the same entries as CustomerKronor::find", "[fordelning]") {
  Random r;
  int tabled = 0;
  for (int round = 0; round < 20; ++round) {
    // Registers long enough for lists to get tables of places (64 customers and more).
    f::Kunder k;
    k.measures = {{"m0", 3}, {"m1", 4}, {"m2", 5}};
    std::int64_t n = r.between(40, 300);
    for (std::int64_t i = 0; i < n; ++i) {
      k.customers.push_back(customer(fmt::format("K{:04}", i * 7 % 1000),
                                       r.between(0, 1) ? "Förvaltning" : "Bolag",
                                       {{"m0", r.measure()}, {"m1", r.measure()},
                                        {"m2", r.measure()}}));
    }
    f::Kunder copy = k;  // another register with the same Kund-ids (last year's)
    std::shuffle(copy.customers.begin(), copy.customers.end(), r.rng);
    std::vector<f::Allocation> allocations;
    for (int i = 0; i < 8; ++i) {
      const f::Kunder& reg = i % 4 == 3 ? copy : k;
      f::Key key = r.random_key(reg);
      if (auto a = f::allocate(r.amount(), key, reg)) allocations.push_back(std::move(*a));
    }
    std::vector<const f::CustomerKronor*> lists;
    for (const f::Allocation& a : allocations) {
      lists.push_back(&a.customers_kr);
      lists.push_back(nullptr);
      lists.push_back(&a.customers_kr);  // a list twice: one table for both
    }
    f::CustomerPlaces places(lists, k);
    for (const f::Kunder* reg : {&k, &copy}) {
      for (const f::Customer& c : reg->customers) {
        for (std::size_t i = 0; i < lists.size(); ++i) {
          const f::CustomerKr* expected = lists[i] ? lists[i]->find(c.id) : nullptr;
          CHECK(places.find(i, c) == expected);
          if (expected != nullptr && lists[i]->size() >= 64 && reg == &k) ++tabled;
        }
      }
    }
    CHECK(places.find(lists.size(), k.customers.front()) == nullptr);  // no such list
  }
  CHECK(tabled > 1000);
}

TEST_CASE("KronorSum: the same sums as a map by Kund-id", "[fordelning]") {
  Random r;
  for (int round = 0; round < 200; ++round) {
    f::Kunder k = r.kunder();
    f::Kunder copy = k;  // other objects with the same Kund-ids: summed with the originals
    std::map<std::string, std::int64_t> expected;
    f::KronorSum sum;
    for (int i = 0; i < 6; ++i) {
      const f::Kunder& reg = i % 3 == 2 ? copy : k;
      f::Key key = r.random_key(reg);
      auto a = f::allocate(r.amount(), key, reg);
      if (!a) continue;
      for (const auto& e : a->customers_kr) expected[e.id()] += e.kr;
      sum.add(a->customers_kr);
    }
    CHECK(sum.to_map() == expected);
    std::map<std::string, std::int64_t> into{{"ANNAN", 5}};
    sum.add_to(into);
    expected["ANNAN"] += 5;
    CHECK(into == expected);
  }
}

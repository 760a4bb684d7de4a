// compute_bridge(): the change from last year split into parts, checked as properties over
// generated rounds (the parts add up; a part whose cause did not change is 0; the customers'
// order does not matter) and on small hand-made cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "fordelning/bridge.h"
#include "fordelning/round_allocation.h"
#include "inputs/foregaende.h"
#include "inputs/kunder.h"
#include "kunder_fixture.h"

using namespace arsanalys;
namespace f = arsanalys::fordelning;
using arsanalys::test::Rows;
using arsanalys::test::V;

namespace {

/// A generated year: the register's rows and the supplier's lines.
struct Year {
  Rows kunder{{"Kund-id", "Namn", "Typ", "Antal anställda", "Datorer"}};
  Rows nycklar{{"Nyckel", "Andel", "Urval", "Mått"},
               {"Anställda", 100, "alla", "Antal anställda"},
               {"Blandad", 70, "Typ=Förvaltning", "Antal anställda"},
               {V(), 30, "alla", "Datorer"},
               {"Lika", 100, "alla", "lika"}};
  Rows tjanster{{"Leverantör", "Tjänst", "Nyckel", "Kategori", "Används av"}};
};

/// A generated round: last year's register, this year's, the lines' Budget Y-1 and Prognos Y.
struct Round {
  Year before, now;
  std::vector<std::string> services;
  std::vector<std::int64_t> budget, prognos;
};

const char* kKeys[] = {"Anställda", "Blandad", "Lika"};

Round generate(std::uint32_t seed, int customers = 6, int services = 5) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Round r;
  for (int c = 0; c < customers; ++c) {
    std::string id = std::string(1, static_cast<char>('A' + c)) + std::to_string(pick(0, 9));
    std::string typ = pick(0, 2) == 0 ? "Bolag" : "Förvaltning";
    if (c == 0) typ = "Förvaltning";
    int staff = pick(1, 5000), pcs = pick(0, 3000);
    r.before.kunder.push_back({id, "Kund " + id, typ, staff, pcs});
    r.now.kunder.push_back({id, "Kund " + id, typ, staff, pcs});
  }
  for (int s = 0; s < services; ++s) {
    std::string name = "Tjänst " + std::to_string(s + 1);
    r.services.push_back(name);
    const char* key = kKeys[pick(0, 2)];
    r.before.tjanster.push_back({"Lev", name, key, "Bastjänst", V()});
    r.now.tjanster.push_back({"Lev", name, key, "Bastjänst", V()});
    std::int64_t b = pick(1, 2'000'000) * std::int64_t{7};
    r.budget.push_back(b);
    r.prognos.push_back(b);
  }
  return r;
}

analys::Line row(const std::string& label, std::uint32_t r, std::int64_t budget,
                 std::int64_t prognos) {
  analys::Line l;
  l.label = label;
  l.row = r;
  for (std::int64_t kr : {budget, prognos}) {
    if (kr == 0) {
      l.values.push_back(std::nullopt);
      continue;
    }
    analys::Figure fig;
    fig.amount.kind = analys::Amount::Kind::amount;
    fig.amount.kronor = kr;
    fig.source = Location{"lev.xlsx", "3.1", "C" + std::to_string(r + 1)};
    l.values.push_back(fig);
  }
  return l;
}

std::vector<analys::Submission> submissions_of(const Round& r) {
  analys::Submission s;
  s.file = "lev.xlsx";
  s.supplier = "Lev";
  s.year = 2024;
  analys::Table t;
  t.id = "forvaltning";
  t.sheet = "3.1";
  t.columns.push_back(analys::Column{analys::ColumnKind::budget, 2023, "Budget 2023", 1});
  t.columns.push_back(analys::Column{analys::ColumnKind::prognos, 2024, "Prognos 2024", 2});
  for (std::size_t i = 0; i < r.services.size(); ++i) {
    t.lines.push_back(row(r.services[i], static_cast<std::uint32_t>(i + 3), r.budget[i],
                          r.prognos[i]));
  }
  s.tables.push_back(std::move(t));
  return {s};
}

f::Kunder register_of(const Year& y) {
  Findings findings;
  return inputs::read_kunder(test::workbook({{"Kunder", y.kunder},
                                             {"Nycklar", y.nycklar},
                                             {"Tjänster", y.tjanster}}),
                             findings);
}

/// A round computed: this year's allocation, last year's recomputed, and the bridge.
struct Computed {
  f::Kunder now, before;
  std::vector<analys::Submission> subs;
  f::RoundAllocation current, last;
  f::Bridge bridge;
};

std::unique_ptr<Computed> compute(const Round& r, std::map<std::string, Rational> index = {},
                                  const std::vector<f::ChargedLine>* charged = nullptr) {
  auto c = std::make_unique<Computed>();
  c->now = register_of(r.now);
  c->before = register_of(r.before);
  c->subs = submissions_of(r);
  Findings findings;
  c->current = f::allocate_round(c->subs, 2024, c->now, findings);
  c->last = f::allocate_round(c->subs, 2023, c->before, findings);
  c->bridge = f::compute_bridge({c->subs, c->current, c->now, c->before, std::move(index), charged});
  return c;
}

/// Every customer's parts add up to its change, this year is the allocation's total and last
/// year the recomputed one (base omrakning).
void check_sums(const Computed& c) {
  for (const auto& [id, b] : c.bridge.customers) {
    INFO("customer " << id);
    CHECK(b.parts.sum() == b.this_year_kr - b.last_year_kr);
    auto now = c.current.customer_totals.find(id);
    CHECK(b.this_year_kr == (now == c.current.customer_totals.end() ? 0 : now->second));
    if (c.bridge.base == f::BridgeBase::omrakning) {
      auto last = c.last.customer_totals.find(id);
      CHECK(b.last_year_kr == (last == c.last.customer_totals.end() ? 0 : last->second));
    }
  }
  for (const f::BridgeLine& l : c.bridge.lines) {
    for (const auto& [id, x] : l.customers) CHECK(x.parts.sum() == x.this_kr - x.last_kr);
  }
}

bool only(const f::BridgeParts& p, std::initializer_list<int> allowed) {
  for (int i = 0; i < 7; ++i) {
    if (std::find(allowed.begin(), allowed.end(), i) == allowed.end() && f::part(p, i) != 0) {
      return false;
    }
  }
  return true;
}

constexpr int kIndex = 0, kKostnad = 1, kNyckel = 2, kEgen = 3, kAndras = 4, kNy = 5,
              kKatalog = 6;

/// Randomly changes everything a year can change.
void change_all(Round& r, std::uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (std::size_t c = 1; c < r.now.kunder.size(); ++c) {
    if (pick(0, 1)) r.now.kunder[c][3] = pick(1, 5000);
    if (pick(0, 2) == 0) r.now.kunder[c][4] = pick(0, 3000);
  }
  for (std::size_t s = 1; s < r.now.tjanster.size(); ++s) {
    if (pick(0, 3) == 0) r.now.tjanster[s][2] = kKeys[pick(0, 2)];
    if (pick(0, 4) == 0) r.now.tjanster[s][4] = "Typ=Förvaltning";
    if (pick(0, 5) == 0) r.now.tjanster[s][3] = "Tilläggstjänst";
  }
  for (std::size_t s = 0; s < r.prognos.size(); ++s) {
    int what = pick(0, 5);
    if (what == 0) r.prognos[s] = 0;           // ended
    if (what == 1) r.budget[s] = 0;            // new
    if (what >= 2) r.prognos[s] = r.budget[s] + pick(-100'000, 300'000);
  }
  r.now.nycklar[2][1] = 60;  // Blandad: 60 / 40 this year
  r.now.nycklar[3][1] = 40;
}

}  // namespace

TEST_CASE("bridge: the parts add up to the change over generated rounds", "[bridge]") {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    INFO("seed " << seed);
    Round r = generate(seed, 3 + static_cast<int>(seed % 6), 2 + static_cast<int>(seed % 5));
    change_all(r, seed * 7919);
    auto c = compute(r, {{"Lev", make_rational(33, 10)}});
    check_sums(*c);
    std::int64_t now = 0;
    for (const auto& [id, b] : c->bridge.customers) now += b.this_year_kr;
    CHECK(now == c->current.allocated_kr);
  }
}

TEST_CASE("bridge: identical years give an all-zero bridge", "[bridge]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    auto c = compute(generate(seed));
    check_sums(*c);
    for (const auto& [id, b] : c->bridge.customers) {
      CHECK(b.parts == f::BridgeParts{});
      CHECK(b.last_year_kr == b.this_year_kr);
    }
  }
}

TEST_CASE("bridge: each cause changed alone moves only its own part", "[bridge]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    SECTION("one customer's measure: only egen_volym and andras_volym; egen only for it") {
      Round r = generate(seed);
      std::size_t who = 1 + rng() % (r.now.kunder.size() - 1);
      r.now.kunder[who][3] = 7777;
      auto c = compute(r);
      check_sums(*c);
      const std::string id = std::get<std::string>(r.now.kunder[who][0].v);
      for (const auto& [k, b] : c->bridge.customers) {
        INFO("customer " << k);
        CHECK(only(b.parts, {kEgen, kAndras}));
        if (k != id) CHECK(b.parts.egen_volym == 0);
      }
    }
    SECTION("the amounts, no index: only kostnad") {
      Round r = generate(seed);
      for (auto& p : r.prognos) p += 1'000 + static_cast<std::int64_t>(rng() % 50'000);
      auto c = compute(r);
      check_sums(*c);
      for (const auto& [k, b] : c->bridge.customers) CHECK(only(b.parts, {kKostnad}));
    }
    SECTION("the amounts by exactly the index: only index") {
      Round r = generate(seed);
      for (std::size_t s = 0; s < r.prognos.size(); ++s) {
        r.prognos[s] = uplift(r.budget[s], make_rational(33, 10));
      }
      auto c = compute(r, {{"Lev", make_rational(33, 10)}});
      check_sums(*c);
      std::int64_t index = 0;
      for (const auto& [k, b] : c->bridge.customers) {
        CHECK(only(b.parts, {kIndex}));
        index += b.parts.index;
      }
      std::int64_t expected = 0;
      for (std::size_t s = 0; s < r.prognos.size(); ++s) expected += r.prognos[s] - r.budget[s];
      CHECK(index == expected);
    }
    SECTION("a key's steps: only nyckel") {
      Round r = generate(seed);
      r.now.nycklar[2][1] = 50;
      r.now.nycklar[3][1] = 50;
      r.now.tjanster[1][2] = "Blandad";
      auto c = compute(r);
      check_sums(*c);
      for (const auto& [k, b] : c->bridge.customers) CHECK(only(b.parts, {kNyckel}));
    }
    SECTION("the catalogue's users: only katalog") {
      Round r = generate(seed);
      r.now.tjanster[1][4] = "Typ=Förvaltning";
      auto c = compute(r);
      check_sums(*c);
      for (const auto& [k, b] : c->bridge.customers) CHECK(only(b.parts, {kKatalog}));
    }
    SECTION("a new and an ended service: only ny_eller_upphord") {
      Round r = generate(seed);
      r.budget[0] = 0;
      r.prognos[1] = 0;
      auto c = compute(r);
      check_sums(*c);
      for (const auto& [k, b] : c->bridge.customers) CHECK(only(b.parts, {kNy}));
    }
  }
}

TEST_CASE("bridge: the customers' order changes nothing", "[bridge]") {
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    Round r = generate(seed, 7, 4);
    change_all(r, seed * 31);
    auto a = compute(r, {{"Lev", make_rational(6, 1)}});
    std::reverse(r.now.kunder.begin() + 1, r.now.kunder.end());
    std::shuffle(r.before.kunder.begin() + 1, r.before.kunder.end(), std::mt19937(seed));
    auto b = compute(r, {{"Lev", make_rational(6, 1)}});
    REQUIRE(a->bridge.customers.size() == b->bridge.customers.size());
    for (const auto& [id, x] : a->bridge.customers) {
      INFO("customer " << id);
      const f::CustomerBridge& y = b->bridge.customers.at(id);
      CHECK(x.parts == y.parts);
      CHECK(x.last_year_kr == y.last_year_kr);
      CHECK(x.this_year_kr == y.this_year_kr);
    }
  }
}

TEST_CASE("bridge: last year's charges from its resultat.json", "[bridge]") {
  Round r = generate(5);
  auto base = compute(r);
  // What was charged: the recomputed lines, one of them charged 1 000 kr more to one customer,
  // and a line that ended.
  std::vector<f::ChargedLine> charged;
  for (const f::LineAllocation& l : base->last.lines) {
    f::ChargedLine c{l.supplier, l.table, l.area, l.service, l.amount_kr,
                     l.allocation->customers_kr.to_map()};
    charged.push_back(std::move(c));
  }
  const std::string first = charged[0].customers_kr.begin()->first;
  charged[0].customers_kr[first] += 1'000;
  charged.push_back({"Lev", "forvaltning", "", "Avvecklad tjänst", 500, {{first, 500}}});
  auto c = compute(r, {}, &charged);
  CHECK(c->bridge.base == f::BridgeBase::resultat);
  check_sums(*c);
  const f::CustomerBridge& b = c->bridge.customers.at(first);
  CHECK(b.last_year_kr == base->bridge.customers.at(first).last_year_kr + 1'500);
  CHECK(b.parts.kostnad == -1'000);
  CHECK(b.parts.ny_eller_upphord == -500);
  CHECK(only(b.parts, {kKostnad, kNy}));
}

TEST_CASE("bridge: last year's resultat.json read as charged lines", "[bridge]") {
  const std::string doc = R"({"year": 2023, "allocations": [
      {"supplier": "Lev", "service": "Drift", "table": "forvaltning", "area": "IT",
       "amount_kr": 100, "customers_kr": {"A": 60, "B": 40}}]})";
  std::vector<f::ChargedLine> lines = inputs::read_charged_lines(doc, 2024);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].area == "IT");
  CHECK(lines[0].customers_kr == std::map<std::string, std::int64_t>{{"A", 60}, {"B", 40}});
  CHECK_THROWS_WITH(inputs::read_charged_lines(doc, 2025),
                    Catch::Contains("gäller år 2023, inte förra året 2024"));
  CHECK_THROWS_WITH(inputs::read_charged_lines("[1, 2]", 2024),
                    Catch::Contains("inget JSON-objekt"));
  CHECK_THROWS_WITH(inputs::read_charged_lines("{", 2024), Catch::Contains("ingen giltig JSON"));
  CHECK_THROWS_WITH(inputs::read_charged_lines(R"({"year": 2023})", 2024),
                    Catch::Contains("saknar 'allocations'"));
}

TEST_CASE("bridge: a customer who left the register is accounted for", "[bridge]") {
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    INFO("seed " << seed);
    Round r = generate(seed);
    // The last customer of last year's register is gone this year; a new one came instead.
    const std::string gone = std::get<std::string>(r.before.kunder.back()[0].v);
    r.now.kunder.back() = {"ZNY", "Ny kund", "Förvaltning", 100, 100};
    auto c = compute(r);
    check_sums(*c);
    std::vector<f::Customer> departed = f::departed_customers(c->bridge, c->now);
    REQUIRE(departed.size() == 1);
    CHECK(departed[0].id == gone);
    CHECK(departed[0].name == "Kund " + gone);
    const f::CustomerBridge& b = c->bridge.customers.at(gone);
    CHECK(b.this_year_kr == 0);
    CHECK(b.last_year_kr == c->last.customer_totals.at(gone));
    CHECK(b.last_year_kr > 0);
    CHECK(b.parts.sum() == -b.last_year_kr);
    // Every krona of both years is in some customer's bridge.
    std::int64_t last = 0, now = 0, last_total = 0, now_total = 0;
    for (const auto& [id, x] : c->bridge.customers) last += x.last_year_kr, now += x.this_year_kr;
    for (const auto& [id, kr] : c->last.customer_totals) last_total += kr;
    for (const auto& [id, kr] : c->current.customer_totals) now_total += kr;
    CHECK(last == last_total);
    CHECK(now == now_total);
  }
}

TEST_CASE("bridge: a service renamed since last year is matched by its catalogue alias",
          "[bridge]") {
  Round r = generate(7);
  auto base = compute(r);
  std::vector<f::ChargedLine> charged;
  for (const f::LineAllocation& l : base->last.lines) {
    charged.push_back({l.supplier, l.table, l.area, l.service, l.amount_kr,
                       l.allocation->customers_kr.to_map()});
  }
  auto same = compute(r, {}, &charged);
  // Last year "Tjänst 1" was charged as "Gammal tjänst"; this year's catalogue says so.
  auto old = std::find_if(charged.begin(), charged.end(),
                          [](const f::ChargedLine& c) { return c.service == "Tjänst 1"; });
  REQUIRE(old != charged.end());
  old->service = "Gammal tjänst";
  SECTION("without the alias: ended and new") {
    auto c = compute(r, {}, &charged);
    check_sums(*c);
    // "Tjänst 1" is new (its whole amount) and "Gammal tjänst" ended (its whole charge).
    auto sum_ny = [&](std::string_view service) {
      std::int64_t ny = 0;
      for (const f::BridgeLine& l : c->bridge.lines) {
        if (l.service != service) continue;
        for (const auto& [id, x] : l.customers) {
          CHECK(only(x.parts, {kNy}));
          ny += x.parts.ny_eller_upphord;
        }
      }
      return ny;
    };
    CHECK(sum_ny("Tjänst 1") == r.prognos[0]);
    CHECK(sum_ny("Gammal tjänst") == -old->amount_kr);
  }
  SECTION("with the alias: the same bridge as without the rename") {
    r.now.tjanster[0].push_back("Alias");
    r.now.tjanster[1].push_back("Gammal tjänst");
    auto c = compute(r, {}, &charged);
    check_sums(*c);
    CHECK_FALSE(std::any_of(c->bridge.lines.begin(), c->bridge.lines.end(),
                            [](const f::BridgeLine& l) { return l.service == "Gammal tjänst"; }));
    for (const auto& [id, b] : same->bridge.customers) {
      INFO("customer " << id);
      CHECK(c->bridge.customers.at(id).parts == b.parts);
    }
  }
}

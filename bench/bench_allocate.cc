// The allocation engine's benchmark (issue 4; docs/performance.md, "Fördelningsmotorn"):
// 2,000 customers × 600 cost lines through fordelning::allocate_round, the function `run` uses,
// with inputs built in memory (no workbook is read): a register with eight volume measures and
// keys of every shape the contract allows (lika, one measure, Typ= steps with shares, Kund=
// fixed shares, weighted sums), three suppliers of 200 lines each whose services find their
// key through a Tjänster row or the supplier's `*` row. Deterministic (a fixed LCG).
//
// Prints the time to build the inputs, to allocate, to check and to write resultat.json (into
// a sink that only counts: the writer's time, without the disk), and the peak RSS
// (getrusage). Checks that every split adds up exactly: each line's customers to its amount,
// each step's customers to the step, and the customers' totals to the amount allocated.
// Exit status 1 when one does not, or when a line is left unallocated.
//
//   arsanalys_bench_allocate [CUSTOMERS (2000)] [LINES (600)]

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/customers.h"
#include "fordelning/engine.h"
#include "fordelning/round_allocation.h"
#include "output/result_json.h"

namespace {

using namespace arsanalys;
using fordelning::Decimal;

constexpr int kYear = 2025;

/// A fixed linear congruential generator (Knuth's MMIX constants), so every run is the same.
struct Lcg {
  std::uint64_t state = 20250310;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
};

const char* const kMeasures[] = {"Antal anställda", "Administrativa datorer", "Antal beställare",
                                 "Digitala fakturor", "Pappersfakturor", "Anknytningar",
                                 "Ärendetid", "Stadshus AB-nyckel"};

const char* const kNamed[] = {"SFNO", "SFC", "SFH", "SFSV", "AVO", "FFS"};

void add_step(fordelning::Key& key, Decimal andel, const std::string& urval,
              const std::string& matt) {
  fordelning::Step s;
  s.andel = andel;
  s.urval_text = urval;
  s.matt_text = matt;
  auto u = fordelning::parse_urval(urval);
  auto m = fordelning::parse_matt(matt);
  if (!u || !m) {
    std::fprintf(stderr, "error: bad step '%s' / '%s'\n", urval.c_str(), matt.c_str());
    std::exit(2);
  }
  s.urval = *u;
  s.matt = *m;
  key.steps.push_back(std::move(s));
}

fordelning::Kunder make_register(int customers, Lcg& rng) {
  fordelning::Kunder k;
  k.file = "kunder.xlsx";
  k.customer_sheet = "Kunder";
  for (std::uint32_t i = 0; i < 8; ++i) k.measures.push_back({kMeasures[i], 3 + i});
  for (int i = 0; i < customers; ++i) {
    fordelning::Customer c;
    std::int64_t u = rng.between(0, 99);
    c.typ = u < 62 ? "Förvaltning" : u < 96 ? "Bolag" : "Stiftelse";
    char id[16];
    std::snprintf(id, sizeof id, "%c%05d", c.typ[0], i + 1);
    if (i < 6) c.typ = "Förvaltning";  // the fixed-share key's customers
    c.id = i < 6 ? kNamed[i] : id;
    c.name = "Kund " + c.id;
    c.row = static_cast<std::uint32_t>(i + 1);
    std::int64_t staff = rng.between(3, 3000);
    c.measures["Antal anställda"] = {staff, 0};
    c.measures["Administrativa datorer"] = {rng.between(1, staff), 0};
    c.measures["Antal beställare"] = {rng.between(0, staff / 10 + 1), 0};
    c.measures["Digitala fakturor"] = {rng.between(0, staff * 30), 0};
    c.measures["Pappersfakturor"] = {rng.between(0, staff * 2), 0};
    if (c.typ == "Förvaltning") {
      c.measures["Anknytningar"] = {rng.between(1, staff), 0};
      c.measures["Ärendetid"] = {rng.between(10, staff * 6), 1};  // tenths of an hour
    } else if (c.typ == "Bolag") {
      c.measures["Stadshus AB-nyckel"] = {rng.between(10, 3000), 3};  // 0,010 .. 3,000
    }
    k.customers.push_back(std::move(c));
  }
  auto key = [&](const std::string& name) -> fordelning::Key& {
    k.keys.push_back({});
    k.keys.back().name = name;
    return k.keys.back();
  };
  add_step(key("Lika fördelning"), {100, 0}, "alla", "lika");
  add_step(key("Antal anställda"), {100, 0}, "alla", "Antal anställda");
  add_step(key("Administrativa datorer"), {100, 0}, "Typ=Förvaltning", "Administrativa datorer");
  add_step(key("Antal beställare"), {100, 0}, "alla", "Antal beställare");
  add_step(key("Leverantörsfakturor"), {100, 0}, "alla", "Digitala fakturor + 3 * Pappersfakturor");
  fordelning::Key& k7525 = key("Förvaltningar 75 % och bolag 25 %");
  add_step(k7525, {75, 0}, "Typ=Förvaltning", "Antal anställda");
  add_step(k7525, {25, 0}, "Typ=Bolag", "Stadshus AB-nyckel");
  fordelning::Key& kc = key("Kontaktcenter");
  add_step(kc, {20, 0}, "Typ=Förvaltning", "lika");
  add_step(kc, {40, 0}, "Typ=Förvaltning", "Anknytningar");
  add_step(kc, {40, 0}, "Typ=Förvaltning", "Ärendetid");
  fordelning::Key& ula = key("SFNO 15 %, förvaltningar 63,75 % och bolag 21,25 %");
  add_step(ula, {15, 0}, "Kund=SFNO", "lika");
  add_step(ula, {6375, 2}, "Typ=Förvaltning", "Antal anställda");
  add_step(ula, {2125, 2}, "Typ=Bolag", "Stadshus AB-nyckel");
  fordelning::Key& gt = key("Gemensamma tjänster");
  add_step(gt, {80, 0}, "Typ=Förvaltning", "Antal anställda");
  add_step(gt, {20, 0}, "Typ=Bolag,Stiftelse", "Antal anställda");
  fordelning::Key& vo = key("Vård och omsorg (fasta andelar)");
  add_step(vo, {86, 1}, "Kund=SFNO", "lika");
  add_step(vo, {70, 1}, "Kund=SFC", "lika");
  add_step(vo, {63, 1}, "Kund=SFH", "lika");
  add_step(vo, {42, 1}, "Kund=SFSV", "lika");
  add_step(vo, {406, 1}, "Kund=AVO", "lika");
  add_step(vo, {333, 1}, "Kund=FFS", "lika");
  add_step(key("Datorer och anställda"), {100, 0}, "alla",
           "Administrativa datorer + 0,5 * Antal anställda");
  return k;
}

/// Three suppliers with `lines` lines in all (3.1a, Prognos budget Y), amounts 0,1–50 mnkr in
/// whole tkr, a few negative; services keyed by Tjänster rows (one in three) or `*`.
std::vector<analys::Submission> make_submissions(int lines, fordelning::Kunder& k, Lcg& rng) {
  const char* suppliers[] = {"Nämnden för Intraservice", "Nämnden för inköp och upphandling",
                             "Nämnden för demokrati och medborgarservice"};
  std::vector<analys::Submission> out;
  for (int s = 0; s < 3; ++s) {
    analys::Submission sub;
    sub.file = "leverantor" + std::to_string(s + 1) + ".xlsx";
    sub.supplier = suppliers[s];
    sub.year = kYear;
    analys::Table t;
    t.id = "forvaltning";
    t.sheet = "3.1 Kostnader";
    t.columns.push_back({analys::ColumnKind::prognos, kYear, "Prognos budget 2025", 3});
    int n = lines / 3 + (s < lines % 3 ? 1 : 0);
    for (int i = 0; i < n; ++i) {
      analys::Line line;
      line.label = "Tjänst " + std::to_string(s + 1) + "." + std::to_string(i + 1);
      line.area = "Område " + std::to_string(i / 20 + 1);
      line.row = static_cast<std::uint32_t>(i + 2);
      analys::Figure f;
      f.amount.kind = analys::Amount::Kind::amount;
      f.amount.kronor = rng.between(100, 50'000) * 1000 * (rng.between(0, 49) == 0 ? -1 : 1);
      f.source = {sub.file, t.sheet, "D" + std::to_string(i + 3)};
      line.values.push_back(f);
      if (i % 3 == 0) {
        const fordelning::Key& key = k.keys[static_cast<std::size_t>(i / 3) % k.keys.size()];
        arsanalys::fordelning::ServiceRow row;
        row.supplier = sub.supplier;
        row.service = line.label;
        row.key = key.name;
        k.services.push_back(std::move(row));
      }
      t.lines.push_back(std::move(line));
    }
    sub.tables.push_back(std::move(t));
    arsanalys::fordelning::ServiceRow rest;  // the supplier's `*` row
    rest.supplier = sub.supplier;
    rest.service = "*";
    rest.key = k.keys[static_cast<std::size_t>(s) + 1].name;
    k.services.push_back(std::move(rest));
    out.push_back(std::move(sub));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int customers = argc > 1 ? std::atoi(argv[1]) : 2000;
  int lines = argc > 2 ? std::atoi(argv[2]) : 600;
  if (argc > 3 || customers < 6 || lines < 3) {
    std::fprintf(stderr, "usage: arsanalys_bench_allocate [CUSTOMERS >= 6] [LINES >= 3]\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  try {
    const auto start = Clock::now();
    Lcg rng;
    fordelning::Kunder kunder = make_register(customers, rng);
    std::vector<analys::Submission> subs = make_submissions(lines, kunder, rng);
    Findings findings;
    for (const fordelning::Key& key : kunder.keys) {
      if (!fordelning::weigh(key, kunder, &findings)) {
        std::fprintf(stderr, "error: key '%s' unusable\n", key.name.c_str());
        return 1;
      }
    }
    const auto built = Clock::now();
    fordelning::RoundAllocation a = fordelning::allocate_round(subs, kYear, kunder, findings);
    const auto allocated = Clock::now();

    long bad = 0, unallocated = 0, shares = 0;
    std::int64_t sum_lines = 0, sum_customers = 0;
    for (const fordelning::LineAllocation& l : a.lines) {
      if (!l.allocation) {
        ++unallocated;
        continue;
      }
      std::int64_t total = 0;
      for (const auto& e : l.allocation->customers_kr) total += e.kr, ++shares;
      std::int64_t steps = 0;
      for (const auto& step : l.allocation->steps) {
        std::int64_t in_step = 0;
        for (const auto& c : step.customers) in_step += c.kr;
        bad += in_step != step.kr;
        steps += step.kr;
      }
      bad += total != l.amount_kr || steps != l.amount_kr;
      sum_lines += l.amount_kr;
    }
    for (const auto& [id, kr] : a.customer_totals) sum_customers += kr;
    bad += sum_customers != sum_lines || sum_lines != a.allocated_kr;
    const auto checked = Clock::now();

    std::size_t json_bytes = 0;
    output::write_result_json({.year = kYear, .draft = false, .submissions = subs,
                               .findings = findings, .allocation = a, .kunder = &kunder},
                              [&](std::string_view piece) { json_bytes += piece.size(); });
    const auto written = Clock::now();

    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("customers=%d lines=%zu allocated=%zu shares=%ld allocated_kr=%lld findings=%zu "
                "build_ms=%.1f allocate_ms=%.1f check_ms=%.1f json_ms=%.1f json_mib=%.1f "
                "peak_rss_mib=%.1f exact=%s\n",
                customers, a.lines.size(), a.lines.size() - static_cast<std::size_t>(unallocated),
                shares, static_cast<long long>(a.allocated_kr), findings.size(), ms(built - start),
                ms(allocated - built), ms(checked - allocated), ms(written - checked),
                static_cast<double>(json_bytes) / (1 << 20), ru.ru_maxrss / 1024.0,
                bad == 0 && unallocated == 0 ? "yes" : "NO");
    if (bad != 0 || unallocated != 0) {
      std::fprintf(stderr, "error: %ld splits do not add up, %ld lines not allocated\n", bad,
                   unallocated);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}

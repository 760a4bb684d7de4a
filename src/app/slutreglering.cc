// `arsanalys slutreglering`: the year-end settlement. Reads the round exactly as `run` does
// (round_inputs.h), allocates its analysis year as `run` charged it, reads the year's outcome
// (utfall.xlsx) and writes the settlement: slutreglering.xlsx, slutreglering.json and one
// statement per customer in slutreglering/kunder/. Also `template --utfall`, the outcome's blank
// workbook.

#include <algorithm>
#include <chrono>
#include <sstream>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/round_inputs.h"
#include "core/file_io.h"
#include "core/number_text.h"
#include "core/output_dir.h"
#include "core/parallel.h"
#include "fordelning/catalogue.h"
#include "fordelning/round_allocation.h"
#include "fordelning/settlement.h"
#include "inputs/utfall.h"
#include "output/fordelning_writer.h"
#include "output/settlement_writer.h"

namespace arsanalys::app {
namespace fs = std::filesystem;
namespace {

constexpr int kStages = 5;

/// The round read, prepared and charged as `run` charges it.
struct Charged {
  RoundInputs in;
  PreparedRound prepared;
  fordelning::RoundAllocation allocation;
};

/// Reads the round folder and allocates its analysis year; nullopt (the reason on `err`) when
/// nothing can be settled: no readable submission or no customer register.
std::optional<Charged> charge_round(const fs::path& round_dir, Progress& progress,
                                    Findings& findings, std::ostream& err) {
  Charged c;
  c.in = read_round_inputs(round_dir, progress, findings);
  if (c.in.ingested.empty() || !c.in.kunder) {
    for (const Finding& f : findings) {
      if (f.level == Level::fel) err << describe(f) << "\n";
    }
    err << (c.in.ingested.empty()
                ? fmt::format("fel: inget läsbart underlag i {}: ingenting att reglera.\n",
                              (round_dir / "leverantorer").string())
                : std::string("fel: omgången saknar ett läsbart kunder.xlsx: utan kunder och "
                              "nycklar kan ingenting fördelas eller regleras.\n"));
    return std::nullopt;
  }
  c.prepared = prepare_round(c.in, findings);
  // Only each customer's kronor are settled: the steps are left out, at half the memory.
  c.allocation = fordelning::allocate_round(c.prepared.submissions, c.prepared.round.year,
                                            *c.in.kunder, findings, fordelning::Detail::totals);
  return c;
}

std::vector<std::string> supplier_names(const std::vector<analys::Submission>& submissions) {
  std::vector<std::string> out;
  for (const analys::Submission& s : submissions) out.push_back(s.supplier);
  return out;
}

int last_year() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year()) - 1;
}

}  // namespace

ExitCode slutreglering(const SettleOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<fs::path> chosen =
      choose_round_dir(options.round_dir, "slutreglering", out, err);
  if (!chosen) return ExitCode::failed;
  const fs::path round_dir = *chosen;
  std::error_code ec;
  if (!fs::is_regular_file(options.utfall, ec)) {
    err << fmt::format("fel: utfallsfilen {} finns inte. Skriv en mall med arsanalys template "
                       "--utfall {} och fyll i årets utfall.\n",
                       options.utfall.string(), round_dir.string());
    return ExitCode::failed;
  }
  const fs::path out_dir = options.out_dir.empty() ? fs::path("ut") : options.out_dir;
  // As `run`: the output folder checked and locked first, everything written into a staging
  // folder and published whole, so a statement of a customer no longer in the register does not
  // survive, and `run`'s outputs in the same folder are kept as they are.
  InputSet inputs = round_input_set(round_dir);
  inputs.add_file(options.utfall);
  StagedOutput staged(out_dir, inputs,
                      {"slutreglering.xlsx", "slutreglering.json", "slutreglering"},
                      {"kunder", "granskning"});
  Progress progress(out, kStages);
  Findings findings;
  std::optional<Charged> charged = charge_round(round_dir, progress, findings, err);
  if (!charged) return ExitCode::failed;
  const fordelning::Kunder& kunder = *charged->in.kunder;
  const int year = charged->prepared.round.year;

  progress.stage(fmt::format("Läser utfallet och räknar slutregleringen för {}", year));
  fordelning::Outcome outcome;
  try {
    outcome = inputs::read_outcome_file(options.utfall, year, findings);
  } catch (const ReadError& e) {
    err << fmt::format("fel: utfallsfilen {} kan inte läsas: {}.\n", options.utfall.string(),
                       e.what());
    return ExitCode::failed;
  }
  fordelning::Catalogue catalogue(&kunder, supplier_names(charged->prepared.submissions));
  fordelning::Settlement settlement =
      fordelning::settle(charged->allocation, kunder, catalogue, outcome, findings);
  sort_findings(findings);
  const bool draft = std::any_of(findings.begin(), findings.end(),
                                 [](const Finding& f) { return f.level == Level::fel; });

  progress.stage("Skriver slutreglering.xlsx, besked per kund och slutreglering.json");
  output::SettlementBook book{settlement, charged->allocation, kunder, findings,
                              options.utfall.filename().string(), draft};
  const fs::path folder = staged.dir() / "slutreglering" / "kunder";
  fs::create_directories(folder, ec);
  if (ec) {
    throw RunError(fmt::format("Kan inte skapa mappen {}: {}.", folder.string(),
                               system_error_text(ec.value())));
  }
  const std::vector<std::string> names = output::customer_file_names(kunder.customers);
  parallel_for(settlement.customers.size() + 2, [&](std::size_t i) {
    if (i == 0) {
      output::write_slutreglering_xlsx(book, staged.dir() / "slutreglering.xlsx");
    } else if (i == 1) {
      write_file(staged.dir() / "slutreglering.json", output::slutreglering_json(book));
    } else {
      write_file(folder / names[i - 2],
                 output::settlement_statement_xlsx(book, settlement.customers[i - 2]));
    }
  });
  staged.publish();
  const std::size_t written = settlement.customers.size() + 2;

  std::int64_t refunds = 0, extra = 0;
  for (const auto& c : settlement.customers) {
    (c.difference() < 0 ? refunds : extra) += c.difference();
  }
  out << fmt::format("\nOmgång: {}\nUtfall: {}\n", shown_dir(round_dir).string(),
                     shown_dir(options.utfall).string());
  out << fmt::format("Slutreglering {}: {} tjänster, debiterat {} kr, utfall {} kr; "
                     "återbetalas {} kr, debiteras extra {} kr.\n",
                     year, settlement.services.size(), group_thousands(settlement.charged_kr),
                     group_thousands(settlement.actual_kr), group_thousands(-refunds),
                     group_thousands(extra));
  out << fmt::format("Fynd: {}.\n", count_levels(findings));
  for (const Finding& f : findings) {
    if (f.level == Level::fel) out << "  " << describe(f) << "\n";
  }
  out << fmt::format("{} filer skrivna i {}{}\n", written, out_dir.string(),
                     draft ? " (UTKAST: underlagen innehåller fel)" : "");
  return draft ? ExitCode::has_errors : ExitCode::ok;
}

ExitCode make_outcome_template(const TemplateOptions& options, std::ostream& out,
                               std::ostream& err) {
  output::OutcomeTemplate t;
  std::optional<Charged> charged;
  if (!options.round_dir.empty()) {
    std::ostringstream quiet;  // the stages of reading the round are not this command's news
    Progress progress(quiet, 3);
    Findings findings;
    try {
      charged = charge_round(options.round_dir, progress, findings, err);
    } catch (const RunError& e) {
      err << "fel: " << e.what() << "\n";
      return ExitCode::failed;
    }
    if (!charged) return ExitCode::failed;
    t.year = charged->prepared.round.year;
    t.kunder = &*charged->in.kunder;
    for (const auto& [supplier, service] : fordelning::settled_services(charged->allocation)) {
      std::int64_t kr = 0;
      for (const auto& l : charged->allocation.lines) {
        if (l.supplier == supplier && l.service == service && l.allocation) kr += l.amount_kr;
      }
      t.services.emplace_back(supplier, service, kr);
    }
    if (options.year && *options.year != t.year) {
      err << fmt::format("fel: --year {}, men omgången i {} gäller {}.\n", *options.year,
                         options.round_dir.string(), t.year);
      return ExitCode::failed;
    }
  } else {
    t.year = options.year.value_or(last_year());
  }
  fs::path path = fmt::format("utfall-{}.xlsx", t.year);
  if (options.out_file) {
    std::error_code ec;
    path = fs::is_directory(*options.out_file, ec) ? *options.out_file / path : *options.out_file;
  }
  try {
    FileBatch batch;
    batch.add_written(path, [&](const fs::path& tmp) { output::write_outcome_template(t, tmp); });
    batch.commit();
  } catch (const RunError& e) {
    err << "fel: " << e.what() << "\n";
    return ExitCode::failed;
  }
  out << fmt::format("Utfallsmallen för {} skrevs till {}{}.\n", t.year, path.string(),
                     t.services.empty()
                         ? ""
                         : fmt::format(" med omgångens {} tjänster", t.services.size()));
  return ExitCode::ok;
}

}  // namespace arsanalys::app

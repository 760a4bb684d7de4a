// `arsanalys run`: the main job. Reads a round folder (omgang.toml, leverantorer/, kunder.xlsx),
// checks every submission, consolidates, allocates, and writes every output into OUT_DIR.
// Problems in the inputs are findings; the run goes on and writes what it can (marked as a
// draft when some finding is `fel`). Only a bad command line, no readable submission at all, or
// an unwritable output folder end it early (exit 2).

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analys/recognise.h"
#include "core/text.h"
#include "app/commands.h"
#include "app/ingest.h"
#include "app/round_inputs.h"
#include "checks/checks.h"
#include "core/file_io.h"
#include "core/parallel.h"
#include "fordelning/catalogue.h"
#include "fordelning/customers.h"
#include "inputs/foregaende.h"
#include "inputs/kunder.h"
#include "fordelning/bridge.h"
#include "fordelning/round_allocation.h"
#include "output/annex_writer.h"
#include "output/fordelning_writer.h"
#include "output/pdf_print.h"
#include "output/result_json.h"
#include "output/review_writer.h"
#include "output/summary_writer.h"
#include "sammanstallning/alternative_effects.h"
#include "sammanstallning/round.h"
#include "sammanstallning/settings.h"

namespace arsanalys::app {
namespace fs = std::filesystem;
namespace {

constexpr int kStages = 6;

/// Writes one output and remembers it for the summary.
class Outputs {
 public:
  explicit Outputs(fs::path dir) : dir_(std::move(dir)) {}
  void write(const fs::path& relative, std::string_view bytes) {
    write_file_atomic(folder(relative.parent_path()) / relative.filename(), bytes);
    ++written_;
  }
  /// The sub-folder `relative` of the output folder, made when missing.
  fs::path folder(const fs::path& relative) const {
    fs::path path = dir_ / relative;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
      throw RunError(fmt::format("Kan inte skapa mappen {}: {}.", path.string(),
                                 system_error_text(ec.value())));
    }
    return path;
  }
  void count_written() { ++written_; }
  int written() const { return written_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  int written_ = 0;
};

void print_summary(const fs::path& round_dir, const RoundInputs& in, const Findings& findings,
                   const Outputs& outputs, std::ostream& out) {
  std::map<Level, int> count;
  for (const Finding& f : findings) ++count[f.level];
  out << fmt::format("\nOmgång: {}", shown_dir(round_dir).string());
  out << fmt::format("\nLeverantörer lästa: {}", in.ingested.size());
  for (const auto& i : in.ingested) {
    out << fmt::format("\n  {} ({})", i.submission.supplier, i.submission.file);
  }
  for (const auto& f : in.unreadable) out << fmt::format("\n  {} kunde inte läsas", f);
  out << fmt::format("\nFynd: {}.\n", count_levels(findings));
  for (const Finding& f : findings) {
    if (f.level == Level::fel) out << "  " << describe(f) << "\n";
  }
  out << fmt::format("{} filer skrivna i {}{}\n", outputs.written(), outputs.dir().string(),
                     count[Level::fel] ? " (UTKAST: underlagen innehåller fel)" : "");
}

}  // namespace

bool is_round_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "leverantorer", ec);
}

std::optional<std::filesystem::path> sample_round_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const fs::path bin = exe.parent_path();
  for (const fs::path& dir : {bin / "samples" / "2024",                // the build tree's link
                              bin.parent_path() / "samples" / "2024",  // build/ in a checkout
                              bin.parent_path() / "share" / "arsanalys" / "samples" / "2024"}) {
    if (!is_round_dir(dir)) continue;
    fs::path real = fs::canonical(dir, ec);  // the folder itself, not the link to it
    return ec ? dir.lexically_normal() : real;
  }
  return std::nullopt;
}

ExitCode run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<fs::path> chosen = choose_round_dir(options.round_dir, "run", out, err);
  if (!chosen) return ExitCode::failed;
  const fs::path round_dir = *chosen;
  fs::path out_dir = options.out_dir.empty() ? fs::path("ut") : options.out_dir;
  Progress progress(out, kStages);
  Findings findings;
  RoundInputs in = read_round_inputs(round_dir, progress, findings);
  if (in.ingested.empty()) {
    for (const Finding& f : findings) err << describe(f) << "\n";
    err << fmt::format("fel: inget läsbart underlag i {}: inget kunde skrivas.\n",
                       (round_dir / "leverantorer").string());
    return ExitCode::failed;
  }

  // The output folder is made (or found) before the long part, so an unwritable one is said at
  // once; temporaries left by a run that was killed are cleared away.
  make_out_dir(out_dir);

  progress.stage("Sammanställer, räknar index och alternativ, fördelar på kunder");
  PreparedRound prepared = prepare_round(in, findings);
  std::vector<analys::Submission>& submissions = prepared.submissions;
  sammanstallning::Round& round = prepared.round;
  fordelning::RoundAllocation allocation, previous;
  if (in.kunder) {
    // This year and last year's figures on two cores: neither reads what the other writes.
    Findings repeated;  // the same lines a year earlier: their findings are already reported
    parallel_for(2, [&](std::size_t i) {
      if (i == 0) {
        allocation = fordelning::allocate_round(submissions, round.year, *in.kunder, findings);
      } else {
        previous = fordelning::allocate_round(submissions, round.year - 1, *in.kunder, repeated,
                                              fordelning::Detail::totals);
      }
    });
  }
  // The change from last year, when `[foregaende]` names last year's round.
  std::optional<fordelning::Bridge> bridge;
  inputs::LastYear last_year;
  if (in.kunder && !in.settings.foregaende.kunder.empty()) {
    last_year = inputs::read_last_year(round_dir, in.settings.foregaende, round.year, findings);
    if (last_year.kunder) {
      std::map<std::string, Rational> index;
      for (const analys::Submission& s : submissions) {
        std::string source;
        if (auto i = sammanstallning::index_for(s, in.settings, &source)) index[s.supplier] = *i;
      }
      bridge = fordelning::compute_bridge(
          {submissions, allocation, *in.kunder, *last_year.kunder, std::move(index),
           last_year.charged ? &*last_year.charged : nullptr});
    }
  }
  const fordelning::Bridge* bridge_ = bridge ? &*bridge : nullptr;
  std::vector<sammanstallning::AlternativeEffect> effects =
      sammanstallning::alternative_effects(round, allocation);
  sort_findings(findings);
  bool draft = std::any_of(findings.begin(), findings.end(),
                           [](const Finding& f) { return f.level == Level::fel; });

  progress.stage("Skriver granskningskopior, sammanställning och beslutsbilaga");
  Outputs outputs(out_dir);
  const analys::TemplateDef& def = analys::builtin_template();
  for (const auto& i : in.ingested) {
    Findings own;
    for (const Finding& f : findings) {
      if (f.where.file == i.submission.file) own.push_back(f);
    }
    fs::path path = output::review_path(out_dir, i.submission.file);
    outputs.folder(path.parent_path().lexically_relative(out_dir));  // a clear message if not
    output::write_review(def, i.submission, i.workbook, own, path);
    outputs.count_written();
  }
  outputs.write("sammanstallning.xlsx",
                output::sammanstallning_xlsx(round, submissions, findings, draft));
  const fordelning::Kunder* kunder = in.kunder ? &*in.kunder : nullptr;
  output::AnnexInput annex{round, effects, kunder, findings, draft, bridge_};
  outputs.write("beslutsbilaga.xlsx", output::beslutsbilaga_xlsx(annex));
  outputs.write("beslutsbilaga.html", output::beslutsbilaga_html(annex));
  // Chromium prints the annex while the rest is written.
  output::PdfPrint printing(out_dir / "beslutsbilaga.html", out_dir / "beslutsbilaga.pdf");

  progress.stage("Skriver fördelning, kundbesked och resultat.json");
  // resultat.json is written as it is made: at city scale it is hundreds of megabytes.
  auto write_result = [&] {
    AtomicFile file(out_dir / "resultat.json");
    std::string buffer;
    auto flush = [&] {
      file.write(buffer);
      buffer.clear();
    };
    output::write_result_json({round.year, draft, submissions, findings, allocation, kunder, &round,
                               bridge_},
                              [&](std::string_view piece) {
                                buffer += piece;
                                if (buffer.size() >= (std::size_t{1} << 20)) flush();
                              });
    flush();
    file.commit();
  };
  if (in.kunder) {
    output::AllocationBook book{allocation, &previous, *in.kunder, draft, bridge_};
    const fs::path folder = outputs.folder("kunder");
    output::CustomerStatements statements(book);
    const auto& customers = in.kunder->customers;
    const std::vector<std::string> names = output::customer_file_names(customers);
    // On every core: first fordelning.xlsx and resultat.json, one task each (they are made
    // by one thread), so that the statements, one task per customer, fill the other cores
    // meanwhile. The files go to disk with one sync. The bytes of each file depend only on
    // its own input, never on the threads.
    FileBatch batch;
    parallel_for(customers.size() + 2, [&](std::size_t i) {
      if (i == 0) {
        batch.add_written(outputs.dir() / "fordelning.xlsx", [&](const fs::path& tmp) {
          output::write_fordelning_xlsx(book, tmp);
        });
      } else if (i == 1) {
        write_result();
      } else {
        batch.add(folder / names[i - 2], statements.xlsx(customers[i - 2]));
      }
    });
    batch.commit();
    for (int i = 0; i < batch.committed(); ++i) outputs.count_written();
  } else {
    write_result();
  }
  outputs.count_written();  // resultat.json
  output::PdfResult pdf = printing.finish();
  if (pdf.status == output::PdfResult::Status::written) outputs.count_written();
  print_summary(round_dir, in, findings, outputs, out);
  if (!pdf.message.empty()) out << pdf.message << "\n";
  return draft ? ExitCode::has_errors : ExitCode::ok;
}

}  // namespace arsanalys::app

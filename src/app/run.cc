// `arsanalys run`: the main job. Reads a round folder (omgang.toml, leverantorer/, kunder.xlsx),
// checks every submission, consolidates, allocates, and writes every output into OUT_DIR.
// Problems in the inputs are findings; the run goes on and writes what it can (marked as a
// draft when some finding is `fel`). Only a bad command line, no readable submission at all, or
// an unwritable output folder end it early (exit 2).

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "analys/recognise.h"
#include "core/text.h"
#include "app/commands.h"
#include "inputs/ingest.h"
#include "app/round_inputs.h"
#include "checks/checks.h"
#include "core/file_io.h"
#include "core/names.h"
#include "core/output_dir.h"
#include "core/parallel.h"
#include "fordelning/catalogue.h"
#include "fordelning/customers.h"
#include "inputs/foregaende.h"
#include "inputs/kunder.h"
#include "fordelning/bridge.h"
#include "fordelning/round_allocation.h"
#include "output/annex_writer.h"
#include "output/fordelning_writer.h"
#include "writer/pdf_print.h"
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

/// What `run` writes at the top of its output folder: everything else there is the user's.
const std::vector<std::string> kOwnOutputs = {
    "resultat.json",      "sammanstallning.xlsx", "beslutsbilaga.xlsx", "beslutsbilaga.html",
    "beslutsbilaga.pdf",  "fordelning.xlsx",      "kunder",             "granskning"};

/// Writes the outputs into the staging folder and counts them for the summary.
class Outputs {
 public:
  explicit Outputs(fs::path dir) : dir_(std::move(dir)) {}
  void write(const fs::path& relative, std::string_view bytes) {
    write_file(folder(relative.parent_path()) / relative.filename(), bytes);
    ++written_;
  }
  /// The sub-folder `relative` of the output folder, made when missing.
  fs::path folder(const fs::path& relative) const {
    fs::path path = dir_ / relative;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
      throw RunError(fmt::format("Kan inte skapa mappen {}: {}.", relative.string(),
                                 system_error_text(ec.value())));
    }
    return path;
  }
  void count_written(int n = 1) { written_ += n; }
  int written() const { return written_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  int written_ = 0;
};

/// A finding for an output file whose name had to be shortened (file names have at most 255
/// bytes; the program keeps its own below 200).
Finding name_shortened(const Location& where, std::string_view what, std::string_view file) {
  return Finding{"NAME_SHORTENED", Level::info, where,
                 fmt::format("{} är för långt för ett filnamn: filen heter {}.", what, file),
                 std::nullopt, std::nullopt};
}

void print_summary(const fs::path& round_dir, const RoundInputs& in, const Findings& findings,
                   const Outputs& outputs, const fs::path& published, std::ostream& out) {
  std::map<Level, int> count;
  for (const Finding& f : findings) ++count[f.level];
  out << fmt::format("\nOmgång: {}", shown_dir(round_dir).string());
  out << fmt::format("\nLeverantörer lästa: {}", in.ingested.size());
  for (const auto& i : in.ingested) {
    out << fmt::format("\n  {} ({})", i.submission.supplier, i.submission.file);
  }
  for (const auto& f : in.unreadable) out << fmt::format("\n  {} kunde inte läsas", f);
  for (const auto& f : in.unused) {
    out << fmt::format("\n  {} används inte (leverantören har fler än ett underlag)", f);
  }
  out << fmt::format("\nFynd: {}.\n", count_levels(findings));
  for (const Finding& f : findings) {
    if (f.level == Level::fel) out << "  " << describe(f) << "\n";
  }
  out << fmt::format("{} filer skrivna i {}{}\n", outputs.written(), published.string(),
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
  const fs::path submissions_folder = submissions_dir(round_dir);
  std::vector<Listed> files = list_submissions(submissions_folder, findings);

  // The output folder is checked and locked before the long part, so that a bad one (one that
  // holds inputs, or another run's) is said at once. Everything is written into a staging
  // folder beside it and published whole at the end: a failure or a kill on the way leaves the
  // previous output as it was.
  InputSet inputs = round_input_set(round_dir);
  for (const Listed& f : files) inputs.add_file(f.path);
  StagedOutput staged(out_dir, inputs, kOwnOutputs, {"slutreglering"});

  RoundInputs in = read_round_inputs(round_dir, files, progress, findings);
  if (in.ingested.empty()) {
    for (const Finding& f : findings) err << describe(f) << "\n";
    err << fmt::format("fel: inget läsbart underlag i {}: inget kunde skrivas.\n",
                       submissions_folder.string());
    return ExitCode::failed;
  }

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

  // The outputs' file names: each a portable name, none the same as another but for case.
  std::vector<std::string> review_names;
  std::set<std::string> taken;
  for (const auto& i : in.ingested) {
    bool cut = false;
    review_names.push_back(unique_file_name(output::review_file_name(i.submission.file, &cut),
                                            taken));
    if (cut) {
      findings.push_back(name_shortened({i.submission.file, "", ""}, "Filens namn",
                                        "granskning/" + review_names.back()));
    }
  }
  // Every customer of the register gets a statement, and with a bridge so does every customer
  // who left it since last year (charged then, nothing now).
  std::vector<fordelning::Customer> departed;
  if (bridge && in.kunder) departed = fordelning::departed_customers(*bridge, *in.kunder);
  std::vector<const fordelning::Customer*> statement_customers;
  std::vector<std::string> customer_names;
  if (in.kunder) {
    for (const fordelning::Customer& c : in.kunder->customers) statement_customers.push_back(&c);
    for (const fordelning::Customer& c : departed) statement_customers.push_back(&c);
    std::vector<std::size_t> cut;
    customer_names = output::customer_file_names(statement_customers, &cut);
    for (std::size_t i : cut) {
      // A customer who left is found in last year's register (or only in last year's charges).
      const fordelning::Customer& c = *statement_customers[i];
      Location where = in.kunder->where(c);
      if (i >= in.kunder->customers.size()) {
        const fordelning::Kunder* before = last_year.kunder ? &*last_year.kunder : nullptr;
        where = before != nullptr && before->customer(c.id) != nullptr
                    ? before->where(*before->customer(c.id))
                    : Location{in.settings.foregaende.resultat, "", ""};
      }
      findings.push_back(name_shortened(where, fmt::format("Kund-id '{}'", c.id),
                                        "kunder/" + customer_names[i]));
    }
  }
  clean_findings(findings);
  sort_findings(findings);
  bool draft = std::any_of(findings.begin(), findings.end(),
                           [](const Finding& f) { return f.level == Level::fel; });

  progress.stage("Skriver granskningskopior, sammanställning och beslutsbilaga");
  Outputs outputs(staged.dir());
  const analys::TemplateDef& def = analys::builtin_template();
  for (std::size_t k = 0; k < in.ingested.size(); ++k) {
    const Ingested& i = in.ingested[k];
    Findings own;
    for (const Finding& f : findings) {
      if (f.where.file == i.submission.file) own.push_back(f);
    }
    outputs.write(fs::path("granskning") / review_names[k],
                  output::review_workbook(def, i.submission, i.workbook, own));
  }
  outputs.write("sammanstallning.xlsx",
                output::sammanstallning_xlsx(round, submissions, findings, draft));
  const fordelning::Kunder* kunder = in.kunder ? &*in.kunder : nullptr;
  output::AnnexInput annex{round, effects, kunder, findings, draft, bridge_};
  outputs.write("beslutsbilaga.xlsx", output::beslutsbilaga_xlsx(annex));
  outputs.write("beslutsbilaga.html", output::beslutsbilaga_html(annex));
  // Chromium prints the annex while the rest is written, its profile in the staging folder.
  writer::PdfPrint printing(outputs.dir() / "beslutsbilaga.html",
                            outputs.dir() / "beslutsbilaga.pdf", std::chrono::seconds(120),
                            outputs.dir());

  progress.stage("Skriver fördelning, kundbesked och resultat.json");
  // resultat.json is written as it is made: at city scale it is hundreds of megabytes.
  auto write_result = [&] {
    FileWriter file(outputs.dir() / "resultat.json");
    // In pieces of a megabyte, as the writer gathers them.
    output::write_result_json({round.year, draft, submissions, findings, allocation, kunder, &round,
                               bridge_},
                              [&](std::string_view piece) { file.write(piece); });
    file.close();
  };
  if (in.kunder) {
    output::AllocationBook book{allocation, &previous, *in.kunder, draft, bridge_};
    const fs::path folder = outputs.folder("kunder");
    output::CustomerStatements statements(book);
    const auto& customers = statement_customers;
    // On every core: first fordelning.xlsx and resultat.json, one task each (they are made
    // by one thread), so that the statements, one task per customer, fill the other cores
    // meanwhile. The bytes of each file depend only on its own input, never on the threads.
    parallel_for(customers.size() + 2, [&](std::size_t i) {
      if (i == 0) {
        output::write_fordelning_xlsx(book, outputs.dir() / "fordelning.xlsx");
      } else if (i == 1) {
        write_result();
      } else {
        write_file(folder / customer_names[i - 2], statements.xlsx(*customers[i - 2]));
      }
    });
    outputs.count_written(static_cast<int>(customers.size()) + 1);  // statements, fordelning
  } else {
    write_result();
  }
  outputs.count_written();  // resultat.json
  writer::PdfResult pdf = printing.finish();
  if (pdf.status == writer::PdfResult::Status::written) outputs.count_written();
  staged.publish();
  print_summary(round_dir, in, findings, outputs, out_dir, out);
  if (!pdf.message.empty()) out << pdf.message << "\n";
  return draft ? ExitCode::has_errors : ExitCode::ok;
}

}  // namespace arsanalys::app

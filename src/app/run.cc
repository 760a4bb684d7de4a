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
#include <nlohmann/json.hpp>

#include "analys/recognise.h"
#include "core/text.h"
#include "app/commands.h"
#include "app/ingest.h"
#include "checks/checks.h"
#include "core/file_io.h"
#include "core/names.h"
#include "core/output_dir.h"
#include "core/parallel.h"
#include "fordelning/catalogue.h"
#include "fordelning/customers.h"
#include "inputs/kunder.h"
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

__extension__ typedef __int128 Wide;  // sums of amounts, never overflowing

constexpr int kStages = 6;

/// Prints "[n/6] text" as a stage begins.
class Progress {
 public:
  explicit Progress(std::ostream& out) : out_(out) {}
  void stage(std::string_view text) {
    out_ << fmt::format("[{}/{}] {}\n", ++n_, kStages, text) << std::flush;
  }

 private:
  std::ostream& out_;
  int n_ = 0;
};

/// The folder of a round's submissions; a RunError when there is none.
fs::path submissions_dir(const fs::path& round_dir) {
  fs::path dir = round_dir / "leverantorer";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw RunError(fmt::format("Mappen {} finns inte: omgångens mapp ska innehålla en mapp "
                               "leverantorer/ med leverantörernas ifyllda mallar (.xlsx).",
                               dir.string()));
  }
  return dir;
}

/// What `run` writes at the top of its output folder: everything else there is the user's.
const std::vector<std::string> kOwnOutputs = {
    "resultat.json",      "sammanstallning.xlsx", "beslutsbilaga.xlsx", "beslutsbilaga.html",
    "beslutsbilaga.pdf",  "fordelning.xlsx",      "kunder",             "granskning"};

checks::SupplierSettings supplier_settings(const analys::Submission& s,
                                           const sammanstallning::Settings& settings) {
  checks::SupplierSettings out;
  out.year = settings.analysar;
  std::string source;
  auto index = sammanstallning::index_for(s, settings, &source);
  // Only an index the round sets is imposed; one read from a header the check finds itself.
  if (index && source.starts_with("omgang.toml")) {
    out.index_percent = static_cast<double>(index->num) / static_cast<double>(index->den);
  }
  for (const auto& [name, ls] : settings.leverantorer) {
    if (fold(name) == fold(s.supplier)) out.impact = ls.paverkan;
  }
  return out;
}

/// `analysar` in omgang.toml against the years the submissions are about: a round of one year
/// read as another would compare and allocate the wrong columns.
void check_round_year(const sammanstallning::Settings& settings,
                      const std::vector<Ingested>& ingested, Findings& findings) {
  if (settings.analysar == 0) return;
  std::map<int, std::vector<std::string>> other;  // year -> files
  for (const Ingested& i : ingested) {
    int y = i.submission.year;
    if (y != 0 && y != settings.analysar) other[y].push_back(i.submission.file);
  }
  for (const auto& [year, files] : other) {
    findings.push_back(Finding{
        "SETTINGS_INVALID", Level::fel, {"omgang.toml", "", ""},
        fmt::format("analysar = {} i omgang.toml, men {} gäller {} ({}). Rätta analysar eller "
                    "underlagen; tills dess jämförs och fördelas fel års kolumner.",
                    settings.analysar, files.size() == 1 ? "underlaget" : "underlagen", year,
                    fmt::join(files, ", ")),
        std::nullopt, std::nullopt});
  }
}

/// The largest sum of a round's amounts, in kronor either way: every sum the run makes and
/// writes to JSON stays exact in a JSON reader that holds numbers as doubles (2^53 - 1).
constexpr Wide kMaxRoundKr = (Wide{1} << 53) - 1;

/// Throws RunError when the figures of the round's submissions add up (in absolute value)
/// beyond kMaxRoundKr. Each figure is at most 10^12 kr (larger ones are refused as
/// NUMBER_OUT_OF_RANGE); only thousands of such figures can come near it.
void check_round_total(const std::vector<Ingested>& ingested) {
  Wide total = 0;
  for (const Ingested& i : ingested) {
    for (const analys::Table& t : i.submission.tables) {
      for (const analys::Line& line : t.lines) {
        for (const auto& v : line.values) {
          if (v && v->amount.kind == analys::Amount::Kind::amount) {
            total += v->amount.kronor < 0 ? -Wide{v->amount.kronor} : v->amount.kronor;
          }
        }
      }
    }
  }
  if (total > kMaxRoundKr) {
    throw RunError(
        "Underlagens belopp är sammanlagt större än 9 007 199 254 740 991 kr (2^53 − 1, det "
        "största heltal som alla JSON-läsare återger exakt): omgången kan inte räknas. "
        "Kontrollera beloppen och enheterna i underlagen.");
  }
}

/// Everything read from the round folder.
struct Inputs {
  sammanstallning::Settings settings;
  std::vector<Ingested> ingested;  // readable submissions, in file name order
  std::optional<fordelning::Kunder> kunder;
  std::vector<std::string> unreadable;  // files that gave nothing
  std::vector<std::string> unused;      // readable files not used (a supplier's second file)
};

Inputs read_inputs(const fs::path& round_dir, const std::vector<Listed>& files,
                   Progress& progress, Findings& findings) {
  Inputs in;
  progress.stage("Läser omgang.toml");
  in.settings = sammanstallning::read_settings_file(round_dir / "omgang.toml", findings);
  progress.stage("Läser och kontrollerar leverantörernas underlag");
  const analys::TemplateDef& def = analys::builtin_template();
  // Each workbook is read and checked on its own (two at a time on two cores); the results are
  // combined in file name order, so the output does not depend on which finished first.
  struct Slot {
    std::optional<Ingested> ingested;
    Findings findings;
  };
  std::vector<Slot> slots(files.size());
  parallel_for(files.size(), [&](std::size_t i) {
    Slot& slot = slots[i];
    slot.ingested = ingest_file(files[i].path, def, slot.findings, files[i].name);
    if (slot.ingested && !files[i].workbook_name) {
      // A workbook under another name (x.xlsx.bak): said once, not read as a submission.
      slot.ingested.reset();
      slot.findings = {misnamed_workbook(files[i].name)};
    }
    if (slot.ingested) {
      checks::check_submission(slot.ingested->submission, def,
                               supplier_settings(slot.ingested->submission, in.settings),
                               slot.findings);
    }
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (slots[i].ingested) {
      in.ingested.push_back(std::move(*slots[i].ingested));
    } else if (!is_lock_file(files[i].path)) {
      in.unreadable.push_back(files[i].name);
    }
    findings.insert(findings.end(), slots[i].findings.begin(), slots[i].findings.end());
  }
  check_round_year(in.settings, in.ingested, findings);
  // A supplier's two files (inkop.xlsx and inkop (1).xlsx): neither is used.
  std::vector<std::size_t> twice = duplicate_submissions(in.ingested, findings);
  for (auto i = twice.rbegin(); i != twice.rend(); ++i) {
    in.unused.push_back(in.ingested[*i].submission.file);
    in.ingested.erase(in.ingested.begin() + static_cast<std::ptrdiff_t>(*i));
  }
  std::reverse(in.unused.begin(), in.unused.end());
  check_round_total(in.ingested);
  progress.stage("Läser kunder.xlsx");
  fs::path kunder = round_dir / "kunder.xlsx";
  std::error_code ec;
  if (!fs::exists(kunder, ec)) {
    findings.push_back(Finding{"FILE_MISSING", Level::fel, {"kunder.xlsx", "", ""},
                               "Kundregistret kunder.xlsx saknas i omgångens mapp: ingen "
                               "fördelning på kunder görs, sammanställningen skrivs ändå.",
                               std::nullopt, std::nullopt});
    return in;
  }
  try {
    in.kunder = inputs::read_kunder_file(kunder, findings);
  } catch (const ReadError& e) {
    findings.push_back(Finding{"FILE_UNREADABLE", Level::fel, {"kunder.xlsx", "", ""},
                               fmt::format("Kundregistret kan inte läsas ({}): ingen fördelning "
                                           "på kunder görs.",
                                           e.what()),
                               std::nullopt, std::nullopt});
  }
  return in;
}

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

/// The round folder as the summary names it: absolute, without a trailing separator.
fs::path shown(const fs::path& dir) {
  std::error_code ec;
  fs::path path = fs::absolute(dir, ec).lexically_normal();
  if (ec) return dir;
  return path.has_filename() || !path.has_parent_path() ? path : path.parent_path();
}

void print_summary(const fs::path& round_dir, const Inputs& in, const Findings& findings,
                   const Outputs& outputs, const fs::path& published, std::ostream& out) {
  std::map<Level, int> count;
  for (const Finding& f : findings) ++count[f.level];
  out << fmt::format("\nOmgång: {}", shown(round_dir).string());
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
  fs::path round_dir = options.round_dir;
  if (round_dir.empty() && is_round_dir(".")) {
    round_dir = ".";
  } else if (round_dir.empty()) {
    std::optional<fs::path> sample = sample_round_dir();
    if (!sample) {
      err << "fel: ingen omgång angiven, den aktuella mappen är ingen omgång (den saknar "
             "leverantorer/) och exempelomgången hittades inte bredvid programmet. Ange "
             "omgångens mapp: arsanalys run OMGÅNG\n";
      return ExitCode::failed;
    }
    round_dir = *sample;
    out << fmt::format("Ingen omgång angiven: kör exempelomgången i {} (underlagen från 2024 "
                       "med påhittade kunduppgifter, ingen riktig omgång). En egen omgång: "
                       "arsanalys run OMGÅNG\n",
                       round_dir.string());
  }
  fs::path out_dir = options.out_dir.empty() ? fs::path("ut") : options.out_dir;
  Progress progress(out);
  Findings findings;
  const fs::path submissions_folder = submissions_dir(round_dir);
  std::vector<Listed> files = list_submissions(submissions_folder, findings);

  // The output folder is checked and locked before the long part, so that a bad one (one that
  // holds inputs, or another run's) is said at once. Everything is written into a staging
  // folder beside it and published whole at the end: a failure or a kill on the way leaves the
  // previous output as it was.
  InputSet inputs;
  inputs.add_folder(submissions_folder);
  inputs.add_file(round_dir / "omgang.toml");
  inputs.add_file(round_dir / "kunder.xlsx");
  for (const Listed& f : files) inputs.add_file(f.path);
  StagedOutput staged(out_dir, inputs, kOwnOutputs);

  Inputs in = read_inputs(round_dir, files, progress, findings);
  if (in.ingested.empty()) {
    for (const Finding& f : findings) err << describe(f) << "\n";
    err << fmt::format("fel: inget läsbart underlag i {}: inget kunde skrivas.\n",
                       submissions_folder.string());
    return ExitCode::failed;
  }

  progress.stage("Sammanställer, räknar index och alternativ, fördelar på kunder");
  // The submissions as the round uses them: the preparers' line adjustments applied to copies
  // (the checks and the review copies have seen them as the suppliers wrote them).
  std::vector<analys::Submission> submissions;
  std::vector<std::string> suppliers;
  for (const auto& i : in.ingested) {
    submissions.push_back(i.submission);
    suppliers.push_back(i.submission.supplier);
  }
  std::vector<sammanstallning::LineAdjustment> adjusted =
      sammanstallning::apply_adjustments(submissions, in.settings, findings);
  const fordelning::Kunder* register_ = in.kunder ? &*in.kunder : nullptr;
  fordelning::Catalogue catalogue(register_, suppliers);
  fordelning::check_catalogue(catalogue, register_, submissions, findings);
  sammanstallning::Round round =
      sammanstallning::consolidate(submissions, in.settings, findings, &catalogue, adjusted);
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
  std::vector<std::string> customer_names;
  if (in.kunder) {
    std::vector<std::size_t> cut;
    customer_names = output::customer_file_names(in.kunder->customers, &cut);
    for (std::size_t i : cut) {
      findings.push_back(name_shortened({"kunder.xlsx", "Kunder", ""},
                                        fmt::format("Kund-id '{}'", in.kunder->customers[i].id),
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
  output::AnnexInput annex{round, effects, kunder, findings, draft};
  outputs.write("beslutsbilaga.xlsx", output::beslutsbilaga_xlsx(annex));
  outputs.write("beslutsbilaga.html", output::beslutsbilaga_html(annex));
  // Chromium prints the annex while the rest is written, its profile in the staging folder.
  output::PdfPrint printing(outputs.dir() / "beslutsbilaga.html",
                            outputs.dir() / "beslutsbilaga.pdf", std::chrono::seconds(120),
                            outputs.dir());

  progress.stage("Skriver fördelning, kundbesked och resultat.json");
  // resultat.json is written as it is made: at city scale it is hundreds of megabytes.
  auto write_result = [&] {
    FileWriter file(outputs.dir() / "resultat.json");
    std::string buffer;
    auto flush = [&] {
      file.write(buffer);
      buffer.clear();
    };
    output::write_result_json({round.year, draft, submissions, findings, allocation, kunder, &round},
                              [&](std::string_view piece) {
                                buffer += piece;
                                if (buffer.size() >= (std::size_t{1} << 20)) flush();
                              });
    flush();
    file.close();
  };
  if (in.kunder) {
    output::AllocationBook book{allocation, &previous, *in.kunder, draft};
    const fs::path folder = outputs.folder("kunder");
    output::CustomerStatements statements(book);
    const auto& customers = in.kunder->customers;
    // On every core: first fordelning.xlsx and resultat.json, one task each (they are made
    // by one thread), so that the statements, one task per customer, fill the other cores
    // meanwhile. The bytes of each file depend only on its own input, never on the threads.
    parallel_for(customers.size() + 2, [&](std::size_t i) {
      if (i == 0) {
        output::write_fordelning_xlsx(book, outputs.dir() / "fordelning.xlsx");
      } else if (i == 1) {
        write_result();
      } else {
        write_file(folder / customer_names[i - 2], statements.xlsx(customers[i - 2]));
      }
    });
    outputs.count_written(static_cast<int>(customers.size()) + 1);  // statements, fordelning
  } else {
    write_result();
  }
  outputs.count_written();  // resultat.json
  output::PdfResult pdf = printing.finish();
  if (pdf.status == output::PdfResult::Status::written) outputs.count_written();
  staged.publish();
  print_summary(round_dir, in, findings, outputs, out_dir, out);
  if (!pdf.message.empty()) out << pdf.message << "\n";
  return draft ? ExitCode::has_errors : ExitCode::ok;
}

}  // namespace arsanalys::app

#include "app/round_inputs.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/commands.h"
#include "checks/checks.h"
#include "core/error.h"
#include "core/file_io.h"
#include "core/parallel.h"
#include "core/text.h"
#include "fordelning/catalogue.h"
#include "inputs/kunder.h"

namespace arsanalys::app {
namespace fs = std::filesystem;
namespace {

/// The submissions of a round folder, sorted by file name (so the run does not depend on the
/// order the file system lists them in).
std::vector<fs::path> submission_files(const fs::path& round_dir) {
  fs::path dir = round_dir / "leverantorer";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw RunError(fmt::format("Mappen {} finns inte: omgångens mapp ska innehålla en mapp "
                               "leverantorer/ med leverantörernas ifyllda mallar (.xlsx).",
                               dir.string()));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  if (ec) {
    throw RunError(
        fmt::format("Kan inte läsa mappen {}: {}.", dir.string(), system_error_text(ec.value())));
  }
  std::sort(files.begin(), files.end());
  return files;
}

checks::SupplierSettings supplier_settings(const analys::Submission& s,
                                           const sammanstallning::Settings& settings) {
  checks::SupplierSettings out;
  out.year = settings.analysar;
  std::string source;
  auto index = sammanstallning::index_for(s, settings, &source);
  // Only an index the round sets is imposed; one read from a header the check finds itself.
  if (index && source.starts_with("omgang.toml")) {
    out.index_percent = *index;
  }
  for (const auto& [name, ls] : settings.leverantorer) {
    if (fold(name) == fold(s.supplier)) out.impact = ls.paverkan;
  }
  return out;
}

}  // namespace

void Progress::stage(std::string_view text) {
  out_ << fmt::format("[{}/{}] {}\n", ++n_, stages_, text) << std::flush;
}

RoundInputs read_round_inputs(const fs::path& round_dir, Progress& progress, Findings& findings) {
  RoundInputs in;
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
  std::vector<fs::path> files = submission_files(round_dir);
  std::vector<Slot> slots(files.size());
  parallel_for(files.size(), [&](std::size_t i) {
    Slot& slot = slots[i];
    slot.ingested = ingest_file(files[i], def, slot.findings);
    if (slot.ingested) {
      checks::check_submission(slot.ingested->submission, def,
                               supplier_settings(slot.ingested->submission, in.settings),
                               slot.findings);
    }
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (slots[i].ingested) {
      in.ingested.push_back(std::move(*slots[i].ingested));
    } else if (!is_lock_file(files[i])) {
      in.unreadable.push_back(files[i].filename().string());
    }
    findings.insert(findings.end(), slots[i].findings.begin(), slots[i].findings.end());
  }
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

PreparedRound prepare_round(const RoundInputs& in, Findings& findings) {
  PreparedRound out;
  std::vector<std::string> suppliers;
  for (const auto& i : in.ingested) {
    out.submissions.push_back(i.submission);
    suppliers.push_back(i.submission.supplier);
  }
  std::vector<sammanstallning::LineAdjustment> adjusted =
      sammanstallning::apply_adjustments(out.submissions, in.settings, findings);
  const fordelning::Kunder* register_ = in.kunder ? &*in.kunder : nullptr;
  fordelning::Catalogue catalogue(register_, suppliers);
  fordelning::check_catalogue(catalogue, register_, out.submissions, findings);
  out.round = sammanstallning::consolidate(out.submissions, in.settings, findings, &catalogue,
                                           adjusted);
  return out;
}

std::optional<fs::path> choose_round_dir(const fs::path& given, std::string_view command,
                                         std::ostream& out, std::ostream& err) {
  if (!given.empty()) return given;
  if (is_round_dir(".")) return fs::path(".");
  std::optional<fs::path> sample = sample_round_dir();
  if (!sample) {
    err << fmt::format("fel: ingen omgång angiven, den aktuella mappen är ingen omgång (den "
                       "saknar leverantorer/) och exempelomgången hittades inte bredvid "
                       "programmet. Ange omgångens mapp: arsanalys {} OMGÅNG\n",
                       command);
    return std::nullopt;
  }
  out << fmt::format("Ingen omgång angiven: kör exempelomgången i {} (underlagen från 2024 "
                     "med påhittade kunduppgifter, ingen riktig omgång). En egen omgång: "
                     "arsanalys {} OMGÅNG\n",
                     sample->string(), command);
  return sample;
}

fs::path shown_dir(const fs::path& dir) {
  std::error_code ec;
  fs::path path = fs::absolute(dir, ec).lexically_normal();
  if (ec) return dir;
  return path.has_filename() || !path.has_parent_path() ? path : path.parent_path();
}

void make_out_dir(const fs::path& out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    throw RunError(fmt::format(
        "Kan inte skapa resultatmappen {}: {}.", out_dir.string(),
        ec ? system_error_text(ec.value()) : std::string("det finns en fil med det namnet")));
  }
  remove_stale_temporaries(out_dir);
}

}  // namespace arsanalys::app

#include "app/round_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include <fmt/ranges.h>

#include "app/commands.h"
#include "checks/checks.h"
#include "core/error.h"
#include "core/exact.h"
#include "core/file_io.h"
#include "core/parallel.h"
#include "core/text.h"
#include "fordelning/catalogue.h"
#include "inputs/kunder.h"

namespace arsanalys::app {
namespace fs = std::filesystem;
namespace {

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
constexpr Int128 kMaxRoundKr = (Int128{1} << 53) - 1;

/// Throws RunError when the figures of the round's submissions add up (in absolute value)
/// beyond kMaxRoundKr. Each figure is at most 10^12 kr (larger ones are refused as
/// NUMBER_OUT_OF_RANGE); only thousands of such figures can come near it.
void check_round_total(const std::vector<Ingested>& ingested) {
  Int128 total = 0;
  for (const Ingested& i : ingested) {
    for (const analys::Table& t : i.submission.tables) {
      for (const analys::Line& line : t.lines) {
        for (const auto& v : line.values) {
          if (v && v->amount.kind == analys::Amount::Kind::amount) {
            total += v->amount.kronor < 0 ? -Int128{v->amount.kronor} : v->amount.kronor;
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

}  // namespace

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

void Progress::stage(std::string_view text) {
  out_ << fmt::format("[{}/{}] {}\n", ++n_, stages_, text) << std::flush;
}

RoundInputs read_round_inputs(const fs::path& round_dir, Progress& progress, Findings& findings) {
  const std::vector<Listed> files = list_submissions(submissions_dir(round_dir), findings);
  return read_round_inputs(round_dir, files, progress, findings);
}

RoundInputs read_round_inputs(const fs::path& round_dir, const std::vector<Listed>& files,
                              Progress& progress, Findings& findings) {
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

InputSet round_input_set(const fs::path& round_dir) {
  InputSet inputs;
  inputs.add_folder(submissions_dir(round_dir));
  inputs.add_file(round_dir / "omgang.toml");
  inputs.add_file(round_dir / "kunder.xlsx");
  // omgang.toml is read again, fully, with the round; what is wrong in it is reported there.
  Findings ignored;
  const auto settings = sammanstallning::read_settings_file(round_dir / "omgang.toml", ignored);
  for (const std::string& f : {settings.foregaende.kunder, settings.foregaende.resultat}) {
    if (!f.empty()) inputs.add_file((round_dir / f).lexically_normal());
  }
  return inputs;
}

}  // namespace arsanalys::app

#pragma once
// Reading a round folder as `run` and `slutreglering` both do: omgang.toml, the suppliers'
// submissions (read and checked two at a time), kunder.xlsx; then the preparers' adjustments,
// the service catalogue and the consolidation. One mechanism for both commands, so the
// settlement sees the round exactly as the run that charged the customers saw it.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "inputs/ingest.h"
#include "core/finding.h"
#include "core/output_dir.h"
#include "fordelning/customers.h"
#include "sammanstallning/round.h"
#include "sammanstallning/settings.h"

namespace arsanalys::app {

// Reading the submissions (inputs/ingest.h), as the commands name it.
using inputs::Checked;
using inputs::check_file;
using inputs::duplicate_submissions;
using inputs::ingest_file;
using inputs::Ingested;
using inputs::list_submissions;
using inputs::Listed;
using inputs::misnamed_workbook;
using inputs::name_files;
using inputs::Named;

/// Prints "[n/N] text" as a stage begins.
class Progress {
 public:
  Progress(std::ostream& out, int stages) : out_(out), stages_(stages) {}
  void stage(std::string_view text);

 private:
  std::ostream& out_;
  int stages_;
  int n_ = 0;
};

/// Everything read from the round folder.
struct RoundInputs {
  sammanstallning::Settings settings;
  std::vector<Ingested> ingested;  // readable submissions, in file name order
  std::optional<fordelning::Kunder> kunder;
  std::vector<std::string> unreadable;  // files that gave nothing
  std::vector<std::string> unused;      // readable files not used (a supplier's second file)
};

/// The folder of a round's submissions (leverantorer/); RunError when there is none.
std::filesystem::path submissions_dir(const std::filesystem::path& round_dir);

/// Reads omgang.toml, the listed submissions `files` (each checked; a supplier's two files are
/// both left unused, a workbook under another name is said and skipped) and kunder.xlsx, three
/// stages of `progress`. Problems are findings; RunError when the submissions' sums pass what
/// JSON holds exactly.
RoundInputs read_round_inputs(const std::filesystem::path& round_dir,
                              const std::vector<Listed>& files, Progress& progress,
                              Findings& findings);
/// The same, listing leverantorer/ itself (RunError when it is missing or unreadable).
RoundInputs read_round_inputs(const std::filesystem::path& round_dir, Progress& progress,
                              Findings& findings);

/// The round as the outputs use it.
struct PreparedRound {
  std::vector<analys::Submission> submissions;  // with the preparers' line adjustments
  sammanstallning::Round round;                 // consolidated
};

/// The preparers' adjustments applied to copies of the submissions (the checks and the review
/// copies have seen them as the suppliers wrote them), the catalogue checked, the round
/// consolidated.
PreparedRound prepare_round(const RoundInputs& in, Findings& findings);

/// The round folder a command works on: `given`, else the current folder when it is a round,
/// else the sample round (said on `out`). None, with the reason on `err`, when there is none;
/// `command` is the command's name for the message ("run", "slutreglering").
std::optional<std::filesystem::path> choose_round_dir(const std::filesystem::path& given,
                                                      std::string_view command,
                                                      std::ostream& out, std::ostream& err);

/// The round folder as a summary names it: absolute, without a trailing separator.
std::filesystem::path shown_dir(const std::filesystem::path& dir);

/// The round's inputs that no output may overwrite: its submissions folder, omgang.toml,
/// kunder.xlsx and last year's register and charges named in `[foregaende]` (an output folder
/// holding them, last year's own, is refused rather than overwritten).
InputSet round_input_set(const std::filesystem::path& round_dir);


}  // namespace arsanalys::app

#pragma once
// Findings: every problem found in a submission is data (code, level, place, Swedish message,
// values), collected so a supplier sees all of its problems at once. Exceptions are kept for
// what ends the work on a whole file or run.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arsanalys {

/// How serious a finding is (contract: `fel`, `varning`, `info`).
enum class Level { fel, varning, info };

/// The contract's word for a level.
std::string_view level_name(Level level);

/// Where a figure or a finding is: file, sheet and cell (cell "" for a whole file or sheet).
struct Location {
  std::string file;   // file name as given, e.g. "demokrati.xlsx"
  std::string sheet;  // sheet name, "" for the whole file
  std::string cell;   // A1-style reference, "" for a whole sheet

  /// `'3.1 Förvaltning'!C12`-style reference (sheet quoted when needed), "" when no sheet.
  std::string ref() const;
};

/// One finding.
struct Finding {
  std::string code;                        // contract code, e.g. "SUM_MISMATCH"
  Level level = Level::info;
  Location where;
  std::string message;                     // Swedish, one or two sentences
  std::optional<std::int64_t> value_kr;    // the figure as found, kronor
  std::optional<std::int64_t> expected_kr; // what it should have been, kronor
};

using Findings = std::vector<Finding>;

/// `<fil>: blad '<blad>' cell <cell>: <meddelande>` (parts left out when unknown).
std::string describe(const Finding& finding);

/// Every text of the findings made fit for any output (clean_text()): a message may quote what
/// an input said.
void clean_findings(Findings& findings);
/// How many findings of each level, as the summaries say it: "ett fel, 3 varningar, 12 info".
std::string count_levels(const Findings& findings);

/// Findings in a stable order: by file, sheet, row, column, code.
void sort_findings(Findings& findings);

}  // namespace arsanalys

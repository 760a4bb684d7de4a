#pragma once
// sammanstallning.xlsx, the controllers' consolidated workbook: overview (Tabell 1 and 2),
// basic services against digital infrastructure, a sheet per supplier with its normalised lines
// and the source cell of every figure, proposals with their completeness, the index check, the
// findings, and native charts of the cost development. Totals are live formulas with cached
// values; charts point at plain numbers.

#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "sammanstallning/round.h"

namespace arsanalys::output {

/// The workbook's bytes. `draft`: the run has findings of level fel, every sheet says "Utkast".
std::string sammanstallning_xlsx(const sammanstallning::Round& round,
                                 const std::vector<analys::Submission>& submissions,
                                 const Findings& findings, bool draft);

}  // namespace arsanalys::output

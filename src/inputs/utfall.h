#pragma once
// Reading utfall.xlsx, the year's outcome for the year-end settlement (contract: "Year-end
// settlement"): sheet `Utfall` with the header `Leverantör | Tjänst | Utfall kr` (found by its
// words anywhere in the first rows, columns in any order), one row per supplier and service,
// the actual cost in whole kronor; optionally a sheet `Kunder` shaped like kunder.xlsx's, the
// actual volumes.
//
// Each problem is a finding at its cell, and the row is kept with what could be read:
// - an amount that is no number, or not whole kronor: NUMBER_UNPARSED (fel), amount none;
// - an empty amount: VALUE_MISSING (fel), amount none;
// - a row without supplier or service: REGISTER_INVALID (fel), not kept;
// - the same supplier and service twice: REGISTER_INVALID (fel) at the second, not kept;
// - a title cell above the header naming another year than the round's ("Utfall 2023"):
//   YEAR_MISMATCH (fel).
// Matching the rows against the round is fordelning/settlement.h's.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "fordelning/customers.h"
#include "fordelning/settlement.h"
#include "xlsx/workbook.h"

namespace arsanalys::inputs {

using fordelning::Outcome;
using fordelning::OutcomeRow;

/// Reads an outcome workbook; `year` is the round's analysis year, for YEAR_MISMATCH.
///
///   Outcome o = read_outcome(read_workbook(bytes, "utfall.xlsx"), 2024, findings);
Outcome read_outcome(const xlsx::Workbook& wb, int year, Findings& findings);

/// Reads utfall.xlsx from disk. Throws ReadError when the file is no readable workbook.
Outcome read_outcome_file(const std::filesystem::path& path, int year, Findings& findings);

}  // namespace arsanalys::inputs

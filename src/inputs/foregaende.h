#pragma once
// Last year's round as omgang.toml's `[foregaende]` names it (contract): its kunder.xlsx
// (customers, measures, keys, catalogue) and, where given, its resultat.json (what each customer
// was charged per line), for the change from last year (fordelning/bridge.h).
//
// Paths are relative to the round folder. A file that is missing or unreadable is a finding at
// its line of omgang.toml (FILE_MISSING, FILE_UNREADABLE; varning: only the bridge depends on
// it); without last year's register there is no bridge, without its resultat.json last year's
// charges are recomputed (base "omrakning"). Findings of last year's register name the file as
// written and are at most varning: they concern a round already decided.

#include <filesystem>
#include <optional>
#include <vector>

#include "core/finding.h"
#include "fordelning/bridge.h"
#include "fordelning/customers.h"
#include "sammanstallning/settings.h"

namespace arsanalys::inputs {

/// Last year's inputs.
struct LastYear {
  std::optional<fordelning::Kunder> kunder;                 // none: no bridge
  std::optional<std::vector<fordelning::ChargedLine>> charged;  // none: recompute last year
};

/// Reads what `[foregaende]` names, relative to `round_dir`; `year` is this round's Y (last
/// year's resultat.json should be of Y-1). Empty when `[foregaende]` names nothing.
LastYear read_last_year(const std::filesystem::path& round_dir,
                        const sammanstallning::Foregaende& settings, int year, Findings& findings);

/// Last year's charged lines from the text of its resultat.json (`allocations`). Throws
/// ReadError with a Swedish reason when the text is not such a document.
std::vector<fordelning::ChargedLine> read_charged_lines(std::string_view json_text, int year);

}  // namespace arsanalys::inputs

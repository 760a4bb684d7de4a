#pragma once
// The contract's JSON pieces (resultat.json, validate --json): suppliers with their lines and
// totals in kronor, and findings.

#include <nlohmann/json.hpp>

#include "analys/submission.h"
#include "core/finding.h"

namespace arsanalys::output {

/// One supplier: name, file, lines (table, service, area, amounts_kr, sources; effects_kr and
/// effect_sources for running-cost effects), totals_kr per table and year.
nlohmann::json supplier_json(const analys::Submission& s);

/// One finding: code, level, file, sheet, cell, message, value_kr, expected_kr.
nlohmann::json finding_json(const Finding& f);

/// All findings, in the order given.
nlohmann::json findings_json(const Findings& findings);

}  // namespace arsanalys::output

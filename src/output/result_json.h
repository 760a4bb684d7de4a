#pragma once
// The contract's JSON pieces (resultat.json, validate --json): suppliers with their lines and
// totals in kronor, and findings.

#include <nlohmann/json.hpp>

#include <functional>
#include <string_view>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/bridge.h"
#include "fordelning/customers.h"
#include "fordelning/round_allocation.h"
#include "sammanstallning/round.h"

namespace arsanalys::output {

/// One supplier: name, file, lines (table, service, area, amounts_kr, sources; effects_kr and
/// effect_sources for running-cost effects), totals_kr per table and year. With the supplier's
/// part of the consolidated round, each line also carries its category, financing, in_frames
/// (and outside_reason when outside), adjusted (the preparers' figures, with the submission's
/// own), and the supplier its scope: per table and year, total_kr = in_frames_kr + outside_kr.
nlohmann::json supplier_json(const analys::Submission& s,
                             const sammanstallning::SupplierRound* consolidated = nullptr,
                             const sammanstallning::Settings* settings = nullptr);

/// One finding: code, level, file, sheet, cell, message, value_kr, expected_kr.
nlohmann::json finding_json(const Finding& f);

/// All findings, in the order given.
nlohmann::json findings_json(const Findings& findings);

/// The lines not allocated: supplier, service, table, year, amount_kr, source, reason.
nlohmann::json unallocated_json(const fordelning::RoundAllocation& allocation);

/// Everything resultat.json holds (contract: "resultat.json").
struct ResultDoc {
  int year = 0;
  bool draft = false;
  const std::vector<analys::Submission>& submissions;
  const Findings& findings;
  const fordelning::RoundAllocation& allocation;
  const fordelning::Kunder* kunder = nullptr;  // nullptr: no register, no customers
  const sammanstallning::Round* round = nullptr;  // the consolidation: categories, scope,
                                                  // adjustments (nullptr: lines as read only)
  const fordelning::Bridge* bridge = nullptr;     // the change from last year (nullptr: none)
};

/// resultat.json as text, handed to `sink` piece by piece: the same text as dump(2) of the
/// whole document with a final newline, but the allocations and customers (lines × customers
/// kronor: hundreds of megabytes as a tree in a city-scale round) are made one element at a
/// time and never held together.
void write_result_json(const ResultDoc& doc, const std::function<void(std::string_view)>& sink);

}  // namespace arsanalys::output

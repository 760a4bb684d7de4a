#pragma once
// The contract's JSON documents of a round (resultat.json, `validate --json`) and their parts:
// suppliers with their lines and totals in kronor, and findings. Written with the one JSON
// writer (core/json_writer.h) as they are made, keys in byte order as they have always been.

#include <functional>
#include <ostream>
#include <string_view>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "core/json_writer.h"
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
void write_supplier(JsonWriter& w, const analys::Submission& s,
                    const sammanstallning::SupplierRound* consolidated = nullptr,
                    const sammanstallning::Settings* settings = nullptr);

/// One finding: code, level, file, sheet, cell, message, value_kr, expected_kr.
void write_finding(JsonWriter& w, const Finding& f);

/// All findings as an array, in the order given.
void write_findings(JsonWriter& w, const Findings& findings);

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

/// resultat.json as text, handed to `sink` piece by piece as it is written: the allocations
/// and customers (lines × customers kronor: hundreds of megabytes in a city-scale round) are
/// never held together.
void write_result_json(const ResultDoc& doc, const std::function<void(std::string_view)>& sink);

/// `validate --json`: the suppliers as read (without a round's consolidation) and the findings.
void write_validate_json(const std::vector<analys::Submission>& submissions,
                         const Findings& findings, std::ostream& out);

}  // namespace arsanalys::output

#pragma once
// Allocating a whole round (contract: "Allocation rules"): every most-detailed line of 3.1a and
// 3.1b, and the lines of 3.1c that `Tjänster` names, charged to the customers by its key for
// year Y in whole kronor. Lines that cannot be allocated are kept with the reason, so every
// krona of the suppliers' tables is accounted for: allocated, or listed as not allocated.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/customers.h"
#include "fordelning/engine.h"

namespace arsanalys::fordelning {

/// One supplier line and what became of it.
struct LineAllocation {
  std::string supplier;              // supplier name as recognised
  std::string file;                  // submission file
  std::string table;                 // forvaltning, utveckling, nya_insatser
  std::string service;               // the line's label
  std::string area;                  // its area ("" none)
  int year = 0;                      // Y
  std::int64_t amount_kr = 0;        // the line's amount for Y
  Location source;                   // the amount's cell
  const Key* key = nullptr;          // the key used; nullptr when not allocated
  KeySource key_source = KeySource::none;
  std::string key_text;              // the supplier's 3.2 key text for the service ("" none)
  std::optional<Allocation> allocation;  // the split; none when not allocated
  const Key* proposed_key = nullptr;     // Tjänster's `Förslag nyckel`, if any
  std::optional<Allocation> proposed;    // the same amount by the proposed key
  std::string reason;                // Swedish: why it is not allocated ("" when it is)
};

/// The round's allocation.
struct RoundAllocation {
  int year = 0;
  std::vector<LineAllocation> lines;  // suppliers in the order given, then table, sheet order
  /// Kund-id -> kronor charged in all (every customer of the register, 0 too).
  std::map<std::string, std::int64_t> customer_totals;
  /// Kund-id -> kronor in all by the proposed keys (a line without one counts as before).
  std::map<std::string, std::int64_t> customer_totals_proposed;
  std::int64_t allocated_kr = 0;      // sum of the allocated lines
  std::int64_t unallocated_kr = 0;    // sum of the lines not allocated
};

/// How much of each line's allocation is kept.
enum class Detail {
  full,    // the steps with every customer's weight and kronor, and the kronor per customer
  totals,  // only the kronor per customer (Allocation::steps left empty): for last year's
           // figures, which the outputs show only as kronor, at half the memory
};

/// Allocates every line of the submissions for `year`: the forecast (År Y in 3.1c) when `year`
/// is the analysis year, else the column of that year (Budget Y-1, Utfall Y-2), so last year's
/// charges can be shown by the same keys. A line of 3.1a/3.1b whose service has
/// no key gets KEY_MISSING (fel) at the line's label cell; a 3.1c line without a `Tjänster`
/// row is listed as not allocated, without a finding (the contract wants it so). A line whose
/// key is unusable is listed with the reason (read_kunder() has reported the key already).
///
///   RoundAllocation a = allocate_round(submissions, 2024, kunder, findings);
///   a.customer_totals.at("GSF")  // what Grundskoleförvaltningen pays in all
RoundAllocation allocate_round(const std::vector<analys::Submission>& submissions, int year,
                               const Kunder& kunder, Findings& findings,
                               Detail detail = Detail::full);

/// The supplier's 3.2 key text for `service` ("Nuvarande fördelningsnyckel"), matched by
/// name_key(); "" when the table or the row is missing.
std::string key_text_for(const analys::Submission& s, std::string_view service);

}  // namespace arsanalys::fordelning

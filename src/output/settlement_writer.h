#pragma once
// The year-end settlement's outputs (contract: "Year-end settlement"): slutreglering.json,
// slutreglering.xlsx (per supplier × customer, per service, per service and customer, the
// findings) and one settlement statement per customer, in the look of fordelning.xlsx and the
// customer statements (allocation_layout.h), with the draft mark while the inputs have errors.

#include <filesystem>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/finding.h"
#include "fordelning/customers.h"
#include "fordelning/round_allocation.h"
#include "fordelning/settlement.h"

namespace arsanalys::output {

/// What every settlement output is made from.
struct SettlementBook {
  const fordelning::Settlement& settlement;
  const fordelning::RoundAllocation& charged;  // the round's allocation of the settled year
  const fordelning::Kunder& kunder;            // the round's register
  const Findings& findings;                    // the round's and the outcome's, sorted
  std::string outcome_file;                    // utfall.xlsx's name, for the texts
  bool draft = false;                          // some finding is `fel`
};

/// slutreglering.json: year, draft, services (supplier, service, keys, settled, reason,
/// actual_kr, charged_kr, customers_kr {id: {charged, final}}), customers (id, name,
/// charged_kr, final_kr, difference_kr) and findings, with a final newline.
std::string slutreglering_json(const SettlementBook& book);

/// Writes slutreglering.xlsx to `file` (a temporary the caller renames).
void write_slutreglering_xlsx(const SettlementBook& book, const std::filesystem::path& file);

/// One customer's settlement statement (slutreglering/kunder/<Kund-id>.xlsx).
std::string settlement_statement_xlsx(const SettlementBook& book,
                                      const fordelning::CustomerSettlement& customer);

/// The outcome template (`arsanalys template --utfall`): sheet `Utfall` (a title naming the year,
/// how to fill it in, the header Leverantör | Tjänst | Utfall kr, one row per service settled,
/// with what the round charged beside it for reference) and sheet `Kunder` (the register's
/// customers and measures, values empty: actual volumes where known).
struct OutcomeTemplate {
  int year = 0;
  /// (supplier, service, charged kr) per service the round charged by key; empty without a round.
  std::vector<std::tuple<std::string, std::string, std::int64_t>> services;
  const fordelning::Kunder* kunder = nullptr;  // nullptr: the Kunder sheet has only Kund-id,
                                               // Namn and Typ
};

/// Writes the outcome template to `file` (a temporary the caller renames).
void write_outcome_template(const OutcomeTemplate& t, const std::filesystem::path& file);

}  // namespace arsanalys::output

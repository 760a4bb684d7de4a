#pragma once
// fordelning.xlsx (for the controllers) and kunder/<Kund-id>.xlsx (one statement per customer):
// the round's allocation laid out in Swedish. Amounts in kronor; totals are live formulas with
// their cached values.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "fordelning/bridge.h"
#include "fordelning/customers.h"
#include "fordelning/round_allocation.h"

namespace arsanalys::output {

/// What the allocation writers are given. `previous` is the same lines' Budget Y-1 allocated by
/// the same keys ("förra året"), nullptr when not computed.
struct AllocationBook {
  const fordelning::RoundAllocation& current;
  const fordelning::RoundAllocation* previous = nullptr;
  const fordelning::Kunder& kunder;
  bool draft = false;  // the run has findings of level fel: mark every sheet "Utkast"
  const fordelning::Bridge* bridge = nullptr;  // the change from last year (nullptr: none)
};

/// fordelning.xlsx: per supplier a customer × service matrix with row and column totals, per
/// key its steps, measures and shares, current against proposed key, lines not allocated with
/// the reason. Returns the workbook's bytes.
std::string fordelning_xlsx(const AllocationBook& book);
/// The same written to `file`, a temporary the caller owns (as FileBatch::add_written gives):
/// the workbook, tens of megabytes at city scale, is never held in memory.
void write_fordelning_xlsx(const AllocationBook& book, const std::filesystem::path& file);

/// kunder/<Kund-id>.xlsx for one customer: per supplier and service the amount, the key, the
/// customer's measure and share, last year's figure where known, the total.
std::string customer_xlsx(const AllocationBook& book, const fordelning::Customer& customer);

/// The statements of all customers of a round: what they share (last year's line of each line,
/// the suppliers' order) is worked out once. xlsx() may be called from several threads at once.
///
///   CustomerStatements statements(book);
///   for (const Customer& c : book.kunder.customers) write(c.id, statements.xlsx(c));
class CustomerStatements {
 public:
  explicit CustomerStatements(const AllocationBook& book);
  /// The same bytes as customer_xlsx(book, customer).
  std::string xlsx(const fordelning::Customer& customer) const;

 private:
  const AllocationBook& book_;
  std::vector<const fordelning::LineAllocation*> previous_;  // per line of book_.current
  std::vector<std::string> suppliers_;                       // in order of first appearance
  /// Per supplier of suppliers_, its lines (indices into book_.current.lines) in the order a
  /// statement lists them: by table (3.1a, 3.1b, 3.1c), then as they come.
  std::vector<std::vector<std::size_t>> supplier_lines_;
  fordelning::CustomerPlaces places_;      // customers' places in the lines' lists
  std::vector<std::string> sources_;       // per line of book_.current: source_text()
  std::vector<std::size_t> fixed_lines_;   // per line: the text lines its customer-independent
                                           // cells need (supplier, service, key, source)
  std::vector<std::size_t> not_by_key_;    // lines charged to no customer by a key (invoiced,
                                           // kommunbidrag, delivered to a supplier), in order
  /// With a bridge: per line of book_.current its line of the bridge (nullptr none), and the
  /// bridge's lines of last year only (ended services).
  std::vector<const fordelning::BridgeLine*> bridged_;
  std::vector<const fordelning::BridgeLine*> ended_;
  /// Per line of book_.current: the sums of its key's steps (step_total_texts()), worked out
  /// the first time a statement needs them, by whichever thread comes first.
  std::unique_ptr<std::once_flag[]> totals_once_;
  mutable std::vector<std::vector<std::string>> totals_;

 public:
  /// The step sums of line `i` (see totals_).
  const std::vector<std::string>& step_totals(std::size_t i) const;
};

/// The file name of a customer's statement: the Kund-id made a portable file name (spaces too
/// replaced by '_'; core/names.h), then ".xlsx". "INK" -> "INK.xlsx", "aux.txt" ->
/// "aux_.txt.xlsx", "~$lås" -> "_$lås.xlsx"; a Kund-id too long for a file name is shortened
/// and ends in a hash of the whole.
std::string customer_file_name(std::string_view kund_id);

/// The statement file names of a register's customers, in its order: customer_file_name() of
/// each, and where two would be one file (Kund-ids that differ only in unsafe characters or in
/// case: "A/B" and "A_B", "ab" and "AB") the later ones numbered: "A_B-2.xlsx".
/// `shortened`, when given, gets the indexes of the customers whose names were shortened.
std::vector<std::string> customer_file_names(const std::vector<fordelning::Customer>& customers,
                                             std::vector<std::size_t>* shortened = nullptr);
/// The same of customers given by pointer (a register's, then those who left it).
std::vector<std::string> customer_file_names(
    const std::vector<const fordelning::Customer*>& customers,
    std::vector<std::size_t>* shortened = nullptr);

}  // namespace arsanalys::output

#pragma once
// Allocating a whole round (contract: "Allocation rules"): every most-detailed line of 3.1a and
// 3.1b, and the lines of 3.1c that `Tjänster` names, charged to the customers by its key for
// year Y in whole kronor, as the service catalogue says (fordelning/catalogue.h):
// - Kostnadsfördelning: by the key, applied only to the customers in `Används av`;
// - Faktura à pris: not spread by a key, listed as invoiced per order;
// - Kommunbidrag: charged to nobody, listed;
// - `Levereras till` a Kund-id: the whole amount to that customer; a supplier: charged to that
//   supplier, which has it in its own costs already, so no customer pays it twice;
// - a line the catalogue does not know, or whose row cannot be read: not allocated.
// Every line is kept with what became of it, so every krona of the suppliers' tables is
// accounted for: charged, invoiced, funded, delivered, or listed as not allocated with a reason.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/catalogue.h"
#include "fordelning/customers.h"
#include "fordelning/engine.h"

namespace arsanalys::fordelning {

/// What became of a line's amount.
enum class Charging {
  by_key,       // allocated to the customers by its key (`allocation` holds the split)
  to_customer,  // delivered to one customer (`Levereras till` a Kund-id): all of it to them
  to_supplier,  // delivered to another supplier (`Levereras till`): charged to that supplier
  invoiced,     // Faktura à pris: invoiced per order, not spread
  kommunbidrag, // funded by the city budget, charged to nobody
  none,         // not allocated: `reason` says why
};

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
  Charging charging = Charging::none;  // what became of the amount
  Category category = Category::okand; // from the catalogue (okand: not in it)
  Financing financing = Financing::kostnadsfordelning;
  bool in_frames = false;            // inside the frames the strategic group prioritises
  Receiver receiver;                 // `Levereras till`, resolved (Kind::none: not delivered)
  const UsedBy* used_by = nullptr;   // `Används av` the key was restricted to; nullptr none
};

/// The round's allocation.
struct RoundAllocation {
  int year = 0;
  std::vector<LineAllocation> lines;  // suppliers in the order given, then table, sheet order
  /// Kund-id -> kronor charged in all (every customer of the register, 0 too).
  std::map<std::string, std::int64_t> customer_totals;
  /// Kund-id -> kronor in all by the proposed keys (a line without one counts as before).
  std::map<std::string, std::int64_t> customer_totals_proposed;
  std::int64_t allocated_kr = 0;      // sum of the lines charged to customers (by_key,
                                      // to_customer)
  std::int64_t unallocated_kr = 0;    // sum of the lines not allocated (Charging::none)
  std::int64_t invoiced_kr = 0;       // sum of the lines invoiced per order
  std::int64_t kommunbidrag_kr = 0;   // sum of the lines funded by kommunbidrag
  std::int64_t to_suppliers_kr = 0;   // sum of the lines charged to a receiving supplier
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

/// The column of a table holding its amounts for `year`, as allocate_round() reads them: the
/// forecast (3.1a, 3.1b) or År Y (3.1c) of the analysis year, else that year's budget, else its
/// outcome; nullptr when the table has none. `index` receives the column's index.
const analys::Column* year_column(const analys::Table& t, int year, std::size_t* index);

/// The supplier's 3.2 key text for `service` ("Nuvarande fördelningsnyckel"), matched by
/// name_key(); "" when the table or the row is missing.
std::string key_text_for(const analys::Submission& s, std::string_view service);

}  // namespace arsanalys::fordelning

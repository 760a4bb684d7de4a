#pragma once
// The change from last year, explained (the bridge; contract: `[foregaende]`, resultat.json
// `customers[].bridge`): for every customer and line, last year's charge L and this year's T,
// and T − L split into named parts that add up exactly.
//
// A line is matched across the years by supplier, table, area and service name (name_key(),
// area_key(); the n-th of equal ones). Each customer's charge for a line is worked out in a
// fixed order of states, each a whole-krona allocation by the contract's rules (largest
// remainder, ties to the earlier step, then the Kund-id first in byte order):
//
//   S0  last year's charge: the line's kronor in last year's resultat.json (base "resultat"),
//       else S0' (base "omrakning");
//   S0' the line's Budget Y-1 with last year's catalogue, keys and measures;
//   S1  the same with the Budget Y-1 uplifted by the supplier's index (3.1a lines only; S1 = S0'
//       when the index is unknown);
//   S2  this year's amount, last year's catalogue, keys and measures;
//   S3  this year's keys (Nycklar, and which key a service has), last year's catalogue
//       (category, financing, users, receiver) and last year's customers and measures;
//   S4  the same with this year's customers and measures;
//   S5  T: this year's allocation as charged (this year's catalogue, keys and measures).
//
// The parts of a line present in both years (S0 or S0' non-zero, and an amount this year):
//   index = S1 − S0';  kostnad = (S2 − S1) + (S0' − S0);  nyckel = S3 − S2;
//   volym = S4 − S3, of which egen_volym = E − S3, where E is the customer's kronor with only
//   its own customer data (measures, Typ, presence) changed to this year's: per step its exact
//   share of the step's kronor rounded half away from zero (E = S3 when its data did not
//   change); andras_volym = volym − egen_volym;  katalog = S5 − S4;  ny_eller_upphord = 0.
//   E comes from the key weighed on S3's register, the customer's weight exchanged (linear in
//   the customers); a register of its own is weighed only where that cannot tell.
// A line in only one year: ny_eller_upphord = S5 − S0, every other part 0.
// Every state is whole kronor, so every part is too and they add up to T − L exactly; a part
// whose cause did not change is 0 (the two states are the same allocation).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/exact.h"
#include "fordelning/customers.h"
#include "fordelning/round_allocation.h"

namespace arsanalys::fordelning {

/// The named parts of a change, kronor.
struct BridgeParts {
  std::int64_t index = 0;             // the supplier's index on last year's amount
  std::int64_t kostnad = 0;           // the service's cost beyond index
  std::int64_t nyckel = 0;            // the key (its steps, or which key the service has)
  std::int64_t egen_volym = 0;        // the customer's own measures
  std::int64_t andras_volym = 0;      // the other customers' measures
  std::int64_t ny_eller_upphord = 0;  // a service new this year or ended
  std::int64_t katalog = 0;           // category, financing, users or receiver

  std::int64_t sum() const {
    return index + kostnad + nyckel + egen_volym + andras_volym + ny_eller_upphord + katalog;
  }
  BridgeParts& operator+=(const BridgeParts& o);
  friend bool operator==(const BridgeParts&, const BridgeParts&) = default;
};

/// The parts in the contract's order with their JSON names.
inline constexpr const char* kBridgePartNames[7] = {
    "index", "kostnad", "nyckel", "egen_volym", "andras_volym", "ny_eller_upphord", "katalog"};
std::int64_t part(const BridgeParts& p, int i);

/// Where last year's charges come from.
enum class BridgeBase { resultat, omrakning };
const char* base_json(BridgeBase base);

/// One line of last year's resultat.json `allocations` (what was charged).
struct ChargedLine {
  std::string supplier, table, area, service;
  std::int64_t amount_kr = 0;
  std::map<std::string, std::int64_t> customers_kr;
};

/// One customer's figures for one line.
struct CustomerLineBridge {
  std::int64_t last_kr = 0;  // S0
  std::int64_t this_kr = 0;  // S5
  BridgeParts parts;         // sum() == this_kr − last_kr
};

/// One line across the years.
struct BridgeLine {
  std::string supplier, table, area, service;
  std::optional<std::size_t> current;   // index into this year's RoundAllocation::lines
  std::int64_t budget_kr = 0;           // Budget Y-1 of this year's submission (0 none)
  std::int64_t amount_kr = 0;           // this year's amount (0 none)
  std::int64_t charged_kr = 0;          // last year's charged amount (base resultat; else 0)
  std::optional<Rational> index;        // the supplier's index applied (3.1a), %
  const Key* key_before = nullptr;      // last year's key (in the previous register)
  const Key* key_now = nullptr;         // this year's key
  std::string catalogue_change;         // Swedish: what the catalogue changed for the line
                                        // ("kategori Bastjänst → Tilläggstjänst"; "" nothing)
  bool in_last_year = false;            // present last year
  bool in_this_year = false;            // present this year
  std::map<std::string, CustomerLineBridge> customers;  // Kund-id -> figures, every customer
                                                        // with a non-zero state
};

/// One customer's bridge over all lines.
struct CustomerBridge {
  std::int64_t last_year_kr = 0;
  std::int64_t this_year_kr = 0;
  BridgeParts parts;
};

/// An exact sum of decimals: units / 10^scale.
struct MeasureSum {
  Int128 units = 0;
  int scale = 0;
};

/// The round's bridge.
struct Bridge {
  int year = 0;
  BridgeBase base = BridgeBase::omrakning;
  std::vector<BridgeLine> lines;  // this year's lines in the round's order, then lines of last
                                  // year only
  std::map<std::string, CustomerBridge> customers;  // every customer of either register
  const Kunder* before = nullptr;                   // last year's register
  /// For the words (output/bridge_text.h), worked out once: each register's customers by
  /// Kund-id, and each measure's sum over its customers (by name_key()).
  std::map<std::string, const Customer*> before_by_id, now_by_id;
  std::map<std::string, MeasureSum> before_totals, now_totals;
};

/// What the bridge is computed from.
struct BridgeInput {
  const std::vector<analys::Submission>& submissions;  // this year's, as allocated
  const RoundAllocation& current;                      // this year's allocation (S5)
  const Kunder& now;                                   // this year's register
  const Kunder& before;                                // last year's register
  std::map<std::string, Rational> index;               // supplier -> index in force, %
  const std::vector<ChargedLine>* charged = nullptr;   // last year's charges; nullptr: recompute
};

/// Computes the bridge of every customer and line (see the top of this file).
///
///   Bridge b = compute_bridge({submissions, allocation, kunder, last_year, index, nullptr});
///   b.customers.at("GSF").parts.sum() == b.customers.at("GSF").this_year_kr - …last_year_kr
Bridge compute_bridge(const BridgeInput& in);

/// The customers the bridge has that this year's register lacks (they left it: charged last
/// year, nothing this year), but not one with nothing to account for (charged nothing last
/// year, every part 0), in Kund-id byte order: each as last year's register has it, or with
/// its Kund-id alone when only last year's charges name it. They get an entry in resultat.json
/// and a statement of their own, so every krona of last year is accounted for.
std::vector<Customer> departed_customers(const Bridge& bridge, const Kunder& now);

/// The key of a line across years: folded supplier, table, area_key(area), name_key(service).
std::string bridge_line_key(std::string_view supplier, std::string_view table,
                            std::string_view area, std::string_view service);

}  // namespace arsanalys::fordelning

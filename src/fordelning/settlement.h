#pragma once
// The year-end settlement (slutreglering; contract: "Year-end settlement"). Bastjänster are
// financed by cost distribution on forecast price and volume and settled against the actual
// cost at year end (seed 000): the round charged each customer its share of the suppliers'
// forecast for year Y; once Y's actual cost is known, each customer's final charge is the actual
// cost allocated by the same keys, and the difference is refunded or charged extra.
//
// What is settled: every *service* (supplier + Tjänst, names compared by name_key()) that the
// round charged to customers for year Y (its lines of RoundAllocation for the analysis year:
// Finansiering Kostnadsfördelning, charged by key or delivered to one customer). A service's
// lines (3.1a, 3.1b and a 3.1c line of the same name) are settled together against one actual
// figure:
// 1. charged: each customer's kronor of the service's lines as the round allocated them;
// 2. the actual cost is split among the service's lines, so each line keeps its own key: each
//    line's part is its amount plus its share of the difference (actual - charged), split by
//    the lines' absolute amounts (engine split(): largest remainder, ties to the earlier line
//    in the round's order; a negative difference on its absolute value, then negated). A
//    service has mostly one line, whose part is then the whole actual cost;
// 3. each line's part is allocated exactly as the round allocated the line: the same key and
//    steps, restricted to the same users (`Används av`), the same `Levereras till`, with the
//    customers' actual volumes where utfall.xlsx's `Kunder` sheet gives them (a measure or a
//    customer it does not give keeps the round's value);
// 4. final: each customer's kronor summed over the lines. Per service, final sums exactly to
//    actual and charged to charged; difference = final - charged (negative: a refund).
// When the actual cost equals the charged cost and no volume changed, every difference is 0.
//
// A service whose actual figure is missing or unreadable, or whose key cannot be used with the
// actual volumes, is not settled: final = charged, and a finding says why.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "fordelning/catalogue.h"
#include "fordelning/customers.h"
#include "fordelning/round_allocation.h"

namespace arsanalys::fordelning {

/// One row of the outcome (utfall.xlsx's `Utfall` sheet).
struct OutcomeRow {
  std::string supplier;                   // Leverantör as written
  std::string service;                    // Tjänst as written
  std::optional<std::int64_t> actual_kr;  // Utfall kr; none when it cannot be read
  Location where;                         // the Tjänst cell
  Location amount_at;                     // the Utfall kr cell
};

/// The outcome of year Y as read (inputs/utfall.h).
struct Outcome {
  std::string file;                      // file name, for findings
  std::string sheet = "Utfall";          // the outcome sheet's name as written
  std::vector<OutcomeRow> rows;          // in sheet order
  std::optional<int> year;               // the year a title above the header names, if any
  std::optional<Kunder> volumes;         // the `Kunder` sheet: customers and measures only
  std::vector<Location> volume_ids;      // per customer of `volumes`: its Kund-id cell
  std::vector<Location> measure_at;      // per measure of `volumes`: its header cell
  bool readable = false;                 // the `Utfall` sheet and its header were found
};

/// One customer's part of a settled service.
struct SettledKr {
  std::string id;           // Kund-id
  std::int64_t charged = 0; // what the round charged
  std::int64_t final = 0;   // the actual cost's share
  std::int64_t difference() const { return final - charged; }
};

/// One service settled.
struct ServiceSettlement {
  std::string supplier;              // as the round has it
  std::string service;               // the line's label
  std::vector<std::size_t> lines;    // indices into the charged RoundAllocation's lines
  std::vector<std::string> keys;     // the keys' names, each once ("Levereras till <id>" for a
                                     // line delivered to a customer)
  std::int64_t charged_kr = 0;       // sum of the lines' amounts
  std::int64_t actual_kr = 0;        // the outcome; = charged_kr when not settled
  bool settled = false;              // false: final = charged, `reason` says why
  std::string reason;                // Swedish ("" when settled)
  Location actual_at;                // the outcome's cell ({} when none)
  std::vector<SettledKr> customers;  // every customer charged or given a share, Kund-id order
  std::int64_t difference() const { return actual_kr - charged_kr; }
};

/// One customer's settlement over all services.
struct CustomerSettlement {
  const Customer* customer = nullptr;  // in the round's register
  std::int64_t charged = 0;
  std::int64_t final = 0;
  std::int64_t difference() const { return final - charged; }
};

/// The settlement of a round's year.
struct Settlement {
  int year = 0;                               // Y
  std::vector<ServiceSettlement> services;    // in the order of the round's lines
  std::vector<CustomerSettlement> customers;  // every customer of the register, its order
  std::int64_t charged_kr = 0;                // over the services
  std::int64_t actual_kr = 0;
  int volumes_used = 0;                       // actual measure values that replaced the round's
  bool complete = true;                       // every service settled
};

/// Settles `charged` (the round's allocation of its analysis year) against `outcome`. Findings:
/// VALUE_MISSING (fel) for a charged service without an outcome row; SERVICE_UNCATALOGUED (fel)
/// for a row naming a supplier or service the round does not have; NOT_SETTLED (info) for a row
/// of a service the round does not charge by key (invoiced, kommunbidrag, delivered to another
/// supplier, not allocated); REGISTER_INVALID (fel) for a row matching a service already given
/// and for a volume of a Kund-id the register lacks, (varning) for a measure it lacks;
/// NUMBER_UNPARSED (fel) for a volume that is no number; KEY_INVALID (fel) at the key when it
/// cannot be used with the actual volumes.
///
///   Settlement s = settle(allocation, kunder, catalogue, outcome, findings);
///   s.services[0].customers[0].difference()  // negative: a refund
Settlement settle(const RoundAllocation& charged, const Kunder& kunder,
                  const Catalogue& catalogue, const Outcome& outcome, Findings& findings);

/// The services settle() settles, as (supplier, service) in the round's order: what the
/// outcome template lists.
std::vector<std::pair<std::string, std::string>> settled_services(const RoundAllocation& charged);

}  // namespace arsanalys::fordelning

#pragma once
// The allocation engine (contract: "Allocation rules"): a key's Urval and Mått texts parsed,
// a key's steps weighed against the customers, and an amount split exactly in whole kronor.
//
// The split of an amount A by a key:
// 1. A is split among the steps by Andel (whole kronor, largest remainder, ties to the
//    earlier step);
// 2. each step's kronor are split among its selected customers in proportion to the step's
//    Mått (whole kronor, largest remainder, ties to the Kund-id first in byte order).
// Largest remainder: each part gets floor(A × w / W) of its exact share; the kronor left over
// go one each to the parts with the largest remainders A × w mod W. A negative amount is split
// on its absolute value, then negated. So every split adds up exactly.
//
// Arithmetic is exact: measures are decimals brought to one scale per step, reduced by their
// common divisor; a step whose weights then need more than 63 bits is refused (KEY_INVALID),
// so A × w fits 127 bits for every int64 amount.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/finding.h"
#include "fordelning/customers.h"
#include "fordelning/decimal.h"

namespace arsanalys::fordelning {

/// Parses an Urval: `alla`, `Typ=Bolag`, `Kund=INK`, `Kund=INK,DMS` (words folded, spaces
/// around '=' and ',' allowed, `Typ=` may list several words too). nullopt for other text.
std::optional<Urval> parse_urval(std::string_view text);

/// Parses a Mått: `lika`, a measure name, or a sum of terms `[weight *] measure` joined by
/// '+' (`Digitala fakturor + 3 * Pappersfakturor`, `0,5 * Ärendetid`; '×' and '·' work as
/// '*'). Measure names are not looked up here. nullopt when the text is no such expression
/// (empty, a bad weight, an empty term).
std::optional<Matt> parse_matt(std::string_view text);

/// A step weighed: its selected customers and their integer weights.
struct StepWeights {
  std::vector<const Customer*> customers;  // selected, in Kund-id byte order
  std::vector<std::int64_t> weights;       // per customer, reduced by their common divisor
  std::int64_t total = 0;                  // sum of weights, > 0
  int scale = 0;                           // the decimals the values were brought to, and
  Int128 divisor = 1;                      // their common divisor: weight = value × 10^scale
                                           // / divisor (a Mått `lika`: 1 each)
};

/// A key weighed: integer step shares (Andel on one scale) and each step's weights.
struct KeyWeights {
  std::vector<std::int64_t> andel;  // per step, Andel × 10^scale; they sum to 100 × 10^scale
  std::int64_t andel_total = 0;     // 100 × 10^scale
  std::vector<StepWeights> steps;   // per step
};

/// Weighs a key against the register. When the key cannot be used, returns nullopt and, when
/// `findings` is given, says why: KEY_INVALID (no step; Andel not summing to 100 or negative;
/// an unknown measure; an Urval naming an unknown Kund-id or selecting nobody; weights all
/// zero; numbers too large) at the key's cell, MEASURE_MISSING at the cell of each selected
/// customer lacking a value.
std::optional<KeyWeights> weigh(const Key& key, const Kunder& kunder, Findings* findings);

/// The key's weights restricted to the customers who use a service (its `Används av`): each
/// step keeps only those customers; a step left without weight drops out (Andel 0), and the
/// others share the amount in proportion to their Andel. nullopt when no step is left.
///
///   // 80 % Typ=Förvaltning, 20 % Typ=Bolag, used by Typ=Förvaltning: 100 % to the first step
///   restrict_to(*weigh(key, kunder, nullptr), used_by)->andel == {80, 0}
std::optional<KeyWeights> restrict_to(const KeyWeights& weights, const UsedBy& used_by);

/// True when an Urval selects the customer: `alla`; its Typ among the words; its Kund-id among
/// the ids (folded, as read_kunder() matches them).
bool selects(const Urval& urval, const Customer& customer);

/// A weight as an exact fraction num / den (den > 0).
struct ExactWeight {
  Int128 num = 0;
  Int128 den = 1;
};

/// The customer's weight in a step weighed on some register, in that step's units (those of
/// StepWeights::weights), worked out from the customer's own values: the weight weigh() gives
/// it when it is a customer of that register, and for a customer whose data differ from the
/// register's (another year's) the weight it would have with everyone else unchanged. nullopt
/// when it lacks a value of one of the step's measures (`kunder`, the register the customer
/// is of, names them) or a number overflows. Whether the step selects it is not asked
/// (selects(), uses()).
std::optional<ExactWeight> weight_in(const Step& step, const StepWeights& weighed,
                                     const Customer& customer, const Kunder& kunder);

/// Splits `amount_kr` into parts proportional to `weights` (>= 0, sum > 0 and <= INT64_MAX) by
/// the largest-remainder rule, ties to the lower index; negative amounts on the absolute value,
/// then negated. The parts sum exactly to `amount_kr`.
///
///   split(100, {1, 1, 1}) == {34, 33, 33};  split(-100, {1, 1, 1}) == {-34, -33, -33}
std::vector<std::int64_t> split(std::int64_t amount_kr, std::span<const std::int64_t> weights);

/// One customer's part of one step. 24 bytes: a city-scale round holds one per customer, step
/// and line, so what can be worked out again (the share, the measure values) is not stored.
struct CustomerShare {
  const Customer* customer = nullptr;  // in the register the key was weighed against
  std::int64_t weight = 0;             // integer weight in the step (StepWeights)
  std::int64_t kr = 0;                 // kronor from this step
  const std::string& kund_id() const { return customer->id; }
};

/// One step's part of an amount.
struct StepShare {
  std::size_t step = 0;                  // index into Key::steps
  Fraction andel;                        // the step's share of the amount: Andel / 100, reduced
  std::int64_t kr = 0;                   // kronor of the step
  std::int64_t total_weight = 0;         // the step's total weight
  std::vector<CustomerShare> customers;  // selected customers, in Kund-id byte order
};

/// A customer's share of its step: weight / the step's total weight, reduced.
Fraction share_of(const StepShare& step, const CustomerShare& c);

/// The values of a step's Mått terms for a customer, in term order (empty for `lika`).
std::vector<Decimal> measure_values(const Step& step, const Customer& customer,
                                    const Kunder& kunder);

/// One customer's kronor of an allocation.
struct CustomerKr {
  const Customer* customer = nullptr;
  std::int64_t kr = 0;
  const std::string& id() const { return customer->id; }
};

/// Kronor per customer of an allocation, in Kund-id byte order, every selected customer (0
/// too). A sorted array rather than a map: 16 bytes a customer.
class CustomerKronor {
 public:
  CustomerKronor() = default;
  /// From entries in Kund-id byte order, each customer once.
  explicit CustomerKronor(std::vector<CustomerKr> sorted) : entries_(std::move(sorted)) {}

  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  /// The customer's entry, nullptr when the allocation does not select it.
  const CustomerKr* find(std::string_view kund_id) const;
  /// The customer's kronor; std::out_of_range when it is not selected.
  std::int64_t at(std::string_view kund_id) const;
  std::size_t count(std::string_view kund_id) const { return find(kund_id) != nullptr; }
  /// Kund-id -> kronor.
  std::map<std::string, std::int64_t> to_map() const;

  friend bool operator==(const CustomerKronor& a, const CustomerKronor& b);
  friend bool operator==(const CustomerKronor& a, const std::map<std::string, std::int64_t>& b) {
    return a.to_map() == b;
  }

 private:
  std::vector<CustomerKr> entries_;
};

/// An amount allocated by a key.
struct Allocation {
  std::int64_t amount_kr = 0;     // the amount allocated
  std::vector<StepShare> steps;   // in Key::steps order
  CustomerKronor customers_kr;    // kronor over all steps, every selected customer (0 too);
                                  // sums exactly to amount_kr
};

/// Allocates `amount_kr` (whole kronor, any sign) by `key`. nullopt when the key cannot be used
/// (weigh() says why; read_kunder() has already reported it for the register's keys).
///
///   auto a = allocate(1'000'000, *kunder.key("Antal beställare"), kunder);
///   a->customers_kr.at("INK")  // INK's kronor
std::optional<Allocation> allocate(std::int64_t amount_kr, const Key& key, const Kunder& kunder);

/// The same with the key already weighed (`weights` == *weigh(key, kunder, …)), so a round
/// with many lines on one key weighs it once.
Allocation allocate(std::int64_t amount_kr, const Key& key, const KeyWeights& weights,
                    const Kunder& kunder);

/// The customer's part of a step, nullptr when the step does not select it. A binary search:
/// a step's customers are in Kund-id byte order.
const CustomerShare* find_customer(const StepShare& step, std::string_view kund_id);

/// Kronor per customer summed over many allocations (a supplier's lines, a key's lines, a
/// round), keyed by the customer object while summing and by Kund-id in the end: a std::map
/// insert by Kund-id per customer and line made a city-scale run spend seconds comparing
/// Kund-ids. The result is the same as `map[e.id()] += e.kr` for every entry added.
///
///   KronorSum sum;
///   for (const LineAllocation& l : lines) sum.add(l.allocation->customers_kr);
///   std::map<std::string, std::int64_t> by_id = sum.to_map();
class KronorSum {
 public:
  void add(const CustomerKronor& kronor);
  /// Every customer added (0 kr too), by Kund-id.
  std::map<std::string, std::int64_t> to_map() const;
  /// Adds the sums into `out` (`out[id] += kr`).
  void add_to(std::map<std::string, std::int64_t>& out) const;

 private:
  std::unordered_map<const Customer*, std::int64_t> kr_;
};

/// One customer looked up in the per-customer lists (a step's customers, an allocation's
/// kronor) of many allocations, as a statement does for every line. Lists of the same
/// selection hold the customer at the same place, so the place found last in a list of that
/// length is tried first, by comparing the entry's customer with this one (the same object of
/// the same register); otherwise a binary search by Kund-id. The answers are the same as
/// find_customer() and CustomerKronor::find().
///
///   CustomerFinder finder(kunder.customers[3]);
///   const CustomerKr* e = finder.in(allocation.customers_kr);
class CustomerFinder {
 public:
  explicit CustomerFinder(const Customer& customer) : customer_(customer) {}
  const CustomerShare* in(const StepShare& step);
  const CustomerKr* in(const CustomerKronor& kronor);
  const Customer& customer() const { return customer_; }

 private:
  template <class Entry>
  const Entry* find(std::span<const Entry> entries);

  const Customer& customer_;
  std::uint32_t guess_[64] = {};  // by list length mod 64: the place found last
};

/// Every customer's place in many per-customer lists (the customers_kr of a round's lines), for
/// statements that look up one customer in every list. Lists of the same customers in the same
/// order (the lines of one key and selection) share one table of places, worked out once in a
/// pass over each list; a lookup is then one read instead of a binary search, whose cache
/// misses grew with the register (issue 16: at 100 000 customers a statement cost three times
/// what it cost at 5 000). Short lists, and lists beyond a memory budget, are searched.
///
///   CustomerPlaces places({&line.allocation->customers_kr, ...}, kunder);
///   const CustomerKr* e = places.find(0, customer);
class CustomerPlaces {
 public:
  /// `lists`: nullptr where there is none; their customers are of `kunder`'s register.
  CustomerPlaces(std::vector<const CustomerKronor*> lists, const Kunder& kunder);
  /// The entry of `customer` in list `list`, nullptr when the list does not hold it.
  const CustomerKr* find(std::size_t list, const Customer& customer) const;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  static constexpr std::size_t kNoCustomer = static_cast<std::size_t>(-1);
  /// The index of `customer` in the register, or kNoCustomer when it is not one of it.
  std::size_t index_of(const Customer* customer) const;

  std::vector<const CustomerKronor*> lists_;
  const Customer* first_ = nullptr;  // the register's customers, for their indexes
  std::size_t count_ = 0;
  std::vector<std::uint32_t> roster_;               // per list: its table of places, or kNone
  std::vector<std::vector<std::uint32_t>> places_;  // per table: per customer, place or kNone
};

/// How a service's key was found.
enum class KeySource {
  none,     // no key: KEY_MISSING for the caller
  tjanst,   // a `Tjänster` row naming the service (or an alias of it)
  omrade,   // the `Tjänster` row of the service's area (`Område: <area>`)
  stjarna,  // the supplier's `*` row in `Tjänster`
  text,     // the supplier's 3.2 key text matched a key's name or alias
};

/// The key of a service and where it came from.
struct KeyMatch {
  const Key* key = nullptr;            // the key to allocate by, nullptr when none
  const Key* proposed = nullptr;       // `Förslag nyckel` of the matching Tjänster row, if any
  KeySource source = KeySource::none;  // which rule found `key`
  const ServiceRow* row = nullptr;     // the `Tjänster` row used (tjanst, omrade, stjarna)
};

/// Finds the key of `service` (in `area`) of `supplier`: the most specific `Tjänster` row that
/// names a key, the service's own row (by name or alias, name_key()), then its area's row
/// (`Område: <area>`, area_key()), then the supplier's `*` row; else `key_text` (the service's
/// current key in the supplier's 3.2 table) against the keys' names and aliases. A row naming an
/// unknown key gives none (KEY_MISSING for the caller). `proposed` is the `Förslag nyckel` of the
/// service's own or area row.
///
///   match_key("Nämnden för inköp och upphandling", "", "Stöd vid inköp och beställning",
///             "Fördelas på antal beställare.", kunder).key->name == "Antal beställare"
KeyMatch match_key(std::string_view supplier, std::string_view area, std::string_view service,
                   std::string_view key_text, const Kunder& kunder);

/// The same for a line without an area.
KeyMatch match_key(std::string_view supplier, std::string_view service, std::string_view key_text,
                   const Kunder& kunder);

/// match_key(...).key.
const Key* key_for(std::string_view supplier, std::string_view service, std::string_view key_text,
                   const Kunder& kunder);

}  // namespace arsanalys::fordelning

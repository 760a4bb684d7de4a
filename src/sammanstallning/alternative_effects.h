#pragma once
// What each alternative of the decision annex means per customer: alternative A's frames and
// the alternative's reduction against them passed through the allocation keys. A supplier's
// förvaltning frame (and its reduction) is split among the customers in proportion to what each
// is charged for that supplier's 3.1a lines inside the frames (largest remainder,
// fordelning::split), the utveckling frame in proportion to its 3.1b and 3.1c charges. So the
// customers' parts add up exactly to the frames (without index) and to the reduction.
//
// This is the one place where sammanstallning/ reads fordelning/: both stand on analys/, and
// the annex needs the allocation to say what an alternative costs each customer.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fordelning/round_allocation.h"
#include "sammanstallning/round.h"

namespace arsanalys::sammanstallning {

/// One alternative (or one variant of D) of one supplier, per customer.
struct AlternativeEffect {
  std::string supplier;                    // SupplierRound::name
  char name = 'A';                         // B, C or D (A changes nothing and is left out)
  int variant = 0;                         // D: Alternative::variant
  std::optional<Rational> minskning;       // D: the example's X in %
  std::string title;                       // Alternative::title
  std::int64_t forvaltning_a_kr = 0;       // A's förvaltning frame, without index
  std::int64_t utveckling_a_kr = 0;        // A's utveckling frame, without index
  std::int64_t forvaltning_minus_kr = 0;   // frame reduction against A (>= 0 is a cut)
  std::int64_t utveckling_minus_kr = 0;
  std::map<std::string, std::int64_t> customers_a_kr;      // Kund-id -> its part of A's frames
  std::map<std::string, std::int64_t> customers_minus_kr;  // Kund-id -> its part of the cut
  std::string note;  // Swedish: why a cut could not be passed on ("" when it was)
};

/// The effects of every alternative but A of every supplier.
std::vector<AlternativeEffect> alternative_effects(const Round& round,
                                                   const fordelning::RoundAllocation& allocation);

}  // namespace arsanalys::sammanstallning

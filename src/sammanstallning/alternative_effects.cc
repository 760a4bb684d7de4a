#include "sammanstallning/alternative_effects.h"
#include "sammanstallning/printed.h"
#include "core/text.h"

#include "analys/recognise.h"

namespace arsanalys::sammanstallning {
namespace {

/// Kund-id -> kronor the supplier's lines inside the frames of some tables are charged by their
/// keys: each customer's weight in the supplier's frames.
std::map<std::string, std::int64_t> charged(const fordelning::RoundAllocation& allocation,
                                            const std::string& supplier, bool forvaltning) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [id, kr] : allocation.customer_totals) out[id] = 0;
  fordelning::KronorSum sum;
  const std::string folded = fold(supplier);
  for (const fordelning::LineAllocation& line : allocation.lines) {
    if (!line.allocation || !line.in_frames || fold(line.supplier) != folded) continue;
    if ((line.table == "forvaltning") != forvaltning) continue;
    sum.add(line.allocation->customers_kr);
  }
  sum.add_to(out);
  return out;
}

/// Splits `cut` among the customers in proportion to `base` (their charges). False when the
/// charges cannot carry it (none, or a negative one).
bool pass_on(std::int64_t cut, const std::map<std::string, std::int64_t>& base,
             std::map<std::string, std::int64_t>& out) {
  if (cut == 0) return true;
  std::vector<std::string> ids;
  std::vector<std::int64_t> weights;
  std::int64_t total = 0;
  for (const auto& [id, kr] : base) {
    if (kr < 0) return false;
    ids.push_back(id);
    weights.push_back(kr);
    total += kr;
  }
  if (total <= 0) return false;
  std::vector<std::int64_t> parts = fordelning::split(cut, weights);
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] += parts[i];
  return true;
}

}  // namespace

std::vector<AlternativeEffect> alternative_effects(const Round& round,
                                                   const fordelning::RoundAllocation& allocation) {
  std::vector<AlternativeEffect> out;
  const PrintedTables printed = printed_tables(round);
  for (std::size_t si = 0; si < round.suppliers.size(); ++si) {
    const SupplierRound& s = round.suppliers[si];
    if (s.alternatives.empty()) continue;
    const Alternative& a = s.alternatives.front();
    // A's frames as the annex prints them, so the table's total is the printed frame; a cut
    // of B or C comes off them, D's stated frames stand as they are.
    const std::int64_t a_forv = printed.forvaltning.totals[si].foreslagen.value_or(0);
    const std::int64_t a_utv = printed.utveckling.totals[si].foreslagen.value_or(0);
    auto forvaltning = charged(allocation, s.name, true);
    auto utveckling = charged(allocation, s.name, false);
    for (std::size_t i = 1; i < s.alternatives.size(); ++i) {
      const Alternative& alt = s.alternatives[i];
      if (alt.variant == 2 && !alt.example) continue;  // X is for the group to choose
      AlternativeEffect e;
      e.supplier = s.name;
      e.name = alt.name;
      e.variant = alt.variant;
      e.minskning = alt.minskning;
      e.title = alt.title;
      e.forvaltning_a_kr = a_forv;
      e.utveckling_a_kr = a_utv;
      if (alt.name == 'D') {
        e.forvaltning_minus_kr = a_forv - alt.forvaltning_kr;
        e.utveckling_minus_kr = a_utv - alt.utveckling_kr;
      } else {
        e.forvaltning_minus_kr = a.forvaltning_kr - alt.forvaltning_kr;
        e.utveckling_minus_kr = a.utveckling_kr - alt.utveckling_kr;
      }
      for (const auto& [id, kr] : forvaltning) {
        e.customers_a_kr[id] = 0;
        e.customers_minus_kr[id] = 0;
      }
      // A's frames (without index) and the cut, both shared by the same weights, so the table
      // adds up to the frames printed above it.
      bool ok = pass_on(a_forv, forvaltning, e.customers_a_kr);
      ok = pass_on(a_utv, utveckling, e.customers_a_kr) && ok;
      ok = pass_on(e.forvaltning_minus_kr, forvaltning, e.customers_minus_kr) && ok;
      ok = pass_on(e.utveckling_minus_kr, utveckling, e.customers_minus_kr) && ok;
      if (!ok) {
        e.note = "Minskningen kunde inte föras vidare till kunderna: leverantörens kostnader "
                 "är inte fördelade (eller har negativa belopp) i den delen.";
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace arsanalys::sammanstallning

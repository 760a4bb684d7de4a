#pragma once
// The change from last year (fordelning/bridge.h) in words, as a controller says it: the
// parts' names, one sentence per part of a line for a customer, and shares as a person reads
// them ("1 350 av 5 584 anställda (24,18 %)"). Shared by the statements, fordelning.xlsx and
// the annex.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fordelning/bridge.h"
#include "fordelning/customers.h"
#include "fordelning/engine.h"

namespace arsanalys::output {

/// The Swedish name of part `i` (kBridgePartNames order): "Index", "Kostnad utöver index", …
std::string bridge_part_label(int i);

/// What the base of last year's figures means, for a heading: "debiterat 2023 enligt förra
/// årets resultat.json" or "förra årets budget fördelad med förra årets nycklar och mått".
std::string bridge_base_text(const fordelning::Bridge& bridge);

/// One sentence per non-zero part of `line` for customer `id`, in the parts' order.
///
///   "Ert antal anställda ökade från 4 800 till 4 900 (+2,1 %); det ökar er del av Stöd i
///    arbetet med löneadministration med 61 234 kr."
std::vector<std::string> bridge_sentences(const fordelning::Bridge& bridge,
                                          const fordelning::BridgeLine& line,
                                          const std::string& id);

/// The largest part of a customer's bridge that moves the charge the way it moved (the largest
/// of all when none does), in words, for the annex (said of the customer: "Kundens egen volym"),
/// the amount with no-break spaces: "Andra kunders volym (+1 234 567 kr)"; "" when every part
/// is 0.
std::string largest_part_text(const fordelning::BridgeParts& parts);

/// A signed whole-krona amount: "+61 234 kr", "−1 200 kr", "0 kr".
std::string signed_kr(std::int64_t kr);

/// A customer's share of a key as a person reads it, step by step: "1 350 av 5 584 anställda
/// (24,18 %)"; a key of several steps "steg 1 (75 %): …; steg 2 (25 %): …". nullopt when the
/// allocation does not select the customer.
/// `totals`, when given, is step_total_texts() of the same allocation: the sums over the step's
/// customers are then not worked out again (a statement per customer would make that quadratic
/// in the customers).
std::optional<std::string> readable_share(const fordelning::Key& key,
                                          const fordelning::Allocation& a,
                                          const fordelning::Kunder& kunder,
                                          const std::string& id,
                                          const std::vector<std::string>* totals = nullptr);

/// Per step of the allocation, the sum of its customers' measure as readable_share() writes it
/// ("5 584"; "" for a step of `lika`).
std::vector<std::string> step_total_texts(const fordelning::Key& key,
                                          const fordelning::Allocation& a,
                                          const fordelning::Kunder& kunder);

}  // namespace arsanalys::output

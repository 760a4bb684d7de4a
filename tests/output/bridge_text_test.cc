// The bridge in words: the annex's "Största orsak".

#include "output/bridge_text.h"

#include <catch2/catch.hpp>

using arsanalys::fordelning::BridgeParts;
using arsanalys::output::largest_part_text;

TEST_CASE("largest_part_text: the largest part that moved the charge the way it moved",
          "[bridge_text]") {
  // A charge that fell by 1 425 tkr although the index raised it by 3 026 345 kr: the cause is
  // the largest part that lowered it.
  BridgeParts fell{.index = 3'026'345, .kostnad = -400'000, .nyckel = -2'500'000,
                   .egen_volym = -1'551'345};
  CHECK(fell.sum() == -1'425'000);
  CHECK(largest_part_text(fell) == "Ändrad fördelningsnyckel (−2\u00A0500\u00A0000\u00A0kr)");

  BridgeParts rose{.index = 100, .egen_volym = 10'945'812, .andras_volym = -3'000'000};
  CHECK(largest_part_text(rose) == "Kundens egen volym (+10\u00A0945\u00A0812\u00A0kr)");

  // No change: the largest part whichever way it goes.
  BridgeParts even{.index = 500, .nyckel = -500};
  CHECK(largest_part_text(even) == "Index (pris) (+500\u00A0kr)");
  CHECK(largest_part_text(BridgeParts{}).empty());
}

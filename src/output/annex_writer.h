#pragma once
// The decision annex (beslutsbilaga) for the strategic group, in Swedish, as an xlsx workbook
// and as one self-contained HTML file (inline CSS and SVG, no scripts) that prints on A4:
// recommendation tables, cost development, per-supplier summaries, the preparers' flags, the
// alternatives with their frames and what each means per customer.

#include <string>
#include <vector>

#include "core/finding.h"
#include "fordelning/bridge.h"
#include "fordelning/customers.h"
#include "sammanstallning/alternative_effects.h"
#include "sammanstallning/round.h"

namespace arsanalys::output {

/// What the annex writers are given.
struct AnnexInput {
  const sammanstallning::Round& round;
  const std::vector<sammanstallning::AlternativeEffect>& effects;
  const fordelning::Kunder* kunder = nullptr;  // for customer names; nullptr: ids only
  const Findings& findings;
  bool draft = false;  // findings of level fel: the annex is marked "Utkast"
  const fordelning::Bridge* bridge = nullptr;  // the change from last year (nullptr: none)
};

/// beslutsbilaga.xlsx's bytes.
std::string beslutsbilaga_xlsx(const AnnexInput& input);

/// beslutsbilaga.html: one UTF-8 file, A4 print styles, inline SVG charts.
std::string beslutsbilaga_html(const AnnexInput& input);

}  // namespace arsanalys::output

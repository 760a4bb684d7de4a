#pragma once
// Recognising a supplier's *Årlig analys* in a workbook: the tables of the template found by
// their words anywhere in any sheet (contract: "How a submission's tables are recognised"),
// every amount read into exact kronor with its cell, the supplier named.

#include <string>
#include <string_view>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/finding.h"
#include "xlsx/workbook.h"

namespace arsanalys::analys {

/// Finds the template's tables and proposals in `wb`. Recognition itself reports nothing yet:
/// what it finds wrong (unparsed amounts, missing tables) is judged by src/checks/ from the
/// Submission. `findings` is kept for problems only recognition can see.
///
///   Findings findings;
///   Submission s = recognise(wb, builtin_template(), findings);
Submission recognise(const xlsx::Workbook& wb, const TemplateDef& def, Findings& findings);

/// The ids of the required fields (TemplateDef::form_fields) a 2.2 proposal lacks: empty, "-",
/// or answered "Nej"/"ej" (the annex's preparers count a "no" as lacking). None for a form
/// left wholly empty from the template.
std::vector<std::string> lacking_fields(const Proposal& proposal, const TemplateDef& def);

}  // namespace arsanalys::analys

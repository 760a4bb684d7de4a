#pragma once
// Writes the blank *Årlig analys* template that suppliers fill in, from the template's
// definition (analys/template_def.h): an instruction sheet, the 2.2 proposal forms, the 3.1
// cost tables stacked on one sheet and the 3.2 key table, with the years of the analysis year
// in the headings, Totalkostnad rows as SUM formulas and data validation on the input cells.
// The same definition and year always give the same bytes.

#include <filesystem>
#include <string>

#include "analys/template_def.h"

namespace arsanalys::output {

/// What varies between two templates of one definition.
struct TemplateLayout {
  int year = 0;   // analysis year Y; headings read Utfall Y-2, Budget Y-1, Prognos budget Y
  int forms = 5;  // blank 2.2 forms (Föreslagen förändringsinsats 1..forms)
};

/// The template workbook (.xlsx) as bytes. Throws RunError when it cannot be made.
///
///   std::string xlsx = template_workbook(analys::builtin_template(), {.year = 2025});
std::string template_workbook(const analys::TemplateDef& def, const TemplateLayout& layout);

/// template_workbook() written atomically to `path` (no half-written file on failure).
/// Throws RunError with a Swedish message.
void write_template(const analys::TemplateDef& def, const TemplateLayout& layout,
                    const std::filesystem::path& path);

}  // namespace arsanalys::output

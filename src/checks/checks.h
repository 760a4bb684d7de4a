#pragma once
// The checks of a recognised submission: each problem a Finding with code, level, cell, Swedish
// message and values. Rounding is told from real differences by the granularity of the figures
// (whole tkr, or hundreds of tkr as in area-level tables).

#include <optional>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/finding.h"

namespace arsanalys::checks {

/// What the round (omgang.toml) says about a supplier; all optional.
struct SupplierSettings {
  int year = 0;                             // analysis year Y (0: as read)
  std::optional<Rational> index_percent;    // index uplift Y-1 -> Y, percent, exact
  analys::Impact impact = analys::Impact::unknown;  // how effects are meant, if configured
};

/// Runs every check on one submission, appending findings.
void check_submission(const analys::Submission& s, const analys::TemplateDef& def,
                      const SupplierSettings& settings, Findings& findings);

// The single checks, for tests.
void check_tables_present(const analys::Submission& s, Findings& findings);
void check_figures(const analys::Submission& s, Findings& findings);
void check_years(const analys::Submission& s, int year, Findings& findings);
/// A service with a budget for Y-1 but no forecast for Y (3.1a: an empty cell fel, a dash, read
/// as 0, varning; 3.1b: info, a project that ended), so that every line either carries an
/// amount or has a finding.
void check_forecasts(const analys::Submission& s, int year, Findings& findings);
/// SUM_MISMATCH / SUM_ROUNDING for every total and subtotal. A difference is rounding only when
/// the rows carry more precision than the total's own rounding (whole tkr against hundreds,
/// hundreds against whole mnkr), or were rounded from a computation: forecasts that are not
/// exactly budget × (1 + index) when the header or `index_percent` states the index.
void check_sums(const analys::Table& table, const std::string& file, Findings& findings,
                std::optional<Rational> index_percent = std::nullopt);
/// COLUMN_MISSING: a year column of the template missing from a table (a deleted Utfall Y-2).
void check_columns(const analys::Submission& s, const analys::TemplateDef& def, int year,
                   Findings& findings);
/// FORMULA_REPLACED: a total of a table of the template that holds a typed value, not its
/// SUM formula.
void check_formulas(const analys::Submission& s, Findings& findings);
/// NUMBER_AS_TEXT: an amount written as text where the template asks for a number, or where a
/// SUM formula of the table leaves it out (fel then: the total in Excel is wrong).
void check_text_amounts(const analys::Submission& s, Findings& findings);
void check_cross(const analys::Table& detail, const analys::Table& summary,
                 const std::string& file, Findings& findings);
void check_index(const analys::Table& table, const std::string& file,
                 std::optional<Rational> index_percent, Findings& findings);
void check_impact(const analys::Submission& s, analys::Impact configured, Findings& findings);
void check_proposals(const analys::Submission& s, const analys::TemplateDef& def,
                     Findings& findings);

}  // namespace arsanalys::checks

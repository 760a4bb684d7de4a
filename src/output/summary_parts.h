#pragma once
// The sheets of sammanstallning.xlsx, one function each, and what they share. Internal to the
// summary writer: summary_writer.cc makes the workbook and calls these in sheet order.

#include <string>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "core/number_text.h"
#include "output/summary_sheet.h"
#include "sammanstallning/round.h"

namespace arsanalys::output::summary {

/// Everything the sheets are written from.
struct Context {
  const sammanstallning::Round& round;
  const std::vector<analys::Submission>& submissions;
  const Findings& findings;
  bool draft = false;
  std::vector<std::string> supplier_sheets;  // per round.suppliers entry: its sheet's name
};

// Fixed sheet names.
inline constexpr std::string_view kOverviewSheet = "Översikt";
inline constexpr std::string_view kProposalsSheet = "Förslag";
inline constexpr std::string_view kIndexSheet = "Indexkontroll";
inline constexpr std::string_view kFindingsSheet = "Fynd";
inline constexpr std::string_view kChartsSheet = "Diagram";
inline constexpr std::string_view kOutsideSheet = "Utanför ramarna";
inline constexpr std::string_view kAdjustmentsSheet = "Justeringar";

/// The note every sheet with amounts carries.
inline constexpr std::string_view kAmountNote =
    "Belopp i tkr (tusental kronor), exakta till kronan: ett belopp som inte är hela tkr har "
    "decimaler, och cellen innehåller det tal som visas. Summor och förändringar är formler.";

/// "2022" for offset -2 of 2024; "Y-2" when the year is unknown (0).
std::string year_label(int year, int offset);

/// `demokrati.xlsx '3.1 Förvaltning'!C7`: the file (`fallback_file` when the location has none)
/// and the cell; "" when the location names no sheet.
std::string source_text(const Location& at, const std::string& fallback_file);

/// An index as percent_text() writes it ("3,3 %", core/number_text.h); "okänt" for none.
std::string index_text(const std::optional<sammanstallning::Rational>& percent);

/// How running-cost effects are read, in Swedish.
std::string impact_text(analys::Impact impact);

/// The sheet name of a supplier: its name without "Nämnden för ", capitalised, made valid.
std::string supplier_sheet_wanted(const std::string& supplier);

/// A supplier's 2.2 proposals as the Förslag sheet counts them: blank template forms left out,
/// incomplete when a required field lacks or the checks reported PROPOSAL_INCOMPLETE for it.
struct ProposalCount {
  int proposals = 0;
  int incomplete = 0;
};
ProposalCount count_proposals(const Context& c, const std::string& file);

/// How many columns a supplier sheet has (the same for every supplier).
lxw_col_t supplier_cols(const sammanstallning::Round& r);

void write_overview(Sheet& ws, const Context& c);
void write_supplier(Sheet& ws, const Context& c, const sammanstallning::SupplierRound& s);
void write_proposals(Sheet& ws, const Context& c);
void write_index_check(Sheet& ws, const Context& c);
void write_findings(Sheet& ws, const Context& c);
void write_charts(XlsxBook& book, Sheet& ws, const Context& c);
/// "Utanför ramarna": in + outside = every line, per supplier, table and year; the lines outside.
void write_outside(Sheet& ws, const Context& c);
/// "Justeringar": the preparers' figures beside the submissions' own.
void write_adjustments(Sheet& ws, const Context& c);

// Columns per sheet, for the draft banner across them.
inline constexpr lxw_col_t kOverviewCols = 10;
inline constexpr lxw_col_t kProposalsCols = 9;
inline constexpr lxw_col_t kIndexCols = 12;
inline constexpr lxw_col_t kFindingsCols = 8;
inline constexpr lxw_col_t kChartsCols = 10;
inline constexpr lxw_col_t kOutsideCols = 10;
inline constexpr lxw_col_t kAdjustmentsCols = 9;

}  // namespace arsanalys::output::summary

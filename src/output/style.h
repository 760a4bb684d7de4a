#pragma once
// The one look of every workbook the program writes: palette, number formats and the draft
// mark. Each writer keeps its own small Look struct for how a cell is built, but takes every
// colour, format and draft text from here, so the workbooks agree (the same heading grey, the
// same kronor format, the same "UTKAST").

#include <xlsxwriter.h>

#include <string_view>

namespace arsanalys::output::style {

// --- Palette (RGB) ----------------------------------------------------------------------------
inline constexpr lxw_color_t kNoFill = 0;              // black is never used as a fill
inline constexpr lxw_color_t kHeadingFill = 0xD9D9D9;  // table headings
inline constexpr lxw_color_t kSubtleFill = 0xF2F2F2;   // group rows and totals
inline constexpr lxw_color_t kFelFill = 0xFFC7CE;      // a finding of level fel; the draft banner
inline constexpr lxw_color_t kVarningFill = 0xFFEB9C;  // a varning
inline constexpr lxw_color_t kInfoFill = 0xDDEBF7;     // an info; a preparer's adjusted figure
inline constexpr lxw_color_t kInputFill = 0xFFF2CC;    // a cell the supplier fills in
inline constexpr lxw_color_t kDraftFill = kFelFill;
inline constexpr lxw_color_t kDraftText = 0x9C0006;    // the banner's dark red
inline constexpr lxw_color_t kLinkColor = 0x0563C1;    // Excel's hyperlink blue

// --- Number formats ---------------------------------------------------------------------------
/// Kronor: whole, thousands grouped (Excel shows the locale's separator), negative red with a
/// minus sign.
inline constexpr std::string_view kKronor = "#,##0;[Red]-#,##0";
/// Tkr, whole; and with up to three decimals (exact to the krona).
inline constexpr std::string_view kTkrWhole = "#,##0";
inline constexpr std::string_view kTkrExact = "#,##0.0##";
/// Shares: a key's share with four decimals (1/22 shows as 4,5455 %); a change with one.
inline constexpr std::string_view kShare = "0.0000%";
inline constexpr std::string_view kPercent = "0.0%";
inline constexpr std::string_view kPercentFine = "0.0##%";
inline constexpr std::string_view kCount = "0";

// --- The draft mark (the run has findings of level fel) ---------------------------------------
/// The printed page header of a draft, in Excel's header codes.
inline constexpr const char* kDraftHeader = "&C&\"-,Bold\"UTKAST";
/// Before a draft's document title (file properties, the HTML title).
inline constexpr std::string_view kDraftTitlePrefix = "UTKAST – ";

}  // namespace arsanalys::output::style

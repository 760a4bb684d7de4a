#pragma once
// The one look of every workbook the program writes: palette, number formats, how a cell looks
// (Look) and the draft mark. The libxlsxwriter writers make their formats from a Look
// (output::Formats in xlsx_writer.h) and the lean writer its styles.xml (xlsx_styles.h), so the
// workbooks agree (the same heading grey, the same kronor format, the same "UTKAST").
//
// Free of libxlsxwriter and of the domain.

#include <cstdint>
#include <string>
#include <string_view>

namespace arsanalys::output::style {

/// An RGB colour, as libxlsxwriter's lxw_color_t.
using Color = std::uint32_t;

// --- Palette (RGB) ----------------------------------------------------------------------------
inline constexpr Color kNoFill = 0;              // black is never used as a fill
inline constexpr Color kHeadingFill = 0xD9D9D9;  // table headings
inline constexpr Color kSubtleFill = 0xF2F2F2;   // group rows and totals
inline constexpr Color kFelFill = 0xFFC7CE;      // a finding of level fel; the draft banner
inline constexpr Color kVarningFill = 0xFFEB9C;  // a varning
inline constexpr Color kInfoFill = 0xDDEBF7;     // an info; a preparer's adjusted figure
inline constexpr Color kInputFill = 0xFFF2CC;    // a cell the supplier fills in
inline constexpr Color kDraftFill = kFelFill;
inline constexpr Color kDraftText = 0x9C0006;    // the banner's dark red
inline constexpr Color kLinkColor = 0x0563C1;    // Excel's hyperlink blue

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
/// The banner of fordelning.xlsx and the statements.
inline constexpr std::string_view kAllocationDraftText =
    "UTKAST: körningen har fynd av nivån fel. Beloppen kan ändras när underlagen rättas.";

// --- How a cell looks -------------------------------------------------------------------------

/// How a cell looks; a writer makes one format per distinct look. Every cell is aligned to the
/// top.
struct Look {
  bool bold = false;
  bool italic = false;
  std::string number{};  // number format code, "" General
  Color fill = kNoFill;
  bool wrap = false;    // wrap text
  bool rule = false;    // a thin line above (totals)
  bool boxed = false;   // thin border all round (headings)
  bool center = false;  // centred across the cell (group headings)
  double size = 0;      // font size, 0 default
  bool link = false;    // a hyperlink: blue and underlined
  auto operator<=>(const Look&) const = default;
};

/// Common looks.
Look title_look();
Look heading_look();
Look bold_look();
Look kronor_look(bool total = false);
/// A share (kShare), as a key's share of an amount.
Look percent_look(bool total = false);
Look total_text_look();

}  // namespace arsanalys::output::style

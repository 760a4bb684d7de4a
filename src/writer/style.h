#pragma once
// The one look of every workbook the program writes: palette, number formats, how a cell looks
// (Look) and the draft mark. The libxlsxwriter writers make their formats from a Look
// (writer::Formats in xlsx_writer.h) and the lean writer its styles.xml (xlsx_styles.h), so the
// workbooks agree (the same heading grey, the same kronor format, the same "UTKAST").
//
// Free of libxlsxwriter and of the domain.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace arsanalys::writer::style {

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
/// A chart's series in order: fills that print apart in grey scale too (a dark and a light
/// blue, then greys), in the annex's HTML and xlsx charts alike.
inline constexpr std::array<Color, 4> kChartFills{0x1F4E79, 0x9DC3E6, 0x595959, 0xD9D9D9};

// --- Number formats ---------------------------------------------------------------------------
/// Kronor: whole, thousands grouped (Excel shows the locale's separator), negative red with a
/// minus sign.
inline constexpr std::string_view kKronor = "#,##0;[Red]-#,##0";
/// A whole number, thousands grouped (weights, measures, tkr).
inline constexpr std::string_view kWhole = "#,##0";
/// Tkr, whole; and with up to three decimals (exact to the krona).
inline constexpr std::string_view kTkrWhole = kWhole;
inline constexpr std::string_view kTkrExact = "#,##0.0##";
/// Tkr with its unit ("1 234 tkr"), and marked by a footnote ("1 234¹").
inline constexpr std::string_view kTkrSuffix = "#,##0 \"tkr\"";
inline constexpr std::string_view kTkrMarked = "#,##0\"¹\"";
/// Shares: a key's share with four decimals (1/22 shows as 4,5455 %); a change with one.
inline constexpr std::string_view kShare = "0.0000%";
inline constexpr std::string_view kPercent = "0.0%";
inline constexpr std::string_view kPercentFine = "0.0##%";
inline constexpr std::string_view kCount = "0";
/// "#,##0" with `decimals` decimals ("#,##0.00"), for a measure shown exactly; 0..15.
std::string_view decimals_format(int decimals);

// --- The draft mark (the run has findings of level fel) ---------------------------------------
/// The printed page header of a draft, in Excel's header codes.
inline constexpr const char* kDraftHeader = "&C&\"-,Bold\"UTKAST";
/// Before a draft's document title (file properties, the HTML title).
inline constexpr std::string_view kDraftTitlePrefix = "UTKAST – ";
/// What a draft's figures mean for the reader of each kind of output, the banner's second
/// sentence.
inline constexpr std::string_view kDraftAmounts = "Beloppen kan ändras när underlagen rättas.";
inline constexpr std::string_view kDraftSummary =
    "Siffrorna är inte slutliga (se bladet Fynd).";
/// The draft banner's text, the same opening in every output: "UTKAST: körningen har fynd av
/// nivån fel." and `then`, what it means for this document (kDraftAmounts, kDraftSummary, the
/// annex's own).
std::string draft_banner(std::string_view then);

// --- How a cell looks -------------------------------------------------------------------------

/// How a cell looks; a writer makes one format per distinct look (writer::Formats for
/// libxlsxwriter, LookTable for the lean writers). Every cell is aligned to the top unless
/// `middle`. `number` is a format code of static storage (the constants above).
struct Look {
  bool bold = false;
  bool italic = false;
  std::string_view number{};  // number format code, "" General
  Color fill = kNoFill;
  bool wrap = false;      // wrap text
  bool rule = false;      // a thin line above (totals)
  bool boxed = false;     // thin border all round (headings, input cells)
  bool center = false;    // centred across the cell (group headings)
  bool right = false;     // aligned right (text in an amount column)
  bool left = false;      // aligned left (a number read as a label)
  bool middle = false;    // centred vertically instead of at the top
  std::uint8_t indent = 0;
  double size = 0;        // font size, 0 default
  Color color = kNoFill;  // font colour, 0 default
  bool link = false;      // a hyperlink: blue and underlined
  bool double_under = false;  // a double line below (a total the supplier fills towards)
  bool unlocked = false;  // an input cell of a protected sheet
  auto operator<=>(const Look&) const = default;
};

/// The looks every workbook shares.
Look title_look();        // a sheet's title
Look subtitle_look();     // a table's title
Look heading_look();      // a column heading: bold on grey, boxed, wrapped
Look bold_look();
Look note_look();         // an explanation under a table: italic
Look kronor_look(bool total = false);
/// A share (kShare), as a key's share of an amount.
Look percent_look(bool total = false);
Look total_text_look();
/// The draft banner: bold dark red on Excel's "bad" red.
Look banner_look();
/// A cell the supplier fills in: light yellow, boxed, unlocked.
Look input_look();
/// A link to another sheet.
Look link_look();

}  // namespace arsanalys::writer::style

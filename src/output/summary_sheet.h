#pragma once
// The cells of sammanstallning.xlsx: looks (a format per distinct look, made on first use),
// amounts stored as tkr exact to the krona (decimals where needed), formulas
// written with their cached values, and the draft banner at the top of every sheet.
//
// Internal to the summary writer (output/summary_*.cc): includes xlsxwriter.h.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "writer/style.h"
#include "writer/xlsx_writer.h"

namespace arsanalys::output::summary {
namespace style = writer::style;
using writer::XlsxBook;

// Fills: headings grey, supplier rows a lighter grey, the draft banner and misfits red, warnings
// yellow, info light blue (Excel's own tones, as in the review copies).
using style::kFelFill;
using style::kHeadingFill;
using style::kInfoFill;
using style::kNoFill;
using style::kVarningFill;
inline constexpr style::Color kGroupFill = style::kSubtleFill;

// Amounts are stored in tkr, the unit the headers name, so a cell holds what it shows (and
// Excel's status-bar sum is in tkr too). Whole tkr without decimals; other amounts with up to
// three, exact to the krona.
using style::kCount;
using style::kPercent;
using style::kPercentFine;
using style::kTkrExact;
using style::kTkrWhole;

/// The display format of an amount of kronor (kTkrWhole or kTkrExact).
std::string_view tkr_format(std::int64_t kronor);

/// How a cell looks, and the workbook's formats (writer/style.h, xlsx_writer.h).
using style::Look;
using writer::Formats;

inline const Look kTitle = style::title_look();
inline const Look kBold = style::bold_look();
inline const Look kNote = style::note_look();
inline const Look kHeading = style::heading_look();

/// "C7" for row 6, column 2 (0-based).
std::string a1(lxw_row_t row, lxw_col_t col);

/// "SUM(C5:C9)" for rows first..last of a column.
std::string sum_of(lxw_col_t col, lxw_row_t first, lxw_row_t last);

/// One worksheet of the summary, every libxlsxwriter error checked. With `draft`, row 0 is the
/// "UTKAST" banner and the printed header says so too; top() is the first row after it.
class Sheet {
 public:
  Sheet(XlsxBook& book, Formats& formats, std::string name, bool draft, lxw_col_t banner_cols);

  lxw_worksheet* get() const { return ws_; }
  const std::string& name() const { return name_; }
  lxw_row_t top() const { return top_; }

  void text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look = {});
  void number(lxw_row_t row, lxw_col_t col, double value, const Look& look = {});
  void blank(lxw_row_t row, lxw_col_t col, const Look& look);
  /// Kronor stored and shown as tkr (kr / 1 000, exact to the krona); an empty cell (with the
  /// look) when there is no amount.
  void kronor(lxw_row_t row, lxw_col_t col, std::optional<std::int64_t> kronor, Look look = {});
  /// A formula giving tkr, with its cached value given in kronor.
  void formula_kr(lxw_row_t row, lxw_col_t col, const std::string& formula, std::int64_t cached,
                  Look look = {});
  /// A formula with its cached value and the look's number format.
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
               const Look& look = {});
  /// An internal link to cell A1 of another sheet.
  void link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text);
  /// `text` across columns first..last of a row, wrapped, the row as high as it needs.
  void paragraph(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                 double width, const Look& look = {});
  /// `text` in cells first..last of a row merged into one (a single cell when first == last).
  void merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
              const Look& look);
  /// Headings in a row from column `first`, each in the heading look; the row as high as the
  /// longest heading needs in its column's width.
  void headings(lxw_row_t row, lxw_col_t first, const std::vector<std::string>& texts);
  /// Column widths from column 0, remembered for headings() and paragraph().
  void widths(const std::vector<double>& chars);
  void height(lxw_row_t row, std::size_t lines);
  void freeze(lxw_row_t row, lxw_col_t col);
  void autofilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col);
  /// Printed landscape on A4, `pages` pages wide, rows first..last repeated on every page.
  void print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last, std::uint16_t pages = 1);
  /// Columns first..last printed on every page.
  void repeat_columns(lxw_col_t first, lxw_col_t last);
  /// The width set for a column (10 when none was).
  double width_of(lxw_col_t col) const;

 private:
  XlsxBook& book_;
  Formats& formats_;
  std::string name_;
  lxw_worksheet* ws_;
  lxw_row_t top_ = 0;
  std::vector<double> widths_;
};

}  // namespace arsanalys::output::summary

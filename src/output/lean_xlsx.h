#pragma once
// A one-sheet workbook written by our own code, for the workbooks made by the thousand (the
// customer statements). libxlsxwriter prints every part with printf into scratch files and
// deflates them at zlib's default level, which made the statements four fifths of a run's
// time; here the parts are put together in memory and deflated at level 1 by libzip.
//
// The same cells as libxlsxwriter would write (shared strings, formulas with their cached
// values, the looks of allocation_layout.h, merged cells, widths, heights, frozen panes, the
// print setup and the document properties), so the statements read the same in Excel,
// LibreOffice and openpyxl. Only for output/*.cc.

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output/allocation_layout.h"

namespace arsanalys::output {

/// One sheet, its cells held until finish(); cells may be written in any order and a cell
/// written twice keeps the last value. Rows and columns 0-based.
///
///   LeanSheet ws("Kundbeskedet", "Kundbesked");
///   ws.text(0, 0, "Kundbesked 2025", alloc::title_look());
///   std::string bytes = ws.finish();
class LeanSheet : public alloc::SheetOps<LeanSheet> {
 public:
  /// `subject` names the workbook in Swedish error messages; `name` is the sheet's name.
  LeanSheet(std::string subject, std::string name);

  /// Title, subject, author "arsanalys", company Göteborgs Stad, the fixed created date.
  void set_properties(const BookProperties& properties);

  void text(lxw_row_t row, lxw_col_t col, const std::string& text, const alloc::Look& look = {});
  void number(lxw_row_t row, lxw_col_t col, double value, const alloc::Look& look = {});
  /// A live formula ("=SUM(D7:D9)") with its cached value.
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
               const alloc::Look& look = {});
  void blank(lxw_row_t row, lxw_col_t col, const alloc::Look& look);
  /// `text` in the cells first..last of a row, merged (the others blank in the same look).
  void merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                   const alloc::Look& look);
  void width(lxw_col_t first, lxw_col_t last, double chars);
  void row_height(lxw_row_t row, double points);
  /// The printed page header, in Excel's header codes.
  void header(const std::string& codes);
  /// Rows above `row` and columns left of `col` stay in view.
  void freeze(lxw_row_t row, lxw_col_t col);
  /// Printed landscape on A4, one page wide, with rows repeat_first..repeat_last on every page.
  void print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last);

  /// The workbook's bytes. Call once.
  std::string finish();

 private:
  enum class Kind : std::uint8_t { text, number, formula, blank };
  struct Cell {
    lxw_row_t row;
    lxw_col_t col;
    Kind kind;
    std::uint32_t look;   // index into looks_; its cellXfs index is given as the sheet is written
    std::uint32_t seq;    // order of writing: the last write of a cell wins
    std::uint32_t index;  // shared string (text) or formula (formula)
    double value;         // number, or a formula's cached value
  };
  struct Column {
    lxw_col_t first, last;
    double width;
  };
  struct Merge {
    lxw_row_t row;
    lxw_col_t first, last;
  };

  std::uint32_t look_id(const alloc::Look& look);
  std::uint32_t shared(const std::string& text);
  void put(lxw_row_t row, lxw_col_t col, Kind kind, const alloc::Look& look, std::uint32_t index,
           double value);
  void check_cell(lxw_row_t row, lxw_col_t col) const;

  std::string sheet_xml();
  std::string styles_xml() const;
  std::string strings_xml() const;
  std::string workbook_xml() const;
  std::string core_xml() const;
  std::string app_xml() const;

  std::string subject_;
  std::string name_;
  BookProperties properties_{};
  std::vector<Cell> cells_;
  std::map<alloc::Look, std::uint32_t> look_ids_;  // look -> index into looks_
  std::vector<const alloc::Look*> looks_;          // in order of first use
  std::vector<std::uint32_t> look_xfs_;            // by look: its cellXfs index, 0 until used
  std::vector<const alloc::Look*> xf_looks_;       // by cellXfs index - 1: in order of appearance
  std::deque<std::string> strings_;           // shared strings in order of first use
  std::unordered_map<std::string_view, std::uint32_t> string_index_;
  std::uint32_t string_uses_ = 0;
  std::vector<std::string> formulas_;
  std::vector<Merge> merged_;
  std::vector<Column> columns_;
  std::map<lxw_row_t, double> heights_;
  std::string header_;
  lxw_row_t freeze_row_ = 0;
  lxw_col_t freeze_col_ = 0;
  bool print_wide_ = false;
  lxw_row_t repeat_first_ = 0, repeat_last_ = 0;
};

}  // namespace arsanalys::output

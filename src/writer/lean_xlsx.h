#pragma once
// A workbook of one sheet, or a few (add_sheet), written by our own code, for the workbooks
// made by the thousand (the customer statements). libxlsxwriter prints every part with printf
// into scratch files and deflates them at zlib's default level, which made the statements four
// fifths of a run's time; here the parts are put together in memory and zipped by
// writer::ZipWriter, which deflates them with libdeflate at level 1.
//
// The same cells as libxlsxwriter would write (shared strings, formulas with their cached
// values, the looks of style.h, merged cells, widths, heights, frozen panes, the
// print setup and the document properties), so the statements read the same in Excel,
// LibreOffice, Gnumeric, openpyxl and SheetJS. The XML has what Excel writes, though ECMA-376
// makes it optional: every cell's reference and the rows' spans.
//
// Free of libxlsxwriter and of the domain: the package's parts are xlsx_parts.h's, the formats
// xlsx_styles.h's, the strings shared_strings.h's. StreamBook (stream_book.h) writes the
// workbooks too big to hold.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "writer/sheet_ops.h"
#include "writer/shared_strings.h"
#include "writer/style.h"
#include "writer/workbook.h"
#include "writer/xlsx_styles.h"

namespace arsanalys::writer {

/// One sheet, its cells held until finish(); cells may be written in any order and a cell
/// written twice keeps the last value. Rows and columns 0-based.
///
///   LeanSheet ws("Kundbeskedet", "Kundbesked");
///   ws.text(0, 0, "Kundbesked 2025", style::title_look());
///   std::string bytes = ws.finish();
class LeanSheet : public SheetOps<LeanSheet> {
 public:
  /// `subject` names the workbook in Swedish error messages; `name` is the sheet's name.
  LeanSheet(std::string subject, std::string name);

  /// Title, subject, author "arsanalys", company Göteborgs Stad, the fixed created date.
  void set_properties(const BookProperties& properties);

  void text(Row row, Col col, const std::string& text, const style::Look& look = {});
  void number(Row row, Col col, double value, const style::Look& look = {});
  /// A live formula ("=SUM(D7:D9)") with its cached value.
  void formula(Row row, Col col, const std::string& formula, double cached,
               const style::Look& look = {});
  void blank(Row row, Col col, const style::Look& look);
  /// `text` in the cells first..last of a row, merged (the others blank in the same look).
  void merge_range(Row row, Col first, Col last, const std::string& text,
                   const style::Look& look);
  void width(Col first, Col last, double chars);
  void row_height(Row row, double points);
  /// The printed page header, in Excel's header codes.
  void header(const std::string& codes);
  /// Rows above `row` and columns left of `col` stay in view.
  void freeze(Row row, Col col);
  /// Printed landscape on A4, one page wide, with rows repeat_first..repeat_last on every page.
  void print_wide(Row repeat_first, Row repeat_last);

  /// A further sheet of the same workbook, after this one (and those added before) in tab
  /// order, sharing its strings and looks; valid until finish() of this sheet, which writes it.
  LeanSheet& add_sheet(std::string name);

  /// The workbook's bytes. Call once, on the first sheet.
  std::string finish();

  LeanSheet(const LeanSheet&) = delete;
  LeanSheet& operator=(const LeanSheet&) = delete;

 private:
  enum class Kind : std::uint8_t { text, number, formula, blank };
  struct Cell {
    Row row;
    Col col;
    Kind kind;
    std::uint32_t look;   // looks_.id(); its cellXfs index is given as the sheet is written
    std::uint32_t seq;    // order of writing: the last write of a cell wins
    std::uint32_t index;  // shared string (text) or formula (formula)
    double value;         // number, or a formula's cached value
  };
  struct Column {
    Col first, last;
    double width;
  };
  struct Merge {
    Row row;
    Col first, last;
  };

  std::uint32_t shared(const std::string& text);
  void put(Row row, Col col, Kind kind, const style::Look& look, std::uint32_t index,
           double value);
  void check_cell(Row row, Col col) const;

  std::string sheet_xml();
  std::string strings_xml() const;

  std::string subject_;
  std::string name_;
  BookProperties properties_{};
  std::vector<Cell> cells_;
  LookTable own_looks_;
  SharedStrings own_strings_;
  std::uint32_t own_string_uses_ = 0;
  LookTable* looks_ = &own_looks_;        // the first sheet's, shared by the sheets added
  SharedStrings* strings_ = &own_strings_;
  std::uint32_t* string_uses_ = &own_string_uses_;
  std::vector<std::unique_ptr<LeanSheet>> more_;  // sheets added by add_sheet()
  /// The shared string last found at a text's address, checked against the text before use:
  /// a statement writes the same round-wide strings (services, keys, sources) line after line,
  /// and comparing is cheaper than hashing them again.
  struct Seen {
    const std::string* at = nullptr;
    std::uint32_t index = 0;
  };
  std::vector<Seen> seen_;
  std::vector<std::string> formulas_;
  std::vector<Merge> merged_;
  std::vector<Column> columns_;
  std::map<Row, double> heights_;
  std::string header_;
  Row freeze_row_ = 0;
  Col freeze_col_ = 0;
  bool print_wide_ = false;
  Row repeat_first_ = 0, repeat_last_ = 0;
};

}  // namespace arsanalys::writer

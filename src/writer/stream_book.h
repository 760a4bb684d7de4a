#pragma once
// A workbook written row by row (StreamBook), for sheets of millions of cells
// (fordelning.xlsx): the rows go to temporary files as they are written and are zipped at
// close(). The same parts as LeanSheet (lean_xlsx.h) writes.
//
// Free of libxlsxwriter and of the domain.

#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "writer/sheet_ops.h"
#include "writer/style.h"
#include "writer/workbook.h"
#include "writer/xlsx_styles.h"

namespace arsanalys::writer {

class StreamBook;

/// One sheet of a StreamBook, written row by row as libxlsxwriter's constant-memory mode does,
/// for sheets of millions of cells (fordelning.xlsx): only the current row is held, strings
/// are stored inline, and a cell above the current row is refused with a RunError. Rows and
/// columns 0-based.
class StreamSheet : public SheetOps<StreamSheet> {
 public:
  StreamSheet(StreamBook& book, std::string name);
  StreamSheet(const StreamSheet&) = delete;
  StreamSheet& operator=(const StreamSheet&) = delete;
  ~StreamSheet();

  const std::string& name() const { return name_; }
  void text(Row row, Col col, const std::string& text, const style::Look& look = {});
  void number(Row row, Col col, double value, const style::Look& look = {});
  void formula(Row row, Col col, const std::string& formula, double cached,
               const style::Look& look = {});
  void blank(Row row, Col col, const style::Look& look);
  /// A link to cell A1 of another sheet of the workbook.
  void link(Row row, Col col, const std::string& sheet, const std::string& text);
  void merge_range(Row row, Col first, Col last, const std::string& text,
                   const style::Look& look);
  void width(Col first, Col last, double chars);
  void row_height(Row row, double points);
  void header(const std::string& codes);
  void freeze(Row row, Col col);
  void print_wide(Row repeat_first, Row repeat_last);
  /// Excel's filter buttons over the header row `first_row` of the range.
  void autofilter(Row first_row, Col first_col, Row last_row,
                  Col last_col);

 private:
  friend class StreamBook;
  enum class Kind : std::uint8_t { text, number, formula, blank };
  struct Cell {
    Col col;
    Kind kind;
    std::uint32_t seq;
    std::uint32_t look;  // StreamBook's look id
    double value;
    std::string text;    // text, or the formula without '='
  };
  struct Range {
    Row first_row, last_row;
    Col first_col, last_col;
  };

  Cell& put(Row row, Col col, Kind kind, const style::Look& look);
  void note_row(Row row);
  /// Writes the current row's cells, and the heights of rows without cells above `next` (the
  /// row about to be written; kMaxRows at the end).
  void flush_row(Row next);
  /// Puts the rows of the current block of 16 into buffer_, now that their spans are known.
  void close_block();
  void write_body(std::string_view xml);
  /// The whole part (head, the rows written so far, tail) into a new temporary file.
  std::FILE* finish();

  StreamBook& book_;
  std::string name_;
  std::FILE* body_ = nullptr;  // sheetData's rows, a temporary file
  std::string buffer_;         // rows not yet in body_
  std::string block_xml_;      // rows after buffer_'s, of a block whose spans are not yet known
  std::vector<std::size_t> span_at_;  // where in block_xml_ a row of cells takes the spans
  Row block_ = 0;        // the block (row / 16) of the rows in block_xml_
  Col block_first_ = 0, block_last_ = 0;  // the columns its rows' cells use
  bool any_row_ = false;
  Row row_ = 0;          // the current row
  std::vector<Cell> cells_;    // of the current row
  std::map<Row, double> heights_;  // rows not yet written
  Row min_row_ = 0, max_row_ = 0;  // the dimension: rows of cells and of heights
  Col min_col_ = 0, max_col_ = 0;  // columns of cells
  bool any_dimension_ = false, any_cell_ = false;
  std::vector<Range> merged_;
  std::vector<std::pair<std::string, std::string>> links_;  // cell, target sheet
  std::vector<std::pair<std::pair<Col, Col>, double>> columns_;
  std::string header_;
  Row freeze_row_ = 0;
  Col freeze_col_ = 0;
  bool print_wide_ = false;
  Row repeat_first_ = 0, repeat_last_ = 0;
  std::optional<Range> filter_;
};

/// A workbook of StreamSheets written to a file the caller owns (an output's temporary):
/// every sheet's rows go to a temporary file as they are written, and close() zips the parts
/// with writer::ZipWriter.
///
///   StreamBook book("Fördelningen", tmp);
///   StreamSheet& ws = book.add_sheet("Översikt");
///   ws.text(0, 0, "Fördelning 2024", style::title_look());
///   book.close();
class StreamBook {
 public:
  StreamBook(std::string subject, std::filesystem::path file);
  void set_properties(const BookProperties& properties);
  /// A new sheet, last in tab order; the reference stays valid until the book is gone.
  StreamSheet& add_sheet(const std::string& name);
  /// Writes the workbook. Call once.
  void close();
  const std::string& subject() const { return subject_; }

 private:
  friend class StreamSheet;

  std::string subject_;
  std::filesystem::path file_;
  BookProperties properties_{};
  std::deque<StreamSheet> sheets_;
  LookTable looks_;
};

}  // namespace arsanalys::writer

#pragma once
// A one-sheet workbook written by our own code, for the workbooks made by the thousand (the
// customer statements). libxlsxwriter prints every part with printf into scratch files and
// deflates them at zlib's default level, which made the statements four fifths of a run's
// time; here the parts are put together in memory and zipped by output::ZipWriter, which
// deflates them with libdeflate at level 1.
//
// The same cells as libxlsxwriter would write (shared strings, formulas with their cached
// values, the looks of allocation_layout.h, merged cells, widths, heights, frozen panes, the
// print setup and the document properties), so the statements read the same in Excel,
// LibreOffice, Gnumeric, openpyxl and SheetJS. The XML has what Excel writes, though ECMA-376
// makes it optional: every cell's reference and the rows' spans. Only for output/*.cc.

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "output/allocation_layout.h"

namespace arsanalys::output {

/// The looks of a workbook numbered as Excel's cell formats (cellXfs): an id on first use, and
/// the format's index on first appearance in the written XML, as Excel and libxlsxwriter
/// number them. Shared by LeanSheet and StreamBook.
class LookTable {
 public:
  std::uint32_t id(const alloc::Look& look);
  /// The cellXfs index of look `id` (1, 2, … in order of appearance; 0 is Excel's default).
  std::uint32_t xf(std::uint32_t id);
  /// styles.xml of the formats given an index so far.
  std::string styles() const;

 private:
  /// Cheap: the flags, the fill, the size and the format code's length and last character
  /// (the few looks of a workbook differ there); equal looks are then compared whole.
  static std::uint64_t hash(const alloc::Look& l);
  std::deque<alloc::Look> kept_;            // by id
  std::vector<std::uint64_t> hashes_;       // by id: a workbook has a few dozen looks at most,
                                            // so a scan of these beats a hash table's lookup
  /// The look last found at an address, checked against the look before use: the writers pass
  /// the same few looks cell after cell, mostly from the same places.
  struct Recent {
    const alloc::Look* at = nullptr;
    std::uint32_t id = 0;
  };
  std::array<Recent, 64> recent_{};
  std::vector<std::uint32_t> xfs_;            // by id: the cellXfs index, 0 until shown
  std::vector<const alloc::Look*> in_order_;  // by cellXfs index - 1
};

/// A workbook's shared strings in order of first use, each kept once: the texts in blocks of
/// memory of the table's own, found through an open-addressing hash table (a statement adds
/// two new texts a line, the service and the source cell, and a node, a copy and a rehash
/// each cost more than the lookup).
class SharedStrings {
 public:
  /// The index of `text`, added when new.
  std::uint32_t index(std::string_view text);
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](std::uint32_t i) const { return strings_[i]; }
  auto begin() const { return strings_.begin(); }
  auto end() const { return strings_.end(); }

 private:
  std::string_view keep(std::string_view text);
  void rehash(std::size_t slots);

  std::vector<std::string_view> strings_;       // into blocks_
  std::vector<std::uint64_t> hashes_;           // by index
  std::vector<std::uint32_t> slots_;            // index + 1, 0 free; a power of two long
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;                        // bytes free at free_
};

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
    lxw_row_t row;
    lxw_col_t col;
    Kind kind;
    std::uint32_t look;   // looks_.id(); its cellXfs index is given as the sheet is written
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

  std::uint32_t shared(const std::string& text);
  void put(lxw_row_t row, lxw_col_t col, Kind kind, const alloc::Look& look, std::uint32_t index,
           double value);
  void check_cell(lxw_row_t row, lxw_col_t col) const;

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
  std::map<lxw_row_t, double> heights_;
  std::string header_;
  lxw_row_t freeze_row_ = 0;
  lxw_col_t freeze_col_ = 0;
  bool print_wide_ = false;
  lxw_row_t repeat_first_ = 0, repeat_last_ = 0;
};

class StreamBook;

/// One sheet of a StreamBook, written row by row as libxlsxwriter's constant-memory mode does,
/// for sheets of millions of cells (fordelning.xlsx): only the current row is held, strings
/// are stored inline, and a cell above the current row is refused with a RunError. Rows and
/// columns 0-based.
class StreamSheet : public alloc::SheetOps<StreamSheet> {
 public:
  StreamSheet(StreamBook& book, std::string name);
  StreamSheet(const StreamSheet&) = delete;
  StreamSheet& operator=(const StreamSheet&) = delete;
  ~StreamSheet();

  const std::string& name() const { return name_; }
  void text(lxw_row_t row, lxw_col_t col, const std::string& text, const alloc::Look& look = {});
  void number(lxw_row_t row, lxw_col_t col, double value, const alloc::Look& look = {});
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
               const alloc::Look& look = {});
  void blank(lxw_row_t row, lxw_col_t col, const alloc::Look& look);
  /// A link to cell A1 of another sheet of the workbook.
  void link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text);
  void merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                   const alloc::Look& look);
  void width(lxw_col_t first, lxw_col_t last, double chars);
  void row_height(lxw_row_t row, double points);
  void header(const std::string& codes);
  void freeze(lxw_row_t row, lxw_col_t col);
  void print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last);
  /// Excel's filter buttons over the header row `first_row` of the range.
  void autofilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                  lxw_col_t last_col);

 private:
  friend class StreamBook;
  enum class Kind : std::uint8_t { text, number, formula, blank };
  struct Cell {
    lxw_col_t col;
    Kind kind;
    std::uint32_t seq;
    std::uint32_t look;  // StreamBook's look id
    double value;
    std::string text;    // text, or the formula without '='
  };
  struct Range {
    lxw_row_t first_row, last_row;
    lxw_col_t first_col, last_col;
  };

  Cell& put(lxw_row_t row, lxw_col_t col, Kind kind, const alloc::Look& look);
  void note_row(lxw_row_t row);
  /// Writes the current row's cells, and the heights of rows without cells above `next` (the
  /// row about to be written; kMaxRows at the end).
  void flush_row(lxw_row_t next);
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
  lxw_row_t block_ = 0;        // the block (row / 16) of the rows in block_xml_
  lxw_col_t block_first_ = 0, block_last_ = 0;  // the columns its rows' cells use
  bool any_row_ = false;
  lxw_row_t row_ = 0;          // the current row
  std::vector<Cell> cells_;    // of the current row
  std::map<lxw_row_t, double> heights_;  // rows not yet written
  lxw_row_t min_row_ = 0, max_row_ = 0;  // the dimension: rows of cells and of heights
  lxw_col_t min_col_ = 0, max_col_ = 0;  // columns of cells
  bool any_dimension_ = false, any_cell_ = false;
  std::vector<Range> merged_;
  std::vector<std::pair<std::string, std::string>> links_;  // cell, target sheet
  std::vector<std::pair<std::pair<lxw_col_t, lxw_col_t>, double>> columns_;
  std::string header_;
  lxw_row_t freeze_row_ = 0;
  lxw_col_t freeze_col_ = 0;
  bool print_wide_ = false;
  lxw_row_t repeat_first_ = 0, repeat_last_ = 0;
  std::optional<Range> filter_;
};

/// A workbook of StreamSheets written to a file the caller owns (an output's temporary):
/// every sheet's rows go to a temporary file as they are written, and close() zips the parts
/// with output::ZipWriter.
///
///   StreamBook book("Fördelningen", tmp);
///   StreamSheet& ws = book.add_sheet("Översikt");
///   ws.text(0, 0, "Fördelning 2024", alloc::title_look());
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

}  // namespace arsanalys::output

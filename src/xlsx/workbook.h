#pragma once
// The plain model of a workbook as read: sheets in workbook order, their non-empty cells in
// row-major order, merged ranges, and what each cell's style says about its number format.
// Nothing here knows about files or XML; the reader (reader.h) fills it.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/text.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::xlsx {

/// How a cell's value is to be taken.
enum class CellType : std::uint8_t {
  number,   // `number` holds it
  string,   // `text` indexes Workbook::strings (shared, inline and rich text alike)
  boolean,  // `number` is 0 or 1
  error,    // `text` holds the error, e.g. "#DIV/0!"
  date,     // `number` is a date serial, or `text` an ISO date written as such (t="d")
};

constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

/// One non-empty cell. 32 bytes, so a million cells cost 32 MB.
struct Cell {
  std::uint32_t row = 0;            // 0-based
  std::uint32_t col = 0;            // 0-based
  CellType type = CellType::number;
  std::uint32_t style = 0;          // index into Workbook::formats (the cell's xf)
  std::uint32_t text = kNoIndex;    // index into Workbook::strings, or kNoIndex
  std::uint32_t formula = kNoIndex; // index into Workbook::formulas, or kNoIndex
  double number = 0;                // value of number, boolean and serial-date cells

  CellRef ref() const { return {row, col}; }
};

/// What a worksheet part is.
enum class SheetKind : std::uint8_t { worksheet, chartsheet, other };

/// One sheet, in workbook order.
struct Sheet {
  std::string name;               // as shown on the tab
  SheetKind kind = SheetKind::worksheet;
  bool hidden = false;            // state="hidden" or "veryHidden"
  std::vector<Cell> cells;        // non-empty cells, row-major
  std::vector<Range> merged;      // merged ranges as written

  /// The cell at (row, col), or nullptr when that cell is empty.
  const Cell* find(std::uint32_t row, std::uint32_t col) const;
};

/// A cell style's number format.
struct NumberFormat {
  std::uint32_t id = 0;   // numFmtId
  std::string code;       // format code ("" for built-ins this reader has no text for)
  bool is_date = false;   // shows a date or time
};

/// Text of a cell (or a sheet's name) that the reader made fit for every output (clean_text()):
/// said in a finding, never carried into an output raw.
struct TextRepair {
  std::uint32_t sheet = 0;        // index into Workbook::sheets
  std::uint32_t row = kNoIndex;   // 0-based; kNoIndex: the sheet's name
  std::uint32_t col = 0;
  TextRepairs what;
};

/// A whole workbook.
struct Workbook {
  std::string file_name;              // for messages
  bool date1904 = false;              // workbookPr date1904
  std::vector<Sheet> sheets;          // workbook order
  std::vector<std::string> strings;   // shared strings first, then inline/formula strings
  std::vector<std::string> formulas;  // formula texts without '='
  std::vector<NumberFormat> formats;  // one per cell style (cellXfs); never empty
  std::vector<TextRepair> repairs;    // texts made fit for output, in sheet and cell order

  /// Text of a string, error or text-date cell; "" otherwise.
  std::string_view text(const Cell& cell) const;
  /// Formula of the cell without '=', or "" when it has none.
  std::string_view formula(const Cell& cell) const;
  /// The cell's number format (the General format when the style is unknown).
  const NumberFormat& format(const Cell& cell) const;
  /// ISO 8601 text of a date cell ("" when the serial is out of range).
  std::string date_iso(const Cell& cell) const;
  /// The sheet of this name (exact), or nullptr.
  const Sheet* sheet(std::string_view name) const;
};

/// One finding per repaired text of `wb` (TEXT_REPLACED: info when only Word's line breaks were
/// replaced, else varning), at most `limit` of them and then one that counts the rest.
void report_text_repairs(const Workbook& wb, Findings& findings, std::size_t limit = 50);

/// Swedish word for a cell type, as `inspect` prints it.
std::string_view type_name_sv(CellType type);
/// The contract's English name for a cell type (`inspect --json`).
std::string_view type_name(CellType type);

}  // namespace arsanalys::xlsx

#pragma once
// A supplier's *Årlig analys* as recognised: its tables with every figure in exact kronor and
// the cell it came from. Plain data; recognise.h fills it, checks and later stages read it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analys/amount.h"
#include "analys/template_def.h"
#include "core/finding.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::analys {

/// One amount cell as read.
struct Figure {
  Amount amount;         // kind, exact kronor, guesses
  Location source;       // the cell
  std::string written{}; // a text cell's text as written ("1 200 tkr"), "" for a number cell;
                         // Excel's SUM leaves text out
  std::string formula{}; // the cell's formula without '=' ("SUM(B5:B19)"), "" none; `amount`
                         // is then its cached value
};

/// One column of a recognised table.
struct Column {
  ColumnKind kind = ColumnKind::text;
  int year = 0;             // the year the column is about (amount columns)
  std::string heading;      // header text as found (rows joined)
  std::uint32_t col = 0;    // 0-based sheet column
};

/// What a row of a table is.
enum class LineKind {
  row,       // a service or initiative with amounts
  group,     // a label without amounts that opens a group (Intraservice's verksamhetsområde)
  subtotal,  // no label, amounts, right after a group's rows
  total,     // Totalkostnad / Total... / Summa...
};

/// One row of a recognised table.
struct Line {
  LineKind kind = LineKind::row;
  std::string label;                          // as written, white space tidied
  std::string area;                           // the group the row belongs to ("" none)
  std::uint32_t row = 0;                      // 0-based sheet row
  std::vector<std::optional<Figure>> values;  // per Table::columns entry; nullopt = empty cell
  std::vector<std::string> texts;             // per column: text cells of text columns
};

/// How running-cost effects are meant.
enum class Impact { unknown, level, change };

/// One recognised table.
struct Table {
  std::string id;                  // forvaltning, utveckling, nya_insatser, nycklar
  std::string sheet;               // sheet name
  std::size_t sheet_index = 0;     // index into Workbook::sheets
  xlsx::Range range;               // title (or header) row to last row
  std::string title;               // title text as found
  Unit unit = Unit::tkr;           // unit of bare numbers (title or default tkr)
  std::uint32_t label_col = 0;     // column of the row labels
  std::uint32_t header_row = 0;    // 0-based row of the column headings (first, if several)
  std::vector<Column> columns;     // columns after the label column
  std::vector<Line> lines;
  Impact impact = Impact::unknown;          // from the header ("Förändring enskilt år")
  std::optional<double> stated_index;       // "inkl index 3,3%" -> 3.3 (percent)
  bool grouped = false;                     // has group label rows or subtotals
  bool extra = false;                       // a supplier's own overview, not a template table
  bool from_template = false;               // its title is the template's own, in a workbook
                                            // made from `arsanalys template` (some total still
                                            // a formula): its totals were SUM formulas there
};

/// A 2.2 proposal (one initiative of the form).
struct Proposal {
  int number = 0;                           // "Föreslagen förändringsinsats N"
  std::string name;
  Location source;                          // the block's title cell
  std::vector<std::pair<std::string, std::string>> fields;  // field id -> value as written
  std::vector<std::pair<std::string, Location>> cells{};    // field id -> the cell of its answer
                                                            // (beside the label when empty)
  std::vector<std::string> lacking;         // required fields lacking (ids): lacking_fields()
  std::optional<std::int64_t> budget_kr;    // total project budget read from its field, if any
  bool from_table = false;                  // one row of a 2.2 table rather than a form block

  /// The cell of a field's answer; the block's title cell when the form lacks the field.
  Location cell_of(std::string_view field_id) const;
};

/// A supplier's whole submission.
struct Submission {
  std::string file;                // file name
  std::string supplier;            // the supplier's name
  Location supplier_source;        // where the name was found (cell "" = file name)
  int year = 0;                    // the analysis year Y read from the headers (0 unknown)
  std::vector<Table> tables;       // the table used per id (the detailed one)
  std::vector<Table> summaries;    // the same table at a coarser level, for cross checks
  std::vector<Proposal> proposals;  // filled-in forms only: a form left empty is no proposal

  /// The table of this id, or nullptr.
  const Table* table(std::string_view id) const;
  Table* table(std::string_view id);
};

}  // namespace arsanalys::analys

#pragma once
// The decision annex as a document: parts (one xlsx sheet each) of headings, paragraphs, lists,
// tables and charts, with every figure already rounded and formatted once. The HTML and the
// xlsx writer (annex_writer.cc) only lay this out, so the two files always say the same thing.
//
// How figures are shown (as in the real annex, docs/seed-2024.md §6):
// - Table amounts are tkr rounded to hundreds ("77 600"), half away from zero, each cell on its
//   own; totals, differences and percentages are computed from the rounded cells, as the
//   annex's own sums are and as the xlsx formulas are.
// - Frames are "77 600 tkr + index"; a D variant's frames are a percentage of a base and are
//   shown in whole tkr ("891 405 tkr"), as the annex's table of reductions does.
// - What an alternative costs each customer is shown in whole tkr; the xlsx keeps the exact
//   value (kronor / 1000) behind the format, so the customers' parts add up to the cut.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_text.h"
#include "output/annex_writer.h"

namespace arsanalys::output::annex {

/// How a number cell looks in the xlsx (the HTML shows `Cell::text`).
enum class NumFormat {
  tkr,          // "#,##0": an amount in a column whose heading says tkr
  tkr_suffix,   // `#,##0 "tkr"`: a frame amount
  tkr_marked,   // `#,##0"¹"`: an amount that holds a figure of the preparers ([[justering]])
  percent,      // "0.0%": a ratio, 0.077 shown 7,7 %
  count,        // "0": a count
};

/// A formula over cells of the same table; refs are (data row, column) of that table.
struct Formula {
  enum class Op { sum, diff, change };  // sum of refs; refs[0] − refs[1]; refs[0] / refs[1] − 1
  Op op = Op::sum;
  std::vector<std::pair<int, int>> refs;
};

/// One cell. A number cell has `value` (what the xlsx holds) and `text` (what the HTML shows).
struct Cell {
  std::string text;                     // shown text; "" empty
  std::optional<double> value;          // a number (tkr, ratio or count); none: text cell
  NumFormat format = NumFormat::tkr;
  std::optional<Formula> formula;       // a live formula in the xlsx; `value` is its cache
};

/// How a column appears in the HTML. In the xlsx every column is a column of its own.
enum class Join {
  none,    // a column
  paren,   // shown after the previous column in parentheses, when its text is not empty
  append,  // shown after the previous column, separated by a space
};

struct Column {
  std::string heading;
  Join join = Join::none;
  double width = 14;  // xlsx column width in characters
};

struct Row {
  std::vector<Cell> cells;
  bool total = false;   // bold with a rule above
  bool indent = false;  // an area under its supplier's total
};

/// A table; `caption` is printed under it, as the annex's "Tabell 1. ..." lines are.
struct Table {
  std::string id;       // for charts to point at, e.g. "ar"
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::string caption;  // "" none
  bool first_column_bold = false;  // the annex's frame tables: the supplier's name heads them
};

/// A stacked column chart of some rows of a table: categories are the table's columns
/// first_col..last_col (their headings), each series a row.
struct Chart {
  std::string table;    // Table::id on the same part
  std::vector<int> series_rows;
  int first_col = 1;
  int last_col = 1;
  std::string title;
  std::string caption;  // "Diagram 1. ..."
};

struct Block {
  enum class Kind { heading, paragraph, note, list, table, chart };
  Kind kind = Kind::paragraph;
  int level = 2;                     // heading: 1..4
  std::string text;                  // heading, paragraph, note
  std::vector<std::string> items;    // list
  Table table;
  Chart chart;
  bool html = true;                  // shown in the HTML
  bool xlsx = true;                  // shown in the xlsx
};

/// A part of the annex: one xlsx sheet, a run of sections in the HTML.
struct Part {
  std::string sheet;  // xlsx sheet name (unique, valid)
  bool html = true;   // false: only in the xlsx (e.g. every customer of every alternative)
  std::vector<Block> blocks;
  bool new_page = true;  // the HTML starts it on a new page
};

struct Document {
  std::string title;     // "Underlag till strategisk samordningsgrupps ... 2024"
  std::string document_data;  // "Diarienummer 0123/23 · Version 2 · 2023-05-03" ("" none),
                              // printed at the foot of every page
  bool draft = false;
  std::string draft_text;  // style::draft_banner()'s "UTKAST: ..." (only when draft)
  int year = 0;
  std::vector<Part> parts;
};

/// The annex of a round.
Document build(const AnnexInput& input);

// ---- formatting, exposed for the tests ----

/// Rounds kronor half away from zero to a multiple of `unit` kronor.
std::int64_t round_to(std::int64_t kr, std::int64_t unit);
/// Kronor as tkr rounded to hundreds: 77 617 000 -> 77 600.
std::int64_t tkr_hundreds(std::int64_t kr);
/// Whole number with a space between thousands and a minus sign (U+2212) for negatives:
/// 1025900 -> "1 025 900", -30 -> "−30".
std::string group(std::int64_t n);
/// num / den as a Swedish percentage with one decimal (core/number_text.h): (2200, 28500) ->
/// "7,7 %"; "" when den is 0.
using arsanalys::percent_text;
/// "Nämnden för inköp och upphandling" -> "Inköp och upphandling"; other names unchanged.
std::string short_name(std::string_view supplier);
/// A name in the genitive, as Swedish writes it: "Intraservice" -> "Intraservices",
/// "Inköp och upphandling" -> "Inköp och upphandlings"; a name ending in s, x or z unchanged.
std::string genitive(std::string_view name);

}  // namespace arsanalys::output::annex

#pragma once
// What fordelning.xlsx and the customer statements share: a libxlsxwriter sheet writer whose
// totals are formulas with their cached values (the looks, the banner and the sheet operations
// are writer/style.h's and writer/sheet_ops.h's), and the allocation in Swedish words (tables, key sources, how a key works, a customer's share).
//
// Only for output/*.cc (includes xlsxwriter.h through xlsx_writer.h).

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fordelning/customers.h"
#include "fordelning/decimal.h"
#include "fordelning/engine.h"
#include "fordelning/round_allocation.h"
#include "writer/sheet_ops.h"
#include "writer/style.h"
#include "writer/xlsx_writer.h"

namespace arsanalys::output::alloc {
namespace style = writer::style;
using writer::XlsxBook;

// The looks of every workbook (writer/style.h), by the names the allocation's writers use.
using style::kDraftFill;
using style::kHeadingFill;
using style::kKronor;
using style::kLinkColor;
using style::kNoFill;
inline constexpr style::Color kTotalFill = style::kSubtleFill;
/// A share as a percentage with four decimals (1/22 shows as 4,5455 %).
inline constexpr std::string_view kPercent = style::kShare;
using style::bold_look;
using style::heading_look;
using style::kronor_look;
using style::Look;
using style::percent_look;
using style::title_look;
using style::total_text_look;
using writer::Formats;
using writer::SheetOps;

/// Writing cells of one sheet through libxlsxwriter, every error checked. Rows and columns
/// 0-based.
class Sheet : public SheetOps<Sheet> {
 public:
  Sheet(XlsxBook& book, Formats& formats, const std::string& name);

  lxw_worksheet* get() const { return ws_; }
  const std::string& name() const { return name_; }
  void text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look = {});
  void number(lxw_row_t row, lxw_col_t col, double value, const Look& look = {});
  /// A live formula ("=SUM(D7:D9)") with the value it has now, so a reader that does not
  /// calculate (openpyxl, our own reader, a viewer) sees the figure too.
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
               const Look& look = {});
  void blank(lxw_row_t row, lxw_col_t col, const Look& look);
  /// A link to cell A1 of another sheet of the workbook.
  void link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text);
  /// `text` in the cells first..last of a row, merged.
  void merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                   const Look& look);
  void width(lxw_col_t first, lxw_col_t last, double chars);
  void row_height(lxw_row_t row, double points);
  /// The printed page header, in Excel's header codes ("&C&\"Calibri,Bold\"UTKAST").
  void header(const std::string& codes);
  /// Rows above `row` and columns left of `col` stay in view.
  void freeze(lxw_row_t row, lxw_col_t col);
  /// Printed landscape on A4, one page wide, with `repeat` rows on every page.
  void print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last);

 private:
  lxw_format* format(const Look& look) { return formats_(look); }
  void check(lxw_error error, std::string_view doing) const { book_.check(error, doing); }

  XlsxBook& book_;
  Formats& formats_;
  std::string name_;
  lxw_worksheet* ws_;
};



/// `A1`-style reference of a 0-based cell, `$`-free.
std::string cell(lxw_row_t row, lxw_col_t col);
/// `D7:D9`.
std::string range(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                  lxw_col_t last_col);

/// Kronor as Swedish text: "1 234 567 kr", "-500 kr".
std::string kr_text(std::int64_t kr);
/// A decimal as a cell number (exact for the measures of a register: at most 15 digits).
double decimal_value(fordelning::Decimal d);
/// A number format showing exactly the decimals of `d` ("#,##0" or "#,##0.0" …).
std::string_view decimal_format(fordelning::Decimal d);
/// A fraction as a number for a percentage cell.
double fraction_value(fordelning::Fraction f);
/// A fraction as a Swedish percentage text with up to four decimals: "4,5455 %", "75 %"
/// (core/number_text.h's percent_text).
std::string share_percent_text(fordelning::Fraction f);

/// Order of the tables in outputs: forvaltning, utveckling, nya_insatser, then others.
int table_rank(std::string_view table);
/// "Förvaltning", "Utveckling", "Nya insatser" (other ids as they are).
std::string table_label(std::string_view table);
/// "3.1a Förvaltningskostnader" and so on.
std::string table_title(std::string_view table);
/// How a line's key was found, in words.
std::string key_source_text(fordelning::KeySource source);

/// What became of a line, in a few words: "Fördelad med nyckel", "Faktureras per beställning",
/// "Kommunbidrag", "Levereras till <leverantör>", "Levereras till <kund>", "Fördelas inte".
std::string charging_label(const fordelning::LineAllocation& line);

/// Why a line is charged to no customer by a key, as a sentence: the catalogue's financing or
/// receiver, else the reason it is not allocated.
std::string not_charged_text(const fordelning::LineAllocation& line);

/// Whom a step selects, in words: "alla kunder", "förvaltningarna", "bolagen",
/// "Inköp och upphandling (INK)".
std::string urval_text(const fordelning::Step& step, const fordelning::Kunder& kunder);
/// How a key works, in words: "75 % till förvaltningarna efter Antal anställda, 25 % till
/// bolagen efter Stadshus AB-nyckel." A one-step key: "Hela beloppet till … efter …".
std::string key_explanation(const fordelning::Key& key, const fordelning::Kunder& kunder);

/// A customer's exact share of an allocated amount over all steps (sum of Andel × the
/// customer's share of the step); nullopt when the customer is not selected. `exact` is false
/// when the fraction would not fit 64 bits (then only `value` is meaningful).
struct KeyShare {
  fordelning::Fraction fraction;  // reduced, when exact
  long double value = 0;          // the same as a number, 0..1
  bool exact = true;
};
std::optional<KeyShare> customer_share(const fordelning::Allocation& a, std::string_view kund_id);
/// The same, for a statement's many lookups of one customer.
std::optional<KeyShare> customer_share(const fordelning::Allocation& a,
                                       fordelning::CustomerFinder& finder);
/// The share as a percentage text and, when exact and not whole, the fraction: "4,5455 % (1/22)".
std::string share_text(const KeyShare& share);

/// What a customer's measure is in a step, in words: "Antal anställda 12 600", "lika delar",
/// "Digitala fakturor 265 000 + 3 × Pappersfakturor 9 800".
std::string measure_text(const fordelning::Step& step, const std::vector<fordelning::Decimal>& values);

/// For each line of `current`, the same line of `previous` (same supplier, table, area and
/// service, the n-th of equal ones), or nullptr. All nullptr when `previous` is nullptr.
std::vector<const fordelning::LineAllocation*> previous_lines(
    const fordelning::RoundAllocation& current, const fordelning::RoundAllocation* previous);

/// Suppliers in order of first appearance among the lines.
std::vector<std::string> suppliers_of(const fordelning::RoundAllocation& round);

/// The line's amount cell with its file: "intraservice.xlsx: '3.1 Förvaltning'!D12".
std::string source_text(const fordelning::LineAllocation& line);

}  // namespace arsanalys::output::alloc

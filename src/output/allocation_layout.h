#pragma once
// What fordelning.xlsx and the customer statements share: cell looks, a sheet writer whose
// totals are formulas with their cached values, the "Utkast" banner, unique sheet names, and
// the allocation in Swedish words (tables, key sources, how a key works, a customer's share).
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
#include "output/style.h"
#include "output/xlsx_writer.h"

namespace arsanalys::output::alloc {

// Fills: headings grey, totals a lighter grey, the draft banner Excel's "bad" red, a
// difference that should be 0 but is not yellow.
using style::kDraftFill;
using style::kHeadingFill;
using style::kLinkColor;
using style::kNoFill;
constexpr lxw_color_t kTotalFill = style::kSubtleFill;

using style::kKronor;
/// A share as a percentage with four decimals (1/22 shows as 4,5455 %).
constexpr std::string_view kPercent = style::kShare;

/// How a cell looks; a format is made once per distinct look.
struct Look {
  bool bold = false;
  bool italic = false;
  std::string number{};  // number format code, "" General
  lxw_color_t fill = kNoFill;
  bool wrap = false;    // wrap text (every cell is aligned to the top)
  bool rule = false;    // a thin line above (totals)
  bool boxed = false;   // thin border all round (headings)
  bool center = false;  // centred across the cell (group headings)
  double size = 0;      // font size, 0 default
  bool link = false;    // a hyperlink: blue and underlined
  auto operator<=>(const Look&) const = default;
};

/// Common looks.
Look title_look();
Look heading_look();
Look bold_look();
Look kronor_look(bool total = false);
Look percent_look(bool total = false);
Look total_text_look();

/// The workbook's formats by look, made on first use (so always in the same order).
class Formats {
 public:
  explicit Formats(XlsxBook& book) : book_(book) {}
  lxw_format* operator()(const Look& look);

 private:
  XlsxBook& book_;
  std::map<Look, lxw_format*> formats_;
};

/// The banner's text.
inline constexpr std::string_view kDraftText =
    "UTKAST: körningen har fynd av nivån fel. Beloppen kan ändras när underlagen rättas.";

/// What every sheet writer builds on its cell primitives: kronor, paragraphs, merged headings,
/// row heights in lines and the draft banner. `Derived` (Sheet, LeanSheet) provides
/// text(), number(), blank(), merge_range(), row_height() and header().
template <class Derived>
class SheetOps {
 public:
  /// Whole kronor as a number in the kronor format (`look.number` is replaced).
  void kronor(lxw_row_t row, lxw_col_t col, std::int64_t kr, Look look = {}) {
    look.number = std::string(kKronor);
    self().number(row, col, static_cast<double>(kr), look);
  }
  /// A heading over columns first..last (merged when more than one).
  void merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
              const Look& look) {
    if (first == last) {
      self().text(row, first, text, look);
    } else {
      self().merge_range(row, first, last, text, look);
    }
  }
  /// `text` across columns first..last of a row, wrapped, the row as high as it needs
  /// (`chars`: the width of the columns together, in characters).
  void paragraph(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                 double chars, Look look = {}) {
    look.wrap = true;
    merged(row, first, last, text, look);
    height(row, lines_needed(text, chars));
  }
  /// The height of `lines` lines of text (nothing for one; at most 25).
  void height(lxw_row_t row, std::size_t lines) {
    if (lines <= 1) return;
    self().row_height(row, kLineHeight * static_cast<double>(std::min<std::size_t>(lines, 25)));
  }
  /// Marks the sheet as a draft when `draft`: a banner in row 0 (returns 1, the first free
  /// row) and "UTKAST" in the printed header; returns 0 otherwise.
  lxw_row_t banner(bool draft, lxw_col_t last_col) {
    if (!draft) return 0;
    Look look{.bold = true, .fill = kDraftFill};
    for (lxw_col_t c = 1; c <= last_col; ++c) self().blank(0, c, look);
    self().text(0, 0, std::string(kDraftText), look);
    self().header(style::kDraftHeader);
    return 1;
  }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

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
std::string decimal_format(fordelning::Decimal d);
/// A fraction as a number for a percentage cell.
double fraction_value(fordelning::Fraction f);
/// A fraction as a Swedish percentage text with up to four decimals: "4,5455 %", "75 %".
std::string percent_text(fordelning::Fraction f);

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

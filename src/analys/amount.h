#pragma once
// Amounts: the figures of an Årlig analys, written as numbers or as the text suppliers type
// ("23 588 tkr", "134,800", "Δ 300 (6 400)", "XXX"), read into exact kronor. Money is never a
// double here: a number is scaled as a decimal string, so 23588.1 tkr is 23 588 100 kr exactly.
//
// Readings decided for the open forms (each one is tested in tests/analys/amount_test.cc):
// - "(1 200)": 1 200, flagged ambiguous. In these documents parentheses hold a second figure
//   (the annex's "Δ 300 (6 400)", running-cost effects "(30)"), not an accounting minus.
// - "500-600 tkr", "500 – 600": a range is unparsed; choosing an end would invent a figure.
// - "1.5" is a decimal point (exact); "1.234" and "134,800" (one separator, three digits after
//   it, a first group of 1-3 digits not starting with 0) are thousands, flagged ambiguous.
// - "ca 500", "cirka 500", "uppskattas till 500": the number, flagged ambiguous (approximate).
// - "8 00": a later group of 2 digits is joined (800), flagged ambiguous; "1 2", "1 2345" and
//   "2024 2025" are unparsed.
// - "2024: 5 000 tkr", "(år 2024)": a year label, kept in Amount::year.
// - Text after a complete amount ("12 000 tkr varav 6 600 tkr") is ignored, flagged ambiguous;
//   text before it (other than the words above) makes the cell unparsed.
// - "%"/"procent" after a number: unparsed (a percentage is not an amount).
// - Simple HTML tags pasted from Word ("<u>90 500</u>") are ignored.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace arsanalys::analys {

/// The unit an amount is written in: kronor, tusen (tkr), miljoner (mnkr/mkr), miljarder (mdr).
enum class Unit { kr, tkr, mnkr, mdr };

/// Kronor per unit: 1, 1 000, 1 000 000, 1 000 000 000.
std::int64_t unit_factor(Unit unit);

/// The short Swedish name: "kr", "tkr", "mnkr", "mdr".
std::string_view unit_name(Unit unit);

/// The unit a table title or heading states ("ange siffror i tkr", "Belopp anges i tusentals
/// kronor", "(tkr)", "mnkr", "Mkr", "miljoner kronor"), the first one if several; none when the
/// text names no unit. Whole words only: "Förvaltningskostnader" names none.
std::optional<Unit> unit_in_text(std::string_view text);

/// The largest amount read, in kronor either way: 10^12 kr (1 000 miljarder kronor, a billion
/// tkr), twenty times the city's whole budget. A larger figure is a mistake (a unit, a key held
/// down) and is refused (Amount::Kind::out_of_range), so that no sum of a round's figures can
/// overflow and every amount written to JSON stays far inside 2^53.
inline constexpr std::int64_t kMaxAmountKr = 1'000'000'000'000;

/// One amount cell as read.
struct Amount {
  enum class Kind {
    amount,        // kronor holds the value
    nothing,       // "-", "–", "—", "=", "" : no amount (a dash means zero/none in these tables)
    missing,       // "*", "XXX", "xxx", "?", "XXX tkr": a placeholder -> VALUE_MISSING where required
    unparsed,      // text that is not an amount -> NUMBER_UNPARSED
    out_of_range,  // larger than kMaxAmountKr either way, or not zero but below one öre ->
                   // NUMBER_OUT_OF_RANGE; `reason` says which, with the figure as written
    uncomputed,    // a formula saved without its value -> FORMULA_UNCOMPUTED
  };
  Kind kind = Kind::nothing;
  std::int64_t kronor = 0;  // exact, after unit
  bool ambiguous = false;   // read by a guess -> NUMBER_AMBIGUOUS
  std::string guess{};      // Swedish: how it was read, "134,800 lästes som 134 800"
  // "Δ 300 (6 400)": kronor = the change 300, level_kronor = the level 6 400
  std::optional<std::int64_t> level_kronor{};
  // "2 800 (år 2025: 9 200 tkr) (år 2026: 5 000 tkr)": {2025, 9 200 000}, {2026, 5 000 000}
  std::vector<std::pair<int, std::int64_t>> other_years{};
  std::optional<Unit> unit{};  // unit written in the cell, if any
  bool footnote = false;       // a "*" on a number ("1 200*", "*1 200 tkr")
  bool approximate = false;    // "ca 500", "cirka 500" (also ambiguous)
  std::optional<int> year{};   // "*1 200 tkr (år 2024)" -> 2024
  std::string reason{};        // unparsed, out_of_range: why it is not an amount (Swedish)
};

/// A text cell's amount. `unit` is the table's unit (from its title), used when the cell names
/// none.
///
///   parse_amount("23 588 tkr", Unit::tkr).kronor == 23588000
///   parse_amount("134,800", Unit::tkr)  -> 134 800 000 kr, ambiguous, "134,800 lästes som 134 800"
Amount parse_amount(std::string_view text, Unit unit);

/// A numeric cell's amount: value × unit, exact. The double's shortest decimal form (at most 15
/// significant digits, Excel's precision, so 0.1 + 0.2 is 0.3) is scaled as a decimal string;
/// fractions of a krona are rounded half away from zero and flagged ambiguous. NaN and infinity
/// are unparsed; values beyond ±kMaxAmountKr, or not zero but below one öre, out of range.
///
///   amount_from_number(23588.1, Unit::tkr).kronor == 23588100
Amount amount_from_number(double value, Unit unit);

/// One amount found in free text.
struct TextAmount {
  std::size_t offset;        // byte offset of the amount (its sign, if any) in the text
  std::int64_t kronor;       // exact
  std::optional<Unit> unit;  // unit written after the number; none: the given unit used
  std::size_t length = 0;    // bytes from offset to the end of the number or its unit
  bool ambiguous = false;    // read by a guess ("8 00 tkr", "1,500 tkr")
  std::string guess{};       // Swedish, as in Amount::guess
};

/// Amounts in free text, in order: numbers followed by a unit ("540 tkr", "26 miljarder
/// kronor"), and bare numbers grouped in thousands ("7 591") in `unit`. Years, percentages,
/// ranges ("2024-2026", "500-600 tkr"), dates and bare ungrouped numbers are not amounts.
///
///   amounts_in_text("Uppskattas till 540 tkr. ... påverkas med 30 tkr", Unit::tkr)
///     -> {16, 540000, tkr}, {.., 30000, tkr}
std::vector<TextAmount> amounts_in_text(std::string_view text, Unit unit);

/// Kronor as tkr for messages, Swedish grouping with a plain space and a decimal comma when not
/// whole: 77587000 -> "77 587 tkr", 1500 -> "1,5 tkr", -21200000 -> "-21 200 tkr".
std::string format_tkr(std::int64_t kronor);

}  // namespace arsanalys::analys

#pragma once
// Exact decimals for the figures of kunder.xlsx (volume measures such as the Stadshus AB key's
// 7,5, step shares such as 63,75 %, weights such as 0,5) and exact fractions for the shares of
// an allocation. No double is ever used in a split: a number cell's double is taken at its
// shortest decimal form (Excel's 15 significant digits at most) and kept as digits.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/exact.h"

namespace arsanalys::fordelning {

using arsanalys::Int128;  // core/exact.h

/// Most digits after the decimal point a Decimal keeps (a double's shortest form of a value
/// from 10^-15 up fits).
constexpr int kMaxScale = 15;

/// An exact decimal number: units / 10^scale.
///
///   Decimal{75, 1} is 7,5; Decimal{6375, 2} is 63,75; Decimal{900, 0} is 900.
struct Decimal {
  std::int64_t units = 0;  // the digits as one integer, sign included
  int scale = 0;           // digits after the decimal point, 0..kMaxScale

  /// Same value (7,50 == 7,5).
  friend bool operator==(const Decimal& a, const Decimal& b);
};

/// The same value with no trailing zero after the point: {750, 2} -> {75, 1}.
Decimal normalised(Decimal d);

/// A number cell's value exactly as Excel shows it at full precision: the double's shortest
/// round-trip form, or its 15 significant digits when that is longer. nullopt for NaN,
/// infinity, and values that need more than kMaxScale decimals or 18 digits.
///
///   decimal_from_double(7.5) == Decimal{75, 1};  decimal_from_double(0.1 + 0.2) == {3, 1}
std::optional<Decimal> decimal_from_double(double value);

/// A number typed as text, Swedish or English: "1 200", "7,5", "0.5", "-3", "+2". Spaces
/// (also non-breaking) between digit groups are ignored; one ',' or '.' is the decimal point.
/// nullopt for anything else ("", "abc", "1,234.5", "5 %").
std::optional<Decimal> parse_decimal(std::string_view text);

/// Swedish form for messages: "63,75", "1 200", "-0,5" (space-grouped thousands, decimal
/// comma, no trailing zeros).
std::string format_decimal(Decimal d);

/// The value scaled to `scale` decimals (scale >= d.scale), exactly, as a 128-bit integer.
Int128 scaled(Decimal d, int scale);

/// 10^n for 0 <= n <= 38.
Int128 pow10(int n);

/// Greatest common divisor of |a| and |b| (gcd(0, 0) = 0).
Int128 gcd(Int128 a, Int128 b);

/// An exact non-negative share num/den, reduced (den > 0).
struct Fraction {
  std::int64_t num = 0;  // numerator
  std::int64_t den = 1;  // denominator, > 0

  friend bool operator==(const Fraction&, const Fraction&) = default;
};

/// num/den reduced to lowest terms; den must be > 0 and both must fit int64 after reduction.
Fraction reduced(Int128 num, Int128 den);

/// "3/40" or "1" for messages and statements.
std::string format_fraction(Fraction f);

}  // namespace arsanalys::fordelning

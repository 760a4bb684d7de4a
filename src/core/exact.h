#pragma once
// Exact arithmetic for money, shares and indexes: one 128-bit integer for intermediates, one
// rational type, one rounding (half away from zero) and one index uplift. Money is integer
// kronor; a rational multiplies it and the result is rounded once, at the end. No money, share
// or index is ever a double.

#include <cstdint>

namespace arsanalys {

/// 128-bit integers for intermediate products (kronor × a denominator, amount × weight); GCC
/// and Clang have them.
__extension__ typedef __int128 Int128;

/// An exact rational number num/den in lowest terms (den > 0): percentages (3.3 = 33/10),
/// shares (3/40), a blended index. Written as decimals in the files and kept exact here, so
/// 0.88 × 3.0 + 0.12 × 5.5 is 3.3 exactly rather than 3.2999999999999998.
///
///   make_rational(33, 10) == Rational{33, 10}   // 3.3
struct Rational {
  std::int64_t num = 0;  // numerator
  std::int64_t den = 1;  // denominator, > 0

  friend bool operator==(const Rational&, const Rational&) = default;
};

/// num/den reduced to lowest terms with a positive denominator (den must not be 0).
Rational make_rational(std::int64_t num, std::int64_t den);

/// n / d rounded half away from zero (d != 0).
///
///   round_div(5, 2) == 3;  round_div(-5, 2) == -3;  round_div(7, -2) == -4
std::int64_t round_div(Int128 n, Int128 d);

/// `amount_kr` × (1 + percent / 100), rounded half away from zero to a multiple of `unit`
/// kronor (1: whole kronor; 1 000: whole tkr, as a supplier rounds its rows). The index
/// uplift of the round, its check and the annex's "+ index" all use this one.
///
///   uplift(50'733'000, {6, 1}, 1000) == 53'777'000   // 50 733 tkr + 6 %
std::int64_t uplift(std::int64_t amount_kr, Rational percent, std::int64_t unit = 1);

}  // namespace arsanalys

#include "core/exact.h"

#include <numeric>

namespace arsanalys {

Rational make_rational(std::int64_t num, std::int64_t den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  std::int64_t g = std::gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return {num, den};
}

std::int64_t round_div(Int128 n, Int128 d) {
  if (d < 0) n = -n, d = -d;
  Int128 q = n / d, r = n % d;
  if (2 * (r < 0 ? -r : r) >= d) q += n < 0 ? -1 : 1;
  return static_cast<std::int64_t>(q);
}

std::int64_t uplift(std::int64_t amount_kr, Rational percent, std::int64_t unit) {
  Int128 num = Int128{amount_kr} * (Int128{100} * percent.den + percent.num);
  Int128 den = Int128{100} * percent.den * unit;
  return round_div(num, den) * unit;
}

}  // namespace arsanalys

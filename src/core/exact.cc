#include "core/exact.h"

#include <numeric>

#include <fmt/format.h>

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

namespace {

/// True when num/den has a finite decimal expansion (den has no prime factor but 2 and 5).
bool terminates(std::int64_t den) {
  while (den % 2 == 0) den /= 2;
  while (den % 5 == 0) den /= 5;
  return den == 1;
}

}  // namespace

std::string format_decimal(Rational value) {
  std::uint64_t n = value.num < 0 ? 0 - static_cast<std::uint64_t>(value.num)
                                  : static_cast<std::uint64_t>(value.num);
  auto d = static_cast<std::uint64_t>(value.den);
  std::uint64_t whole = n / d, rest = n % d;
  std::string digits;
  bool exact = terminates(value.den);
  if (exact) {
    for (; rest != 0; rest %= d) digits += static_cast<char>('0' + (rest *= 10) / d);
  } else {
    std::uint64_t scaled = whole;  // the value in ten-thousandths, rounded half up
    for (int i = 0; i < 4; ++i, rest %= d) scaled = scaled * 10 + (rest *= 10) / d;
    if (rest * 2 >= d) ++scaled;
    whole = scaled / 10000;
    digits = fmt::format("{:04}", scaled % 10000);
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
  }
  std::string out = fmt::format("{}{}{}", exact ? "" : "ca ", value.num < 0 ? "-" : "", whole);
  return digits.empty() ? out : out + "," + digits;
}

std::optional<Rational> parse_decimal(std::string_view text, int max_decimals) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::int64_t num = 0, den = 1;
  int whole_digits = 0, decimals = 0;
  bool point = false;
  for (char c : text) {
    if (c == ',' || c == '.') {
      if (point) return std::nullopt;
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (point ? ++decimals > max_decimals : ++whole_digits > 12) return std::nullopt;
      num = num * 10 + (c - '0');
      if (point) den *= 10;
    } else {
      return std::nullopt;
    }
  }
  if (whole_digits + decimals == 0) return std::nullopt;
  return make_rational(negative ? -num : num, den);
}

}  // namespace arsanalys

#include "fordelning/decimal.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>

namespace arsanalys::fordelning {

namespace {

constexpr std::size_t kMaxDigits = 18;  // an int64 holds every 18-digit number

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Digits (no sign) with the decimal point after `point` of them, as a Decimal.
std::optional<Decimal> from_digits(std::string digits, int point, bool negative) {
  while (digits.size() > 1 && digits.front() == '0' && point > 1) {
    digits.erase(0, 1);
    --point;
  }
  if (point > static_cast<int>(digits.size())) digits.append(point - digits.size(), '0');
  int scale = static_cast<int>(digits.size()) - point;
  while (scale > 0 && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  std::size_t first = digits.find_first_not_of('0');
  std::size_t significant = first == std::string::npos ? 0 : digits.size() - first;
  if (scale > kMaxScale || significant > kMaxDigits) return std::nullopt;
  std::int64_t units = 0;
  for (char c : digits) units = units * 10 + (c - '0');
  return Decimal{negative ? -units : units, scale};
}

/// Length of a space at text[i] (ASCII space, U+00A0, U+202F), 0 when none.
std::size_t space_at(std::string_view text, std::size_t i) {
  if (text[i] == ' ') return 1;
  if (text.substr(i, 2) == "\xC2\xA0") return 2;
  if (text.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty()) {
    std::size_t n = space_at(text, 0);
    if (n == 0 && text.front() != '\t' && text.front() != '\n' && text.front() != '\r') break;
    text.remove_prefix(n == 0 ? 1 : n);
  }
  while (!text.empty()) {
    char c = text.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xAF") {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

}  // namespace

bool operator==(const Decimal& a, const Decimal& b) {
  Decimal x = normalised(a), y = normalised(b);
  return x.units == y.units && x.scale == y.scale;
}

Decimal normalised(Decimal d) {
  if (d.units == 0) return {};
  while (d.scale > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.scale;
  }
  return d;
}

std::optional<Decimal> decimal_from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  if (value == 0) return Decimal{};
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  std::size_t significant = 0;
  for (char c : sci.substr(0, sci.find('e'))) significant += is_digit(c);
  if (significant > 15) {
    r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific, 14);
    sci = std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  bool negative = sci.front() == '-';
  if (negative) sci.remove_prefix(1);
  std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (is_digit(c)) digits += c;
  }
  std::string_view exp_text = sci.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  if (exponent < -kMaxScale - 1 || exponent > static_cast<int>(kMaxDigits)) return std::nullopt;
  return from_digits(digits, 1 + exponent, negative);
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  } else if (text.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    negative = true;
    text.remove_prefix(3);
  }
  std::string digits;
  std::size_t group = 0;  // digits in the current group
  bool grouped = false;   // a space separated groups
  int point = -1;         // digits before the decimal point, -1 before it
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (is_digit(c)) {
      digits += c;
      ++group;
      ++i;
      continue;
    }
    if (std::size_t n = space_at(text, i); n > 0 && point < 0) {
      // "1 200": the group before has 1-3 digits (3 after the first), the next one 3
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
      i += n;
      continue;
    }
    if ((c == ',' || c == '.') && point < 0 && group > 0) {
      if (grouped && group != 3) return std::nullopt;
      point = static_cast<int>(digits.size());
      group = 0;
      grouped = false;
      ++i;
      continue;
    }
    return std::nullopt;
  }
  if (digits.empty() || group == 0 || (grouped && group != 3)) return std::nullopt;
  if (point < 0) point = static_cast<int>(digits.size());
  return from_digits(digits, point, negative);
}

std::string format_decimal(Decimal d) {
  d = normalised(d);
  bool negative = d.units < 0;
  std::string digits = std::to_string(d.units);
  if (negative) digits.erase(0, 1);
  if (static_cast<int>(digits.size()) <= d.scale) {
    digits.insert(0, static_cast<std::size_t>(d.scale) + 1 - digits.size(), '0');
  }
  std::size_t whole = digits.size() - static_cast<std::size_t>(d.scale);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  if (d.scale > 0) out += "," + digits.substr(whole);
  return out;
}

Int128 pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

Int128 scaled(Decimal d, int scale) { return Int128{d.units} * pow10(scale - d.scale); }

Int128 gcd(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Fraction reduced(Int128 num, Int128 den) {
  Int128 g = gcd(num, den);
  if (g == 0) g = 1;
  return {static_cast<std::int64_t>(num / g), static_cast<std::int64_t>(den / g)};
}

std::string format_fraction(Fraction f) {
  if (f.den == 1) return std::to_string(f.num);
  return std::to_string(f.num) + "/" + std::to_string(f.den);
}

}  // namespace arsanalys::fordelning

#include "core/number_text.h"

#include <fmt/format.h>

namespace arsanalys {

std::string group_thousands(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.empty()) return "0";
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string group_thousands(std::int64_t n) {
  const std::uint64_t magnitude =
      n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  return (n < 0 ? "-" : "") + group_thousands(std::to_string(magnitude));
}

std::string percent_text(Int128 num, Int128 den, int decimals, Decimals shown) {
  if (den == 0) return "";
  Int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t scaled = round_div(num * scale, den);  // percent × 10^decimals
  const std::uint64_t magnitude =
      scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  std::uint64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  std::string text = std::to_string(magnitude / unit);
  if (decimals > 0) {
    std::string digits = fmt::format("{:0{}}", magnitude % unit, decimals);
    if (shown == Decimals::at_most) {
      while (!digits.empty() && digits.back() == '0') digits.pop_back();
    }
    if (!digits.empty()) text += "," + digits;
  }
  return (scaled < 0 ? "\u2212" : "") + text + " %";
}

std::string percent_text(Rational percent) {
  std::string text = format_decimal(percent);
  // format_decimal's hyphen-minus, after its "ca " when inexact, becomes a minus sign.
  if (std::size_t at = text.find('-'); at != std::string::npos) text.replace(at, 1, "\u2212");
  return text + " %";
}

}  // namespace arsanalys

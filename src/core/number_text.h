#pragma once
// Whole numbers as Swedes write them, thousands apart: "1 234 567". One place for every
// message, heading and annex text that prints an amount or a count.

#include <cstdint>
#include <string>
#include <string_view>

namespace arsanalys {

/// Digits with a space between thousands: "1234567" -> "1 234 567" (leading zeros dropped,
/// "" -> "0").
std::string group_thousands(std::string_view digits);

/// A whole number so: 1025900 -> "1 025 900", -30 -> "-30".
std::string group_thousands(std::int64_t n);

}  // namespace arsanalys

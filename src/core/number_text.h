#pragma once
// Numbers as Swedes write them: whole numbers thousands apart ("1 234 567") and percentages
// with a decimal comma ("5,0 %"). One place for every message, heading and annex text that
// prints an amount, a count or a percentage.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/exact.h"

namespace arsanalys {

/// Digits with a space between thousands: "1234567" -> "1 234 567" (leading zeros dropped,
/// "" -> "0").
std::string group_thousands(std::string_view digits);

/// A whole number so: 1025900 -> "1 025 900", -30 -> "-30".
std::string group_thousands(std::int64_t n);

/// How many decimals a percentage shows: always `decimals` ("5,0 %"), or at most that many,
/// trailing zeros dropped ("75 %", "4,5455 %").
enum class Decimals { fixed, at_most };

/// A ratio of two amounts (a change, a share, a key's part) as a percentage, rounded half away
/// from zero, with a decimal comma, a space before "%" and a minus sign (U+2212) when
/// negative; "" when `den` is 0.
///
///   percent_text(2'200, 28'500) == "7,7 %";  percent_text(-1'810, 7'000) == "−25,9 %"
///   percent_text(1, 22, 4, Decimals::at_most) == "4,5455 %";  (3, 4, 4, at_most) == "75 %"
std::string percent_text(Int128 num, Int128 den, int decimals = 1,
                         Decimals shown = Decimals::fixed);

/// A percentage given in percent (an index, a price change, a decrease: 33/10 -> "3,3 %"),
/// exact as format_decimal() writes it ("ca 0,3333 %" when it does not end), a minus sign
/// (U+2212) when negative.
std::string percent_text(Rational percent);

}  // namespace arsanalys

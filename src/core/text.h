#pragma once
// Text as the program compares and shows it: names, headers and labels folded for matching,
// white space tidied for showing. One place for every stage that matches words.

#include <string>
#include <string_view>

namespace arsanalys {

/// Text for matching words: lower case (Swedish letters too), white space of every kind
/// collapsed to one space, trimmed. "  Prognos\nBUDGET 2024 " -> "prognos budget 2024".
std::string fold(std::string_view text);

/// White space of every kind (no-break spaces too) collapsed to one space and trimmed; case
/// kept. " Antal\u00a0anställda \n" -> "Antal anställda".
std::string tidy(std::string_view text);

/// Text for comparing names: fold() without a trailing '.', ':' or ';'.
/// "Fördelas på antal beställare. " -> "fördelas på antal beställare".
std::string name_key(std::string_view text);

/// An area's (verksamhetsområde's) name for matching across tables and the catalogue: fold(),
/// '/' and ',' as spaces, the word "och" dropped. "Ledning/styrning", "Ledning, styrning" and
/// "Ledning och styrning" are one area: "ledning styrning".
std::string area_key(std::string_view area);

/// A count with its noun as a Swedish sentence says it: the one form spelt out for one ("ett
/// fel", "en varning"), the number and the plural otherwise ("0 fel", "3 varningar").
std::string count_phrase(long long n, std::string_view one, std::string_view many);

/// A sheet name quoted as a cell reference writes it, apostrophes doubled: "It's" -> "'It''s'".
/// The one quoting of the findings' places and the outputs' formulas and links.
std::string quoted_sheet(std::string_view sheet);

}  // namespace arsanalys

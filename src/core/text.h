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

namespace arsanalys {

/// What clean_text() replaced in a text.
struct TextRepairs {
  int line_breaks = 0;       // vertical tabs and form feeds (Word's breaks) made line feeds
  int controls = 0;          // other control characters made U+FFFD
  int invalid_utf8 = 0;      // bytes of invalid UTF-8 made U+FFFD
  char32_t first_control = 0;  // the first control character replaced, for the message

  bool any() const { return line_breaks + controls + invalid_utf8 > 0; }
  /// Swedish: "styrtecknet U+000B (radbrytning i Word) ersatt med en radbrytning", joined by
  /// "; " for several kinds.
  std::string describe() const;
};

/// Makes `text` fit for every output (XML 1.0 of xlsx parts, HTML, JSON): an invalid UTF-8
/// byte becomes U+FFFD (the replacement character); a vertical tab or form feed (left by text
/// pasted from Word) a line feed; any other control character XML or HTML forbids (U+0000 to
/// U+001F but tab, line feed and carriage return, U+007F to U+009F, U+FFFE, U+FFFF) U+FFFD.
/// Text without such characters is left alone and costs one pass over its bytes.
///
///   std::string s = "Rad 1\vRad 2";  clean_text(s) -> s == "Rad 1\nRad 2", line_breaks 1
TextRepairs clean_text(std::string& text);

/// A copy of `text` made clean by clean_text().
std::string cleaned(std::string_view text);

}  // namespace arsanalys

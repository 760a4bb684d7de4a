#pragma once
// Writing JSON text by hand, for documents too large to build as a tree first (a million-cell
// `inspect --json`). Strings from workbooks may hold anything a broken file puts there, so
// invalid UTF-8 becomes U+FFFD instead of invalid JSON.

#include <string>
#include <string_view>

namespace arsanalys {

/// Appends `s` as a quoted JSON string: `"`, `\` and control characters escaped, invalid UTF-8
/// sequences replaced by U+FFFD.
///
///   append_json_string(out, "Tjänst \"A\"");   // "Tjänst \"A\""
void append_json_string(std::string& out, std::string_view s);

/// Appends a JSON number: integral values below 2^53 as integers, others in the shortest form
/// that reads back the same; NaN and infinities (which JSON lacks) as null.
void append_json_number(std::string& out, double v);

}  // namespace arsanalys

#pragma once
// What every workbook writer shares, whichever library writes the file: the cell coordinates,
// the document properties, row heights for wrapped text, and sheet names Excel accepts. Free
// of libxlsxwriter and of the domain, so that the lean writer (lean_xlsx.h, stream_book.h)
// needs neither.

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace arsanalys::writer {

/// A 0-based row and column of a sheet, the same types as libxlsxwriter's lxw_row_t and
/// lxw_col_t (xlsx_writer.h checks that they are).
using Row = std::uint32_t;
using Col = std::uint16_t;

/// 1 January of `year`, 00:00 UTC: a fixed `created` date keeps the output byte-reproducible.
std::time_t new_year(int year);

/// Document properties of a workbook; all optional but `created`.
struct BookProperties {
  std::string title;    // e.g. "Årlig analys 2025"
  std::string subject;  // e.g. "Mall för leverantörernas underlag"
  std::time_t created;  // fixed, see new_year()
};

/// Points per line of Calibri 11, for row heights.
inline constexpr double kLineHeight = 15;

/// Characters of UTF-8 text (continuation bytes not counted).
std::size_t text_length(std::string_view text);

/// Lines that text needs when wrapped in a column `chars` wide (a rough measure on the safe
/// side); explicit line breaks count.
std::size_t lines_needed(std::string_view text, double chars);

/// A sheet name Excel accepts: `[]:*?/\` and control characters replaced by '-' (invalid
/// UTF-8 by U+FFFD), leading and trailing apostrophes dropped, at most 31 characters, never
/// empty, never "History" (which Excel keeps for itself: "History-").
std::string sheet_name(std::string_view wanted);

/// Sheet names unique without regard to case (Swedish letters included), as Excel wants: each
/// made valid by sheet_name(), and one that clashes shortened to fit and numbered "… (2)".
///
///   SheetNames names{"Översikt"};  names.claim("översikt") == "översikt (2)"
class SheetNames {
 public:
  SheetNames() = default;
  /// Reserves fixed names (such as "Översikt") that claim() never hands out.
  SheetNames(std::initializer_list<std::string_view> reserved);
  void reserve(std::string_view name);
  /// A valid, unique sheet name close to `wanted`, taken from now on.
  std::string claim(std::string_view wanted);

 private:
  std::set<std::string> taken_;  // folded names
};

/// `'3.1a Förvaltning'!A1`-style reference to a cell of a sheet of the same workbook, for
/// internal hyperlinks.
std::string sheet_ref(std::string_view sheet, std::string_view cell);

}  // namespace arsanalys::writer

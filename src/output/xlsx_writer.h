#pragma once
// libxlsxwriter wrapped once for the writers in output/ (template, review copies, later the
// round's workbooks): a workbook that libxlsxwriter writes to a temporary file (it only writes
// to a file name) and hands back as bytes, libxlsxwriter's error codes turned into RunError,
// and a fixed creation date so the same input always gives the same bytes.
//
// Only for output/*.cc: this header includes xlsxwriter.h, which the library links privately.

#include <xlsxwriter.h>

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace arsanalys::output {

/// Throws RunError "<subject> kunde inte skapas (<doing>): <libxlsxwriter's reason>." unless
/// `error` is LXW_NO_ERROR.
///
///   check_lxw(worksheet_write_number(ws, 0, 0, 1, nullptr), "Mallen", "skriva tal");
void check_lxw(lxw_error error, std::string_view subject, std::string_view doing);

/// 1 January of `year`, 00:00 UTC: a fixed `created` date keeps the output byte-reproducible.
std::time_t new_year(int year);

/// Document properties of a workbook; all optional but `created`.
struct BookProperties {
  std::string title;    // e.g. "Årlig analys 2025"
  std::string subject;  // e.g. "Mall för leverantörernas underlag"
  std::time_t created;  // fixed, see new_year()
};

/// A libxlsxwriter workbook in a temporary file. finish() writes it and returns its bytes;
/// otherwise it is freed unwritten. The temporary file is removed either way.
///
///   XlsxBook book("Mallen", "mall");
///   lxw_worksheet* ws = book.add_sheet("Blad1");
///   std::string bytes = book.finish();
class XlsxBook {
 public:
  /// `subject` names the workbook in Swedish error messages ("Mallen", "Granskningskopian");
  /// `tag` goes into the temporary file's name. `scratch` is the folder of libxlsxwriter's
  /// temporary files and of the workbook until finish() reads it back (empty: the system's
  /// temporary folder); `arsanalys serve` gives one in memory (a tmpfs), so that nothing of an
  /// upload reaches a disk.
  XlsxBook(std::string subject, std::string_view tag,
           const std::filesystem::path& scratch = {});
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  lxw_workbook* get() const { return book_; }
  /// A new worksheet; RunError when the name is not a valid or unique sheet name.
  lxw_worksheet* add_sheet(std::string_view name);
  /// A new cell format owned by the workbook.
  lxw_format* add_format();
  /// Title, subject, author "arsanalys", company Göteborgs Stad, the fixed created date.
  void set_properties(const BookProperties& properties);
  /// check_lxw() with this workbook's subject.
  void check(lxw_error error, std::string_view doing) const;
  /// Writes the workbook and returns its bytes. Call once; the book is unusable after.
  std::string finish();

 private:
  std::string subject_;
  std::filesystem::path dir_;   // scratch folder
  std::filesystem::path path_;  // the workbook's own file in it
  lxw_workbook* book_ = nullptr;
};

/// A fresh empty file in the system temp folder (TMPDIR, else /tmp) named after `tag`, for a
/// writer that writes only to a file name; the caller removes it. RunError naming `subject`.
std::filesystem::path make_scratch_file(std::string_view subject, std::string_view tag);

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

}  // namespace arsanalys::output

#pragma once
// libxlsxwriter wrapped once for the writers in output/ (template, review copies, later the
// round's workbooks): a workbook that libxlsxwriter writes to a temporary file (it only writes
// to a file name) and hands back as bytes, libxlsxwriter's error codes turned into RunError,
// and a fixed creation date so the same input always gives the same bytes.
//
// Only for output/*.cc: this header includes xlsxwriter.h, which the library links privately.

#include <xlsxwriter.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>

#include "writer/style.h"
#include "writer/workbook.h"

namespace arsanalys::writer {

static_assert(std::is_same_v<Row, lxw_row_t> && std::is_same_v<Col, lxw_col_t> &&
              std::is_same_v<style::Color, lxw_color_t>);

/// Throws RunError "<subject> kunde inte skapas (<doing>): <libxlsxwriter's reason>." unless
/// `error` is LXW_NO_ERROR.
///
///   check_lxw(worksheet_write_number(ws, 0, 0, 1, nullptr), "Mallen", "skriva tal");
void check_lxw(lxw_error error, std::string_view subject, std::string_view doing);

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

/// A workbook's formats by look (writer/style.h), each made on first use (so always in the
/// same order).
class Formats {
 public:
  explicit Formats(XlsxBook& book) : book_(book) {}
  lxw_format* operator()(const style::Look& look);

 private:
  XlsxBook& book_;
  std::map<style::Look, lxw_format*> formats_;
};

/// A fresh empty file in the system temp folder (TMPDIR, else /tmp) named after `tag`, for a
/// writer that writes only to a file name; the caller removes it. RunError naming `subject`.
std::filesystem::path make_scratch_file(std::string_view subject, std::string_view tag);


}  // namespace arsanalys::writer

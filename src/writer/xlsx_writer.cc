#include "writer/xlsx_writer.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "core/file_io.h"
#include "core/text.h"

namespace arsanalys::writer {
namespace fs = std::filesystem;

void check_lxw(lxw_error error, std::string_view subject, std::string_view doing) {
  if (error != LXW_NO_ERROR) {
    throw RunError(
        fmt::format("{} kunde inte skapas ({}): {}.", subject, doing, lxw_strerror(error)));
  }
}

namespace {

/// A fresh empty file in `dir` for libxlsxwriter to write the workbook to.
fs::path make_temp_file(const fs::path& dir, std::string_view subject, std::string_view tag) {
  std::string pattern = (dir / fmt::format("arsanalys-{}-XXXXXX", tag)).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw RunError(fmt::format("{} kunde inte skapas: ingen temporär fil ({}).", subject,
                               system_error_text(errno)));
  }
  ::close(fd);
  return pattern;
}

}  // namespace

namespace {

lxw_workbook* new_workbook(const fs::path& file, const fs::path& scratch) {
  lxw_workbook_options options{};
  std::string tmpdir = scratch.string();
  options.tmpdir = tmpdir.data();  // libxlsxwriter's scratch files
  return workbook_new_opt(file.c_str(), &options);
}

}  // namespace

fs::path make_scratch_file(std::string_view subject, std::string_view tag) {
  return make_temp_file(fs::temp_directory_path(), subject, tag);
}

XlsxBook::XlsxBook(std::string subject, std::string_view tag, const fs::path& scratch)
    : subject_(std::move(subject)),
      dir_(scratch.empty() ? fs::temp_directory_path() : scratch),
      path_(make_temp_file(dir_, subject_, tag)) {
  book_ = new_workbook(path_, dir_);
  if (book_ == nullptr) {
    std::error_code ec;
    fs::remove(path_, ec);
    throw RunError(fmt::format("{} kunde inte skapas (libxlsxwriter).", subject_));
  }
}

XlsxBook::~XlsxBook() {
  if (book_ != nullptr) lxw_workbook_free(book_);
  std::error_code ec;
  fs::remove(path_, ec);
}

lxw_worksheet* XlsxBook::add_sheet(std::string_view name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, std::string(name).c_str());
  if (sheet == nullptr) throw RunError(fmt::format("Bladet '{}' kunde inte skapas.", name));
  return sheet;
}

lxw_format* XlsxBook::add_format() { return workbook_add_format(book_); }

void XlsxBook::set_properties(const BookProperties& properties) {
  std::string title = properties.title;
  std::string subject = properties.subject;
  std::string author = "arsanalys";
  std::string company = "Göteborgs Stad";
  lxw_doc_properties p{};
  p.title = title.data();
  p.subject = subject.data();
  p.author = author.data();
  p.company = company.data();
  p.created = properties.created;
  check(workbook_set_properties(book_, &p), "sätta egenskaper");
}

void XlsxBook::check(lxw_error error, std::string_view doing) const {
  check_lxw(error, subject_, doing);
}

std::string XlsxBook::finish() {
  lxw_workbook* book = book_;
  book_ = nullptr;
  check(workbook_close(book), "skriva arbetsboken");
  try {
    std::vector<std::byte> bytes = read_file(path_, path_.filename().string());
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  } catch (const ReadError& e) {
    throw RunError(fmt::format("{} kunde inte läsas tillbaka: {}", subject_, e.what()));
  }
}

lxw_format* Formats::operator()(const style::Look& look) {
  auto [it, made] = formats_.try_emplace(look, nullptr);
  if (!made) return it->second;
  lxw_format* f = book_.add_format();
  if (look.bold) format_set_bold(f);
  if (look.italic) format_set_italic(f);
  if (!look.number.empty()) format_set_num_format(f, std::string(look.number).c_str());
  if (look.fill != style::kNoFill) format_set_bg_color(f, look.fill);
  if (look.wrap) format_set_text_wrap(f);
  format_set_align(f, look.middle ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP);
  if (look.center) format_set_align(f, LXW_ALIGN_CENTER);
  if (look.right) format_set_align(f, LXW_ALIGN_RIGHT);
  if (look.left) format_set_align(f, LXW_ALIGN_LEFT);
  if (look.indent > 0) format_set_indent(f, look.indent);
  if (look.rule) format_set_top(f, LXW_BORDER_THIN);
  if (look.boxed) format_set_border(f, LXW_BORDER_THIN);
  if (look.double_under) format_set_bottom(f, LXW_BORDER_DOUBLE);
  if (look.size > 0) format_set_font_size(f, look.size);
  if (look.color != style::kNoFill) format_set_font_color(f, look.color);
  if (look.link) {
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f, style::kLinkColor);
  }
  if (look.unlocked) format_set_unlocked(f);
  it->second = f;
  return f;
}

}  // namespace arsanalys::writer

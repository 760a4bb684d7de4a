#include "writer/workbook.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "core/text.h"

namespace arsanalys::writer {

std::time_t new_year(int year) {
  using namespace std::chrono;
  sys_days day{std::chrono::year{year} / January / 1};
  return static_cast<std::time_t>(duration_cast<seconds>(day.time_since_epoch()).count());
}

std::size_t text_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t lines_needed(std::string_view text, double chars) {
  auto per_line = std::max<std::size_t>(1, static_cast<std::size_t>(chars * 1.05));
  std::size_t lines = 0;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find('\n', start);
    std::string_view part = text.substr(start, end == std::string_view::npos ? end : end - start);
    lines += std::max<std::size_t>(1, (text_length(part) + per_line - 1) / per_line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string sheet_name(std::string_view wanted) {
  std::string name;
  for (char c : wanted) {
    bool bad = std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
               static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    name += bad ? '-' : c;
  }
  clean_text(name);  // invalid UTF-8 and C1 controls
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  // At most 31 characters, cut at a character boundary.
  std::size_t chars = 0;
  std::size_t cut = name.size();
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) continue;
    if (chars++ == 31) {
      cut = i;
      break;
    }
  }
  name.resize(cut);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.pop_back();
  if (name.empty()) return "Blad";
  // Excel keeps "History" for its change tracking and refuses a sheet of that name.
  if (fold(name) == "history") name += "-";
  return name;
}

namespace {

/// The first `n` characters of UTF-8 text.
std::string first_chars(std::string_view text, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts && chars++ == n) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

}  // namespace

SheetNames::SheetNames(std::initializer_list<std::string_view> reserved) {
  for (std::string_view name : reserved) reserve(name);
}

void SheetNames::reserve(std::string_view name) { taken_.insert(fold(sheet_name(name))); }

std::string SheetNames::claim(std::string_view wanted) {
  std::string name = sheet_name(wanted);
  for (int n = 2; taken_.count(fold(name)) != 0; ++n) {
    std::string suffix = fmt::format(" ({})", n);
    name = sheet_name(first_chars(sheet_name(wanted), 31 - suffix.size()) + suffix);
  }
  taken_.insert(fold(name));
  return name;
}

std::string sheet_ref(std::string_view sheet, std::string_view cell) {
  return fmt::format("{}!{}", quoted_sheet(sheet), cell);
}

}  // namespace arsanalys::writer

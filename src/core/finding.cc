#include "core/finding.h"

#include "core/text.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "core/text.h"

namespace arsanalys {

void clean_findings(Findings& findings) {
  for (Finding& f : findings) {
    for (std::string* text : {&f.code, &f.where.file, &f.where.sheet, &f.where.cell, &f.message}) {
      clean_text(*text);
    }
  }
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::fel: return "fel";
    case Level::varning: return "varning";
    case Level::info: return "info";
  }
  return "info";
}

std::string Location::ref() const {
  if (sheet.empty()) return {};
  bool plain = std::all_of(sheet.begin(), sheet.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  std::string name = plain ? sheet : quoted_sheet(sheet);
  return cell.empty() ? name : fmt::format("{}!{}", name, cell);
}

std::string describe(const Finding& f) {
  std::string out = f.where.file;
  if (!f.where.sheet.empty()) out += fmt::format(": blad '{}'", f.where.sheet);
  // A text file's place is a line ("rad 7", omgang.toml); a workbook's a cell.
  if (f.where.cell.starts_with("rad ")) {
    out += fmt::format(" {}", f.where.cell);
  } else if (!f.where.cell.empty()) {
    out += fmt::format(" cell {}", f.where.cell);
  }
  return fmt::format("{}: {}", out, f.message);
}

namespace {

/// Row and column numbers of an A1 reference, for ordering only (0, 0 when it is none).
std::pair<std::uint64_t, std::uint64_t> row_col(std::string_view cell) {
  std::uint64_t col = 0, row = 0;
  std::size_t i = 0;
  for (; i < cell.size() && cell[i] >= 'A' && cell[i] <= 'Z' && col < (1u << 20); ++i) {
    col = col * 26 + static_cast<std::uint64_t>(cell[i] - 'A' + 1);
  }
  for (; i < cell.size() && cell[i] >= '0' && cell[i] <= '9' && row < (1u << 24); ++i) {
    row = row * 10 + static_cast<std::uint64_t>(cell[i] - '0');
  }
  return {row, col};
}

}  // namespace

void sort_findings(Findings& findings) {
  auto key = [](const Finding& f) {
    auto [row, col] = row_col(f.where.cell);
    return std::tuple(f.where.file, f.where.sheet, row, col, f.code);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

std::string count_levels(const Findings& findings) {
  long long n[3] = {0, 0, 0};
  for (const Finding& f : findings) ++n[static_cast<int>(f.level)];
  return fmt::format("{}, {}, {} info", count_phrase(n[0], "ett fel", "fel"),
                     count_phrase(n[1], "en varning", "varningar"), n[2]);
}

}  // namespace arsanalys

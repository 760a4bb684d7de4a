#include "xlsx/cell_ref.h"

namespace arsanalys::xlsx {

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint32_t col = 0;
  std::size_t letters = 0;
  for (; i < text.size(); ++i, ++letters) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (letters == 3) return std::nullopt;
    col = col * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  if (letters == 0 || col > kMaxCols) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  std::uint32_t row = 0;
  std::size_t digits = 0;
  for (; i < text.size(); ++i, ++digits) {
    char c = text[i];
    if (c < '0' || c > '9' || digits == 7) return std::nullopt;
    row = row * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (digits == 0 || row == 0 || row > kMaxRows) return std::nullopt;
  return CellRef{row - 1, col - 1};
}

std::optional<Range> parse_range(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    auto cell = parse_cell_ref(text);
    if (!cell) return std::nullopt;
    return Range{*cell, *cell};
  }
  auto first = parse_cell_ref(text.substr(0, colon));
  auto last = parse_cell_ref(text.substr(colon + 1));
  if (!first || !last) return std::nullopt;
  Range r{{std::min(first->row, last->row), std::min(first->col, last->col)},
          {std::max(first->row, last->row), std::max(first->col, last->col)}};
  return r;
}

std::string column_name(std::uint32_t col) {
  std::string name;
  std::uint32_t n = col + 1;
  while (n > 0) {
    std::uint32_t rem = (n - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return name;
}

std::string to_string(const CellRef& ref) {
  return column_name(ref.col) + std::to_string(ref.row + 1);
}

std::string to_string(const Range& range) {
  if (range.first == range.last) return to_string(range.first);
  return to_string(range.first) + ":" + to_string(range.last);
}

}  // namespace arsanalys::xlsx

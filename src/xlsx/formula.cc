#include "xlsx/formula.h"

#include "xlsx/cell_ref.h"

namespace arsanalys::xlsx {
namespace {

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == '\\' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// One side of a reference: `$A$1`, `A1`, `$A`, `1`, ...
struct Part {
  bool col_abs = false, row_abs = false;
  long col = -1, row = -1;  // -1: absent
  std::size_t end = 0;      // index after the part
};

/// Reads `$?LETTERS$?DIGITS`, `$?LETTERS` or `$?DIGITS` at i.
Part read_part(std::string_view f, std::size_t i) {
  Part p;
  std::size_t j = i;
  bool dollar = j < f.size() && f[j] == '$';
  if (dollar) ++j;
  std::size_t letters_begin = j;
  long col = 0;
  while (j < f.size() && is_letter(f[j]) && j - letters_begin < 4) {
    char c = static_cast<char>(f[j] & ~0x20);
    col = col * 26 + (c - 'A' + 1);
    ++j;
  }
  if (j > letters_begin) {
    p.col_abs = dollar;
    p.col = col - 1;
    dollar = j < f.size() && f[j] == '$';
    if (dollar) ++j;
  }
  std::size_t digits_begin = j;
  long row = 0;
  while (j < f.size() && is_digit(f[j]) && j - digits_begin < 8) {
    row = row * 10 + (f[j] - '0');
    ++j;
  }
  if (j > digits_begin) {
    p.row_abs = dollar;
    p.row = row - 1;
  } else if (dollar) {
    --j;  // a trailing '$' belongs to nothing
  }
  p.end = j;
  return p;
}

bool valid(const Part& p) {
  return (p.col < 0 || p.col < static_cast<long>(kMaxCols)) &&
         (p.row < 0 || (p.row >= 0 && p.row < static_cast<long>(kMaxRows)));
}

/// Writes the part moved; false when it leaves the grid.
bool write_part(const Part& p, long rows, long cols, std::string& out) {
  long col = p.col, row = p.row;
  if (col >= 0 && !p.col_abs) col += cols;
  if (row >= 0 && !p.row_abs) row += rows;
  if (col >= static_cast<long>(kMaxCols) || row >= static_cast<long>(kMaxRows)) return false;
  if ((p.col >= 0 && col < 0) || (p.row >= 0 && row < 0)) return false;
  if (p.col >= 0) {
    if (p.col_abs) out.push_back('$');
    out += column_name(static_cast<std::uint32_t>(col));
  }
  if (p.row >= 0) {
    if (p.row_abs) out.push_back('$');
    out += std::to_string(row + 1);
  }
  return true;
}

/// A reference starting at i: a cell `A1`, or a range of cells, columns or rows. Returns the
/// index after it, or 0 when there is none.
std::size_t try_reference(std::string_view f, std::size_t i, long rows, long cols,
                          std::string& out) {
  Part a = read_part(f, i);
  if (a.end == i || !valid(a)) return 0;
  Part b;
  bool range = a.end < f.size() && f[a.end] == ':';
  if (range) {
    b = read_part(f, a.end + 1);
    bool same_kind = (b.col >= 0) == (a.col >= 0) && (b.row >= 0) == (a.row >= 0);
    if (b.end == a.end + 1 || !valid(b) || !same_kind) range = false;
  }
  bool is_cell = a.col >= 0 && a.row >= 0;
  if (!range && !is_cell) return 0;  // a lone `A` or `12` is a name or a number
  std::size_t end = range ? b.end : a.end;
  if (end < f.size() && (is_name_char(f[end]) || f[end] == '(' || f[end] == '!')) return 0;
  std::string moved;
  bool ok = write_part(a, rows, cols, moved);
  if (range) {
    moved.push_back(':');
    ok = ok && write_part(b, rows, cols, moved);
  }
  out += ok ? moved : std::string("#REF!");
  return end;
}

/// Copies a quoted run (`"..."` or `'...'`, doubled quotes inside) starting at i.
std::size_t copy_quoted(std::string_view f, std::size_t i, std::string& out) {
  char q = f[i];
  std::size_t j = i + 1;
  while (j < f.size()) {
    if (f[j] == q) {
      if (j + 1 < f.size() && f[j + 1] == q) {
        j += 2;
        continue;
      }
      ++j;
      break;
    }
    ++j;
  }
  out.append(f.substr(i, j - i));
  return j;
}

}  // namespace

std::string shift_formula(std::string_view f, long rows, long cols) {
  std::string out;
  out.reserve(f.size() + 8);
  std::size_t i = 0;
  while (i < f.size()) {
    char c = f[i];
    if (c == '"' || c == '\'') {
      i = copy_quoted(f, i, out);
      continue;
    }
    if (c == '[') {  // structured reference or external-book index: copied whole
      int depth = 0;
      std::size_t j = i;
      for (; j < f.size(); ++j) {
        if (f[j] == '[') ++depth;
        if (f[j] == ']' && --depth == 0) break;
      }
      j = std::min(j + 1, f.size());
      out.append(f.substr(i, j - i));
      i = j;
      continue;
    }
    bool boundary = i == 0 || !is_name_char(f[i - 1]);
    if (boundary && (c == '$' || is_letter(c) || is_digit(c))) {
      if (std::size_t end = try_reference(f, i, rows, cols, out)) {
        i = end;
        continue;
      }
      // Not a reference: copy the whole word so its tail is not mistaken for one.
      std::size_t j = i + 1;
      while (j < f.size() && (is_name_char(f[j]) || f[j] == '$')) ++j;
      out.append(f.substr(i, j - i));
      i = j;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace arsanalys::xlsx


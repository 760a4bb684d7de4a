#include "writer/lean_xlsx.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "core/error.h"
#include "writer/xlsx_parts.h"

namespace arsanalys::writer {
namespace {

using style::Look;
using namespace xlsx_parts;  // NOLINT: the package parts are this file's vocabulary

}  // namespace

// --- LeanSheet --------------------------------------------------------------------------------

LeanSheet::LeanSheet(std::string subject, std::string name)
    : subject_(std::move(subject)), name_(std::move(name)) {
  properties_.created = 0;
}

void LeanSheet::set_properties(const BookProperties& properties) { properties_ = properties; }

void LeanSheet::check_cell(Row row, Col col) const {
  xlsx_parts::check_cell(subject_, name_, row, col);
}

std::uint32_t LeanSheet::shared(const std::string& text) {
  ++*string_uses_;
  constexpr std::size_t kSeen = 4096;  // a power of two
  if (seen_.empty()) seen_.resize(kSeen);
  Seen& seen = seen_[(reinterpret_cast<std::uintptr_t>(&text) >> 3) & (kSeen - 1)];
  if (seen.at == &text && (*strings_)[seen.index] == text) return seen.index;
  seen.at = &text;
  return seen.index = strings_->index(text);
}

void LeanSheet::put(Row row, Col col, Kind kind, const Look& look,
                    std::uint32_t index, double value) {
  cells_.push_back(
      Cell{row, col, kind, looks_->id(look), static_cast<std::uint32_t>(cells_.size()), index, value});
}

void LeanSheet::text(Row row, Col col, const std::string& text, const Look& look) {
  check_cell(row, col);
  check_text(subject_, name_, row, col, text);
  if (text.empty()) {  // as libxlsxwriter: an empty text is a blank cell in its look
    blank(row, col, look);
    return;
  }
  put(row, col, Kind::text, look, shared(text), 0);
}

void LeanSheet::number(Row row, Col col, double value, const Look& look) {
  check_cell(row, col);
  put(row, col, Kind::number, look, 0, value);
}

void LeanSheet::formula(Row row, Col col, const std::string& formula, double cached,
                        const Look& look) {
  check_cell(row, col);
  std::string_view f = formula;
  if (!f.empty() && f.front() == '=') f.remove_prefix(1);
  formulas_.emplace_back(f);
  put(row, col, Kind::formula, look, static_cast<std::uint32_t>(formulas_.size() - 1), cached);
}

void LeanSheet::blank(Row row, Col col, const Look& look) {
  check_cell(row, col);
  put(row, col, Kind::blank, look, 0, 0);
}

void LeanSheet::merge_range(Row row, Col first, Col last,
                            const std::string& text, const Look& look) {
  check_cell(row, last);
  LeanSheet::text(row, first, text, look);
  for (Col c = first + 1; c <= last; ++c) blank(row, c, look);
  merged_.push_back(Merge{row, first, last});
}

void LeanSheet::width(Col first, Col last, double chars) {
  check_cell(0, last);
  columns_.push_back(Column{first, last, chars});
}

void LeanSheet::row_height(Row row, double points) {
  check_cell(row, 0);
  heights_[row] = points;
}

void LeanSheet::header(const std::string& codes) { header_ = codes; }

void LeanSheet::freeze(Row row, Col col) {
  check_cell(row, col);
  freeze_row_ = row;
  freeze_col_ = col;
}

void LeanSheet::print_wide(Row repeat_first, Row repeat_last) {
  check_cell(repeat_last, 0);
  print_wide_ = true;
  repeat_first_ = repeat_first;
  repeat_last_ = repeat_last;
}

std::string LeanSheet::sheet_xml() {
  // The cells in order, of a cell written twice the last write: by row with a counting sort
  // (cells_ is in the order of writing), then by column within the row (a few cells each).
  Row last_row = 0;
  for (const Cell& c : cells_) last_row = std::max(last_row, c.row);
  std::vector<std::uint32_t> start(cells_.empty() ? 1 : last_row + 2, 0);
  for (const Cell& c : cells_) ++start[c.row + 1];
  for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  std::vector<Cell> by_row(cells_.size());
  for (const Cell& c : cells_) by_row[start[c.row]++] = c;
  auto before = [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col != b.col ? a.col < b.col : a.seq < b.seq;
  };
  for (std::size_t i = 1; i < by_row.size(); ++i) {  // insertion: rows are short
    for (std::size_t j = i; j > 0 && before(by_row[j], by_row[j - 1]); --j) {
      std::swap(by_row[j], by_row[j - 1]);
    }
  }
  std::vector<Cell> cells;
  cells.reserve(by_row.size());
  for (std::size_t i = 0; i < by_row.size(); ++i) {
    bool overwritten = i + 1 < by_row.size() && by_row[i + 1].row == by_row[i].row &&
                       by_row[i + 1].col == by_row[i].col;
    if (!overwritten) cells.push_back(by_row[i]);
  }
  cells_.clear();
  cells_.shrink_to_fit();

  SheetFrame frame;
  frame.print_wide = print_wide_;
  {
    // Rows of the cells and of the row heights, columns of the cells (as libxlsxwriter counts).
    Row min_row = kMaxRows, max_row = 0;
    Col min_col = kMaxCols, max_col = 0;
    for (const Cell& c : cells) {
      min_col = std::min(min_col, c.col);
      max_col = std::max(max_col, c.col);
    }
    if (!cells.empty()) {
      min_row = cells.front().row;
      max_row = cells.back().row;
    }
    if (!heights_.empty()) {
      min_row = std::min(min_row, heights_.begin()->first);
      max_row = std::max(max_row, heights_.rbegin()->first);
    }
    if (min_col > max_col) min_col = max_col = 0;
    if (min_row > max_row) min_row = max_row = 0;
    frame.used = Area{min_row, max_row, min_col, max_col};
  }
  frame.freeze_row = freeze_row_;
  frame.freeze_col = freeze_col_;
  for (const Column& c : columns_) frame.columns.push_back({{c.first, c.last}, c.width});
  for (const Merge& m : merged_) frame.merged.push_back(Area{m.row, m.row, m.first, m.last});
  frame.header = header_;

  Out out(cells.size() * 56 + 4096);
  frame.head(out);
  auto height = heights_.begin();
  // The columns used in the block of 16 rows of the row being written (cells are by row).
  Row block = 0;
  Col block_first = 0, block_last = 0;
  auto open_row = [&](Row row, bool empty) {
    out << "<row r=\"" << static_cast<std::uint32_t>(row + 1) << '"';
    if (!empty) spans(out, block_first, block_last);
    if (height != heights_.end() && height->first == row) {
      out << " ht=\"";
      out.num(height->second) << "\" customHeight=\"1\"";
      ++height;
    }
    out << (empty ? "/>" : ">");
  };
  for (std::size_t i = 0; i < cells.size();) {
    const Row row = cells[i].row;
    if (i == 0 || row / kSpanRows != block) {
      block = row / kSpanRows;
      block_first = cells[i].col;
      block_last = cells[i].col;
      for (std::size_t j = i; j < cells.size() && cells[j].row / kSpanRows == block; ++j) {
        block_first = std::min(block_first, cells[j].col);
        block_last = std::max(block_last, cells[j].col);
      }
    }
    while (height != heights_.end() && height->first < row) open_row(height->first, true);
    open_row(row, false);
    const RowNumber number(row);
    for (; i < cells.size() && cells[i].row == row; ++i) {
      const Cell& c = cells[i];
      // Formats are numbered in the order the sheet shows them, as Excel and libxlsxwriter do.
      cell_head(out, number, c.col, looks_->xf(c.look));
      switch (c.kind) {
        case Kind::text:
          out << " t=\"s\"><v>" << c.index << "</v></c>";
          break;
        case Kind::number:
          number_cell(out, c.value);
          break;
        case Kind::formula:
          formula_cell(out, formulas_[c.index], c.value);
          break;
        case Kind::blank:
          out << "/>";
          break;
      }
    }
    out << "</row>";
  }
  while (height != heights_.end()) open_row(height->first, true);
  frame.tail(out);
  return out.take();
}

std::string LeanSheet::strings_xml() const {
  std::size_t bytes = 0;
  for (std::string_view s : *strings_) bytes += s.size() + 16;
  Out out(bytes + 256);
  out << kXmlHead << "<sst xmlns=\"" << kMainNs << "\" count=\"" << *string_uses_
      << "\" uniqueCount=\"" << static_cast<std::uint64_t>(strings_->size()) << "\">";
  for (std::string_view s : *strings_) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    bool preserve = !s.empty() && (space(s.front()) || space(s.back()));
    out << (preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>");
    out.escaped(s) << "</t></si>";
  }
  out << "</sst>";
  return out.take();
}

LeanSheet& LeanSheet::add_sheet(std::string name) {
  auto sheet = std::unique_ptr<LeanSheet>(new LeanSheet(subject_, std::move(name)));
  sheet->looks_ = looks_;
  sheet->strings_ = strings_;
  sheet->string_uses_ = string_uses_;
  more_.push_back(std::move(sheet));
  return *more_.back();
}

std::string LeanSheet::finish() {
  std::vector<SheetEntry> entries{{name_, print_wide_, repeat_first_, repeat_last_, ""}};
  std::vector<ZipPart> sheets;
  sheets.push_back({"", sheet_xml()});  // numbers the formats, so before styles_part()
  for (const auto& more : more_) {
    entries.push_back({more->name_, more->print_wide_, more->repeat_first_, more->repeat_last_, ""});
    sheets.push_back({"", more->sheet_xml()});
  }
  std::vector<ZipPart> parts =
      package(entries, std::move(sheets), strings_xml(), looks_->styles(), properties_);
  return zip_parts(parts, subject_);
}

}  // namespace arsanalys::writer

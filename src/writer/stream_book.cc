#include "writer/stream_book.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <utility>

#include "core/error.h"
#include "writer/xlsx_parts.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::writer {
namespace {

using style::Look;
using namespace xlsx_parts;  // NOLINT: the package parts are this file's vocabulary

}  // namespace

namespace {

constexpr std::size_t kStreamBuffer = std::size_t{64} << 10;  // rows collected before a write

[[noreturn]] void scratch_failed(const std::string& subject, int err) {
  throw RunError(
      fmt::format("{} kunde inte skapas: den temporära filen gick inte att skriva "
                  "({}).",
                  subject, system_error_text(err)));
}

/// An anonymous temporary file in the system temp folder (TMPDIR, else /tmp), removed from the
/// folder at once, so nothing is left behind however the run ends. (std::tmpfile ignores
/// TMPDIR.)
std::FILE* scratch_stream(const std::string& subject) {
  std::string pattern = (std::filesystem::temp_directory_path() / "arsanalys-stream-XXXXXX").string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) scratch_failed(subject, errno);
  ::unlink(pattern.c_str());
  std::FILE* f = ::fdopen(fd, "w+b");
  if (f == nullptr) {
    int err = errno;
    ::close(fd);
    scratch_failed(subject, err);
  }
  return f;
}

}  // namespace

StreamSheet::StreamSheet(StreamBook& book, std::string name)
    : book_(book), name_(std::move(name)) {
  body_ = scratch_stream(book_.subject());
}

StreamSheet::~StreamSheet() {
  if (body_ != nullptr) std::fclose(body_);
}

void StreamSheet::write_body(std::string_view xml) {
  if (xml.empty()) return;
  if (std::fwrite(xml.data(), 1, xml.size(), body_) != xml.size()) {
    scratch_failed(book_.subject(), errno);
  }
}

void StreamSheet::note_row(Row row) {
  min_row_ = any_dimension_ ? std::min(min_row_, row) : row;
  max_row_ = any_dimension_ ? std::max(max_row_, row) : row;
  any_dimension_ = true;
}

StreamSheet::Cell& StreamSheet::put(Row row, Col col, Kind kind, const Look& look) {
  check_cell(book_.subject(), name_, row, col);
  if (any_row_ && row < row_) {
    throw RunError(fmt::format("{} kunde inte skapas: bladet '{}' skrivs rad för rad, men rad {} "
                               "kom efter rad {}.",
                               book_.subject(), name_, static_cast<std::uint64_t>(row) + 1,
                               static_cast<std::uint64_t>(row_) + 1));
  }
  if (!any_row_ || row != row_) {
    flush_row(row);
    row_ = row;
    any_row_ = true;
  }
  note_row(row);
  if (!any_cell_) {
    min_col_ = max_col_ = col;
    any_cell_ = true;
  }
  min_col_ = std::min(min_col_, col);
  max_col_ = std::max(max_col_, col);
  cells_.push_back(Cell{col, kind, static_cast<std::uint32_t>(cells_.size()),
                        book_.looks_.id(look), 0, {}});
  return cells_.back();
}

void StreamSheet::flush_row(Row next) {
  if (!cells_.empty()) {
    std::stable_sort(cells_.begin(), cells_.end(), [](const Cell& a, const Cell& b) {
      return a.col != b.col ? a.col < b.col : a.seq < b.seq;
    });
    if (span_at_.empty() || row_ / kSpanRows != block_) {
      close_block();
      block_ = row_ / kSpanRows;
      block_first_ = cells_.front().col;
      block_last_ = cells_.back().col;
    }
    block_first_ = std::min(block_first_, cells_.front().col);
    block_last_ = std::max(block_last_, cells_.back().col);
  }
  Out out;
  // Rows that have a height and no cells, above `limit`.
  auto empty_rows_below = [&](Row limit) {
    while (!heights_.empty() && heights_.begin()->first < limit) {
      out << "<row r=\"" << static_cast<std::uint32_t>(heights_.begin()->first + 1) << "\" ht=\"";
      out.num(heights_.begin()->second) << "\" customHeight=\"1\"/>";
      heights_.erase(heights_.begin());
    }
  };
  if (!cells_.empty()) {
    empty_rows_below(row_);
    out << "<row r=\"" << static_cast<std::uint32_t>(row_ + 1) << '"';
    span_at_.push_back(block_xml_.size() + out.size());  // the block's spans go here
    if (auto h = heights_.find(row_); h != heights_.end()) {
      out << " ht=\"";
      out.num(h->second) << "\" customHeight=\"1\"";
      heights_.erase(h);
    }
    out << '>';
    const RowNumber number(row_);
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      if (i + 1 < cells_.size() && cells_[i + 1].col == cells_[i].col) continue;  // overwritten
      const Cell& c = cells_[i];
      cell_head(out, number, c.col, book_.looks_.xf(c.look));
      switch (c.kind) {
        case Kind::text: {
          auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
          bool preserve = !c.text.empty() && (space(c.text.front()) || space(c.text.back()));
          out << " t=\"inlineStr\"><is>" << (preserve ? "<t xml:space=\"preserve\">" : "<t>");
          out.escaped(c.text) << "</t></is></c>";
          break;
        }
        case Kind::number:
          number_cell(out, c.value);
          break;
        case Kind::formula:
          formula_cell(out, c.text, c.value);
          break;
        case Kind::blank:
          out << "/>";
          break;
      }
    }
    out << "</row>";
    cells_.clear();
  }
  empty_rows_below(next);
  if (span_at_.empty()) {  // no row waits for its block's spans
    buffer_ += out.take();
  } else {
    block_xml_ += out.take();
  }
  if (buffer_.size() >= kStreamBuffer) {
    write_body(buffer_);
    buffer_.clear();
  }
}

void StreamSheet::close_block() {
  if (span_at_.empty()) return;
  Out attribute;
  spans(attribute, block_first_, block_last_);
  const std::string text = attribute.take();
  std::size_t from = 0;
  for (std::size_t at : span_at_) {
    buffer_.append(block_xml_, from, at - from).append(text);
    from = at;
  }
  buffer_.append(block_xml_, from);
  block_xml_.clear();
  span_at_.clear();
}

void StreamSheet::text(Row row, Col col, const std::string& text, const Look& look) {
  check_text(book_.subject(), name_, row, col, text);
  if (text.empty()) {  // as libxlsxwriter: an empty text is a blank cell in its look
    blank(row, col, look);
    return;
  }
  put(row, col, Kind::text, look).text = text;
}

void StreamSheet::number(Row row, Col col, double value, const Look& look) {
  put(row, col, Kind::number, look).value = value;
}

void StreamSheet::formula(Row row, Col col, const std::string& formula,
                          double cached, const Look& look) {
  Cell& c = put(row, col, Kind::formula, look);
  std::string_view f = formula;
  if (!f.empty() && f.front() == '=') f.remove_prefix(1);
  c.text = f;
  c.value = cached;
}

void StreamSheet::blank(Row row, Col col, const Look& look) {
  put(row, col, Kind::blank, look);
}

void StreamSheet::link(Row row, Col col, const std::string& sheet,
                       const std::string& text) {
  StreamSheet::text(row, col, text, Look{.link = true});
  links_.emplace_back(xlsx::to_string(xlsx::CellRef{row, col}), sheet_ref(sheet, "A1"));
}

void StreamSheet::merge_range(Row row, Col first, Col last,
                              const std::string& text, const Look& look) {
  StreamSheet::text(row, first, text, look);
  for (Col c = first + 1; c <= last; ++c) blank(row, c, look);
  merged_.push_back(Range{row, row, first, last});
}

void StreamSheet::width(Col first, Col last, double chars) {
  columns_.push_back({{first, last}, chars});
}

void StreamSheet::row_height(Row row, double points) {
  if (any_row_ && row < row_) {
    throw RunError(fmt::format("{} kunde inte skapas: bladet '{}' skrivs rad för rad, men "
                               "radhöjden för rad {} kom efter rad {}.",
                               book_.subject(), name_, static_cast<std::uint64_t>(row) + 1,
                               static_cast<std::uint64_t>(row_) + 1));
  }
  heights_[row] = points;
  note_row(row);
}

void StreamSheet::header(const std::string& codes) { header_ = codes; }

void StreamSheet::freeze(Row row, Col col) {
  freeze_row_ = row;
  freeze_col_ = col;
}

void StreamSheet::print_wide(Row repeat_first, Row repeat_last) {
  print_wide_ = true;
  repeat_first_ = repeat_first;
  repeat_last_ = repeat_last;
}

void StreamSheet::autofilter(Row first_row, Col first_col, Row last_row,
                             Col last_col) {
  filter_ = Range{first_row, last_row, first_col, last_col};
}

std::FILE* StreamSheet::finish() {
  flush_row(kMaxRows);  // the last row and the heights below it
  close_block();
  write_body(buffer_);
  buffer_.clear();
  buffer_.shrink_to_fit();

  SheetFrame frame;
  frame.selected = &book_.sheets_.front() == this;
  frame.print_wide = print_wide_;
  if (any_dimension_) {
    frame.used = Area{min_row_, max_row_, any_cell_ ? min_col_ : Col{0},
                      any_cell_ ? max_col_ : Col{0}};
  }
  frame.freeze_row = freeze_row_;
  frame.freeze_col = freeze_col_;
  frame.columns = columns_;
  for (const Range& m : merged_) frame.merged.push_back(Area{m.first_row, m.last_row, m.first_col, m.last_col});
  if (filter_) {
    frame.filter = Area{filter_->first_row, filter_->last_row, filter_->first_col, filter_->last_col};
  }
  frame.links = links_;
  frame.header = header_;

  std::FILE* part = scratch_stream(book_.subject());
  auto write = [&](std::string_view xml) {
    if (std::fwrite(xml.data(), 1, xml.size(), part) != xml.size()) {
      int err = errno;
      std::fclose(part);
      scratch_failed(book_.subject(), err);
    }
  };
  Out head;
  frame.head(head);
  write(head.take());
  std::rewind(body_);
  std::vector<char> chunk(kStreamBuffer);
  for (std::size_t n; (n = std::fread(chunk.data(), 1, chunk.size(), body_)) > 0;) {
    write(std::string_view(chunk.data(), n));
  }
  if (std::ferror(body_) != 0) {
    std::fclose(part);
    scratch_failed(book_.subject(), EIO);
  }
  std::fclose(std::exchange(body_, nullptr));
  Out tail;
  frame.tail(tail);
  write(tail.take());
  if (std::fflush(part) != 0) {
    int err = errno;
    std::fclose(part);
    scratch_failed(book_.subject(), err);
  }
  std::rewind(part);
  return part;
}

StreamBook::StreamBook(std::string subject, std::filesystem::path file)
    : subject_(std::move(subject)), file_(std::move(file)) {}

void StreamBook::set_properties(const BookProperties& properties) { properties_ = properties; }

StreamSheet& StreamBook::add_sheet(const std::string& name) {
  return sheets_.emplace_back(*this, name);
}

void StreamBook::close() {
  std::vector<SheetEntry> entries;
  std::vector<ZipPart> sheets;
  try {
    for (StreamSheet& ws : sheets_) {
      SheetEntry e{ws.name_, ws.print_wide_, ws.repeat_first_, ws.repeat_last_, ""};
      if (ws.filter_) {
        e.filter = fmt::format("${}${}:${}${}", xlsx::column_name(ws.filter_->first_col),
                               ws.filter_->first_row + 1, xlsx::column_name(ws.filter_->last_col),
                               ws.filter_->last_row + 1);
      }
      entries.push_back(std::move(e));
      sheets.push_back({"", {}, ws.finish()});  // numbers the formats, so before styles_part()
    }
  } catch (...) {
    for (ZipPart& p : sheets) std::fclose(p.file);
    throw;
  }
  std::vector<ZipPart> parts =
      package(entries, std::move(sheets), std::nullopt, looks_.styles(), properties_);
  zip_parts(parts, subject_, file_);
}

}  // namespace arsanalys::writer


#pragma once
// The parts of an xlsx package as the lean writers (LeanSheet in lean_xlsx.h, StreamBook in
// stream_book.h) put them together: XML text appended without a printf per value, a cell's
// start tag, a worksheet's frame around its rows, the workbook, relationships, content types
// and document properties, and the zip around them (writer::ZipWriter, libdeflate).
//
// Internal to the lean writers. Free of libxlsxwriter and of the domain.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "writer/workbook.h"

namespace arsanalys::writer::xlsx_parts {

inline constexpr Row kMaxRows = 1048576;
inline constexpr Col kMaxCols = 16384;
inline constexpr std::size_t kMaxTextChars = 32767;  // what Excel keeps in a cell

inline constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The letters of a 0-based column ("A", "AB", at most 3) at `to`; returns the end.
inline char* column_letters(char* to, Col col) {
  if (col < 26) {
    *to = static_cast<char>('A' + col);
    return to + 1;
  }
  char letters[4];
  int n = 0;
  for (std::uint32_t c = col + 1u; c > 0; c = (c - 1) / 26) {
    letters[n++] = static_cast<char>('A' + (c - 1) % 26);
  }
  while (n > 0) *to++ = letters[--n];
  return to;
}

/// Appending to XML text without a printf per value.
class Out {
 public:
  explicit Out(std::size_t reserve = 0) { s_.reserve(reserve); }
  Out& operator<<(std::string_view v) {
    s_.append(v);
    return *this;
  }
  Out& operator<<(char c) {
    s_.push_back(c);
    return *this;
  }
  Out& operator<<(std::uint64_t n) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    s_.append(buf, r.ptr);
    return *this;
  }
  Out& operator<<(std::uint32_t n) { return *this << static_cast<std::uint64_t>(n); }
  Out& operator<<(std::uint16_t n) { return *this << static_cast<std::uint64_t>(n); }
  Out& operator<<(int n) = delete;  // say which width is meant

  /// A number as libxlsxwriter and Excel print it: "%.16G".
  Out& num(double v) {
    char buf[40];
    if (std::abs(v) < 1e15 && v == std::trunc(v)) {
      auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
      s_.append(buf, r.ptr);
      return *this;
    }
    // The last few fractions printed, by their bits: a statement prints a key's share on
    // every line of that key, and 16 significant digits take long to work out.
    struct Printed {
      std::uint64_t bits = 0;
      std::uint8_t size = 0;  // 0: none
      char text[31];
    };
    thread_local std::array<Printed, 64> printed{};
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    Printed& p = printed[(bits * 0x9E3779B97F4A7C15ull) >> 58];
    if (p.size != 0 && p.bits == bits) {
      s_.append(p.text, p.size);
      return *this;
    }
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 16);
    for (char* c = buf; c != r.ptr; ++c) {
      if (*c == 'e') *c = 'E';
    }
    const auto size = static_cast<std::size_t>(r.ptr - buf);
    s_.append(buf, size);
    if (size <= sizeof p.text) {
      p.bits = bits;
      p.size = static_cast<std::uint8_t>(size);
      std::memcpy(p.text, buf, size);
    }
    return *this;
  }

  /// A1-style reference of a 0-based cell.
  Out& ref(Row row, Col col) {
    char letters[4];
    const char* end = column_letters(letters, col);
    s_.append(letters, static_cast<std::size_t>(end - letters));
    return *this << static_cast<std::uint32_t>(row + 1);
  }

  std::size_t size() const { return s_.size(); }

  /// Text for an element's content or (`attribute`) an attribute's value: markup characters
  /// as entities, control characters Excel's way (_x0001_), and a literal "_x0041_" kept
  /// literal (_x005F_x0041_) so a reader does not decode it.
  Out& escaped(std::string_view t, bool attribute = false) {
    // A character that may need more than itself: markup, '_', controls (and, in an
    // attribute, '"'). Runs of the others are copied whole.
    auto plain = [attribute](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && c != '&' && c != '<' && c != '>' && c != '_' && !(attribute && c == '"');
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
      std::size_t run = i;
      while (run < t.size() && plain(t[run])) ++run;
      if (run > i) {
        s_.append(t.data() + i, run - i);
        i = run;
        if (i == t.size()) break;
      }
      const char c = t[i];
      switch (c) {
        case '&': s_.append("&amp;"); break;
        case '<': s_.append("&lt;"); break;
        case '>': s_.append("&gt;"); break;
        case '"':
          if (attribute) {
            s_.append("&quot;");
          } else {
            s_.push_back(c);
          }
          break;
        case '_':
          if (!attribute && looks_escaped(t.substr(i))) s_.append("_x005F");
          s_.push_back(c);
          break;
        default: {
          auto u = static_cast<unsigned char>(c);
          // A carriage return too: XML would read it back as a line feed.
          if (u < 0x20 && c != '\t' && c != '\n' && !(attribute && c == '\r')) {
            s_.append(fmt::format("_x{:04X}_", u));
          } else if (attribute && (c == '\t' || c == '\n' || c == '\r')) {
            s_.append(fmt::format("&#x{:X};", u));
          } else {
            s_.push_back(c);
          }
        }
      }
    }
    return *this;
  }

  std::string take() { return std::move(s_); }

 private:
  static bool looks_escaped(std::string_view t) {
    if (t.size() < 7 || t[1] != 'x' || t[6] != '_') return false;
    return std::all_of(t.begin() + 2, t.begin() + 6,
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
  }

  std::string s_;
};

/// A column width in characters as Excel stores it (Calibri 11: 7 pixels a digit, 5 of padding).
double stored_width(double chars);

/// A part of a package: its bytes, or a temporary file holding them (closed by zip_parts).
struct ZipPart {
  std::string name;
  std::string bytes;
  std::FILE* file = nullptr;
};

/// Zips the parts, in order, into `file`, or into memory when `file` is empty (returned).
/// Files of parts are closed either way.
std::string zip_parts(std::vector<ZipPart>& parts, const std::string& subject,
                      const std::filesystem::path& file = {});

// --- Parts shared by both writers -------------------------------------------------------------

/// A row's number as text, printed once for all its cells' references.
class RowNumber {
 public:
  explicit RowNumber(Row row) {
    size_ = static_cast<std::size_t>(
        std::to_chars(text_, text_ + sizeof text_, static_cast<std::uint32_t>(row + 1)).ptr -
        text_);
  }
  std::string_view text() const { return {text_, size_}; }

 private:
  char text_[12];
  std::size_t size_;
};

/// A cell's start tag up to its style: `<c r="H12" s="3"`. Every cell carries its reference, as
/// Excel writes it: ECMA-376 (18.3.1.4) makes r optional, but readers rely on it (Gnumeric
/// places a cell without one in column -1 and drops it).
inline void cell_head(Out& out, const RowNumber& row, Col col, std::uint32_t xf) {
  // Put together here and appended at once: this is written for every cell of every statement.
  char head[48];
  std::memcpy(head, "<c r=\"", 6);
  char* p = column_letters(head + 6, col);
  const std::string_view digits = row.text();
  std::memcpy(p, digits.data(), digits.size());
  p += digits.size();
  std::memcpy(p, "\" s=\"", 5);
  p = std::to_chars(p + 5, head + sizeof head - 1, xf).ptr;
  *p++ = '"';
  out << std::string_view(head, static_cast<std::size_t>(p - head));
}

/// A row's spans attribute, ` spans="2:9"`: the columns used in the row's block of 16 rows, as
/// Excel and libxlsxwriter write it on every row that has cells (a hint for a reader that
/// allocates a row's cells at once; optional, ECMA-376 18.3.1.73).
inline void spans(Out& out, Col first, Col last) {
  out << " spans=\"" << static_cast<std::uint32_t>(first + 1u) << ':'
      << static_cast<std::uint32_t>(last + 1u) << '"';
}

/// Rows come in blocks of 16 for their spans, as in Excel's files.
inline constexpr Row kSpanRows = 16;

/// The rest of a number cell after `<c r=".." s=".."`.
inline void number_cell(Out& out, double value) {
  out << "><v>";
  out.num(value) << "</v></c>";
}

/// The rest of a formula cell (without '=') with its cached value.
inline void formula_cell(Out& out, std::string_view formula, double cached) {
  out << "><f>";
  out.escaped(formula) << "</f><v>";
  out.num(cached) << "</v></c>";
}

/// A sheet as the workbook's parts name it.
struct SheetEntry {
  std::string name;
  bool print_titles = false;
  Row repeat_first = 0, repeat_last = 0;
  std::string filter;  // "$A$5:$H$100", "" none
};

/// A range of cells.
struct Area {
  Row first_row, last_row;
  Col first_col, last_col;
};

/// What a worksheet part says around its rows.
struct SheetFrame {
  bool selected = true;  // the tab shown when the workbook opens
  bool print_wide = false;
  std::optional<Area> used;  // the dimension
  Row freeze_row = 0;
  Col freeze_col = 0;
  std::vector<std::pair<std::pair<Col, Col>, double>> columns;  // widths, chars
  std::vector<Area> merged;
  std::optional<Area> filter;
  std::vector<std::pair<std::string, std::string>> links;  // cell, location
  std::string header;

  /// Up to and including "<sheetData>".
  void head(Out& out) {
    out << kXmlHead << "<worksheet xmlns=\"" << kMainNs << "\" xmlns:r=\"" << kRelNs << "\">";
    if (print_wide) out << "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>";
    out << "<dimension ref=\"";
    Area a = used.value_or(Area{0, 0, 0, 0});
    out.ref(a.first_row, a.first_col);
    if (a.last_row != a.first_row || a.last_col != a.first_col) {
      out << ':';
      out.ref(a.last_row, a.last_col);
    }
    out << "\"/><sheetViews><sheetView" << (selected ? " tabSelected=\"1\"" : "")
        << " workbookViewId=\"0\">";
    if (freeze_row > 0 || freeze_col > 0) {
      std::string_view pane = freeze_row > 0 && freeze_col > 0 ? "bottomRight"
                              : freeze_row > 0                 ? "bottomLeft"
                                                               : "topRight";
      out << "<pane";
      if (freeze_col > 0) out << " xSplit=\"" << freeze_col << '"';
      if (freeze_row > 0) out << " ySplit=\"" << freeze_row << '"';
      out << " topLeftCell=\"";
      out.ref(freeze_row, freeze_col);
      out << "\" activePane=\"" << pane << "\" state=\"frozen\"/>";
      if (freeze_row > 0 && freeze_col > 0) {
        out << "<selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>";
      }
      out << "<selection pane=\"" << pane << "\"/>";
    }
    out << "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!columns.empty()) {
      std::stable_sort(columns.begin(), columns.end(),
                       [](const auto& x, const auto& y) { return x.first.first < y.first.first; });
      out << "<cols>";
      for (const auto& [range, chars] : columns) {
        out << "<col min=\"" << static_cast<std::uint32_t>(range.first + 1u) << "\" max=\""
            << static_cast<std::uint32_t>(range.second + 1u) << "\" width=\"";
        out.num(stored_width(chars)) << "\" customWidth=\"1\"/>";
      }
      out << "</cols>";
    }
    out << "<sheetData>";
  }

  /// From "</sheetData>" to the end.
  void tail(Out& out) const {
    out << "</sheetData>";
    if (filter) {
      out << "<autoFilter ref=\"";
      out.ref(filter->first_row, filter->first_col) << ':';
      out.ref(filter->last_row, filter->last_col) << "\"/>";
    }
    if (!merged.empty()) {
      out << "<mergeCells count=\"" << static_cast<std::uint64_t>(merged.size()) << "\">";
      for (const Area& m : merged) {
        out << "<mergeCell ref=\"";
        out.ref(m.first_row, m.first_col) << ':';
        out.ref(m.last_row, m.last_col) << "\"/>";
      }
      out << "</mergeCells>";
    }
    if (!links.empty()) {
      out << "<hyperlinks>";
      for (const auto& [ref, location] : links) {
        out << "<hyperlink ref=\"" << ref << "\" location=\"";
        out.escaped(location, true) << "\"/>";
      }
      out << "</hyperlinks>";
    }
    out << "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
           "footer=\"0.3\"/>";
    if (print_wide) {
      out << "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>";
    }
    if (!header.empty()) {
      out << "<headerFooter><oddHeader>";
      out.escaped(header) << "</oddHeader></headerFooter>";
    }
    out << "</worksheet>";
  }
};

/// The package around the sheets: content types, relationships, workbook, styles, properties.
/// `sheets` are the worksheet parts in tab order; `strings` the shared strings part, or none.
std::vector<ZipPart> package(const std::vector<SheetEntry>& entries, std::vector<ZipPart> sheets,
                             std::optional<std::string> strings, std::string styles,
                             const BookProperties& properties);

/// RunError unless (row, col) is inside a sheet.
void check_cell(const std::string& subject, const std::string& sheet, Row row, Col col);

/// RunError when `text` is longer than a cell holds.
void check_text(const std::string& subject, const std::string& sheet, Row row, Col col,
                const std::string& text);

}  // namespace arsanalys::writer::xlsx_parts

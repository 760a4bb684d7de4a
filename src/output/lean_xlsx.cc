#include "output/lean_xlsx.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>

#include "core/error.h"
#include "output/zip_writer.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::output {
namespace {

using alloc::Look;

constexpr lxw_row_t kMaxRows = 1048576;
constexpr lxw_col_t kMaxCols = 16384;
constexpr std::size_t kMaxTextChars = 32767;  // what Excel keeps in a cell

constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The letters of a 0-based column ("A", "AB", at most 3) at `to`; returns the end.
char* column_letters(char* to, lxw_col_t col) {
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
  Out& ref(lxw_row_t row, lxw_col_t col) {
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
double stored_width(double chars) {
  if (chars <= 0) return 0;
  double pixels = chars < 1 ? std::floor(chars * 12 + 0.5)
                            : std::floor(chars * 7 + 0.5) + 5;
  return std::floor(pixels / 7 * 256) / 256;
}

/// Excel's built-in number formats that our looks use, by code.
int builtin_format(std::string_view code) {
  static constexpr std::pair<std::string_view, int> kBuiltin[] = {
      {"", 0},         {"0", 1},     {"0.00", 2},  {"#,##0", 3},
      {"#,##0.00", 4}, {"0%", 9},    {"0.00%", 10}, {"0.00E+00", 11}};
  for (const auto& [c, id] : kBuiltin) {
    if (c == code) return id;
  }
  return -1;
}

/// A sheet name as a formula writes it: quoted unless plain letters, digits and underscores.
std::string quoted_sheet(std::string_view name) {
  bool plain = !name.empty() && std::isdigit(static_cast<unsigned char>(name.front())) == 0 &&
               std::all_of(name.begin(), name.end(), [](char c) {
                 return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
               });
  if (plain) return std::string(name);
  std::string q = "'";
  for (char c : name) {
    q += c;
    if (c == '\'') q += '\'';
  }
  return q + "'";
}

std::string iso_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/// A part of a package: its bytes, or a temporary file holding them (closed by zip_parts).
struct ZipPart {
  std::string name;
  std::string bytes;
  std::FILE* file = nullptr;
};

/// Zips the parts, in order, into `file`, or into memory when `file` is empty (returned).
/// Files of parts are closed either way.
std::string zip_parts(std::vector<ZipPart>& parts, const std::string& subject,
                      const std::filesystem::path& file = {}) {
  std::FILE* out = nullptr;
  auto fail = [&](std::string_view doing, int err) {
    return RunError(
        fmt::format("{} kunde inte skapas ({}): {}.", subject, doing, system_error_text(err)));
  };
  try {
    if (!file.empty()) {
      out = std::fopen(file.c_str(), "wb");
      if (out == nullptr) throw fail("öppna filen", errno);
    }
    ZipWriter zip(subject, out);
    for (ZipPart& part : parts) {
      if (part.file == nullptr) {
        zip.add(part.name, part.bytes);
        continue;
      }
      // A part in a temporary file (a sheet of a StreamBook): deflated from a mapping of it.
      struct stat st {};
      if (std::fflush(part.file) != 0 || fstat(fileno(part.file), &st) != 0) {
        throw fail("läsa en temporär fil", errno);
      }
      const auto size = static_cast<std::size_t>(st.st_size);
      void* map = size == 0 ? nullptr
                            : mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fileno(part.file), 0);
      if (map == MAP_FAILED) throw fail("läsa en temporär fil", errno);
      // Pages deflate is done with are let go as it goes: a sheet of fordelning.xlsx is tens of
      // megabytes at 8,000 customers, and the mapping would otherwise count that much more.
      std::size_t released = 0;
      auto done = [&](std::size_t before) {
        const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        const std::size_t upto = before / page * page;
        if (upto > released) {
          madvise(static_cast<char*>(map) + released, upto - released, MADV_DONTNEED);
          released = upto;
        }
      };
      try {
        zip.add(part.name, std::string_view(static_cast<const char*>(map), size), done);
      } catch (...) {
        if (map != nullptr) munmap(map, size);
        throw;
      }
      if (map != nullptr) munmap(map, size);
      std::fclose(std::exchange(part.file, nullptr));
    }
    std::string bytes = zip.finish();
    if (out != nullptr && std::fclose(std::exchange(out, nullptr)) != 0) {
      throw fail("skriva filen", errno);
    }
    return bytes;
  } catch (...) {
    for (ZipPart& part : parts) {
      if (part.file != nullptr) std::fclose(std::exchange(part.file, nullptr));
    }
    if (out != nullptr) std::fclose(out);
    throw;
  }
}

// --- Parts shared by both writers -------------------------------------------------------------

/// A row's number as text, printed once for all its cells' references.
class RowNumber {
 public:
  explicit RowNumber(lxw_row_t row) {
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
void cell_head(Out& out, const RowNumber& row, lxw_col_t col, std::uint32_t xf) {
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
void spans(Out& out, lxw_col_t first, lxw_col_t last) {
  out << " spans=\"" << static_cast<std::uint32_t>(first + 1u) << ':'
      << static_cast<std::uint32_t>(last + 1u) << '"';
}

/// Rows come in blocks of 16 for their spans, as in Excel's files.
constexpr lxw_row_t kSpanRows = 16;

/// The rest of a number cell after `<c r=".." s=".."`.
void number_cell(Out& out, double value) {
  out << "><v>";
  out.num(value) << "</v></c>";
}

/// The rest of a formula cell (without '=') with its cached value.
void formula_cell(Out& out, std::string_view formula, double cached) {
  out << "><f>";
  out.escaped(formula) << "</f><v>";
  out.num(cached) << "</v></c>";
}

/// A sheet as the workbook's parts name it.
struct SheetEntry {
  std::string name;
  bool print_titles = false;
  lxw_row_t repeat_first = 0, repeat_last = 0;
  std::string filter;  // "$A$5:$H$100", "" none
};

/// A range of cells.
struct Area {
  lxw_row_t first_row, last_row;
  lxw_col_t first_col, last_col;
};

/// What a worksheet part says around its rows.
struct SheetFrame {
  bool selected = true;  // the tab shown when the workbook opens
  bool print_wide = false;
  std::optional<Area> used;  // the dimension
  lxw_row_t freeze_row = 0;
  lxw_col_t freeze_col = 0;
  std::vector<std::pair<std::pair<lxw_col_t, lxw_col_t>, double>> columns;  // widths, chars
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

/// styles.xml for the looks in cellXfs order (index 1 onwards; 0 is Excel's default).
std::string styles_part(const std::vector<const Look*>& xf_looks) {
  // Fonts, fills, borders and number formats of the looks, each once, in order of first use.
  struct FontKey {
    bool bold, italic, link;
    double size;
    auto operator<=>(const FontKey&) const = default;
  };
  std::vector<FontKey> fonts{{false, false, false, 11}};
  std::vector<lxw_color_t> fills{alloc::kNoFill, alloc::kNoFill};  // none, gray125
  std::vector<int> borders{0};  // 0 none, 1 all round, 2 top
  std::vector<std::string> codes;
  auto index_of = [](auto& list, const auto& value, std::size_t from) {
    auto it = std::find(list.begin() + static_cast<std::ptrdiff_t>(from), list.end(), value);
    if (it == list.end()) {
      list.push_back(value);
      return list.size() - 1;
    }
    return static_cast<std::size_t>(it - list.begin());
  };
  struct Xf {
    std::size_t num, font, fill, border;
    const Look* look;
  };
  std::vector<Xf> xfs;
  for (const Look* look : xf_looks) {
    Xf x{0, 0, 0, 0, look};
    int builtin = builtin_format(look->number);
    x.num = builtin >= 0 ? static_cast<std::size_t>(builtin)
                         : 164 + index_of(codes, look->number, 0);
    x.font = index_of(
        fonts, FontKey{look->bold, look->italic, look->link, look->size > 0 ? look->size : 11}, 0);
    x.fill = look->fill == alloc::kNoFill ? 0 : index_of(fills, look->fill, 2);
    x.border = index_of(borders, look->boxed ? 1 : look->rule ? 2 : 0, 0);
    xfs.push_back(x);
  }

  Out out;
  out << kXmlHead << "<styleSheet xmlns=\"" << kMainNs << "\">";
  if (!codes.empty()) {
    out << "<numFmts count=\"" << static_cast<std::uint64_t>(codes.size()) << "\">";
    for (std::size_t i = 0; i < codes.size(); ++i) {
      out << "<numFmt numFmtId=\"" << static_cast<std::uint64_t>(164 + i) << "\" formatCode=\"";
      out.escaped(codes[i], true) << "\"/>";
    }
    out << "</numFmts>";
  }
  out << "<fonts count=\"" << static_cast<std::uint64_t>(fonts.size()) << "\">";
  for (const FontKey& f : fonts) {
    out << "<font>" << (f.bold ? "<b/>" : "") << (f.italic ? "<i/>" : "")
        << (f.link ? "<u/>" : "") << "<sz val=\"";
    out.num(f.size) << "\"/>";
    if (f.link) out << "<color rgb=\"" << fmt::format("FF{:06X}", alloc::kLinkColor) << "\"/>";
    out << "<name val=\"Calibri\"/><family val=\"2\"/></font>";
  }
  out << "</fonts><fills count=\"" << static_cast<std::uint64_t>(fills.size())
      << "\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill>";
  for (std::size_t i = 2; i < fills.size(); ++i) {
    out << "<fill><patternFill patternType=\"solid\"><fgColor rgb=\""
        << fmt::format("FF{:06X}", fills[i])
        << "\"/><bgColor indexed=\"64\"/></patternFill></fill>";
  }
  out << "</fills><borders count=\"" << static_cast<std::uint64_t>(borders.size()) << "\">";
  for (int b : borders) {
    constexpr std::string_view thin = " style=\"thin\"><color auto=\"1\"/>";
    if (b == 1) {
      out << "<border><left" << thin << "</left><right" << thin << "</right><top" << thin
          << "</top><bottom" << thin << "</bottom><diagonal/></border>";
    } else if (b == 2) {
      out << "<border><left/><right/><top" << thin << "</top><bottom/><diagonal/></border>";
    } else {
      out << "<border><left/><right/><top/><bottom/><diagonal/></border>";
    }
  }
  out << "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
         "borderId=\"0\"/></cellStyleXfs><cellXfs count=\""
      << static_cast<std::uint64_t>(xfs.size() + 1)
      << "\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";
  for (const Xf& x : xfs) {
    out << "<xf numFmtId=\"" << static_cast<std::uint64_t>(x.num) << "\" fontId=\""
        << static_cast<std::uint64_t>(x.font) << "\" fillId=\""
        << static_cast<std::uint64_t>(x.fill) << "\" borderId=\""
        << static_cast<std::uint64_t>(x.border) << "\" xfId=\"0\"";
    if (x.num != 0) out << " applyNumberFormat=\"1\"";
    if (x.font != 0) out << " applyFont=\"1\"";
    if (x.fill != 0) out << " applyFill=\"1\"";
    if (x.border != 0) out << " applyBorder=\"1\"";
    out << " applyAlignment=\"1\"><alignment" << (x.look->center ? " horizontal=\"center\"" : "")
        << " vertical=\"top\"" << (x.look->wrap ? " wrapText=\"1\"" : "") << "/></xf>";
  }
  out << "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" "
         "builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" "
         "defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>"
         "</styleSheet>";
  return out.take();
}

/// A sheet's name of Excel's (the filter range, the print titles) in workbook.xml.
struct DefinedName {
  std::string_view name;  // "_xlnm._FilterDatabase" or "_xlnm.Print_Titles"
  std::size_t sheet;      // localSheetId
  bool hidden;
  std::string value;      // 'Blad'!$A$5:$H$9
  std::string app_name;   // 'Blad'!Print_Titles, as app.xml lists it
};

/// The sheets' defined names in the order Excel writes them (and libxlsxwriter, for that
/// reason): by name without "_xlnm.", then by sheet name as quoted, both in lower case.
std::vector<DefinedName> defined_names(const std::vector<SheetEntry>& sheets) {
  std::vector<DefinedName> names;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const SheetEntry& e = sheets[i];
    const std::string sheet = quoted_sheet(e.name);
    if (!e.filter.empty()) {
      names.push_back({"_xlnm._FilterDatabase", i, true, sheet + "!" + e.filter,
                       sheet + "!_FilterDatabase"});
    }
    if (e.print_titles) {
      names.push_back({"_xlnm.Print_Titles", i, false,
                       fmt::format("{}!${}:${}", sheet, e.repeat_first + 1, e.repeat_last + 1),
                       sheet + "!Print_Titles"});
    }
  }
  auto lower = [](std::string_view t) {
    std::string l(t);
    for (char& c : l) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // ASCII only, as Excel's sort
    }
    return l;
  };
  std::stable_sort(names.begin(), names.end(), [&](const DefinedName& a, const DefinedName& b) {
    const std::string x = lower(a.name.substr(6)), y = lower(b.name.substr(6));
    return x != y ? x < y : lower(a.app_name) < lower(b.app_name);
  });
  return names;
}

std::string workbook_part(const std::vector<SheetEntry>& sheets) {
  Out out;
  out << kXmlHead << "<workbook xmlns=\"" << kMainNs << "\" xmlns:r=\"" << kRelNs
      << "\"><workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" "
         "windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    out << "<sheet name=\"";
    out.escaped(sheets[i].name, true) << "\" sheetId=\"" << static_cast<std::uint64_t>(i + 1)
                                       << "\" r:id=\"rId" << static_cast<std::uint64_t>(i + 1)
                                       << "\"/>";
  }
  out << "</sheets>";
  std::string names;
  for (const DefinedName& d : defined_names(sheets)) {
    names += fmt::format("<definedName name=\"{}\" localSheetId=\"{}\"{}>", d.name, d.sheet,
                         d.hidden ? " hidden=\"1\"" : "");
    Out v;
    v.escaped(d.value);
    names += v.take() + "</definedName>";
  }
  if (!names.empty()) out << "<definedNames>" << names << "</definedNames>";
  out << "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
  return out.take();
}

std::string core_part(const BookProperties& properties) {
  Out out;
  out << kXmlHead
      << "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  if (!properties.title.empty()) {
    out << "<dc:title>";
    out.escaped(properties.title) << "</dc:title>";
  }
  if (!properties.subject.empty()) {
    out << "<dc:subject>";
    out.escaped(properties.subject) << "</dc:subject>";
  }
  const std::string when = iso_time(properties.created);
  out << "<dc:creator>arsanalys</dc:creator><cp:lastModifiedBy>arsanalys</cp:lastModifiedBy>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
      << when << "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" << when
      << "</dcterms:modified></cp:coreProperties>";
  return out.take();
}

std::string app_part(const std::vector<SheetEntry>& sheets) {
  std::vector<std::string> titles;  // the print titles' names, in workbook.xml's order
  for (DefinedName& d : defined_names(sheets)) {
    if (d.name == "_xlnm.Print_Titles") titles.push_back(std::move(d.app_name));
  }
  Out out;
  out << kXmlHead
      << "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
         "<Application>arsanalys</Application><DocSecurity>0</DocSecurity>"
         "<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\""
      << (titles.empty() ? "2" : "4")
      << "\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
         "<vt:variant><vt:i4>"
      << static_cast<std::uint64_t>(sheets.size()) << "</vt:i4></vt:variant>";
  if (!titles.empty()) {
    out << "<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>"
        << static_cast<std::uint64_t>(titles.size()) << "</vt:i4></vt:variant>";
  }
  out << "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\""
      << static_cast<std::uint64_t>(sheets.size() + titles.size()) << "\" baseType=\"lpstr\">";
  for (const SheetEntry& e : sheets) {
    out << "<vt:lpstr>";
    out.escaped(e.name) << "</vt:lpstr>";
  }
  for (const std::string& t : titles) {
    out << "<vt:lpstr>";
    out.escaped(t) << "</vt:lpstr>";
  }
  out << "</vt:vector></TitlesOfParts><Company>Göteborgs Stad</Company>"
         "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
         "<HyperlinksChanged>false</HyperlinksChanged></Properties>";
  return out.take();
}

/// The package around the sheets: content types, relationships, workbook, styles, properties.
/// `sheets` are the worksheet parts in tab order; `strings` the shared strings part, or none.
std::vector<ZipPart> package(const std::vector<SheetEntry>& entries, std::vector<ZipPart> sheets,
                             std::optional<std::string> strings, std::string styles,
                             const BookProperties& properties) {
  constexpr std::string_view kType = "application/vnd.openxmlformats-";
  std::string types = fmt::format(
      "{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"{}package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"{}officedocument.extended-properties+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" ContentType=\"{}package.core-properties+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.styles+xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.sheet.main+xml\"/>",
      kXmlHead, kType, kType, kType, kType, kType);
  constexpr std::string_view kRels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::string book_rels = fmt::format("{}{}", kXmlHead, kRels);
  for (std::size_t i = 1; i <= sheets.size(); ++i) {
    types += fmt::format("<Override PartName=\"/xl/worksheets/sheet{}.xml\" "
                         "ContentType=\"{}officedocument.spreadsheetml.worksheet+xml\"/>",
                         i, kType);
    book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/worksheet\" "
                             "Target=\"worksheets/sheet{}.xml\"/>",
                             i, kRelNs, i);
  }
  book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/styles\" Target=\"styles.xml\"/>",
                           sheets.size() + 1, kRelNs);
  if (strings) {
    types += fmt::format("<Override PartName=\"/xl/sharedStrings.xml\" "
                         "ContentType=\"{}officedocument.spreadsheetml.sharedStrings+xml\"/>",
                         kType);
    book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/sharedStrings\" "
                             "Target=\"sharedStrings.xml\"/>",
                             sheets.size() + 2, kRelNs);
  }
  types += "</Types>";
  book_rels += "</Relationships>";
  std::string root_rels = fmt::format(
      "{}{}<Relationship Id=\"rId1\" Type=\"{}/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "<Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"{}/extended-properties\" Target=\"docProps/app.xml\"/>"
      "</Relationships>",
      kXmlHead, kRels, kRelNs, kRelNs);

  std::vector<ZipPart> parts;
  parts.push_back({"[Content_Types].xml", std::move(types)});
  parts.push_back({"_rels/.rels", std::move(root_rels)});
  parts.push_back({"xl/_rels/workbook.xml.rels", std::move(book_rels)});
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    sheets[i].name = fmt::format("xl/worksheets/sheet{}.xml", i + 1);
    parts.push_back(std::move(sheets[i]));
  }
  parts.push_back({"xl/workbook.xml", workbook_part(entries)});
  if (strings) parts.push_back({"xl/sharedStrings.xml", std::move(*strings)});
  parts.push_back({"xl/styles.xml", std::move(styles)});
  parts.push_back({"docProps/core.xml", core_part(properties)});
  parts.push_back({"docProps/app.xml", app_part(entries)});
  return parts;
}

/// RunError unless (row, col) is inside a sheet.
void check_cell(const std::string& subject, const std::string& sheet, lxw_row_t row,
                lxw_col_t col) {
  if (row >= kMaxRows || col >= kMaxCols) {
    throw RunError(fmt::format("{} kunde inte skapas: cellen på rad {}, kolumn {} ligger utanför "
                               "bladet '{}'.",
                               subject, static_cast<std::uint64_t>(row) + 1,
                               static_cast<unsigned>(col) + 1, sheet));
  }
}

/// RunError when `text` is longer than a cell holds.
void check_text(const std::string& subject, const std::string& sheet, lxw_row_t row,
                lxw_col_t col, const std::string& text) {
  if (text.size() > kMaxTextChars && text_length(text) > kMaxTextChars) {  // bytes >= chars
    throw RunError(fmt::format("{} kunde inte skapas (skriva text): texten i {} på bladet '{}' är "
                               "längre än de {} tecken en cell rymmer.",
                               subject, xlsx::to_string(xlsx::CellRef{row, col}), sheet,
                               kMaxTextChars));
  }
}

}  // namespace

// --- LookTable --------------------------------------------------------------------------------

std::uint64_t LookTable::hash(const Look& l) {
  std::size_t flags = (l.bold ? 1u : 0u) | (l.italic ? 2u : 0u) | (l.wrap ? 4u : 0u) |
                      (l.rule ? 8u : 0u) | (l.boxed ? 16u : 0u) | (l.center ? 32u : 0u) |
                      (l.link ? 64u : 0u);
  std::size_t code = l.number.size() << 8 |
                     (l.number.empty() ? 0u : static_cast<unsigned char>(l.number.back()));
  std::size_t h = flags ^ code << 7 ^ static_cast<std::size_t>(l.fill) << 23 ^
                  static_cast<std::size_t>(l.size * 4) << 48;
  return h * 0x9E3779B97F4A7C15ull >> 17;
}

std::uint32_t LookTable::id(const Look& look) {
  Recent& recent = recent_[(reinterpret_cast<std::uintptr_t>(&look) >> 4) % recent_.size()];
  if (recent.at == &look && kept_[recent.id] == look) return recent.id;
  const std::uint64_t h = hash(look);
  for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
    if (hashes_[id] == h && kept_[id] == look) {
      recent = {&look, id};
      return id;
    }
  }
  const auto id = static_cast<std::uint32_t>(kept_.size());
  kept_.push_back(look);
  hashes_.push_back(h);
  recent = {&look, id};
  return id;
}

std::uint32_t LookTable::xf(std::uint32_t id) {
  if (id >= xfs_.size()) xfs_.resize(kept_.size(), 0);
  std::uint32_t& xf = xfs_[id];
  if (xf == 0) {
    in_order_.push_back(&kept_[id]);
    xf = static_cast<std::uint32_t>(in_order_.size());
  }
  return xf;
}

std::string LookTable::styles() const { return styles_part(in_order_); }

// --- SharedStrings ----------------------------------------------------------------------------

namespace {

/// A hash of a text, 8 bytes at a time (the texts are ours or the suppliers'; nothing here
/// depends on it beyond speed).
std::uint64_t text_hash(std::string_view t) {
  auto mix = [](std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ t.size();
  std::size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, t.data() + i, 8);
    h = mix(h, v);
  }
  if (i < t.size()) {
    std::uint64_t v = 0;
    std::memcpy(&v, t.data() + i, t.size() - i);
    h = mix(h, v);
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

}  // namespace

std::string_view SharedStrings::keep(std::string_view text) {
  if (text.size() > left_) {
    const std::size_t size = std::max<std::size_t>(std::size_t{64} << 10, text.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    free_ = blocks_.back().get();
    left_ = size;
  }
  if (!text.empty()) std::memcpy(free_, text.data(), text.size());
  std::string_view kept(free_, text.size());
  free_ += text.size();
  left_ -= text.size();
  return kept;
}

void SharedStrings::rehash(std::size_t slots) {
  slots_.assign(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::uint32_t i = 0; i < strings_.size(); ++i) {
    std::size_t at = hashes_[i] & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = i + 1;
  }
}

std::uint32_t SharedStrings::index(std::string_view text) {
  if (slots_.empty()) rehash(4096);
  const std::uint64_t h = text_hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = h & mask;
  for (; slots_[at] != 0; at = (at + 1) & mask) {
    const std::uint32_t i = slots_[at] - 1;
    if (hashes_[i] == h && strings_[i] == text) return i;
  }
  const auto i = static_cast<std::uint32_t>(strings_.size());
  strings_.push_back(keep(text));
  hashes_.push_back(h);
  slots_[at] = i + 1;
  if (strings_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return i;
}

// --- LeanSheet --------------------------------------------------------------------------------

LeanSheet::LeanSheet(std::string subject, std::string name)
    : subject_(std::move(subject)), name_(std::move(name)) {
  properties_.created = 0;
}

void LeanSheet::set_properties(const BookProperties& properties) { properties_ = properties; }

void LeanSheet::check_cell(lxw_row_t row, lxw_col_t col) const {
  output::check_cell(subject_, name_, row, col);
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

void LeanSheet::put(lxw_row_t row, lxw_col_t col, Kind kind, const Look& look,
                    std::uint32_t index, double value) {
  cells_.push_back(
      Cell{row, col, kind, looks_->id(look), static_cast<std::uint32_t>(cells_.size()), index, value});
}

void LeanSheet::text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look) {
  check_cell(row, col);
  check_text(subject_, name_, row, col, text);
  if (text.empty()) {  // as libxlsxwriter: an empty text is a blank cell in its look
    blank(row, col, look);
    return;
  }
  put(row, col, Kind::text, look, shared(text), 0);
}

void LeanSheet::number(lxw_row_t row, lxw_col_t col, double value, const Look& look) {
  check_cell(row, col);
  put(row, col, Kind::number, look, 0, value);
}

void LeanSheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
                        const Look& look) {
  check_cell(row, col);
  std::string_view f = formula;
  if (!f.empty() && f.front() == '=') f.remove_prefix(1);
  formulas_.emplace_back(f);
  put(row, col, Kind::formula, look, static_cast<std::uint32_t>(formulas_.size() - 1), cached);
}

void LeanSheet::blank(lxw_row_t row, lxw_col_t col, const Look& look) {
  check_cell(row, col);
  put(row, col, Kind::blank, look, 0, 0);
}

void LeanSheet::merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last,
                            const std::string& text, const Look& look) {
  check_cell(row, last);
  LeanSheet::text(row, first, text, look);
  for (lxw_col_t c = first + 1; c <= last; ++c) blank(row, c, look);
  merged_.push_back(Merge{row, first, last});
}

void LeanSheet::width(lxw_col_t first, lxw_col_t last, double chars) {
  check_cell(0, last);
  columns_.push_back(Column{first, last, chars});
}

void LeanSheet::row_height(lxw_row_t row, double points) {
  check_cell(row, 0);
  heights_[row] = points;
}

void LeanSheet::header(const std::string& codes) { header_ = codes; }

void LeanSheet::freeze(lxw_row_t row, lxw_col_t col) {
  check_cell(row, col);
  freeze_row_ = row;
  freeze_col_ = col;
}

void LeanSheet::print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last) {
  check_cell(repeat_last, 0);
  print_wide_ = true;
  repeat_first_ = repeat_first;
  repeat_last_ = repeat_last;
}

std::string LeanSheet::sheet_xml() {
  // The cells in order, of a cell written twice the last write: by row with a counting sort
  // (cells_ is in the order of writing), then by column within the row (a few cells each).
  lxw_row_t last_row = 0;
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
    lxw_row_t min_row = kMaxRows, max_row = 0;
    lxw_col_t min_col = kMaxCols, max_col = 0;
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
  lxw_row_t block = 0;
  lxw_col_t block_first = 0, block_last = 0;
  auto open_row = [&](lxw_row_t row, bool empty) {
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
    const lxw_row_t row = cells[i].row;
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

// --- StreamSheet and StreamBook --------------------------------------------------------------

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

void StreamSheet::note_row(lxw_row_t row) {
  min_row_ = any_dimension_ ? std::min(min_row_, row) : row;
  max_row_ = any_dimension_ ? std::max(max_row_, row) : row;
  any_dimension_ = true;
}

StreamSheet::Cell& StreamSheet::put(lxw_row_t row, lxw_col_t col, Kind kind, const Look& look) {
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

void StreamSheet::flush_row(lxw_row_t next) {
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
  auto empty_rows_below = [&](lxw_row_t limit) {
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

void StreamSheet::text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look) {
  check_text(book_.subject(), name_, row, col, text);
  if (text.empty()) {  // as libxlsxwriter: an empty text is a blank cell in its look
    blank(row, col, look);
    return;
  }
  put(row, col, Kind::text, look).text = text;
}

void StreamSheet::number(lxw_row_t row, lxw_col_t col, double value, const Look& look) {
  put(row, col, Kind::number, look).value = value;
}

void StreamSheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula,
                          double cached, const Look& look) {
  Cell& c = put(row, col, Kind::formula, look);
  std::string_view f = formula;
  if (!f.empty() && f.front() == '=') f.remove_prefix(1);
  c.text = f;
  c.value = cached;
}

void StreamSheet::blank(lxw_row_t row, lxw_col_t col, const Look& look) {
  put(row, col, Kind::blank, look);
}

void StreamSheet::link(lxw_row_t row, lxw_col_t col, const std::string& sheet,
                       const std::string& text) {
  StreamSheet::text(row, col, text, Look{.link = true});
  links_.emplace_back(xlsx::to_string(xlsx::CellRef{row, col}), sheet_ref(sheet, "A1"));
}

void StreamSheet::merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last,
                              const std::string& text, const Look& look) {
  StreamSheet::text(row, first, text, look);
  for (lxw_col_t c = first + 1; c <= last; ++c) blank(row, c, look);
  merged_.push_back(Range{row, row, first, last});
}

void StreamSheet::width(lxw_col_t first, lxw_col_t last, double chars) {
  columns_.push_back({{first, last}, chars});
}

void StreamSheet::row_height(lxw_row_t row, double points) {
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

void StreamSheet::freeze(lxw_row_t row, lxw_col_t col) {
  freeze_row_ = row;
  freeze_col_ = col;
}

void StreamSheet::print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last) {
  print_wide_ = true;
  repeat_first_ = repeat_first;
  repeat_last_ = repeat_last;
}

void StreamSheet::autofilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                             lxw_col_t last_col) {
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
    frame.used = Area{min_row_, max_row_, any_cell_ ? min_col_ : lxw_col_t{0},
                      any_cell_ ? max_col_ : lxw_col_t{0}};
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

}  // namespace arsanalys::output

#include "output/lean_xlsx.h"

#include <zip.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <utility>

#include "core/error.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::output {
namespace {

using alloc::Look;

constexpr lxw_row_t kMaxRows = 1048576;
constexpr lxw_col_t kMaxCols = 16384;
constexpr std::size_t kMaxTextChars = 32767;  // what Excel keeps in a cell
constexpr int kDeflateLevel = 1;  // a fifth of the default level's time, 15 % larger parts

constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 16);
    for (char* p = buf; p != r.ptr; ++p) {
      if (*p == 'e') *p = 'E';
    }
    s_.append(buf, r.ptr);
    return *this;
  }

  /// A1-style reference of a 0-based cell.
  Out& ref(lxw_row_t row, lxw_col_t col) {
    char letters[4];
    int n = 0;
    for (std::uint32_t c = col + 1u; c > 0; c = (c - 1) / 26) {
      letters[n++] = static_cast<char>('A' + (c - 1) % 26);
    }
    while (n > 0) s_.push_back(letters[--n]);
    return *this << static_cast<std::uint32_t>(row + 1);
  }

  /// Text for an element's content or (`attribute`) an attribute's value: markup characters
  /// as entities, control characters Excel's way (_x0001_), and a literal "_x0041_" kept
  /// literal (_x005F_x0041_) so a reader does not decode it.
  Out& escaped(std::string_view t, bool attribute = false) {
    for (std::size_t i = 0; i < t.size(); ++i) {
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

/// 1980-01-01 00:00 local time, the zip entries' fixed date (the earliest a zip can hold).
std::time_t zip_epoch() {
  static const std::time_t epoch = [] {
    std::tm tm{};
    tm.tm_year = 80;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
  }();
  return epoch;
}

/// The parts zipped in memory, in order, each deflated at kDeflateLevel.
std::string zip_parts(const std::vector<std::pair<std::string_view, std::string>>& parts,
                      const std::string& subject) {
  auto fail = [&](std::string_view doing, const char* why) {
    return RunError(fmt::format("{} kunde inte skapas ({}): {}.", subject, doing,
                                why != nullptr ? why : "okänt fel i libzip"));
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (out == nullptr) throw fail("zip-arkiv", zip_error_strerror(&error));
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (za == nullptr) {
    zip_source_free(out);
    RunError e = fail("zip-arkiv", zip_error_strerror(&error));
    zip_error_fini(&error);
    throw e;
  }
  zip_error_fini(&error);
  zip_source_keep(out);  // its bytes are read after zip_close
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    zip_int64_t idx = s == nullptr ? -1 : zip_file_add(za, std::string(name).c_str(), s, 0);
    if (idx < 0) {
      if (s != nullptr) zip_source_free(s);
      RunError e = fail("lägga till del", zip_strerror(za));
      zip_discard(za);
      zip_source_free(out);
      throw e;
    }
    auto i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za, i, ZIP_CM_DEFLATE, kDeflateLevel) != 0 ||
        zip_file_set_mtime(za, i, zip_epoch(), 0) != 0) {
      RunError e = fail("lägga till del", zip_strerror(za));
      zip_discard(za);
      zip_source_free(out);
      throw e;
    }
  }
  if (zip_close(za) != 0) {
    RunError e = fail("skriva zip-arkivet", zip_strerror(za));
    zip_discard(za);
    zip_source_free(out);
    throw e;
  }
  std::string bytes;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(out, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
      zip_source_open(out) != 0) {
    zip_source_free(out);
    throw fail("läsa zip-arkivet", "minnesbufferten går inte att läsa");
  }
  bytes.resize(st.size);
  zip_int64_t got = zip_source_read(out, bytes.data(), st.size);
  zip_source_close(out);
  zip_source_free(out);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    throw fail("läsa zip-arkivet", "minnesbufferten tog slut för tidigt");
  }
  return bytes;
}

}  // namespace

LeanSheet::LeanSheet(std::string subject, std::string name)
    : subject_(std::move(subject)), name_(std::move(name)) {
  properties_.created = 0;
}

void LeanSheet::set_properties(const BookProperties& properties) { properties_ = properties; }

void LeanSheet::check_cell(lxw_row_t row, lxw_col_t col) const {
  if (row >= kMaxRows || col >= kMaxCols) {
    throw RunError(fmt::format("{} kunde inte skapas: cellen på rad {}, kolumn {} ligger utanför "
                               "bladet.",
                               subject_, static_cast<std::uint64_t>(row) + 1,
                               static_cast<unsigned>(col) + 1));
  }
}

std::uint32_t LeanSheet::look_id(const Look& look) {
  auto [it, made] = look_ids_.try_emplace(look, static_cast<std::uint32_t>(looks_.size()));
  if (made) looks_.push_back(&it->first);
  return it->second;
}

std::uint32_t LeanSheet::shared(const std::string& text) {
  ++string_uses_;
  auto it = string_index_.find(text);
  if (it != string_index_.end()) return it->second;
  const std::string& kept = strings_.emplace_back(text);
  auto index = static_cast<std::uint32_t>(strings_.size() - 1);
  string_index_.emplace(kept, index);
  return index;
}

void LeanSheet::put(lxw_row_t row, lxw_col_t col, Kind kind, const Look& look,
                    std::uint32_t index, double value) {
  cells_.push_back(
      Cell{row, col, kind, look_id(look), static_cast<std::uint32_t>(cells_.size()), index, value});
}

void LeanSheet::text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look) {
  check_cell(row, col);
  if (text.size() > kMaxTextChars && text_length(text) > kMaxTextChars) {  // bytes >= chars
    throw RunError(fmt::format("{} kunde inte skapas (skriva text): texten i {} är längre än de "
                               "{} tecken en cell rymmer.",
                               subject_, xlsx::to_string(xlsx::CellRef{row, col}), kMaxTextChars));
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
  // The cells in order; of a cell written twice the last write.
  std::sort(cells_.begin(), cells_.end(), [](const Cell& a, const Cell& b) {
    if (a.row != b.row) return a.row < b.row;
    if (a.col != b.col) return a.col < b.col;
    return a.seq < b.seq;
  });
  std::vector<Cell> cells;
  cells.reserve(cells_.size());
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    bool overwritten = i + 1 < cells_.size() && cells_[i + 1].row == cells_[i].row &&
                       cells_[i + 1].col == cells_[i].col;
    if (!overwritten) cells.push_back(cells_[i]);
  }
  cells_.clear();
  cells_.shrink_to_fit();
  look_xfs_.assign(looks_.size(), 0);
  xf_looks_.clear();

  // Columns used in every block of 16 rows (the rows' "spans", as Excel writes them).
  std::map<lxw_row_t, std::pair<lxw_col_t, lxw_col_t>> spans;
  for (const Cell& c : cells) {
    auto [it, made] = spans.try_emplace(c.row / 16, c.col, c.col);
    it->second.first = std::min(it->second.first, c.col);
    it->second.second = std::max(it->second.second, c.col);
  }

  Out out(cells.size() * 48 + 4096);
  out << kXmlHead << "<worksheet xmlns=\"" << kMainNs << "\" xmlns:r=\"" << kRelNs << "\">";
  if (print_wide_) out << "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>";
  out << "<dimension ref=\"";
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
    out.ref(min_row, min_col);
    if (max_row != min_row || max_col != min_col) {
      out << ':';
      out.ref(max_row, max_col);
    }
  }
  out << "\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">";
  if (freeze_row_ > 0 || freeze_col_ > 0) {
    std::string_view pane = freeze_row_ > 0 && freeze_col_ > 0 ? "bottomRight"
                            : freeze_row_ > 0                  ? "bottomLeft"
                                                               : "topRight";
    out << "<pane";
    if (freeze_col_ > 0) out << " xSplit=\"" << freeze_col_ << '"';
    if (freeze_row_ > 0) out << " ySplit=\"" << freeze_row_ << '"';
    out << " topLeftCell=\"";
    out.ref(freeze_row_, freeze_col_);
    out << "\" activePane=\"" << pane << "\" state=\"frozen\"/>";
    if (freeze_row_ > 0 && freeze_col_ > 0) {
      out << "<selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>";
    }
    out << "<selection pane=\"" << pane << "\"/>";
  }
  out << "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
  if (!columns_.empty()) {
    std::stable_sort(columns_.begin(), columns_.end(),
                     [](const Column& a, const Column& b) { return a.first < b.first; });
    out << "<cols>";
    for (const Column& c : columns_) {
      out << "<col min=\"" << static_cast<std::uint32_t>(c.first + 1u) << "\" max=\""
          << static_cast<std::uint32_t>(c.last + 1u) << "\" width=\"";
      out.num(stored_width(c.width)) << "\" customWidth=\"1\"/>";
    }
    out << "</cols>";
  }

  out << "<sheetData>";
  auto height = heights_.begin();
  auto open_row = [&](lxw_row_t row, bool empty) {
    out << "<row r=\"" << static_cast<std::uint32_t>(row + 1) << '"';
    if (auto s = spans.find(row / 16); !empty && s != spans.end()) {
      out << " spans=\"" << static_cast<std::uint32_t>(s->second.first + 1u) << ':'
          << static_cast<std::uint32_t>(s->second.second + 1u) << '"';
    }
    if (height != heights_.end() && height->first == row) {
      out << " ht=\"";
      out.num(height->second) << "\" customHeight=\"1\"";
      ++height;
    }
    out << (empty ? "/>" : ">");
  };
  for (std::size_t i = 0; i < cells.size();) {
    const lxw_row_t row = cells[i].row;
    while (height != heights_.end() && height->first < row) open_row(height->first, true);
    open_row(row, false);
    for (; i < cells.size() && cells[i].row == row; ++i) {
      const Cell& c = cells[i];
      // Formats are numbered in the order the sheet shows them, as Excel and libxlsxwriter do.
      std::uint32_t& xf = look_xfs_[c.look];
      if (xf == 0) {
        xf_looks_.push_back(looks_[c.look]);
        xf = static_cast<std::uint32_t>(xf_looks_.size());
      }
      out << "<c r=\"";
      out.ref(c.row, c.col) << "\" s=\"" << xf << '"';
      switch (c.kind) {
        case Kind::text:
          out << " t=\"s\"><v>" << c.index << "</v></c>";
          break;
        case Kind::number:
          out << "><v>";
          out.num(c.value) << "</v></c>";
          break;
        case Kind::formula:
          out << "><f>";
          out.escaped(formulas_[c.index]) << "</f><v>";
          out.num(c.value) << "</v></c>";
          break;
        case Kind::blank:
          out << "/>";
          break;
      }
    }
    out << "</row>";
  }
  while (height != heights_.end()) open_row(height->first, true);
  out << "</sheetData>";

  if (!merged_.empty()) {
    out << "<mergeCells count=\"" << static_cast<std::uint64_t>(merged_.size()) << "\">";
    for (const Merge& m : merged_) {
      out << "<mergeCell ref=\"";
      out.ref(m.row, m.first) << ':';
      out.ref(m.row, m.last) << "\"/>";
    }
    out << "</mergeCells>";
  }
  out << "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
         "footer=\"0.3\"/>";
  if (print_wide_) out << "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>";
  if (!header_.empty()) {
    out << "<headerFooter><oddHeader>";
    out.escaped(header_) << "</oddHeader></headerFooter>";
  }
  out << "</worksheet>";
  return out.take();
}

std::string LeanSheet::styles_xml() const {
  // Fonts, fills, borders and number formats of the looks, each once, in order of first use.
  struct FontKey {
    bool bold, italic;
    double size;
    auto operator<=>(const FontKey&) const = default;
  };
  std::vector<FontKey> fonts{{false, false, 11}};
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
  for (const Look* look : xf_looks_) {  // sheet_xml() has numbered them
    Xf x{0, 0, 0, 0, look};
    int builtin = builtin_format(look->number);
    x.num = builtin >= 0 ? static_cast<std::size_t>(builtin)
                         : 164 + index_of(codes, look->number, 0);
    x.font = index_of(fonts, FontKey{look->bold, look->italic, look->size > 0 ? look->size : 11}, 0);
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
    out << "<font>" << (f.bold ? "<b/>" : "") << (f.italic ? "<i/>" : "") << "<sz val=\"";
    out.num(f.size) << "\"/><name val=\"Calibri\"/><family val=\"2\"/></font>";
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

std::string LeanSheet::strings_xml() const {
  std::size_t bytes = 0;
  for (const std::string& s : strings_) bytes += s.size() + 16;
  Out out(bytes + 256);
  out << kXmlHead << "<sst xmlns=\"" << kMainNs << "\" count=\"" << string_uses_
      << "\" uniqueCount=\"" << static_cast<std::uint64_t>(strings_.size()) << "\">";
  for (const std::string& s : strings_) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    bool preserve = !s.empty() && (space(s.front()) || space(s.back()));
    out << (preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>");
    out.escaped(s) << "</t></si>";
  }
  out << "</sst>";
  return out.take();
}

std::string LeanSheet::workbook_xml() const {
  Out out;
  out << kXmlHead << "<workbook xmlns=\"" << kMainNs << "\" xmlns:r=\"" << kRelNs
      << "\"><workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" "
         "windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets><sheet name=\"";
  out.escaped(name_, true) << "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>";
  if (print_wide_) {
    out << "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">";
    out.escaped(fmt::format("{}!${}:${}", quoted_sheet(name_), repeat_first_ + 1,
                            repeat_last_ + 1))
        << "</definedName></definedNames>";
  }
  out << "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
  return out.take();
}

std::string LeanSheet::core_xml() const {
  Out out;
  out << kXmlHead
      << "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  if (!properties_.title.empty()) {
    out << "<dc:title>";
    out.escaped(properties_.title) << "</dc:title>";
  }
  if (!properties_.subject.empty()) {
    out << "<dc:subject>";
    out.escaped(properties_.subject) << "</dc:subject>";
  }
  const std::string when = iso_time(properties_.created);
  out << "<dc:creator>arsanalys</dc:creator><cp:lastModifiedBy>arsanalys</cp:lastModifiedBy>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
      << when << "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" << when
      << "</dcterms:modified></cp:coreProperties>";
  return out.take();
}

std::string LeanSheet::app_xml() const {
  const std::string sheet = quoted_sheet(name_);
  Out out;
  out << kXmlHead
      << "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
         "<Application>arsanalys</Application><DocSecurity>0</DocSecurity>"
         "<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\""
      << (print_wide_ ? "4" : "2")
      << "\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
         "<vt:variant><vt:i4>1</vt:i4></vt:variant>";
  if (print_wide_) {
    out << "<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1"
           "</vt:i4></vt:variant>";
  }
  out << "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\""
      << (print_wide_ ? "2" : "1") << "\" baseType=\"lpstr\"><vt:lpstr>";
  out.escaped(name_) << "</vt:lpstr>";
  if (print_wide_) {
    out << "<vt:lpstr>";
    out.escaped(sheet + "!Print_Titles") << "</vt:lpstr>";
  }
  out << "</vt:vector></TitlesOfParts><Company>Göteborgs Stad</Company>"
         "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
         "<HyperlinksChanged>false</HyperlinksChanged></Properties>";
  return out.take();
}

std::string LeanSheet::finish() {
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
      "ContentType=\"{}officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.worksheet+xml\"/>"
      "<Override PartName=\"/xl/sharedStrings.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.sharedStrings+xml\"/></Types>",
      kXmlHead, kType, kType, kType, kType, kType, kType, kType);
  constexpr std::string_view kRels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::string root_rels = fmt::format(
      "{}{}<Relationship Id=\"rId1\" Type=\"{}/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "<Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"{}/extended-properties\" Target=\"docProps/app.xml\"/>"
      "</Relationships>",
      kXmlHead, kRels, kRelNs, kRelNs);
  std::string book_rels = fmt::format(
      "{}{}<Relationship Id=\"rId1\" Type=\"{}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"{}/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"{}/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "</Relationships>",
      kXmlHead, kRels, kRelNs, kRelNs, kRelNs);
  std::vector<std::pair<std::string_view, std::string>> parts;
  parts.emplace_back("[Content_Types].xml", std::move(types));
  parts.emplace_back("_rels/.rels", std::move(root_rels));
  parts.emplace_back("xl/_rels/workbook.xml.rels", std::move(book_rels));
  parts.emplace_back("xl/worksheets/sheet1.xml", sheet_xml());
  parts.emplace_back("xl/workbook.xml", workbook_xml());
  parts.emplace_back("xl/sharedStrings.xml", strings_xml());
  parts.emplace_back("xl/styles.xml", styles_xml());
  parts.emplace_back("docProps/core.xml", core_xml());
  parts.emplace_back("docProps/app.xml", app_xml());
  return zip_parts(parts, subject_);
}

}  // namespace arsanalys::output

#include "xlsx/reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <tuple>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/error.h"
#include "core/memory.h"
#include "core/number_text.h"
#include "core/text.h"
#include "xlsx/formula.h"
#include "xlsx/number_format.h"
#include "xlsx/ole.h"
#include "xlsx/xml_reader.h"

namespace arsanalys::xlsx {
namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<std::uint64_t> parse_uint(std::string_view s) {
  s = trim(s);
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

/// A whole number of up to 15 digits, which a double holds exactly; nullopt for anything else.
std::optional<double> parse_small_whole(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return static_cast<double>(v);
}

std::optional<double> parse_double(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  // Most number cells are whole (ids, counts, date serials): no need for from_chars then.
  if (auto whole = parse_small_whole(s)) return whole;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  if (!std::isfinite(v)) return std::nullopt;  // "inf", "nan": text, not a number
  return v;
}

bool truthy(std::string_view s) {
  s = trim(s);
  return s == "1" || s == "true" || s == "TRUE";
}

std::string dir_of(std::string_view part) {
  auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

/// Resolves a relationship target against the part that owns the relationship.
std::string resolve_target(std::string_view source_part, std::string_view target) {
  std::string joined = (!target.empty() && target.front() == '/')
                           ? std::string(target.substr(1))
                           : dir_of(source_part) + std::string(target);
  std::vector<std::string> segments;
  std::size_t begin = 0;
  while (begin <= joined.size()) {
    std::size_t end = joined.find('/', begin);
    if (end == std::string::npos) end = joined.size();
    std::string segment = joined.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = end + 1;
  }
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::string rels_part_of(std::string_view part) {
  auto slash = part.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", dir, file);
}

struct Relationship {
  std::string type;    // last segment of the Type URI: "worksheet", "styles", ...
  std::string target;  // resolved part name
};

// ---------------------------------------------------------------------------------------------
// The package: zip parts read as streams of XML events

class Package {
 public:
  Package(std::span<const std::byte> bytes, std::string file, const ReadLimits& limits)
      : zip_(bytes, file, limits.zip), file_(std::move(file)), limits_(limits) {}

  const ZipArchive& zip() const { return zip_; }
  const std::string& file() const { return file_; }
  const ReadLimits& limits() const { return limits_; }

 private:
  ZipArchive zip_;
  std::string file_;
  const ReadLimits& limits_;
};

/// One part being read: its zip stream and the XML reader over it. The workbook, relationships
/// and styles are small parts, capped at ReadLimits::max_small_part_bytes; worksheets and the
/// shared strings only by the zip limits.
class PartXml {
 public:
  enum Size { small, large };

  PartXml(const Package& pkg, const std::string& part, Size size)
      : stream_(pkg.zip().open(part, size == small ? pkg.limits().max_small_part_bytes
                                                   : UINT64_MAX)),
        xml_([stream = stream_.get()](char* out, std::size_t n) { return stream->read(out, n); },
             part, pkg.file(), pkg.limits().xml) {}
  PartXml(const PartXml&) = delete;
  PartXml& operator=(const PartXml&) = delete;

  XmlReader& xml() { return xml_; }
  /// The decompressed size the archive states: a hint only (ZipPartStream::stated_size).
  std::uint64_t stated_size() const { return stream_->stated_size(); }

 private:
  std::unique_ptr<ZipPartStream> stream_;
  XmlReader xml_;
};

/// Relationships of a part, keyed by id; empty when the part has none.
std::unordered_map<std::string, Relationship> relationships(const Package& pkg,
                                                            const std::string& part) {
  std::unordered_map<std::string, Relationship> out;
  std::string rels = rels_part_of(part);
  if (!pkg.zip().contains(rels)) return out;
  PartXml in(pkg, rels, PartXml::small);
  XmlReader& xml = in.xml();
  bool root = false;  // the root is Relationships
  while (xml.next() != XmlEvent::eof) {
    if (xml.depth() == 1 && xml.is_start("Relationships")) root = true;
    if (!root || xml.depth() != 2 || !xml.is_start("Relationship")) continue;
    if (xml.attr("TargetMode") == "External") continue;
    std::string_view type = xml.attr("Type");
    auto slash = type.rfind('/');
    out[std::string(xml.attr("Id"))] = {
        std::string(slash == std::string_view::npos ? type : type.substr(slash + 1)),
        resolve_target(part, xml.attr("Target"))};
  }
  return out;
}

std::string find_workbook_part(const Package& pkg) {
  std::unordered_map<std::string, Relationship> rels;
  try {
    rels = relationships(pkg, "");
  } catch (const ReadError& e) {
    // A broken package index only points at the workbook; its usual place is tried below.
    if (e.failure() != ReadFailure::malformed_xml) throw;
  }
  for (const auto& [id, rel] : rels) {
    if (rel.type == "officeDocument" && pkg.zip().contains(rel.target)) return rel.target;
  }
  if (pkg.zip().contains("xl/workbook.xml")) return "xl/workbook.xml";
  std::string what = "ingen arbetsbok (xl/workbook.xml) i paketet";
  if (pkg.zip().contains("word/document.xml")) what = "ett Word-dokument, ingen arbetsbok";
  if (pkg.zip().contains("ppt/presentation.xml")) what = "en PowerPoint-presentation";
  if (pkg.zip().contains("content.xml")) what = "ett OpenDocument (.ods/.odt), ingen .xlsx";
  throw ReadError(ReadFailure::missing_part,
                  fmt::format("{}: filen är {}. Spara underlaget som Excel-arbetsbok (.xlsx).",
                              pkg.file(), what));
}

// ---------------------------------------------------------------------------------------------
// Styles

std::vector<NumberFormat> read_styles(const Package& pkg, const std::string& part) {
  std::vector<NumberFormat> formats;
  if (!part.empty() && pkg.zip().contains(part)) {
    PartXml in(pkg, part, PartXml::small);
    XmlReader& xml = in.xml();
    // The first numFmts and the first cellXfs under the root styleSheet: a list is open while
    // its elements are read, done after.
    enum List { before, open, done };
    bool root = false;
    List num_fmts = before, cell_xfs = before;
    std::unordered_map<std::uint32_t, std::string> custom;
    std::vector<std::uint32_t> xf_formats;  // numFmtId of each cellXfs/xf, in order
    while (xml.next() != XmlEvent::eof) {
      if (xml.depth() == 1 && xml.is_start("styleSheet")) root = true;
      if (!root) continue;
      if (xml.depth() == 2) {
        if (xml.is_start("numFmts") && num_fmts == before) num_fmts = open;
        if (xml.is_start("cellXfs") && cell_xfs == before) cell_xfs = open;
      } else if (xml.depth() == 1) {
        if (xml.is_end("numFmts") && num_fmts == open) num_fmts = done;
        if (xml.is_end("cellXfs") && cell_xfs == open) cell_xfs = done;
      } else if (xml.depth() == 3) {
        if (num_fmts == open && xml.is_start("numFmt")) {
          if (auto id = parse_uint(xml.attr("numFmtId"))) {
            custom[static_cast<std::uint32_t>(*id)] = xml.attr("formatCode");
          }
        } else if (cell_xfs == open && xml.is_start("xf")) {
          xf_formats.push_back(static_cast<std::uint32_t>(
              parse_uint(xml.attr("numFmtId")).value_or(0) & 0xFFFFFFFFu));
        }
      }
    }
    for (std::uint32_t id : xf_formats) {
      auto it = custom.find(id);
      std::string code = it != custom.end() ? it->second : std::string(builtin_format_code(id));
      bool date = is_date_format(id, it != custom.end() ? std::string_view(it->second) : "");
      formats.push_back({id, std::move(code), date});
    }
  }
  if (formats.empty()) formats.push_back({0, "General", false});
  return formats;
}

// ---------------------------------------------------------------------------------------------
// Streaming parts: helpers over XmlReader

/// Skips the rest of the element whose start was just read.
void skip_element(XmlReader& xml) {
  std::size_t depth = xml.depth();
  while (xml.depth() >= depth) {
    if (xml.next() == XmlEvent::eof) return;
  }
}

/// Appends the text content of the element whose start was just read, through its end. The
/// text of one value, in however many runs, is held to the reader's token limit.
void append_text(XmlReader& xml, std::string& out) {
  std::size_t depth = xml.depth();
  for (;;) {
    XmlEvent e = xml.next();
    if (e == XmlEvent::text) {
      out += xml.text();
      if (out.size() > xml.limits().max_token_bytes) xml.too_large();
    }
    if (e == XmlEvent::eof || xml.depth() < depth) return;
  }
}


/// The text of a string item (`<si>` or `<is>`): plain `<t>` and rich-text runs joined,
/// phonetic runs (`<rPh>`) left out.
std::string read_string_item(XmlReader& xml) {
  std::string out;
  std::size_t depth = xml.depth();
  for (;;) {
    XmlEvent e = xml.next();
    if (e == XmlEvent::eof || xml.depth() < depth) break;
    if (e != XmlEvent::start) continue;
    if (xml.name() == "rPh" || xml.name() == "phoneticPr") {
      skip_element(xml);
    } else if (xml.name() == "t") {
      append_text(xml, out);
    }
  }
  decode_ooxml_escapes(out);
  return out;
}

void read_shared_strings(const Package& pkg, const std::string& part, Workbook& wb,
                         std::uint64_t max_strings) {
  if (part.empty() || !pkg.zip().contains(part)) return;
  PartXml in(pkg, part, PartXml::large);
  XmlReader& xml = in.xml();
  while (xml.next() != XmlEvent::eof) {
    // `sstItem` is the Excel 2007 beta name of `si`.
    if (!xml.is_start("si") && !xml.is_start("sstItem")) continue;
    if (wb.strings.size() >= max_strings) {
      throw ReadError(ReadFailure::too_large,
                      fmt::format("{}: arbetsboken har fler än {} delade textvärden; filen läses "
                                  "inte.",
                                  wb.file_name, group_thousands(std::to_string(max_strings))));
    }
    wb.strings.push_back(read_string_item(xml));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/// Normalises a t="d" value to the contract's ISO form.
std::string iso_from_text(std::string_view v) {
  v = trim(v);
  std::string s(v);
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) s.pop_back();
  if (auto dot = s.find('.'); dot != std::string::npos && s.find('T') != std::string::npos) {
    s.erase(dot);
  }
  if (s.size() > 10 && s.substr(10) == "T00:00:00") s.resize(10);
  return s;
}

/// What a cell's `t` attribute says its value is; anything unknown is read as a number.
enum class ValueKind { number, shared_string, inline_string, formula_string, boolean, error, date };

ValueKind value_kind(std::string_view t) {
  if (t == "s") return ValueKind::shared_string;
  if (t == "str") return ValueKind::formula_string;
  if (t == "inlineStr") return ValueKind::inline_string;
  if (t == "b") return ValueKind::boolean;
  if (t == "e") return ValueKind::error;
  if (t == "d") return ValueKind::date;
  return ValueKind::number;
}

class SheetReader {
 public:
  SheetReader(XmlReader& xml, Workbook& wb, Sheet& sheet, std::size_t shared_count,
              std::uint64_t& cell_budget)
      : xml_(xml), wb_(wb), sheet_(sheet), shared_count_(shared_count),
        cell_budget_(cell_budget) {}

  void read() {
    while (xml_.next() != XmlEvent::eof) {
      if (xml_.is_start("sheetData")) {
        in_data_ = true;
      } else if (xml_.is_end("sheetData")) {
        in_data_ = false;
      } else if (in_data_ && xml_.is_start("row")) {
        start_row();
      } else if (in_data_ && xml_.is_start("c")) {
        read_cell();
      } else if (xml_.is_start("mergeCell")) {
        if (auto r = parse_range(xml_.attr("ref"))) sheet_.merged.push_back(*r);
      }
    }
    resolve_shared_formulas();
    order_cells();
  }

 private:
  struct Master {
    std::string formula;
    CellRef at;
  };

  [[noreturn]] void bad_reference(std::string_view what) {
    throw ReadError(ReadFailure::bad_reference,
                    fmt::format("{}: blad '{}': ogiltig cellreferens '{}' (utanför Excels "
                                "rutnät). Filen är skadad; spara om den i Excel.",
                                wb_.file_name, sheet_.name, what));
  }

  void start_row() {
    bool has_r = false;
    std::string_view r = xml_.attr("r", &has_r);
    if (has_r && !trim(r).empty()) {
      auto n = parse_uint(r);
      if (!n || *n == 0 || *n > kMaxRows) bad_reference(r);
      row_ = static_cast<std::uint32_t>(*n - 1);
    } else {
      row_ = row_started_ ? row_ + 1 : 0;
      if (row_ >= kMaxRows) bad_reference(fmt::format("rad {}", row_ + 1));
    }
    row_started_ = true;
    next_col_ = 0;
  }

  // The attributes are views into the XML reader's buffer: everything needed from them is
  // taken before the cell's children are read. The value and formula texts go to members
  // that keep their capacity from cell to cell.
  void read_cell() {
    bool has_r = false;
    std::string_view r = xml_.attr("r", &has_r);
    Cell cell;
    if (has_r && !trim(r).empty()) {
      auto ref = parse_cell_ref(trim(r));
      if (!ref) bad_reference(r);
      cell.row = ref->row;
      cell.col = ref->col;
      if (!row_started_ || ref->row != row_) {
        row_ = ref->row;  // a cell reference outranks a row without r
        row_started_ = true;
      }
    } else {
      if (next_col_ >= kMaxCols) bad_reference(fmt::format("kolumn {}", next_col_ + 1));
      cell.row = row_started_ ? row_ : 0;
      cell.col = next_col_;
    }
    next_col_ = cell.col + 1;
    const ValueKind kind = value_kind(xml_.attr("t"));
    cell.style = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(parse_uint(xml_.attr("s")).value_or(0), kNoIndex - 1));

    value_.clear();
    formula_.clear();
    inline_text_.clear();
    shared_index_.clear();
    bool has_value = false, has_formula = false, has_inline = false, shared_formula = false;
    std::size_t depth = xml_.depth();
    for (;;) {
      XmlEvent e = xml_.next();
      if (e == XmlEvent::eof || xml_.depth() < depth) break;
      if (e != XmlEvent::start) continue;
      if (xml_.name() == "v") {
        has_value = true;
        append_text(xml_, value_);
      } else if (xml_.name() == "f") {
        has_formula = true;
        shared_formula = xml_.attr("t") == "shared";
        shared_index_.assign(xml_.attr("si"));
        append_text(xml_, formula_);
      } else if (xml_.name() == "is") {
        has_inline = true;
        inline_text_ = read_string_item(xml_);
      } else {
        skip_element(xml_);
      }
    }
    if (!set_value(cell, kind, value_, has_value, inline_text_, has_inline)) {
      if (!has_formula) return;  // a styled blank
      cell.type = CellType::string;
      cell.text = add_string("");  // a formula without a cached value
    } else if (!has_formula && cell.type == CellType::string && wb_.strings[cell.text].empty()) {
      return;  // an empty string (`<si/>`, `<v></v>` as text) is an empty cell
    }
    if (has_formula) attach_formula(cell, shared_formula, shared_index_, formula_);
    if (cell_budget_ == 0) {
      throw ReadError(ReadFailure::too_large,
                      fmt::format("{}: arbetsboken har fler celler än gränsen; filen läses inte.",
                                  wb_.file_name));
    }
    --cell_budget_;
    if (!sheet_.cells.empty()) {
      const Cell& last = sheet_.cells.back();
      if (last.row > cell.row || (last.row == cell.row && last.col >= cell.col)) ordered_ = false;
    }
    sheet_.cells.push_back(cell);
  }

  /// Sets type and value; false when the cell has no value.
  bool set_value(Cell& cell, ValueKind kind, std::string& value, bool has_value,
                 std::string& inline_text, bool has_inline) {
    if (kind == ValueKind::inline_string || (has_inline && !has_value)) {
      if (!has_inline && !has_value) return false;
      cell.type = CellType::string;
      if (has_inline) {
        cell.text = add_string(std::move(inline_text));
      } else {
        decode_ooxml_escapes(value);
        cell.text = add_string(std::move(value));
      }
      return true;
    }
    if (!has_value) return false;
    if (kind == ValueKind::shared_string) {
      if (trim(value).empty()) return false;  // `<v/>`: nothing
      auto index = parse_uint(value);
      if (!index || *index >= shared_count_) {
        throw ReadError(ReadFailure::malformed_xml,
                        fmt::format("{}: blad '{}' cell {}: hänvisar till delad text nr {}, "
                                    "men tabellen har {} texter. Filen är skadad; spara om den "
                                    "i Excel.",
                                    wb_.file_name, sheet_.name, to_string(cell.ref()),
                                    trim(value), shared_count_));
      }
      cell.type = CellType::string;
      cell.text = static_cast<std::uint32_t>(*index);
      return true;
    }
    if (kind == ValueKind::formula_string) {
      cell.type = CellType::string;
      decode_ooxml_escapes(value);
      cell.text = add_string(std::move(value));
      return true;
    }
    if (kind == ValueKind::boolean) {
      if (trim(value).empty()) return false;
      cell.type = CellType::boolean;
      cell.number = truthy(value) ? 1 : 0;
      return true;
    }
    if (kind == ValueKind::error) {
      cell.type = CellType::error;
      cell.text = add_string(std::string(trim(value)));
      return true;
    }
    if (kind == ValueKind::date) {
      if (trim(value).empty()) return false;
      cell.type = CellType::date;
      cell.text = add_string(iso_from_text(value));
      return true;
    }
    if (trim(value).empty()) return false;
    if (auto number = parse_double(value)) {
      cell.number = *number;
      bool date = wb_.formats[cell.style < wb_.formats.size() ? cell.style : 0].is_date;
      cell.type = (date && is_date_serial(*number, wb_.date1904)) ? CellType::date
                                                                   : CellType::number;
    } else {
      cell.type = CellType::string;  // a writer that put text in a number cell
      cell.text = add_string(std::move(value));
    }
    return true;
  }

  void attach_formula(Cell& cell, bool shared, std::string_view si, std::string_view formula) {
    std::string_view text = trim(formula);
    if (shared && !si.empty()) {
      if (!text.empty()) {
        masters_[std::string(si)] = {std::string(text), cell.ref()};
      } else {
        pending_.push_back({sheet_.cells.size(), std::string(si)});
        return;
      }
    }
    if (text.empty()) return;
    if (text.front() == '=') text.remove_prefix(1);
    cell.formula = add_formula(text);
  }

  void resolve_shared_formulas() {
    for (const auto& [index, si] : pending_) {
      auto it = masters_.find(si);
      if (it == masters_.end()) continue;
      Cell& cell = sheet_.cells[index];
      const Master& m = it->second;
      std::string_view master = m.formula;
      if (!master.empty() && master.front() == '=') master.remove_prefix(1);
      cell.formula = add_formula(shift_formula(master, static_cast<long>(cell.row) - m.at.row,
                                               static_cast<long>(cell.col) - m.at.col));
    }
  }

  /// Row-major order, the last of two cells at one place winning.
  void order_cells() {
    if (ordered_) return;
    auto& cells = sheet_.cells;
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
      return a.row < b.row || (a.row == b.row && a.col < b.col);
    });
    std::vector<Cell> unique;
    unique.reserve(cells.size());
    for (const Cell& c : cells) {
      if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col) {
        unique.back() = c;
      } else {
        unique.push_back(c);
      }
    }
    cells.swap(unique);
  }

  /// Appends a formula text; its index.
  std::uint32_t add_formula(std::string_view text) {
    if (!formulas_reserved_) {
      // A sheet with formulas often has one in every row, and a vector of strings that grows
      // by doubling moves all of them again at each step. So the sheet's first formula makes
      // room for one per cell still expected (from the reserve in read_workbook): address
      // space, not memory, until used. At least doubling keeps many such sheets linear.
      formulas_reserved_ = true;
      std::vector<std::string>& formulas = wb_.formulas;
      std::size_t wanted = formulas.size() + (sheet_.cells.capacity() - sheet_.cells.size());
      if (wanted > formulas.capacity()) {
        formulas.reserve(std::max(wanted, 2 * formulas.capacity()));
        advise_huge_pages(formulas.data() + formulas.size(),
                          (formulas.capacity() - formulas.size()) * sizeof(std::string));
      }
    }
    wb_.formulas.emplace_back(text);
    return static_cast<std::uint32_t>(wb_.formulas.size() - 1);
  }

  std::uint32_t add_string(std::string s) {
    wb_.strings.push_back(std::move(s));
    return static_cast<std::uint32_t>(wb_.strings.size() - 1);
  }

  XmlReader& xml_;
  Workbook& wb_;
  Sheet& sheet_;
  std::size_t shared_count_;
  std::uint64_t& cell_budget_;
  bool in_data_ = false;
  bool row_started_ = false;
  bool ordered_ = true;
  bool formulas_reserved_ = false;
  std::uint32_t row_ = 0;
  std::uint32_t next_col_ = 0;
  std::unordered_map<std::string, Master> masters_;
  std::vector<std::pair<std::size_t, std::string>> pending_;  // cell index, shared index
  // Scratch texts of the cell being read.
  std::string value_;
  std::string formula_;
  std::string inline_text_;
  std::string shared_index_;
};

// ---------------------------------------------------------------------------------------------
// The workbook part

struct SheetEntry {
  std::string name;
  std::string part;  // "" when the relationship is missing
  SheetKind kind = SheetKind::worksheet;
  bool hidden = false;
  TextRepairs repaired;  // what clean_text() replaced in the name
};

/// The workbook part: the date system and the sheets, in order, with their parts found through
/// the workbook's relationships `rels`.
std::vector<SheetEntry> read_workbook_part(
    const Package& pkg, const std::string& part,
    const std::unordered_map<std::string, Relationship>& rels, Workbook& wb) {
  PartXml in(pkg, part, PartXml::small);
  XmlReader& xml = in.xml();
  const std::string dir = dir_of(part);
  std::vector<SheetEntry> entries;
  // The first workbookPr and the first sheets list under the root; sheets is open while its
  // elements are read.
  bool root = false, workbook_pr = false;
  enum List { before, open, done } sheets = before;
  while (xml.next() != XmlEvent::eof) {
    if (xml.depth() == 1 && xml.is_start("workbook")) root = true;
    if (!root) continue;
    if (xml.depth() == 2) {
      if (xml.is_start("workbookPr") && !workbook_pr) {
        workbook_pr = true;
        wb.date1904 = truthy(xml.attr("date1904"));
      }
      if (xml.is_start("sheets") && sheets == before) sheets = open;
    } else if (xml.depth() == 1 && xml.is_end("sheets") && sheets == open) {
      sheets = done;
    } else if (xml.depth() == 3 && sheets == open && xml.is_start("sheet")) {
      SheetEntry entry;
      entry.name = xml.attr("name");
      entry.repaired = clean_text(entry.name);
      std::string_view state = xml.attr("state");
      entry.hidden = state == "hidden" || state == "veryHidden";
      auto rel = rels.find(std::string(xml.prefixed_attr("id")));
      if (rel != rels.end()) {
        entry.part = rel->second.target;
        if (rel->second.type == "chartsheet") entry.kind = SheetKind::chartsheet;
        else if (rel->second.type != "worksheet") entry.kind = SheetKind::other;
      } else {
        // Writers that leave out the relationships still name the parts in order.
        std::string guess = fmt::format("{}worksheets/sheet{}.xml", dir, entries.size() + 1);
        if (pkg.zip().contains(guess)) entry.part = guess;
      }
      entries.push_back(std::move(entry));
    }
  }
  // Checked once the whole part has been read, so a part that is also broken says so first.
  if (!root) {
    throw ReadError(ReadFailure::malformed_xml,
                    fmt::format("{}: delen '{}' saknar elementet workbook. Spara om filen i "
                                "Excel och försök igen.",
                                wb.file_name, part));
  }
  return entries;
}

/// Every string and formula made fit for output (clean_text()); each cell whose text changed
/// is noted in Workbook::repairs. One pass over the strings' bytes when none needs it.
void repair_texts(Workbook& wb) {
  std::vector<std::pair<std::uint32_t, TextRepairs>> changed;  // string index, what
  for (std::size_t i = 0; i < wb.strings.size(); ++i) {
    TextRepairs r = clean_text(wb.strings[i]);
    if (r.any()) changed.emplace_back(static_cast<std::uint32_t>(i), r);
  }
  for (std::string& f : wb.formulas) clean_text(f);
  if (changed.empty()) return;
  for (std::size_t s = 0; s < wb.sheets.size(); ++s) {
    for (const Cell& c : wb.sheets[s].cells) {
      if (c.text == kNoIndex) continue;
      auto it = std::lower_bound(changed.begin(), changed.end(), c.text,
                                 [](const auto& x, std::uint32_t t) { return x.first < t; });
      if (it == changed.end() || it->first != c.text) continue;
      wb.repairs.push_back({static_cast<std::uint32_t>(s), c.row, c.col, it->second});
    }
  }
  std::stable_sort(wb.repairs.begin(), wb.repairs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.sheet, a.row, a.col) < std::tie(b.sheet, b.row, b.col);
  });
}

}  // namespace

Workbook read_workbook(std::span<const std::byte> bytes, std::string_view name,
                       const ReadLimits& limits) {
  require_zip_signature(bytes, name);
  Package pkg(bytes, std::string(name), limits);
  Workbook wb;
  wb.file_name = std::string(name);

  std::string workbook_part = find_workbook_part(pkg);
  auto rels = relationships(pkg, workbook_part);
  std::vector<SheetEntry> entries = read_workbook_part(pkg, workbook_part, rels, wb);

  std::string styles_part, strings_part;
  for (const auto& [id, rel] : rels) {
    if (rel.type == "styles") styles_part = rel.target;
    if (rel.type == "sharedStrings") strings_part = rel.target;
  }
  std::string dir = dir_of(workbook_part);
  if (styles_part.empty()) styles_part = dir + "styles.xml";
  if (strings_part.empty()) strings_part = dir + "sharedStrings.xml";

  wb.formats = read_styles(pkg, styles_part);
  read_shared_strings(pkg, strings_part, wb, limits.max_shared_strings);
  const std::size_t shared_count = wb.strings.size();

  std::uint64_t cell_budget = limits.max_cells;
  for (const SheetEntry& entry : entries) {
    Sheet sheet;
    sheet.name = entry.name;
    sheet.kind = entry.kind;
    sheet.hidden = entry.hidden;
    if (entry.kind == SheetKind::worksheet && !entry.part.empty()) {
      if (!pkg.zip().contains(entry.part)) {
        throw ReadError(ReadFailure::missing_part,
                        fmt::format("{}: bladet '{}' saknas i arbetsboken (delen '{}'). Filen är "
                                    "ofullständig; spara om den i Excel.",
                                    wb.file_name, entry.name, entry.part));
      }
      PartXml in(pkg, entry.part, PartXml::large);
      // No cell takes fewer than 16 bytes of XML (`<c r="A1"><v>1</v></c>` is 22), so this
      // reserve is never short for an honest size; pages are only touched as cells arrive, so
      // over-reserving costs address space, not memory. Growing by doubling instead costs a
      // copy and fresh page faults at every step.
      constexpr std::uint64_t kMaxReserve = 4'000'000;  // beyond that, growth is cheap enough
      sheet.cells.reserve(static_cast<std::size_t>(
          std::min({in.stated_size() / 16, cell_budget, kMaxReserve})));
      advise_huge_pages(sheet.cells.data(), sheet.cells.capacity() * sizeof(Cell));
      SheetReader(in.xml(), wb, sheet, shared_count, cell_budget).read();
    }
    wb.sheets.push_back(std::move(sheet));
    if (entry.repaired.any()) {
      wb.repairs.push_back({static_cast<std::uint32_t>(wb.sheets.size() - 1), kNoIndex, 0,
                            entry.repaired});
    }
  }
  repair_texts(wb);
  return wb;
}

}  // namespace arsanalys::xlsx

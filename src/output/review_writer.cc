#include "output/review_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "analys/amount.h"
#include "core/file_io.h"
#include "core/names.h"
#include "writer/style.h"
#include "writer/xlsx_writer.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

namespace fs = std::filesystem;
using analys::Amount;
using analys::ColumnKind;
using analys::Line;
using analys::LineKind;
using analys::Submission;
using analys::Table;

constexpr std::string_view kSubject = "Granskningskopian";
constexpr std::string_view kSummarySheet = "Sammanfattning";
constexpr std::string_view kFindingsSheet = "Fynd";

// Fills: findings by level (Excel's own "bad" / "neutral" tones and a light blue), headings
// grey, group rows a lighter grey.
using style::kFelFill;
using style::kHeadingFill;
using style::kInfoFill;
using style::kNoFill;
using style::kVarningFill;
constexpr lxw_color_t kGroupFill = style::kSubtleFill;

// Kronor as whole numbers with thousands separators; tkr with up to three decimals.
constexpr std::string_view kWholeFormat = style::kTkrWhole;
constexpr std::string_view kFractionFormat = style::kTkrExact;


lxw_color_t fill_of(Level level) {
  switch (level) {
    case Level::fel:
      return kFelFill;
    case Level::varning:
      return kVarningFill;
    case Level::info:
      return kInfoFill;
  }
  return kNoFill;
}

using style::Look;

const Look kTitle = style::title_look();
const Look kBold = style::bold_look();
const Look kHeading = style::heading_look();

/// A finding's place: sheet and cell.
using Place = std::tuple<std::string, std::uint32_t, std::uint32_t>;

/// The findings of one file, by the cell they point at.
class FindingIndex {
 public:
  FindingIndex(const Findings& all, const std::string& file) {
    for (const Finding& f : all) {
      if (f.where.file != file) continue;
      mine_.push_back(&f);
      if (auto ref = xlsx::parse_cell_ref(f.where.cell)) {
        at_[{f.where.sheet, ref->row, ref->col}].push_back(&f);
      }
    }
  }
  const std::vector<const Finding*>& mine() const { return mine_; }
  /// The findings at a cell, taken: a finding is shown at one place only.
  std::vector<const Finding*> take(const std::string& sheet, xlsx::CellRef ref) {
    auto it = at_.find({sheet, ref.row, ref.col});
    if (it == at_.end()) return {};
    std::vector<const Finding*> out = std::move(it->second);
    at_.erase(it);
    return out;
  }
  /// Findings not yet taken inside a range of a sheet, in row-major order, taken.
  std::vector<const Finding*> take_inside(const std::string& sheet, const xlsx::Range& r) {
    std::vector<const Finding*> out;
    for (auto it = at_.begin(); it != at_.end();) {
      auto [name, row, col] = it->first;
      if (name == sheet && row >= r.first.row && row <= r.last.row && col >= r.first.col &&
          col <= r.last.col) {
        out.insert(out.end(), it->second.begin(), it->second.end());
        it = at_.erase(it);
      } else {
        ++it;
      }
    }
    return out;
  }

 private:
  std::vector<const Finding*> mine_;
  std::map<Place, std::vector<const Finding*>> at_;
};

/// The most serious level among findings.
Level worst(const std::vector<const Finding*>& findings) {
  Level level = Level::info;
  for (const Finding* f : findings) level = std::min(level, f->level);
  return level;
}

/// Counts findings of a table's range (before they are taken), for the summary.
std::size_t count_inside(const std::vector<const Finding*>& findings, const Table& t) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](auto* f) {
    auto ref = xlsx::parse_cell_ref(f->where.cell);
    return ref && f->where.sheet == t.sheet && ref->row >= t.range.first.row &&
           ref->row <= t.range.last.row && ref->col >= t.range.first.col &&
           ref->col <= t.range.last.col;
  }));
}

/// Writing cells of one sheet, every libxlsxwriter error checked.
class SheetWriter {
 public:
  SheetWriter(XlsxBook& book, Formats& formats, std::string_view name)
      : book_(book), formats_(formats), ws_(book.add_sheet(name)) {}

  lxw_worksheet* get() const { return ws_; }
  void text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look = {}) {
    book_.check(worksheet_write_string(ws_, row, col, text.c_str(), format(look)), "skriva text");
  }
  void number(lxw_row_t row, lxw_col_t col, double value, const Look& look = {}) {
    book_.check(worksheet_write_number(ws_, row, col, value, format(look)), "skriva tal");
  }
  void blank(lxw_row_t row, lxw_col_t col, const Look& look) {
    book_.check(worksheet_write_blank(ws_, row, col, format(look)), "formatera cell");
  }
  void link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text) {
    std::string url = "internal:" + sheet_ref(sheet, "A1");
    book_.check(worksheet_write_url_opt(ws_, row, col, url.c_str(), nullptr, text.c_str(), nullptr),
                "skriva länk");
  }
  /// `text` across columns first..last of a row, wrapped, the row as high as it needs.
  void paragraph(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                 double width, const Look& look = {}) {
    Look wrapped = look;
    wrapped.wrap = true;
    book_.check(worksheet_merge_range(ws_, row, first, row, last, text.c_str(), format(wrapped)),
                "slå ihop celler");
    height(row, lines_needed(text, width));
  }
  void width(lxw_col_t first, lxw_col_t last, double chars) {
    book_.check(worksheet_set_column(ws_, first, last, chars, nullptr), "sätta kolumnbredd");
  }
  /// Gives a row the height of `lines` lines (neither Excel nor LibreOffice fits the height of
  /// wrapped text on opening).
  void height(lxw_row_t row, std::size_t lines) {
    if (lines <= 1) return;
    book_.check(worksheet_set_row(ws_, row, kLineHeight * static_cast<double>(lines), nullptr),
                "sätta radhöjd");
  }
  /// `KOD: meddelande` of each finding as the cell's comment.
  void comment(lxw_row_t row, lxw_col_t col, const std::vector<const Finding*>& findings) {
    std::string text;
    for (const Finding* f : findings) {
      if (!text.empty()) text += "\n";
      text += fmt::format("{}: {}", f->code, f->message);
    }
    if (text.size() > 32000) {  // Excel's limit is 32 767 characters; cut at a character
      std::size_t cut = 32000;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.resize(cut);
    }
    static char author[] = "arsanalys";
    constexpr double kChars = 48;  // characters per line of a 340 px box
    lxw_comment_options options{};
    options.author = author;
    options.width = 340;
    options.height = static_cast<std::uint16_t>(
        std::min<std::size_t>(600, 10 + 16 * lines_needed(text, kChars)));
    book_.check(worksheet_write_comment_opt(ws_, row, col, text.c_str(), &options),
                "skriva kommentar");
  }
  /// Printed landscape on A4, one page wide, rows repeat_first..repeat_last on every page.
  void print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last) {
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    book_.check(worksheet_repeat_rows(ws_, repeat_first, repeat_last), "upprepa rubrikrader");
  }

 private:
  lxw_format* format(const Look& look) { return formats_(look); }

  XlsxBook& book_;
  Formats& formats_;
  lxw_worksheet* ws_;
};

/// A table of the review copy: the recognised table, whether it is the coarser summary and the
/// sheet it goes on.
struct Shown {
  const Table* table;
  bool summary;
  std::string title;  // "3.1a Förvaltningskostnader (översikt)"
  std::string sheet;  // "3.1a Förvaltning (översikt)"
};

/// A text column's heading: the template's, when the heading found holds its words (found
/// headings are kept folded to lower case), else the heading found with a capital letter.
std::string text_heading(const analys::TableDef* def, const analys::Column& c) {
  for (std::size_t i = 0; def != nullptr && i < def->columns.size(); ++i) {
    const analys::ColumnDef& d = def->columns[i];
    if (d.kind != ColumnKind::text) continue;
    for (const std::string& word : d.words) {
      if (c.heading.find(word) != std::string::npos) return d.heading;
    }
  }
  std::string heading = c.heading;
  if (!heading.empty()) {
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
  }
  return heading;
}

/// `Budget 2023 (tkr)`, in the table's unit; a column of text keeps its heading.
std::string column_heading(const analys::TableDef* def, const analys::Column& c,
                           analys::Unit unit) {
  static const std::map<ColumnKind, std::string_view> kWhat = {
      {ColumnKind::utfall, "Utfall"},
      {ColumnKind::budget, "Budget"},
      {ColumnKind::prognos, "Prognos budget"},
      {ColumnKind::kostnad, "År"},
      {ColumnKind::effekt, "Påverkan förvaltningskostnad"},
  };
  auto what = kWhat.find(c.kind);
  if (what == kWhat.end()) return text_heading(def, c);
  std::string_view u = analys::unit_name(unit);
  if (c.year == 0) return fmt::format("{} ({})", c.heading.empty() ? what->second : c.heading, u);
  return fmt::format("{} {} ({})", what->second, c.year, u);
}

std::string_view line_kind_name(const Table& t, LineKind kind) {
  switch (kind) {
    case LineKind::row:
      return t.id == "nya_insatser" ? "insats" : "tjänst";
    case LineKind::group:
      return "grupp";
    case LineKind::subtotal:
      return "delsumma";
    case LineKind::total:
      return "total";
  }
  return "";
}

/// The text of a cell as the supplier wrote it ("XXX", "*"), "" when it is not text.
std::string cell_text(const xlsx::Workbook& wb, const Table& t, const Location& at) {
  const xlsx::Sheet* sheet =
      t.sheet_index < wb.sheets.size() && wb.sheets[t.sheet_index].name == t.sheet
          ? &wb.sheets[t.sheet_index]
          : wb.sheet(t.sheet);
  auto ref = xlsx::parse_cell_ref(at.cell);
  if (sheet == nullptr || !ref) return {};
  const xlsx::Cell* cell = sheet->find(ref->row, ref->col);
  return cell == nullptr ? std::string() : std::string(wb.text(*cell));
}

/// Everything one review copy is written from.
struct Review {
  const analys::TemplateDef& def;
  const Submission& s;
  const xlsx::Workbook& wb;
  FindingIndex findings;
  std::vector<Shown> shown;
};

// --- Sammanfattning ---------------------------------------------------------------------------

void write_summary(SheetWriter& ws, const Review& r) {
  const Submission& s = r.s;
  ws.width(0, 0, 40);
  ws.width(1, 1, 12);
  ws.width(2, 2, 24);
  ws.width(3, 5, 10);
  ws.width(6, 6, 30);
  constexpr double kWidth = 136;  // all seven columns
  worksheet_fit_to_pages(ws.get(), 1, 0);
  worksheet_set_paper(ws.get(), 9);
  ws.text(0, 0,
          s.year != 0 ? fmt::format("Granskningskopia av Årlig analys {}", s.year)
                      : std::string("Granskningskopia av Årlig analys"),
          kTitle);
  lxw_row_t row = 2;
  auto field = [&](std::string label, std::string value) {
    ws.text(row, 0, label, kBold);
    ws.text(row++, 1, value);
  };
  field("Leverantör", s.supplier);
  field("Fil", s.file);
  field("Analysår", s.year != 0 ? std::to_string(s.year) : "okänt (inga årtal i rubrikerna)");
  field("Förslag enligt 2.2", std::to_string(s.proposals.size()));

  ++row;
  ws.text(row++, 0, "Fynd", kBold);
  std::map<Level, int> count;
  for (const Finding* f : r.findings.mine()) ++count[f->level];
  for (auto [level, label] : {std::pair{Level::fel, "Fel"}, std::pair{Level::varning, "Varningar"},
                              std::pair{Level::info, "Info"}}) {
    ws.text(row, 0, label);
    ws.number(row++, 1, count[level],
              {.fill = count[level] > 0 ? fill_of(level) : kNoFill, .boxed = true});
  }

  ++row;
  ws.text(row++, 0, "Tabeller som lästes", kBold);
  const char* headings[] = {"Tabell", "Nivå", "Blad i filen",      "Celler",
                            "Rader",  "Fynd", "Blad i denna kopia"};
  for (lxw_col_t c = 0; c < 7; ++c) ws.text(row, c, headings[c], kHeading);
  ++row;
  for (const Shown& t : r.shown) {
    ws.text(row, 0, t.title);
    ws.text(row, 1, t.summary ? "översikt" : "detaljerad");
    ws.text(row, 2, t.table->sheet);
    ws.text(row, 3, xlsx::to_string(t.table->range));
    ws.number(row, 4, static_cast<double>(t.table->lines.size()));
    std::size_t n = count_inside(r.findings.mine(), *t.table);
    ws.number(row, 5, static_cast<double>(n));
    ws.link(row, 6, t.sheet, t.sheet);
    ++row;
  }
  if (r.shown.empty()) ws.text(row++, 0, "Inga tabeller ur mallen hittades.");

  ++row;
  ws.text(row++, 0, "Mallens tabeller som saknas", kBold);
  bool missing = false;
  for (const analys::TableDef& t : r.def.tables) {
    if (s.table(t.id) != nullptr) continue;
    ws.text(row++, 0, std::string(analys::table_name(t.id).title), {.fill = kFelFill});
    missing = true;
  }
  if (!missing) ws.text(row++, 0, "Inga: alla mallens tabeller hittades.");

  ++row;
  ws.text(row++, 0, "Så läses kopian", kBold);
  const char* help[] = {
      "Varje tabell som hittades har ett eget blad med beloppen i tabellens enhet (tkr om "
      "tabellen inte anger något annat), exakt som de lästes ur filen, och i kolumnen Källa den "
      "cell i filen som raden lästes från.",
      "Celler med fynd är färgade: röd = fel, gul = varning, ljusblå = info. Kommentaren på "
      "cellen (håll muspekaren över den) säger vad som är fel.",
      "Bladet Fynd listar alla fynd i filen, även de som inte hör till en tabell (till exempel "
      "förslagen enligt 2.2).",
  };
  for (const char* line : help) ws.paragraph(row++, 0, 6, line, kWidth);
}

// --- Fynd -------------------------------------------------------------------------------------

/// An amount of kronor as tkr in a cell of the Fynd sheet.
void write_tkr(SheetWriter& ws, lxw_row_t row, lxw_col_t col, std::optional<std::int64_t> kronor,
               Look look) {
  if (!kronor) {
    ws.blank(row, col, look);
    return;
  }
  look.number = *kronor % 1000 == 0 ? kWholeFormat : kFractionFormat;
  ws.number(row, col, static_cast<double>(*kronor) / 1000.0, look);
}

void write_findings(SheetWriter& ws, const Review& r) {
  constexpr double kMessageWidth = 80;
  const double widths[] = {9, 20, 22, 7, kMessageWidth, 14, 14};
  for (lxw_col_t c = 0; c < 7; ++c) ws.width(c, c, widths[c]);
  const char* headings[] = {"Nivå",       "Kod",         "Blad",           "Cell",
                            "Meddelande", "Värde (tkr)", "Förväntat (tkr)"};
  for (lxw_col_t c = 0; c < 7; ++c) ws.text(0, c, headings[c], kHeading);
  lxw_row_t row = 1;
  for (const Finding* f : r.findings.mine()) {
    Look look{.fill = f->level == Level::info ? kNoFill : fill_of(f->level)};
    Look wrapped = look;
    wrapped.wrap = true;
    ws.text(row, 0, std::string(level_name(f->level)), look);
    ws.text(row, 1, f->code, look);
    ws.text(row, 2, f->where.sheet, look);
    ws.text(row, 3, f->where.cell, look);
    ws.text(row, 4, f->message, wrapped);
    write_tkr(ws, row, 5, f->value_kr, look);
    write_tkr(ws, row, 6, f->expected_kr, look);
    ws.height(row, lines_needed(f->message, kMessageWidth));
    ++row;
  }
  if (r.findings.mine().empty()) ws.text(row++, 0, "Inga fynd.");
  lxw_row_t last = std::max<lxw_row_t>(1, row - 1);
  worksheet_freeze_panes(ws.get(), 1, 0);
  ws.print_wide(0, 0);
  if (!r.findings.mine().empty()) {
    worksheet_autofilter(ws.get(), 0, 0, last, 6);
  } else {
    worksheet_autofilter(ws.get(), 0, 0, 0, 6);
  }
}

// --- One sheet per table ----------------------------------------------------------------------

/// Column layout of a table's sheet.
struct TableLayout {
  static constexpr lxw_col_t kLabel = 0;
  static constexpr lxw_col_t kArea = 1;
  static constexpr lxw_col_t kKind = 2;
  static constexpr lxw_col_t kFirstValue = 3;
  lxw_col_t source = 0;  // the Källa column
  double source_width = 12;
  double label_width = 40;
  double area_width = 10;
  std::vector<double> value_widths;
  double width() const {
    double w = label_width + area_width + 10 + source_width;
    for (double v : value_widths) w += v;
    return w;
  }
};

TableLayout layout_of(const Table& t) {
  TableLayout l;
  std::size_t label = 12, area = 6;
  for (const Line& line : t.lines) {
    label = std::max(label, text_length(line.label));
    area = std::max(area, text_length(line.area));
  }
  l.label_width = std::min<double>(60, static_cast<double>(label) + 2);
  l.area_width = std::min<double>(30, static_cast<double>(area) + 2);
  for (const auto& c : t.columns) {
    double w = c.kind == ColumnKind::text ? 40 : c.kind == ColumnKind::effekt ? 20 : 16;
    l.value_widths.push_back(w);
  }
  l.source = static_cast<lxw_col_t>(TableLayout::kFirstValue + t.columns.size());
  // Källa: "'3.1a Förvaltningskostnader'!C12".
  l.source_width = std::min<double>(40, static_cast<double>(text_length(t.sheet)) + 10);
  return l;
}

/// Marks a cell of the review sheet with findings: their fill over `look`, and a comment.
Look mark(SheetWriter& ws, lxw_row_t row, lxw_col_t col, const std::vector<const Finding*>& found,
          Look look) {
  if (found.empty()) return look;
  look.fill = fill_of(worst(found));
  ws.comment(row, col, found);
  return look;
}

/// The look of a line's cells.
Look line_look(LineKind kind) {
  switch (kind) {
    case LineKind::row:
      return {};
    case LineKind::group:
      return {.bold = true, .fill = kGroupFill};
    case LineKind::subtotal:
      return {.italic = true, .rule = true};
    case LineKind::total:
      return {.bold = true, .rule = true};
  }
  return {};
}

/// One figure (or an empty amount cell) of a line.
void write_figure(SheetWriter& ws, lxw_row_t row, lxw_col_t col, const Review& r, const Table& t,
                  const std::optional<analys::Figure>& figure, Look look) {
  if (!figure) {
    ws.blank(row, col, look);
    return;
  }
  if (figure->amount.kind == Amount::Kind::amount) {
    // In the unit the supplier wrote (tkr as a rule), not in kronor.
    std::int64_t factor = analys::unit_factor(t.unit);
    look.number = figure->amount.kronor % factor == 0 ? kWholeFormat : kFractionFormat;
    ws.number(row, col, static_cast<double>(figure->amount.kronor) / static_cast<double>(factor),
              look);
    return;
  }
  // A placeholder, dash or unparsed text: shown as the supplier wrote it.
  std::string text = cell_text(r.wb, t, figure->source);
  look.right = true;
  if (text.empty()) {
    ws.blank(row, col, look);
  } else {
    ws.text(row, col, text, look);
  }
}

/// Where a line was read from: its first figure's cell (a dash is no figure), else its label's.
std::string line_source(const Submission& s, const Table& t, const Line& line) {
  for (const auto& v : line.values) {
    if (v && v->amount.kind != Amount::Kind::nothing) return v->source.ref();
  }
  return Location{s.file, t.sheet, xlsx::to_string(xlsx::CellRef{line.row, t.label_col})}.ref();
}

lxw_row_t write_line(SheetWriter& ws, lxw_row_t row, Review& r, const Table& t, const Line& line,
                     const TableLayout& l) {
  Look base = line_look(line.kind);
  std::size_t lines = 1;
  std::string label = line.label;
  if (label.empty() && line.kind == LineKind::subtotal) {
    label = line.area.empty() ? "Delsumma" : fmt::format("Delsumma {}", line.area);
  }
  Look label_look = base;
  label_look.wrap = true;
  auto at_label = r.findings.take(t.sheet, {line.row, t.label_col});
  ws.text(row, TableLayout::kLabel, label,
          mark(ws, row, TableLayout::kLabel, at_label, label_look));
  lines = std::max(lines, lines_needed(label, l.label_width));
  ws.text(row, TableLayout::kArea, line.area, base);
  ws.text(row, TableLayout::kKind, std::string(line_kind_name(t, line.kind)), base);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const analys::Column& c = t.columns[i];
    auto col = static_cast<lxw_col_t>(TableLayout::kFirstValue + i);
    const std::optional<analys::Figure>& figure =
        i < line.values.size() ? line.values[i] : std::nullopt;
    xlsx::CellRef at{line.row, c.col};
    if (figure) {
      if (auto ref = xlsx::parse_cell_ref(figure->source.cell)) at = *ref;
    }
    Look look = mark(ws, row, col, r.findings.take(t.sheet, at), base);
    if (c.kind == ColumnKind::text) {
      std::string text = i < line.texts.size() ? line.texts[i] : std::string();
      look.wrap = true;
      ws.text(row, col, text, look);
      lines = std::max(lines, lines_needed(text, l.value_widths[i]));
    } else {
      write_figure(ws, row, col, r, t, figure, look);
    }
  }
  ws.text(row, l.source, line_source(r.s, t, line), base);
  ws.height(row, std::min<std::size_t>(lines, 20));
  return row + 1;
}

void write_table(SheetWriter& ws, Review& r, const Shown& shown) {
  const Table& t = *shown.table;
  TableLayout l = layout_of(t);
  ws.width(TableLayout::kLabel, TableLayout::kLabel, l.label_width);
  ws.width(TableLayout::kArea, TableLayout::kArea, l.area_width);
  ws.width(TableLayout::kKind, TableLayout::kKind, 10);
  for (std::size_t i = 0; i < l.value_widths.size(); ++i) {
    auto col = static_cast<lxw_col_t>(TableLayout::kFirstValue + i);
    ws.width(col, col, l.value_widths[i]);
  }
  ws.width(l.source, l.source, l.source_width);

  ws.text(0, 0, shown.title, kTitle);
  std::string read_from = fmt::format("Läst ur filen {}, blad '{}', cellerna {}.", r.s.file,
                                      t.sheet, xlsx::to_string(t.range));
  if (t.stated_index) {
    read_from += fmt::format(" Rubriken anger index {} %.", format_decimal(*t.stated_index));
  }
  ws.paragraph(1, 0, l.source, read_from, l.width());
  ws.paragraph(2, 0, l.source, fmt::format("Tabellens rubrik i filen: {}", t.title), l.width(),
               {.italic = true});
  bool amounts = std::any_of(t.columns.begin(), t.columns.end(),
                             [](const auto& c) { return c.kind != ColumnKind::text; });
  std::string how = amounts
                        ? fmt::format("Belopp i {}, tabellens enhet, exakt som de lästes.",
                                      analys::unit_name(t.unit))
                        : std::string("Texterna som de lästes.");
  ws.paragraph(3, 0, l.source,
               how +
                   " Färgade celler har fynd: röd = fel, gul = varning, ljusblå = info; "
                   "kommentaren på cellen säger vad.",
               l.width());

  constexpr lxw_row_t kHeader = 5;
  std::vector<std::string> headings = {"Rad", "Område", "Radtyp"};
  for (const auto& c : t.columns) headings.push_back(column_heading(r.def.table(t.id), c, t.unit));
  headings.push_back("Källa");
  std::size_t lines = 1;
  lxw_row_t first_line = t.lines.empty() ? t.range.last.row + 1 : t.lines.front().row;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    auto col = static_cast<lxw_col_t>(i);
    Look look = kHeading;
    // A finding on a column's heading in the file (a year, how effects are meant).
    if (i >= TableLayout::kFirstValue && col < l.source) {
      const analys::Column& c = t.columns[i - TableLayout::kFirstValue];
      std::vector<const Finding*> found;
      for (lxw_row_t row = t.range.first.row; row < first_line; ++row) {
        auto more = r.findings.take(t.sheet, {row, c.col});
        found.insert(found.end(), more.begin(), more.end());
      }
      look = mark(ws, kHeader, col, found, look);
    }
    double width = i == 0            ? l.label_width
                   : i == 1          ? l.area_width
                   : i == 2          ? 10
                   : col == l.source ? l.source_width
                                     : l.value_widths[i - TableLayout::kFirstValue];
    ws.text(kHeader, col, headings[i], look);
    // Bold headings break at words: measured in a narrower column to be safe.
    lines = std::max(lines, lines_needed(headings[i], width * 0.75));
  }
  ws.height(kHeader, lines);

  lxw_row_t row = kHeader + 1;
  for (const Line& line : t.lines) row = write_line(ws, row, r, t, line, l);
  if (t.lines.empty()) ws.text(row++, 0, "Tabellen har inga rader.", {.italic = true});

  // Findings elsewhere in the table's cells (its title): on the sheet's title.
  auto rest = r.findings.take_inside(t.sheet, t.range);
  if (!rest.empty()) {
    ws.text(0, 0, shown.title, mark(ws, 0, 0, rest, kTitle));
  }
  worksheet_freeze_panes(ws.get(), kHeader + 1, 1);
  ws.print_wide(kHeader, kHeader);
}

}  // namespace

std::string review_workbook(const analys::TemplateDef& def, const Submission& s,
                            const xlsx::Workbook& wb, const Findings& findings,
                            const fs::path& scratch) {
  Review r{def, s, wb, FindingIndex(findings, s.file), {}};
  SheetNames names{kSummarySheet, kFindingsSheet};
  for (const Table& t : s.tables) {
    analys::TableName n = analys::table_name(t.id);
    r.shown.push_back({&t, false, std::string(n.title), names.claim(std::string(n.sheet))});
  }
  std::map<std::string, int> summaries, seen;
  for (const Table& t : s.summaries) ++summaries[t.id];
  for (const Table& t : s.summaries) {
    analys::TableName n = analys::table_name(t.id);
    // Two summaries of one table (areas, and areas by year): numbered.
    std::string which = summaries[t.id] > 1 ? fmt::format("översikt {}", ++seen[t.id]) : "översikt";
    r.shown.push_back({&t, true, fmt::format("{} ({})", n.title, which),
                       names.claim(fmt::format("{} ({})", n.sheet, which))});
  }

  XlsxBook book(std::string(kSubject), "granskning", scratch);
  book.set_properties({.title = fmt::format("Granskningskopia: {}", s.file),
                       .subject = s.supplier,
                       .created = new_year(s.year != 0 ? s.year - 1 : 2000)});
  Formats formats(book);
  SheetWriter summary(book, formats, kSummarySheet);
  SheetWriter found(book, formats, kFindingsSheet);
  for (const Shown& shown : r.shown) {
    SheetWriter ws(book, formats, shown.sheet);
    write_table(ws, r, shown);
  }
  // Written last: the table sheets take the findings they show, the lists count them all.
  write_summary(summary, r);
  write_findings(found, r);
  return book.finish();
}

void write_review(const analys::TemplateDef& def, const Submission& s, const xlsx::Workbook& wb,
                  const Findings& findings, const fs::path& path) {
  write_file_atomic(path, review_workbook(def, s, wb, findings));
}

std::string review_file_name(std::string_view file, bool* shortened) {
  fs::path name = fs::path(file).filename();
  return portable_file_name(name.stem().string(), ".xlsx", "", shortened);
}

fs::path review_path(const fs::path& out_dir, std::string_view file) {
  return out_dir / "granskning" / review_file_name(file);
}

}  // namespace arsanalys::output

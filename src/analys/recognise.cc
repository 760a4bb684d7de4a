#include "analys/recognise.h"
#include "core/text.h"

#include <algorithm>
#include <utility>
#include <cmath>
#include <optional>
#include <regex>

#include <fmt/format.h>

namespace arsanalys::analys {
using xlsx::Cell;
using xlsx::CellType;
using xlsx::Sheet;
using xlsx::Workbook;

namespace {

/// How far below a title its header row may be.
constexpr std::uint32_t kHeaderSearchRows = 6;
/// Empty rows that end a table.
constexpr std::uint32_t kEndGapRows = 2;

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

bool contains_any(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const auto& w) { return contains(text, w); });
}

/// A cell's value as text (numbers as written by fmt), for matching headers and labels.
std::string cell_text(const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::string:
    case CellType::error: return std::string(wb.text(cell));
    case CellType::number: return fmt::format("{}", cell.number);
    case CellType::boolean: return cell.number != 0 ? "SANT" : "FALSKT";
    case CellType::date: return wb.date_iso(cell);
  }
  return {};
}

/// First year 1990..2100 written in the text, or 0.
int year_in(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = std::all_of(text.begin() + i, text.begin() + i + 4,
                              [](char c) { return c >= '0' && c <= '9'; });
    bool alone = (i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9')) &&
                 (i + 4 == text.size() || !(text[i + 4] >= '0' && text[i + 4] <= '9'));
    if (digits && alone) {
      int y = std::stoi(std::string(text.substr(i, 4)));
      if (y >= 1990 && y <= 2100) return y;
    }
  }
  return 0;
}

/// "inkl index 3,3%" -> 3.3.
std::optional<Rational> index_in(std::string_view folded) {
  static const std::regex re(R"(index\s*([0-9]+(?:[,.][0-9]+)?)\s*%)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(folded.begin(), folded.end(), m, re)) return std::nullopt;
  return parse_decimal(m[1].str());
}

/// The sheet's cells by row, for lookups by position.
class Grid {
 public:
  Grid(const Workbook& wb, const Sheet& sheet) : wb_(wb), sheet_(sheet) {
    for (const xlsx::Range& r : sheet.merged) {
      for (std::uint32_t row = r.first.row; row <= r.last.row && row - r.first.row < 64; ++row) {
        for (std::uint32_t col = r.first.col; col <= r.last.col && col - r.first.col < 64; ++col) {
          if (row != r.first.row || col != r.first.col) merged_.push_back({row, col, r.first});
        }
      }
    }
    std::sort(merged_.begin(), merged_.end(), [](const auto& a, const auto& b) {
      return a.row < b.row || (a.row == b.row && a.col < b.col);
    });
  }

  const Cell* at(std::uint32_t row, std::uint32_t col) const { return sheet_.find(row, col); }

  /// The text at a position, looking through merged ranges to their top-left cell.
  std::string text(std::uint32_t row, std::uint32_t col, bool through_merges = true) const {
    if (const Cell* c = at(row, col)) return cell_text(wb_, *c);
    if (!through_merges) return {};
    auto it = std::lower_bound(merged_.begin(), merged_.end(), std::pair(row, col),
                               [](const auto& m, const auto& rc) {
                                 return m.row < rc.first || (m.row == rc.first && m.col < rc.second);
                               });
    if (it != merged_.end() && it->row == row && it->col == col) {
      if (const Cell* c = at(it->origin.row, it->origin.col)) return cell_text(wb_, *c);
    }
    return {};
  }

  /// Cells of one row, in column order.
  std::vector<const Cell*> row(std::uint32_t r) const {
    std::vector<const Cell*> out;
    auto it = std::lower_bound(sheet_.cells.begin(), sheet_.cells.end(), r,
                               [](const Cell& c, std::uint32_t row) { return c.row < row; });
    for (; it != sheet_.cells.end() && it->row == r; ++it) out.push_back(&*it);
    return out;
  }

  std::uint32_t last_row() const { return sheet_.cells.empty() ? 0 : sheet_.cells.back().row; }

 private:
  struct Merged {
    std::uint32_t row, col;
    xlsx::CellRef origin;
  };
  const Workbook& wb_;
  const Sheet& sheet_;
  std::vector<Merged> merged_;
};

/// A table found but not yet chosen among rivals.
struct Candidate {
  Table table;
  std::uint32_t header_row = 0;
  int score = 0;
  bool summary_only = false;  // never the table used, only checked against it
};

/// Summary tables real submissions add beside the template's (not part of the template, so
/// not in templates/): Intraservice's "Sammanställning över effekter på 2024", a per-area
/// overview of 3.1a whose figures must agree with it (seed 003, L1958–L1967).
const std::vector<TableDef>& summary_defs() {
  static const std::vector<TableDef> defs = [] {
    TableDef t;
    t.id = "forvaltning";
    t.section = "3.1a";
    t.title = "Sammanställning";
    t.title_words = {"sammanställning över effekter", "sammanställning av kostnader"};
    t.label_heading = "Område";
    t.label_words = {"område", "verksamhetsområde"};
    ColumnDef budget, prognos;
    budget.kind = ColumnKind::budget;
    budget.year_offset = -1;
    budget.words = {"budget"};
    prognos.kind = ColumnKind::prognos;
    prognos.words = {"prognos"};
    t.columns = {budget, prognos};
    t.total_label = "Total";
    return std::vector<TableDef>{t};
  }();
  return defs;
}

class Recogniser {
 public:
  Recogniser(const Workbook& wb, const TemplateDef& def) : wb_(wb), def_(def) {}

  Submission run() {
    Submission s;
    s.file = wb_.file_name;
    std::vector<Candidate> found;
    for (std::size_t i = 0; i < wb_.sheets.size(); ++i) find_tables(i, found);
    choose(found, s);
    keep_template_marks(s);
    for (Table& t : s.tables) name_areas_from_summary(t, s.summaries);
    s.year = analysis_year(s);
    name_supplier(s);
    find_proposals(s);
    return s;
  }

 private:
  Location at(const Sheet& sheet, std::uint32_t row, std::uint32_t col) const {
    return {wb_.file_name, sheet.name, xlsx::to_string(xlsx::CellRef{row, col})};
  }

  // --- Finding tables -------------------------------------------------------------------------

  void find_tables(std::size_t sheet_index, std::vector<Candidate>& found) {
    const Sheet& sheet = wb_.sheets[sheet_index];
    Grid grid(wb_, sheet);
    std::string sheet_name = fold(sheet.name);
    std::vector<const TableDef*> defs;
    for (const TableDef& t : def_.tables) defs.push_back(&t);
    for (const TableDef& t : summary_defs()) defs.push_back(&t);
    for (const TableDef* tp : defs) {
      const TableDef& t = *tp;
      bool summary_only = tp >= summary_defs().data() &&
                          tp < summary_defs().data() + summary_defs().size();
      std::vector<std::pair<std::uint32_t, std::string>> titles;  // row, title text
      if (contains_any(sheet_name, t.title_words)) titles.push_back({0, sheet.name});
      for (const Cell& c : sheet.cells) {
        if (c.type != CellType::string) continue;
        std::string text(wb_.text(c));
        if (contains_any(fold(text), t.title_words)) titles.push_back({c.row, text});
      }
      std::uint32_t claimed_until = 0;  // one title per header: skip titles inside a table
      for (const auto& [row, title] : titles) {
        if (row < claimed_until) continue;
        auto cand = table_at(grid, sheet_index, t, row, title);
        // The same table may follow at another level of detail under a header of its own
        // (Intraservice: areas, then services), with only prose between.
        while (cand) {
          std::uint32_t end = cand->table.range.last.row + 1;
          claimed_until = end;
          std::string again_title = cand->table.title;
          cand->summary_only = summary_only;
          cand->table.extra = summary_only;
          found.push_back(std::move(*cand));
          cand.reset();
          for (std::uint32_t r = end; r <= end + kHeaderSearchRows && r <= grid.last_row(); ++r) {
            bool titled = std::any_of(titles.begin(), titles.end(),
                                      [&](const auto& x) { return x.first == r; });
            if (titled) break;
            if (label_column(grid, t, r)) {
              cand = table_at(grid, sheet_index, t, r, again_title);
              break;
            }
          }
        }
      }
    }
  }

  /// The label column of a header row: the cell holding one of the label words.
  std::optional<std::uint32_t> label_column(const Grid& grid, const TableDef& t,
                                            std::uint32_t row) const {
    for (const Cell* c : grid.row(row)) {
      if (c->type != CellType::string) continue;
      std::string f = fold(wb_.text(*c));
      for (const std::string& w : t.label_words) {
        if (f == w || f.starts_with(w)) return c->col;
      }
    }
    return std::nullopt;
  }

  std::optional<Candidate> table_at(const Grid& grid, std::size_t sheet_index, const TableDef& t,
                                    std::uint32_t title_row, const std::string& title) {
    const Sheet& sheet = wb_.sheets[sheet_index];
    for (std::uint32_t h = title_row; h <= title_row + kHeaderSearchRows && h <= grid.last_row();
         ++h) {
      auto label_col = label_column(grid, t, h);
      if (!label_col) continue;
      Candidate cand;
      Table& table = cand.table;
      table.id = t.id;
      table.sheet = sheet.name;
      table.sheet_index = sheet_index;
      table.title = title;
      table.label_col = *label_col;
      table.unit = unit_in_text(title).value_or(Unit::tkr);
      if (!unit_in_text(title)) {
        // The title may be the sheet's name while a cell above the header states the unit.
        for (std::uint32_t r = title_row; r < h; ++r) {
          for (const Cell* c : grid.row(r)) {
            if (c->type != CellType::string) continue;
            if (auto u = unit_in_text(wb_.text(*c))) table.unit = *u;
          }
        }
      }
      cand.header_row = h;
      table.header_row = h;
      table.from_template = fold(title) == fold(t.title);
      std::uint32_t first_data = read_header(grid, t, title_row, h, table);
      // Columns of kinds this table does not have (effects beside a 3.1a overview) are left out.
      std::erase_if(table.columns, [&](const Column& c) {
        return std::none_of(t.columns.begin(), t.columns.end(),
                            [&](const ColumnDef& d) { return d.kind == c.kind; });
      });
      cand.score = score(t, table);
      if (cand.score <= 0) continue;
      read_lines(grid, t, first_data, table);
      table.range = {{title_row, table.label_col},
                     {table.lines.empty() ? first_data - 1 : table.lines.back().row,
                      table.columns.empty() ? table.label_col : table.columns.back().col}};
      return cand;
    }
    return std::nullopt;
  }

  /// Whether row h+1 continues the header (years under a group heading, qualifiers).
  bool header_continues(const Grid& grid, const Table& table, std::uint32_t row) const {
    auto cells = grid.row(row);
    if (cells.empty()) return false;
    bool any = false;
    for (const Cell* c : cells) {
      if (c->col == table.label_col && c->type == CellType::string && !wb_.text(*c).empty()) {
        return false;
      }
      if (c->col <= table.label_col) continue;
      if (c->type == CellType::number && !(c->number >= 1990 && c->number <= 2100)) return false;
      if (c->type == CellType::string) {
        std::string f = fold(wb_.text(*c));
        auto a = parse_amount(f, Unit::tkr);
        if (a.kind == Amount::Kind::amount && year_in(f) == 0) return false;
      }
      any = true;
    }
    return any;
  }

  /// Reads the header at row h (and h+1 when it continues), classifies the columns; returns
  /// the first data row.
  std::uint32_t read_header(const Grid& grid, const TableDef& t, std::uint32_t title_row,
                            std::uint32_t h, Table& table) {
    bool two_rows = header_continues(grid, table, h + 1);
    std::uint32_t last_col = 0;
    for (std::uint32_t r = h; r <= h + (two_rows ? 1 : 0); ++r) {
      for (const Cell* c : grid.row(r)) last_col = std::max(last_col, c->col);
    }
    bool has_group_row = h >= 1 && h - 1 > title_row;  // the title row is no group header
    int kostnad_seen = 0;
    bool after_prognos = false;
    for (std::uint32_t col = table.label_col + 1; col <= last_col && col < table.label_col + 40;
         ++col) {
      std::string own = grid.text(h, col, true);
      if (two_rows) own += " " + grid.text(h + 1, col, true);
      std::string group = has_group_row ? grid.text(h - 1, col, true) : std::string();
      std::string heading = fold(own);
      if (heading.empty()) continue;
      std::string all = fold(group + " " + own);
      Column column;
      column.col = col;
      column.heading = fold(group.empty() ? own : group + " " + own);
      column.year = year_in(heading);
      if (auto idx = index_in(all)) table.stated_index = idx;
      if (contains(all, "förändring enskilt år")) table.impact = Impact::change;
      if (contains(all, "nivå")) table.impact = Impact::level;
      column.kind = classify(t, heading, all, column.year, kostnad_seen, after_prognos);
      if (column.kind == ColumnKind::text && column.year == 0 &&
          std::none_of(t.columns.begin(), t.columns.end(), [&](const ColumnDef& d) {
            return d.kind == ColumnKind::text && contains_any(all, d.words);
          })) {
        continue;  // a column the template does not know
      }
      if (column.kind == ColumnKind::kostnad) ++kostnad_seen;
      if (column.kind == ColumnKind::prognos) after_prognos = true;
      table.columns.push_back(std::move(column));
    }
    return h + (two_rows ? 2 : 1);
  }

  ColumnKind classify(const TableDef& t, std::string_view heading, std::string_view all, int year,
                      int kostnad_seen, bool after_prognos) const {
    bool amounts = std::any_of(t.columns.begin(), t.columns.end(),
                               [](const ColumnDef& d) { return d.kind != ColumnKind::text; });
    if (!amounts) return ColumnKind::text;
    if (contains(heading, "utfall")) return ColumnKind::utfall;
    if (contains(heading, "prognos")) return ColumnKind::prognos;
    if (contains(heading, "budget")) return ColumnKind::budget;
    if (year == 0) return ColumnKind::text;
    bool effect_words = contains(all, "påverkan") || contains(all, "drift") ||
                        contains(all, "förvaltn") || contains(all, "effekt") ||
                        contains(all, "nivå") || contains(all, "förändring enskilt");
    bool wants_kostnad = std::any_of(t.columns.begin(), t.columns.end(),
                                     [](const ColumnDef& d) { return d.kind == ColumnKind::kostnad; });
    if (wants_kostnad && !effect_words && kostnad_seen < 3) return ColumnKind::kostnad;
    if (wants_kostnad && contains(all, "utvecklingskostnad") && kostnad_seen < 3) {
      return ColumnKind::kostnad;
    }
    if (effect_words || after_prognos || kostnad_seen >= 3) return ColumnKind::effekt;
    return ColumnKind::text;
  }

  /// How well the found columns fit the definition: matched kinds minus surplus.
  static int score(const TableDef& t, const Table& table) {
    int score = 0;
    for (ColumnKind kind : {ColumnKind::utfall, ColumnKind::budget, ColumnKind::prognos,
                            ColumnKind::kostnad, ColumnKind::effekt, ColumnKind::text}) {
      auto want = std::count_if(t.columns.begin(), t.columns.end(),
                                [&](const ColumnDef& d) { return d.kind == kind; });
      auto have = std::count_if(table.columns.begin(), table.columns.end(),
                                [&](const Column& c) { return c.kind == kind; });
      score += static_cast<int>(std::min(want, have)) * 2 - static_cast<int>(std::abs(want - have));
    }
    bool amounts = std::any_of(table.columns.begin(), table.columns.end(),
                               [](const Column& c) { return c.kind != ColumnKind::text; });
    bool wants_amounts = std::any_of(t.columns.begin(), t.columns.end(),
                                     [](const ColumnDef& d) { return d.kind != ColumnKind::text; });
    if (wants_amounts && !amounts) return 0;
    return score;
  }

  bool is_title_of_any_table(const std::string& folded) const {
    return std::any_of(def_.tables.begin(), def_.tables.end(),
                       [&](const TableDef& t) { return contains_any(folded, t.title_words); });
  }

  void read_lines(const Grid& grid, const TableDef& t, std::uint32_t first, Table& table) {
    const Sheet& sheet = wb_.sheets[table.sheet_index];
    std::uint32_t gap = 0;
    std::uint32_t last_col = table.columns.empty() ? table.label_col : table.columns.back().col;
    for (std::uint32_t r = first; r <= grid.last_row(); ++r) {
      Line line;
      line.row = r;
      bool any_cell = false;
      for (const Cell* c : grid.row(r)) {
        if (c->col < table.label_col || c->col > last_col) continue;
        any_cell = true;
      }
      if (!any_cell) {
        if (++gap >= kEndGapRows) {
          // Blank input rows of the template may stand between the rows and the total.
          auto total = total_row_ahead(grid, t, table, r + 1);
          if (!total) break;
          r = *total - 1;
          gap = 0;
        }
        continue;
      }
      gap = 0;
      std::string label = grid.text(r, table.label_col, false);
      std::string folded = fold(label);
      if (!folded.empty() && is_title_of_any_table(folded)) break;  // the next table begins
      if (is_analysis_heading(folded)) break;  // "Leverantörens analys": the supplier's text
      if (label_column(grid, t, r) == table.label_col) {
        // A header again: after a total it starts the same table at another level of detail
        // (Intraservice), before one it is a header repeated at a page break.
        if (std::any_of(table.lines.begin(), table.lines.end(),
                        [](const Line& l) { return l.kind == LineKind::total; })) {
          break;
        }
        continue;
      }
      line.label = tidy(label);
      while (!line.label.empty() && (line.label.back() == ':' || line.label.back() == ' ')) {
        line.label.pop_back();  // "Totalkostnad:"
      }
      line.values.resize(table.columns.size());
      line.texts.resize(table.columns.size());
      bool amounts = false;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Cell* c = grid.at(r, table.columns[i].col);
        if (c == nullptr) continue;
        if (table.columns[i].kind == ColumnKind::text) {
          line.texts[i] = tidy(cell_text(wb_, *c));
          continue;
        }
        Figure fig;
        fig.source = at(sheet, r, table.columns[i].col);
        fig.formula = std::string(wb_.formula(*c));
        if (c->type == CellType::string) fig.written = tidy(wb_.text(*c));
        if (c->type == CellType::number) {
          fig.amount = amount_from_number(c->number, table.unit);
        } else if (c->type == CellType::string && c->formula != xlsx::kNoIndex &&
                   wb_.text(*c).empty()) {
          // A formula saved without its value (by a program that does not compute): the
          // figure is unknown, not empty.
          fig.amount.kind = Amount::Kind::uncomputed;
          fig.amount.reason = std::string(wb_.formula(*c));
        } else if (c->type == CellType::string) {
          std::string f = fold(wb_.text(*c));
          if (is_qualifier(f)) {
            // A header qualifier sharing a row with a group label (seed 003, L2151).
            if (contains(f, "förändring enskilt år")) table.impact = Impact::change;
            continue;
          }
          fig.amount = parse_amount(wb_.text(*c), table.unit);
        } else {
          fig.amount.kind = Amount::Kind::unparsed;
        }
        if (fig.amount.kind == Amount::Kind::amount ||
            fig.amount.kind == Amount::Kind::out_of_range ||
            fig.amount.kind == Amount::Kind::uncomputed) {
          amounts = true;
        }
        line.values[i] = std::move(fig);
      }
      bool texts = std::any_of(line.texts.begin(), line.texts.end(),
                               [](const std::string& s) { return !s.empty(); });
      if (line.label.empty() && !amounts && !texts) continue;  // stray marks
      bool anything = amounts || texts ||
                      std::any_of(line.values.begin(), line.values.end(),
                                  [](const auto& v) { return v.has_value(); });
      // A paragraph under a table without a total (3.2) is the supplier's prose, not a row.
      if (t.total_label.empty() && !anything && is_prose(line.label)) break;
      if (folded == "totalkostnad" || folded.starts_with("total") ||
          folded.starts_with("summa")) {
        line.kind = LineKind::total;
      } else if (line.label.empty()) {
        line.kind = LineKind::subtotal;
      } else {
        line.kind = LineKind::row;
      }
      table.lines.push_back(std::move(line));
    }
    assign_groups(table);  // first: it may turn the last unlabelled row into the total
    // Text after the last total ("Leverantörens analys") is not part of the table.
    auto last_total = std::find_if(table.lines.rbegin(), table.lines.rend(),
                                   [](const Line& l) { return l.kind == LineKind::total; });
    if (last_total != table.lines.rend()) {
      table.lines.erase(last_total.base(), table.lines.end());
    }
  }

  /// The row of a total label shortly below, before any other table or header; or nothing.
  std::optional<std::uint32_t> total_row_ahead(const Grid& grid, const TableDef& t,
                                               const Table& table, std::uint32_t from) const {
    constexpr std::uint32_t kLookAhead = 60;
    for (std::uint32_t r = from; r < from + kLookAhead && r <= grid.last_row(); ++r) {
      std::string f = fold(grid.text(r, table.label_col, false));
      if (f.empty()) {
        if (label_column(grid, t, r)) return std::nullopt;
        auto cells = grid.row(r);
        bool other = std::any_of(cells.begin(), cells.end(), [&](const Cell* c) {
          return c->type == CellType::string && is_title_of_any_table(fold(wb_.text(*c)));
        });
        if (other) return std::nullopt;
        continue;
      }
      if (f == "totalkostnad" || f.starts_with("total") || f.starts_with("summa")) return r;
      return std::nullopt;  // other text first: the table has ended
    }
    return std::nullopt;
  }

  /// "Leverantörens analys" (or "Leverantörs analys"): the heading of the supplier's own text
  /// that follows each table of the template.
  static bool is_analysis_heading(std::string_view folded) {
    return folded.starts_with("leverantörens analys") || folded.starts_with("leverantörs analys");
  }

  /// A paragraph rather than a name: a dozen words or more, or a sentence of eight.
  static bool is_prose(std::string_view label) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : label) {
      bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return words >= 12 || (words >= 8 && label.ends_with('.'));
  }

  /// "(förändring enskilt år)": a parenthesised remark without digits.
  static bool is_qualifier(std::string_view folded) {
    return folded.size() > 2 && folded.front() == '(' && folded.back() == ')' &&
           std::none_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static bool all_nothing(const Line& line) {
    return std::all_of(line.values.begin(), line.values.end(), [](const auto& v) {
      return !v || v->amount.kind != Amount::Kind::amount || v->amount.kronor == 0;
    });
  }

  /// Turns the first amount-less row of each segment that ends in a subtotal into the group's
  /// label, names the rows' area, and tells a last unlabelled grand total from a subtotal.
  static void assign_groups(Table& table) {
    auto& lines = table.lines;
    std::size_t segment_start = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind == LineKind::total) {
        segment_start = i + 1;
        continue;
      }
      if (lines[i].kind != LineKind::subtotal) continue;
      if (is_grand_total(table, segment_start, i)) {
        lines[i].kind = LineKind::total;
        segment_start = i + 1;
        continue;
      }
      table.grouped = true;
      // Amount-less rows before the segment's first amounts are group labels; the last of
      // them names the group ("Ekonomi 0 0 0" with no rows of its own may stand before it).
      std::string area;
      std::size_t first_amounts = segment_start;
      while (first_amounts < i && lines[first_amounts].kind == LineKind::row &&
             all_nothing(lines[first_amounts])) {
        ++first_amounts;
      }
      if (first_amounts < i) {
        for (std::size_t k = segment_start; k < first_amounts; ++k) {
          lines[k].kind = LineKind::group;
          lines[k].area = lines[k].label;
          area = lines[k].label;
        }
      }
      for (std::size_t k = first_amounts < i ? first_amounts : segment_start; k <= i; ++k) {
        lines[k].area = area;
      }
      segment_start = i + 1;
    }
  }

  /// An unlabelled row after the last subtotal that equals everything above, not its segment.
  static bool is_grand_total(const Table& table, std::size_t begin, std::size_t at) {
    const auto& lines = table.lines;
    bool earlier_subtotal = false;
    for (std::size_t k = 0; k < begin; ++k) earlier_subtotal |= lines[k].kind == LineKind::subtotal;
    if (!earlier_subtotal) return false;
    for (std::size_t k = at + 1; k < lines.size(); ++k) {
      if (lines[k].kind != LineKind::total && !all_nothing(lines[k])) return false;  // not last
    }
    for (std::size_t col = 0; col < table.columns.size(); ++col) {
      const auto& v = lines[at].values[col];
      if (!v || v->amount.kind != Amount::Kind::amount) continue;
      std::int64_t segment = 0, everything = 0;
      for (std::size_t k = 0; k < at; ++k) {
        const auto& x = lines[k].values[col];
        if (!x || x->amount.kind != Amount::Kind::amount) continue;
        if (k >= begin) segment += x->amount.kronor;
        // Rows in the candidate's own segment are ungrouped if it is the total.
        bool ungrouped = k >= begin || !in_subtotalled_segment(lines, k, begin);
        if (lines[k].kind == LineKind::subtotal || (lines[k].kind == LineKind::row && ungrouped)) {
          everything += x->amount.kronor;
        }
      }
      std::int64_t value = v->amount.kronor;
      if (std::llabs(value - everything) < std::llabs(value - segment)) return true;
      if (std::llabs(value - segment) < std::llabs(value - everything)) return false;
    }
    return false;
  }

  /// Whether a subtotal follows row k, before `end` and before any total.
  static bool in_subtotalled_segment(const std::vector<Line>& lines, std::size_t k,
                                     std::size_t end) {
    for (std::size_t j = k + 1; j < end; ++j) {
      if (lines[j].kind == LineKind::subtotal) return true;
      if (lines[j].kind == LineKind::total) return false;
    }
    return false;
  }

  /// Of rival candidates for one header row the best fit wins; of two tables of one id the
  /// one with more rows is used and the other kept as its summary.
  void choose(std::vector<Candidate>& found, Submission& s) {
    std::vector<Candidate> kept;
    for (Candidate& c : found) {
      auto rival = std::find_if(kept.begin(), kept.end(), [&](const Candidate& k) {
        return k.table.sheet_index == c.table.sheet_index && k.header_row == c.header_row;
      });
      if (rival == kept.end()) {
        kept.push_back(std::move(c));
      } else if (c.score > rival->score) {
        *rival = std::move(c);
      }
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) {
      return a.table.sheet_index < b.table.sheet_index ||
             (a.table.sheet_index == b.table.sheet_index && a.header_row < b.header_row);
    });
    for (Candidate& c : kept) {
      auto same = std::find_if(s.tables.begin(), s.tables.end(),
                               [&](const Table& t) { return t.id == c.table.id; });
      if (c.summary_only) {
        s.summaries.push_back(std::move(c.table));
      } else if (same == s.tables.end()) {
        s.tables.push_back(std::move(c.table));
      } else if (rows_of(c.table) > rows_of(*same)) {
        s.summaries.push_back(std::move(*same));
        *same = std::move(c.table);
      } else {
        s.summaries.push_back(std::move(c.table));
      }
    }
  }

  /// A table is the template's own when its title is, in a workbook made from the template:
  /// one where some total of a template table is still a formula. A supplier who copies the
  /// titles into a workbook of typed figures is not told about formulas it never had.
  static void keep_template_marks(Submission& s) {
    bool formulas = std::any_of(s.tables.begin(), s.tables.end(), [](const Table& t) {
      return t.from_template &&
             std::any_of(t.lines.begin(), t.lines.end(), [](const Line& l) {
               return l.kind == LineKind::total &&
                      std::any_of(l.values.begin(), l.values.end(),
                                  [](const auto& v) { return v && !v->formula.empty(); });
             });
    });
    if (formulas) return;
    for (Table& t : s.tables) t.from_template = false;
    for (Table& t : s.summaries) t.from_template = false;
  }

  /// Intraservice's detailed 3.1a has groups closed by unlabelled subtotals but no group
  /// labels; its area-level table lists the areas in the same order. When a summary of the same
  /// table has one row per group of the detail and every group's sums agree with its row within
  /// the summary's rounding (hundreds of tkr: 100 tkr or 1 %), the groups take those names.
  static void name_areas_from_summary(Table& detail, const std::vector<Table>& summaries) {
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // [first, end) of row lines
    std::size_t start = 0;
    bool unnamed = false;
    for (std::size_t i = 0; i <= detail.lines.size(); ++i) {
      bool closes = i == detail.lines.size() || detail.lines[i].kind != LineKind::row;
      if (!closes) {
        unnamed |= detail.lines[i].area.empty();
        continue;
      }
      if (i > start) groups.emplace_back(start, i);
      start = i + 1;
    }
    if (!unnamed || groups.size() < 2) return;
    for (const Table& summary : summaries) {
      if (summary.id != detail.id || summary.extra) continue;
      std::vector<const Line*> areas;
      for (const Line& l : summary.lines) {
        if (l.kind == LineKind::row) areas.push_back(&l);
      }
      if (areas.size() != groups.size()) continue;
      bool fits = true;
      for (std::size_t g = 0; g < groups.size() && fits; ++g) {
        fits = group_fits(detail, groups[g], summary, *areas[g]);
      }
      if (!fits) continue;
      for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t k = groups[g].first; k < groups[g].second; ++k) {
          if (detail.lines[k].area.empty()) detail.lines[k].area = areas[g]->label;
        }
      }
      return;
    }
  }

  static bool group_fits(const Table& detail, std::pair<std::size_t, std::size_t> group,
                         const Table& summary, const Line& area) {
    int compared = 0;
    for (std::size_t sc = 0; sc < summary.columns.size(); ++sc) {
      const auto& stated = area.values[sc];
      if (!stated || stated->amount.kind != Amount::Kind::amount) continue;
      auto dc = std::find_if(detail.columns.begin(), detail.columns.end(), [&](const Column& c) {
        return c.kind == summary.columns[sc].kind && c.year == summary.columns[sc].year;
      });
      if (dc == detail.columns.end()) continue;
      std::size_t col = static_cast<std::size_t>(dc - detail.columns.begin());
      std::int64_t sum = 0;
      for (std::size_t k = group.first; k < group.second; ++k) {
        const auto& v = detail.lines[k].values[col];
        if (v && v->amount.kind == Amount::Kind::amount) sum += v->amount.kronor;
      }
      std::int64_t slack = std::max<std::int64_t>(100'000, std::llabs(stated->amount.kronor) / 100);
      if (std::llabs(sum - stated->amount.kronor) > slack) return false;
      ++compared;
    }
    return compared > 0;
  }

  static std::size_t rows_of(const Table& t) {
    return static_cast<std::size_t>(std::count_if(
        t.lines.begin(), t.lines.end(), [](const Line& l) { return l.kind == LineKind::row; }));
  }

  /// Y: the year of the forecast column of 3.1a (else 3.1b), or the first year of 3.1c.
  static int analysis_year(const Submission& s) {
    for (const char* id : {"forvaltning", "utveckling"}) {
      if (const Table* t = s.table(id)) {
        for (const Column& c : t->columns) {
          if (c.kind == ColumnKind::prognos && c.year != 0) return c.year;
        }
      }
    }
    if (const Table* t = s.table("nya_insatser")) {
      for (const Column& c : t->columns) {
        if (c.kind == ColumnKind::kostnad && c.year != 0) return c.year;
      }
    }
    return 0;
  }

  // --- The supplier ---------------------------------------------------------------------------

  void name_supplier(Submission& s) {
    for (const Sheet& sheet : wb_.sheets) {
      Grid grid(wb_, sheet);
      for (const Cell& c : sheet.cells) {
        if (c.type != CellType::string) continue;
        std::string f = fold(wb_.text(c));
        if (f != "leverantör" && !f.starts_with("leverantör:")) continue;
        std::string rest = tidy(std::string(wb_.text(c)).substr(std::string("Leverantör").size()));
        if (!rest.empty() && (rest.front() == ':')) rest = tidy(rest.substr(1));
        if (!rest.empty() && f.size() > 11) {
          s.supplier = rest;
          s.supplier_source = at(sheet, c.row, c.col);
          return;
        }
        for (const Cell* n : grid.row(c.row)) {
          if (n->col <= c.col || n->type != CellType::string) continue;
          if (std::string v = tidy(wb_.text(*n)); !v.empty()) {
            s.supplier = v;
            s.supplier_source = at(sheet, n->row, n->col);
            return;
          }
        }
      }
    }
    for (const Sheet& sheet : wb_.sheets) {
      std::optional<std::uint32_t> title_row;
      for (const Cell& c : sheet.cells) {
        if (c.type != CellType::string) continue;
        std::string f = fold(wb_.text(c));
        if (contains(f, "årlig analys")) title_row = c.row;
        if (!title_row || c.row > *title_row + 6) continue;
        if (f.starts_with("nämnden för") || (f.ends_with("nämnden") && f.size() < 80)) {
          s.supplier = tidy(wb_.text(c));
          s.supplier_source = at(sheet, c.row, c.col);
          return;
        }
      }
    }
    std::string stem = wb_.file_name;
    if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
    s.supplier = stem;
    s.supplier_source = {wb_.file_name, "", ""};
  }

  // --- 2.2 proposals --------------------------------------------------------------------------

  void find_proposals(Submission& s) {
    if (def_.form_fields.empty()) return;
    for (const Sheet& sheet : wb_.sheets) {
      Grid grid(wb_, sheet);
      std::vector<std::pair<const Cell*, int>> titles;
      for (const Cell& c : sheet.cells) {
        if (c.type != CellType::string) continue;
        std::string f = fold(wb_.text(c));
        if (!f.starts_with("föreslagen förändringsinsats")) continue;
        int number = 0;
        static const std::size_t skip = std::string_view("föreslagen förändringsinsats").size();
        for (char ch : f.substr(skip)) {
          if (ch >= '0' && ch <= '9') number = number * 10 + (ch - '0');
          else if (number > 0 || ch != ' ') break;
        }
        titles.push_back({&c, number});
      }
      for (std::size_t i = 0; i < titles.size(); ++i) {
        std::uint32_t begin = titles[i].first->row;
        std::uint32_t end = i + 1 < titles.size() ? titles[i + 1].first->row : begin + 60;
        Proposal p = read_form(grid, sheet, *titles[i].first, titles[i].second, begin,
                               std::min(end, grid.last_row() + 1));
        // A form left as the template gave it proposes nothing.
        bool empty = std::all_of(p.fields.begin(), p.fields.end(),
                                 [](const auto& kv) { return kv.second.empty(); });
        if (!empty) s.proposals.push_back(std::move(p));
      }
      if (titles.empty()) find_proposal_table(grid, sheet, s);
    }
    for (Proposal& p : s.proposals) p.budget_kr = budget_of(p);
  }

  /// The form field whose words a heading or label holds; the word found first in the text
  /// wins ("Total projektbudget samt påverkan förvaltningskostnad ..." is the budget).
  const FormFieldDef* field_for(std::string_view folded) const {
    auto first = [&](std::string_view text, bool squeeze_words) {
      const FormFieldDef* best = nullptr;
      std::size_t best_at = std::string_view::npos;
      for (const FormFieldDef& d : def_.form_fields) {
        for (const std::string& w : d.words) {
          std::size_t at = text.find(squeeze_words ? squeezed(w) : w);
          if (at < best_at) best = &d, best_at = at;
        }
      }
      return best;
    };
    if (const FormFieldDef* f = first(folded, false)) return f;
    // Labels broken by Word's hyphenation: "informationsklassni ng", "Effekt mål".
    return first(squeezed(folded), true);
  }

  static std::string squeezed(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c != ' ') out.push_back(c);
    }
    return out;
  }

  /// 2.2 as a table: a header row naming at least three of the form's fields, the name among
  /// them; one initiative per row below it until an empty row.
  void find_proposal_table(const Grid& grid, const Sheet& sheet, Submission& s) {
    for (std::uint32_t r = 0; r <= grid.last_row(); ++r) {
      std::vector<std::pair<std::uint32_t, const FormFieldDef*>> columns;
      for (const Cell* c : grid.row(r)) {
        if (c->type != CellType::string) continue;
        const FormFieldDef* f = field_for(fold(wb_.text(*c)));
        bool seen = std::any_of(columns.begin(), columns.end(),
                                [&](const auto& x) { return x.second == f; });
        if (f != nullptr && !seen) columns.push_back({c->col, f});
      }
      bool named = std::any_of(columns.begin(), columns.end(),
                               [](const auto& x) { return x.second->id == "namn"; });
      if (columns.size() < 3 || !named) continue;
      int number = 0;
      for (std::uint32_t row = r + 1; row <= grid.last_row(); ++row) {
        auto cells = grid.row(row);
        if (cells.empty()) break;
        Proposal p;
        p.number = ++number;
        p.from_table = true;
        for (const auto& [col, field] : columns) {
          std::string value = tidy(grid.text(row, col, false));
          if (field->id == "namn") {
            p.name = value;
            p.source = at(sheet, row, col);
          }
          p.fields.push_back({field->id, value});
          p.cells.push_back({field->id, at(sheet, row, col)});
        }
        if (p.name.empty() && std::all_of(p.fields.begin(), p.fields.end(),
                                          [](const auto& kv) { return kv.second.empty(); })) {
          break;
        }
        if (p.source.cell.empty()) p.source = at(sheet, row, columns.front().first);
        s.proposals.push_back(std::move(p));
      }
      return;
    }
  }

  /// The project budget written in the budget field ("Uppskattas till 540 tkr. ...": 540 tkr).
  static std::optional<std::int64_t> budget_of(const Proposal& p) {
    for (const auto& [id, value] : p.fields) {
      if (id != "budget" || value.empty()) continue;
      Amount a = parse_amount(value, Unit::tkr);
      if (a.kind == Amount::Kind::amount) return a.kronor;
      auto found = amounts_in_text(value, Unit::tkr);
      if (!found.empty()) return found.front().kronor;
    }
    return std::nullopt;
  }

  Proposal read_form(const Grid& grid, const Sheet& sheet, const Cell& title, int number,
                     std::uint32_t begin, std::uint32_t end) {
    Proposal p;
    p.number = number;
    p.source = at(sheet, title.row, title.col);
    for (std::uint32_t r = begin + 1; r < end; ++r) {
      auto cells = grid.row(r);
      if (cells.empty()) continue;
      const Cell* label = nullptr;
      for (const Cell* c : cells) {
        if (c->type == CellType::string && !wb_.text(*c).empty()) {
          label = c;
          break;
        }
      }
      if (label == nullptr) continue;
      std::string f = fold(wb_.text(*label));
      if (is_analysis_heading(f)) break;  // the supplier's text after the last form
      const FormFieldDef* field = field_for(f);
      // A table's title ends the form, unless it is one of the form's own labels
      // ("Total projektbudget samt påverkan förvaltningskostnad ...").
      if (field == nullptr && is_title_of_any_table(f)) break;
      if (field == nullptr || std::any_of(p.fields.begin(), p.fields.end(),
                                          [&](const auto& kv) { return kv.first == field->id; })) {
        continue;
      }
      std::string value;
      Location cell = at(sheet, r, label->col + 1);  // where the answer goes, when there is none
      for (const Cell* c : cells) {
        if (c->col <= label->col) continue;
        value = tidy(cell_text(wb_, *c));
        if (!value.empty()) {
          cell = at(sheet, r, c->col);
          break;
        }
      }
      // "Label: value" in one cell, as pasted from Word.
      if (value.empty()) {
        std::string text(wb_.text(*label));
        if (auto colon = text.find(':'); colon != std::string::npos) {
          value = tidy(text.substr(colon + 1));
          if (!value.empty()) cell = at(sheet, r, label->col);
        }
      }
      if (field->id == "namn") p.name = value;
      p.fields.push_back({field->id, value});
      p.cells.push_back({field->id, cell});
    }
    return p;
  }

  const Workbook& wb_;
  const TemplateDef& def_;
};

}  // namespace

const Table* Submission::table(std::string_view id) const {
  for (const Table& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Location Proposal::cell_of(std::string_view field_id) const {
  for (const auto& [id, cell] : cells) {
    if (id == field_id) return cell;
  }
  return source;
}

Table* Submission::table(std::string_view id) {
  return const_cast<Table*>(std::as_const(*this).table(id));
}

Submission recognise(const Workbook& wb, const TemplateDef& def, Findings& findings) {
  xlsx::report_text_repairs(wb, findings);
  Submission s = Recogniser(wb, def).run();
  for (Proposal& p : s.proposals) p.lacking = lacking_fields(p, def);
  return s;
}

std::vector<std::string> lacking_fields(const Proposal& proposal, const TemplateDef& def) {
  std::vector<std::string> lacking;
  bool any_value = std::any_of(proposal.fields.begin(), proposal.fields.end(),
                               [](const auto& kv) { return !kv.second.empty(); });
  if (!any_value) return lacking;  // an empty form left in from the template
  for (const FormFieldDef& field : def.form_fields) {
    if (!field.required) continue;
    auto it = std::find_if(proposal.fields.begin(), proposal.fields.end(),
                           [&](const auto& kv) { return kv.first == field.id; });
    std::string value = it == proposal.fields.end() ? std::string() : fold(it->second);
    // "Nej", "Nej, ...", "Nej- ..." and "ej" answer no; "Nejlikan" would not.
    auto word = [&](std::string_view w) {
      if (!value.starts_with(w)) return false;
      if (value.size() == w.size()) return true;
      unsigned char next = static_cast<unsigned char>(value[w.size()]);
      return !((next >= 'a' && next <= 'z') || next >= 0x80);
    };
    if (value.empty() || value == "-" || word("nej") || word("ej")) lacking.push_back(field.id);
  }
  return lacking;
}

}  // namespace arsanalys::analys

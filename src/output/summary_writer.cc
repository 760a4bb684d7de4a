// sammanstallning.xlsx: the workbook, its sheets in order, the overview (Tabell 1 and 2, basic
// services against digital infrastructure, the settings in force) and one sheet per supplier
// with its normalised lines and the cell of every figure. The other sheets are in
// summary_lists.cc.
#include "output/summary_writer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "analys/template_def.h"
#include "output/summary_parts.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace summary {

using sammanstallning::AreaRow;
using sammanstallning::Figures;
using sammanstallning::Rational;
using sammanstallning::Round;
using sammanstallning::SourceLine;
using sammanstallning::SupplierRound;

std::string year_label(int year, int offset) {
  if (year != 0) return std::to_string(year + offset);
  return offset == 0 ? "Y" : fmt::format("Y{:+d}", offset);
}

std::string source_text(const Location& at, const std::string& fallback_file) {
  std::string ref = at.ref();
  if (ref.empty()) return {};
  const std::string& file = at.file.empty() ? fallback_file : at.file;
  return file.empty() ? ref : fmt::format("{} {}", file, ref);
}

std::string index_text(const std::optional<Rational>& percent) {
  return percent ? percent_text(*percent) : std::string("okänt");
}

std::string impact_text(analys::Impact impact) {
  switch (impact) {
    case analys::Impact::level:
      return "nivå";
    case analys::Impact::change:
      return "förändring enskilt år";
    case analys::Impact::unknown:
      return "nivå (antaget: det framgår inte)";
  }
  return "okänt";
}

std::string supplier_sheet_wanted(const std::string& supplier) {
  std::string name = supplier;
  for (std::string_view prefix : {"Nämnden för ", "nämnden för "}) {
    if (name.starts_with(prefix) && name.size() > prefix.size()) name.erase(0, prefix.size());
  }
  if (name.empty()) return "Leverantör";
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return sheet_name(name);
}

namespace {

// --- Översikt --------------------------------------------------------------------------------

// Tabell 1 and 2: label, five amount columns, the change in kronor and in percent.
constexpr lxw_col_t kLabel = 0;
constexpr lxw_col_t kUtfall = 1;
constexpr lxw_col_t kBudget = 2;
constexpr lxw_col_t kForeslagen = 5;
constexpr lxw_col_t kChangeKr = 6;
constexpr lxw_col_t kChangePct = 7;

/// Columns 1..5 of a row of Tabell 1 or 2.
using Values = std::array<std::optional<std::int64_t>, 5>;

Values tabell1_values(const Figures& f) {
  return {f.utfall, f.budget, f.prognos, f.effekt, f.foreslagen};
}

/// Tabell 2: the fourth column is what 3.1c adds to 3.1b's forecast (Föreslagen − Prognos).
Values tabell2_values(const Figures& f) {
  std::optional<std::int64_t> nya;
  if (f.foreslagen) nya = *f.foreslagen - f.prognos.value_or(0);
  return {f.utfall, f.budget, f.prognos, nya, f.foreslagen};
}

/// The column sums of rows; a column stays empty when no row has a figure in it.
Values sum_values(const std::vector<Values>& rows) {
  Values sum{};
  for (const Values& v : rows) {
    for (std::size_t i = 0; i < sum.size(); ++i) {
      if (v[i]) sum[i] = sum[i].value_or(0) + *v[i];
    }
  }
  return sum;
}

/// Förändring kr (Föreslagen − Budget) and % of a written row, as formulas.
void write_change(Sheet& ws, lxw_row_t row, const Values& v, const Look& look) {
  const auto& budget = v[kBudget - 1];
  const auto& proposed = v[kForeslagen - 1];
  Look pct = look;
  pct.number = kPercent;
  if (!budget || !proposed) {
    ws.kronor(row, kChangeKr, std::nullopt, look);
    ws.blank(row, kChangePct, pct);
    return;
  }
  std::int64_t change = *proposed - *budget;
  ws.formula_kr(row, kChangeKr, fmt::format("{}-{}", a1(row, kForeslagen), a1(row, kBudget)),
                change, look);
  if (*budget == 0) {
    ws.blank(row, kChangePct, pct);
    return;
  }
  ws.formula(row, kChangePct, fmt::format("{}/{}", a1(row, kChangeKr), a1(row, kBudget)),
             static_cast<double>(change) / static_cast<double>(*budget), pct);
}

/// Which of a row's Values hold a figure of the preparers ([[justering]]).
using Marks = std::array<bool, 5>;

Marks marks_of(const AreaRow& r, int y) {
  Marks m{};
  for (const sammanstallning::Adjusted& a : r.adjusted) {
    if (a.year == y - 2) m[0] = true;
    if (a.year == y - 1) m[1] = true;
    if (a.year == y) m[4] = true;
  }
  return m;
}

/// The look of a preparers' figure: the note under the table says what it means.
constexpr lxw_color_t kAdjustedFill = kInfoFill;

/// A row of plain figures.
void write_plain_row(Sheet& ws, lxw_row_t row, const std::string& label, const Values& v,
                     const Look& look, const Marks& marks = {}) {
  ws.text(row, kLabel, label, look);
  Look figures = look;
  figures.indent = 0;  // an indent would align the figures left
  for (std::size_t i = 0; i < v.size(); ++i) {
    Look cell = figures;
    if (marks[i]) cell.fill = kAdjustedFill;
    ws.kronor(row, static_cast<lxw_col_t>(kUtfall + i), v[i], cell);
  }
  write_change(ws, row, v, figures);
}

/// A total row: for each column `formula(col)` with the column sum as cached value.
template <class FormulaOf>
void write_sum_row(Sheet& ws, lxw_row_t row, const std::string& label, const Values& sum,
                   const Look& look, FormulaOf formula_of) {
  ws.text(row, kLabel, label, look);
  for (std::size_t i = 0; i < sum.size(); ++i) {
    auto col = static_cast<lxw_col_t>(kUtfall + i);
    if (sum[i]) {
      ws.formula_kr(row, col, formula_of(col), *sum[i], look);
    } else {
      ws.kronor(row, col, std::nullopt, look);
    }
  }
  write_change(ws, row, sum, look);
}

/// Tabell 1 or 2 from `row`; returns the next free row.
lxw_row_t write_area_table(Sheet& ws, lxw_row_t row, const Context& c, bool utveckling) {
  int y = c.round.year;
  ws.text(row++, 0,
          utveckling ? "Tabell 2. Ekonomisk analys av utvecklingskostnad"
                     : "Tabell 1. Ekonomisk analys av förvaltningskostnad",
          {.bold = true, .size = 12});
  std::vector<std::string> headings = {
      "Leverantör / verksamhetsområde",
      "Utfall " + year_label(y, -2) + " (tkr)",
      "Budget " + year_label(y, -1) + " (tkr)",
      utveckling ? "Prognos " + year_label(y, 0) + " (3.1b, tkr)"
                 : "Prognos " + year_label(y, 0) + " (leverantörens, inkl. index, tkr)",
      utveckling ? "Nya insatser " + year_label(y, 0) + " (3.1c, tkr)"
                 : "Effekt av utveckling " + year_label(y, 0) + " (tkr)",
      "Föreslagen " + year_label(y, 0) + (utveckling ? " (tkr)" : " (utan index, tkr)"),
      "Förändring (föreslagen − budget, tkr)",
      "Förändring %"};
  ws.headings(row++, 0, headings);

  std::vector<lxw_row_t> supplier_rows;
  std::vector<Values> supplier_values;
  for (const SupplierRound& s : c.round.suppliers) {
    const std::vector<AreaRow>& rows = utveckling ? s.utveckling : s.forvaltning;
    const AreaRow& total = utveckling ? s.utveckling_total : s.forvaltning_total;
    auto values_of = [&](const Figures& f) {
      return utveckling ? tabell2_values(f) : tabell1_values(f);
    };
    bool single = rows.empty() || (rows.size() == 1 && rows.front().area.empty());
    if (single) {
      Values v = values_of(rows.empty() ? total.figures : rows.front().figures);
      write_plain_row(ws, row, s.name, v, kBold, rows.empty() ? Marks{} : marks_of(rows.front(), y));
      supplier_rows.push_back(row++);
      supplier_values.push_back(v);
      continue;
    }
    ws.text(row, kLabel, s.name, {.bold = true, .fill = kGroupFill});
    for (lxw_col_t col = kUtfall; col <= kChangePct; ++col)
      ws.blank(row, col, {.fill = kGroupFill});
    ++row;
    lxw_row_t first = row;
    std::vector<Values> area_values;
    for (const AreaRow& r : rows) {
      Values v = values_of(r.figures);
      write_plain_row(ws, row++, r.area.empty() ? "(utan område)" : r.area, v, {.indent = 1},
                      marks_of(r, y));
      area_values.push_back(v);
    }
    Values sum = sum_values(area_values);
    lxw_row_t last = row - 1;
    write_sum_row(ws, row, "Totalt " + s.name, sum, {.bold = true, .rule = true},
                  [&](lxw_col_t col) { return sum_of(col, first, last); });
    supplier_rows.push_back(row++);
    supplier_values.push_back(sum);
  }
  Values grand = sum_values(supplier_values);
  write_sum_row(ws, row++, "Totalt", grand, {.bold = true, .fill = kHeadingFill, .rule = true},
                [&](lxw_col_t col) {
                  std::vector<std::string> cells;
                  for (lxw_row_t r : supplier_rows) cells.push_back(a1(r, col));
                  return fmt::format("SUM({})", fmt::join(cells, ","));
                });
  std::string note =
      utveckling ? fmt::format(
                       "Föreslagen {0} = Prognos {0} i 3.1b + År {0} i 3.1c (alla rader, även "
                       "negativa). Nya insatser = det som 3.1c lägger till.",
                       year_label(y, 0))
                 : fmt::format(
                       "Föreslagen {0} = Budget {1} + effekten {0} av utvecklingen (3.1b och "
                       "3.1c, som nivå), utan index: ramarna beslutas \"+ index\". Prognos {0} "
                       "är leverantörens egen, med index.",
                       year_label(y, 0), year_label(y, -1));
  note += " Tabellen omfattar bara bastjänster och digital infrastruktur inom ramarna; resten "
          "står på bladet Utanför ramarna.";
  bool adjusted = false;
  for (const SupplierRound& s : c.round.suppliers) {
    for (const AreaRow& r : utveckling ? s.utveckling : s.forvaltning) {
      adjusted = adjusted || !r.adjusted.empty();
    }
  }
  if (adjusted) {
    note += " Blå celler är beredningens siffror, inte leverantörens (bladet Justeringar).";
  }
  ws.paragraph(row++, 0, kChangePct, note, 150, kNote);
  return row;
}

/// Bastjänster against digital infrastruktur; returns the next free row.
lxw_row_t write_segments(Sheet& ws, lxw_row_t row, const Context& c) {
  int y = c.round.year;
  ws.text(row++, 0, "Bastjänster och digital infrastruktur", {.bold = true, .size = 12});
  ws.headings(row++, 0,
              {"", "Antal tjänster (3.1a)", "Förvaltning " + year_label(y, 0) + " (utan index, tkr)",
               "Utveckling " + year_label(y, 0) + " (tkr)", "Totalt " + year_label(y, 0) + " (tkr)"});
  lxw_row_t first = row;
  for (const auto& [label, seg] : {std::pair{"Bastjänster", &c.round.bastjanster},
                                   std::pair{"Digital infrastruktur", &c.round.infrastruktur}}) {
    ws.text(row, 0, label);
    ws.number(row, 1, seg->tjanster, {.number = kCount});
    ws.kronor(row, 2, seg->forvaltning_kr);
    ws.kronor(row, 3, seg->utveckling_kr);
    ws.formula_kr(row, 4, fmt::format("{}+{}", a1(row, 2), a1(row, 3)),
                  seg->forvaltning_kr + seg->utveckling_kr);
    ++row;
  }
  const auto& b = c.round.bastjanster;
  const auto& d = c.round.infrastruktur;
  Look total{.bold = true, .rule = true};
  ws.text(row, 0, "Totalt", total);
  Look count = total;
  count.number = kCount;
  ws.formula(row, 1, sum_of(1, first, row - 1), b.tjanster + d.tjanster, count);
  ws.formula_kr(row, 2, sum_of(2, first, row - 1), b.forvaltning_kr + d.forvaltning_kr, total);
  ws.formula_kr(row, 3, sum_of(3, first, row - 1), b.utveckling_kr + d.utveckling_kr, total);
  ws.formula_kr(row, 4, sum_of(4, first, row - 1),
                b.forvaltning_kr + d.forvaltning_kr + b.utveckling_kr + d.utveckling_kr, total);
  ++row;
  ws.paragraph(row++, 0, kChangePct,
               "Ett område som heter Digital infrastruktur räknas som digital infrastruktur, allt "
               "annat som bastjänster. Förvaltning och utveckling som i Tabell 1 och 2.",
               150, kNote);
  return row;
}

/// How the round's index was set, in Swedish.
std::string round_index_text(const sammanstallning::IndexSettings& ix) {
  using sammanstallning::format_decimal;
  if (!ix.procent) return "inte satt i omgang.toml: varje leverantörs eget index gäller";
  if (ix.blandat && ix.personal && ix.inkop && ix.personalandel) {
    return fmt::format(
        "{} % (blandat: personalandel {} × personal {} % + resten × inköp {} %, omgang.toml "
        "[index])",
        format_decimal(*ix.procent), format_decimal(*ix.personalandel),
        format_decimal(*ix.personal), format_decimal(*ix.inkop));
  }
  return fmt::format("{} % (omgang.toml [index] procent)", format_decimal(*ix.procent));
}

/// The settings in force; returns the next free row.
lxw_row_t write_settings(Sheet& ws, lxw_row_t row, const Context& c) {
  const Round& r = c.round;
  ws.text(row++, 0, "Inställningar som gäller", {.bold = true, .size = 12});
  auto field = [&](const std::string& label, const std::string& value) {
    ws.text(row, 0, label, kBold);
    ws.paragraph(row, 1, kChangePct, value, 100);
    ++row;
  };
  field("Analysår", r.year != 0 ? fmt::format("{} (källa: {})", r.year,
                                              r.year_source.empty() ? "underlagen" : r.year_source)
                                : std::string("okänt"));
  field("Index för omgången", round_index_text(r.settings.index));
  field("KF:s index", r.settings.kf_index
                          ? index_text(r.settings.kf_index)
                          : std::string("inte satt: ramarna visas utan index, \"+ index\""));
  std::string prices;
  for (const auto& [year, pct] : r.settings.prisindex) {
    prices += fmt::format("{}{}: {}", prices.empty() ? "" : "; ", year, percent_text(pct));
  }
  field("Prisindex", prices.empty() ? std::string("inte satt") : prices);
  ++row;
  ws.headings(row++, 0,
              {"Leverantör", "Fil", "Index i kraft", "Varifrån indexet kommer",
               "Påverkan på förvaltningskostnad läses som", "Förslag (2.2)", "Varav ofullständiga",
               "Utan beskrivning (3.1c, " + year_label(r.year, 0) + ", tkr)", "Föreslagen ram (tkr)",
               "Andel utan beskrivning"});
  for (const SupplierRound& s : r.suppliers) {
    ws.text(row, 0, s.name);
    ws.text(row, 1, s.file);
    ws.text(row, 2, index_text(s.index));
    ws.text(row, 3, s.index_source, {.wrap = true});
    ws.text(row, 4, impact_text(s.impact), {.wrap = true});
    // Counted as on the Förslag sheet, so the two agree.
    ProposalCount n = count_proposals(c, s.file);
    ws.number(row, 5, n.proposals, {.number = kCount});
    ws.number(row, 6, n.incomplete,
              {.number = kCount, .fill = n.incomplete > 0 ? kVarningFill : kNoFill});
    ws.kronor(row, 7, s.undescribed_kr);
    ws.kronor(row, 8, s.frame_kr);
    if (s.frame_kr != 0) {
      ws.formula(row, 9, fmt::format("{}/{}", a1(row, 7), a1(row, 8)),
                 static_cast<double>(s.undescribed_kr) / static_cast<double>(s.frame_kr),
                 {.number = kPercent});
    }
    ws.height(row, std::max(lines_needed(s.index_source, ws.width_of(3)),
                            lines_needed(impact_text(s.impact), ws.width_of(4))));
    ++row;
  }
  return row;
}

}  // namespace

void write_overview(Sheet& ws, const Context& c) {
  ws.widths({46, 14, 14, 17, 15, 16, 15, 13, 14, 13});
  lxw_row_t row = ws.top();
  ws.text(row++, 0,
          c.round.year != 0 ? fmt::format("Sammanställning av årlig analys {}", c.round.year)
                            : std::string("Sammanställning av årlig analys"),
          kTitle);
  ws.paragraph(row++, 0, kChangePct,
               fmt::format("{} leverantörer. {}", c.round.suppliers.size(), kAmountNote), 150,
               kNote);
  lxw_row_t frozen = row;
  ++row;
  row = write_area_table(ws, row, c, false);
  ++row;
  row = write_area_table(ws, row, c, true);
  ++row;
  row = write_segments(ws, row, c);
  ++row;
  row = write_settings(ws, row, c);
  ++row;
  ws.text(row++, 0, "Bladen i arbetsboken", {.bold = true, .size = 12});
  std::vector<std::pair<std::string, std::string>> sheets;
  for (std::size_t i = 0; i < c.round.suppliers.size(); ++i) {
    sheets.push_back(
        {c.supplier_sheets[i], fmt::format("{}: rader med källcell", c.round.suppliers[i].name)});
  }
  sheets.push_back({std::string(kProposalsSheet), "förslagen enligt 2.2 och deras fullständighet"});
  sheets.push_back({std::string(kIndexSheet), "index per rad i 3.1a"});
  sheets.push_back({std::string(kFindingsSheet), "alla fynd"});
  sheets.push_back({std::string(kChartsSheet), "kostnadsutvecklingen i diagram"});
  sheets.push_back({std::string(kOutsideSheet),
                    "det som ligger utanför ramarna, och att varje underlag går ihop"});
  sheets.push_back({std::string(kAdjustmentsSheet), "beredningens egna siffror, med källa"});
  for (const auto& [sheet, what] : sheets) {
    ws.link(row, 0, sheet, sheet);
    ws.text(row++, 1, what);
  }
  ws.freeze(frozen, 1);
  ws.print_wide(frozen - 1, frozen - 1);
}

// --- One sheet per supplier -------------------------------------------------------------------

namespace {

/// The supplier sheets' columns: the same for every supplier, so they read alike.
struct LineColumns {
  std::vector<int> years;         // amount years
  std::vector<int> effect_years;  // running-cost effect years
  static constexpr lxw_col_t kTable = 0, kArea = 1, kService = 2, kFirst = 3;
  lxw_col_t amount(std::size_t i) const { return static_cast<lxw_col_t>(kFirst + i); }
  lxw_col_t level(std::size_t i) const { return amount(years.size() + i); }
  lxw_col_t change(std::size_t i) const { return level(effect_years.size() + i); }
  lxw_col_t source(std::size_t i) const { return change(effect_years.size() + i); }
  lxw_col_t category() const { return source(years.size()); }
  lxw_col_t frames() const { return category() + 1; }
  lxw_col_t reason() const { return category() + 2; }
  lxw_col_t count() const { return category() + 3; }
};

LineColumns line_columns(const Round& r) {
  std::set<int> years, effects;
  for (const SupplierRound& s : r.suppliers) {
    for (const SourceLine& l : s.lines) {
      for (const auto& [y, kr] : l.amounts_kr) years.insert(y);
      for (const auto& [y, kr] : l.effect_level_kr) effects.insert(y);
      for (const auto& [y, kr] : l.effect_change_kr) effects.insert(y);
    }
  }
  if (years.empty() && r.year != 0) {
    for (int y = r.year - 2; y <= r.year + 2; ++y) years.insert(y);
  }
  if (effects.empty() && r.year != 0) {
    for (int y = r.year; y <= r.year + 2; ++y) effects.insert(y);
  }
  return {{years.begin(), years.end()}, {effects.begin(), effects.end()}};
}

std::optional<std::int64_t> at_year(const std::map<int, std::int64_t>& m, int year) {
  auto it = m.find(year);
  return it == m.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

/// The tables of a supplier's lines in the template's order, then any other in order of
/// appearance.
std::vector<std::string> table_order(const SupplierRound& s) {
  std::vector<std::string> order = {"forvaltning", "utveckling", "nya_insatser"};
  for (const SourceLine& l : s.lines) {
    if (std::find(order.begin(), order.end(), l.table) == order.end()) order.push_back(l.table);
  }
  return order;
}

}  // namespace

lxw_col_t supplier_cols(const Round& r) { return line_columns(r).count(); }

void write_supplier(Sheet& ws, const Context& c, const SupplierRound& s) {
  LineColumns lc = line_columns(c.round);
  std::vector<double> widths = {26, 22, 44};
  for (std::size_t i = 0; i < lc.years.size(); ++i) widths.push_back(12);
  for (std::size_t i = 0; i < 2 * lc.effect_years.size(); ++i) widths.push_back(11);
  for (std::size_t i = 0; i < lc.years.size(); ++i) widths.push_back(32);
  widths.insert(widths.end(), {22, 10, 50});
  ws.widths(widths);
  lxw_col_t last_col = lc.count() - 1;
  lxw_row_t row = ws.top();
  ws.text(row++, 0, s.name, kTitle);
  ws.paragraph(
      row++, 0, 8,
      fmt::format("Fil: {}. Index i kraft: {} ({}). Påverkan på förvaltningskostnad läses "
                  "som {}. Raderna är leverantörens detaljerade rader i 3.1a, 3.1b och "
                  "3.1c på en gemensam årsaxel; kolumnerna Källa anger cellen i "
                  "leverantörens fil som varje belopp lästes från.",
                  s.file, index_text(s.index),
                  s.index_source.empty() ? "ingen källa" : s.index_source, impact_text(s.impact)),
      150);
  ws.paragraph(row++, 0, 8, std::string(kAmountNote), 150, kNote);
  ++row;

  // Two heading rows: what the columns hold, then the year of each.
  lxw_row_t group_row = row++;
  lxw_row_t head_row = row++;
  std::vector<std::string> heads = {"Tabell", "Område", "Tjänst / insats"};
  for (int y : lc.years) heads.push_back(std::to_string(y));
  for (int y : lc.effect_years) heads.push_back(std::to_string(y));
  for (int y : lc.effect_years) heads.push_back(std::to_string(y));
  for (int y : lc.years) heads.push_back(fmt::format("Källa {}", y));
  heads.insert(heads.end(), {"Kategori", "Inom ramarna", "Varför utanför ramarna"});
  ws.headings(head_row, 0, heads);
  for (lxw_col_t col = 0; col < LineColumns::kFirst; ++col) ws.blank(group_row, col, kHeading);
  auto group = [&](lxw_col_t first, std::size_t n, const std::string& text) {
    if (n > 0) ws.merged(group_row, first, static_cast<lxw_col_t>(first + n - 1), text, kHeading);
  };
  group(lc.amount(0), lc.years.size(), "Belopp per år (tkr)");
  group(lc.level(0), lc.effect_years.size(), "Påverkan på förvaltningskostnad, nivå (tkr)");
  group(lc.change(0), lc.effect_years.size(), "Påverkan, förändring enskilt år (tkr)");
  group(lc.source(0), lc.years.size(), "Källa: cellen i leverantörens fil");
  group(lc.category(), 3, "Tjänstekatalogen");
  ws.height(group_row, 2);

  for (const std::string& table : table_order(s)) {
    std::vector<const SourceLine*> lines;
    for (const SourceLine& l : s.lines) {
      if (l.table == table) lines.push_back(&l);
    }
    if (lines.empty() && table != "forvaltning" && table != "utveckling" &&
        table != "nya_insatser") {
      continue;
    }
    std::string title(analys::table_name(table).title);
    Look group_look{.bold = true, .fill = kGroupFill};
    ws.text(row, 0, title, group_look);
    for (lxw_col_t col = 1; col <= last_col; ++col) ws.blank(row, col, group_look);
    ++row;
    if (lines.empty()) {
      ws.text(row++, LineColumns::kService, "Inga rader.", kNote);
      continue;
    }
    lxw_row_t first = row;
    for (const SourceLine* l : lines) {
      ws.text(row, LineColumns::kTable, title);
      ws.text(row, LineColumns::kArea, l->area);
      ws.text(row, LineColumns::kService, l->service);
      for (std::size_t i = 0; i < lc.years.size(); ++i) {
        ws.kronor(row, lc.amount(i), at_year(l->amounts_kr, lc.years[i]));
        auto src = l->sources.find(lc.years[i]);
        if (src != l->sources.end()) ws.text(row, lc.source(i), source_text(src->second, s.file));
      }
      for (std::size_t i = 0; i < lc.effect_years.size(); ++i) {
        ws.kronor(row, lc.level(i), at_year(l->effect_level_kr, lc.effect_years[i]));
        ws.kronor(row, lc.change(i), at_year(l->effect_change_kr, lc.effect_years[i]));
      }
      ws.text(row, lc.category(), l->category == fordelning::Category::okand
                                      ? std::string("Saknas i katalogen")
                                      : std::string(fordelning::category_text(l->category)));
      ws.text(row, lc.frames(), l->in_frames ? "ja" : "nej");
      ws.text(row, lc.reason(), l->reason);
      ++row;
    }
    lxw_row_t last = row - 1;
    Look total{.bold = true, .rule = true};
    ws.text(row, 0, "Summa " + title, total);
    for (lxw_col_t col = 1; col < LineColumns::kFirst; ++col) ws.blank(row, col, total);
    auto sum_column = [&](lxw_col_t col, auto value_of) {
      std::optional<std::int64_t> sum;
      for (const SourceLine* l : lines) {
        if (auto v = value_of(*l)) sum = sum.value_or(0) + *v;
      }
      if (sum) {
        ws.formula_kr(row, col, sum_of(col, first, last), *sum, total);
      } else {
        ws.kronor(row, col, std::nullopt, total);
      }
    };
    for (std::size_t i = 0; i < lc.years.size(); ++i) {
      sum_column(lc.amount(i),
                 [&](const SourceLine& l) { return at_year(l.amounts_kr, lc.years[i]); });
    }
    for (std::size_t i = 0; i < lc.effect_years.size(); ++i) {
      int y = lc.effect_years[i];
      sum_column(lc.level(i), [&](const SourceLine& l) { return at_year(l.effect_level_kr, y); });
      sum_column(lc.change(i), [&](const SourceLine& l) { return at_year(l.effect_change_kr, y); });
    }
    for (std::size_t i = 0; i < lc.years.size(); ++i) ws.blank(row, lc.source(i), total);
    for (lxw_col_t col = lc.category(); col < lc.count(); ++col) ws.blank(row, col, total);
    row += 2;
  }
  if (s.lines.empty()) ws.text(row++, 0, "Leverantören har inga rader med belopp.", kNote);
  ws.freeze(head_row + 1, LineColumns::kFirst);
  ws.autofilter(head_row, 0, std::max(head_row, row - 1), last_col);
  // Two pages wide: one would print the source cells unreadably small.
  ws.print_wide(group_row, head_row, 2);
  ws.repeat_columns(0, LineColumns::kService);
}

}  // namespace summary

// --- The workbook -----------------------------------------------------------------------------

namespace {

}  // namespace

std::string sammanstallning_xlsx(const sammanstallning::Round& round,
                                 const std::vector<analys::Submission>& submissions,
                                 const Findings& findings, bool draft) {
  using namespace summary;
  Context c{round, submissions, findings, draft, {}};
  SheetNames names{summary::kOverviewSheet, summary::kProposalsSheet, summary::kIndexSheet,
                   summary::kFindingsSheet, summary::kChartsSheet, summary::kOutsideSheet,
                   summary::kAdjustmentsSheet};
  for (const auto& s : round.suppliers)
    c.supplier_sheets.push_back(names.claim(supplier_sheet_wanted(s.name)));

  XlsxBook book("Sammanställningen", "sammanstallning");
  book.set_properties({.title = round.year != 0
                                    ? fmt::format("Sammanställning av årlig analys {}", round.year)
                                    : std::string("Sammanställning av årlig analys"),
                       .subject = "Underlag för budgetcontrollers",
                       .created = new_year(round.year != 0 ? round.year - 1 : 2000)});
  summary::Formats formats(book);
  Sheet overview(book, formats, std::string(kOverviewSheet), draft, kOverviewCols);
  std::vector<Sheet> supplier_sheets;
  supplier_sheets.reserve(round.suppliers.size());
  for (const std::string& name : c.supplier_sheets) {
    supplier_sheets.emplace_back(book, formats, name, draft, supplier_cols(round));
  }
  Sheet proposals(book, formats, std::string(kProposalsSheet), draft, kProposalsCols);
  Sheet index(book, formats, std::string(kIndexSheet), draft, kIndexCols);
  Sheet found(book, formats, std::string(kFindingsSheet), draft, kFindingsCols);
  Sheet charts(book, formats, std::string(kChartsSheet), draft, kChartsCols);
  Sheet outside(book, formats, std::string(kOutsideSheet), draft, kOutsideCols);
  Sheet adjustments(book, formats, std::string(kAdjustmentsSheet), draft, kAdjustmentsCols);

  write_overview(overview, c);
  for (std::size_t i = 0; i < round.suppliers.size(); ++i) {
    write_supplier(supplier_sheets[i], c, round.suppliers[i]);
  }
  write_proposals(proposals, c);
  write_index_check(index, c);
  write_findings(found, c);
  write_charts(book, charts, c);
  write_outside(outside, c);
  write_adjustments(adjustments, c);
  return book.finish();
}

}  // namespace arsanalys::output

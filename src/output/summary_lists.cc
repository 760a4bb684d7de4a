// sammanstallning.xlsx, the sheets that list: the 2.2 proposals with their completeness, the
// index check of 3.1a's lines, every finding, and the cost development with its charts.
#include <fmt/format.h>

#include <algorithm>

#include "analys/template_def.h"
#include "output/summary_parts.h"

namespace arsanalys::output::summary {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

using analys::Proposal;
using analys::Submission;
using sammanstallning::IndexRow;
using sammanstallning::Round;
using sammanstallning::SupplierRound;

// --- Förslag ----------------------------------------------------------------------------------

/// A required form field as a short Swedish noun: "Är informationsklassning genomförd? JA / NEJ"
/// -> "informationsklassning", "Total projektbudget (tkr)" -> "total projektbudget".
std::string field_noun(const std::string& id) {
  const analys::TemplateDef& def = analys::builtin_template();
  auto it = std::find_if(def.form_fields.begin(), def.form_fields.end(),
                         [&](const analys::FormFieldDef& f) { return f.id == id; });
  if (it == def.form_fields.end()) return id;
  std::string label = it->label;
  for (std::string_view cut : {" JA / NEJ", "?", " genomförd", " (tkr)"}) {
    if (auto at = label.find(cut); at != std::string::npos) label.erase(at);
  }
  if (label.starts_with("Är ")) label.erase(0, 4);  // "Är " is four bytes
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z')
    label[0] = static_cast<char>(label[0] + 32);
  return label;
}

std::string field_value(const Proposal& p, std::string_view id) {
  for (const auto& [field, value] : p.fields) {
    if (field == id) return value;
  }
  return {};
}

/// What the Förslag sheet says about one proposal. Forms left empty are no proposals: the
/// recognition leaves them out, so every count here and in the annex agrees.
struct ProposalState {
  bool complete = true;
  std::string lacking;  // "Saknas: effektmål, informationsklassning", or the finding's text
};

ProposalState state_of(const Proposal& p, const Findings& findings) {
  ProposalState st;
  if (!p.lacking.empty()) {
    st.complete = false;
    std::string list;
    for (const std::string& id : p.lacking) list += (list.empty() ? "" : ", ") + field_noun(id);
    st.lacking = "Saknas: " + list;
    return st;
  }
  // The checks report a lacking field as PROPOSAL_INCOMPLETE at the field's cell (or at the
  // proposal's title when the form has no such field).
  auto is_mine = [&](const Location& at) {
    if (at.file != p.source.file || at.sheet != p.source.sheet) return false;
    if (at.cell == p.source.cell) return true;
    return std::any_of(p.cells.begin(), p.cells.end(),
                       [&](const auto& c) { return c.second.cell == at.cell; });
  };
  for (const Finding& f : findings) {
    if (f.code == "PROPOSAL_INCOMPLETE" && is_mine(f.where)) {
      st.complete = false;
      st.lacking += (st.lacking.empty() ? "" : " ") + f.message;
    }
  }
  return st;
}

/// The round's name of a submission's supplier (matched by file), else the submission's own.
std::string supplier_of(const Round& r, const Submission& s) {
  for (const SupplierRound& sr : r.suppliers) {
    if (sr.file == s.file) return sr.name;
  }
  return s.supplier;
}

}  // namespace

ProposalCount count_proposals(const Context& c, const std::string& file) {
  ProposalCount n;
  for (const Submission& s : c.submissions) {
    if (s.file != file) continue;
    for (const Proposal& p : s.proposals) {
      ProposalState st = state_of(p, c.findings);
      ++n.proposals;
      n.incomplete += st.complete ? 0 : 1;
    }
  }
  return n;
}

void write_proposals(Sheet& ws, const Context& c) {
  ws.widths({40, 9, 44, 14, 13, 46, 28, 28, 40});
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Förslag på nya förändringsinsatser (2.2)", kTitle);
  ws.paragraph(row++, 0, 8,
               "Ett förslag är fullständigt när mallens obligatoriska fält är ifyllda och inte "
               "besvarade med nej: effektmål, informationsklassning, tröskel- och "
               "konsekvensanalys och projektbudget. Tomma formulär ur mallen räknas inte. "
               "Projektbudget i tkr.",
               200, kNote);
  ++row;

  // Plan the list first: the summary's budget sums point into it.
  struct Entry {
    std::string supplier;
    const Submission* s;
    std::vector<ProposalState> states;
  };
  std::vector<Entry> entries;
  for (const Submission& s : c.submissions) {
    Entry e{supplier_of(c.round, s), &s, {}};
    for (const Proposal& p : s.proposals) e.states.push_back(state_of(p, c.findings));
    entries.push_back(std::move(e));
  }
  lxw_row_t summary_head = row + 1;
  lxw_row_t list_head = summary_head + static_cast<lxw_row_t>(entries.size()) + 3;
  std::vector<std::pair<lxw_row_t, lxw_row_t>> ranges;  // each supplier's proposal rows
  lxw_row_t at = list_head + 1;
  for (const Entry& e : entries) {
    lxw_row_t n = std::max<lxw_row_t>(1, static_cast<lxw_row_t>(e.s->proposals.size()));
    ranges.push_back({at, at + n - 1});
    at += n + 1;  // the rows and the supplier's sum
  }

  ws.text(row++, 0, "Fullständighet per leverantör", {.bold = true, .size = 12});
  ws.headings(row++, 0,
              {"Leverantör", "Förslag", "Fullständiga", "Ofullständiga", "Andel fullständiga",
               "Summa projektbudget (tkr)"});
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    int counted = 0, complete = 0;
    std::int64_t budget = 0;
    for (std::size_t k = 0; k < e.states.size(); ++k) {
      ++counted;
      complete += e.states[k].complete ? 1 : 0;
    }
    for (const Proposal& p : e.s->proposals) budget += p.budget_kr.value_or(0);
    ws.text(row, 0, e.supplier);
    ws.number(row, 1, counted, {.number = kCount});
    ws.number(row, 2, complete, {.number = kCount});
    ws.formula(row, 3, fmt::format("{}-{}", a1(row, 1), a1(row, 2)), counted - complete,
               {.number = kCount, .fill = counted > complete ? kVarningFill : kNoFill});
    if (counted > 0) {
      ws.formula(row, 4, fmt::format("{}/{}", a1(row, 2), a1(row, 1)),
                 static_cast<double>(complete) / counted, {.number = kPercent});
    }
    ws.formula_kr(row, 5, sum_of(3, ranges[i].first, ranges[i].second), budget);
    ++row;
  }
  row = list_head - 1;
  ws.text(row++, 0, "Förslagen", {.bold = true, .size = 12});
  ws.headings(row++, 0,
              {"Leverantör", "Nr", "Namn på förändringsinsats", "Projektbudget (tkr)",
               "Fullständigt", "Saknas", "Informationsklassning (som skrivet)",
               "Tröskel- och konsekvensanalys (som skrivet)", "Källa"});
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const auto& proposals = e.s->proposals;
    for (std::size_t k = 0; k < proposals.size(); ++k) {
      const Proposal& p = proposals[k];
      const ProposalState& st = e.states[k];
      Look look{.fill = !st.complete ? kVarningFill : kNoFill};
      Look wrapped = look;
      wrapped.wrap = true;
      ws.text(row, 0, e.supplier, look);
      if (p.number > 0) {
        ws.number(row, 1, p.number, {.number = kCount, .fill = look.fill});
      } else {
        ws.blank(row, 1, look);  // a row of a 2.2 table has no number
      }
      ws.text(row, 2, p.name.empty() ? "(namn saknas)" : p.name, wrapped);
      ws.kronor(row, 3, p.budget_kr, look);
      ws.text(row, 4, st.complete ? "ja" : "nej", look);
      ws.text(row, 5, st.lacking, wrapped);
      std::string klass = field_value(p, "informationsklassning");
      std::string analys = field_value(p, "konsekvensanalys");
      ws.text(row, 6, klass, wrapped);
      ws.text(row, 7, analys, wrapped);
      ws.text(row, 8, source_text(p.source, e.s->file), look);
      ws.height(row, std::min<std::size_t>(
                         8, std::max({lines_needed(p.name, 44), lines_needed(st.lacking, 46),
                                      lines_needed(klass, 28), lines_needed(analys, 28)})));
      ++row;
    }
    if (proposals.empty()) {
      ws.text(row, 0, e.supplier);
      ws.text(row++, 2, "Inga förslag enligt 2.2.", kNote);
    }
    Look total{.bold = true, .rule = true};
    std::int64_t budget = 0;
    for (const Proposal& p : proposals) budget += p.budget_kr.value_or(0);
    ws.text(row, 0, "Summa " + e.supplier, total);
    for (lxw_col_t col : std::initializer_list<lxw_col_t>{1, 2, 4, 5, 6, 7, 8}) {
      ws.blank(row, col, total);
    }
    ws.formula_kr(row, 3, sum_of(3, ranges[i].first, ranges[i].second), budget, total);
    ++row;
  }
  ws.freeze(list_head, 0);
  ws.print_wide(list_head, list_head);
}

// --- Indexkontroll ----------------------------------------------------------------------------

void write_index_check(Sheet& ws, const Context& c) {
  int y = c.round.year;
  ws.widths({40, 10, 20, 40, 13, 13, 15, 14, 11, 9, 34, 34});
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Indexkontroll av 3.1a", kTitle);
  ws.paragraph(row++, 0, 11,
               fmt::format("Varje rad i 3.1a: Prognos {0} ska vara Budget {1} × (1 + index), "
                           "avrundat som raden (hela tkr för tkr-belopp). Rader som inte stämmer "
                           "är röda. Implicit index = Prognos / Budget − 1. {2}",
                           year_label(y, 0), year_label(y, -1), kAmountNote),
               200, kNote);
  for (const SupplierRound& s : c.round.suppliers) {
    auto fits = std::count_if(s.index_rows.begin(), s.index_rows.end(),
                              [](const IndexRow& r) { return r.fits; });
    std::string text =
        s.index ? fmt::format("{}: index {} ({}); {} rader, {} stämmer, {} stämmer inte.", s.name,
                              index_text(s.index), s.index_source, s.index_rows.size(), fits,
                              static_cast<long>(s.index_rows.size()) - fits)
                : fmt::format("{}: index okänt, raderna kan inte kontrolleras.", s.name);
    ws.paragraph(row++, 0, 11, text, 200);
  }
  ++row;
  lxw_row_t head = row;
  ws.headings(row++, 0,
              {"Leverantör", "Index i kraft", "Område", "Tjänst", "Budget " + year_label(y, -1) + " (tkr)",
               "Prognos " + year_label(y, 0) + " (inlämnad, tkr)",
               "Förväntad " + year_label(y, 0) + " (budget × (1 + index), tkr)",
               "Avvikelse (prognos − förväntad, tkr)", "Implicit index", "Stämmer", "Källa budget",
               "Källa prognos"});
  for (const SupplierRound& s : c.round.suppliers) {
    for (const IndexRow& r : s.index_rows) {
      Look look{.fill = r.fits ? kNoFill : kFelFill};
      ws.text(row, 0, s.name, look);
      ws.text(row, 1, index_text(s.index), look);
      ws.text(row, 2, r.area, look);
      ws.text(row, 3, r.service, look);
      ws.kronor(row, 4, r.budget, look);
      ws.kronor(row, 5, r.prognos, look);
      ws.kronor(row, 6, r.expected, look);
      ws.formula_kr(row, 7, fmt::format("{}-{}", a1(row, 5), a1(row, 6)), r.prognos - r.expected,
                    look);
      Look pct = look;
      pct.number = kPercentFine;
      if (r.implied_percent) {
        ws.number(row, 8,
                  static_cast<double>(r.implied_percent->num) /
                      static_cast<double>(r.implied_percent->den) / 100.0,
                  pct);
      } else {
        ws.blank(row, 8, pct);
      }
      ws.text(row, 9, r.fits ? "ja" : "nej", look);
      ws.text(row, 10, source_text(r.budget_at, s.file), look);
      ws.text(row, 11, source_text(r.prognos_at, s.file), look);
      ++row;
    }
  }
  if (row == head + 1) ws.text(row++, 0, "Inga rader att kontrollera.", kNote);
  ws.freeze(head + 1, 0);
  ws.autofilter(head, 0, row - 1, 11);
  ws.print_wide(head, head);
}

// --- Fynd -------------------------------------------------------------------------------------

namespace {

lxw_color_t fill_of(Level level) {
  switch (level) {
    case Level::fel:
      return kFelFill;
    case Level::varning:
      return kVarningFill;
    case Level::info:
      return kNoFill;
  }
  return kNoFill;
}

}  // namespace

void write_findings(Sheet& ws, const Context& c) {
  constexpr double kMessageWidth = 80;
  ws.widths({9, 20, 18, 22, 8, kMessageWidth, 14, 14});
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Fynd", kTitle);
  ws.paragraph(row++, 0, 7,
               fmt::format("{} fynd: {}. Värden i tkr. "
                           "Filtrera på nivå, kod eller fil med pilarna i rubrikraden.",
                           c.findings.size(), count_levels(c.findings)),
               180, kNote);
  ++row;
  lxw_row_t head = row;
  ws.headings(
      row++, 0,
      {"Nivå", "Kod", "Fil", "Blad", "Cell", "Meddelande", "Värde (tkr)", "Förväntat (tkr)"});
  for (const Finding& f : c.findings) {
    Look look{.fill = fill_of(f.level)};
    Look wrapped = look;
    wrapped.wrap = true;
    ws.text(row, 0, std::string(level_name(f.level)), look);
    ws.text(row, 1, f.code, look);
    ws.text(row, 2, f.where.file, look);
    ws.text(row, 3, f.where.sheet, look);
    ws.text(row, 4, f.where.cell, look);
    ws.text(row, 5, f.message, wrapped);
    ws.kronor(row, 6, f.value_kr, look);
    ws.kronor(row, 7, f.expected_kr, look);
    ws.height(row, std::min<std::size_t>(10, lines_needed(f.message, kMessageWidth)));
    ++row;
  }
  if (c.findings.empty()) ws.text(row++, 0, "Inga fynd.");
  ws.freeze(head + 1, 0);
  ws.autofilter(head, 0, std::max(head, row - 1), 7);
  ws.print_wide(head, head);
}

// --- Diagram ----------------------------------------------------------------------------------

namespace {

/// A supplier's förvaltning + utveckling in a year of the axis, from its Tabell 1 and 2 totals:
/// Utfall for Y-2, Budget for Y-1, Föreslagen for Y; nothing when either table lacks the year
/// (a gap in the chart, not a cost of 0).
std::optional<std::int64_t> supplier_year(const SupplierRound& s, int offset) {
  auto pick = [&](const sammanstallning::Figures& f) -> std::optional<std::int64_t> {
    switch (offset) {
      case -2:
        return f.utfall;
      case -1:
        return f.budget;
      case 0:
        return f.foreslagen;
      default:
        return std::nullopt;
    }
  };
  auto f = pick(s.forvaltning_total.figures);
  auto u = pick(s.utveckling_total.figures);
  if (!f || !u) return std::nullopt;
  return *f + *u;
}

/// A stacked column chart of the columns `cols` of the data rows first..last.
void add_chart(XlsxBook& book, Sheet& ws, lxw_row_t at, const std::string& title, lxw_row_t head,
               lxw_row_t first, lxw_row_t last, const std::vector<lxw_col_t>& cols) {
  lxw_chart* chart = workbook_add_chart(book.get(), LXW_CHART_COLUMN_STACKED);
  if (chart == nullptr) book.check(LXW_ERROR_MEMORY_MALLOC_FAILED, "skapa diagram");
  std::string sheet = ws.name();
  for (lxw_col_t col : cols) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (series == nullptr) book.check(LXW_ERROR_MEMORY_MALLOC_FAILED, "skapa diagramserie");
    chart_series_set_categories(series, sheet.c_str(), first, 0, last, 0);
    chart_series_set_values(series, sheet.c_str(), first, col, last, col);
    chart_series_set_name_range(series, sheet.c_str(), head, col);
  }
  chart_title_set_name(chart, title.c_str());
  chart_axis_set_num_format(chart->y_axis, std::string(kTkrWhole).c_str());
  chart_axis_set_name(chart->y_axis, "tkr");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options options{};
  options.x_scale = 1.4;
  options.y_scale = 1.2;
  book.check(worksheet_insert_chart_opt(ws.get(), at, 0, chart, &options), "infoga diagram");
}

}  // namespace

void write_charts(XlsxBook& book, Sheet& ws, const Context& c) {
  const Round& r = c.round;
  std::vector<double> widths = {10, 14, 14, 14, 14, 16};
  for (std::size_t i = 0; i < r.suppliers.size(); ++i) widths.push_back(16);
  ws.widths(widths);
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Kostnadsutveckling", kTitle);
  ws.paragraph(row++, 0, 9,
               "Diagrammen bygger på tabellen nedan: vanliga tal i tkr (inga formler, så att "
               "diagrammen alltid visar dem). Förvaltning och utveckling som i "
               "Tabell 1 och 2 på bladet Översikt: utfall, budget och föreslaget (utan index).",
               160, kNote);
  ++row;
  lxw_row_t head = row;
  std::vector<std::string> heads = {
      "År",          "Bastjänster", "Digital infrastruktur",
      "Förvaltning", "Utveckling",  "Totalt i " + year_label(r.year, 0) + " års priser"};
  for (const std::string& name : c.supplier_sheets) heads.push_back(name);
  ws.headings(row++, 0, heads);
  lxw_row_t first = row;
  std::vector<int> partial;  // years some supplier lacks: their sums are left empty
  for (const auto& yt : r.years) {
    auto whole = [&](std::int64_t kr) {
      return yt.complete ? std::optional<std::int64_t>(kr) : std::nullopt;
    };
    if (!yt.complete) partial.push_back(yt.year);
    ws.text(row, 0, std::to_string(yt.year));
    ws.kronor(row, 1, whole(yt.bastjanster_kr));
    ws.kronor(row, 2, whole(yt.infrastruktur_kr));
    ws.kronor(row, 3, whole(yt.forvaltning_kr));
    ws.kronor(row, 4, whole(yt.utveckling_kr));
    ws.kronor(row, 5, whole(yt.fasta_priser_kr));
    for (std::size_t i = 0; i < r.suppliers.size(); ++i) {
      ws.kronor(row, static_cast<lxw_col_t>(6 + i),
                supplier_year(r.suppliers[i], yt.year - r.year));
    }
    ++row;
  }
  if (r.years.empty()) {
    ws.text(row++, 0, "Inga år att visa.", kNote);
    return;
  }
  lxw_row_t last = row - 1;
  for (int year : partial) {
    ws.paragraph(row++, 0, 9,
                 fmt::format("{} saknas hos någon leverantör, så årets summor är tomma och året "
                             "är inte med i diagrammen: de visar inte en del av kostnaden.",
                             year == r.year - 2 ? fmt::format("Utfall {}", year)
                                                : fmt::format("Ett belopp för {}", year)),
                 160, kNote);
  }
  // The charts start at the first year with whole sums: a partial first year (Utfall Y-2 that
  // some supplier lacks) is left out of them rather than drawn as a bar of part of the cost.
  std::size_t from = 0;
  while (from + 1 < r.years.size() && !r.years[from].complete) ++from;
  first += static_cast<lxw_row_t>(from);
  std::string span = fmt::format("{}–{}", r.years[from].year, r.years.back().year);
  row += 1;
  add_chart(book, ws, row, fmt::format("Diagram 1. Bastjänster och digital infrastruktur {}", span),
            head, first, last, {1, 2});
  row += 19;
  add_chart(book, ws, row, fmt::format("Diagram 2. Förvaltning och utveckling {}", span), head,
            first, last, {3, 4});
  if (!r.suppliers.empty()) {
    row += 19;
    std::vector<lxw_col_t> cols;
    for (std::size_t i = 0; i < r.suppliers.size(); ++i)
      cols.push_back(static_cast<lxw_col_t>(6 + i));
    add_chart(book, ws, row, fmt::format("Diagram 3. Per leverantör {}", span), head, first, last,
              cols);
  }
  ws.freeze(head + 1, 0);
  ws.print_wide(head, head);
}

}  // namespace arsanalys::output::summary

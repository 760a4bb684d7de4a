#include "checks/checks.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "analys/amount.h"
#include "analys/recognise.h"
#include "core/exact.h"

namespace arsanalys::checks {
using analys::Amount;

using analys::Column;
using analys::ColumnKind;
using analys::Figure;
using analys::Line;
using analys::LineKind;
using analys::Submission;
using analys::Table;

namespace {

std::optional<std::int64_t> kronor(const std::optional<Figure>& f) {
  if (!f || f->amount.kind != Amount::Kind::amount) return std::nullopt;
  return f->amount.kronor;
}

/// The coarsest of 100 tkr, 1 tkr, 1 kr that every value is a multiple of.
std::int64_t granularity(const std::vector<std::int64_t>& values) {
  for (std::int64_t g : {100'000, 1'000}) {
    if (std::all_of(values.begin(), values.end(), [&](std::int64_t v) { return v % g == 0; })) {
      return g;
    }
  }
  return 1;
}

bool is_amount_column(const Column& c) { return c.kind != ColumnKind::text; }

/// A column named for a message: "budget 2023", "påverkan 2025".
std::string column_name(const Column& c) {
  std::string_view what;
  switch (c.kind) {
    case ColumnKind::utfall: what = "utfall"; break;
    case ColumnKind::budget: what = "budget"; break;
    case ColumnKind::prognos: what = "prognos"; break;
    case ColumnKind::kostnad: what = "kostnad"; break;
    case ColumnKind::effekt: what = "påverkan på förvaltningskostnad"; break;
    case ColumnKind::text: return c.heading;
  }
  return c.year != 0 ? fmt::format("{} {}", what, c.year) : std::string(what);
}

/// The coarsest power of ten, up to a million kronor (whole mnkr), that `value` is a multiple
/// of: the rounding a figure shows. 1 for zero, which shows none.
std::int64_t rounding_of(std::int64_t value) {
  if (value == 0) return 1;
  std::int64_t g = 1;
  while (g < 1'000'000 && value % (g * 10) == 0) g *= 10;
  return g;
}

/// One figure added up into a stated sum.
struct Addend {
  const Figure* figure = nullptr;
  std::int64_t kronor = 0;
  bool rounded = false;  // rounded from a finer figure the supplier computed (budget × index,
                         // or a subtotal of such rows): it carries more than it shows
};

/// "C7", "C7 och C9", "C7, C9 och C12".
std::string cell_list(const std::vector<const Figure*>& figures) {
  std::string out;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == figures.size() ? " och " : ", ") + figures[i]->source.cell;
  }
  return out;
}

/// A column of the template as a reader knows it: "Utfall 2023", "Prognos budget 2025",
/// "År 2026", "Påverkan förvaltningskostnad 2027" (without the year when it is unknown).
std::string column_heading(ColumnKind kind, int year) {
  std::string_view what;
  switch (kind) {
    case ColumnKind::utfall: what = "Utfall"; break;
    case ColumnKind::budget: what = "Budget"; break;
    case ColumnKind::prognos: what = "Prognos budget"; break;
    case ColumnKind::kostnad: what = "År"; break;
    case ColumnKind::effekt: what = "Påverkan förvaltningskostnad"; break;
    case ColumnKind::text: what = "Text"; break;
  }
  return year != 0 ? fmt::format("{} {}", what, year) : std::string(what);
}

/// Compares a stated sum with its addends; a finding when they differ. The difference is
/// rounding only when the addends carry more precision than the sum's own rounding: rows of
/// whole tkr against a total in hundreds, rows of hundreds against a total in whole mnkr, or
/// rows rounded from a computation. Rows as coarse as the total must add up exactly.
void compare_sum(const Figure& stated, const std::vector<Addend>& addends, std::string_view what,
                 Findings& findings) {
  // Each figure is within ±kMaxAmountKr; their sum is taken wide, so that no sheet of them,
  // however long, can overflow it.
  Int128 wide = 0;
  for (const Addend& a : addends) wide += a.kronor;
  constexpr Int128 kJsonMax = (Int128{1} << 53) - 1;  // exact in every JSON reader
  const bool huge = wide > kJsonMax || wide < -kJsonMax;
  std::int64_t sum = huge ? (wide > 0 ? static_cast<std::int64_t>(kJsonMax)
                                      : -static_cast<std::int64_t>(kJsonMax))
                          : static_cast<std::int64_t>(wide);
  std::int64_t value = stated.amount.kronor;
  if (!huge && value == sum) return;
  Finding f;
  f.where = stated.source;
  f.value_kr = value;
  if (!huge) f.expected_kr = sum;
  // A SUM formula leaves out the amounts written as text: the cause is in those cells.
  std::vector<const Figure*> texts;
  Int128 text_sum = 0;
  for (const Addend& a : addends) {
    if (a.figure != nullptr && !a.figure->written.empty()) {
      texts.push_back(a.figure);
      text_sum += a.kronor;
    }
  }
  if (!huge && !stated.formula.empty() && !texts.empty() && value == sum - text_sum) {
    f.code = "SUM_MISMATCH";
    f.level = Level::fel;
    bool one = texts.size() == 1;
    f.message = fmt::format(
        "{} {} avviker från summan av raderna {}: Excel räknar inte med {} i {}, som är {} som "
        "text. Skriv {}, så stämmer summan.",
        what, analys::format_tkr(value), analys::format_tkr(sum), one ? "beloppet" : "beloppen",
        cell_list(texts), one ? "skrivet" : "skrivna", one ? "det som ett tal" : "dem som tal");
    findings.push_back(std::move(f));
    return;
  }
  std::int64_t own = rounding_of(value);
  std::int64_t rows = own;  // the finest rounding the addends show
  int rounded = 0;
  for (const Addend& a : addends) {
    if (a.kronor != 0) rows = std::min(rows, rounding_of(a.kronor));
    rounded += a.rounded ? 1 : 0;
  }
  bool finer = rounded > 0 || rows < own;
  // The sum may be off by half its own unit, and by half a row's unit per rounded row.
  std::int64_t tolerance = own / 2 + rounded * rows / 2;
  if (!huge && finer && std::llabs(value - sum) <= tolerance) {
    f.code = "SUM_ROUNDING";
    f.level = Level::info;
    f.message = fmt::format("{} {} skiljer sig från summan av raderna {} bara genom avrundning.",
                            what, analys::format_tkr(value), analys::format_tkr(sum));
  } else {
    f.code = "SUM_MISMATCH";
    f.level = Level::fel;
    f.message = fmt::format("{} {} avviker från summan av raderna {}.", what,
                            analys::format_tkr(value), analys::format_tkr(sum));
  }
  findings.push_back(std::move(f));
}

/// Whether the formula refers to a range (or cell) of its sheet holding `cell`.
bool formula_covers(std::string_view formula, std::string_view cell) {
  auto at = xlsx::parse_cell_ref(cell);
  if (!at) return false;
  static const std::regex ref(R"((^|[^A-Za-z0-9_!.])(\$?[A-Z]{1,3}\$?[0-9]+)(:\$?[A-Z]{1,3}\$?[0-9]+)?)");
  std::string text(formula);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator();
       ++it) {
    std::string range = (*it)[2].str() + (*it)[3].str();
    std::erase(range, '$');
    std::optional<xlsx::Range> r = xlsx::parse_range(range);
    if (!r) {
      if (auto one = xlsx::parse_cell_ref(range)) r = xlsx::Range{*one, *one};
    }
    if (r && at->row >= r->first.row && at->row <= r->last.row && at->col >= r->first.col &&
        at->col <= r->last.col) {
      return true;
    }
  }
  return false;
}

/// The total or subtotal of column `col` whose formula sums the cell of `figure`, if any.
const Figure* formula_total_over(const Table& t, std::size_t col, const Figure& figure) {
  for (const Line& line : t.lines) {
    if (line.kind != LineKind::total && line.kind != LineKind::subtotal) continue;
    const auto& v = line.values[col];
    if (v && !v->formula.empty() && formula_covers(v->formula, figure.source.cell)) return &*v;
  }
  return nullptr;
}

/// Whether an amount written as text is reported (NUMBER_AS_TEXT): where the template asks
/// for numbers, or where a SUM formula leaves it out.
bool text_reported(const Table& t, std::size_t col, const std::optional<Figure>& figure) {
  if (!figure || figure->written.empty() || figure->amount.kind != Amount::Kind::amount) {
    return false;
  }
  return t.from_template || formula_total_over(t, col, *figure) != nullptr;
}

/// An amount in the table's unit as a supplier types it into a cell: "1200", "-21200", "12,5".
std::string typed_number(std::int64_t kronor, analys::Unit unit) {
  std::int64_t factor = analys::unit_factor(unit);
  std::string out = std::to_string(kronor / factor);
  if (kronor < 0 && kronor / factor == 0) out = "-0";
  std::int64_t rest = std::llabs(kronor % factor);
  if (rest != 0) {
    std::string digits = std::to_string(rest + factor).substr(1);
    while (digits.back() == '0') digits.pop_back();
    out += "," + digits;
  }
  return out;
}

/// Whether two area labels name the same area: equal after folding, or equal once "/" and
/// " och " are taken as the same ("Ledning/styrning", "Ledning och styrning").
bool same_area(std::string_view a, std::string_view b) {
  auto norm = [](std::string_view x) {
    std::string out(x);
    for (std::size_t p; (p = out.find(" och ")) != std::string::npos;) out.replace(p, 5, "/");
    return out;
  };
  return norm(a) == norm(b);
}

/// What a lacking form field is called in a message.
std::string field_noun(const analys::FormFieldDef& field) {
  static const std::map<std::string, std::string> nouns = {
      {"effektmal", "effektmål"},
      {"informationsklassning", "informationsklassning"},
      {"konsekvensanalys", "tröskel- och konsekvensanalys"},
      {"budget", "projektbudget"}};
  auto it = nouns.find(field.id);
  return it != nouns.end() ? it->second : fold(field.label);
}

}  // namespace

void check_tables_present(const Submission& s, Findings& findings) {
  for (const char* id : {"forvaltning", "utveckling", "nya_insatser", "nycklar"}) {
    if (s.table(id) != nullptr) continue;
    findings.push_back({"TABLE_MISSING", Level::fel, {s.file, "", ""},
                        fmt::format("Tabell {} hittades inte i arbetsboken.",
                                    analys::table_name(id).title),
                        std::nullopt, std::nullopt});
  }
}

void check_figures(const Submission& s, Findings& findings) {
  std::vector<const Table*> tables;
  for (const Table& t : s.tables) tables.push_back(&t);
  for (const Table& t : s.summaries) tables.push_back(&t);
  for (const Table* table : tables) {
    const Table& t = *table;
    for (const Line& line : t.lines) {
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const auto& v = line.values[i];
        if (!v) continue;
        const Amount& a = v->amount;
        if (a.kind == Amount::Kind::unparsed) {
          findings.push_back({"NUMBER_UNPARSED", Level::fel, v->source,
                              fmt::format("Beloppet för '{}' går inte att läsa som ett belopp.",
                                          line.label.empty() ? "summaraden" : line.label),
                              std::nullopt, std::nullopt});
        } else if (a.kind == Amount::Kind::out_of_range) {
          findings.push_back({"NUMBER_OUT_OF_RANGE", Level::fel, v->source,
                              fmt::format("Beloppet för '{}' {}. Det används inte.",
                                          line.label.empty() ? "summaraden" : line.label,
                                          a.reason),
                              std::nullopt, std::nullopt});
        } else if (a.kind == Amount::Kind::uncomputed && line.kind == LineKind::row) {
          // A row's figure is unknown and would be lost. A total's is not said: the rows are
          // added up here, and a total without a value is only not compared (openpyxl's files).
          findings.push_back({"FORMULA_UNCOMPUTED", Level::fel, v->source,
                              fmt::format("Beloppet för '{}' är formeln ={} utan sparat värde "
                                          "(arbetsboken är sparad av ett program som inte "
                                          "räknar ut formler). Öppna den i Excel eller "
                                          "LibreOffice och spara den igen.",
                                          line.label.empty() ? "summaraden" : line.label,
                                          a.reason),
                              std::nullopt, std::nullopt});
        } else if (a.kind == Amount::Kind::missing && line.kind == LineKind::row) {
          findings.push_back({"VALUE_MISSING", Level::varning, v->source,
                              fmt::format("Beloppet för '{}' saknas (platshållare i stället för "
                                          "belopp).",
                                          line.label),
                              std::nullopt, std::nullopt});
        } else if (a.kind == Amount::Kind::amount && a.ambiguous) {
          findings.push_back({"NUMBER_AMBIGUOUS", Level::varning, v->source,
                              fmt::format("Beloppet är tvetydigt: {}.", a.guess), a.kronor,
                              std::nullopt});
        }
      }
    }
  }
}

void check_forecasts(const Submission& s, int year, Findings& findings) {
  if (year == 0) return;
  for (const char* id : {"forvaltning", "utveckling"}) {
    const Table* t = s.table(id);
    if (t == nullptr) continue;
    std::optional<std::size_t> now, before;
    for (std::size_t i = 0; i < t->columns.size(); ++i) {
      const Column& c = t->columns[i];
      if (c.kind == ColumnKind::prognos && c.year == year && !now) now = i;
      if (c.kind == ColumnKind::budget && c.year == year - 1 && !before) before = i;
    }
    if (!now || !before) continue;
    for (const Line& line : t->lines) {
      if (line.kind != LineKind::row) continue;
      std::optional<std::int64_t> budget = kronor(line.values[*before]);
      const std::optional<Figure>& v = line.values[*now];
      if (!budget || *budget == 0 || (v && v->amount.kind != Amount::Kind::nothing)) continue;
      // No forecast where there is a budget: the line would be neither allocated nor listed.
      Location where = v ? v->source
                         : Location{s.file, t->sheet,
                                    xlsx::to_string(xlsx::CellRef{line.row, t->columns[*now].col})};
      const std::string budget_text = analys::format_tkr(*budget);
      if (t->id == "utveckling") {
        // A development project usually ends: said, not an error.
        findings.push_back(
            {"VALUE_MISSING", Level::info, where,
             fmt::format("Utvecklingsposten '{}' har budget {} ({}) men ingen prognos {}: den "
                         "räknas som avslutad och fördelas inte.",
                         line.label, year - 1, budget_text, year),
             std::nullopt, budget});
      } else if (v) {
        findings.push_back(
            {"VALUE_MISSING", Level::varning, where,
             fmt::format("Prognosen {} för '{}' är ett streck, men budgeten {} är {}: raden "
                         "räknas som 0 kr och fördelas inte. Skriv 0 om tjänsten upphör, annars "
                         "prognosen.",
                         year, line.label, year - 1, budget_text),
             std::nullopt, budget});
      } else {
        findings.push_back(
            {"VALUE_MISSING", Level::fel, where,
             fmt::format("Prognosen {} för '{}' saknas, men budgeten {} är {}: raden fördelas "
                         "inte. Fyll i prognosen (0 om tjänsten upphör).",
                         year, line.label, year - 1, budget_text),
             std::nullopt, budget});
      }
    }
  }
}

void check_years(const Submission& s, int year, Findings& findings) {
  if (year == 0) return;
  for (const Table& t : s.tables) {
    int kostnad = 0, effekt = 0;
    for (const Column& c : t.columns) {
      int want = 0;
      switch (c.kind) {
        case ColumnKind::utfall: want = year - 2; break;
        case ColumnKind::budget: want = year - 1; break;
        case ColumnKind::prognos: want = year; break;
        case ColumnKind::kostnad: want = year + kostnad++; break;
        case ColumnKind::effekt: want = year + effekt++; break;
        case ColumnKind::text: continue;
      }
      if (c.year == 0 || c.year == want) continue;
      findings.push_back(
          {"YEAR_MISMATCH", Level::fel,
           {s.file, t.sheet, xlsx::to_string(xlsx::CellRef{t.header_row, c.col})},
           fmt::format("Kolumnen '{}' gäller {}, men för analysåret {} väntades {}.", c.heading,
                       c.year, year, want),
           std::nullopt, std::nullopt});
    }
  }
}

void check_sums(const Table& t, const std::string& /*file*/, Findings& findings,
                std::optional<Rational> index_percent) {
  // The index the forecasts were computed with, exact, when the table or the round states it:
  // a forecast that is not exactly budget × (1 + index) was rounded.
  const std::optional<Rational> pct = t.stated_index ? t.stated_index : index_percent;
  std::optional<std::size_t> budget;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].kind == ColumnKind::budget && !budget) budget = i;
  }
  auto rounded = [&](const Line& line, std::size_t col, std::int64_t value) {
    if (!pct || !budget || t.columns[col].kind != ColumnKind::prognos) return false;
    auto b = kronor(line.values[*budget]);
    if (!b || *b <= 0) return false;
    // Exact when b (1 + i) is a multiple of the forecast's own rounding.
    const Int128 unit = rounding_of(value);
    return (Int128{*b} * (Int128{100} * pct->den + pct->num)) % (unit * 100 * pct->den) != 0;
  };
  for (std::size_t col = 0; col < t.columns.size(); ++col) {
    if (!is_amount_column(t.columns[col])) continue;
    std::vector<Addend> segment;  // rows since the last subtotal
    std::vector<Addend> above;    // subtotals so far
    bool any_subtotal = false;
    for (const Line& line : t.lines) {
      auto v = kronor(line.values[col]);
      switch (line.kind) {
        case LineKind::group: break;
        case LineKind::row:
          if (v) segment.push_back({&*line.values[col], *v, rounded(line, col, *v)});
          break;
        case LineKind::subtotal: {
          if (v && !segment.empty()) compare_sum(*line.values[col], segment, "Delsumman", findings);
          bool from_rounded = std::any_of(segment.begin(), segment.end(),
                                          [](const Addend& a) { return a.rounded; });
          if (v) above.push_back({&*line.values[col], *v, from_rounded});
          any_subtotal = true;
          segment.clear();
          break;
        }
        case LineKind::total: {
          std::vector<Addend> addends = any_subtotal ? above : std::vector<Addend>{};
          addends.insert(addends.end(), segment.begin(), segment.end());
          std::string what = line.label.empty() ? "Totalsumman" : line.label;
          if (v && !addends.empty()) compare_sum(*line.values[col], addends, what, findings);
          segment.clear();
          above.clear();
          any_subtotal = false;
          break;
        }
      }
    }
  }
}

void check_cross(const Table& detail, const Table& summary, const std::string& file,
                 Findings& findings) {
  std::string other = detail.grouped || detail.lines.size() > summary.lines.size() * 2
                          ? "den detaljerade tabellen"
                          : fmt::format("tabellen på bladet '{}'", detail.sheet);
  auto total_of = [](const Table& t) -> const Line* {
    for (auto it = t.lines.rbegin(); it != t.lines.rend(); ++it) {
      if (it->kind == LineKind::total) return &*it;
    }
    return nullptr;
  };
  // Pairs of lines meant to hold the same figures: the totals, and each summary row whose
  // label names a group of the detail with the group's subtotal.
  std::vector<std::pair<const Line*, const Line*>> pairs;  // summary, detail
  if (const Line* a = total_of(summary); a && total_of(detail)) pairs.push_back({a, total_of(detail)});
  for (const Line& s : summary.lines) {
    if (s.kind != LineKind::row) continue;
    std::string label = fold(s.label);
    for (std::size_t i = 0; i < detail.lines.size(); ++i) {
      const Line& d = detail.lines[i];
      if (d.kind != LineKind::subtotal || d.area.empty() || fold(d.area) != label) continue;
      pairs.push_back({&s, &d});
    }
    // Two overviews: rows of the same area ("Ledning/styrning" and "Ledning och styrning" alike).
    for (const Line& d : detail.lines) {
      if (d.kind == LineKind::row && &detail != &summary && same_area(fold(d.label), label)) {
        pairs.push_back({&s, &d});
      }
    }
  }
  for (std::size_t sc = 0; sc < summary.columns.size(); ++sc) {
    const Column& scol = summary.columns[sc];
    if (!is_amount_column(scol)) continue;
    std::size_t dc = detail.columns.size();
    int nth_s = 0, nth_d = 0;
    for (std::size_t k = 0; k < sc; ++k) nth_s += summary.columns[k].kind == scol.kind;
    for (std::size_t k = 0; k < detail.columns.size(); ++k) {
      if (detail.columns[k].kind != scol.kind) continue;
      bool same_year = scol.year != 0 && detail.columns[k].year == scol.year;
      bool unknown_year = scol.year == 0 || detail.columns[k].year == 0;
      if (same_year || (unknown_year && nth_d == nth_s)) {
        dc = k;
        break;
      }
      ++nth_d;
    }
    if (dc == detail.columns.size()) continue;
    for (const auto& [s, d] : pairs) {
      auto a = kronor(s->values[sc]), b = kronor(d->values[dc]);
      if (!a && !b) continue;
      std::int64_t av = a.value_or(0), bv = b.value_or(0);
      // A summary in hundreds of tkr may differ from the detail by its own rounding and that of
      // the rows it was rounded from (seed 003: Ekonomi 85 800 against 85 873).
      std::int64_t tolerance = granularity({av}) >= 100'000 ? 100'000 : granularity({av}) / 2;
      if (std::llabs(av - bv) <= tolerance) continue;
      Location where = s->values[sc] ? s->values[sc]->source
                                     : Location{file, summary.sheet,
                                                xlsx::to_string(xlsx::CellRef{s->row, scol.col})};
      std::string dref = d->values[dc] ? d->values[dc]->source.ref() : std::string("tom cell");
      std::string label = s->label.empty() ? std::string("Summan") : s->label;
      findings.push_back(
          {"CROSS_MISMATCH", Level::fel, where,
           fmt::format("{}, {}, är {} här men {} i {} ({}).", label, column_name(scol),
                       analys::format_tkr(av), analys::format_tkr(bv), other, dref),
           av, bv});
    }
  }
}

void check_index(const Table& t, const std::string& /*file*/, std::optional<Rational> index_percent,
                 Findings& findings) {
  std::optional<std::size_t> budget, prognos;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].kind == ColumnKind::budget && !budget) budget = i;
    if (t.columns[i].kind == ColumnKind::prognos && !prognos) prognos = i;
  }
  if (!budget || !prognos) return;
  struct Row {
    const Line* line;
    std::int64_t b, p;
  };
  std::vector<Row> rows;
  for (const Line& line : t.lines) {
    if (line.kind != LineKind::row) continue;
    // An amount written as text has a finding of its own (NUMBER_AS_TEXT); an index message
    // built on it would only confuse.
    if (text_reported(t, *budget, line.values[*budget]) ||
        text_reported(t, *prognos, line.values[*prognos])) {
      continue;
    }
    auto b = kronor(line.values[*budget]), p = kronor(line.values[*prognos]);
    if (b && p && *b > 0) rows.push_back({&line, *b, *p});
  }
  // The index in basis points: stated in the header, configured, or shared by most rows.
  // The rounding the table's figures show, judged over all of them: a pair of round hundreds
  // in a table of whole tkr is not a rounded pair.
  std::vector<std::int64_t> all;
  for (const Row& r : rows) {
    all.push_back(r.b);
    all.push_back(r.p);
  }
  const std::int64_t table_g = granularity(all);
  auto fits = [table_g](const Row& r, Rational pct) {
    const Int128 g = table_g, hundred = Int128{100} * pct.den, uplifted = hundred + pct.num;
    // |p - b(1+i)| <= g/2 (1+i) + g/2, all times 2 · 100 · den to stay in integers.
    Int128 lhs = Int128{r.p} * hundred - Int128{r.b} * uplifted;
    if (lhs < 0) lhs = -lhs;
    return 2 * lhs <= g * uplifted + g * hundred;
  };
  std::optional<Rational> pct = t.stated_index ? t.stated_index : index_percent;
  bool inferred = false;
  if (!pct && rows.size() >= 3) {
    for (const Row& r : rows) {
      // The row's own index to a tenth of a percent.
      const Rational candidate = make_rational(round_div(Int128{r.p - r.b} * 1000, r.b), 10);
      auto n = std::count_if(rows.begin(), rows.end(), [&](const Row& x) { return fits(x, candidate); });
      if (n * 3 >= static_cast<long>(rows.size()) * 2 && n < static_cast<long>(rows.size())) {
        pct = candidate;
        inferred = true;
        break;
      }
    }
  }
  if (!pct || Int128{100} * pct->den + pct->num <= 0) return;
  for (const Row& r : rows) {
    if (fits(r, *pct)) continue;
    const std::int64_t g = table_g;
    const std::int64_t expected = uplift(r.b, *pct, g);
    const std::int64_t implied =
        round_div(Int128{r.p} * 100 * pct->den, (Int128{100} * pct->den + pct->num) * g) * g;
    const std::string index = format_decimal(*pct);
    findings.push_back(
        {"INDEX_MISMATCH", Level::varning, r.line->values[*prognos]->source,
         fmt::format("Prognosen för '{}' {} stämmer inte med budget {} + index {} % ({}){}. "
                     "Prognosen motsvarar en budget på {}.",
                     r.line->label, analys::format_tkr(r.p), analys::format_tkr(r.b), index,
                     analys::format_tkr(expected),
                     inferred ? " (indexet är det som övriga rader i tabellen följer)" : "",
                     analys::format_tkr(implied)),
         r.p, expected});
  }
}

void check_impact(const Submission& s, analys::Impact configured, Findings& findings) {
  if (configured != analys::Impact::unknown) return;
  for (const Table& t : s.tables) {
    if (t.impact != analys::Impact::unknown) continue;
    auto effect = std::find_if(t.columns.begin(), t.columns.end(),
                               [](const Column& c) { return c.kind == ColumnKind::effekt; });
    if (effect == t.columns.end()) continue;
    std::size_t i = static_cast<std::size_t>(effect - t.columns.begin());
    bool any = std::any_of(t.lines.begin(), t.lines.end(), [&](const Line& l) {
      for (std::size_t k = i; k < t.columns.size(); ++k) {
        if (auto v = kronor(l.values[k]); v && *v != 0) return true;
      }
      return false;
    });
    if (!any) continue;
    findings.push_back(
        {"IMPACT_AMBIGUOUS", Level::varning,
         {s.file, t.sheet, xlsx::to_string(xlsx::CellRef{t.header_row, effect->col})},
         fmt::format("{}: det framgår inte om påverkan på förvaltningskostnaden anges som nivå "
                     "eller som förändring enskilt år; arsanalys antar nivå.",
                     analys::table_name(t.id).title),
         std::nullopt, std::nullopt});
  }
}

void check_proposals(const Submission& s, const analys::TemplateDef& def, Findings& findings) {
  for (const analys::Proposal& p : s.proposals) {
    std::string name = p.name.empty() ? fmt::format("nr {}", p.number) : "'" + p.name + "'";
    for (const std::string& id : analys::lacking_fields(p, def)) {
      auto field = std::find_if(def.form_fields.begin(), def.form_fields.end(),
                                [&](const analys::FormFieldDef& f) { return f.id == id; });
      auto answer = std::find_if(p.fields.begin(), p.fields.end(),
                                 [&](const auto& kv) { return kv.first == id; });
      std::string why = answer == p.fields.end() ? "fältet finns inte i formuläret"
                        : answer->second.empty() ? "fältet är tomt"
                                                 : fmt::format("svaret är '{}'", answer->second);
      findings.push_back({"PROPOSAL_INCOMPLETE", Level::varning, p.cell_of(id),
                          fmt::format("Förslaget {} saknar {}: {}.", name, field_noun(*field), why),
                          std::nullopt, std::nullopt});
    }
  }
}

void check_columns(const Submission& s, const analys::TemplateDef& def, int year,
                   Findings& findings) {
  for (const Table& t : s.tables) {
    const analys::TableDef* d = def.table(t.id);
    if (d == nullptr) continue;
    for (ColumnKind kind : {ColumnKind::utfall, ColumnKind::budget, ColumnKind::prognos,
                            ColumnKind::kostnad, ColumnKind::effekt}) {
      std::vector<const analys::ColumnDef*> wanted;
      for (const analys::ColumnDef& c : d->columns) {
        if (c.kind == kind) wanted.push_back(&c);
      }
      std::vector<int> found;
      for (const Column& c : t.columns) {
        if (c.kind == kind) found.push_back(c.year);
      }
      if (found.size() >= wanted.size()) continue;  // a wrong year is YEAR_MISMATCH's
      std::size_t missing = wanted.size() - found.size();
      for (const analys::ColumnDef* w : wanted) {
        if (missing == 0) break;
        int want = year != 0 ? year + w->year_offset : 0;
        if (want != 0 && std::find(found.begin(), found.end(), want) != found.end()) continue;
        --missing;
        std::string heading = column_heading(kind, want);
        // At the heading now standing where the column belongs: the next column of a later
        // kind (or a later year), else just right of the table.
        std::uint32_t col = t.columns.empty() ? t.label_col + 1 : t.columns.back().col + 1;
        std::string next;
        for (const Column& c : t.columns) {
          bool later = static_cast<int>(c.kind) > static_cast<int>(kind) ||
                       (c.kind == kind && want != 0 && c.year > want);
          if (later) {
            col = c.col;
            next = column_heading(c.kind, c.year);
            break;
          }
        }
        findings.push_back(
            {"COLUMN_MISSING", Level::fel,
             {s.file, t.sheet, xlsx::to_string(xlsx::CellRef{t.header_row, col})},
             fmt::format("Tabell {} saknar kolumnen {}.{}", analys::table_name(t.id).title,
                         heading,
                         next.empty() ? fmt::format(" Lägg till den sist i tabellen.")
                                      : fmt::format(" Lägg tillbaka den före {}.", next)),
             std::nullopt, std::nullopt});
      }
    }
  }
}

void check_formulas(const Submission& s, Findings& findings) {
  for (const Table& t : s.tables) {
    if (!t.from_template) continue;
    std::uint32_t first = t.header_row + 1;
    for (const Line& line : t.lines) {
      if (line.kind != LineKind::total) continue;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const auto& v = line.values[i];
        if (!is_amount_column(t.columns[i]) || !v || !v->formula.empty()) continue;
        if (v->amount.kind == Amount::Kind::nothing) continue;
        std::string column = xlsx::to_string(xlsx::CellRef{0, t.columns[i].col});
        column.erase(std::remove_if(column.begin(), column.end(),
                                    [](char c) { return c >= '0' && c <= '9'; }),
                     column.end());
        std::string sum = line.row > first ? fmt::format("=SUMMA({0}{1}:{0}{2})", column, first + 1,
                                                         line.row)
                                           : std::string("=SUMMA(...)");
        findings.push_back(
            {"FORMULA_REPLACED", Level::varning, v->source,
             fmt::format("{} är en formel i mallen men här ett inskrivet värde ({}). Ett "
                         "inskrivet värde följer inte med när raderna ändras; skriv formeln "
                         "{} i cellen igen.",
                         line.label.empty() ? "Summan" : line.label,
                         v->written.empty() ? (v->amount.kind == Amount::Kind::amount
                                                   ? analys::format_tkr(v->amount.kronor)
                                                   : std::string("ett tal"))
                                            : "'" + v->written + "'",
                         sum),
             v->amount.kind == Amount::Kind::amount ? std::optional(v->amount.kronor)
                                                    : std::nullopt,
             std::nullopt});
      }
    }
  }
}

void check_text_amounts(const Submission& s, Findings& findings) {
  std::vector<const Table*> tables;
  for (const Table& t : s.tables) tables.push_back(&t);
  for (const Table& t : s.summaries) tables.push_back(&t);
  for (const Table* table : tables) {
    const Table& t = *table;
    for (const Line& line : t.lines) {
      if (line.kind == LineKind::total || line.kind == LineKind::subtotal) continue;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (!text_reported(t, i, line.values[i])) continue;
        const Figure& v = *line.values[i];
        std::string typed = typed_number(v.amount.kronor, t.unit);
        const Figure* total = formula_total_over(t, i, v);
        std::string message =
            total != nullptr
                ? fmt::format("Beloppet '{}' är skrivet som text. Excel räknar inte med text, så "
                              "summan i {} blir {} för låg. Skriv bara talet: {}.",
                              v.written, total->source.cell, analys::format_tkr(v.amount.kronor),
                              typed)
                : fmt::format("Beloppet '{}' är skrivet som text, inte som tal som mallen ber "
                              "om; det lästes som {}. Skriv bara talet: {}.",
                              v.written, analys::format_tkr(v.amount.kronor), typed);
        findings.push_back({"NUMBER_AS_TEXT", total != nullptr ? Level::fel : Level::varning,
                            v.source, message, v.amount.kronor, std::nullopt});
      }
    }
  }
}

void check_submission(const Submission& s, const analys::TemplateDef& def,
                      const SupplierSettings& settings, Findings& findings) {
  int year = settings.year != 0 ? settings.year : s.year;
  check_tables_present(s, findings);
  check_columns(s, def, year, findings);
  check_figures(s, findings);
  check_text_amounts(s, findings);
  check_formulas(s, findings);
  check_years(s, year, findings);
  check_forecasts(s, year, findings);
  for (const Table& t : s.tables) {
    check_sums(t, s.file, findings, settings.index_percent);
    if (t.id == "forvaltning") check_index(t, s.file, settings.index_percent, findings);
  }
  for (std::size_t i = 0; i < s.summaries.size(); ++i) {
    const Table& summary = s.summaries[i];
    check_sums(summary, s.file, findings);
    if (const Table* detail = s.table(summary.id)) check_cross(*detail, summary, s.file, findings);
    // An overview against an earlier overview of the same table, area by area.
    // The finding goes on the supplier's own overview rather than on the template's table.
    for (std::size_t k = 0; k < i; ++k) {
      const Table& earlier = s.summaries[k];
      if (earlier.id != summary.id) continue;
      bool earlier_is_extra = earlier.extra && !summary.extra;
      check_cross(earlier_is_extra ? summary : earlier, earlier_is_extra ? earlier : summary,
                  s.file, findings);
    }
  }
  check_impact(s, settings.impact, findings);
  check_proposals(s, def, findings);
}

}  // namespace arsanalys::checks

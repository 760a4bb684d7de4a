#include "checks/checks.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "analys/amount.h"
#include "analys/recognise.h"

namespace arsanalys::checks {
using analys::Amount;

__extension__ typedef __int128 Wide;  // sums of amounts, never overflowing
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

/// Compares a stated sum with its addends; a finding when they differ.
void compare_sum(const Figure& stated, const std::vector<std::int64_t>& addends,
                 std::string_view what, Findings& findings) {
  // Each figure is within ±kMaxAmountKr; their sum is taken wide, so that no sheet of them,
  // however long, can overflow it.
  Wide wide = 0;
  for (std::int64_t v : addends) wide += v;
  constexpr Wide kJsonMax = (Wide{1} << 53) - 1;  // exact in every JSON reader
  const bool huge = wide > kJsonMax || wide < -kJsonMax;
  std::int64_t sum = huge ? (wide > 0 ? static_cast<std::int64_t>(kJsonMax)
                                      : -static_cast<std::int64_t>(kJsonMax))
                          : static_cast<std::int64_t>(wide);
  std::int64_t value = stated.amount.kronor;
  if (!huge && value == sum) return;
  std::vector<std::int64_t> all = addends;
  all.push_back(value);
  std::int64_t g = granularity(all);
  // Each addend and the sum itself may be off by half a unit of their rounding.
  std::int64_t tolerance = (static_cast<std::int64_t>(addends.size()) + 1) * g / 2;
  bool rounding = std::llabs(value - sum) <= tolerance;
  Finding f;
  f.where = stated.source;
  f.value_kr = value;
  if (!huge) f.expected_kr = sum;
  if (rounding && !huge) {
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
        } else if (a.kind == Amount::Kind::uncomputed) {
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

void check_sums(const Table& t, const std::string& /*file*/, Findings& findings) {
  for (std::size_t col = 0; col < t.columns.size(); ++col) {
    if (!is_amount_column(t.columns[col])) continue;
    std::vector<std::int64_t> segment;  // rows since the last subtotal
    std::vector<std::int64_t> above;    // subtotals so far
    bool any_subtotal = false;
    for (const Line& line : t.lines) {
      auto v = kronor(line.values[col]);
      switch (line.kind) {
        case LineKind::group: break;
        case LineKind::row:
          if (v) segment.push_back(*v);
          break;
        case LineKind::subtotal:
          if (v && !segment.empty()) compare_sum(*line.values[col], segment, "Delsumman", findings);
          if (v) above.push_back(*v);
          any_subtotal = true;
          segment.clear();
          break;
        case LineKind::total: {
          std::vector<std::int64_t> addends = any_subtotal ? above : std::vector<std::int64_t>{};
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

void check_index(const Table& t, const std::string& /*file*/, std::optional<double> index_percent,
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
  auto fits = [table_g](const Row& r, std::int64_t bp) {
    std::int64_t g = table_g;
    // |p - b(1+i)| <= g/2 (1+i) + g/2, all times 10 000 to stay in integers.
    std::int64_t lhs = std::llabs(r.p * 10'000 - r.b * (10'000 + bp));
    std::int64_t rhs = g * (10'000 + bp) / 2 + g * 10'000 / 2;
    return lhs <= rhs;
  };
  std::optional<std::int64_t> bp;
  bool inferred = false;
  if (t.stated_index) bp = std::llround(*t.stated_index * 100);
  else if (index_percent) bp = std::llround(*index_percent * 100);
  else if (rows.size() >= 3) {
    for (const Row& r : rows) {
      std::int64_t candidate = std::llround((static_cast<double>(r.p) / r.b - 1) * 1000) * 10;
      auto n = std::count_if(rows.begin(), rows.end(), [&](const Row& x) { return fits(x, candidate); });
      if (n * 3 >= static_cast<long>(rows.size()) * 2 && n < static_cast<long>(rows.size())) {
        bp = candidate;
        inferred = true;
        break;
      }
    }
  }
  if (!bp) return;
  for (const Row& r : rows) {
    if (fits(r, *bp)) continue;
    std::int64_t g = table_g;
    auto round_to = [&](double v) { return std::llround(v / g) * g; };
    std::int64_t expected = round_to(static_cast<double>(r.b) * (10'000 + *bp) / 10'000);
    std::int64_t implied = round_to(static_cast<double>(r.p) * 10'000 / (10'000 + *bp));
    std::string index = fmt::format("{:.1f}", *bp / 100.0);
    if (index.ends_with(".0")) index.resize(index.size() - 2);
    std::replace(index.begin(), index.end(), '.', ',');
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
    std::vector<std::string> lacking;
    for (const std::string& id : analys::lacking_fields(p, def)) {
      auto field = std::find_if(def.form_fields.begin(), def.form_fields.end(),
                                [&](const analys::FormFieldDef& f) { return f.id == id; });
      lacking.push_back(field_noun(*field));
    }
    if (lacking.empty()) continue;
    std::string list;
    for (std::size_t i = 0; i < lacking.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == lacking.size() ? " och " : ", ") + lacking[i];
    }
    std::string name = p.name.empty() ? fmt::format("nr {}", p.number) : "'" + p.name + "'";
    findings.push_back({"PROPOSAL_INCOMPLETE", Level::varning, p.source,
                        fmt::format("Förslaget {} saknar {}.", name, list), std::nullopt,
                        std::nullopt});
  }
}

void check_submission(const Submission& s, const analys::TemplateDef& def,
                      const SupplierSettings& settings, Findings& findings) {
  check_tables_present(s, findings);
  check_figures(s, findings);
  check_years(s, settings.year != 0 ? settings.year : s.year, findings);
  check_forecasts(s, settings.year != 0 ? settings.year : s.year, findings);
  for (const Table& t : s.tables) {
    check_sums(t, s.file, findings);
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

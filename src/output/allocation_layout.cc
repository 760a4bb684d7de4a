#include "output/allocation_layout.h"

#include "core/number_text.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <tuple>

#include "analys/recognise.h"
#include "analys/template_def.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::output::alloc {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary

using fordelning::Allocation;
using fordelning::Decimal;
using fordelning::Fraction;
using fordelning::Int128;
using fordelning::Key;
using fordelning::Kunder;
using fordelning::LineAllocation;
using fordelning::RoundAllocation;
using fordelning::Step;

// --- Sheet ----------------------------------------------------------------------------------

Sheet::Sheet(XlsxBook& book, Formats& formats, const std::string& name)
    : book_(book), formats_(formats), name_(name), ws_(book.add_sheet(name)) {}

void Sheet::text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look) {
  check(worksheet_write_string(ws_, row, col, text.c_str(), format(look)), "skriva text");
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double value, const Look& look) {
  check(worksheet_write_number(ws_, row, col, value, format(look)), "skriva tal");
}

void Sheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
                    const Look& look) {
  check(worksheet_write_formula_num(ws_, row, col, formula.c_str(), format(look), cached),
        "skriva formel");
}

void Sheet::blank(lxw_row_t row, lxw_col_t col, const Look& look) {
  check(worksheet_write_blank(ws_, row, col, format(look)), "formatera cell");
}

void Sheet::link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text) {
  std::string url = "internal:" + sheet_ref(sheet, "A1");
  check(worksheet_write_url_opt(ws_, row, col, url.c_str(), nullptr, text.c_str(), nullptr),
        "skriva länk");
}

void Sheet::merge_range(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                        const Look& look) {
  check(worksheet_merge_range(ws_, row, first, row, last, text.c_str(), format(look)),
        "slå ihop celler");
}

void Sheet::width(lxw_col_t first, lxw_col_t last, double chars) {
  check(worksheet_set_column(ws_, first, last, chars, nullptr), "sätta kolumnbredd");
}

void Sheet::row_height(lxw_row_t row, double points) {
  check(worksheet_set_row(ws_, row, points, nullptr), "sätta radhöjd");
}

void Sheet::header(const std::string& codes) {
  check(worksheet_set_header(ws_, codes.c_str()), "sätta sidhuvud");
}

void Sheet::freeze(lxw_row_t row, lxw_col_t col) { worksheet_freeze_panes(ws_, row, col); }

void Sheet::print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last) {
  worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, 9);  // A4
  worksheet_fit_to_pages(ws_, 1, 0);
  check(worksheet_repeat_rows(ws_, repeat_first, repeat_last), "upprepa rubrikrader");
}

// --- Sheet names ----------------------------------------------------------------------------

namespace {


}  // namespace


// --- Cells and numbers ----------------------------------------------------------------------

std::string cell(lxw_row_t row, lxw_col_t col) { return xlsx::to_string(xlsx::CellRef{row, col}); }

std::string range(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                  lxw_col_t last_col) {
  return cell(first_row, first_col) + ":" + cell(last_row, last_col);
}

std::string kr_text(std::int64_t kr) {
  return fordelning::format_decimal(Decimal{kr, 0}) + " kr";
}

double decimal_value(Decimal d) {
  // Through the decimal text: the double nearest to the exact value.
  return std::stod(fmt::format("{}e-{}", d.units, d.scale));
}

std::string_view decimal_format(Decimal d) {
  return style::decimals_format(fordelning::normalised(d).scale);
}

double fraction_value(Fraction f) {
  return static_cast<double>(static_cast<long double>(f.num) / static_cast<long double>(f.den));
}

std::string share_percent_text(Fraction f) {
  return percent_text(f.num, f.den, 4, Decimals::at_most);
}

// --- Words ----------------------------------------------------------------------------------

int table_rank(std::string_view table) {
  if (table == "forvaltning") return 0;
  if (table == "utveckling") return 1;
  if (table == "nya_insatser") return 2;
  return 3;
}

std::string table_label(std::string_view table) {
  if (table == "forvaltning") return "Förvaltning";
  if (table == "utveckling") return "Utveckling";
  if (table == "nya_insatser") return "Nya insatser";
  return std::string(table);
}

std::string table_title(std::string_view table) {
  return std::string(analys::table_name(table).title);
}

std::string key_source_text(fordelning::KeySource source) {
  switch (source) {
    case fordelning::KeySource::none:
      return "ingen nyckel";
    case fordelning::KeySource::tjanst:
      return "kunder.xlsx, Tjänster: raden för tjänsten";
    case fordelning::KeySource::omrade:
      return "kunder.xlsx, Tjänster: raden för verksamhetsområdet";
    case fordelning::KeySource::stjarna:
      return "kunder.xlsx, Tjänster: leverantörens rad *";
    case fordelning::KeySource::text:
      return "leverantörens 3.2-text";
  }
  return "";
}

std::string charging_label(const fordelning::LineAllocation& l) {
  switch (l.charging) {
    case fordelning::Charging::by_key:
      return "Fördelad med nyckel";
    case fordelning::Charging::to_customer:
    case fordelning::Charging::to_supplier:
      return "Levereras till " + l.receiver.name;
    case fordelning::Charging::invoiced:
      return "Faktureras per beställning";
    case fordelning::Charging::kommunbidrag:
      return "Kommunbidrag";
    case fordelning::Charging::none:
      break;
  }
  return "Fördelas inte";
}

std::string not_charged_text(const fordelning::LineAllocation& l) {
  switch (l.charging) {
    case fordelning::Charging::to_supplier:
      return fmt::format("Levereras till {} som del av dess tjänster och debiteras den "
                         "leverantören, som har kostnaden i sina egna tjänster: kunderna betalar "
                         "den där, inte en gång till.",
                         l.receiver.name);
    case fordelning::Charging::invoiced:
      return "Faktura à pris: faktureras per beställning till den som beställer, fördelas inte "
             "med nyckel.";
    case fordelning::Charging::kommunbidrag:
      return "Finansieras med kommunbidrag: debiteras ingen kund.";
    default:
      break;
  }
  return l.reason.empty() ? std::string("Ingen nyckel.") : l.reason;
}

namespace {

/// "A", "A och B", "A, B och C".
std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " och " : ", ";
    out += parts[i];
  }
  return out;
}

std::string typ_plural(const std::string& typ) {
  std::string f = fold(typ);
  if (f == "förvaltning") return "förvaltningarna";
  if (f == "bolag") return "bolagen";
  return fmt::format("kunderna av typen {}", typ);
}

/// "Antal anställda", "3 × Pappersfakturor".
std::string term_text(const fordelning::Term& t) {
  if (t.weight == Decimal{1, 0}) return t.measure;
  return fmt::format("{} × {}", fordelning::format_decimal(t.weight), t.measure);
}

std::string matt_phrase(const Step& step) {
  if (!step.readable) return fmt::format("efter {}", step.matt_text);
  if (step.matt.lika) return "i lika delar";
  std::vector<std::string> terms;
  for (const auto& t : step.matt.terms) terms.push_back(term_text(t));
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) out += (i > 0 ? " + " : "") + terms[i];
  return "efter " + out;
}

}  // namespace

std::string urval_text(const Step& step, const Kunder& kunder) {
  if (!step.readable) return step.urval_text;
  std::vector<std::string> parts;
  switch (step.urval.kind) {
    case fordelning::Urval::Kind::alla:
      return "alla kunder";
    case fordelning::Urval::Kind::typ:
      for (const auto& v : step.urval.values) parts.push_back(typ_plural(v));
      break;
    case fordelning::Urval::Kind::kund:
      for (const auto& v : step.urval.values) {
        const fordelning::Customer* c = kunder.customer(v);
        parts.push_back(c != nullptr && !c->name.empty() && c->name != c->id
                            ? fmt::format("{} ({})", c->name, c->id)
                            : v);
      }
      break;
  }
  return joined(parts);
}

std::string key_explanation(const Key& key, const Kunder& kunder) {
  if (key.steps.empty()) return "Nyckeln har inga steg.";
  if (key.steps.size() == 1 && key.steps[0].andel == Decimal{100, 0}) {
    const Step& s = key.steps[0];
    return fmt::format("Hela beloppet till {} {}.", urval_text(s, kunder), matt_phrase(s));
  }
  std::vector<std::string> parts;
  for (const Step& s : key.steps) {
    parts.push_back(fmt::format("{} % till {} {}", fordelning::format_decimal(s.andel),
                                urval_text(s, kunder), matt_phrase(s)));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out + ".";
}

// --- Shares ---------------------------------------------------------------------------------

namespace {

/// The customer's share of the allocation; `find(step)` is its part of a step or nullptr.
template <class Find>
std::optional<KeyShare> share_in(const Allocation& a, Find find) {
  KeyShare share;
  Int128 num = 0, den = 1;
  bool selected = false;
  for (const auto& step : a.steps) {
    if (const fordelning::CustomerShare* found = find(step)) {
      const fordelning::Fraction c_share = fordelning::share_of(step, *found);
      selected = true;
      share.value += static_cast<long double>(step.andel.num) * c_share.num /
                     (static_cast<long double>(step.andel.den) * c_share.den);
      if (!share.exact) continue;
      // num/den + (an × cn)/(ad × cd): each product fits 126 bits; reduce as we go.
      Int128 tn = static_cast<Int128>(step.andel.num) * c_share.num;
      Int128 td = static_cast<Int128>(step.andel.den) * c_share.den;
      Int128 g = fordelning::gcd(tn, td);
      if (g > 1) tn /= g, td /= g;
      Int128 a1, a2, nn, nd;
      if (__builtin_mul_overflow(num, td, &a1) || __builtin_mul_overflow(tn, den, &a2) ||
          __builtin_add_overflow(a1, a2, &nn) || __builtin_mul_overflow(den, td, &nd)) {
        share.exact = false;
        continue;
      }
      Int128 g2 = fordelning::gcd(nn, nd);
      if (g2 > 1) nn /= g2, nd /= g2;
      num = nn;
      den = nd;
    }
  }
  if (!selected) return std::nullopt;
  constexpr Int128 kMax = std::numeric_limits<std::int64_t>::max();
  if (share.exact && (num > kMax || den > kMax)) share.exact = false;
  if (share.exact) share.fraction = {static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
  return share;
}

}  // namespace

std::optional<KeyShare> customer_share(const Allocation& a, std::string_view kund_id) {
  return share_in(a, [&](const fordelning::StepShare& step) {
    return fordelning::find_customer(step, kund_id);
  });
}

std::optional<KeyShare> customer_share(const Allocation& a, fordelning::CustomerFinder& finder) {
  return share_in(a, [&](const fordelning::StepShare& step) { return finder.in(step); });
}

std::string share_text(const KeyShare& share) {
  if (!share.exact) {
    return fmt::format("{:.4f} %", static_cast<double>(share.value * 100));
  }
  std::string text = share_percent_text(share.fraction);
  if (share.fraction.den != 1 && share.fraction.num != 0) {
    text += fmt::format(" ({})", fordelning::format_fraction(share.fraction));
  }
  return text;
}

std::string measure_text(const Step& step, const std::vector<Decimal>& values) {
  if (step.matt.lika) return "lika delar";
  std::string out;
  for (std::size_t i = 0; i < step.matt.terms.size(); ++i) {
    const fordelning::Term& t = step.matt.terms[i];
    std::string value =
        i < values.size() ? fordelning::format_decimal(values[i]) : std::string("?");
    if (i > 0) out += " + ";
    if (t.weight == Decimal{1, 0}) {
      out += fmt::format("{} {}", t.measure, value);
    } else {
      out += fmt::format("{} × {} {}", fordelning::format_decimal(t.weight), t.measure, value);
    }
  }
  return out;
}

// --- Lines ----------------------------------------------------------------------------------

std::vector<const LineAllocation*> previous_lines(const RoundAllocation& current,
                                                  const RoundAllocation* previous) {
  std::vector<const LineAllocation*> out(current.lines.size(), nullptr);
  if (previous == nullptr) return out;
  using Id = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Id, std::vector<const LineAllocation*>> by_id;
  for (const LineAllocation& l : previous->lines) {
    by_id[{l.supplier, l.table, l.area, l.service}].push_back(&l);
  }
  std::map<Id, std::size_t> seen;
  for (std::size_t i = 0; i < current.lines.size(); ++i) {
    const LineAllocation& l = current.lines[i];
    Id id{l.supplier, l.table, l.area, l.service};
    auto it = by_id.find(id);
    std::size_t n = seen[id]++;
    if (it != by_id.end() && n < it->second.size()) out[i] = it->second[n];
  }
  return out;
}

std::vector<std::string> suppliers_of(const RoundAllocation& round) {
  std::vector<std::string> out;
  for (const LineAllocation& l : round.lines) {
    if (std::find(out.begin(), out.end(), l.supplier) == out.end()) out.push_back(l.supplier);
  }
  return out;
}

std::string source_text(const LineAllocation& line) {
  const std::string& file = line.source.file.empty() ? line.file : line.source.file;
  std::string ref = line.source.ref();
  if (file.empty()) return ref;
  if (ref.empty()) return file;
  return fmt::format("{}: {}", file, ref);
}

}  // namespace arsanalys::output::alloc

#include "output/settlement_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/json_writer.h"
#include "core/number_text.h"
#include "output/allocation_layout.h"
#include "writer/lean_xlsx.h"
#include "writer/stream_book.h"
#include "output/result_json.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

/// The column of part `k` (0 charged, 1 final, 2 difference) of supplier group `g` (3 columns
/// each, after Kund-id, Namn and Typ).
lxw_col_t group_col(lxw_col_t g, int k) { return static_cast<lxw_col_t>(3 + 3 * g + k); }

using namespace alloc;  // NOLINT: the layout helpers are this file's vocabulary
using fordelning::CustomerSettlement;
using fordelning::ServiceSettlement;
using fordelning::SettledKr;

constexpr std::string_view kSubject = "Slutregleringen";
constexpr std::string_view kStatementSubject = "Slutregleringsbeskedet";
/// Rows of "Tjänst och kund" at most: Excel's sheet holds 1 048 576.
constexpr std::size_t kMaxDetailRows = 1'000'000;

std::string keys_text(const ServiceSettlement& s) {
  std::string out;
  for (const std::string& k : s.keys) out += (out.empty() ? "" : "; ") + k;
  return out;
}

/// The suppliers in the order of the settled services.
std::vector<std::string> suppliers_of(const fordelning::Settlement& s) {
  std::vector<std::string> out;
  for (const ServiceSettlement& x : s.services) {
    if (std::find(out.begin(), out.end(), x.supplier) == out.end()) out.push_back(x.supplier);
  }
  return out;
}

/// "ni får tillbaka 1 234 kr", "ni betalar 1 234 kr extra", "ingen skillnad".
std::string difference_words(std::int64_t d) {
  if (d < 0) return fmt::format("ni får tillbaka {} kr", group_thousands(-d));
  if (d > 0) return fmt::format("ni betalar {} kr extra", group_thousands(d));
  return "ingen skillnad";
}

std::string intro(const SettlementBook& book) {
  const int y = book.settlement.year;
  return fmt::format(
      "Tjänster som finansieras genom kostnadsfördelning debiteras efter prognostiserat pris och "
      "volym och slutregleras mot den faktiska kostnaden. Debiterat är det som omgången {} fördelade "
      "på kunderna (leverantörernas prognos för {}). Slutligt är årets faktiska kostnad enligt "
      "{} fördelad med samma nycklar, på samma användare och mottagare{}. Skillnaden är slutligt "
      "minus debiterat: negativ betyder återbetalning till kunden, positiv en tilläggsdebitering. "
      "Allt i hela kronor; varje tjänsts belopp fördelas exakt.",
      y, y, book.outcome_file,
      book.settlement.volumes_used > 0 ? " och med de faktiska volymerna där de anges"
                                       : " och med omgångens volymer");
}

// ---- slutreglering.xlsx ---------------------------------------------------------------------

void write_overview(StreamSheet& ws, const SettlementBook& book) {
  const auto& s = book.settlement;
  const double widths[] = {44, 12, 18, 18, 18, 40};
  for (lxw_col_t c = 0; c < 6; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 5);
  ws.text(row++, 0, fmt::format("Slutreglering {}", s.year), title_look());
  ws.paragraph(row++, 0, 5, intro(book), 150);
  ++row;
  ws.text(row, 0, fmt::format("Debiterat {} (kr)", s.year), bold_look());
  ws.kronor(row++, 2, s.charged_kr);
  ws.text(row, 0, fmt::format("Utfall {} (kr)", s.year), bold_look());
  ws.kronor(row++, 2, s.actual_kr);
  ws.text(row, 0, "Skillnad (kr)", bold_look());
  ws.kronor(row++, 2, s.actual_kr - s.charged_kr, {.bold = true});
  if (!s.complete) {
    ws.paragraph(row++, 0, 5,
                 "Några tjänster regleras inte ännu (utfallet saknas eller kan inte användas): "
                 "för dem är slutligt belopp lika med debiterat. Se bladet Per tjänst och Fynd.",
                 150, {.italic = true});
  }
  ++row;
  const lxw_row_t header = row++;
  const char* heads[] = {"Leverantör", "Tjänster", "Debiterat (kr)", "Utfall (kr)",
                         "Skillnad (kr)", "Ej reglerade tjänster"};
  for (lxw_col_t c = 0; c < 6; ++c) ws.text(header, c, heads[c], heading_look());
  const lxw_row_t first = row;
  for (const std::string& supplier : suppliers_of(s)) {
    std::int64_t charged = 0, actual = 0, count = 0, open = 0;
    for (const ServiceSettlement& x : s.services) {
      if (x.supplier != supplier) continue;
      ++count;
      charged += x.charged_kr;
      actual += x.actual_kr;
      if (!x.settled) ++open;
    }
    ws.text(row, 0, supplier, {.wrap = true});
    ws.number(row, 1, static_cast<double>(count));
    ws.kronor(row, 2, charged);
    ws.kronor(row, 3, actual);
    ws.formula(row, 4, fmt::format("={}-{}", cell(row, 3), cell(row, 2)),
               static_cast<double>(actual - charged), kronor_look());
    ws.text(row, 5, open == 0 ? std::string("inga") : std::to_string(open));
    ++row;
  }
  const lxw_row_t last = row - 1;
  ws.text(row, 0, "Totalt", total_text_look());
  ws.formula(row, 1, fmt::format("=SUM({})", range(first, 1, last, 1)),
             static_cast<double>(s.services.size()), total_text_look());
  for (lxw_col_t c = 2; c <= 4; ++c) {
    std::int64_t v = c == 2 ? s.charged_kr : c == 3 ? s.actual_kr : s.actual_kr - s.charged_kr;
    ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)),
               static_cast<double>(v), kronor_look(true));
  }
  ws.blank(row, 5, total_text_look());
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);
}

/// Per customer and supplier: charged, final, difference.
void write_customers(StreamSheet& ws, const SettlementBook& book) {
  const auto& s = book.settlement;
  const std::vector<std::string> suppliers = suppliers_of(s);
  // customer id -> per supplier (charged, final)
  std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> by;
  for (const CustomerSettlement& c : s.customers) by[c.customer->id].resize(suppliers.size());
  for (const ServiceSettlement& x : s.services) {
    std::size_t i = std::find(suppliers.begin(), suppliers.end(), x.supplier) - suppliers.begin();
    for (const SettledKr& k : x.customers) {
      auto& v = by[k.id];
      v.resize(suppliers.size());
      v[i].first += k.charged;
      v[i].second += k.final;
    }
  }
  const lxw_col_t groups = static_cast<lxw_col_t>(suppliers.size() + 1);
  const lxw_col_t last_col = static_cast<lxw_col_t>(3 + 3 * groups - 1);
  ws.width(0, 0, 12);
  ws.width(1, 1, 40);
  ws.width(2, 2, 13);
  ws.width(3, last_col, 15);
  lxw_row_t row = ws.banner(book.draft, last_col);
  ws.text(row++, 0, fmt::format("Slutreglering {} per kund och leverantör", s.year), title_look());
  ws.text(row++, 0, "Skillnad = slutligt − debiterat; negativ: återbetalning till kunden.",
          {.italic = true});
  ++row;
  const lxw_row_t top = row++;
  const lxw_row_t header = row++;
  ws.merged(top, 0, 2, "Kund", heading_look());
  for (lxw_col_t g = 0; g < groups; ++g) {
    lxw_col_t c = group_col(g, 0);
    std::string name = g + 1 < groups ? suppliers[g] : std::string("Totalt");
    ws.merged(top, c, c + 2, name, {.bold = true, .fill = kHeadingFill, .wrap = true,
                                    .boxed = true, .center = true});
  }
  ws.height(top, 2);
  const char* heads[] = {"Kund-id", "Namn", "Typ"};
  for (lxw_col_t c = 0; c < 3; ++c) ws.text(header, c, heads[c], heading_look());
  for (lxw_col_t g = 0; g < groups; ++g) {
    ws.text(header, group_col(g, 0), "Debiterat (kr)", heading_look());
    ws.text(header, group_col(g, 1), "Slutligt (kr)", heading_look());
    ws.text(header, group_col(g, 2), "Skillnad (kr)", heading_look());
  }
  const lxw_row_t first = row;
  std::vector<std::int64_t> sums(3 * groups, 0);
  for (const CustomerSettlement& c : s.customers) {
    ws.text(row, 0, c.customer->id);
    ws.text(row, 1, c.customer->name, {.wrap = true});
    ws.text(row, 2, c.customer->typ);
    const auto& v = by[c.customer->id];
    for (lxw_col_t g = 0; g + 1 < groups; ++g) {
      lxw_col_t col = group_col(g, 0);
      ws.kronor(row, col, v[g].first);
      ws.kronor(row, col + 1, v[g].second);
      ws.formula(row, col + 2, fmt::format("={}-{}", cell(row, col + 1), cell(row, col)),
                 static_cast<double>(v[g].second - v[g].first), kronor_look());
      sums[3 * g] += v[g].first;
      sums[3 * g + 1] += v[g].second;
      sums[3 * g + 2] += v[g].second - v[g].first;
    }
    lxw_col_t t = group_col(static_cast<lxw_col_t>(groups - 1), 0);
    std::string charged = "=", final = "=";
    for (lxw_col_t g = 0; g + 1 < groups; ++g) {
      charged += (g > 0 ? "+" : "") + cell(row, group_col(g, 0));
      final += (g > 0 ? "+" : "") + cell(row, group_col(g, 1));
    }
    if (groups == 1) charged = final = "=0";
    ws.formula(row, t, charged, static_cast<double>(c.charged), {.bold = true, .number = kKronor});
    ws.formula(row, t + 1, final, static_cast<double>(c.final), {.bold = true, .number = kKronor});
    ws.formula(row, t + 2, fmt::format("={}-{}", cell(row, t + 1), cell(row, t)),
               static_cast<double>(c.difference()), {.bold = true, .number = kKronor});
    sums[3 * (groups - 1)] += c.charged;
    sums[3 * (groups - 1) + 1] += c.final;
    sums[3 * (groups - 1) + 2] += c.difference();
    ++row;
  }
  const lxw_row_t last = row - 1;
  ws.merged(row, 0, 2, "Totalt", total_text_look());
  for (lxw_col_t c = 3; c <= last_col; ++c) {
    if (s.customers.empty()) {
      ws.kronor(row, c, 0, kronor_look(true));
    } else {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)),
                 static_cast<double>(sums[c - 3]), kronor_look(true));
    }
  }
  ws.freeze(header + 1, 2);
  ws.print_wide(top, header);
  ws.autofilter(header, 0, last > header ? last : header, last_col);
}

void write_services(StreamSheet& ws, const SettlementBook& book) {
  const auto& s = book.settlement;
  const double widths[] = {34, 44, 34, 17, 17, 17, 40, 26};
  for (lxw_col_t c = 0; c < 8; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 7);
  ws.text(row++, 0, fmt::format("Slutreglering {} per tjänst", s.year), title_look());
  ws.text(row++, 0,
          "Debiterat: tjänstens rader i omgången (förvaltning, utveckling, nya insatser). "
          "Utfall: årets faktiska kostnad.",
          {.italic = true});
  ++row;
  const lxw_row_t header = row++;
  const char* heads[] = {"Leverantör",    "Tjänst",        "Nyckel",   "Debiterat (kr)",
                         "Utfall (kr)",   "Skillnad (kr)", "Reglerad", "Utfallets cell"};
  for (lxw_col_t c = 0; c < 8; ++c) ws.text(header, c, heads[c], heading_look());
  const lxw_row_t first = row;
  for (const ServiceSettlement& x : s.services) {
    ws.text(row, 0, x.supplier, {.wrap = true});
    ws.text(row, 1, x.service, {.wrap = true});
    ws.text(row, 2, keys_text(x), {.wrap = true});
    ws.kronor(row, 3, x.charged_kr);
    ws.kronor(row, 4, x.actual_kr);
    ws.formula(row, 5, fmt::format("={}-{}", cell(row, 4), cell(row, 3)),
               static_cast<double>(x.difference()), kronor_look());
    std::string settled = x.settled ? std::string("ja") : "nej: " + x.reason;
    ws.text(row, 6, settled, {.wrap = true});
    ws.text(row, 7, x.actual_at.cell.empty() ? std::string() : x.actual_at.ref());
    ws.height(row, std::max({lines_needed(x.service, widths[1]), lines_needed(x.supplier, widths[0]),
                             lines_needed(settled, widths[6])}));
    ++row;
  }
  const lxw_row_t last = row - 1;
  ws.merged(row, 0, 2, "Totalt", total_text_look());
  std::int64_t v[] = {s.charged_kr, s.actual_kr, s.actual_kr - s.charged_kr};
  for (lxw_col_t c = 3; c <= 5; ++c) {
    if (s.services.empty()) {
      ws.kronor(row, c, 0, kronor_look(true));
    } else {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)),
                 static_cast<double>(v[c - 3]), kronor_look(true));
    }
  }
  ws.blank(row, 6, total_text_look());
  ws.blank(row, 7, total_text_look());
  ws.freeze(header + 1, 2);
  ws.print_wide(header, header);
  ws.autofilter(header, 0, last > header ? last : header, 7);
}

void write_service_customers(StreamSheet& ws, const SettlementBook& book) {
  const auto& s = book.settlement;
  const double widths[] = {34, 44, 12, 40, 17, 17, 17};
  for (lxw_col_t c = 0; c < 7; ++c) ws.width(c, c, widths[c]);
  std::map<std::string, const fordelning::Customer*> names;
  for (const CustomerSettlement& c : s.customers) names[c.customer->id] = c.customer;
  lxw_row_t row = ws.banner(book.draft, 6);
  ws.text(row++, 0, fmt::format("Slutreglering {} per tjänst och kund", s.year), title_look());
  ++row;
  std::size_t rows = 0;
  for (const ServiceSettlement& x : s.services) rows += x.customers.size();
  if (rows > kMaxDetailRows) {
    // A city-scale round (thousands of customers × hundreds of services) has more rows than a
    // sheet holds; the same figures are in slutreglering.json and the customers' statements.
    ws.paragraph(row++, 0, 6,
                 fmt::format("{} rader (tjänst och kund) får inte plats på ett blad. Samma "
                             "belopp finns i slutreglering.json och i varje kunds besked.",
                             group_thousands(static_cast<std::int64_t>(rows))),
                 150, {.italic = true});
    return;
  }
  const lxw_row_t header = row++;
  const char* heads[] = {"Leverantör",     "Tjänst",        "Kund-id",      "Namn",
                         "Debiterat (kr)", "Slutligt (kr)", "Skillnad (kr)"};
  for (lxw_col_t c = 0; c < 7; ++c) ws.text(header, c, heads[c], heading_look());
  const lxw_row_t first = row;
  for (const ServiceSettlement& x : s.services) {
    for (const SettledKr& k : x.customers) {
      ws.text(row, 0, x.supplier);
      ws.text(row, 1, x.service);
      ws.text(row, 2, k.id);
      auto it = names.find(k.id);
      ws.text(row, 3, it != names.end() ? it->second->name : std::string());
      ws.kronor(row, 4, k.charged);
      ws.kronor(row, 5, k.final);
      ws.formula(row, 6, fmt::format("={}-{}", cell(row, 5), cell(row, 4)),
                 static_cast<double>(k.difference()), kronor_look());
      ++row;
    }
  }
  const lxw_row_t last = row - 1;
  ws.merged(row, 0, 3, "Totalt", total_text_look());
  std::int64_t v[] = {s.charged_kr, s.actual_kr, s.actual_kr - s.charged_kr};
  for (lxw_col_t c = 4; c <= 6; ++c) {
    if (last < first) {
      ws.kronor(row, c, 0, kronor_look(true));
    } else {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)),
                 static_cast<double>(v[c - 4]), kronor_look(true));
    }
  }
  ws.freeze(header + 1, 2);
  ws.print_wide(header, header);
  ws.autofilter(header, 0, last > header ? last : header, 6);
}

void write_findings(StreamSheet& ws, const SettlementBook& book) {
  const double widths[] = {9, 22, 26, 22, 8, 100};
  for (lxw_col_t c = 0; c < 6; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 5);
  ws.text(row++, 0, "Fynd", title_look());
  ws.text(row++, 0,
          book.findings.empty() ? std::string("Inga fynd.")
                                : fmt::format("Fynd: {}.", count_levels(book.findings)),
          {.italic = true});
  ++row;
  const lxw_row_t header = row++;
  const char* heads[] = {"Nivå", "Kod", "Fil", "Blad", "Cell", "Meddelande"};
  for (lxw_col_t c = 0; c < 6; ++c) ws.text(header, c, heads[c], heading_look());
  for (const Finding& f : book.findings) {
    ws.text(row, 0, std::string(level_name(f.level)));
    ws.text(row, 1, f.code);
    ws.text(row, 2, f.where.file);
    ws.text(row, 3, f.where.sheet);
    ws.text(row, 4, f.where.cell);
    ws.text(row, 5, f.message, {.wrap = true});
    ws.height(row, lines_needed(f.message, widths[5]));
    ++row;
  }
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);
  ws.autofilter(header, 0, row > header + 1 ? row - 1 : header, 5);
}

// ---- the statement --------------------------------------------------------------------------

enum Col : lxw_col_t {
  kSupplier, kService, kKey, kServiceCharged, kServiceActual, kCharged, kFinal, kDiff, kNote,
  kCols
};
constexpr double kWidths[kCols] = {30, 38, 30, 17, 17, 16, 16, 16, 34};

struct StatementItem {
  const ServiceSettlement* service;
  SettledKr kr;
};

}  // namespace

std::string slutreglering_json(const SettlementBook& book) {
  // Written one service at a time (keys in byte order, as the file has always had them): as
  // one tree, a city-scale settlement (services × customers) took gigabytes.
  const auto& s = book.settlement;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("actual_kr", s.actual_kr);
  w.member("actual_volumes_used", s.volumes_used);
  w.member("charged_kr", s.charged_kr);
  w.key("customers").begin_array();
  for (const CustomerSettlement& c : s.customers) {
    w.begin_object();
    w.member("charged_kr", c.charged);
    w.member("difference_kr", c.difference());
    w.member("final_kr", c.final);
    w.member("id", c.customer->id);
    w.member("name", c.customer->name);
    w.end_object();
  }
  w.end_array();
  w.member("draft", book.draft);
  w.key("findings");
  write_findings(w, book.findings);
  w.member("outcome_file", book.outcome_file);
  w.key("services").begin_array();
  for (const ServiceSettlement& x : s.services) {
    w.begin_object();
    w.member("actual_kr", x.actual_kr);
    if (!x.actual_at.cell.empty()) {
      w.member("actual_source", x.actual_at.file + " " + x.actual_at.ref());
    }
    w.member("charged_kr", x.charged_kr);
    w.key("customers_kr").begin_object();  // in Kund-id order, as the settlement holds them
    for (const SettledKr& k : x.customers) {
      w.key(k.id).begin_object().member("charged", k.charged).member("final", k.final).end_object();
    }
    w.end_object();
    w.key("keys").begin_array();
    for (const std::string& k : x.keys) w.value(k);
    w.end_array();
    if (!x.settled) w.member("reason", x.reason);
    w.member("service", x.service);
    w.member("settled", x.settled);
    w.member("supplier", x.supplier);
    w.end_object();
  }
  w.end_array();
  w.member("year", s.year);
  w.end_object();
  w.finish();
  return out;
}

void write_slutreglering_xlsx(const SettlementBook& book, const std::filesystem::path& file) {
  StreamBook xlsx(std::string(kSubject), file);
  const int y = book.settlement.year;
  xlsx.set_properties({.title = fmt::format("{}Slutreglering {}", book.draft ? style::kDraftTitlePrefix : "", y),
                       .subject = "Årets faktiska kostnad fördelad med omgångens nycklar, mot det "
                                  "debiterade",
                       .created = new_year(y != 0 ? y : 2000)});
  StreamSheet& overview = xlsx.add_sheet("Översikt");
  StreamSheet& customers = xlsx.add_sheet("Per kund");
  StreamSheet& services = xlsx.add_sheet("Per tjänst");
  StreamSheet& detail = xlsx.add_sheet("Tjänst och kund");
  StreamSheet& findings = xlsx.add_sheet("Fynd");
  write_overview(overview, book);
  write_customers(customers, book);
  write_services(services, book);
  write_service_customers(detail, book);
  write_findings(findings, book);
  xlsx.close();
}

std::string settlement_statement_xlsx(const SettlementBook& book, const CustomerSettlement& c) {
  const auto& s = book.settlement;
  const fordelning::Customer& customer = *c.customer;
  const int y = s.year;
  LeanSheet ws(std::string(kStatementSubject), "Slutreglering");
  ws.set_properties({.title = fmt::format("{}Slutreglering {}: {}", book.draft ? style::kDraftTitlePrefix : "",
                                          y, customer.name),
                     .subject = fmt::format("Kund-id {}", customer.id),
                     .created = new_year(y != 0 ? y : 2000)});
  for (lxw_col_t col = 0; col < kCols; ++col) ws.width(col, col, kWidths[col]);
  double all_width = 0;
  for (double w : kWidths) all_width += w;

  // The customer's services, grouped by supplier in the settlement's order.
  std::vector<std::pair<std::string, std::vector<StatementItem>>> groups;
  for (const std::string& supplier : suppliers_of(s)) {
    std::vector<StatementItem> items;
    for (const ServiceSettlement& x : s.services) {
      if (x.supplier != supplier) continue;
      auto it = std::lower_bound(x.customers.begin(), x.customers.end(), customer.id,
                                 [](const SettledKr& k, const std::string& id) { return k.id < id; });
      if (it != x.customers.end() && it->id == customer.id) items.push_back({&x, *it});
    }
    if (!items.empty()) groups.emplace_back(supplier, std::move(items));
  }

  lxw_row_t row = ws.banner(book.draft, kCols - 1);
  std::string name = customer.name.empty() ? customer.id : customer.name;
  ws.text(row++, 0, fmt::format("Slutreglering {}: {}", y, name), title_look());
  ws.text(row++, 0,
          fmt::format("Kund-id {}{}", customer.id, customer.typ.empty() ? "" : ", " + customer.typ));
  const lxw_row_t summary = row;
  row += 4;
  ws.paragraph(row++, 0, kCols - 1, intro(book), all_width);
  ++row;
  const lxw_row_t header = row++;
  const std::string heads[kCols] = {"Leverantör",
                                    "Tjänst",
                                    "Nyckel",
                                    fmt::format("Tjänstens debitering {} (kr)", y),
                                    fmt::format("Tjänstens utfall {} (kr)", y),
                                    "Debiterat er (kr)",
                                    "Slutligt för er (kr)",
                                    "Skillnad (kr)",
                                    "Anmärkning"};
  for (lxw_col_t col = 0; col < kCols; ++col) ws.text(header, col, heads[col], heading_look());
  ws.height(header, 2);

  std::vector<lxw_row_t> subtotals;
  for (const auto& [supplier, items] : groups) {
    const lxw_row_t first = row;
    std::int64_t charged = 0, final = 0;
    for (const StatementItem& item : items) {
      const ServiceSettlement& x = *item.service;
      std::string note = x.settled ? std::string() : "Regleras inte ännu: " + x.reason + ".";
      ws.text(row, kSupplier, supplier, {.wrap = true});
      ws.text(row, kService, x.service, {.wrap = true});
      ws.text(row, kKey, keys_text(x), {.wrap = true});
      ws.kronor(row, kServiceCharged, x.charged_kr);
      ws.kronor(row, kServiceActual, x.actual_kr);
      ws.kronor(row, kCharged, item.kr.charged);
      ws.kronor(row, kFinal, item.kr.final, {.bold = true});
      ws.formula(row, kDiff, fmt::format("={}-{}", cell(row, kFinal), cell(row, kCharged)),
                 static_cast<double>(item.kr.difference()), kronor_look());
      if (!note.empty()) ws.text(row, kNote, note, {.italic = true, .wrap = true});
      ws.height(row, std::max({lines_needed(x.service, kWidths[kService]),
                               lines_needed(supplier, kWidths[kSupplier]),
                               lines_needed(keys_text(x), kWidths[kKey]),
                               lines_needed(note, kWidths[kNote])}));
      charged += item.kr.charged;
      final += item.kr.final;
      ++row;
    }
    const lxw_row_t last = row - 1;
    ws.merged(row, kSupplier, kServiceActual, fmt::format("Summa {}", supplier),
              total_text_look());
    ws.formula(row, kCharged, fmt::format("=SUM({})", range(first, kCharged, last, kCharged)),
               static_cast<double>(charged), kronor_look(true));
    ws.formula(row, kFinal, fmt::format("=SUM({})", range(first, kFinal, last, kFinal)),
               static_cast<double>(final), kronor_look(true));
    ws.formula(row, kDiff, fmt::format("=SUM({})", range(first, kDiff, last, kDiff)),
               static_cast<double>(final - charged), kronor_look(true));
    ws.blank(row, kNote, total_text_look());
    subtotals.push_back(row++);
  }
  if (groups.empty()) {
    ws.paragraph(row++, 0, kCols - 1,
                 fmt::format("{} debiterades inga kostnadsfördelade tjänster {} och har "
                             "ingenting att reglera.",
                             name, y),
                 all_width, {.bold = true});
  }
  const lxw_row_t total = row;
  ws.merged(row, kSupplier, kServiceActual, fmt::format("Totalt {}", y), total_text_look());
  auto plus = [&](lxw_col_t col) {
    std::string f = "=";
    for (std::size_t i = 0; i < subtotals.size(); ++i) f += (i ? "+" : "") + cell(subtotals[i], col);
    return f;
  };
  std::int64_t v[] = {c.charged, c.final, c.difference()};
  for (lxw_col_t col = kCharged; col <= kDiff; ++col) {
    if (subtotals.empty()) {
      ws.kronor(row, col, 0, kronor_look(true));
    } else {
      ws.formula(row, col, plus(col), static_cast<double>(v[col - kCharged]), kronor_look(true));
    }
  }
  ws.blank(row, kNote, total_text_look());
  row += 2;

  Look label{.bold = true};
  ws.text(summary, 0, fmt::format("Debiterat {} (preliminärt)", y), label);
  ws.formula(summary, 1, "=" + cell(total, kCharged), static_cast<double>(c.charged),
             {.number = kKronor});
  ws.text(summary + 1, 0, fmt::format("Slutligt belopp {}", y), label);
  ws.formula(summary + 1, 1, "=" + cell(total, kFinal), static_cast<double>(c.final),
             {.bold = true, .number = kKronor});
  ws.text(summary + 2, 0, "Skillnad att reglera", label);
  ws.formula(summary + 2, 1, "=" + cell(total, kDiff), static_cast<double>(c.difference()),
             {.bold = true, .number = kKronor});
  ws.text(summary + 2, 2, difference_words(c.difference()), {.italic = true});

  ws.paragraph(row++, 0, kCols - 1,
               fmt::format("Beloppen är hela kronor och fördelas exakt: summan av alla kunders "
                           "slutliga belopp för en tjänst är tjänstens utfall. Underlag: "
                           "slutreglering.xlsx och {}.",
                           book.outcome_file),
               all_width, {.italic = true});
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);
  return ws.finish();
}

void write_outcome_template(const OutcomeTemplate& t, const std::filesystem::path& file) {
  StreamBook xlsx("Utfallsmallen", file);
  xlsx.set_properties({.title = fmt::format("Utfall {} för slutreglering", t.year),
                       .subject = "Årets faktiska kostnad per leverantör och tjänst",
                       .created = new_year(t.year)});
  StreamSheet& ws = xlsx.add_sheet("Utfall");
  const double widths[] = {44, 52, 18, 20};
  for (lxw_col_t c = 0; c < 4; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = 0;
  ws.text(row++, 0, fmt::format("Utfall {} för slutreglering", t.year), title_look());
  ws.paragraph(row++, 0, 3,
               "Fyll i årets faktiska kostnad för varje tjänst i kolumnen Utfall kr, i hela "
               "kronor. Varje tjänst som omgången fördelade på kunderna med nyckel ska ha ett "
               "utfall; en tjänst utan utfall regleras inte. Kolumnen Debiterat visar vad "
               "omgången fördelade, som jämförelse; den läses inte. Faktiska volymer (mått) per "
               "kund kan anges i bladet Kunder; ett tomt värde betyder att omgångens värde "
               "används.",
               widths[0] + widths[1] + widths[2] + widths[3], {.italic = true});
  ++row;
  const lxw_row_t header = row++;
  ws.text(header, 0, "Leverantör", heading_look());
  ws.text(header, 1, "Tjänst", heading_look());
  ws.text(header, 2, "Utfall kr", heading_look());
  ws.text(header, 3, fmt::format("Debiterat {} (kr)", t.year), heading_look());
  for (const auto& [supplier, service, charged] : t.services) {
    ws.text(row, 0, supplier, {.wrap = true});
    ws.text(row, 1, service, {.wrap = true});
    ws.blank(row, 2, {.number = kKronor});
    ws.kronor(row, 3, charged, {.italic = true});
    ws.height(row, std::max(lines_needed(service, widths[1]), lines_needed(supplier, widths[0])));
    ++row;
  }
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);

  StreamSheet& kunder = xlsx.add_sheet("Kunder");
  std::vector<std::string> heads = {"Kund-id", "Namn", "Typ"};
  if (t.kunder != nullptr) {
    for (const fordelning::Measure& m : t.kunder->measures) heads.push_back(m.name);
  }
  kunder.width(0, 0, 12);
  kunder.width(1, 1, 40);
  kunder.width(2, 2, 13);
  if (heads.size() > 3) kunder.width(3, static_cast<lxw_col_t>(heads.size() - 1), 18);
  for (lxw_col_t c = 0; c < heads.size(); ++c) kunder.text(0, c, heads[c], heading_look());
  kunder.height(0, 2);
  if (t.kunder != nullptr) {
    lxw_row_t r = 1;
    for (const fordelning::Customer& c : t.kunder->customers) {
      kunder.text(r, 0, c.id);
      kunder.text(r, 1, c.name);
      kunder.text(r, 2, c.typ);
      ++r;
    }
  }
  kunder.freeze(1, 1);
  xlsx.close();
}

}  // namespace arsanalys::output

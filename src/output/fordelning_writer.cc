// fordelning.xlsx: the round's allocation for the budget controllers.
//
// Sheets, in order:
// - Översikt: per supplier its lines' kronor split into allocated and not allocated, with the
//   check that both together are the supplier's lines; links to every other sheet.
// - one sheet per supplier: a customer × line matrix in kronor. Above each column the line's
//   table, area, key, source cell and amount; row and column totals are formulas, and a check
//   row shows each column's total less the line's amount (0 when every krona is allocated).
// - Per kund: what each customer pays each supplier (formulas into the supplier sheets).
// - one sheet per key in use: its steps, and per customer the measure values, weight and
//   share of each step and of the whole key, exact fractions as text beside the percentages.
// - Föreslagna nycklar: per customer the current keys against the proposed ones, in all and
//   for each line with a proposal.
// - Ej fördelat: the lines not allocated, with source cell and reason.
// - Rader: every line with its amount, key, source cell and what became of it.
//
// Every sheet starts with the "Utkast" banner when the run has findings of level fel.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/file_io.h"
#include "output/allocation_layout.h"
#include "output/bridge_text.h"
#include "writer/stream_book.h"
#include "output/fordelning_writer.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

using namespace alloc;  // NOLINT: the layout helpers are this file's vocabulary
using fordelning::Allocation;
using fordelning::Customer;
using fordelning::Key;
using fordelning::LineAllocation;

constexpr std::string_view kSubject = "Fördelningen";
const std::string kOverviewSheet = "Översikt";
const std::string kCustomersSheet = "Per kund";
const std::string kProposalSheet = "Föreslagna nycklar";
const std::string kUnallocatedSheet = "Ej fördelat";
const std::string kLinesSheet = "Rader";
const std::string kBridgeSheet = "Förändring mot förra året";

/// A row of the customer matrices: a customer of the register, or a Kund-id an allocation
/// names that the register lacks (never from allocate(), kept so no krona is dropped).
struct CustomerRow {
  std::string id;
  std::string name;
  std::string typ;
};

/// A supplier's sheet, planned before anything is written so other sheets can point into it.
struct SupplierPlan {
  std::string supplier;
  std::string sheet;
  std::vector<const LineAllocation*> lines;        // allocated lines, by table then sheet order
  std::vector<const LineAllocation*> unallocated;  // in sheet order
  std::int64_t lines_kr = 0;                       // every line's amount
  std::int64_t allocated_kr = 0;                   // sum of the allocations' customer kronor
  std::int64_t unallocated_kr = 0;
  lxw_row_t first_row = 0;   // first customer row
  lxw_col_t total_col = 0;   // the Summa column
  lxw_row_t total_row = 0;   // the Summa row
  std::map<std::string, std::int64_t> customer_kr;  // Kund-id -> kronor from this supplier
};

/// A key's sheet and an allocation by it (weights and shares do not depend on the amount).
struct KeyPlan {
  const Key* key = nullptr;
  const Allocation* sample = nullptr;
  std::string sheet;
};

/// Everything the sheets are written from.
struct Plan {
  const AllocationBook& book;
  std::vector<CustomerRow> customers;  // Kund-id byte order
  std::vector<SupplierPlan> suppliers;
  std::vector<KeyPlan> keys;
  std::vector<const LineAllocation*> unallocated;  // grouped by supplier
  std::map<std::string, std::pair<lxw_row_t, lxw_row_t>> unallocated_rows;  // supplier -> rows
  bool any_proposal = false;
  std::unordered_map<std::string_view, const Customer*> by_id;  // the register's customers
  int year() const { return book.current.year; }
  /// The register's customer of this Kund-id (as written, else folded), or nullptr.
  const Customer* customer(std::string_view id) const {
    auto it = by_id.find(id);
    return it != by_id.end() ? it->second : book.kunder.customer(id);
  }
};

// --- Planning -------------------------------------------------------------------------------

std::vector<CustomerRow> customer_rows(const AllocationBook& book) {
  std::map<std::string, CustomerRow> rows;
  for (const Customer& c : book.kunder.customers) rows[c.id] = {c.id, c.name, c.typ};
  // Allocated customers are nearly always the register's own objects: only others are looked
  // up (a lookup per customer and line made this quadratic at city scale).
  const Customer* first = book.kunder.customers.data();
  const Customer* last = first + book.kunder.customers.size();
  auto add = [&](const std::optional<Allocation>& a) {
    if (!a) return;
    for (const auto& e : a->customers_kr) {
      if (std::less_equal<>()(first, e.customer) && std::less<>()(e.customer, last)) continue;
      if (rows.count(e.id()) == 0) rows[e.id()] = {e.id(), "(finns inte i kunder.xlsx)", ""};
    }
  };
  for (const LineAllocation& l : book.current.lines) {
    add(l.allocation);
    add(l.proposed);
  }
  std::vector<CustomerRow> out;
  for (auto& [id, row] : rows) out.push_back(std::move(row));
  return out;
}

std::int64_t sum_kr(const Allocation& a) {
  std::int64_t sum = 0;
  for (const auto& e : a.customers_kr) sum += e.kr;
  return sum;
}

void add_key(Plan& plan, const Key* key, const Allocation* sample) {
  if (key == nullptr || sample == nullptr) return;
  for (const KeyPlan& k : plan.keys) {
    if (k.key == key) return;
  }
  plan.keys.push_back({key, sample, ""});
}

Plan make_plan(const AllocationBook& book) {
  Plan plan{book, customer_rows(book), {}, {}, {}, {}, false, {}};
  for (const Customer& c : book.kunder.customers) plan.by_id.emplace(c.id, &c);
  for (const std::string& name : suppliers_of(book.current)) {
    SupplierPlan s;
    s.supplier = name;
    fordelning::KronorSum customer_kr;
    for (const LineAllocation& l : book.current.lines) {
      if (l.supplier != name) continue;
      s.lines_kr += l.amount_kr;
      if (l.allocation) {
        s.lines.push_back(&l);
        s.allocated_kr += sum_kr(*l.allocation);
        customer_kr.add(l.allocation->customers_kr);
      } else {
        s.unallocated.push_back(&l);
        s.unallocated_kr += l.amount_kr;
      }
    }
    s.customer_kr = customer_kr.to_map();
    std::stable_sort(s.lines.begin(), s.lines.end(), [](auto* a, auto* b) {
      return table_rank(a->table) < table_rank(b->table);
    });
    plan.suppliers.push_back(std::move(s));
  }
  for (const LineAllocation& l : book.current.lines) {
    if (l.allocation) add_key(plan, l.key, &*l.allocation);
  }
  for (const LineAllocation& l : book.current.lines) {
    if (l.proposed_key != nullptr) plan.any_proposal = true;
    if (l.proposed) add_key(plan, l.proposed_key, &*l.proposed);
  }

  SheetNames names;
  for (const std::string* fixed :
       {&kOverviewSheet, &kCustomersSheet, &kProposalSheet, &kUnallocatedSheet, &kLinesSheet}) {
    names.reserve(*fixed);
  }
  for (SupplierPlan& s : plan.suppliers) s.sheet = names.claim(s.supplier);
  for (KeyPlan& k : plan.keys) k.sheet = names.claim(k.key->name);
  return plan;
}

// --- Översikt -------------------------------------------------------------------------------

void write_overview(StreamSheet& ws, Plan& plan) {
  const AllocationBook& book = plan.book;
  const double widths[] = {46, 10, 18, 18, 18, 18, 30};
  for (lxw_col_t c = 0; c < 7; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 6);
  ws.text(row++, 0, fmt::format("Fördelning {}", plan.year()), title_look());
  ws.paragraph(row++, 0, 6,
               fmt::format("Leverantörernas belopp för {} fördelade på kunderna efter "
                           "fördelningsnycklarna i {}, i hela kronor. Varje rad i "
                           "leverantörernas tabeller är antingen fördelad (bladet med "
                           "leverantörens namn) eller listad på bladet Ej fördelat med skälet, så "
                           "att varje krona är redovisad. Summor och kontroller är formler.",
                           plan.year(), book.kunder.file.empty() ? "kunder.xlsx" : book.kunder.file),
               158);
  ++row;
  const lxw_row_t header = row;
  const char* headings[] = {"Leverantör",        "Rader",   "Fördelat (kr)", "Ej fördelat (kr)",
                            "Radernas summa (kr)", "Kontroll: fördelat + ej fördelat − summa",
                            "Blad"};
  for (lxw_col_t c = 0; c < 7; ++c) ws.text(header, c, headings[c], heading_look());
  ws.height(header, 3);
  row = header + 1;
  const lxw_row_t first = row;
  for (const SupplierPlan& s : plan.suppliers) {
    ws.text(row, 0, s.supplier, {.wrap = true});
    ws.number(row, 1, static_cast<double>(s.lines.size() + s.unallocated.size()));
    ws.formula(row, 2, "=" + sheet_ref(s.sheet, cell(s.total_row, s.total_col)),
               static_cast<double>(s.allocated_kr), kronor_look());
    auto rows = plan.unallocated_rows.find(s.supplier);
    if (rows != plan.unallocated_rows.end()) {
      ws.formula(row, 3,
                 fmt::format("=SUM({})", sheet_ref(kUnallocatedSheet, range(rows->second.first, 5,
                                                                            rows->second.second, 5))),
                 static_cast<double>(s.unallocated_kr), kronor_look());
    } else {
      ws.kronor(row, 3, 0);
    }
    ws.kronor(row, 4, s.lines_kr);
    ws.formula(row, 5,
               fmt::format("={}+{}-{}", cell(row, 2), cell(row, 3), cell(row, 4)),
               static_cast<double>(s.allocated_kr + s.unallocated_kr - s.lines_kr),
               kronor_look());
    ws.link(row, 6, s.sheet, s.sheet);
    ws.height(row, lines_needed(s.supplier, widths[0]));
    ++row;
  }
  if (plan.suppliers.empty()) ws.text(row++, 0, "Inga leverantörsrader i omgången.");
  const lxw_row_t last = row - 1;
  ws.text(row, 0, "Summa", total_text_look());
  std::int64_t totals[4] = {0, 0, 0, 0};
  std::size_t lines = 0;
  for (const SupplierPlan& s : plan.suppliers) {
    totals[0] += s.allocated_kr;
    totals[1] += s.unallocated_kr;
    totals[2] += s.lines_kr;
    totals[3] += s.allocated_kr + s.unallocated_kr - s.lines_kr;
    lines += s.lines.size() + s.unallocated.size();
  }
  if (plan.suppliers.empty()) {
    ws.number(row, 1, 0, total_text_look());
    for (lxw_col_t c = 2; c < 6; ++c) ws.kronor(row, c, 0, kronor_look(true));
  } else {
    ws.formula(row, 1, fmt::format("=SUM({})", range(first, 1, last, 1)),
               static_cast<double>(lines), total_text_look());
    for (lxw_col_t c = 2; c < 6; ++c) {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)),
                 static_cast<double>(totals[c - 2]), kronor_look(true));
    }
  }
  ws.blank(row, 6, total_text_look());
  const lxw_row_t sum_row = row++;
  // The run's own totals, against the sheets.
  ws.text(row, 0, "Kontroll mot körningens totaler (ska vara 0)", {.italic = true, .wrap = true});
  ws.formula(row, 2, fmt::format("={}-{}", cell(sum_row, 2), book.current.allocated_kr),
             static_cast<double>(totals[0] - book.current.allocated_kr),
             {.italic = true, .number = kKronor});
  // Ej fördelat lists every line charged to no customer by a key: not allocated, invoiced per
  // order, funded by kommunbidrag or charged to a receiving supplier.
  const std::int64_t not_by_key = book.current.unallocated_kr + book.current.invoiced_kr +
                                  book.current.kommunbidrag_kr + book.current.to_suppliers_kr;
  ws.formula(row, 3, fmt::format("={}-{}", cell(sum_row, 3), not_by_key),
             static_cast<double>(totals[1] - not_by_key),
             {.italic = true, .number = kKronor});
  row += 2;

  ws.text(row++, 0, "Bladen i filen", bold_look());
  auto listed = [&](const std::string& sheet, const std::string& what) {
    ws.link(row, 0, sheet, sheet);
    ws.paragraph(row, 1, 6, what, 112);
    ++row;
  };
  for (const SupplierPlan& s : plan.suppliers) {
    listed(s.sheet, fmt::format("{}: kronor per kund och tjänst, med varje rads nyckel, källcell "
                                "och belopp.",
                                s.supplier));
  }
  listed(kCustomersSheet, "Vad varje kund betalar till varje leverantör, och i allt.");
  for (const KeyPlan& k : plan.keys) {
    listed(k.sheet, fmt::format("Nyckeln {}: steg, mått, vikter och andelar per kund.", k.key->name));
  }
  listed(kProposalSheet, "Nuvarande nycklar mot föreslagna (kolumnen Förslag nyckel i kunder.xlsx).");
  listed(kUnallocatedSheet, "Rader som inte fördelas med nyckel: tjänster som faktureras per "
                            "beställning, finansieras med kommunbidrag eller levereras till en "
                            "annan leverantör, och rader som inte kan fördelas, med skälet.");
  listed(kLinesSheet, "Alla rader: belopp, nyckel, källcell och vad som blev av dem.");
  ws.freeze(header + 1, 1);
  ws.print_wide(header, header);
}

// --- One sheet per supplier -----------------------------------------------------------------

// Rows of the column heads above a supplier's matrix, from the top of the heads.
enum HeadRow : lxw_row_t { kTable, kArea, kKey, kSource, kAmount, kHeader, kHeadRows };
constexpr lxw_col_t kFirstLine = 3;  // columns A..C: Kund-id, Namn, Typ

/// Fixes where a supplier sheet's matrix goes (the rows depend on the banner only).
void place(SupplierPlan& s, const Plan& plan) {
  lxw_row_t top = (plan.book.draft ? 1 : 0) + 4;
  s.first_row = top + kHeadRows;
  s.total_col = static_cast<lxw_col_t>(kFirstLine + s.lines.size());
  s.total_row = static_cast<lxw_row_t>(s.first_row + plan.customers.size());
}

void write_supplier(StreamSheet& ws, const Plan& plan, const SupplierPlan& s) {
  const AllocationBook& book = plan.book;
  const lxw_col_t total = s.total_col;
  ws.width(0, 0, 10);
  ws.width(1, 1, 34);
  ws.width(2, 2, 12);
  if (!s.lines.empty()) ws.width(kFirstLine, total - 1, 17);
  ws.width(total, total, 17);

  lxw_row_t row = ws.banner(book.draft, std::max<lxw_col_t>(total, 6));
  ws.text(row++, 0, fmt::format("{}: fördelning {}", s.supplier, plan.year()), title_look());
  ws.paragraph(row++, 0, std::max<lxw_col_t>(total, 6),
               "Kronor per kund (rad) och tjänst (kolumn). Ovanför varje kolumn står radens "
               "tabell, område, nyckel, cellen i leverantörens fil och radens belopp. Summorna är "
               "formler; raden Kontroll visar kolumnens summa minus radens belopp och ska vara 0. "
               "Tom cell: kunden ingår inte i nyckelns urval.",
               17.0 * std::max<double>(5, static_cast<double>(total)) + 30);
  std::string rest =
      s.unallocated.empty()
          ? std::string("Alla leverantörens rader fördelades.")
          : fmt::format("Ej fördelat: {} {} om sammanlagt {}, se bladet {}.", s.unallocated.size(),
                        s.unallocated.size() == 1 ? "rad" : "rader", kr_text(s.unallocated_kr),
                        kUnallocatedSheet);
  ws.text(row++, 0, rest, {.italic = true});

  // The head over the matrix, row by row (the workbook is written top down): per line its
  // table (the tables' headings merged over their columns), area, key, source cell and amount,
  // then the column heads. Each row's height is worked out before the row is written.
  const lxw_row_t top = s.first_row - kHeadRows;
  const char* labels[] = {"Tabell", "Område", "Nyckel", "Källa", "Radens belopp (kr)"};
  Look label{.bold = true, .fill = kHeadingFill, .boxed = true};
  Look head = heading_look();
  Look group = heading_look();
  group.center = true;
  struct Group {
    std::size_t first, last;
    std::string title;
  };
  std::vector<Group> groups;
  std::vector<std::string> keys, sources;
  std::size_t table_lines = 1, area_lines = 1, key_lines = 1, source_lines = 1, head_lines = 1;
  std::int64_t amounts = 0;
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const LineAllocation& l = *s.lines[i];
    if (groups.empty() || s.lines[groups.back().first]->table != l.table) {
      groups.push_back({i, i, table_title(l.table)});
    }
    groups.back().last = i;
    keys.push_back(l.key != nullptr ? l.key->name : "");
    sources.push_back(source_text(l));
    area_lines = std::max(area_lines, lines_needed(l.area, 17 * 0.8));
    key_lines = std::max(key_lines, lines_needed(keys.back(), 17));
    source_lines = std::max(source_lines, lines_needed(sources.back(), 17));
    head_lines = std::max(head_lines, lines_needed(l.service, 17 * 0.8));
    amounts += l.amount_kr;
  }
  for (const Group& g : groups) {
    table_lines = std::max(
        table_lines, lines_needed(g.title, 17 * 0.8 * static_cast<double>(g.last - g.first + 1)));
  }
  auto col_of = [](std::size_t i) { return static_cast<lxw_col_t>(kFirstLine + i); };
  const std::size_t heights[] = {table_lines, area_lines, key_lines, source_lines, 1};
  for (lxw_row_t r = kTable; r < kHeader; ++r) {
    ws.height(top + r, heights[r]);
    ws.merged(top + r, 0, 2, labels[r], label);
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
      const LineAllocation& l = *s.lines[i];
      switch (static_cast<HeadRow>(r)) {
        case kArea: ws.text(top + r, col_of(i), l.area, head); break;
        case kKey: ws.text(top + r, col_of(i), keys[i], {.wrap = true, .boxed = true}); break;
        case kSource: ws.text(top + r, col_of(i), sources[i], {.wrap = true, .boxed = true}); break;
        case kAmount: ws.kronor(top + r, col_of(i), l.amount_kr, {.bold = true, .boxed = true}); break;
        default: break;
      }
    }
    if (r == kTable) {
      for (const Group& g : groups) ws.merged(top + r, col_of(g.first), col_of(g.last), g.title, group);
    }
    if (r != kAmount) {
      ws.blank(top + r, total, head);
    } else if (s.lines.empty()) {
      ws.kronor(top + r, total, 0, {.bold = true, .boxed = true});
    } else {
      ws.formula(top + r, total,
                 fmt::format("=SUM({})", range(top + r, kFirstLine, top + r, total - 1)),
                 static_cast<double>(amounts),
                 {.bold = true, .number = kKronor, .boxed = true});
    }
  }
  ws.height(top + kHeader, head_lines);
  const char* heads[] = {"Kund-id", "Namn", "Typ"};
  for (lxw_col_t c = 0; c < 3; ++c) ws.text(top + kHeader, c, heads[c], heading_look());
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    ws.text(top + kHeader, col_of(i), s.lines[i]->service, head);
  }
  ws.text(top + kHeader, total, "Summa (kr)", head);

  // The matrix.
  std::vector<std::int64_t> col_sums(s.lines.size(), 0);
  std::int64_t grand = 0;
  lxw_row_t r = s.first_row;
  // The rows and every line's kronor are both in Kund-id byte order: one cursor per line
  // instead of a binary search per customer and line.
  std::vector<std::size_t> next(s.lines.size(), 0);
  for (const CustomerRow& c : plan.customers) {
    ws.text(r, 0, c.id);
    ws.text(r, 1, c.name);
    ws.text(r, 2, c.typ);
    std::int64_t row_sum = 0;
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
      const auto& kr = s.lines[i]->allocation->customers_kr;
      std::size_t& k = next[i];
      while (k < kr.size() && std::string_view(kr.begin()[k].id()) < c.id) ++k;
      if (k == kr.size() || kr.begin()[k].id() != c.id) continue;
      const fordelning::CustomerKr* e = &kr.begin()[k];
      ws.kronor(r, static_cast<lxw_col_t>(kFirstLine + i), e->kr);
      row_sum += e->kr;
      col_sums[i] += e->kr;
    }
    if (s.lines.empty()) {
      ws.kronor(r, total, 0, {.bold = true});
    } else {
      ws.formula(r, total, fmt::format("=SUM({})", range(r, kFirstLine, r, total - 1)),
                 static_cast<double>(row_sum), {.bold = true, .number = kKronor});
    }
    grand += row_sum;
    ++r;
  }
  // Column totals, the grand total, and the check against the lines' amounts.
  ws.merged(r, 0, 2, "Summa", total_text_look());
  const lxw_row_t last = r - 1;
  auto column_sum = [&](lxw_col_t col, double cached) {
    if (plan.customers.empty()) {
      ws.number(r, col, cached, kronor_look(true));
    } else {
      ws.formula(r, col, fmt::format("=SUM({})", range(s.first_row, col, last, col)), cached,
                 kronor_look(true));
    }
  };
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    column_sum(static_cast<lxw_col_t>(kFirstLine + i), static_cast<double>(col_sums[i]));
  }
  column_sum(total, static_cast<double>(grand));
  ++r;
  ws.merged(r, 0, 2, "Kontroll: summa − radens belopp (ska vara 0)", {.italic = true});
  Look check{.italic = true, .number = kKronor};
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    auto col = static_cast<lxw_col_t>(kFirstLine + i);
    ws.formula(r, col, fmt::format("={}-{}", cell(r - 1, col), cell(top + kAmount, col)),
               static_cast<double>(col_sums[i] - s.lines[i]->amount_kr), check);
  }
  ws.formula(r, total, fmt::format("={}-{}", cell(r - 1, total), cell(top + kAmount, total)),
             static_cast<double>(grand - amounts), check);

  ws.freeze(s.first_row, kFirstLine);
  ws.print_wide(top, top + kHeader);
}

// --- Per kund -------------------------------------------------------------------------------

void write_customers(StreamSheet& ws, const Plan& plan) {
  const AllocationBook& book = plan.book;
  const auto n = static_cast<lxw_col_t>(plan.suppliers.size());
  const lxw_col_t sum_col = 3 + n, run_col = sum_col + 1, diff_col = sum_col + 2;
  ws.width(0, 0, 10);
  ws.width(1, 1, 34);
  ws.width(2, 2, 12);
  ws.width(3, diff_col, 18);
  lxw_row_t row = ws.banner(book.draft, diff_col);
  ws.text(row++, 0, fmt::format("Per kund: att betala {}", plan.year()), title_look());
  ws.paragraph(row++, 0, diff_col,
               "Vad varje kund betalar varje leverantör (formler som hämtar radsumman på "
               "leverantörens blad) och i allt. Kolumnen Enligt körningen är körningens egen "
               "summa för kunden; Avvikelse ska vara 0.",
               34 + 22 + 18.0 * (n + 3));
  ++row;
  const lxw_row_t header = row++;
  const char* heads[] = {"Kund-id", "Namn", "Typ"};
  for (lxw_col_t c = 0; c < 3; ++c) ws.text(header, c, heads[c], heading_look());
  std::size_t lines = 1;
  for (lxw_col_t i = 0; i < n; ++i) {
    ws.text(header, 3 + i, plan.suppliers[i].supplier + " (kr)", heading_look());
    lines = std::max(lines, lines_needed(plan.suppliers[i].supplier + " (kr)", 18 * 0.8));
  }
  ws.text(header, sum_col, "Summa (kr)", heading_look());
  ws.text(header, run_col, "Enligt körningen (kr)", heading_look());
  ws.text(header, diff_col, "Avvikelse (ska vara 0)", heading_look());
  ws.height(header, std::max<std::size_t>(lines, 2));

  const lxw_row_t first = row;
  std::vector<std::int64_t> col_sums(n, 0);
  std::int64_t grand = 0, run_grand = 0;
  for (std::size_t ci = 0; ci < plan.customers.size(); ++ci) {
    const CustomerRow& c = plan.customers[ci];
    ws.text(row, 0, c.id);
    ws.text(row, 1, c.name);
    ws.text(row, 2, c.typ);
    std::int64_t sum = 0;
    for (lxw_col_t i = 0; i < n; ++i) {
      const SupplierPlan& s = plan.suppliers[i];
      auto it = s.customer_kr.find(c.id);
      std::int64_t kr = it == s.customer_kr.end() ? 0 : it->second;
      auto src_row = static_cast<lxw_row_t>(s.first_row + ci);
      ws.formula(row, 3 + i, "=" + sheet_ref(s.sheet, cell(src_row, s.total_col)),
                 static_cast<double>(kr), kronor_look());
      sum += kr;
      col_sums[i] += kr;
    }
    if (n > 0) {
      ws.formula(row, sum_col, fmt::format("=SUM({})", range(row, 3, row, sum_col - 1)),
                 static_cast<double>(sum), kronor_look(true));
    } else {
      ws.kronor(row, sum_col, 0, kronor_look(true));
    }
    auto it = book.current.customer_totals.find(c.id);
    std::int64_t run = it == book.current.customer_totals.end() ? 0 : it->second;
    ws.kronor(row, run_col, run);
    ws.formula(row, diff_col, fmt::format("={}-{}", cell(row, sum_col), cell(row, run_col)),
               static_cast<double>(sum - run), {.italic = true, .number = kKronor});
    grand += sum;
    run_grand += run;
    ++row;
  }
  if (plan.customers.empty()) {
    ws.text(row++, 0, "Registret har inga kunder.");
  } else {
    const lxw_row_t last = row - 1;
    ws.merged(row, 0, 2, "Summa", total_text_look());
    for (lxw_col_t c = 3; c <= diff_col; ++c) {
      double cached = c < sum_col     ? static_cast<double>(col_sums[c - 3])
                      : c == sum_col  ? static_cast<double>(grand)
                      : c == run_col  ? static_cast<double>(run_grand)
                                      : static_cast<double>(grand - run_grand);
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, last, c)), cached,
                 kronor_look(true));
    }
  }
  ws.freeze(header + 1, 3);
  ws.print_wide(header, header);
}

// --- One sheet per key ----------------------------------------------------------------------

void write_key(StreamSheet& ws, const Plan& plan, const KeyPlan& k) {
  const AllocationBook& book = plan.book;
  const Key& key = *k.key;
  const Allocation& a = *k.sample;

  // Columns: Kund-id, Namn, Typ; per step its measures, Vikt, Andel, Bråk; then the key's
  // share, its fraction and the kronor charged by the key this year.
  struct StepCols {
    lxw_col_t first = 0;  // first measure column (or Vikt for lika)
    lxw_col_t weight = 0;
    lxw_col_t share = 0;
    lxw_col_t fraction = 0;
  };
  std::vector<StepCols> cols;
  lxw_col_t col = 3;
  for (const auto& step : a.steps) {
    StepCols sc;
    sc.first = col;
    const fordelning::Step& def = key.steps[step.step];
    col += static_cast<lxw_col_t>(def.matt.lika ? 0 : def.matt.terms.size());
    sc.weight = col++;
    sc.share = col++;
    sc.fraction = col++;
    cols.push_back(sc);
  }
  const lxw_col_t key_share = col, key_fraction = col + 1, kr_col = col + 2;
  ws.width(0, 0, 10);
  ws.width(1, 1, 34);
  ws.width(2, 2, 12);
  ws.width(3, kr_col, 15);
  for (const StepCols& sc : cols) ws.width(sc.fraction, sc.fraction, 18);
  ws.width(key_fraction, key_fraction, 22);
  ws.width(kr_col, kr_col, 17);

  lxw_row_t row = ws.banner(book.draft, std::max<lxw_col_t>(kr_col, 6));
  const double width = 56 + 15.0 * kr_col;
  ws.text(row++, 0, fmt::format("Nyckel: {}", key.name), title_look());
  ws.paragraph(row++, 0, std::max<lxw_col_t>(kr_col, 6),
               "Så fungerar nyckeln: " + key_explanation(key, book.kunder), width);
  std::string where = key.where.ref().empty()
                          ? std::string()
                          : fmt::format(" Källa: {}: {}.", key.where.file, key.where.ref());
  std::string aliases;
  for (const auto& alias : key.aliases) aliases += (aliases.empty() ? "" : "; ") + alias;
  if (!aliases.empty()) where += fmt::format(" Kallas också (3.2-texter): {}.", aliases);
  ws.paragraph(row++, 0, std::max<lxw_col_t>(kr_col, 6),
               "Beloppet delas först mellan stegen efter Andel, sedan mellan stegets kunder i "
               "proportion till vikten (måttet); öret avrundas till hela kronor med största "
               "rest-metoden, så att delarna alltid summerar exakt." + where,
               width, {.italic = true});
  ++row;

  // The steps.
  const char* step_heads[] = {"Steg", "Andel", "Urval", "Mått", "Kunder i urvalet", "Summa vikt"};
  for (lxw_col_t c = 0; c < 6; ++c) ws.text(row, c, step_heads[c], heading_look());
  ++row;
  for (const auto& step : a.steps) {
    const fordelning::Step& def = key.steps[step.step];
    ws.number(row, 0, static_cast<double>(step.step + 1));
    ws.text(row, 1, fordelning::format_decimal(def.andel) + " %");
    ws.text(row, 2, def.urval_text, {.wrap = true});
    ws.text(row, 3, def.matt_text, {.wrap = true});
    ws.number(row, 4, static_cast<double>(step.customers.size()));
    ws.number(row, 5, static_cast<double>(step.total_weight), {.number = style::kWhole});
    ws.height(row, std::max(lines_needed(def.urval_text, 34), lines_needed(def.matt_text, 12)));
    ++row;
  }
  ++row;

  // Per customer.
  const lxw_row_t group_row = row++;
  const lxw_row_t header = row++;
  Look group = heading_look();
  group.center = true;
  ws.merged(group_row, 0, 2, "", group);
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const fordelning::Step& def = key.steps[a.steps[i].step];
    ws.merged(group_row, cols[i].first, cols[i].fraction,
              fmt::format("Steg {}: {} %", a.steps[i].step + 1, fordelning::format_decimal(def.andel)),
              group);
  }
  ws.merged(group_row, key_share, kr_col, "Hela nyckeln", group);
  const char* heads[] = {"Kund-id", "Namn", "Typ"};
  for (lxw_col_t c = 0; c < 3; ++c) ws.text(header, c, heads[c], heading_look());
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const fordelning::Step& def = key.steps[a.steps[i].step];
    if (!def.matt.lika) {
      for (std::size_t t = 0; t < def.matt.terms.size(); ++t) {
        ws.text(header, static_cast<lxw_col_t>(cols[i].first + t), def.matt.terms[t].measure,
                heading_look());
      }
    }
    ws.text(header, cols[i].weight, "Vikt", heading_look());
    ws.text(header, cols[i].share, "Andel av steget", heading_look());
    ws.text(header, cols[i].fraction, "Andel av steget (bråk)", heading_look());
  }
  ws.text(header, key_share, "Andel av nyckeln", heading_look());
  ws.text(header, key_fraction, "Andel av nyckeln (bråk)", heading_look());
  ws.text(header, kr_col, fmt::format("Kronor {} med nyckeln", plan.year()), heading_look());
  ws.height(header, 3);

  // Kronor by this key this year, over every line allocated by it.
  fordelning::KronorSum sum;
  for (const LineAllocation& l : book.current.lines) {
    if (l.key != &key || !l.allocation) continue;
    sum.add(l.allocation->customers_kr);
  }
  const std::map<std::string, std::int64_t> kr_by_key = sum.to_map();
  std::vector<std::string> ids;
  for (const auto& step : a.steps) {
    for (const auto& c : step.customers) ids.push_back(c.kund_id());
  }
  for (const auto& [id, kr] : kr_by_key) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  const lxw_row_t first = row;
  std::int64_t kr_sum = 0;
  for (const std::string& id : ids) {
    const Customer* c = plan.customer(id);
    ws.text(row, 0, id);
    ws.text(row, 1, c != nullptr ? c->name : "(finns inte i kunder.xlsx)");
    ws.text(row, 2, c != nullptr ? c->typ : "");
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
      const fordelning::Step& def = key.steps[a.steps[i].step];
      if (const fordelning::CustomerShare* found = fordelning::find_customer(a.steps[i], id)) {
        const fordelning::CustomerShare& cs = *found;
        const std::vector<fordelning::Decimal> values = fordelning::measure_values(def, *cs.customer, book.kunder);
        for (std::size_t t = 0; t < values.size(); ++t) {
          ws.number(row, static_cast<lxw_col_t>(cols[i].first + t), decimal_value(values[t]),
                    {.number = decimal_format(values[t])});
        }
        const fordelning::Fraction share = fordelning::share_of(a.steps[i], cs);
        ws.number(row, cols[i].weight, static_cast<double>(cs.weight), {.number = style::kWhole});
        ws.number(row, cols[i].share, fraction_value(share), percent_look());
        ws.text(row, cols[i].fraction, fordelning::format_fraction(share));
      }
    }
    if (auto share = customer_share(a, id)) {
      ws.number(row, key_share, static_cast<double>(share->value), percent_look());
      ws.text(row, key_fraction,
              share->exact ? fordelning::format_fraction(share->fraction) : std::string("–"));
    }
    auto it = kr_by_key.find(id);
    std::int64_t kr = it == kr_by_key.end() ? 0 : it->second;
    ws.kronor(row, kr_col, kr);
    kr_sum += kr;
    ++row;
  }
  if (!ids.empty()) {
    const lxw_row_t last = row - 1;
    ws.merged(row, 0, 2, "Summa", total_text_look());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
      ws.formula(row, cols[i].weight, fmt::format("=SUM({})", range(first, cols[i].weight, last, cols[i].weight)),
                 static_cast<double>(a.steps[i].total_weight),
                 {.bold = true, .number = style::kWhole, .fill = kTotalFill, .rule = true});
      ws.formula(row, cols[i].share, fmt::format("=SUM({})", range(first, cols[i].share, last, cols[i].share)),
                 1.0, percent_look(true));
    }
    ws.formula(row, key_share, fmt::format("=SUM({})", range(first, key_share, last, key_share)), 1.0,
               percent_look(true));
    ws.formula(row, kr_col, fmt::format("=SUM({})", range(first, kr_col, last, kr_col)),
               static_cast<double>(kr_sum), kronor_look(true));
    ++row;
  }
  ++row;

  // The lines allocated by the key, and those it is proposed for.
  ws.text(row++, 0, "Rader som fördelas med nyckeln", bold_look());
  const char* line_heads[] = {"Leverantör", "", "Tabell", "Tjänst", "Belopp (kr)", "Källa"};
  ws.merged(row, 0, 1, line_heads[0], heading_look());
  for (lxw_col_t c = 2; c < 6; ++c) ws.text(row, c, line_heads[c], heading_look());
  ++row;
  bool proposed_for = false;
  for (const LineAllocation& l : book.current.lines) {
    if (l.proposed_key == &key) proposed_for = true;
    if (l.key != &key || !l.allocation) continue;
    ws.merged(row, 0, 1, l.supplier, {});
    ws.text(row, 2, table_label(l.table));
    ws.text(row, 3, l.service);
    ws.kronor(row, 4, l.amount_kr);
    ws.text(row, 5, source_text(l));
    ++row;
  }
  if (proposed_for) {
    ++row;
    ws.text(row++, 0, "Rader där nyckeln föreslås (se bladet Föreslagna nycklar)", bold_look());
    for (const LineAllocation& l : book.current.lines) {
      if (l.proposed_key != &key) continue;
      ws.merged(row, 0, 1, l.supplier, {});
      ws.text(row, 2, table_label(l.table));
      ws.text(row, 3, l.service);
      ws.kronor(row, 4, l.amount_kr);
      ws.text(row, 5, source_text(l));
      ++row;
    }
  }
  ws.freeze(header + 1, 3);
  ws.print_wide(header, header);
}

// --- Föreslagna nycklar ---------------------------------------------------------------------

/// Current against proposed kronor per customer, with a Summa row; returns the next free row.
lxw_row_t write_comparison(StreamSheet& ws, const Plan& plan, lxw_row_t row,
                           const std::map<std::string, std::int64_t>& now,
                           const std::map<std::string, std::int64_t>& proposed) {
  std::vector<std::string> ids;
  for (const auto& [id, kr] : now) ids.push_back(id);
  for (const auto& [id, kr] : proposed) {
    if (now.count(id) == 0) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  const lxw_row_t first = row;
  std::int64_t sums[3] = {0, 0, 0};
  for (const std::string& id : ids) {
    const Customer* c = plan.customer(id);
    ws.text(row, 0, id);
    ws.text(row, 1, c != nullptr ? c->name : "(finns inte i kunder.xlsx)");
    ws.text(row, 2, c != nullptr ? c->typ : "");
    auto a = now.find(id);
    auto b = proposed.find(id);
    std::int64_t x = a == now.end() ? 0 : a->second;
    std::int64_t y = b == proposed.end() ? 0 : b->second;
    if (a != now.end()) ws.kronor(row, 3, x);
    if (b != proposed.end()) ws.kronor(row, 4, y);
    ws.formula(row, 5, fmt::format("={}-{}", cell(row, 4), cell(row, 3)),
               static_cast<double>(y - x), kronor_look());
    sums[0] += x;
    sums[1] += y;
    sums[2] += y - x;
    ++row;
  }
  ws.merged(row, 0, 2, "Summa", total_text_look());
  for (lxw_col_t c = 3; c < 6; ++c) {
    if (ids.empty()) {
      ws.kronor(row, c, 0, kronor_look(true));
    } else {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, row - 1, c)),
                 static_cast<double>(sums[c - 3]), kronor_look(true));
    }
  }
  return row + 1;
}

void write_proposals(StreamSheet& ws, const Plan& plan) {
  const AllocationBook& book = plan.book;
  const double widths[] = {10, 34, 12, 20, 20, 18};
  for (lxw_col_t c = 0; c < 6; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 5);
  ws.text(row++, 0, fmt::format("Nuvarande och föreslagna nycklar {}", plan.year()), title_look());
  ws.paragraph(row++, 0, 5,
               "Där bladet Tjänster i kunder.xlsx har ett Förslag nyckel: vad varje kund betalar "
               "med den nuvarande nyckeln, med den föreslagna och skillnaden (föreslagen − "
               "nuvarande). Först allt sammantaget (rader utan förslag räknas som i dag), sedan "
               "rad för rad.",
               114);
  ++row;
  const lxw_row_t header = row;
  const char* heads[] = {"Kund-id", "Namn", "Typ", "Nuvarande nycklar (kr)",
                         "Föreslagna nycklar (kr)", "Skillnad (kr)"};
  auto heading = [&](lxw_row_t r) {
    for (lxw_col_t c = 0; c < 6; ++c) ws.text(r, c, heads[c], heading_look());
    ws.height(r, 2);
  };
  if (!plan.any_proposal) {
    ws.text(row, 0, "Inga förslag: kunder.xlsx har inget Förslag nyckel för årets rader.",
            {.italic = true});
    return;
  }
  ws.text(row++, 0, "Alla rader", bold_look());
  heading(row++);
  row = write_comparison(ws, plan, row, book.current.customer_totals,
                         book.current.customer_totals_proposed);
  // Excel's sheet ends at row 1 048 576: with a large register not every line's table fits
  // (100 000 customers: about ten). What does not fit is said, not a failed run.
  constexpr std::size_t kSheetRows = 1'048'576;
  std::size_t left_out = 0;
  for (const LineAllocation& l : book.current.lines) {
    if (l.proposed_key == nullptr) continue;
    std::size_t customers = (l.allocation ? l.allocation->customers_kr.size() : 0) +
                            (l.proposed ? l.proposed->customers_kr.size() : 0);
    if (left_out > 0 || row + customers + 8 > kSheetRows) {
      ++left_out;
      continue;
    }
    row += 1;
    ws.paragraph(row++, 0, 5,
                 fmt::format("{}: {} ({}), {}", l.supplier, l.service, table_label(l.table),
                             kr_text(l.amount_kr)),
                 114, bold_look());
    std::string now = l.key != nullptr ? l.key->name : "ingen";
    std::string text = fmt::format("Nuvarande nyckel: {}. Föreslagen nyckel: {}: {} Källa: {}.",
                                   now, l.proposed_key->name,
                                   key_explanation(*l.proposed_key, book.kunder), source_text(l));
    if (!l.proposed) text += " Den föreslagna nyckeln kan inte användas (se fynden för kunder.xlsx).";
    if (!l.allocation) text += " Raden fördelas inte i dag: " + l.reason;
    ws.paragraph(row++, 0, 5, text, 114, {.italic = true});
    heading(row++);
    std::map<std::string, std::int64_t> none;
    row = write_comparison(ws, plan, row, l.allocation ? l.allocation->customers_kr.to_map() : none,
                           l.proposed ? l.proposed->customers_kr.to_map() : none);
  }
  if (left_out > 0) {
    row += 1;
    ws.paragraph(row++, 0, 5,
                 fmt::format("Ytterligare {} med föreslagen nyckel får inte plats på bladet "
                             "(Excel har högst 1 048 576 rader per blad). Tabellen Alla rader "
                             "ovan räknar med {}.",
                             left_out == 1 ? "en rad" : fmt::format("{} rader", left_out),
                             left_out == 1 ? "den" : "dem"),
                 114, {.italic = true});
  }
  ws.freeze(header + 2, 0);
  ws.print_wide(header + 1, header + 1);
}

// --- Ej fördelat ----------------------------------------------------------------------------

void plan_unallocated(Plan& plan) {
  // Below the banner, the title, the paragraph and the heading row (write_unallocated).
  lxw_row_t row = (plan.book.draft ? 1 : 0) + 3;
  std::vector<const LineAllocation*> grouped;
  for (const SupplierPlan& s : plan.suppliers) {
    if (s.unallocated.empty()) continue;
    plan.unallocated_rows[s.supplier] = {row, static_cast<lxw_row_t>(row + s.unallocated.size() - 1)};
    row += static_cast<lxw_row_t>(s.unallocated.size());
    grouped.insert(grouped.end(), s.unallocated.begin(), s.unallocated.end());
  }
  plan.unallocated = std::move(grouped);
}

void write_unallocated(StreamSheet& ws, const Plan& plan) {
  const AllocationBook& book = plan.book;
  const double widths[] = {34, 18, 14, 22, 40, 16, 34, 60, 28};
  for (lxw_col_t c = 0; c < 9; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, 8);
  ws.text(row++, 0, fmt::format("Ej fördelat {}", plan.year()), title_look());
  ws.paragraph(row++, 0, 8,
               "Leverantörsrader som inte fördelas på kunderna med en nyckel, med skälet: "
               "tjänster som faktureras per beställning (Faktura à pris), finansieras med "
               "kommunbidrag eller levereras till en annan leverantör och debiteras där, och "
               "rader som inte kan fördelas. Tillsammans med de fördelade raderna är detta varje "
               "krona i leverantörernas tabeller.",
               266);
  const lxw_row_t header = row++;
  const char* heads[] = {"Leverantör", "Fil",         "Tabell", "Område",     "Tjänst",
                         "Belopp (kr)", "Källa",      "Skäl",   "Behandling"};
  for (lxw_col_t c = 0; c < 9; ++c) ws.text(header, c, heads[c], heading_look());
  const lxw_row_t first = row;  // where plan_unallocated() expects it
  std::int64_t sum = 0;
  for (const LineAllocation* l : plan.unallocated) {
    ws.text(row, 0, l->supplier, {.wrap = true});
    ws.text(row, 1, l->file);
    ws.text(row, 2, table_label(l->table));
    ws.text(row, 3, l->area, {.wrap = true});
    ws.text(row, 4, l->service, {.wrap = true});
    ws.kronor(row, 5, l->amount_kr);
    ws.text(row, 6, l->source.ref(), {.wrap = true});
    std::string reason = not_charged_text(*l);
    ws.text(row, 7, reason, {.wrap = true});
    ws.text(row, 8, charging_label(*l), {.wrap = true});
    ws.height(row, std::max({lines_needed(reason, 60), lines_needed(l->service, 40),
                             lines_needed(l->supplier, 34)}));
    sum += l->amount_kr;
    ++row;
  }
  if (plan.unallocated.empty()) {
    ws.text(row++, 0, "Alla rader fördelades.", {.italic = true});
    ws.text(row, 0, "Summa", total_text_look());
    ws.kronor(row, 5, 0, kronor_look(true));
  } else {
    ws.text(row, 0, "Summa", total_text_look());
    ws.formula(row, 5, fmt::format("=SUM({})", range(first, 5, row - 1, 5)),
               static_cast<double>(sum), kronor_look(true));
    ws.autofilter(header, 0, row - 1, 8);
  }
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);
}

// --- Rader ----------------------------------------------------------------------------------

void write_lines(StreamSheet& ws, const Plan& plan) {
  const AllocationBook& book = plan.book;
  const double widths[] = {34, 14, 22, 40, 16, 16, 16, 30, 30, 30, 30, 34, 22, 28};
  constexpr lxw_col_t kCols = 14;
  for (lxw_col_t c = 0; c < kCols; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, kCols - 1);
  ws.text(row++, 0, fmt::format("Alla rader {}", plan.year()), title_look());
  ws.paragraph(row++, 0, kCols - 1,
               "Varje rad i leverantörernas tabeller: beloppet, cellen det står i, nyckeln och hur "
               "den hittades, och om raden fördelades. Fördelat + Ej fördelat = Belopp på varje "
               "rad.",
               300);
  const lxw_row_t header = row++;
  const char* heads[] = {"Leverantör",       "Tabell",       "Område",
                         "Tjänst",           "Belopp (kr)",  "Fördelat (kr)",
                         "Ej fördelat (kr)", "Nyckel",       "Nyckeln hittades i",
                         "Leverantörens 3.2-text", "Föreslagen nyckel", "Källa",
                         "Kategori",         "Behandling"};
  for (lxw_col_t c = 0; c < kCols; ++c) ws.text(header, c, heads[c], heading_look());
  ws.height(header, 2);
  const lxw_row_t first = row;
  std::int64_t sums[3] = {0, 0, 0};
  for (const LineAllocation& l : book.current.lines) {
    std::int64_t allocated = l.allocation ? sum_kr(*l.allocation) : 0;
    std::int64_t rest = l.allocation ? 0 : l.amount_kr;
    ws.text(row, 0, l.supplier, {.wrap = true});
    ws.text(row, 1, table_label(l.table));
    ws.text(row, 2, l.area, {.wrap = true});
    ws.text(row, 3, l.service, {.wrap = true});
    ws.kronor(row, 4, l.amount_kr);
    ws.kronor(row, 5, allocated);
    ws.kronor(row, 6, rest);
    ws.text(row, 7, l.key != nullptr ? l.key->name : "", {.wrap = true});
    ws.text(row, 8, l.key != nullptr ? key_source_text(l.key_source) : "", {.wrap = true});
    ws.text(row, 9, l.key_text, {.wrap = true});
    ws.text(row, 10, l.proposed_key != nullptr ? l.proposed_key->name : "", {.wrap = true});
    ws.text(row, 11, source_text(l), {.wrap = true});
    ws.text(row, 12, l.category == fordelning::Category::okand
                         ? std::string("Saknas i tjänstekatalogen")
                         : std::string(fordelning::category_text(l.category)));
    ws.text(row, 13, charging_label(l), {.wrap = true});
    ws.height(row, std::max({lines_needed(l.service, 40), lines_needed(l.key_text, 30),
                             lines_needed(l.supplier, 34), lines_needed(source_text(l), 34)}));
    sums[0] += l.amount_kr;
    sums[1] += allocated;
    sums[2] += rest;
    ++row;
  }
  ws.text(row, 0, "Summa", total_text_look());
  for (lxw_col_t c = 4; c < 7; ++c) {
    if (book.current.lines.empty()) {
      ws.kronor(row, c, 0, kronor_look(true));
    } else {
      ws.formula(row, c, fmt::format("=SUM({})", range(first, c, row - 1, c)),
                 static_cast<double>(sums[c - 4]), kronor_look(true));
    }
  }
  if (!book.current.lines.empty()) ws.autofilter(header, 0, row - 1, kCols - 1);
  ws.freeze(header + 1, 1);
  ws.print_wide(header, header);
}


// --- Förändring mot förra året --------------------------------------------------------------

/// The bridge per customer and service: last year, this year, the change and its parts, a row
/// per customer and line with any figure, and per customer a total row.
void write_bridge(StreamSheet& ws, const Plan& plan) {
  const AllocationBook& book = plan.book;
  const fordelning::Bridge& bridge = *book.bridge;
  const double widths[] = {14, 30, 30, 34, 16, 16, 16, 14, 14, 14, 14, 14, 14, 14};
  constexpr lxw_col_t kCols = 14;
  for (lxw_col_t c = 0; c < kCols; ++c) ws.width(c, c, widths[c]);
  lxw_row_t row = ws.banner(book.draft, kCols - 1);
  ws.text(row++, 0, fmt::format("Förändring mot förra året {}", bridge.year), title_look());
  ws.paragraph(row++, 0, kCols - 1,
               fmt::format("Per kund och tjänst: förra året ({}), i år och förändringen "
                           "uppdelad på sina orsaker i hela kronor; delarna summerar exakt till "
                           "förändringen. Ordningen stegen räknas i står i README och i varje "
                           "kundbesked (bladet Varför ändras beloppet).",
                           bridge_base_text(bridge)),
               300);
  const lxw_row_t header = row++;
  std::vector<std::string> heads = {"Kund-id", "Kund", "Leverantör", "Tjänst",
                                    fmt::format("Förra året {} (kr)", bridge.year - 1),
                                    fmt::format("I år {} (kr)", bridge.year), "Förändring (kr)"};
  for (int i = 0; i < 7; ++i) heads.push_back(bridge_part_label(i));
  for (lxw_col_t c = 0; c < kCols; ++c) ws.text(header, c, heads[c], heading_look());
  ws.height(header, 3);
  std::map<std::string, std::string> names;
  for (const fordelning::Customer& c : book.kunder.customers) names[c.id] = c.name;
  if (bridge.before != nullptr) {
    for (const fordelning::Customer& c : bridge.before->customers) names.try_emplace(c.id, c.name);
  }
  for (const auto& [id, total] : bridge.customers) {
    const std::string& name = names[id];
    const lxw_row_t first = row;
    for (const fordelning::BridgeLine& line : bridge.lines) {
      auto c = line.customers.find(id);
      if (c == line.customers.end()) continue;
      const fordelning::CustomerLineBridge& x = c->second;
      ws.text(row, 0, id);
      ws.text(row, 1, name, {.wrap = true});
      ws.text(row, 2, line.supplier, {.wrap = true});
      ws.text(row, 3, line.service, {.wrap = true});
      ws.kronor(row, 4, x.last_kr);
      ws.kronor(row, 5, x.this_kr);
      ws.formula(row, 6, fmt::format("={}-{}", cell(row, 5), cell(row, 4)),
                 static_cast<double>(x.this_kr - x.last_kr), kronor_look());
      for (int i = 0; i < 7; ++i) {
        ws.kronor(row, static_cast<lxw_col_t>(7 + i), fordelning::part(x.parts, i));
      }
      ws.height(row, std::max(lines_needed(line.service, 34), lines_needed(line.supplier, 30)));
      ++row;
    }
    ws.text(row, 0, id, total_text_look());
    ws.text(row, 1, name, {.bold = true, .fill = kTotalFill, .wrap = true, .rule = true});
    ws.merged(row, 2, 3, "Summa", total_text_look());
    auto sum = [&](lxw_col_t c, std::int64_t v) {
      if (row == first) {
        ws.kronor(row, c, v, kronor_look(true));
      } else {
        ws.formula(row, c, fmt::format("=SUM({})", range(first, c, row - 1, c)),
                   static_cast<double>(v), kronor_look(true));
      }
    };
    sum(4, total.last_year_kr);
    sum(5, total.this_year_kr);
    sum(6, total.this_year_kr - total.last_year_kr);
    for (int i = 0; i < 7; ++i) sum(static_cast<lxw_col_t>(7 + i), fordelning::part(total.parts, i));
    ++row;
  }
  ws.freeze(header + 1, 2);
  ws.print_wide(header, header);
}

/// Writes fordelning.xlsx into `xlsx`.
void write_fordelning(StreamBook& xlsx, const AllocationBook& book) {
  Plan plan = make_plan(book);
  for (SupplierPlan& s : plan.suppliers) place(s, plan);
  plan_unallocated(plan);

  xlsx.set_properties({.title = fmt::format("{}Fördelning {}", book.draft ? style::kDraftTitlePrefix : "",
                                            book.current.year),
                       .subject = "Leverantörernas kostnader fördelade på kunderna",
                       .created = new_year(book.current.year != 0 ? book.current.year - 1 : 2000)});
  // Sheets are made in tab order, then filled.
  StreamSheet& overview = xlsx.add_sheet(kOverviewSheet);
  std::vector<StreamSheet*> suppliers;
  for (const SupplierPlan& s : plan.suppliers) suppliers.push_back(&xlsx.add_sheet(s.sheet));
  StreamSheet& customers = xlsx.add_sheet(kCustomersSheet);
  std::vector<StreamSheet*> keys;
  for (const KeyPlan& k : plan.keys) keys.push_back(&xlsx.add_sheet(k.sheet));
  StreamSheet& proposals = xlsx.add_sheet(kProposalSheet);
  StreamSheet& unallocated = xlsx.add_sheet(kUnallocatedSheet);
  StreamSheet& lines = xlsx.add_sheet(kLinesSheet);
  StreamSheet* bridge = book.bridge != nullptr ? &xlsx.add_sheet(kBridgeSheet) : nullptr;

  write_overview(overview, plan);
  for (std::size_t i = 0; i < plan.suppliers.size(); ++i) {
    write_supplier(*suppliers[i], plan, plan.suppliers[i]);
  }
  write_customers(customers, plan);
  for (std::size_t i = 0; i < plan.keys.size(); ++i) write_key(*keys[i], plan, plan.keys[i]);
  write_proposals(proposals, plan);
  write_unallocated(unallocated, plan);
  write_lines(lines, plan);
  if (bridge != nullptr) write_bridge(*bridge, plan);
}

}  // namespace

// Row by row (StreamBook): the customer x line matrices reach millions of cells at city scale.
// Every sheet is written top down.

std::string fordelning_xlsx(const AllocationBook& book) {
  const std::filesystem::path file = make_scratch_file(kSubject, "fordelning");
  try {
    write_fordelning_xlsx(book, file);
    std::vector<std::byte> bytes = read_file(file, file.filename().string());
    std::filesystem::remove(file);
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    throw;
  }
}

void write_fordelning_xlsx(const AllocationBook& book, const std::filesystem::path& file) {
  StreamBook xlsx(std::string(kSubject), file);
  write_fordelning(xlsx, book);
  xlsx.close();
}

}  // namespace arsanalys::output

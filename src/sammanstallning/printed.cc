#include "sammanstallning/printed.h"

#include <algorithm>
#include <numeric>

namespace arsanalys::sammanstallning {
namespace {

/// Floor division (toward minus infinity).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// Half away from zero, to a multiple of `unit`.
std::int64_t rounded(std::int64_t kr, std::int64_t unit) {
  std::int64_t q = kr / unit, r = kr % unit;
  if (2 * (r < 0 ? -r : r) >= unit) q += kr < 0 ? -1 : 1;
  return q * unit;
}

using Field = std::optional<std::int64_t> PrintedRow::*;
using Get = std::optional<std::int64_t> Figures::*;

/// One column of a table: the grand total rounded, shared by the suppliers, then by their rows.
void column(const std::vector<const std::vector<AreaRow>*>& tables, PrintedTable& out, Get get,
            Field put) {
  std::vector<std::int64_t> totals;
  std::vector<bool> any(tables.size(), false);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::int64_t sum = 0;
    for (const AreaRow& r : *tables[i]) {
      if (const auto& v = r.figures.*get) {
        sum += *v;
        any[i] = true;
      }
    }
    totals.push_back(sum);
  }
  std::int64_t grand = std::accumulate(totals.begin(), totals.end(), std::int64_t{0});
  std::vector<std::int64_t> shown =
      largest_remainder(totals, rounded(grand, kPrintedUnit), kPrintedUnit);
  bool any_at_all = false;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (!any[i]) continue;
    any_at_all = true;
    out.totals[i].*put = shown[i];
    std::vector<std::int64_t> exact;
    std::vector<std::size_t> which;
    for (std::size_t j = 0; j < tables[i]->size(); ++j) {
      if (const auto& v = (*tables[i])[j].figures.*get) {
        exact.push_back(*v);
        which.push_back(j);
      }
    }
    std::vector<std::int64_t> parts = largest_remainder(exact, shown[i], kPrintedUnit);
    for (std::size_t k = 0; k < which.size(); ++k) out.rows[i][which[k]].*put = parts[k];
  }
  if (any_at_all) out.all.*put = rounded(grand, kPrintedUnit);
}

/// The effects in parentheses: shared the same way.
void effects(const std::vector<const std::vector<AreaRow>*>& tables, PrintedTable& out) {
  std::vector<std::int64_t> totals;
  for (const auto* rows : tables) {
    std::int64_t sum = 0;
    for (const AreaRow& r : *rows) sum += r.figures.effekt;
    totals.push_back(sum);
  }
  std::int64_t grand = std::accumulate(totals.begin(), totals.end(), std::int64_t{0});
  std::vector<std::int64_t> shown =
      largest_remainder(totals, rounded(grand, kPrintedUnit), kPrintedUnit);
  out.all.effekt = rounded(grand, kPrintedUnit);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    out.totals[i].effekt = shown[i];
    std::vector<std::int64_t> exact;
    for (const AreaRow& r : *tables[i]) exact.push_back(r.figures.effekt);
    std::vector<std::int64_t> parts = largest_remainder(exact, shown[i], kPrintedUnit);
    for (std::size_t j = 0; j < parts.size(); ++j) out.rows[i][j].effekt = parts[j];
  }
}

PrintedTable printed(const Round& round, bool forvaltning) {
  std::vector<const std::vector<AreaRow>*> tables;
  PrintedTable out;
  for (const SupplierRound& s : round.suppliers) {
    tables.push_back(forvaltning ? &s.forvaltning : &s.utveckling);
    out.rows.emplace_back(tables.back()->size());
    out.totals.emplace_back();
  }
  column(tables, out, &Figures::utfall, &PrintedRow::utfall);
  column(tables, out, &Figures::budget, &PrintedRow::budget);
  column(tables, out, &Figures::foreslagen, &PrintedRow::foreslagen);
  effects(tables, out);
  return out;
}

}  // namespace

std::vector<std::int64_t> largest_remainder(const std::vector<std::int64_t>& exact,
                                            std::int64_t target, std::int64_t unit) {
  std::vector<std::int64_t> out(exact.size());
  if (exact.empty()) return out;
  std::vector<std::int64_t> rest(exact.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < exact.size(); ++i) {
    out[i] = floor_div(exact[i], unit) * unit;
    rest[i] = exact[i] - out[i];
    given += out[i];
  }
  std::int64_t left = (target - given) / unit;  // units still to give (normally 0..n)
  std::vector<std::size_t> order(exact.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t k = 0; left > 0; ++k, --left) out[order[k % order.size()]] += unit;
  for (std::size_t k = 0; left < 0; ++k, ++left) {
    out[order[order.size() - 1 - k % order.size()]] -= unit;
  }
  return out;
}

PrintedTables printed_tables(const Round& round) {
  return {printed(round, true), printed(round, false)};
}

}  // namespace arsanalys::sammanstallning

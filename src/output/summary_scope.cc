// sammanstallning.xlsx's sheets of the round's scope: "Utanför ramarna" (every submission split
// into what is inside the frames and what is not, so that it reconciles, and the lines outside
// with their category and reason) and "Justeringar" (every figure the preparers replaced or
// supplied, beside the submission's own).

#include <fmt/format.h>

#include "output/summary_parts.h"

namespace arsanalys::output::summary {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

using sammanstallning::Round;
using sammanstallning::ScopeSplit;
using sammanstallning::SourceLine;
using sammanstallning::SupplierRound;

std::string table_label(std::string_view table) {
  if (table == "forvaltning") return "Förvaltning (3.1a)";
  if (table == "utveckling") return "Utveckling (3.1b)";
  return "Nya insatser (3.1c)";
}

/// "Tilläggstjänst", "Saknas i katalogen".
std::string category_label(fordelning::Category c) {
  if (c == fordelning::Category::okand) return "Saknas i tjänstekatalogen";
  return std::string(fordelning::category_text(c));
}

lxw_row_t write_reconciliation(Sheet& ws, lxw_row_t row, const Context& c) {
  ws.text(row++, 0, "Inom och utanför ramarna, per leverantör, tabell och år", kBold);
  ws.headings(row++, 0,
              {"Leverantör", "Tabell", "År", "Inom ramarna (tkr)", "Utanför ramarna (tkr)",
               "Summa av underlagets rader (tkr)"});
  for (const SupplierRound& s : c.round.suppliers) {
    for (const ScopeSplit& x : s.scope) {
      ws.text(row, 0, s.name);
      ws.text(row, 1, table_label(x.table));
      ws.number(row, 2, x.year, Look{.number = kCount});
      ws.kronor(row, 3, x.in_frames_kr);
      ws.kronor(row, 4, x.outside_kr);
      ws.formula_kr(row, 5, fmt::format("{}+{}", a1(row, 3), a1(row, 4)), x.total_kr);
      ++row;
    }
  }
  return row + 1;
}

lxw_row_t write_outside_lines(Sheet& ws, lxw_row_t row, const Context& c) {
  const int y = c.round.year;
  ws.text(row++, 0, "Rader utanför ramarna", kBold);
  lxw_row_t head = row;
  ws.headings(row++, 0,
              {"Leverantör", "Tabell", "Tjänst / insats", "Område", "Kategori", "Finansiering",
               year_label(y, -1) + " (tkr)", year_label(y, 0) + " (tkr)", "Varför utanför ramarna",
               "Källa"});
  bool any = false;
  for (const SupplierRound& s : c.round.suppliers) {
    for (const SourceLine& l : s.lines) {
      if (l.in_frames) continue;
      any = true;
      ws.text(row, 0, s.name);
      ws.text(row, 1, table_label(l.table));
      ws.text(row, 2, l.service);
      ws.text(row, 3, l.area);
      ws.text(row, 4, category_label(l.category));
      ws.text(row, 5, std::string(fordelning::financing_text(l.financing)));
      for (int k : {-1, 0}) {
        auto it = l.amounts_kr.find(y + k);
        ws.kronor(row, static_cast<lxw_col_t>(7 + k),
                  it == l.amounts_kr.end() ? std::nullopt : std::optional(it->second));
      }
      ws.text(row, 8, l.reason, Look{.wrap = true});
      auto src = l.sources.find(y);
      if (src == l.sources.end()) src = l.sources.find(y - 1);
      if (src != l.sources.end()) ws.text(row, 9, source_text(src->second, s.file));
      ++row;
    }
  }
  if (!any) ws.text(row++, 0, "Alla rader ligger inom ramarna.", kNote);
  ws.autofilter(head, 0, std::max(head, row - 1), 9);
  return row + 1;
}

}  // namespace

void write_outside(Sheet& ws, const Context& c) {
  ws.widths({40, 20, 48, 22, 24, 20, 13, 13, 60, 40});
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Utanför ramarna", kTitle);
  std::string intro =
      c.round.catalogue
          ? "Ramarna (Tabell 1 och 2, alternativen) omfattar bara bastjänster och digital "
            "infrastruktur som leverantören själv ansvarar för, enligt tjänstekatalogen i "
            "kunder.xlsx (bladet Tjänster). Allt annat en leverantör redovisar står här med "
            "kategori och skäl. För varje leverantör, tabell och år är inom ramarna plus utanför "
            "ramarna summan av underlagets rader."
          : "Omgången har ingen tjänstekatalog (kunder.xlsx, bladet Tjänster, saknar kolumnen "
            "Kategori): alla rader räknas som bastjänster eller digital infrastruktur och ligger "
            "inom ramarna.";
  ws.paragraph(row++, 0, 8, intro, 200);
  ws.paragraph(row++, 0, 8, std::string(kAmountNote), 200, kNote);
  ++row;
  row = write_reconciliation(ws, row, c);
  write_outside_lines(ws, row, c);
  ws.freeze(ws.top() + 1, 0);
}

void write_adjustments(Sheet& ws, const Context& c) {
  const Round& r = c.round;
  ws.widths({40, 22, 40, 8, 16, 16, 50, 50, 30});
  lxw_row_t row = ws.top();
  ws.text(row++, 0, "Beredningens justeringar", kTitle);
  ws.paragraph(row++, 0, 8,
               "Siffror som beredningsfunktionen har ersatt eller lagt till ([[justering]] i "
               "omgang.toml), med underlagets egen siffra bredvid. Varje sådan siffra är märkt "
               "i beslutsbilagan och har fyndet ADJUSTED.",
               200);
  ++row;
  lxw_row_t head = row;
  ws.headings(row++, 0,
              {"Leverantör", "Tabell", "Område eller tjänst", "År", "Underlagets siffra (tkr)",
               "Beredningens siffra (tkr)", "Källa", "Motivering", "Var"});
  auto put = [&](const std::string& supplier, std::string_view table, const std::string& what,
                 const sammanstallning::Adjusted& a, const std::string& where) {
    const sammanstallning::Justering& j = r.settings.justeringar[a.justering];
    ws.text(row, 0, supplier);
    ws.text(row, 1, table == "forvaltning" ? "Förvaltning" : "Utveckling");
    ws.text(row, 2, what);
    ws.number(row, 3, a.year, Look{.number = kCount});
    if (a.submitted_kr) {
      ws.kronor(row, 4, a.submitted_kr);
    } else {
      ws.text(row, 4, "saknas", kNote);
    }
    ws.kronor(row, 5, a.adjusted_kr, kBold);
    ws.text(row, 6, j.kalla, Look{.wrap = true});
    ws.text(row, 7, j.motivering, Look{.wrap = true});
    ws.text(row, 8, where);
    ++row;
  };
  bool any = false;
  for (const sammanstallning::SupplierRound& s : r.suppliers) {
    for (const char* table : {"forvaltning", "utveckling"}) {
      const auto& rows = std::string_view(table) == "forvaltning" ? s.forvaltning : s.utveckling;
      for (const sammanstallning::AreaRow& a : rows) {
        for (const sammanstallning::Adjusted& adj : a.adjusted) {
          std::string what = a.area.empty() ? "hela leverantören" : a.area;
          put(s.name, table, what, adj,
              fmt::format("omgang.toml rad {}", r.settings.justeringar[adj.justering].rad));
          any = true;
        }
      }
    }
    for (const SourceLine& l : s.lines) {
      for (const sammanstallning::Adjusted& adj : l.adjusted) {
        auto src = l.sources.find(adj.year);
        put(s.name, l.table, l.service, adj,
            src == l.sources.end() ? std::string() : source_text(src->second, s.file));
        any = true;
      }
    }
  }
  if (!any) ws.text(row++, 0, "Inga siffror är justerade.", kNote);
  ws.autofilter(head, 0, std::max(head, row - 1), 8);
  ws.freeze(head + 1, 0);
}

}  // namespace arsanalys::output::summary

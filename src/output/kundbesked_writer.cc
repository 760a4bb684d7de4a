// kunder/<Kund-id>.xlsx: one customer's statement (kundbesked) in plain Swedish.
//
// One sheet, "Kundbesked": what the customer pays this year in all and against last year;
// per supplier and service the service's amount, the key, the customer's measure and share,
// its kronor, last year's kronor by the same key and the change, with a subtotal per supplier
// and the total (formulas with their cached values); then how each key works. A customer
// charged nothing gets a statement that says so.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analys/recognise.h"
#include "core/names.h"
#include "core/text.h"
#include "output/allocation_layout.h"
#include "output/bridge_text.h"
#include "output/fordelning_writer.h"
#include "writer/lean_xlsx.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

using namespace alloc;  // NOLINT: the layout helpers are this file's vocabulary
using fordelning::Allocation;
using fordelning::Customer;
using fordelning::Key;
using fordelning::LineAllocation;

constexpr std::string_view kSubject = "Kundbeskedet";
const std::string kSheet = "Kundbesked";
const std::string kBridgeSheet = "Varför ändras beloppet";

// Columns of the statement.
enum Col : lxw_col_t {
  kSupplier,
  kService,
  kTable,
  kKey,
  kMeasure,
  kShare,
  kLineAmount,
  kKr,
  kPrevious,
  kChange,
  kSource,
  kCols
};
constexpr double kWidths[kCols] = {30, 38, 13, 30, 34, 13, 16, 16, 16, 14, 34};

/// One line of the statement.
struct Item {
  const LineAllocation* line = nullptr;
  std::size_t index = 0;                 // of the line in book.current.lines
  std::int64_t kr = 0;                   // the customer's kronor this year (0 when not selected)
  bool selected = false;                 // the key selects the customer this year
  std::optional<std::int64_t> previous;  // last year's kronor by the same key, when known
};

/// The key's steps that select the customer, as the measure text of the statement.
std::string measure_of(const Key& key, const Allocation& a, const fordelning::Kunder& kunder,
                       fordelning::CustomerFinder& finder) {
  std::vector<std::string> parts;
  for (const auto& step : a.steps) {
    if (const fordelning::CustomerShare* c = finder.in(step)) {
      const fordelning::Step& def = key.steps[step.step];
      std::string text = measure_text(def, fordelning::measure_values(def, *c->customer, kunder));
      parts.push_back(a.steps.size() > 1 ? fmt::format("steg {}: {}", step.step + 1, text) : text);
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

/// The lines of each supplier of `suppliers` (suppliers_of(book.current)), in the order a
/// statement lists them: by table, then as they come.
std::vector<std::vector<std::size_t>> lines_of(const AllocationBook& book,
                                               const std::vector<std::string>& suppliers) {
  std::vector<std::vector<std::size_t>> out;
  for (const std::string& supplier : suppliers) {
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i < book.current.lines.size(); ++i) {
      if (book.current.lines[i].supplier == supplier) lines.push_back(i);
    }
    std::stable_sort(lines.begin(), lines.end(), [&](std::size_t a, std::size_t b) {
      return table_rank(book.current.lines[a].table) < table_rank(book.current.lines[b].table);
    });
    out.push_back(std::move(lines));
  }
  return out;
}

/// The per-customer lists a statement looks its customer up in: every line's customers_kr, then
/// its line of last year's (nullptr where there is none).
fordelning::CustomerPlaces list_places(const AllocationBook& book,
                                       const std::vector<const LineAllocation*>& previous) {
  std::vector<const fordelning::CustomerKronor*> lists;
  for (const LineAllocation& l : book.current.lines) {
    lists.push_back(l.allocation ? &l.allocation->customers_kr : nullptr);
  }
  for (const LineAllocation* p : previous) {
    lists.push_back(p != nullptr && p->allocation ? &p->allocation->customers_kr : nullptr);
  }
  return fordelning::CustomerPlaces(std::move(lists), book.kunder);
}

/// The statement's lines, grouped by supplier in the round's order.
/// `previous`: previous_lines(book.current, book.previous); `lines`: lines_of(book, suppliers);
/// `places`: list_places(book, previous).
/// `bridged`: per line of book.current its line of the bridge (when the round has one): last
/// year's figure is then what the bridge starts from (S0), so the statement reconciles with it.
std::vector<std::pair<std::string, std::vector<Item>>> items_of(
    const AllocationBook& book, const std::vector<const LineAllocation*>& previous,
    const std::vector<const fordelning::BridgeLine*>& bridged,
    const std::vector<std::string>& suppliers, const std::vector<std::vector<std::size_t>>& lines,
    const fordelning::CustomerPlaces& places, const fordelning::Customer& customer) {
  std::vector<std::pair<std::string, std::vector<Item>>> out;
  for (std::size_t s = 0; s < suppliers.size(); ++s) {
    const std::string& supplier = suppliers[s];
    std::vector<Item> items;
    for (std::size_t i : lines[s]) {
      const LineAllocation& l = book.current.lines[i];
      Item item{&l, i, 0, false, std::nullopt};
      if (const fordelning::CustomerKr* e = places.find(i, customer)) {
        item.selected = true;
        item.kr = e->kr;
      }
      const LineAllocation* p = previous[i];
      if (book.bridge != nullptr) {
        item.previous = 0;
        if (const fordelning::BridgeLine* b = bridged[i]) {
          auto it = b->customers.find(customer.id);
          if (it != b->customers.end()) item.previous = it->second.last_kr;
        }
      } else if (p != nullptr && p->allocation) {
        // Last year's lists follow this year's in `places` (list_places()).
        const fordelning::CustomerKr* e = places.find(book.current.lines.size() + i, customer);
        item.previous = e == nullptr ? 0 : e->kr;
      }
      bool charged_before = item.previous && *item.previous != 0;
      if (item.selected || charged_before) items.push_back(item);
    }
    if (!items.empty()) out.emplace_back(supplier, std::move(items));
  }
  return out;
}

/// The figures of the statement for the summary at the top.
struct Totals {
  std::int64_t kr = 0;
  std::int64_t previous = 0;
  std::int64_t change = 0;      // over the lines whose last year is known
  bool previous_partial = false;  // some line lacks it
  std::vector<lxw_row_t> known_rows;  // subtotal rows of the suppliers with last year's figures
  lxw_row_t total_row = 0;
};

/// What a statement shows of a key for its customer: the measure text and the share. Both
/// depend only on the key (weighed once per round), not on the line, so a statement works
/// them out once per key instead of once per line.
struct KeyView {
  std::string measure;
  std::optional<KeyShare> share;
};

class KeyViews {
 public:
  KeyViews(const fordelning::Kunder& kunder, fordelning::CustomerFinder& finder)
      : kunder_(kunder), finder_(finder) {}
  const KeyView& of(const LineAllocation& l) {
    auto [it, made] = views_.try_emplace(l.key);
    if (made) {
      it->second.measure = measure_of(*l.key, *l.allocation, kunder_, finder_);
      it->second.share = customer_share(*l.allocation, finder_);
    }
    return it->second;
  }

 private:
  const fordelning::Kunder& kunder_;
  fordelning::CustomerFinder& finder_;
  std::map<const Key*, KeyView> views_;
};

/// Per line of the round, what every statement writes alike, and whether the statement's
/// customer has left the register (its lines of last year are then no longer its).
struct LineTexts {
  const std::vector<std::string>& sources;
  const std::vector<std::size_t>& fixed_lines;
  bool customer_left = false;
};

void write_item(LeanSheet& ws, lxw_row_t row, const Item& item, KeyViews& keys,
                const LineTexts& texts) {
  const LineAllocation& l = *item.line;
  ws.text(row, kService, l.service, {.wrap = true});
  ws.text(row, kTable, table_label(l.table));
  ws.text(row, kKey, l.key != nullptr ? l.key->name : "", {.wrap = true});
  std::size_t measure_lines = 1;
  if (item.selected && l.charging == fordelning::Charging::to_customer) {
    static const std::string kDelivered =
        "levereras till er som del av er egen tjänst: hela beloppet";
    ws.text(row, kKey, "Levereras till er", {.wrap = true});
    ws.text(row, kMeasure, kDelivered, {.wrap = true});
    ws.number(row, kShare, 1.0, percent_look());
    measure_lines = lines_needed(kDelivered, kWidths[kMeasure]);
  } else if (item.selected && l.key != nullptr) {
    const KeyView& view = keys.of(l);
    ws.text(row, kMeasure, view.measure, {.wrap = true});
    if (view.share) ws.number(row, kShare, static_cast<double>(view.share->value), percent_look());
    measure_lines = lines_needed(view.measure, kWidths[kMeasure]);
  } else {
    static const std::string kNotSelected = "ingår inte i nyckelns urval i år";
    static const std::string kLeft = "inte kund i år";
    const std::string& why = texts.customer_left ? kLeft : kNotSelected;
    ws.text(row, kMeasure, why, {.italic = true, .wrap = true});
    measure_lines = lines_needed(why, kWidths[kMeasure]);
  }
  ws.kronor(row, kLineAmount, l.amount_kr);
  ws.kronor(row, kKr, item.kr, {.bold = true});
  if (item.previous) {
    ws.kronor(row, kPrevious, *item.previous);
    ws.formula(row, kChange, fmt::format("={}-{}", cell(row, kKr), cell(row, kPrevious)),
               static_cast<double>(item.kr - *item.previous), kronor_look());
  } else {
    ws.text(row, kPrevious, "uppgift saknas", {.italic = true});
  }
  ws.text(row, kSource, texts.sources[item.index], {.wrap = true});
  ws.height(row, std::max(texts.fixed_lines[item.index], measure_lines));
}

/// The lines of one supplier and its subtotal row; returns the subtotal's row.
lxw_row_t write_supplier(LeanSheet& ws, lxw_row_t& row, const std::string& supplier,
                         const std::vector<Item>& items, KeyViews& keys,
                         const LineTexts& texts, bool with_previous, Totals& totals) {
  const lxw_row_t first = row;
  std::int64_t kr = 0, previous = 0, change = 0;
  bool known = false;
  for (const Item& item : items) {
    ws.text(row, kSupplier, supplier, {.wrap = true});
    write_item(ws, row, item, keys, texts);
    kr += item.kr;
    if (item.previous) {
      known = true;
      previous += *item.previous;
      change += item.kr - *item.previous;
    } else {
      totals.previous_partial = true;
    }
    ++row;
  }
  const lxw_row_t last = row - 1;
  ws.merged(row, kSupplier, kShare, fmt::format("Summa {}", supplier), total_text_look());
  ws.blank(row, kLineAmount, total_text_look());
  ws.formula(row, kKr, fmt::format("=SUM({})", range(first, kKr, last, kKr)),
             static_cast<double>(kr), kronor_look(true));
  if (with_previous && known) {
    totals.known_rows.push_back(row);
    ws.formula(row, kPrevious, fmt::format("=SUM({})", range(first, kPrevious, last, kPrevious)),
               static_cast<double>(previous), kronor_look(true));
    // The change over the lines whose last year is known, as in the column above.
    ws.formula(row, kChange, fmt::format("=SUM({})", range(first, kChange, last, kChange)),
               static_cast<double>(change), kronor_look(true));
  } else if (with_previous) {
    ws.text(row, kPrevious, "uppgift saknas", {.italic = true, .fill = kTotalFill, .rule = true});
    ws.blank(row, kChange, total_text_look());
  } else {
    ws.blank(row, kPrevious, total_text_look());
    ws.blank(row, kChange, total_text_look());
  }
  ws.blank(row, kSource, total_text_look());
  totals.kr += kr;
  totals.previous += previous;
  totals.change += change;
  return row++;
}

/// "=H12+H20" over the subtotal rows.
std::string plus_of(const std::vector<lxw_row_t>& rows, lxw_col_t col) {
  std::string f = "=";
  for (std::size_t i = 0; i < rows.size(); ++i) f += (i > 0 ? "+" : "") + cell(rows[i], col);
  return f;
}

/// How each key of the statement works and the customer's share of it.
lxw_row_t write_keys(LeanSheet& ws, lxw_row_t row, const AllocationBook& book,
                     const std::vector<std::pair<std::string, std::vector<Item>>>& groups,
                     const Customer& customer, const CustomerStatements& statements) {
  struct KeyLine {
    const Key* key;
    const Allocation* allocation;
    std::size_t index;  // of the line in book.current.lines
  };
  std::vector<KeyLine> keys;
  for (const auto& [supplier, items] : groups) {
    for (const Item& item : items) {
      const LineAllocation& l = *item.line;
      if (l.key == nullptr || !l.allocation) continue;
      bool seen = std::any_of(keys.begin(), keys.end(), [&](auto& k) { return k.key == l.key; });
      if (!seen) keys.push_back({l.key, &*l.allocation, item.index});
    }
  }
  if (keys.empty()) return row;
  ws.text(row++, 0, "Så fördelas kostnaderna", bold_look());
  ws.merged(row, kSupplier, kService, "Nyckel", heading_look());
  ws.merged(row, kTable, kMeasure, "Så fungerar nyckeln", heading_look());
  ws.merged(row, kShare, kKr, "Er andel av nyckeln", heading_look());
  ++row;
  for (const auto& [key, a, index] : keys) {
    std::string how = key_explanation(*key, book.kunder);
    std::string yours = readable_share(*key, *a, book.kunder, customer.id,
                                       &statements.step_totals(index))
                            .value_or("ingår inte");
    ws.merged(row, kSupplier, kService, key->name, {.bold = true, .wrap = true});
    ws.merged(row, kTable, kMeasure, how, {.wrap = true});
    ws.merged(row, kShare, kKr, yours, {.wrap = true});
    ws.height(row, std::max(lines_needed(how, kWidths[kTable] + kWidths[kKey] + kWidths[kMeasure]),
                            lines_needed(key->name, kWidths[kSupplier] + kWidths[kService])));
    ++row;
  }
  return row;
}

/// The suppliers' lines that no customer pays by a key, the same in every statement: services
/// invoiced per order, work funded by kommunbidrag, and components one supplier delivers to
/// another's service (the chain: the customers pay it once, in the receiving supplier's service).
lxw_row_t write_not_by_key(LeanSheet& ws, lxw_row_t row, const AllocationBook& book,
                           const std::vector<std::size_t>& lines, double all_width) {
  if (lines.empty()) return row;
  ws.text(row++, 0, "Tjänster som inte fördelas med nyckel", bold_look());
  ws.paragraph(row++, 0, kCols - 1,
               "Dessa rader i leverantörernas underlag ingår inte i beloppen ovan. Tjänster som "
               "faktureras per beställning betalar ni bara om ni beställer dem, efter "
               "leverantörens pris. Det som finansieras med kommunbidrag debiteras ingen kund. "
               "En komponent som en leverantör levererar till en annan leverantörs tjänst "
               "debiteras den leverantören och ingår i dess tjänster ovan, så att ni betalar den "
               "en gång.",
               all_width);
  ws.text(row, kSupplier, "Leverantör", heading_look());
  ws.text(row, kService, "Tjänst", heading_look());
  ws.merged(row, kTable, kShare, "Så hanteras den", heading_look());
  ws.text(row, kLineAmount, fmt::format("Belopp {} (kr)", book.current.year), heading_look());
  ++row;
  for (std::size_t i : lines) {
    const LineAllocation& l = book.current.lines[i];
    std::string how = not_charged_text(l);
    ws.text(row, kSupplier, l.supplier, {.wrap = true});
    ws.text(row, kService, l.service, {.wrap = true});
    ws.merged(row, kTable, kShare, how, {.wrap = true});
    ws.kronor(row, kLineAmount, l.amount_kr);
    ws.height(row, std::max({lines_needed(how, kWidths[kTable] + kWidths[kKey] +
                                                   kWidths[kMeasure] + kWidths[kShare]),
                             lines_needed(l.service, kWidths[kService]),
                             lines_needed(l.supplier, kWidths[kSupplier])}));
    ++row;
  }
  return row + 1;
}


// Columns of the sheet "Varför ändras beloppet".
enum BridgeCol : lxw_col_t { bSupplier, bService, bLast, bThis, bChange, bParts, bWhy = bParts + 7, bCols };
constexpr double kBridgeWidths[bCols] = {26, 32, 14, 14, 14, 15, 15, 15, 15, 15, 15, 15, 90};

/// What each part means, for the summary of the sheet.
const char* part_meaning(int i) {
  static const char* kMeaning[7] = {
      "leverantörens index (pris) på förra årets budget",
      "tjänsternas kostnad i år utöver index, mot förra årets budget (eller mot vad ni "
      "debiterades förra året)",
      "nycklarna: en annan nyckel för tjänsten, eller nyckelns andelar, urval eller mått ändrade",
      "era egna uppgifter i kundregistret (mått, kundtyp)",
      "de andra kundernas uppgifter i kundregistret",
      "tjänster som är nya i år eller har upphört",
      "tjänstekatalogen: kategori, finansiering, vilka kunder som använder tjänsten, mottagare"};
  return kMeaning[i];
}

/// The sheet "Varför ändras beloppet": the change from last year in parts, in all and per
/// service, with a sentence per part.
void write_bridge_sheet(LeanSheet& ws, const AllocationBook& book, const Customer& customer) {
  const fordelning::Bridge& bridge = *book.bridge;
  const int year = bridge.year;
  for (lxw_col_t c = 0; c < bCols; ++c) ws.width(c, c, kBridgeWidths[c]);
  double all_width = 0;
  for (double w : kBridgeWidths) all_width += w;
  auto it = bridge.customers.find(customer.id);
  const fordelning::CustomerBridge b =
      it != bridge.customers.end() ? it->second : fordelning::CustomerBridge{};
  std::string name = customer.name.empty() ? customer.id : customer.name;

  lxw_row_t row = ws.banner(book.draft, bCols - 1);
  ws.text(row++, 0, fmt::format("Varför ändras beloppet {}: {}", year, name), title_look());
  ws.paragraph(row++, 0, bCols - 1,
               fmt::format("Förändringen från förra året till i år, uppdelad på sina orsaker i "
                           "hela kronor. Förra året är {}. Delarna räknas i en fast ordning (se "
                           "längst ner) och summerar exakt till förändringen.",
                           bridge_base_text(bridge)),
               all_width);
  ++row;
  Look label{.bold = true};
  const lxw_row_t last_row = row, this_row = row + 1, change_row = row + 2;
  ws.text(last_row, 0, fmt::format("Förra året ({})", year - 1), label);
  ws.kronor(last_row, 1, b.last_year_kr);
  ws.text(this_row, 0, fmt::format("I år ({})", year), label);
  ws.kronor(this_row, 1, b.this_year_kr);
  ws.text(change_row, 0, "Förändring", label);
  ws.formula(change_row, 1, fmt::format("={}-{}", cell(this_row, 1), cell(last_row, 1)),
             static_cast<double>(b.this_year_kr - b.last_year_kr), kronor_look(true));
  row += 4;
  ws.text(row, 0, "Orsak", heading_look());
  ws.text(row, 1, "Belopp (kr)", heading_look());
  ws.merged(row, 2, bWhy, "Vad det är", heading_look());
  ++row;
  const lxw_row_t first_part = row;
  for (int i = 0; i < 7; ++i) {
    ws.text(row, 0, bridge_part_label(i));
    ws.kronor(row, 1, fordelning::part(b.parts, i));
    ws.merged(row, 2, bWhy, part_meaning(i), {.wrap = true});
    ++row;
  }
  ws.text(row, 0, "Summa = förändringen", total_text_look());
  ws.formula(row, 1, fmt::format("=SUM({})", range(first_part, 1, row - 1, 1)),
             static_cast<double>(b.parts.sum()), kronor_look(true));
  row += 2;

  // Per service.
  ws.text(row++, 0, "Per tjänst", bold_look());
  const lxw_row_t header = row++;
  std::vector<std::string> heads = {"Leverantör", "Tjänst",
                                    fmt::format("Förra året {} (kr)", year - 1),
                                    fmt::format("I år {} (kr)", year), "Förändring (kr)"};
  for (int i = 0; i < 7; ++i) heads.push_back(bridge_part_label(i));
  heads.push_back("Varför");
  for (lxw_col_t c = 0; c < bCols; ++c) ws.text(header, c, heads[c], heading_look());
  ws.height(header, 3);  // the parts' names in narrow columns
  bool any = false;
  for (const fordelning::BridgeLine& line : bridge.lines) {
    auto c = line.customers.find(customer.id);
    if (c == line.customers.end()) continue;
    const fordelning::CustomerLineBridge& x = c->second;
    if (x.last_kr == 0 && x.this_kr == 0 && x.parts == fordelning::BridgeParts{}) continue;
    any = true;
    ws.text(row, bSupplier, line.supplier, {.wrap = true});
    std::string service = line.table == "forvaltning" || line.table.empty()
                              ? line.service
                              : fmt::format("{} ({})", line.service,
                                            line.table == "utveckling" ? "utveckling"
                                                                       : "ny insats");
    ws.text(row, bService, service, {.wrap = true});
    ws.kronor(row, bLast, x.last_kr);
    ws.kronor(row, bThis, x.this_kr);
    ws.formula(row, bChange, fmt::format("={}-{}", cell(row, bThis), cell(row, bLast)),
               static_cast<double>(x.this_kr - x.last_kr), kronor_look());
    for (int i = 0; i < 7; ++i) {
      ws.kronor(row, static_cast<lxw_col_t>(bParts + i), fordelning::part(x.parts, i));
    }
    std::vector<std::string> why = bridge_sentences(bridge, line, customer.id);
    std::string text;
    for (const std::string& w : why) text += (text.empty() ? "" : "\n") + w;
    if (text.empty()) text = "Oförändrat.";
    ws.text(row, bWhy, text, {.wrap = true});
    std::size_t lines = 0;
    for (const std::string& w : why) lines += lines_needed(w, kBridgeWidths[bWhy]);
    ws.height(row, std::max({lines, lines_needed(service, kBridgeWidths[bService]),
                             lines_needed(line.supplier, kBridgeWidths[bSupplier])}));
    ++row;
  }
  if (!any) {
    ws.paragraph(row++, 0, bCols - 1,
                 fmt::format("{} debiterades ingenting förra året och debiteras ingenting i år.",
                             name),
                 all_width);
  }
  ++row;
  ws.paragraph(
      row++, 0, bCols - 1,
      fmt::format(
          "Så räknas delarna. Varje tjänst fördelas i en fast ordning av steg, varje gång i hela "
          "kronor efter avtalets regler (största rest): (1) förra årets budget {0} med förra årets "
          "nycklar, mått och tjänstekatalog; (2) samma budget uppräknad med leverantörens index "
          "(förvaltning); (3) årets belopp med förra årets nycklar och mått; (4) årets nycklar på "
          "förra årets mått; (5) årets nycklar på årets mått; (6) årets fördelning, med årets "
          "tjänstekatalog. Index = (2) − (1); kostnad = (3) − (2) och skillnaden mellan vad ni "
          "debiterades förra året och (1); nyckel = (4) − (3); volym = (5) − (4), varav er egen "
          "volym är vad som ändras när bara era egna uppgifter byts till årets; katalog = (6) − "
          "(5). En tjänst som bara finns ett av åren är ny eller upphörd. Underlag: "
          "resultat.json (bridge) och fordelning.xlsx.",
          year - 1),
      all_width, {.italic = true});
  ws.freeze(header + 1, 2);
  ws.print_wide(header, header);
}

}  // namespace

std::string customer_xlsx(const AllocationBook& book, const Customer& customer) {
  return CustomerStatements(book).xlsx(customer);
}

CustomerStatements::CustomerStatements(const AllocationBook& book)
    : book_(book),
      previous_(previous_lines(book.current, book.previous)),
      suppliers_(suppliers_of(book.current)),
      supplier_lines_(lines_of(book, suppliers_)),
      places_(list_places(book, previous_)) {
  for (const LineAllocation& l : book.current.lines) {
    sources_.push_back(source_text(l));
    fixed_lines_.push_back(std::max({lines_needed(l.supplier, kWidths[kSupplier]),
                                     lines_needed(l.service, kWidths[kService]),
                                     lines_needed(l.key != nullptr ? l.key->name : "", kWidths[kKey]),
                                     lines_needed(sources_.back(), kWidths[kSource])}));
    if (l.charging == fordelning::Charging::invoiced ||
        l.charging == fordelning::Charging::kommunbidrag ||
        l.charging == fordelning::Charging::to_supplier) {
      not_by_key_.push_back(fixed_lines_.size() - 1);
    }
  }
  totals_once_ = std::make_unique<std::once_flag[]>(book.current.lines.size());
  totals_.resize(book.current.lines.size());
  bridged_.assign(book.current.lines.size(), nullptr);
  if (book.bridge != nullptr) {
    for (const fordelning::BridgeLine& b : book.bridge->lines) {
      if (b.current && *b.current < bridged_.size()) {
        bridged_[*b.current] = &b;
      } else if (!b.current) {
        ended_.push_back(&b);
      }
    }
  }
}

const std::vector<std::string>& CustomerStatements::step_totals(std::size_t i) const {
  std::call_once(totals_once_[i], [&] {
    const LineAllocation& l = book_.current.lines[i];
    if (l.key != nullptr && l.allocation) {
      totals_[i] = step_total_texts(*l.key, *l.allocation, book_.kunder);
    }
  });
  return totals_[i];
}

std::string CustomerStatements::xlsx(const Customer& customer) const {
  const AllocationBook& book = book_;
  const int year = book.current.year;
  const int last_year = book.previous != nullptr && book.previous->year != 0 ? book.previous->year
                                                                             : year - 1;
  // Last year's figures: when the run computed them and some line of last year was allocated.
  const bool with_previous =
      book.bridge != nullptr ||
      (book.previous != nullptr &&
       std::any_of(book.previous->lines.begin(), book.previous->lines.end(),
                   [](const LineAllocation& l) { return l.allocation.has_value(); }));
  fordelning::CustomerFinder finder(customer);
  auto groups = items_of(book, previous_, bridged_, suppliers_, supplier_lines_, places_, customer);
  KeyViews keys(book.kunder, finder);
  const bool left = book.kunder.customer(customer.id) == nullptr;  // left the register
  const LineTexts texts{sources_, fixed_lines_, left};

  LeanSheet ws(std::string(kSubject), kSheet);
  ws.set_properties({.title = fmt::format("{}Kundbesked {}: {}", book.draft ? style::kDraftTitlePrefix : "",
                                            year, customer.name),
                       .subject = fmt::format("Kund-id {}", customer.id),
                       .created = new_year(year != 0 ? year - 1 : 2000)});
  for (lxw_col_t c = 0; c < kCols; ++c) ws.width(c, c, kWidths[c]);
  double all_width = 0;
  for (double w : kWidths) all_width += w;

  lxw_row_t row = ws.banner(book.draft, kCols - 1);
  std::string name = customer.name.empty() ? customer.id : customer.name;
  ws.text(row++, 0, fmt::format("Kundbesked {}: {}", year, name), title_look());
  ws.text(row++, 0,
          fmt::format("Kund-id {}{}", customer.id, customer.typ.empty() ? "" : ", " + customer.typ));
  const lxw_row_t summary = row;
  row += 3;
  ws.paragraph(row++, 0, kCols - 1,
               fmt::format("Så här mycket betalar {} {} för stadens gemensamma digitala tjänster, "
                           "per leverantör och tjänst, i hela kronor. Varje tjänsts belopp är "
                           "leverantörens budget för {} och fördelas på kunderna efter tjänstens "
                           "fördelningsnyckel; Er andel är den del av beloppet som faller på er, "
                           "Ert mått det värde i kunder.xlsx som andelen bygger på. {}",
                           name, year, year,
                           book.bridge != nullptr
                               ? fmt::format("Förra året är {}; varför beloppet ändras står i "
                                             "bladet Varför ändras beloppet.",
                                             bridge_base_text(*book.bridge))
                               : fmt::format("Förra året är samma tjänster budget {} fördelad "
                                             "med samma nycklar.",
                                             last_year)),
               all_width);
  if (left) {
    ws.paragraph(row++, 0, kCols - 1,
                 fmt::format("{} finns inte med i årets kunder.xlsx och debiteras ingenting {}. "
                             "Beskedet visar vad {} debiterades {} och att det upphör.",
                             name, year, name, last_year),
                 all_width, {.bold = true});
  }
  ++row;
  const lxw_row_t header = row++;
  const std::string heads[kCols] = {"Leverantör",
                                    "Tjänst",
                                    "Kostnadsslag",
                                    "Nyckel",
                                    "Ert mått",
                                    "Er andel",
                                    fmt::format("Tjänstens belopp {} (kr)", year),
                                    fmt::format("Ert belopp {} (kr)", year),
                                    fmt::format("Förra året {} (kr)", last_year),
                                    "Förändring (kr)",
                                    "Källa (leverantörens fil och cell)"};
  for (lxw_col_t c = 0; c < kCols; ++c) ws.text(header, c, heads[c], heading_look());
  ws.height(header, 2);

  Totals totals;
  std::vector<lxw_row_t> subtotals;
  for (const auto& [supplier, items] : groups) {
    subtotals.push_back(write_supplier(ws, row, supplier, items, keys, texts, with_previous, totals));
  }
  // Services charged last year that are gone: their kronor belong to last year's total.
  std::int64_t ended = 0;
  for (const fordelning::BridgeLine* b : ended_) {
    auto it = b->customers.find(customer.id);
    if (it != b->customers.end()) ended += it->second.last_kr;
  }
  if (ended != 0) {
    ws.merged(row, kSupplier, kLineAmount, "Tjänster som upphört sedan förra året",
              {.italic = true});
    ws.kronor(row, kKr, 0);
    ws.kronor(row, kPrevious, ended);
    ws.formula(row, kChange, fmt::format("={}-{}", cell(row, kKr), cell(row, kPrevious)),
               static_cast<double>(-ended), kronor_look());
    totals.known_rows.push_back(row);
    subtotals.push_back(row);
    totals.previous += ended;
    totals.change -= ended;
    ++row;
  }
  if (groups.empty() && ended == 0) {
    ws.paragraph(row++, 0, kCols - 1,
                 fmt::format("{} debiteras ingenting {}: ingen av årets tjänster fördelas med en "
                             "nyckel som omfattar {} ({}).",
                             name, year, name, customer.id),
                 all_width, {.bold = true});
  }
  // The total.
  totals.total_row = row;
  ws.merged(row, kSupplier, kLineAmount, fmt::format("Totalt att betala {}", year),
            total_text_look());
  if (subtotals.empty()) {
    ws.kronor(row, kKr, 0, kronor_look(true));
  } else {
    ws.formula(row, kKr, plus_of(subtotals, kKr), static_cast<double>(totals.kr),
               kronor_look(true));
  }
  if (with_previous && !totals.known_rows.empty()) {
    ws.formula(row, kPrevious, plus_of(totals.known_rows, kPrevious),
               static_cast<double>(totals.previous), kronor_look(true));
    ws.formula(row, kChange, plus_of(totals.known_rows, kChange),
               static_cast<double>(totals.change), kronor_look(true));
  } else if (with_previous && subtotals.empty()) {  // charged nothing last year either
    ws.kronor(row, kPrevious, 0, kronor_look(true));
    ws.kronor(row, kChange, 0, kronor_look(true));
  } else {
    ws.blank(row, kPrevious, total_text_look());
    ws.blank(row, kChange, total_text_look());
  }
  ws.blank(row, kSource, total_text_look());
  row += 2;
  const bool previous_shown = with_previous && (!totals.known_rows.empty() || subtotals.empty());

  // The summary at the top points at the total row.
  Look label{.bold = true};
  ws.text(summary, 0, fmt::format("Att betala {}", year), label);
  ws.formula(summary, 1, "=" + cell(totals.total_row, kKr), static_cast<double>(totals.kr),
             {.bold = true, .number = kKronor});
  ws.text(summary + 1, 0,
          // Short enough for the column (the paragraph below says on what basis).
          book.bridge != nullptr && book.bridge->base == fordelning::BridgeBase::resultat
              ? fmt::format("Debiterat {}", last_year)
              : fmt::format("Förra året ({})", last_year),
          label);
  if (previous_shown) {
    ws.formula(summary + 1, 1, "=" + cell(totals.total_row, kPrevious),
               static_cast<double>(totals.previous), {.number = kKronor});
    ws.text(summary + 2, 0, "Förändring", label);
    ws.formula(summary + 2, 1, "=" + cell(totals.total_row, kChange),
               static_cast<double>(totals.change), {.number = kKronor});
    if (book.bridge != nullptr) {
      ws.text(summary + 2, 2, "Varför: se bladet Varför ändras beloppet.", {.italic = true});
    } else if (totals.previous_partial) {
      ws.text(summary + 2, 2,
              "Förändringen gäller tjänsterna med uppgift för förra året; för några saknas den.",
              {.italic = true});
    }
  } else {
    ws.text(summary + 1, 1, "uppgift saknas", {.italic = true});
  }

  row = write_keys(ws, row, book, groups, customer, *this);
  ++row;
  row = write_not_by_key(ws, row, book, not_by_key_, all_width);
  ws.paragraph(row++, 0, kCols - 1,
               "Beloppen är avrundade till hela kronor så att varje tjänsts belopp fördelas exakt: "
               "summan av alla kunders belopp är tjänstens belopp. Underlag: fordelning.xlsx.",
               all_width, {.italic = true});
  ws.freeze(header + 1, 0);
  ws.print_wide(header, header);
  if (book.bridge != nullptr) write_bridge_sheet(ws.add_sheet(kBridgeSheet), book, customer);
  return ws.finish();
}

std::string customer_file_name(std::string_view kund_id) {
  return portable_file_name(kund_id, ".xlsx", " ");
}

std::vector<std::string> customer_file_names(const std::vector<fordelning::Customer>& customers,
                                             std::vector<std::size_t>* shortened) {
  std::vector<const fordelning::Customer*> all;
  all.reserve(customers.size());
  for (const fordelning::Customer& c : customers) all.push_back(&c);
  return customer_file_names(all, shortened);
}

std::vector<std::string> customer_file_names(
    const std::vector<const fordelning::Customer*>& customers,
    std::vector<std::size_t>* shortened) {
  std::vector<std::string> out;
  std::set<std::string> taken;  // folded: "ab.xlsx" and "AB.xlsx" are one file on Windows and macOS
  for (std::size_t i = 0; i < customers.size(); ++i) {
    bool cut = false;
    std::string name = portable_file_name(customers[i]->id, ".xlsx", " ", &cut);
    if (cut && shortened != nullptr) shortened->push_back(i);
    out.push_back(unique_file_name(std::move(name), taken));
  }
  return out;
}

}  // namespace arsanalys::output

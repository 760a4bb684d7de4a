#include "inputs/kunder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include "core/file_io.h"
#include "core/text.h"
#include "fordelning/engine.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"

namespace arsanalys::inputs {

using fordelning::Customer;
using fordelning::Decimal;
using fordelning::Key;
using fordelning::Kunder;
using fordelning::Matt;
using fordelning::Measure;
using fordelning::ServiceRow;
using fordelning::Step;
using fordelning::Urval;
using fordelning::UsedBy;
using fordelning::decimal_from_double;
using fordelning::financing_text;
using fordelning::format_decimal;
using fordelning::parse_category;
using fordelning::parse_decimal;
using fordelning::parse_financing;
using fordelning::parse_matt;
using fordelning::parse_urval;
using fordelning::weigh;

using xlsx::Cell;
using xlsx::CellType;

namespace {

constexpr std::uint32_t kHeaderRows = 30;  // a header row is looked for this far down

/// A header reduced to its letters and digits: "Kund-id" -> "kundid", "Andel (%)" -> "andel".
std::string header_word(std::string_view text) {
  std::string out;
  for (char c : fold(text)) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) out += c;
  }
  return out;
}

/// The shortest decimal text of a number, with a decimal point: ids and texts typed as numbers.
std::string number_text(double value) {
  std::optional<Decimal> d = decimal_from_double(value);
  if (!d) return fmt::format("{}", value);
  std::string s = format_decimal(*d);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}


/// A header column to find: its name for messages and the header words it may have.
struct Column {
  std::string_view name;                // as the contract writes it
  std::vector<std::string_view> words;  // header_word() forms
  bool required = true;
};

/// A sheet's cells by row and column, with its header row found.
class Table {
 public:
  Table(const xlsx::Workbook& wb, const xlsx::Sheet& sheet, Findings& findings)
      : wb_(wb), sheet_(sheet), findings_(findings) {
    for (const Cell& c : sheet.cells) {
      if (!register_cell_text(wb, c).empty()) rows_[c.row][c.col] = &c;
    }
  }

  /// Finds the header row: the first row holding `columns[0]`. False when there is none; a
  /// missing required column is reported (TABLE_MISSING) but the table is still read.
  bool find_header(std::span<const Column> columns) {
    for (const auto& [row, cells] : rows_) {
      if (row >= kHeaderRows) break;
      for (const auto& [col, cell] : cells) {
        std::string word = header_word(register_cell_text(wb_, *cell));
        for (std::size_t i = 0; i < columns.size(); ++i) {
          bool match = std::find(columns[i].words.begin(), columns[i].words.end(), word) !=
                       columns[i].words.end();
          if (match && !cols_.count(i)) cols_[i] = col;
        }
      }
      if (cols_.count(0)) {
        header_ = row;
        report_missing(columns);
        return true;
      }
      cols_.clear();
    }
    std::vector<std::string_view> names;
    for (const Column& c : columns) {
      if (c.required) names.push_back(c.name);
    }
    report(Level::fel, "TABLE_MISSING", {file(), sheet_.name, ""},
           fmt::format("Bladet '{}' saknar rubrikraden; väntade rubrikerna {}.", sheet_.name,
                       fmt::join(names, " | ")));
    return false;
  }

  /// Column of `columns[i]`, if found.
  std::optional<std::uint32_t> col(std::size_t i) const {
    auto it = cols_.find(i);
    if (it == cols_.end()) return std::nullopt;
    return it->second;
  }

  /// Non-empty columns of the header row not taken by any of the columns looked for.
  std::vector<std::pair<std::uint32_t, std::string>> other_headers() const {
    std::vector<std::pair<std::uint32_t, std::string>> out;
    for (const auto& entry : rows_.at(header_)) {
      // (No structured binding here: clang 14, which builds the fuzzers, cannot capture one.)
      std::uint32_t c = entry.first;
      bool taken =
          std::any_of(cols_.begin(), cols_.end(), [&](auto& kv) { return kv.second == c; });
      if (!taken) out.emplace_back(c, register_cell_text(wb_, *entry.second));
    }
    return out;
  }

  /// Rows below the header, in order.
  std::vector<std::uint32_t> data_rows() const {
    std::vector<std::uint32_t> out;
    for (auto it = rows_.upper_bound(header_); it != rows_.end(); ++it) out.push_back(it->first);
    return out;
  }

  /// The cell at (row, c), or nullptr when it is empty or the column is missing.
  const Cell* at(std::uint32_t row, std::optional<std::uint32_t> c) const {
    if (!c) return nullptr;
    auto r = rows_.find(row);
    if (r == rows_.end()) return nullptr;
    auto it = r->second.find(*c);
    return it == r->second.end() ? nullptr : it->second;
  }

  /// Text of that cell, "" when empty.
  std::string text(std::uint32_t row, std::optional<std::uint32_t> c) const {
    const Cell* cell = at(row, c);
    return cell == nullptr ? std::string() : register_cell_text(wb_, *cell);
  }

  /// Location of (row, col); the header cell of column 0 when `c` is missing.
  Location where(std::uint32_t row, std::optional<std::uint32_t> c) const {
    return {file(), sheet_.name, xlsx::to_string(xlsx::CellRef{row, c.value_or(cols_.at(0))})};
  }

  void report(Level level, std::string code, Location at, std::string message) {
    findings_.push_back({std::move(code), level, std::move(at), std::move(message), {}, {}});
  }

  std::string file() const { return wb_.file_name; }
  std::uint32_t header_row() const { return header_; }
  const xlsx::Workbook& workbook() const { return wb_; }

 private:
  void report_missing(std::span<const Column> columns) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].required && !cols_.count(i)) {
        report(Level::fel, "TABLE_MISSING", where(header_, cols_.at(0)),
               fmt::format("Rubriken '{}' saknas i bladet '{}'.", columns[i].name, sheet_.name));
      }
    }
  }

  const xlsx::Workbook& wb_;
  const xlsx::Sheet& sheet_;
  Findings& findings_;
  std::map<std::uint32_t, std::map<std::uint32_t, const Cell*>> rows_;  // non-empty cells
  std::map<std::size_t, std::uint32_t> cols_;  // index into the columns looked for -> column
  std::uint32_t header_ = 0;                   // 0-based header row
};

/// The sheet whose folded name is `word`, or nullptr.
const xlsx::Sheet* find_sheet(const xlsx::Workbook& wb, std::string_view word) {
  for (const xlsx::Sheet& s : wb.sheets) {
    if (s.kind == xlsx::SheetKind::worksheet && header_word(s.name) == word) return &s;
  }
  return nullptr;
}

/// A decimal times 100 (a percentage cell's 0.75 -> 75).
Decimal times_100(Decimal d) {
  if (d.scale >= 2) return {d.units, d.scale - 2};
  return {d.units * (d.scale == 1 ? 10 : 100), 0};
}

/// A number cell's exact value, or a text cell's number; nullopt when it holds none.
std::optional<Decimal> cell_decimal(const xlsx::Workbook& wb, const Cell& c) {
  if (c.type == CellType::number) return decimal_from_double(c.number);
  if (c.type == CellType::string) return parse_decimal(wb.text(c));
  return std::nullopt;
}

// ---- Kunder --------------------------------------------------------------------------------

const Column kCustomerColumns[] = {
    {"Kund-id", {"kundid", "kund", "id"}},
    {"Namn", {"namn", "kundnamn"}},
    {"Typ", {"typ", "kundtyp"}},
};

void read_measures(Table& t, Kunder& k) {
  std::map<std::string, std::uint32_t> seen;  // name_key -> column
  for (auto& [col, header] : t.other_headers()) {
    std::string key = name_key(header);
    if (auto it = seen.find(key); it != seen.end()) {
      t.report(Level::fel, "REGISTER_INVALID", t.where(t.header_row(), col),
               fmt::format("Måttet '{}' finns redan i kolumn {}; kolumnen används inte.", header,
                           xlsx::column_name(it->second)));
      continue;
    }
    seen[key] = col;
    k.measures.push_back({header, col});
  }
}

void read_customer_values(const Table& t, std::uint32_t row, const Kunder& k, Customer& c) {
  for (const Measure& m : k.measures) {
    const Cell* cell = t.at(row, m.col);
    if (cell == nullptr) continue;
    std::optional<Decimal> v = cell_decimal(t.workbook(), *cell);
    if (v && v->units >= 0) {
      c.measures[m.name] = *v;
    } else {
      c.unreadable[m.name] = register_cell_text(t.workbook(), *cell);
    }
  }
}

void read_customers(const xlsx::Workbook& wb, Kunder& k, Findings& findings) {
  const xlsx::Sheet* sheet = find_sheet(wb, "kunder");
  if (sheet == nullptr) {
    findings.push_back({"TABLE_MISSING",
                        Level::fel,
                        {wb.file_name, "", ""},
                        "Bladet 'Kunder' saknas; väntade kunderna med rubrikerna Kund-id | Namn "
                        "| Typ och ett mått per kolumn.",
                        {},
                        {}});
    return;
  }
  k.customer_sheet = sheet->name;
  Table t(wb, *sheet, findings);
  if (!t.find_header(kCustomerColumns)) return;
  read_measures(t, k);
  k.id_col = t.col(0).value_or(0);  // found: find_header() requires Kund-id
  std::map<std::string, std::uint32_t> rows;  // folded Kund-id -> row
  for (std::uint32_t row : t.data_rows()) {
    Customer c;
    c.id = t.text(row, t.col(0));
    c.row = row;
    if (c.id.empty()) {
      t.report(Level::fel, "REGISTER_INVALID", t.where(row, t.col(0)),
               "Raden saknar kund-id; den används inte.");
      continue;
    }
    auto [it, fresh] = rows.emplace(fold(c.id), row);
    if (!fresh) {
      t.report(Level::fel, "REGISTER_INVALID", t.where(row, t.col(0)),
               fmt::format("Kund-id '{}' finns redan på rad {}; raden används inte.", c.id,
                           it->second + 1));
      continue;
    }
    c.name = t.text(row, t.col(1));
    c.typ = t.text(row, t.col(2));
    read_customer_values(t, row, k, c);
    k.customers.push_back(std::move(c));
  }
}

// ---- Nycklar -------------------------------------------------------------------------------

const Column kKeyColumns[] = {
    {"Nyckel", {"nyckel", "fördelningsnyckel", "nyckelnamn"}},
    {"Andel", {"andel", "andelprocent", "andeli", "procent"}},
    {"Urval", {"urval"}},
    {"Mått", {"mått", "matt"}},
    {"Alias", {"alias"}, false},
};

/// Andel of a step (percent); false when the cell is empty or no number (reported).
bool read_andel(Table& t, std::uint32_t row, Step& step) {
  const Cell* c = t.at(row, t.col(1));
  if (c == nullptr) {
    t.report(Level::fel, "KEY_INVALID", step.andel_at,
             "Andelen saknas; väntade stegets andel av nyckeln i procent.");
    return false;
  }
  std::optional<Decimal> v;
  if (c->type == CellType::number) {
    v = decimal_from_double(c->number);
    bool percent = t.workbook().format(*c).code.find('%') != std::string::npos;
    if (v && percent) v = times_100(*v);
  } else if (c->type == CellType::string) {
    std::string s = tidy(t.workbook().text(*c));
    if (!s.empty() && s.back() == '%') s.pop_back();
    v = parse_decimal(s);
  }
  if (!v) {
    t.report(
        Level::fel, "KEY_INVALID", step.andel_at,
        fmt::format("Andelen ska vara ett tal i procent, fann '{}'.", register_cell_text(t.workbook(), *c)));
    return false;
  }
  step.andel = *v;
  return true;
}

bool read_urval(Table& t, Step& step) {
  std::optional<Urval> u = parse_urval(step.urval_text);
  if (u) {
    step.urval = std::move(*u);
    return true;
  }
  std::string what = step.urval_text.empty() ? "en tom cell" : "'" + step.urval_text + "'";
  t.report(Level::fel, "KEY_INVALID", step.urval_at,
           fmt::format("Urvalet ska vara 'alla', 'Typ=…' eller 'Kund=…' (som 'Typ=Bolag' eller "
                       "'Kund=INK,DMS'), fann {}.",
                       what));
  return false;
}

bool read_matt(Table& t, Step& step) {
  std::optional<Matt> m = parse_matt(step.matt_text);
  if (m) {
    step.matt = std::move(*m);
    return true;
  }
  std::string what = step.matt_text.empty() ? "en tom cell" : "'" + step.matt_text + "'";
  t.report(Level::fel, "KEY_INVALID", step.matt_at,
           fmt::format("Måttet ska vara ett mått ur bladet 'Kunder', 'lika' eller en viktad summa "
                       "som 'Digitala fakturor + 3 * Pappersfakturor', fann {}.",
                       what));
  return false;
}

/// An alias as written: its key (index into Kunder::keys) and cell, to point at a clash.
struct AliasCell {
  std::string alias;
  std::size_t key = 0;
  Location at;
};
using AliasCells = std::vector<AliasCell>;

void read_aliases(const Table& t, std::uint32_t row, Key& key, std::size_t index,
                  AliasCells& cells) {
  std::string text = t.text(row, t.col(4));
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find(';', start), text.size());
    std::string alias = tidy(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (alias.empty()) continue;
    bool known = std::any_of(key.aliases.begin(), key.aliases.end(),
                             [&](const std::string& a) { return name_key(a) == name_key(alias); });
    if (known) continue;
    key.aliases.push_back(alias);
    cells.push_back({alias, index, t.where(row, t.col(4))});
  }
}

Step read_step(Table& t, std::uint32_t row) {
  Step step;
  step.andel_at = t.where(row, t.col(1));
  step.urval_at = t.where(row, t.col(2));
  step.matt_at = t.where(row, t.col(3));
  step.urval_text = t.text(row, t.col(2));
  step.matt_text = t.text(row, t.col(3));
  bool andel = read_andel(t, row, step);
  bool urval = read_urval(t, step);
  bool matt = read_matt(t, step);
  step.readable = andel && urval && matt;
  return step;
}

/// An alias that names another key (by its name or alias) makes 3.2 texts ambiguous.
void check_aliases(Table& t, const Kunder& k, const AliasCells& cells) {
  for (const auto& [alias, index, at] : cells) {
    const Key* owner = &k.keys[index];
    const Key* named = k.key(alias);
    if (named != nullptr && named != owner) {
      t.report(Level::fel, "KEY_INVALID", at,
               fmt::format("Aliaset '{}' hör redan till nyckeln '{}'; det används inte för "
                           "nyckeln '{}'.",
                           alias, named->name, owner->name));
    }
  }
}

void read_keys(const xlsx::Workbook& wb, Kunder& k, Findings& findings) {
  const xlsx::Sheet* sheet = find_sheet(wb, "nycklar");
  if (sheet == nullptr) {
    findings.push_back({"TABLE_MISSING",
                        Level::fel,
                        {wb.file_name, "", ""},
                        "Bladet 'Nycklar' saknas; väntade nycklarna med rubrikerna Nyckel | "
                        "Andel | Urval | Mått.",
                        {},
                        {}});
    return;
  }
  Table t(wb, *sheet, findings);
  if (!t.find_header(kKeyColumns)) return;
  AliasCells alias_cells;
  std::map<std::string, std::size_t> index;  // name_key -> index into k.keys
  std::optional<std::size_t> current;        // index of the key of the row above
  for (std::uint32_t row : t.data_rows()) {
    std::string name = t.text(row, t.col(0));
    bool step_cells = t.at(row, t.col(1)) || t.at(row, t.col(2)) || t.at(row, t.col(3));
    if (name.empty() && !current) {
      if (step_cells) {
        t.report(Level::fel, "KEY_INVALID", t.where(row, t.col(0)),
                 "Raden saknar nyckelns namn; den används inte.");
      }
      continue;
    }
    if (!name.empty()) {
      auto [it, fresh] = index.emplace(name_key(name), k.keys.size());
      if (fresh) k.keys.push_back({name, {}, {}, true, t.where(row, t.col(0))});
      current = it->second;
    }
    if (!step_cells && name.empty()) continue;
    read_aliases(t, row, k.keys[*current], *current, alias_cells);
    k.keys[*current].steps.push_back(read_step(t, row));
  }
  check_aliases(t, k, alias_cells);
}

// ---- Tjänster ------------------------------------------------------------------------------

const Column kServiceColumns[] = {
    {"Leverantör", {"leverantör", "leverantor"}},
    {"Tjänst", {"tjänst", "tjanst"}},
    {"Nyckel", {"nyckel", "fördelningsnyckel"}},
    {"Förslag nyckel", {"förslagnyckel", "föreslagennyckel", "förslag"}, false},
    {"Kategori", {"kategori", "tjänstekategori"}, false},
    {"Finansiering", {"finansiering", "finansieringsform"}, false},
    {"Används av", {"användsav", "anvandsav", "användare"}, false},
    {"Levereras till", {"levererastill", "levererastilll", "mottagare"}, false},
    {"Alias", {"alias"}, false},
};
enum ServiceCol : std::size_t {
  kSupplier, kService, kKey, kProposed, kCategory, kFinancing, kUsedBy, kDeliveredTo, kAlias
};

/// KEY_MISSING when a Tjänster cell names no key of `Nycklar`.
void check_key_name(Table& t, const Kunder& k, const std::string& name, Location at) {
  if (name.empty() || k.key(name) != nullptr) return;
  t.report(Level::fel, "KEY_MISSING", std::move(at),
           fmt::format("Nyckeln '{}' finns inte i bladet 'Nycklar'.", name));
}

/// Används av: an Urval, optionally ending in "utom Kund=ID[,ID…]" ("alla utom Kund=LIS"); an
/// "utom" alone excepts from every customer. nullopt when the text is no such thing.
std::optional<UsedBy> parse_used_by(std::string_view text) {
  UsedBy u;
  u.text = tidy(text);
  std::string folded = fold(u.text);
  std::size_t utom = folded.find("utom ");
  if (utom != std::string::npos && (utom == 0 || folded[utom - 1] == ' ')) {
    // fold() and tidy() collapse the same white space and lower case keeps every letter's
    // bytes, so an offset in one holds in the other.
    std::string head = tidy(u.text.substr(0, utom)), tail = tidy(u.text.substr(utom + 5));
    std::optional<Urval> except = parse_urval(tail);
    if (!except || except->kind != Urval::Kind::kund) return std::nullopt;
    u.except = except->values;
    if (head.empty()) head = "alla";
    std::optional<Urval> urval = parse_urval(head);
    if (!urval) return std::nullopt;
    u.urval = std::move(*urval);
    return u;
  }
  std::optional<Urval> urval = parse_urval(u.text);
  if (!urval) return std::nullopt;
  u.urval = std::move(*urval);
  return u;
}

/// The catalogue's own columns of a `Tjänster` row, each checked at its cell.
class CatalogueRow {
 public:
  CatalogueRow(Table& t, const Kunder& k, std::uint32_t row) : t_(t), k_(k), row_(row) {}

  void read(ServiceRow& s) {
    read_category(s);
    read_financing(s);
    read_used_by(s);
    s.delivered_to = t_.text(row_, t_.col(kDeliveredTo));
    s.delivered_to_at = t_.where(row_, t_.col(kDeliveredTo));
    std::string aliases = t_.text(row_, t_.col(kAlias));
    for (std::size_t start = 0; start <= aliases.size();) {
      std::size_t end = std::min(aliases.find(';', start), aliases.size());
      std::string alias = tidy(std::string_view(aliases).substr(start, end - start));
      start = end + 1;
      if (!alias.empty()) s.aliases.push_back(alias);
    }
  }

 private:
  void read_category(ServiceRow& s) {
    std::string text = t_.text(row_, t_.col(kCategory));
    if (text.empty()) return;  // a key-only row
    s.categorised = true;
    s.category = parse_category(text);
    if (s.category) return;
    t_.report(Level::fel, "REGISTER_INVALID", t_.where(row_, t_.col(kCategory)),
              fmt::format("Kategorin för tjänsten '{}' ska vara Bastjänst, Digital infrastruktur, "
                          "Tilläggstjänst, Specialisttjänst eller Utanför, fann '{}'. Tjänsten "
                          "räknas utanför ramarna och fördelas inte förrän kategorin rättas.",
                          s.service, text));
  }

  void read_financing(ServiceRow& s) {
    std::string text = t_.text(row_, t_.col(kFinancing));
    if (text.empty()) return;
    s.financing = parse_financing(text);
    if (s.financing) return;
    t_.report(Level::fel, "REGISTER_INVALID", t_.where(row_, t_.col(kFinancing)),
              fmt::format("Finansieringen för tjänsten '{}' ska vara Kostnadsfördelning, Faktura "
                          "à pris eller Kommunbidrag, fann '{}'. Kategorins standard, {}, "
                          "används.",
                          s.service, text, financing_text(s.financing_in_force())));
  }

  void read_used_by(ServiceRow& s) {
    std::string text = t_.text(row_, t_.col(kUsedBy));
    if (text.empty()) return;
    Location at = t_.where(row_, t_.col(kUsedBy));
    s.used_by = parse_used_by(text);
    if (!s.used_by) {
      s.used_by = UsedBy{Urval{Urval::Kind::kund, {}}, {}, text};  // nobody: never overcharge
      t_.report(Level::fel, "REGISTER_INVALID", at,
                fmt::format("'Används av' för tjänsten '{}' ska vara ett urval som 'alla', "
                            "'Typ=Förvaltning' eller 'Kund=INK,DMS', gärna följt av 'utom "
                            "Kund=LIS', fann '{}'. Tjänsten fördelas inte förrän cellen rättas.",
                            s.service, text));
      return;
    }
    std::vector<std::string> ids = s.used_by->except;
    if (s.used_by->urval.kind == Urval::Kind::kund) {
      ids.insert(ids.end(), s.used_by->urval.values.begin(), s.used_by->urval.values.end());
    }
    for (const std::string& id : ids) {
      if (k_.customer(id) != nullptr) continue;
      t_.report(Level::fel, "REGISTER_INVALID", at,
                fmt::format("'Används av' för tjänsten '{}' nämner kund-id '{}', som inte finns i "
                            "bladet '{}'.",
                            s.service, id, k_.customer_sheet));
    }
  }

  Table& t_;
  const Kunder& k_;
  std::uint32_t row_;
};

/// Whether two rows of one service name the same keys.
bool same_key(const ServiceRow& a, const ServiceRow& b) {
  return name_key(a.key) == name_key(b.key) && name_key(a.proposed_key) == name_key(b.proposed_key);
}

/// Whether two rows of one service say the same in the catalogue's own columns.
bool same_catalogue(const ServiceRow& a, const ServiceRow& b) {
  auto used = [](const ServiceRow& r) { return r.used_by ? fold(r.used_by->text) : ""; };
  return a.categorised == b.categorised && a.category == b.category && a.financing == b.financing && used(a) == used(b) &&
         name_key(a.delivered_to) == name_key(b.delivered_to);
}

/// An alias that names another row of the same supplier would make a line match two rows.
void check_aliases(Table& t, const Kunder& k) {
  for (const ServiceRow& s : k.services) {
    for (const std::string& alias : s.aliases) {
      for (const ServiceRow& other : k.services) {
        if (&other == &s || name_key(other.supplier) != name_key(s.supplier)) continue;
        bool clash = name_key(other.service) == name_key(alias);
        for (const std::string& a : other.aliases) clash = clash || name_key(a) == name_key(alias);
        if (!clash || &other > &s) continue;  // each clash once, at the later row
        t.report(Level::fel, "REGISTER_INVALID", s.where,
                 fmt::format("Aliaset '{}' för tjänsten '{}' hör redan till tjänsten '{}' (cell "
                             "{}) hos '{}'; en rad i underlaget kan bara höra till en tjänst.",
                             alias, s.service, other.service, other.where.cell, s.supplier));
      }
    }
  }
}

void read_services(const xlsx::Workbook& wb, Kunder& k, Findings& findings) {
  const xlsx::Sheet* sheet = find_sheet(wb, "tjänster");
  if (sheet == nullptr) sheet = find_sheet(wb, "tjanster");
  if (sheet == nullptr) {
    findings.push_back({"TABLE_MISSING",
                        Level::varning,
                        {wb.file_name, "", ""},
                        "Bladet 'Tjänster' saknas; tjänsternas nycklar hämtas bara ur "
                        "leverantörernas tabell 3.2.",
                        {},
                        {}});
    return;
  }
  Table t(wb, *sheet, findings);
  if (!t.find_header(kServiceColumns)) return;
  k.catalogue = t.col(kCategory).has_value();
  std::map<std::pair<std::string, std::string>, std::size_t> seen;  // -> index in services
  for (std::uint32_t row : t.data_rows()) {
    ServiceRow s;
    s.supplier = t.text(row, t.col(kSupplier));
    s.service = t.text(row, t.col(kService));
    s.key = t.text(row, t.col(kKey));
    s.proposed_key = t.text(row, t.col(kProposed));
    s.where = t.where(row, t.col(kService));
    if (s.supplier.empty() || s.service.empty()) {
      std::string_view what = s.supplier.empty() ? "leverantör" : "tjänst";
      t.report(Level::fel, "REGISTER_INVALID", t.where(row, t.col(s.supplier.empty() ? 0 : 1)),
               fmt::format("Raden saknar {}; den används inte.", what));
      continue;
    }
    CatalogueRow(t, k, row).read(s);
    auto [it, fresh] =
        seen.emplace(std::pair(name_key(s.supplier), name_key(s.service)), k.services.size());
    if (!fresh) {
      // The same service twice ("ProcessAutomation", "Processautomation") is harmless when
      // both rows say the same; otherwise the first row holds.
      const ServiceRow& first = k.services[it->second];
      if (!same_key(first, s)) {
        t.report(Level::fel, "REGISTER_INVALID", s.where,
                 fmt::format("Tjänsten '{}' hos '{}' har redan en annan nyckel i cell {}; raden "
                             "används inte.",
                             s.service, s.supplier, first.where.cell));
      } else if (!same_catalogue(first, s)) {
        t.report(Level::fel, "REGISTER_INVALID", s.where,
                 fmt::format("Tjänsten '{}' hos '{}' står redan i cell {} med en annan kategori, "
                             "finansiering, användare eller mottagare; raden används inte.",
                             s.service, s.supplier, first.where.cell));
      }
      continue;
    }
    // With a catalogue, a row may rightly name no key: a service invoiced per order or funded by
    // kommunbidrag, or one whose key comes from a wider row or the supplier's 3.2 table; a line
    // left without any key is reported where it is allocated.
    if (s.key.empty() && !k.catalogue) {
      t.report(Level::fel, "KEY_MISSING", t.where(row, t.col(kKey)),
               fmt::format("Tjänsten '{}' saknar nyckel.", s.service));
    }
    check_key_name(t, k, s.key, t.where(row, t.col(kKey)));
    check_key_name(t, k, s.proposed_key, t.where(row, t.col(kProposed)));
    k.services.push_back(std::move(s));
  }
  check_aliases(t, k);
}

/// Every key weighed against the customers; one MEASURE_MISSING per cell however many keys
/// use it.
void check_keys(Kunder& k, Findings& findings) {
  Findings found;
  for (Key& key : k.keys) key.usable = weigh(key, k, &found).has_value();
  std::set<std::pair<std::string, std::string>> cells;  // MEASURE_MISSING (sheet, cell)
  for (Finding& f : found) {
    if (f.code == "MEASURE_MISSING" && !cells.emplace(f.where.sheet, f.where.cell).second) {
      continue;
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace

std::string register_cell_text(const xlsx::Workbook& wb, const Cell& c) {
  switch (c.type) {
    case CellType::string:
    case CellType::error:
      return tidy(wb.text(c));
    case CellType::number:
      return number_text(c.number);
    case CellType::boolean:
      return c.number != 0 ? "SANT" : "FALSKT";
    case CellType::date:
      return wb.date_iso(c);
  }
  return {};
}

Kunder read_kunder(const xlsx::Workbook& wb, Findings& findings) {
  Kunder k;
  k.file = wb.file_name;
  k.customer_sheet = "Kunder";
  xlsx::report_text_repairs(wb, findings);
  read_customers(wb, k, findings);
  read_keys(wb, k, findings);
  read_services(wb, k, findings);
  check_keys(k, findings);
  return k;
}

std::optional<Kunder> read_customer_sheet(const xlsx::Workbook& wb, Findings& findings) {
  if (find_sheet(wb, "kunder") == nullptr) return std::nullopt;
  Kunder k;
  k.file = wb.file_name;
  k.customer_sheet = "Kunder";
  read_customers(wb, k, findings);
  return k;
}

Kunder read_kunder_file(const std::filesystem::path& path, Findings& findings) {
  std::string name = cleaned(path.filename().string());
  std::vector<std::byte> bytes = read_file(path, name);
  return read_kunder(xlsx::read_workbook(bytes, name), findings);
}

}  // namespace arsanalys::inputs

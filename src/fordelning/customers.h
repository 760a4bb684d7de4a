#pragma once
// The customer register kunder.xlsx (contract: "kunder.xlsx") as plain data: the customers
// (kunder: förvaltningar, bolag, …) with their volume measures, the allocation keys
// (fördelningsnycklar) as steps, and the service catalogue (tjänster): which key allocates
// which service, its category, financing, users and receiver. inputs/kunder.h reads it.
//
// Decisions beyond the contract:
// - A `Nycklar` row with an empty `Nyckel` continues the key of the row above (a merged cell).
// - `Andel` may be a number (75), text ("63,75", "15 %") or a number formatted as a percentage
//   (0.75 shown as 75 %). Measures and weights are exact decimals (decimal.h).
// - A key that cannot be used (KEY_INVALID, or MEASURE_MISSING for a customer it selects) is
//   kept with `usable = false`; allocate() refuses it, so nothing is ever allocated by a guess.
// - Problems of the register's own rows are REGISTER_INVALID (a new code): a duplicate
//   (folded) or missing Kund-id, a duplicate measure column, a `Tjänster` row without supplier
//   or service, or repeating a service (folded) with another key; a repeat with the same key is
//   harmless and silent. A missing sheet or header is TABLE_MISSING (`Tjänster`: varning, the
//   3.2 texts still work). A `Tjänster` row naming no key or an unknown one is KEY_MISSING.
// - Every key is checked at reading, used by a service or not; a measure cell that is empty or
//   no number (text, negative) is reported only where a key selects that customer.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/text.h"
#include "fordelning/decimal.h"
#include "xlsx/workbook.h"

namespace arsanalys::fordelning {

/// A volume measure (mått): a column of the `Kunder` sheet after Kund-id, Namn and Typ.
struct Measure {
  std::string name;       // the header as written (white space tidied), e.g. "Antal anställda"
  std::uint32_t col = 0;  // 0-based column in the `Kunder` sheet
};

/// One customer (kund), charged for the services it uses.
struct Customer {
  std::string id;    // Kund-id as written, e.g. "INK"; unique (folded) in the register
  std::string name;  // Namn, e.g. "Inköp och upphandling"
  std::string typ;   // Typ as written: "Förvaltning", "Bolag" or another word
  std::map<std::string, Decimal> measures;  // measure name -> exact value; absent when the cell
                                            // is empty or unreadable
  std::map<std::string, std::string> unreadable;  // measure name -> text that is no number
  std::uint32_t row = 0;                          // 0-based row in the `Kunder` sheet
};

/// Urval: which customers a step of a key selects.
struct Urval {
  enum class Kind { alla, typ, kund };
  Kind kind = Kind::alla;           // alla: every customer; typ: by Typ; kund: by Kund-id
  std::vector<std::string> values;  // the Typ words or Kund-ids after '=', as written
};

/// One term of a Mått: weight × measure.
struct Term {
  Decimal weight{1, 0};  // e.g. 3 in "3 * Pappersfakturor"; 1 when none is written
  std::string measure;   // the measure's name as written in the Mått
};

/// Mått: how a step's amount is split among its customers.
struct Matt {
  bool lika = false;        // `lika`: equal shares
  std::vector<Term> terms;  // otherwise proportional to the weighted sum of these measures
};

/// One step of a key: a share of the key's amount, split among some customers by a measure.
struct Step {
  Decimal andel;           // percent of the key's amount, e.g. 63,75
  Urval urval;             // whom it selects
  Matt matt;               // how it splits among them
  std::string urval_text;  // Urval as written
  std::string matt_text;   // Mått as written
  bool readable = true;    // false: Andel, Urval or Mått could not be read (already reported)
  Location andel_at;       // the cells, for findings
  Location urval_at;
  Location matt_at;
};

/// An allocation key (fördelningsnyckel): its steps in sheet order share the amount by Andel.
struct Key {
  std::string name;                  // Nyckel as written on its first row
  std::vector<std::string> aliases;  // other names (`Alias`, ';'-separated): 3.2 texts
  std::vector<Step> steps;           // in sheet order (ties of the split go to the earlier)
  bool usable = true;                // false: a finding says why; allocate() refuses it
  Location where;                    // the Nyckel cell of its first row
};

/// Kategori: what kind of service a catalogue row is (seed 000's table of categories). Only
/// bastjänster and digital infrastruktur are prioritised by the strategic group: they alone
/// make up the frames.
enum class Category {
  bastjanst,              // Bastjänst: mandatory basic service
  digital_infrastruktur,  // Digital infrastruktur
  tillaggstjanst,         // Tilläggstjänst: optional, invoiced per sold service
  specialisttjanst,       // Specialisttjänst: optional, invoiced per sold service
  utanfor,                // Utanför: anything else the round does not prioritise
  okand,                  // not in the catalogue (SERVICE_UNCATALOGUED)
};

/// Finansiering: how a service is paid for (seed 000, "Finansiering").
enum class Financing {
  kostnadsfordelning,  // Kostnadsfördelning: allocated to the customers by its key
  faktura_a_pris,      // Faktura à pris: invoiced per order, never spread by a key
  kommunbidrag,        // Kommunbidrag: funded by the city budget, charged to no customer
};

/// Används av: the customers that use a service; its key is applied to them only.
struct UsedBy {
  Urval urval;                      // alla, Typ=…, Kund=…
  std::vector<std::string> except;  // Kund-ids after "utom Kund=", as written
  std::string text;                 // as written
};

/// A row of `Tjänster`, the round's service catalogue: one service (or every other line of an
/// area, or of the supplier) with its key, category, financing, users and receiver. A row may
/// say only some of it: for the key the most specific row naming a key wins, for everything
/// else the most specific row with a category (a key-only row, Kategori empty, says nothing of
/// the category; INK's `*` row gives a category and no key, so its services keep the keys of
/// their 3.2 texts).
struct ServiceRow {
  std::string supplier;      // Leverantör as written
  std::string service;       // Tjänst as written: a name, "Område: <area>" or "*"
  std::string key;           // Nyckel: a key's name ("" when the cell is empty)
  std::string proposed_key;  // Förslag nyckel ("" when none)
  Location where;            // the Tjänst cell
  std::optional<Category> category;    // Kategori; none: an empty or unreadable cell
  bool categorised = false;            // the Kategori cell holds text (readable or not); a
                                       // row without is a key-only row: it gives a key, and
                                       // lines find their category in another row
  std::optional<Financing> financing;  // Finansiering; none: the category's default
  std::optional<UsedBy> used_by;       // Används av; none: the key's own selection
  std::string delivered_to;            // Levereras till: a supplier or Kund-id ("" none)
  std::vector<std::string> aliases;    // Alias: other names of the service in submissions
  Location delivered_to_at;            // the Levereras till cell, for findings

  /// The area a row "Område: <area>" covers; "" for a service or "*" row.
  std::string_view area() const;
  /// True for the `*` row: every other line of the supplier.
  bool rest() const { return service == "*"; }
  /// The financing in force: as written, else Kostnadsfördelning for bastjänster, digital
  /// infrastruktur and Utanför, Faktura à pris for tilläggs- and specialisttjänster.
  Financing financing_in_force() const;
};

/// The catalogue's words: "Bastjänst", "Kostnadsfördelning", … as users write them.
std::string_view category_text(Category c);
std::string_view financing_text(Financing f);
/// The contract's JSON words: "bastjanst", "faktura_a_pris", …
std::string_view category_json(Category c);
std::string_view financing_json(Financing f);
/// Reads a category or financing word (case, spaces, accents and plural forgiven):
/// "Bastjänster" -> bastjanst, "faktura a pris" -> faktura_a_pris; nullopt for other text.
std::optional<Category> parse_category(std::string_view text);
std::optional<Financing> parse_financing(std::string_view text);
/// True for the categories the strategic group prioritises: bastjänst, digital infrastruktur.
bool prioritised(Category c);
/// Whether a customer is among the users: selected by the Urval and not excepted.
bool uses(const UsedBy& used_by, const Customer& c);

/// The whole register.
struct Kunder {
  std::string file;                  // file name for locations, e.g. "kunder.xlsx"
  std::string customer_sheet;        // the `Kunder` sheet's name as written
  std::uint32_t id_col = 0;          // the Kund-id column of `Kunder` (0-based)
  std::vector<Measure> measures;     // in column order
  std::vector<Customer> customers;   // in sheet order
  std::vector<Key> keys;             // in order of first appearance in `Nycklar`
  std::vector<ServiceRow> services;  // `Tjänster` rows in sheet order
  bool catalogue = false;            // `Tjänster` has a Kategori column: the round has a
                                     // service catalogue (else CATALOGUE_MISSING)

  /// The customer with this Kund-id (as written, else folded), or nullptr.
  const Customer* customer(std::string_view id) const;
  /// The measure of this name (folded), or nullptr.
  const Measure* measure(std::string_view name) const;
  /// The key of this name or alias (folded; a trailing '.', ':' or ';' ignored), or nullptr.
  const Key* key(std::string_view name_or_alias) const;
  /// Where a customer's value of a measure is (its cell in the `Kunder` sheet).
  Location cell(const Customer& c, const Measure& m) const;
  /// Where a customer is: its Kund-id cell in the `Kunder` sheet.
  Location where(const Customer& c) const;
};

}  // namespace arsanalys::fordelning

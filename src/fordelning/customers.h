#pragma once
// The customer register kunder.xlsx (contract: "kunder.xlsx") read into plain data: the
// customers (kunder: förvaltningar, bolag, …) with their volume measures, the allocation keys
// (fördelningsnycklar) as steps, and which key allocates which service (tjänst).
//
// Sheets and headers are found by their words (fold(): case and white space do not matter;
// `Kund-id`, `Kund id` and `KundID` are one header), columns in any order. Every problem is a
// Finding pointing at its cell; the register is still returned with what could be read.
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
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
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

/// A row of `Tjänster`: the key (and proposed key) of one service of a supplier.
struct ServiceKey {
  std::string supplier;      // Leverantör as written
  std::string service;       // Tjänst as written; "*" = every other service of the supplier
  std::string key;           // Nyckel: a key's name ("" when the cell is empty)
  std::string proposed_key;  // Förslag nyckel ("" when none)
  Location where;            // the Tjänst cell
};

/// The whole register.
struct Kunder {
  std::string file;                  // file name for locations, e.g. "kunder.xlsx"
  std::string customer_sheet;        // the `Kunder` sheet's name as written
  std::vector<Measure> measures;     // in column order
  std::vector<Customer> customers;   // in sheet order
  std::vector<Key> keys;             // in order of first appearance in `Nycklar`
  std::vector<ServiceKey> services;  // `Tjänster` rows in sheet order

  /// The customer with this Kund-id (as written, else folded), or nullptr.
  const Customer* customer(std::string_view id) const;
  /// The measure of this name (folded), or nullptr.
  const Measure* measure(std::string_view name) const;
  /// The key of this name or alias (folded; a trailing '.', ':' or ';' ignored), or nullptr.
  const Key* key(std::string_view name_or_alias) const;
  /// Where a customer's value of a measure is (its cell in the `Kunder` sheet).
  Location cell(const Customer& c, const Measure& m) const;
};

/// Reads the register from a workbook; problems go to `findings`, every key is checked
/// against the customers (engine.h: weigh()).
///
///   Findings findings;
///   Kunder k = read_kunder(read_workbook(read_file(p, "kunder.xlsx"), "kunder.xlsx"), findings);
///   const Key* key = k.key("Antal beställare");
Kunder read_kunder(const xlsx::Workbook& wb, Findings& findings);

/// Reads kunder.xlsx from disk. Throws ReadError when the file is no readable workbook.
Kunder read_kunder_file(const std::filesystem::path& path, Findings& findings);

/// Text for comparing names: fold() (lower case, white space collapsed) without a trailing
/// '.', ':' or ';'. "Fördelas på antal beställare. " -> "fördelas på antal beställare".
std::string name_key(std::string_view text);

}  // namespace arsanalys::fordelning

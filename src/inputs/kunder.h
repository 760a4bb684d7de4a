#pragma once
// Reading the customer register kunder.xlsx (contract: "kunder.xlsx") into the plain data of
// fordelning/customers.h: the customers with their volume measures, the allocation keys, and
// the `Tjänster` sheet, the round's service catalogue (key, category, financing, users,
// receiver and aliases of each service).
//
// Sheets and headers are found by their words (case and white space do not matter; `Kund-id`,
// `Kund id` and `KundID` are one header), columns in any order. Every problem is a Finding
// pointing at its cell; the register is still returned with what could be read. See
// fordelning/customers.h for the decisions beyond the contract. The catalogue's own checks:
// - `Kategori`, `Finansiering` and `Används av` must be one of the contract's words or forms
//   (REGISTER_INVALID at the cell). A row whose category cannot be read is outside the frames
//   and allocated to nobody until it is mended; an unreadable `Används av` selects nobody, so
//   nobody is charged by a guess. An empty `Kategori` makes a key-only row (customers.h).
// - `Används av` may name only Kund-ids of the register; an alias may belong to one service of
//   a supplier only.
// - With a catalogue, an empty `Nyckel` is no finding of its own (a service invoiced per order
//   needs none); a line that is to be allocated and finds no key is reported at the line.

#include <filesystem>
#include <optional>

#include "core/finding.h"
#include "fordelning/customers.h"
#include "xlsx/workbook.h"

namespace arsanalys::inputs {

/// Reads the register from a workbook; problems go to `findings`, every key is checked
/// against the customers (fordelning/engine.h: weigh()).
///
///   Findings findings;
///   Kunder k = read_kunder(read_workbook(read_file(p, "kunder.xlsx"), "kunder.xlsx"), findings);
///   const Key* key = k.key("Antal beställare");
fordelning::Kunder read_kunder(const xlsx::Workbook& wb, Findings& findings);

/// Reads only the customers and their measures from a workbook's `Kunder` sheet, shaped as
/// kunder.xlsx's (the actual volumes of a year-end settlement, utfall.xlsx); nullopt, without a
/// finding, when the workbook has no such sheet. Problems of its rows as read_kunder() says them.
std::optional<fordelning::Kunder> read_customer_sheet(const xlsx::Workbook& wb,
                                                      Findings& findings);

/// Reads kunder.xlsx from disk. Throws ReadError when the file is no readable workbook.
fordelning::Kunder read_kunder_file(const std::filesystem::path& path, Findings& findings);

/// What a cell of a register-shaped sheet says, as text: a number in its shortest decimal form
/// without grouping ("1200", "7,5"), so a Kund-id typed as a number reads the same everywhere.
std::string register_cell_text(const xlsx::Workbook& wb, const xlsx::Cell& c);

}  // namespace arsanalys::inputs

#pragma once
// How `arsanalys inspect` shows a workbook: the contract's JSON, or a readable listing. Both are
// written as they go (a million cells must not become a million JSON objects in memory first).

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "xlsx/workbook.h"

namespace arsanalys::output {

/// A table recognised on a sheet, for the `tables` list.
struct InspectTable {
  std::size_t sheet = 0;  // index into Workbook::sheets
  std::string table;      // forvaltning, utveckling, nya_insatser, nycklar, forslag
  std::string range;      // A3:D12
};

/// Writes the contract's `inspect --json` document, one cell per line.
///
///   write_inspect_json(wb, {}, std::cout);
void write_inspect_json(const xlsx::Workbook& wb, const std::vector<InspectTable>& tables,
                        std::ostream& out);

/// Writes a readable listing in Swedish: a heading per sheet, a line per cell.
void write_inspect_text(const xlsx::Workbook& wb, const std::vector<InspectTable>& tables,
                        std::ostream& out);

/// A cell's value as JSON text: a number (integral values as integers), string, bool, or ISO
/// date.
std::string cell_value_json_text(const xlsx::Workbook& wb, const xlsx::Cell& cell);

}  // namespace arsanalys::output

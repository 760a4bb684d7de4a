#pragma once
// How `arsanalys inspect` shows a workbook: the contract's JSON, or a readable listing.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "xlsx/workbook.h"

namespace arsanalys::output {

/// A table recognised on a sheet, for the `tables` list.
struct InspectTable {
  std::size_t sheet = 0;  // index into Workbook::sheets
  std::string table;      // forvaltning, utveckling, nya_insatser, nycklar, forslag
  std::string range;      // A3:D12
};

/// The contract's `inspect --json` document.
nlohmann::json inspect_json(const xlsx::Workbook& wb, const std::vector<InspectTable>& tables);

/// A readable listing in Swedish: one line per sheet, one per cell.
std::string inspect_text(const xlsx::Workbook& wb, const std::vector<InspectTable>& tables);

/// A cell's value as JSON: number (integral values as integers), string, bool, or ISO date.
nlohmann::json cell_value_json(const xlsx::Workbook& wb, const xlsx::Cell& cell);

}  // namespace arsanalys::output

#pragma once
// Test helper: `inspect --json` of a workbook read back as a JSON value (nlohmann reads it; the
// program only writes JSON, with core/json_writer).
//
//   json doc = inspect_json(wb, {{0, "forvaltning", "A3:D12"}});
//   CHECK(doc["sheets"][0]["cells"][0]["ref"] == "A1");

#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

#include "output/inspect_report.h"

namespace arsanalys::test {

inline nlohmann::json inspect_json(const xlsx::Workbook& wb,
                                   const std::vector<output::InspectTable>& tables) {
  std::ostringstream text;
  output::write_inspect_json(wb, tables, text);
  return nlohmann::json::parse(text.str());
}

/// A cell's value (output::cell_value_json_text) as a JSON value.
inline nlohmann::json cell_value_json(const xlsx::Workbook& wb, const xlsx::Cell& cell) {
  return nlohmann::json::parse(output::cell_value_json_text(wb, cell));
}

}  // namespace arsanalys::test

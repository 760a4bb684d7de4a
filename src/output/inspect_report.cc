#include "output/inspect_report.h"

#include <sstream>

#include <fmt/format.h>

#include "core/json_text.h"

namespace arsanalys::output {
using xlsx::Cell;
using xlsx::CellType;
using xlsx::Workbook;

namespace {

/// Output is built in a buffer and handed to the stream in pieces of about this size.
constexpr std::size_t kFlushBytes = 1 << 16;

void append_cell_value(std::string& out, const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::number: append_json_number(out, cell.number); return;
    case CellType::boolean: out += cell.number != 0 ? "true" : "false"; return;
    case CellType::date: append_json_string(out, wb.date_iso(cell)); return;
    case CellType::string:
    case CellType::error: append_json_string(out, wb.text(cell)); return;
  }
}

void flush_if_full(std::string& buffer, std::ostream& out) {
  if (buffer.size() < kFlushBytes) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

std::string value_text(const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::number: return fmt::format("{}", cell.number);
    case CellType::boolean: return cell.number != 0 ? "SANT" : "FALSKT";
    case CellType::date: return wb.date_iso(cell);
    case CellType::string: return fmt::format("'{}'", wb.text(cell));
    case CellType::error: return std::string(wb.text(cell));
  }
  return {};
}

}  // namespace

std::string cell_value_json_text(const Workbook& wb, const Cell& cell) {
  std::string out;
  append_cell_value(out, wb, cell);
  return out;
}

nlohmann::json cell_value_json(const Workbook& wb, const Cell& cell) {
  return nlohmann::json::parse(cell_value_json_text(wb, cell));
}

void write_inspect_json(const Workbook& wb, const std::vector<InspectTable>& tables,
                        std::ostream& out) {
  std::string b = "{\n  \"file\": ";
  append_json_string(b, wb.file_name);
  b += ",\n  \"sheets\": [";
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    const xlsx::Sheet& sheet = wb.sheets[i];
    b += i == 0 ? "\n    {\n      \"name\": " : ",\n    {\n      \"name\": ";
    append_json_string(b, sheet.name);
    b += ",\n      \"cells\": [";
    bool first = true;
    for (const Cell& cell : sheet.cells) {
      b += first ? "\n        {\"ref\": \"" : ",\n        {\"ref\": \"";
      first = false;
      b += xlsx::to_string(cell.ref());
      b += "\", \"type\": \"";
      b += xlsx::type_name(cell.type);
      b += "\", \"value\": ";
      append_cell_value(b, wb, cell);
      if (std::string_view f = wb.formula(cell); !f.empty()) {
        b += ", \"formula\": ";
        append_json_string(b, f);
      }
      b += '}';
      flush_if_full(b, out);
    }
    b += first ? "],\n      \"merged\": [" : "\n      ],\n      \"merged\": [";
    for (std::size_t m = 0; m < sheet.merged.size(); ++m) {
      if (m > 0) b += ", ";
      append_json_string(b, xlsx::to_string(sheet.merged[m]));
    }
    b += "],\n      \"tables\": [";
    bool first_table = true;
    for (const InspectTable& t : tables) {
      if (t.sheet != i) continue;
      b += first_table ? "{\"table\": " : ", {\"table\": ";
      first_table = false;
      append_json_string(b, t.table);
      b += ", \"range\": ";
      append_json_string(b, t.range);
      b += '}';
    }
    b += "]\n    }";
  }
  b += wb.sheets.empty() ? "]\n}\n" : "\n  ]\n}\n";
  out.write(b.data(), static_cast<std::streamsize>(b.size()));
}

nlohmann::json inspect_json(const Workbook& wb, const std::vector<InspectTable>& tables) {
  std::ostringstream text;
  write_inspect_json(wb, tables, text);
  return nlohmann::json::parse(text.str());
}

void write_inspect_text(const Workbook& wb, const std::vector<InspectTable>& tables,
                        std::ostream& out) {
  std::string b = fmt::format("Arbetsbok: {} ({} blad, datumsystem {})\n", wb.file_name,
                              wb.sheets.size(), wb.date1904 ? 1904 : 1900);
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    const xlsx::Sheet& sheet = wb.sheets[i];
    std::string note;
    if (sheet.kind == xlsx::SheetKind::chartsheet) note = ", diagramblad";
    if (sheet.hidden) note += ", dolt";
    b += fmt::format("\nBlad {}: '{}' ({} celler{})\n", i + 1, sheet.name, sheet.cells.size(),
                     note);
    if (!sheet.merged.empty()) {
      b += "  Sammanfogade celler:";
      for (const xlsx::Range& r : sheet.merged) {
        b += ' ';
        b += xlsx::to_string(r);
      }
      b += '\n';
    }
    for (const InspectTable& t : tables) {
      if (t.sheet == i) b += fmt::format("  Tabell {} i {}\n", t.table, t.range);
    }
    for (const Cell& cell : sheet.cells) {
      b += fmt::format("  {:<8} {:<8} {}", xlsx::to_string(cell.ref()),
                       xlsx::type_name_sv(cell.type), value_text(wb, cell));
      if (std::string_view f = wb.formula(cell); !f.empty()) b += fmt::format("  ={}", f);
      b += '\n';
      flush_if_full(b, out);
    }
  }
  out.write(b.data(), static_cast<std::streamsize>(b.size()));
}

}  // namespace arsanalys::output

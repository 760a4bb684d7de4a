#include "output/inspect_report.h"

#include <fmt/format.h>

#include "core/json_writer.h"

namespace arsanalys::output {
using xlsx::Cell;
using xlsx::CellType;
using xlsx::Workbook;

namespace {

/// Output is built in a buffer and handed to the stream in pieces of about this size.
constexpr std::size_t kFlushBytes = 1 << 16;

void write_cell_value(JsonWriter& w, const Workbook& wb, const Cell& cell) {
  switch (cell.type) {
    case CellType::number: w.value(cell.number); return;
    case CellType::boolean: w.value(cell.number != 0); return;
    case CellType::date: w.value(wb.date_iso(cell)); return;
    case CellType::string:
    case CellType::error: w.value(wb.text(cell)); return;
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
  JsonWriter w(out);
  write_cell_value(w, wb, cell);
  w.finish();
  out.pop_back();  // the document's final newline
  return out;
}

void write_inspect_json(const Workbook& wb, const std::vector<InspectTable>& tables,
                        std::ostream& out) {
  // Sheets and cells in blocks, each cell (and the merged ranges and tables) on one line.
  using Layout = JsonWriter::Layout;
  JsonWriter w(out, kFlushBytes);
  w.begin_object();
  w.member("file", wb.file_name);
  w.key("sheets").begin_array();
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    const xlsx::Sheet& sheet = wb.sheets[i];
    w.begin_object();
    w.member("name", sheet.name);
    w.key("cells").begin_array();
    for (const Cell& cell : sheet.cells) {
      w.begin_object(Layout::line);
      w.member("ref", xlsx::to_string(cell.ref()));
      w.member("type", xlsx::type_name(cell.type));
      w.key("value");
      write_cell_value(w, wb, cell);
      if (std::string_view f = wb.formula(cell); !f.empty()) w.member("formula", f);
      w.end_object();
    }
    w.end_array();
    w.key("merged").begin_array(Layout::line);
    for (const xlsx::Range& r : sheet.merged) w.value(xlsx::to_string(r));
    w.end_array();
    w.key("tables").begin_array(Layout::line);
    for (const InspectTable& t : tables) {
      if (t.sheet != i) continue;
      w.begin_object().member("table", t.table).member("range", t.range).end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
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

#pragma once
// Reading a workbook from bytes into the plain model of workbook.h. No disk access: callers
// (the app, tests, the fuzzer) hand over the bytes.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "xlsx/workbook.h"
#include "xlsx/xml_reader.h"
#include "xlsx/zip.h"

namespace arsanalys::xlsx {

/// Limits against hostile input. The defaults let a genuine 50 MB workbook through.
struct ReadLimits {
  ZipLimits zip;                                // decompression caps
  XmlLimits xml;                                // every part's XML: token size, depth, attributes
  std::uint64_t max_small_part_bytes = 128u << 20;  // workbook.xml, styles.xml, relationships
  std::uint64_t max_cells = 30'000'000;         // all sheets together (32 bytes each)
  std::uint64_t max_shared_strings = 5'000'000;  // entries of sharedStrings.xml: `<si/>` is 5
                                                 // bytes, so a small part could otherwise
                                                 // make hundreds of millions of strings
};

/// Reads an .xlsx (or .xlsm) from its bytes. `name` is used in messages. Throws ReadError with
/// a Swedish message when the file cannot be read (not a workbook, legacy .xls, encrypted,
/// corrupt, over a limit).
///
///   Workbook wb = read_workbook(bytes, "intraservice.xlsx");
///   const Cell* c = wb.sheets[0].find(0, 0);
Workbook read_workbook(std::span<const std::byte> bytes, std::string_view name,
                       const ReadLimits& limits = {});

}  // namespace arsanalys::xlsx

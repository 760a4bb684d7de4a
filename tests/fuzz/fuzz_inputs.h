#pragma once
// How the fuzz targets turn their input into workbook bytes; shared with the Catch2 test that
// replays the saved regressions (tests/fuzz/regressions/<target>/), so a crash found by the
// fuzzer stays a test on every build, sanitizer build included.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../xlsx/test_zip.h"

namespace arsanalys::test {

/// fuzz_sheet: the input is the parts of an otherwise valid package, separated by 0xFF bytes:
/// the worksheet, then the shared strings, the styles, the workbook part and the workbook's
/// relationships. Parts the input stops before keep the valid ones; empty shared strings or
/// styles leave that part out. Mutations so reach the XML reader and what reads each part,
/// instead of dying at the zip checksum as raw-byte mutations mostly do.
inline std::vector<std::byte> sheet_package(std::string_view input) {
  std::vector<std::string_view> parts;
  for (;;) {
    auto cut = input.find('\xFF');
    parts.push_back(input.substr(0, cut));
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 1);
  }
  XlsxSpec spec;
  spec.sheets = {{"Blad1", std::string(parts[0])}};
  spec.shared_strings = parts.size() > 1 ? std::string(parts[1]) : std::string();
  spec.styles = parts.size() > 2 ? std::string(parts[2])
                                 : styles_xml({0, 14, 3, 164}, {{164, "yyyy-mm-dd"}});
  std::vector<ZipEntry> entries = xlsx_entries(spec);
  for (ZipEntry& e : entries) {
    if (e.name == "xl/workbook.xml" && parts.size() > 3) e.data = parts[3];
    if (e.name == "xl/_rels/workbook.xml.rels" && parts.size() > 4) e.data = parts[4];
  }
  return make_zip(entries);
}

}  // namespace arsanalys::test

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

/// fuzz_sheet: the input is the worksheet part and, after a 0xFF byte, the shared strings of an
/// otherwise valid package, so mutations reach the XML and cell parsers instead of dying at the
/// zip checksum as raw-byte mutations mostly do.
inline std::vector<std::byte> sheet_package(std::string_view input) {
  std::string_view sheet = input, strings;
  if (auto cut = input.find('\xFF'); cut != std::string_view::npos) {
    sheet = input.substr(0, cut);
    strings = input.substr(cut + 1);
  }
  XlsxSpec spec;
  spec.sheets = {{"Blad1", std::string(sheet)}};
  spec.shared_strings = std::string(strings);
  spec.styles = styles_xml({0, 14, 3, 164}, {{164, "yyyy-mm-dd"}});
  return make_xlsx(spec);
}

}  // namespace arsanalys::test

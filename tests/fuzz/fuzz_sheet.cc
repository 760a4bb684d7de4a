// libFuzzer target: arbitrary bytes as a worksheet (and shared strings, styles, workbook part
// and its relationships) inside a valid package; see fuzz_inputs.h. Anything but a Workbook or a ReadError is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "fuzz_inputs.h"
#include "../support/inspect_json.h"
#include "xlsx/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = arsanalys::test::sheet_package(
      std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    (void)arsanalys::test::inspect_json(arsanalys::xlsx::read_workbook(bytes, "fuzz.xlsx"), {});
  } catch (const arsanalys::ReadError&) {
  }
  return 0;
}

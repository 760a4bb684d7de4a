// libFuzzer target: the whole reader on arbitrary bytes. Anything but a Workbook or a ReadError
// (a crash, a sanitizer report, a hang, an allocation beyond -rss_limit_mb) is a bug.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/error.h"
#include "../support/inspect_json.h"
#include "xlsx/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto wb = arsanalys::xlsx::read_workbook(
        std::span(reinterpret_cast<const std::byte*>(data), size), "fuzz.xlsx");
    // Touch every cell the way inspect does.
    (void)arsanalys::test::inspect_json(wb, {});
  } catch (const arsanalys::ReadError&) {
  }
  return 0;
}

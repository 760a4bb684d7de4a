// libFuzzer target: arbitrary bytes through our deflate and zip writer and back (see
// deflate_roundtrip.h). A difference is a bug: the run stops there.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "deflate_roundtrip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!arsanalys::test::deflate_round_trips(
          std::string_view(reinterpret_cast<const char*>(data), size))) {
    __builtin_trap();
  }
  return 0;
}

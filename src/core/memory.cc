#include "core/memory.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace arsanalys {

void advise_huge_pages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Only whole huge pages: a partly covered one would also hold other allocations, and the
  // kernel could not use a huge page there anyway.
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  auto first = reinterpret_cast<std::uintptr_t>(data);
  std::uintptr_t begin = (first + kHugePage - 1) & ~(kHugePage - 1);
  std::uintptr_t end = (first + bytes) & ~(kHugePage - 1);
  if (data == nullptr || end <= begin) return;
  // A refusal (an old kernel, THP compiled out) leaves ordinary pages: nothing to report.
  (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace arsanalys

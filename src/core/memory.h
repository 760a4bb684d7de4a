#pragma once
// Hints to the operating system about how large buffers will be used.

#include <cstddef>

namespace arsanalys {

/// Asks the kernel to back the 2 MiB-aligned interior of [data, data + bytes) with huge pages
/// when it is first written. Filling a large fresh buffer (a sheet's million cells, a whole
/// input file) otherwise costs one page fault per 4 KiB, which on a virtual machine is the
/// biggest single cost of reading a workbook. Only a hint: without transparent huge pages
/// (another OS, or `never` in /sys/kernel/mm/transparent_hugepage/enabled) nothing changes.
/// Call it before the memory is first touched.
void advise_huge_pages(void* data, std::size_t bytes);

}  // namespace arsanalys

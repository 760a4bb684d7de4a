#pragma once
// Work spread over the machine's cores where it pays (reading several workbooks, writing one
// statement per customer) without the result depending on thread timing: each index writes
// only its own slot, and the caller combines the slots in index order.

#include <cstddef>
#include <functional>

namespace arsanalys {

/// Calls `fn(i)` for every i in [0, n) on up to `threads` threads (0: one per core, at most n).
/// Returns when all calls have returned. The first exception thrown by a call is rethrown
/// here after the others finished; the calls left at that moment are not started.
///
///   std::vector<Result> out(files.size());
///   parallel_for(files.size(), [&](std::size_t i) { out[i] = read(files[i]); });
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn,
                  unsigned threads = 0);

}  // namespace arsanalys

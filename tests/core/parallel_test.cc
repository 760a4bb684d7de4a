#include "core/parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

using arsanalys::parallel_for;

TEST_CASE("parallel_for calls every index once, on any number of threads", "[core]") {
  for (unsigned threads : {0u, 1u, 2u, 7u}) {
    INFO(threads);
    std::vector<int> calls(1000, 0);
    parallel_for(calls.size(), [&](std::size_t i) { calls[i] += static_cast<int>(i) + 1; },
                 threads);
    for (std::size_t i = 0; i < calls.size(); ++i) REQUIRE(calls[i] == static_cast<int>(i) + 1);
  }
  int none = 0;
  parallel_for(0, [&](std::size_t) { ++none; });
  CHECK(none == 0);
}

TEST_CASE("parallel_for rethrows the first failure after the others finished", "[core]") {
  std::atomic<int> done{0};
  CHECK_THROWS_WITH(parallel_for(
                        100,
                        [&](std::size_t i) {
                          if (i == 3) throw std::runtime_error("trasig");
                          ++done;
                        },
                        2),
                    "trasig");
  CHECK(done < 100);
}

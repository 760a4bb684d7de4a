// Inputs the fuzzers once broke the reader with (tests/fuzz/regressions/<target>/), replayed on
// every build: each must now be read or refused with a ReadError.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../fuzz/fuzz_inputs.h"
#include "core/error.h"
#include "../support/inspect_json.h"
#include "xlsx/reader.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> files;
  fs::path dir = fs::path(ARSANALYS_TEST_DATA).parent_path() / "fuzz" / "regressions" / target;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().filename() != ".gitkeep") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Reads the bytes; a ReadError (a clean refusal) is swallowed, anything else escapes.
void read_or_refuse(const std::vector<std::byte>& bytes) {
  try {
    (void)arsanalys::test::inspect_json(arsanalys::xlsx::read_workbook(bytes, "fuzz.xlsx"), {});
  } catch (const arsanalys::ReadError&) {
  }
}

}  // namespace

TEST_CASE("fuzz regressions: whole-file inputs are read or refused", "[fuzz]") {
  for (const fs::path& file : inputs("fuzz_reader")) {
    INFO(file.filename().string());
    std::string data = slurp(file);
    std::vector<std::byte> bytes(data.size());
    std::transform(data.begin(), data.end(), bytes.begin(),
                   [](char c) { return static_cast<std::byte>(c); });
    CHECK_NOTHROW(read_or_refuse(bytes));
  }
}

TEST_CASE("fuzz regressions: worksheet inputs are read or refused", "[fuzz]") {
  for (const fs::path& file : inputs("fuzz_sheet")) {
    INFO(file.filename().string());
    CHECK_NOTHROW(read_or_refuse(arsanalys::test::sheet_package(slurp(file))));
  }
}

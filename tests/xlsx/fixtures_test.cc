// The reader on the fixture workbooks of tests/data/xlsx (made by hand, by openpyxl and by
// LibreOffice; README.md there says how): `inspect --json` of each equals its hand-written oracle
// NAME.expected.json, which was written from what went into the file, not from our output.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "../support/inspect_json.h"
#include "xlsx/reader.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> fixtures() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(ARSANALYS_TEST_DATA) / "xlsx")) {
    if (e.path().extension() == ".xlsx") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fixtures: inspect --json equals the hand-written oracle", "[fixtures]") {
  auto files = fixtures();
  REQUIRE(files.size() >= 20);
  for (const fs::path& file : files) {
    std::string name = file.filename().string();
    fs::path oracle_path = file;
    oracle_path.replace_extension(".expected.json");
    INFO(name);
    REQUIRE(fs::exists(oracle_path));
    std::ifstream in(oracle_path);
    nlohmann::json oracle = nlohmann::json::parse(in);

    auto bytes = arsanalys::read_file(file, name);
    nlohmann::json actual =
        arsanalys::test::inspect_json(arsanalys::xlsx::read_workbook(bytes, name), {});
    // Sheet by sheet and cell by cell, so a failure names the cell.
    REQUIRE(actual["file"] == oracle["file"]);
    REQUIRE(actual["sheets"].size() == oracle["sheets"].size());
    for (std::size_t s = 0; s < oracle["sheets"].size(); ++s) {
      const auto& want = oracle["sheets"][s];
      const auto& got = actual["sheets"][s];
      INFO("blad " << want["name"]);
      CHECK(got["name"] == want["name"]);
      CHECK(got["merged"] == want["merged"]);
      CHECK(got["tables"] == want["tables"]);
      std::size_t n = std::min(got["cells"].size(), want["cells"].size());
      for (std::size_t c = 0; c < n; ++c) {
        CHECK(got["cells"][c].dump() == want["cells"][c].dump());
      }
      CHECK(got["cells"].size() == want["cells"].size());
    }
  }
}

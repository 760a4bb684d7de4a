// End to end: `run` on the sample round (samples/2024). resultat.json must equal
// tests/data/golden/resultat.json exactly (reviewed against docs/seed-2024.md; regenerate after
// a deliberate change with ARSANALYS_UPDATE_GOLDEN=1 and review the diff), two runs must give
// byte-identical outputs, and the inputs must be untouched.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/commands.h"
#include "core/file_io.h"
#include "xlsx/reader.h"
#include "../support/inspect_json.h"
#include "../support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kRound =
    fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" / "2024";
const fs::path kGolden = fs::path(ARSANALYS_TEST_DATA) / "golden" / "resultat.json";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Relative path -> bytes of every file under `dir`.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = slurp(e.path());
  }
  return out;
}

int run_into(const fs::path& out_dir, std::string* printed = nullptr) {
  arsanalys::app::RunOptions options;
  options.round_dir = kRound;
  options.out_dir = out_dir;
  std::ostringstream out, err;
  int code = static_cast<int>(arsanalys::app::run(options, out, err));
  if (printed) *printed = out.str() + err.str();
  return code;
}

/// What a reader sees in a workbook, one line per sheet, merged range and cell: the
/// part-by-part comparison of the workbooks (values, types and formulas; styles left out).
std::string listing(const fs::path& file) {
  auto bytes = arsanalys::read_file(file, file.filename().string());
  json doc = arsanalys::test::inspect_json(
      arsanalys::xlsx::read_workbook(bytes, file.filename().string()), {});
  std::string out;
  for (const json& sheet : doc["sheets"]) {
    out += "blad " + sheet["name"].get<std::string>() + "\n";
    for (const json& m : sheet["merged"]) out += "  sammanfogat " + m.get<std::string>() + "\n";
    for (const json& c : sheet["cells"]) out += "  " + c.dump() + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("golden: the workbooks of a run on the sample round, cell by cell", "[golden][run]") {
  arsanalys::test::TempDir dir;
  run_into(dir.path() / "ut");
  for (const char* name : {"sammanstallning.xlsx", "beslutsbilaga.xlsx", "fordelning.xlsx",
                           "kunder/GSF.xlsx", "granskning/demokrati.xlsx"}) {
    INFO(name);
    std::string actual = listing(dir.path() / "ut" / name);
    std::string stem = fs::path(name).string();
    std::replace(stem.begin(), stem.end(), '/', '_');
    fs::path golden = kGolden.parent_path() / "run" / (stem + ".txt");
    if (std::getenv("ARSANALYS_UPDATE_GOLDEN") != nullptr) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << actual;
    }
    std::string expected = slurp(golden);
    REQUIRE_FALSE(expected.empty());
    // Line by line, so a failure shows the first differing cell rather than two whole books.
    std::istringstream a(actual), e(expected);
    std::string la, le;
    int line = 0;
    while (std::getline(e, le)) {
      ++line;
      INFO("rad " << line);
      REQUIRE(std::getline(a, la));
      REQUIRE(la == le);
    }
    CHECK_FALSE(std::getline(a, la));
  }
}

TEST_CASE("golden: run on the sample round", "[golden][run]") {
  arsanalys::test::TempDir dir;
  auto inputs_before = tree(kRound);
  std::string printed;
  // The sample round keeps the real defects, so there are findings of level fel: exit 1.
  CHECK(run_into(dir.path() / "ut", &printed) == 1);
  CHECK(printed.find("[6/6]") != std::string::npos);
  CHECK(printed.find("Leverantörer lästa: 3") != std::string::npos);
  CHECK(tree(kRound) == inputs_before);

  const std::string text = slurp(dir.path() / "ut" / "resultat.json");
  if (std::getenv("ARSANALYS_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(kGolden, std::ios::binary) << text;
  }
  json actual = json::parse(text);
  json expected = json::parse(slurp(kGolden));
  for (const char* key : {"year", "draft", "suppliers", "findings", "allocations",
                          "not_allocated", "customers"}) {
    INFO(key);
    CHECK(actual[key] == expected[key]);
  }
  CHECK(actual.size() == expected.size());
  // And to the byte: keys in byte order, two spaces a level, a final newline (the text
  // nlohmann's dump(2) gives, which the file has always had).
  CHECK(text == slurp(kGolden));
  CHECK(text == actual.dump(2) + "\n");

  // The contract's promises, whatever the golden says.
  CHECK(actual["year"] == 2024);
  CHECK(actual["draft"] == true);
  std::int64_t allocated = 0;
  for (const json& a : actual["allocations"]) {
    std::int64_t sum = 0;
    for (const auto& [id, kr] : a["customers_kr"].items()) sum += kr.get<std::int64_t>();
    CHECK(sum == a["amount_kr"].get<std::int64_t>());
    allocated += a["amount_kr"].get<std::int64_t>();
  }
  std::int64_t charged = 0;
  for (const json& c : actual["customers"]) charged += c["total_kr"].get<std::int64_t>();
  CHECK(charged == allocated);
}

TEST_CASE("run: the same inputs give byte-identical outputs", "[run]") {
  arsanalys::test::TempDir dir;
  run_into(dir.path() / "a");
  run_into(dir.path() / "b");
  auto a = tree(dir.path() / "a");
  auto b = tree(dir.path() / "b");
  CHECK(a.size() >= 4);
  CHECK(a == b);
}

TEST_CASE("run: a round folder without leverantorer/ is refused", "[run]") {
  arsanalys::test::TempDir dir;
  arsanalys::app::RunOptions options;
  options.round_dir = dir.path();
  options.out_dir = dir.path() / "ut";
  std::ostringstream out, err;
  CHECK_THROWS_WITH(arsanalys::app::run(options, out, err),
                    Catch::Contains("leverantorer") && Catch::Contains("finns inte"));
  CHECK_FALSE(fs::exists(dir.path() / "ut"));
}

TEST_CASE("run on the sample round: the frames hold the catalogue's scope, and reconcile",
          "[golden][run][catalogue]") {
  arsanalys::test::TempDir dir;
  run_into(dir.path() / "ut");
  json r = json::parse(slurp(dir.path() / "ut" / "resultat.json"));
  // Per supplier, table and year: the lines inside the frames plus those outside are the
  // submission's lines, and the scope resultat.json states agrees with its lines.
  std::map<std::string, std::int64_t> in_by_area;  // Intraservice, förvaltning 2023
  for (const json& s : r["suppliers"]) {
    INFO(s["name"].get<std::string>());
    std::map<std::pair<std::string, std::string>, std::array<std::int64_t, 2>> sums;
    for (const json& l : s["lines"]) {
      REQUIRE(l.contains("category"));
      REQUIRE(l.contains("financing"));
      for (const auto& [year, kr] : l["amounts_kr"].items()) {
        if (kr.is_null()) continue;
        sums[{l["table"], year}][l["in_frames"].get<bool>() ? 0 : 1] += kr.get<std::int64_t>();
        if (s["name"] == "Nämnden för Intraservice" && l["table"] == "forvaltning" &&
            year == "2023" && l["in_frames"].get<bool>()) {
          in_by_area[l["area"]] += kr.get<std::int64_t>();
        }
      }
    }
    for (const json& x : s["scope"]) {
      auto key = std::pair{x["table"].get<std::string>(), std::to_string(x["year"].get<int>())};
      INFO(key.first << " " << key.second);
      CHECK(x["in_frames_kr"] == sums[key][0]);
      CHECK(x["outside_kr"] == sums[key][1]);
      CHECK(x["total_kr"].get<std::int64_t>() ==
            x["in_frames_kr"].get<std::int64_t>() + x["outside_kr"].get<std::int64_t>());
    }
  }
  // Intraservice's Budget 2023 by area inside the frames, as seed 003's rows derive it
  // (docs/seed-2024.md §10): the annex's 45 900 / 119 700 / 23 000 for the first three.
  CHECK(in_by_area == std::map<std::string, std::int64_t>{{"Ekonomi", 45'876'000},
                                                          {"HR", 119'676'000},
                                                          {"Kommunikation", 22'972'000},
                                                          {"Ledning och styrning", 34'531'000},
                                                          {"Digital infrastruktur", 737'558'000}});
  // Every krona of year 2024 is charged to customers, invoiced, funded or charged to a
  // receiving supplier, or listed as not allocated: once.
  std::int64_t lines = 0, accounted = 0;
  for (const json& s : r["suppliers"]) {
    for (const json& l : s["lines"]) {
      if (l["amounts_kr"].contains("2024") && !l["amounts_kr"]["2024"].is_null()) {
        lines += l["amounts_kr"]["2024"].get<std::int64_t>();
      }
    }
  }
  for (const json& a : r["allocations"]) accounted += a["amount_kr"].get<std::int64_t>();
  for (const json& a : r["not_allocated"]) accounted += a["amount_kr"].get<std::int64_t>();
  CHECK(accounted == lines);
  // The goteborg.se platform and Inköp are charged to the suppliers that deliver them onwards.
  std::map<std::string, std::string> delivered;
  for (const json& a : r["not_allocated"]) {
    if (a["charging"] == "to_supplier") delivered[a["service"]] = a["delivered_to"];
  }
  CHECK(delivered == std::map<std::string, std::string>{
                         {"Extern service och kommunikation (goteborg.se)",
                          "Nämnden för demokrati och medborgarservice"},
                         {"Inköp", "Nämnden för inköp och upphandling"}});
}

// `run` on rounds with broken inputs: the good suppliers are processed, every broken file is
// named with the reason and what to do, the inputs stay byte-identical, and the output folder
// never keeps a temporary file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/temp_dir.h"
#include "app/commands.h"
#include "core/error.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kSample =
    fs::path(ARSANALYS_TEST_DATA).parent_path().parent_path() / "samples" / "2024";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, std::string_view bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = slurp(e.path());
  }
  return out;
}

/// A copy of the sample round in `dir`.
fs::path copy_sample(const fs::path& dir) {
  fs::path round = dir / "omgang";
  fs::copy(kSample, round, fs::copy_options::recursive);
  fs::remove(round / "make_samples.py");
  return round;
}

/// An OLE compound file's header and directory names, as Excel's encrypted packages and legacy
/// .xls workbooks start.
std::string ole_with(std::initializer_list<std::string_view> names) {
  std::string out("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  out.append(504, '\0');
  for (std::string_view name : names) {
    for (char c : name) out += std::string{c, '\0'};
    out.append(64 - 2 * name.size(), '\0');
  }
  return out;
}

struct Result {
  int code = -1;
  std::string printed;
  json resultat;
};

Result run(const fs::path& round, const fs::path& out_dir) {
  arsanalys::app::RunOptions options;
  options.round_dir = round;
  options.out_dir = out_dir;
  std::ostringstream out, err;
  Result r;
  r.code = static_cast<int>(arsanalys::app::run(options, out, err));
  r.printed = out.str() + err.str();
  if (fs::exists(out_dir / "resultat.json")) r.resultat = json::parse(slurp(out_dir / "resultat.json"));
  return r;
}

/// "CODE file: message" of the findings about whole files.
std::map<std::string, std::string> file_findings(const json& resultat) {
  std::map<std::string, std::string> out;
  for (const json& f : resultat["findings"]) {
    if (f["sheet"] == "" && f["cell"] == "") {
      out[f["file"].get<std::string>()] =
          f["code"].get<std::string>() + " " + f["level"].get<std::string>() + ": " +
          f["message"].get<std::string>();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("run: broken files among good ones are named, the good ones processed", "[run]") {
  arsanalys::test::TempDir dir;
  fs::path round = copy_sample(dir.path());
  fs::path lev = round / "leverantorer";
  std::string good = slurp(lev / "inkop.xlsx");
  spit(lev / "trasig.xlsx", good.substr(0, good.size() / 2));
  spit(lev / "krypterad.xlsx", ole_with({"Root Entry", "EncryptionInfo", "EncryptedPackage"}));
  spit(lev / "gammal.xls", ole_with({"Root Entry", "Workbook"}));
  spit(lev / "underlag.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n");
  spit(lev / "~$inkop.xlsx", "lock");
  spit(lev / "tom.xlsx", "");
  auto before = tree(round);

  Result r = run(round, dir.path() / "ut");
  CHECK(r.code == 1);
  CHECK(tree(round) == before);  // inputs untouched, byte for byte
  CHECK(r.printed.find("Leverantörer lästa: 3") != std::string::npos);
  CHECK(r.resultat["suppliers"].size() == 3);

  auto found = file_findings(r.resultat);
  CHECK(found.at("~$inkop.xlsx").starts_with("FILE_SKIPPED info: Excels låsfil"));
  for (const char* f : {"trasig.xlsx", "krypterad.xlsx", "gammal.xls", "underlag.pdf",
                        "tom.xlsx"}) {
    INFO(f);
    REQUIRE(found.count(f) == 1);
    CHECK(found.at(f).starts_with("FILE_UNREADABLE fel: "));
  }
  // Each says what is wrong and what to do, in Swedish.
  CHECK(found.at("krypterad.xlsx").find("lösenord") != std::string::npos);
  CHECK(found.at("gammal.xls").find(".xlsx") != std::string::npos);
  CHECK(found.at("tom.xlsx").find("tom") != std::string::npos);
  CHECK(r.printed.find("kunde inte läsas") != std::string::npos);
}

TEST_CASE("run: without kunder.xlsx and with a broken omgang.toml", "[run]") {
  arsanalys::test::TempDir dir;
  fs::path round = copy_sample(dir.path());
  fs::remove(round / "kunder.xlsx");
  spit(round / "omgang.toml", "analysar = 2024\n[index]\nprocent = \"tre\"\nokand = 1\n");

  Result r = run(round, dir.path() / "ut");
  CHECK(r.code == 1);
  std::vector<std::string> codes;
  for (const json& f : r.resultat["findings"]) {
    if (f["file"] == "kunder.xlsx" || f["file"] == "omgang.toml") {
      codes.push_back(f["code"].get<std::string>() + " " + f["cell"].get<std::string>());
    }
  }
  CHECK(codes == std::vector<std::string>{"FILE_MISSING ", "SETTINGS_INVALID rad 3",
                                          "SETTINGS_UNKNOWN_KEY rad 4"});
  // Consolidation and the suppliers are still there; nothing is allocated.
  CHECK(r.resultat["suppliers"].size() == 3);
  CHECK(r.resultat["allocations"].empty());
  CHECK(r.resultat["customers"].empty());
}

TEST_CASE("run: an unwritable output folder is said at once, nothing half-written",
          "[run]") {
  arsanalys::test::TempDir dir;
  spit(dir.path() / "ut", "a file where the folder should be");
  arsanalys::app::RunOptions options;
  options.round_dir = kSample;
  options.out_dir = dir.path() / "ut";
  std::ostringstream out, err;
  CHECK_THROWS_WITH(arsanalys::app::run(options, out, err),
                    Catch::StartsWith("Kan inte skapa resultatmappen"));
  CHECK(slurp(dir.path() / "ut") == "a file where the folder should be");
}

TEST_CASE("run: temporaries of a killed run are cleared, other files left alone", "[run]") {
  arsanalys::test::TempDir dir;
  fs::path out_dir = dir.path() / "ut";
  fs::create_directories(out_dir / "kunder");
  spit(out_dir / ".resultat.json.tmp-0123abcd", "half");
  spit(out_dir / "kunder" / ".GSF.xlsx.tmp-deadbeef", "half");
  spit(out_dir / "egen-anteckning.txt", "mine");
  run(kSample, out_dir);
  for (const auto& e : fs::recursive_directory_iterator(out_dir)) {
    INFO(e.path());
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
  CHECK(slurp(out_dir / "egen-anteckning.txt") == "mine");
}

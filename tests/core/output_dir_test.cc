// Outputs never where inputs are; one writer at a time; an output folder published whole
// (issue 16).
#include "core/output_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "../support/temp_dir.h"
#include "core/error.h"

namespace fs = std::filesystem;
using arsanalys::InputSet;
using arsanalys::OutputLock;
using arsanalys::RunError;
using arsanalys::StagedOutput;
using arsanalys::test::TempDir;
using arsanalys::write_file;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void put(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

/// A round: leverantorer/inkop.xlsx and kunder.xlsx.
InputSet round_inputs(const fs::path& round) {
  put(round / "leverantorer" / "inkop.xlsx", "inkop");
  put(round / "kunder.xlsx", "kunder");
  InputSet inputs;
  inputs.add_folder(round / "leverantorer");
  inputs.add_file(round / "kunder.xlsx");
  inputs.add_file(round / "leverantorer" / "inkop.xlsx");
  return inputs;
}

/// Entries of a folder, "" when it is missing.
std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string> kOwn = {"resultat.json", "kunder", "granskning"};

}  // namespace

TEST_CASE("InputSet: a folder that holds inputs or lies within one is refused",
          "[output_dir]") {
  TempDir dir;
  fs::path round = dir.path() / "omgang";
  InputSet inputs = round_inputs(round);
  CHECK(inputs.refuse_folder(round / "ut").empty());
  CHECK(inputs.refuse_folder(dir.path() / "annat" / "ut").empty());
  CHECK(inputs.refuse_folder(round / "leverantorer").starts_with(
      "Resultatmappen " + (round / "leverantorer").string() + " ligger i mappen med indata"));
  CHECK(inputs.refuse_folder(round / "leverantorer" / "ut").find("ligger i mappen med indata") !=
        std::string::npos);
  CHECK(inputs.refuse_folder(round).find("innehåller indata") != std::string::npos);
  CHECK(inputs.refuse_folder(round / ".").find("innehåller indata") != std::string::npos);
  CHECK(inputs.refuse_folder(dir.path()).find("innehåller indata") != std::string::npos);
  CHECK(inputs.refuse_folder(round / "kunder.xlsx").find("är en indatafil") != std::string::npos);
  // Through a link: the link's target is what counts, and the message says so.
  fs::create_directory_symlink(round / "leverantorer", dir.path() / "lank");
  std::string why = inputs.refuse_folder(dir.path() / "lank");
  CHECK(why.find("via en länk") != std::string::npos);
  fs::create_directory_symlink(round, dir.path() / "till-omgangen");
  CHECK(inputs.refuse_folder(dir.path() / "till-omgangen" / "ut").empty());
}

TEST_CASE("InputSet: a file that is an input, by path, link or hard link, is refused",
          "[output_dir]") {
  TempDir dir;
  fs::path round = dir.path() / "omgang";
  InputSet inputs = round_inputs(round);
  CHECK_FALSE(inputs.refuse_file(round / "kunder.xlsx").empty());
  CHECK_FALSE(inputs.refuse_file(round / "leverantorer" / "x.xlsx").empty());
  fs::create_directory_symlink(round / "leverantorer", dir.path() / "granskning");
  CHECK_FALSE(inputs.refuse_file(dir.path() / "granskning" / "inkop.xlsx").empty());
  fs::create_hard_link(round / "kunder.xlsx", dir.path() / "hard.xlsx");
  CHECK_FALSE(inputs.refuse_file(dir.path() / "hard.xlsx").empty());
  CHECK(inputs.refuse_file(dir.path() / "ut.xlsx").empty());
}

TEST_CASE("StagedOutput: nothing is seen until published, then all; stale files go",
          "[output_dir]") {
  TempDir dir;
  InputSet inputs = round_inputs(dir.path() / "omgang");
  fs::path out = dir.path() / "ut";
  {
    StagedOutput staged(out, inputs, kOwn);
    write_file(staged.dir() / "resultat.json", "1");
    fs::create_directory(staged.dir() / "kunder");
    write_file(staged.dir() / "kunder" / "A.xlsx", "a");
    write_file(staged.dir() / "kunder" / "B.xlsx", "b");
    CHECK_FALSE(fs::exists(out));
    staged.publish();
  }
  CHECK(names(out / "kunder") == std::vector<std::string>{"A.xlsx", "B.xlsx"});
  put(out / "anteckning.txt", "min");
  fs::create_symlink("anteckning.txt", out / "lank.txt");
  put(out / ".resultat.json.tmp-0123abcd", "halv");
  {
    StagedOutput staged(out, inputs, kOwn);
    write_file(staged.dir() / "resultat.json", "2");
    fs::create_directory(staged.dir() / "kunder");
    write_file(staged.dir() / "kunder" / "A.xlsx", "a2");
    CHECK(slurp(out / "resultat.json") == "1");  // the previous output, whole, meanwhile
    staged.publish();
  }
  CHECK(slurp(out / "resultat.json") == "2");
  CHECK(names(out / "kunder") == std::vector<std::string>{"A.xlsx"});  // B's statement gone
  CHECK(slurp(out / "anteckning.txt") == "min");                      // the user's, kept
  CHECK(fs::is_symlink(out / "lank.txt"));
  CHECK_FALSE(fs::exists(out / ".resultat.json.tmp-0123abcd"));
  // Nothing of ours is left beside it: no staging folder, no lock.
  CHECK(names(dir.path()) == std::vector<std::string>{"omgang", "ut"});
}

TEST_CASE("StagedOutput: not published, the previous output stays as it was", "[output_dir]") {
  TempDir dir;
  InputSet inputs = round_inputs(dir.path() / "omgang");
  fs::path out = dir.path() / "ut";
  put(out / "resultat.json", "gammal");
  try {
    StagedOutput staged(out, inputs, kOwn);
    write_file(staged.dir() / "resultat.json", "ny");
    throw RunError("disken är full");
  } catch (const RunError&) {
  }
  CHECK(slurp(out / "resultat.json") == "gammal");
  CHECK(names(dir.path()) == std::vector<std::string>{"omgang", "ut"});
}

TEST_CASE("StagedOutput: what a killed run left beside the folder is cleared or restored",
          "[output_dir]") {
  TempDir dir;
  InputSet inputs = round_inputs(dir.path() / "omgang");
  fs::path out = dir.path() / "ut";
  // Killed while building: a staging folder and the lock file.
  put(dir.path() / ".ut.arsanalys-staging-0000abcd" / "resultat.json", "halv");
  put(dir.path() / ".ut.arsanalys-lock", "12345\n");
  // Killed between moving the previous output aside and putting the new one in place.
  put(dir.path() / ".ut.arsanalys-previous-0000beef" / "resultat.json", "förra");
  {
    StagedOutput staged(out, inputs, kOwn);
    CHECK(slurp(out / "resultat.json") == "förra");  // restored before anything else
    write_file(staged.dir() / "resultat.json", "ny");
    staged.publish();
  }
  CHECK(slurp(out / "resultat.json") == "ny");
  CHECK(names(dir.path()) == std::vector<std::string>{"omgang", "ut"});
}

TEST_CASE("StagedOutput: refuses a folder of inputs, a file, a foreign folder, the current one",
          "[output_dir]") {
  TempDir dir;
  fs::path round = dir.path() / "omgang";
  InputSet inputs = round_inputs(round);
  CHECK_THROWS_WITH(StagedOutput(round / "leverantorer", inputs, kOwn),
                    Catch::Contains("ligger i mappen med indata"));
  CHECK_THROWS_WITH(StagedOutput(round, inputs, kOwn), Catch::Contains("innehåller indata"));
  put(dir.path() / "fil", "x");
  CHECK_THROWS_WITH(StagedOutput(dir.path() / "fil", inputs, kOwn),
                    Catch::StartsWith("Kan inte skapa resultatmappen"));
  put(dir.path() / "ut" / "arkiv" / "gammalt.txt", "x");
  CHECK_THROWS_WITH(StagedOutput(dir.path() / "ut", inputs, kOwn),
                    Catch::Contains("innehåller mappen 'arkiv'"));
  fs::path here = fs::current_path();
  fs::create_directories(dir.path() / "tom" / "under");
  fs::current_path(dir.path() / "tom" / "under");
  CHECK_THROWS_WITH(StagedOutput(dir.path() / "tom", inputs, kOwn),
                    Catch::Contains("den aktuella mappen"));
  fs::current_path(here);
  CHECK(slurp(round / "leverantorer" / "inkop.xlsx") == "inkop");
}

TEST_CASE("OutputLock: one writer at a time, a clear message for the other", "[output_dir]") {
  TempDir dir;
  InputSet inputs = round_inputs(dir.path() / "omgang");
  fs::path out = dir.path() / "ut";
  {
    StagedOutput first(out, inputs, kOwn);
    CHECK_THROWS_WITH(StagedOutput(out, inputs, kOwn),
                      Catch::StartsWith("En annan körning av arsanalys (process " +
                                        std::to_string(::getpid()) + ") skriver redan till"));
    CHECK_THROWS_AS(OutputLock(out), RunError);
    // Another folder is not held up.
    StagedOutput other(dir.path() / "ut2", inputs, kOwn);
  }
  OutputLock again(out);  // released with the first
}

TEST_CASE("StagedOutput: a folder with a name near the limit of 255 bytes", "[output_dir]") {
  TempDir dir;
  InputSet inputs = round_inputs(dir.path() / "omgang");
  fs::path out = dir.path() / std::string(250, 'u');
  for (int i = 0; i < 2; ++i) {
    StagedOutput staged(out, inputs, kOwn);
    write_file(staged.dir() / "resultat.json", std::to_string(i));
    staged.publish();
  }
  CHECK(slurp(out / "resultat.json") == "1");
  CHECK(names(dir.path()).size() == 2);
}

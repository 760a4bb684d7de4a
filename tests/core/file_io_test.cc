#include "core/file_io.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "test_failure.h"
#include "../support/temp_dir.h"

namespace fs = std::filesystem;
using arsanalys::FileBatch;
using arsanalys::is_lock_file;
using arsanalys::read_file;
using arsanalys::ReadFailure;
using arsanalys::RunError;
using arsanalys::write_file_atomic;
using arsanalys::test::failure_of;

using arsanalys::test::TempDir;

namespace {


std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void put(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

std::string as_string(const std::vector<std::byte>& bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

}  // namespace

TEST_CASE("write_file_atomic: writes the content and leaves no temporary file", "[file_io]") {
  TempDir dir;
  fs::path target = dir.path() / "resultat.json";
  const std::string content = std::string("{\"a\": 1}\n\0binary\xFF", 17);
  write_file_atomic(target, content);
  CHECK(slurp(target) == content);
  CHECK(dir.entries() == std::vector<std::string>{"resultat.json"});
}

TEST_CASE("write_file_atomic: replaces an existing file", "[file_io]") {
  TempDir dir;
  fs::path target = dir.path() / "sammanstallning.xlsx";
  put(target, std::string(10000, 'x'));
  write_file_atomic(target, "kort");
  CHECK(slurp(target) == "kort");  // not "kort" followed by the old tail
  write_file_atomic(target, "");
  CHECK(fs::file_size(target) == 0);
  CHECK(dir.entries() == std::vector<std::string>{"sammanstallning.xlsx"});
}

TEST_CASE("write_file_atomic: names with spaces and Swedish letters", "[file_io]") {
  TempDir dir;
  fs::path target = dir.path() / "Årlig analys – bilaga.html";
  write_file_atomic(target, "<p>hej</p>");
  CHECK(slurp(target) == "<p>hej</p>");
}

TEST_CASE("write_file_atomic: a missing folder is a RunError and leaves nothing", "[file_io]") {
  TempDir dir;
  fs::path target = dir.path() / "finns-inte" / "resultat.json";
  CHECK_THROWS_AS(write_file_atomic(target, "x"), RunError);
  CHECK_THROWS_WITH(write_file_atomic(target, "x"),
                    Catch::StartsWith("Kan inte skriva " + target.string() + ": "));
  CHECK_FALSE(fs::exists(target.parent_path()));
  CHECK(dir.entries().empty());
}

TEST_CASE("write_file_atomic: a folder in the way is a RunError and leaves no temp file",
          "[file_io]") {
  TempDir dir;
  fs::path target = dir.path() / "upptagen";
  fs::create_directory(target);
  fs::create_directory(target / "inne");  // a non-empty folder cannot be renamed over
  CHECK_THROWS_AS(write_file_atomic(target, "x"), RunError);
  CHECK(dir.entries() == std::vector<std::string>{"upptagen"});
  CHECK(fs::is_directory(target));
}

TEST_CASE("read_file: whole files, and the size limit", "[file_io]") {
  TempDir dir;
  fs::path p = dir.path() / "bok.xlsx";
  const std::string content = std::string("PK\x03\x04\0\0rest", 10);
  put(p, content);
  CHECK(as_string(read_file(p, "bok.xlsx")) == content);
  CHECK(as_string(read_file(p, "bok.xlsx", 10)) == content);  // exactly at the limit
  auto o = failure_of([&] { read_file(p, "bok.xlsx", 9); });
  CHECK(o == ReadFailure::too_large);
  CHECK_THAT(o.message, Catch::StartsWith("bok.xlsx: "));

  fs::path empty = dir.path() / "tom.xlsx";
  put(empty, "");
  CHECK(read_file(empty, "tom.xlsx").empty());
}

TEST_CASE("read_file: what cannot be read is io", "[file_io]") {
  TempDir dir;
  auto missing = failure_of([&] { read_file(dir.path() / "saknas.xlsx", "saknas.xlsx"); });
  CHECK(missing == ReadFailure::io);
  CHECK_THAT(missing.message, Catch::StartsWith("saknas.xlsx: "));
  auto folder = failure_of([&] { read_file(dir.path(), "mappen"); });
  CHECK(folder == ReadFailure::io);
  CHECK(folder.message == "mappen: är en mapp, ingen fil.");
}

TEST_CASE("is_lock_file: Excel's ~$ files", "[file_io]") {
  CHECK(is_lock_file("~$bok.xlsx"));
  CHECK(is_lock_file("/data/omgang/~$intraservice.xlsx"));
  CHECK(is_lock_file(fs::path("omgang") / "~$x.xlsx"));
  CHECK_FALSE(is_lock_file("bok.xlsx"));
  CHECK_FALSE(is_lock_file("~bok.xlsx"));
  CHECK_FALSE(is_lock_file("$~bok.xlsx"));
  CHECK_FALSE(is_lock_file("bok~$.xlsx"));
  CHECK_FALSE(is_lock_file("~$/bok.xlsx"));  // a folder named ~$ does not count
  CHECK_FALSE(is_lock_file(""));
}

TEST_CASE("FileBatch: files appear only at commit, whole; nothing left when not committed",
          "[core]") {
  TempDir dir;
  const fs::path a = dir.path() / "a.xlsx", b = dir.path() / "sub-b.xlsx";
  put(a, "old");
  {
    FileBatch batch;
    batch.add(a, "new a");
    batch.add(b, std::string(100'000, 'b'));
    CHECK(slurp(a) == "old");  // not yet
    CHECK_FALSE(fs::exists(b));
    batch.commit();
    CHECK(batch.committed() == 2);
  }
  CHECK(slurp(a) == "new a");
  CHECK(slurp(b) == std::string(100'000, 'b'));
  {
    FileBatch batch;
    batch.add(a, "never");
  }  // destroyed uncommitted: its temporary is removed, the target untouched
  CHECK(slurp(a) == "new a");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"a.xlsx", "sub-b.xlsx"});
}

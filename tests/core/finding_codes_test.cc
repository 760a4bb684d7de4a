// The one table of finding codes (core/finding_codes) against the sources that emit codes, the
// golden outputs' findings and the contract's table.

#include "core/finding_codes.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using arsanalys::allowed_level;
using arsanalys::find_finding_code;
using arsanalys::finding_codes;
using arsanalys::FindingCode;
using arsanalys::Level;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every source file of the program, with its text.
std::vector<std::pair<fs::path, std::string>> sources() {
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(ARSANALYS_SOURCE_DIR) / "src")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".cc" || ext == ".h" || ext == ".cpp")) {
      out.emplace_back(e.path(), slurp(e.path()));
    }
  }
  return out;
}

std::optional<Level> level_of(std::string_view word) {
  if (word == "fel") return Level::fel;
  if (word == "varning") return Level::varning;
  if (word == "info") return Level::info;
  return std::nullopt;
}

}  // namespace

TEST_CASE("finding codes: each once in the table, with a level and a Swedish meaning",
          "[finding_codes]") {
  std::set<std::string_view> seen;
  for (const FindingCode& c : finding_codes()) {
    INFO(c.code);
    CHECK(seen.insert(c.code).second);
    CHECK((c.fel || c.varning || c.info));
    CHECK(c.meaning.size() > 10);
    CHECK(c.meaning.back() == '.');
    CHECK(find_finding_code(c.code) == &c);
  }
  CHECK(find_finding_code("NO_SUCH_CODE") == nullptr);
  CHECK(allowed_level("SUM_ROUNDING", Level::info));
  CHECK_FALSE(allowed_level("SUM_ROUNDING", Level::fel));
}

TEST_CASE("finding codes: every code the sources emit is in the table, with its level",
          "[finding_codes]") {
  // A code literal: upper case words joined by '_' ("SUM_MISMATCH"), or one followed by a
  // level ("ADJUSTED", Level::info); environment variables (ARSANALYS_…) are not codes.
  static const std::regex literal(R"re("([A-Z]{2,}(?:_[A-Z]+)+)")re");
  static const std::regex with_level(R"re("([A-Z]{2,}(?:_[A-Z]+)*)",\s*([^,;]*Level::[^,;]*),)re");
  static const std::regex level_word(R"(Level::(fel|varning|info))");
  std::set<std::string> used;
  for (const auto& [path, text] : sources()) {
    if (path.filename() == "finding_codes.cc") continue;
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      const std::string code = (*it)[1];
      if (code.starts_with("ARSANALYS_")) continue;
      INFO(path.string() << ": " << code);
      CHECK(find_finding_code(code) != nullptr);
      used.insert(code);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), with_level), end; it != end; ++it) {
      const std::string code = (*it)[1], levels = (*it)[2];
      used.insert(code);
      for (std::sregex_iterator l(levels.begin(), levels.end(), level_word), lend; l != lend; ++l) {
        INFO(path.string() << ": " << code << " as " << (*l)[1]);
        CHECK(allowed_level(code, *level_of((*l)[1].str())));
      }
    }
  }
  for (const FindingCode& c : finding_codes()) {
    INFO("in the table but emitted nowhere: " << c.code);
    CHECK(used.count(std::string(c.code)) == 1);
  }
}

TEST_CASE("finding codes: the golden outputs' findings carry known codes at their levels",
          "[finding_codes]") {
  const fs::path golden = fs::path(ARSANALYS_TEST_DATA) / "golden";
  std::size_t checked = 0;
  for (const char* name : {"resultat.json", "validate_demokrati.json", "validate_inkop.json",
                           "validate_intraservice.json"}) {
    const nlohmann::json doc = nlohmann::json::parse(slurp(golden / name));
    const nlohmann::json& findings = doc.is_array() ? doc : doc.at("findings");
    for (const auto& f : findings) {
      const std::string code = f.at("code"), level = f.at("level");
      INFO(name << ": " << code << " " << level);
      REQUIRE(level_of(level));
      CHECK(allowed_level(code, *level_of(level)));
      ++checked;
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("finding codes: the table matches the contract's", "[finding_codes]") {
  // The contract lives beside the checkout (../shared/contract.md) where the project is
  // developed; a clone without it checks the table against the sources and outputs only.
  const fs::path contract = fs::path(ARSANALYS_SOURCE_DIR).parent_path() / "shared" / "contract.md";
  if (!fs::exists(contract)) {
    WARN("contract.md finns inte bredvid källkoden; jämförelsen med kontraktets tabell hoppas över");
    return;
  }
  const std::string text = slurp(contract);
  const std::size_t from = text.find("## Finding codes");
  REQUIRE(from != std::string::npos);
  const std::size_t to = text.find("\n## ", from + 1);
  const std::string section = text.substr(from, to == std::string::npos ? std::string::npos : to - from);
  std::set<std::string> in_contract;
  std::istringstream lines(section);
  static const std::regex code_re("`([A-Z_]+)`");
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| `")) continue;
    const std::string first = line.substr(0, line.find('|', 1));
    for (std::sregex_iterator it(first.begin(), first.end(), code_re), end; it != end; ++it) {
      in_contract.insert((*it)[1]);
    }
  }
  REQUIRE(in_contract.size() > 20);
  std::set<std::string> ours;
  for (const FindingCode& c : finding_codes()) {
    if (c.in_contract) ours.insert(std::string(c.code));
  }
  CHECK(ours == in_contract);
}

// resultat.json as streamed: the same text as nlohmann's dump(2) of the whole document, with
// every customer's kronor of a line, Kund-ids that need escaping included.
#include "output/result_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using arsanalys::fordelning::Allocation;
using arsanalys::fordelning::Customer;
using arsanalys::fordelning::CustomerKr;
using arsanalys::fordelning::CustomerKronor;
using arsanalys::fordelning::Key;
using arsanalys::fordelning::LineAllocation;
using arsanalys::fordelning::RoundAllocation;
using nlohmann::json;

TEST_CASE("result json: allocations written directly read as dump(2) prints them",
          "[output][json]") {
  // In Kund-id byte order, as an allocation holds them.
  std::vector<Customer> customers(5);
  const char* ids[] = {"A\"1", "B\\2", "C\t3", "D 4", "\xc3\x85SK"};  // ÅSK last: bytes 0xC3…
  for (int i = 0; i < 5; ++i) customers[i].id = ids[i];
  Key key, proposed_key;
  key.name = "Lika";
  proposed_key.name = "Antal";
  auto kronor = [&](std::vector<std::int64_t> kr) {
    std::vector<CustomerKr> entries;
    for (std::size_t i = 0; i < kr.size(); ++i) entries.push_back({&customers[i], kr[i]});
    return CustomerKronor(std::move(entries));
  };

  RoundAllocation round;
  round.year = 2025;
  LineAllocation line;
  line.supplier = "Intraservice \"IS\"";
  line.service = "customers_kr";  // a text like the marker's key does not confuse it
  line.table = "forvaltning";
  line.year = 2025;
  line.amount_kr = 100;
  line.key = &key;
  line.allocation = Allocation{100, {}, kronor({20, 20, 20, 20, 20})};
  line.proposed_key = &proposed_key;
  line.proposed = Allocation{100, {}, kronor({100, 0, -1, 1, 0})};
  round.lines.push_back(line);
  LineAllocation empty = line;  // an allocation selecting nobody: {}
  empty.allocation = Allocation{};
  empty.proposed.reset();
  round.lines.push_back(empty);

  std::vector<arsanalys::analys::Submission> submissions;
  arsanalys::Findings findings;
  std::string text;
  arsanalys::output::write_result_json(
      {.year = 2025, .draft = false, .submissions = submissions, .findings = findings,
       .allocation = round, .kunder = nullptr},
      [&](std::string_view piece) { text += piece; });

  const json doc = json::parse(text);
  CHECK(text == doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  const json& first = doc.at("allocations").at(0);
  CHECK(first.at("customers_kr").size() == 5);
  CHECK(first.at("customers_kr").at("A\"1") == 20);
  CHECK(first.at("customers_kr").at("\xc3\x85SK") == 20);
  CHECK(first.at("proposed_customers_kr").at("C\t3") == -1);
  CHECK(first.at("proposed_customers_kr").at("A\"1") == 100);
  CHECK(first.at("service") == "customers_kr");
  CHECK(doc.at("allocations").at(1).at("customers_kr") == json::object());
  CHECK(doc.at("allocations").at(1).at("proposed_customers_kr").is_null());
}

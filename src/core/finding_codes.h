#pragma once
// Every finding code the program emits, in one table: the code (the contract's word), the levels
// it may carry and what it means, in Swedish. The contract's table (contract.md, "Finding
// codes") is checked against this one, and the sources' code literals against it, in
// tests/core/finding_codes_test.cc; a code missing here fails that test.

#include <span>
#include <string_view>

#include "core/finding.h"

namespace arsanalys {

/// One finding code.
struct FindingCode {
  std::string_view code;     // e.g. "SUM_MISMATCH"
  bool fel = false;          // the levels it is emitted with
  bool varning = false;
  bool info = false;
  bool in_contract = true;   // named in the contract's table (false: added by the program)
  std::string_view meaning;  // Swedish, one sentence: what a finding with this code says
};

/// All codes, in the contract's order, then the program's own additions.
std::span<const FindingCode> finding_codes();

/// The code's entry, or nullptr when it is not one.
const FindingCode* find_finding_code(std::string_view code);

/// Whether `level` is one the code is emitted with (false for an unknown code).
bool allowed_level(std::string_view code, Level level);

}  // namespace arsanalys

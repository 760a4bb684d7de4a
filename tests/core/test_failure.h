#pragma once
// Test helper: run a piece of code and report which ReadFailure (if any) it threw, so a test can
// say `CHECK(failure_of([&] { ... }) == ReadFailure::bad_reference)` and a failing check prints
// the failure's name and message instead of a number.

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace arsanalys::test {

/// The name of a failure as written in core/error.h.
inline std::string_view failure_name(ReadFailure f) {
  switch (f) {
    case ReadFailure::empty:
      return "empty";
    case ReadFailure::not_zip:
      return "not_zip";
    case ReadFailure::legacy_xls:
      return "legacy_xls";
    case ReadFailure::encrypted:
      return "encrypted";
    case ReadFailure::ole_other:
      return "ole_other";
    case ReadFailure::corrupt_zip:
      return "corrupt_zip";
    case ReadFailure::missing_part:
      return "missing_part";
    case ReadFailure::malformed_xml:
      return "malformed_xml";
    case ReadFailure::forbidden_xml:
      return "forbidden_xml";
    case ReadFailure::too_large:
      return "too_large";
    case ReadFailure::bad_reference:
      return "bad_reference";
    case ReadFailure::io:
      return "io";
  }
  return "?";
}

/// What running the code gave: no exception, a ReadError (kind + message) or something else.
struct Outcome {
  std::optional<ReadFailure> failure;  // set when a ReadError was thrown
  std::string message;                 // what() of whatever was thrown; "" when nothing
  bool other_exception = false;        // something that is not a ReadError was thrown

  friend bool operator==(const Outcome& o, ReadFailure f) { return o.failure == f; }
  bool ok() const { return !failure && !other_exception; }
};

/// Runs `f` and captures how it ended.
template <class F>
Outcome failure_of(F&& f) {
  Outcome out;
  try {
    f();
  } catch (const ReadError& e) {
    out.failure = e.failure();
    out.message = e.what();
  } catch (const std::exception& e) {
    out.other_exception = true;
    out.message = e.what();
  }
  return out;
}

}  // namespace arsanalys::test

namespace Catch {
template <>
struct StringMaker<arsanalys::test::Outcome> {
  static std::string convert(const arsanalys::test::Outcome& o) {
    if (o.failure) {
      return "ReadError(" + std::string(arsanalys::test::failure_name(*o.failure)) + ", \"" +
             o.message + "\")";
    }
    if (o.other_exception) return "other exception: \"" + o.message + "\"";
    return "no exception";
  }
};
template <>
struct StringMaker<arsanalys::ReadFailure> {
  static std::string convert(arsanalys::ReadFailure f) {
    return std::string(arsanalys::test::failure_name(f));
  }
};
}  // namespace Catch

#pragma once
// Errors that end the work on one file or on the whole run. Problems a run can survive are
// findings (core/finding.h), not exceptions.

#include <stdexcept>
#include <string>

namespace arsanalys {

/// Why a file could not be read at all. The reader's fatal problems, sorted so that callers can
/// say what to do (save as .xlsx, remove the password, ask for a new copy).
enum class ReadFailure {
  empty,          // zero bytes
  not_zip,        // some other format (PDF, text, ...)
  legacy_xls,     // an OLE container holding a BIFF workbook (Excel 97-2003)
  encrypted,      // an OLE container holding an encrypted OOXML package
  ole_other,      // an OLE container of another kind
  corrupt_zip,    // truncated or damaged archive
  missing_part,   // a required part of the package is absent
  malformed_xml,  // a part is not well-formed XML
  forbidden_xml,  // DOCTYPE / entity declarations
  too_large,      // a decompression or size limit was exceeded
  bad_reference,  // a cell or range reference outside the sheet grid
  io,             // the file could not be opened or read from disk
};

/// The file-level failure, with a Swedish message a user can act on.
class ReadError : public std::runtime_error {
 public:
  ReadError(ReadFailure failure, const std::string& message)
      : std::runtime_error(message), failure_(failure) {}
  ReadFailure failure() const { return failure_; }

 private:
  ReadFailure failure_;
};

/// Something that stops the whole run (bad command line, unwritable output folder).
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What an operating-system error (an errno) means, in Swedish: "disken är full",
/// "åtkomst nekad". An error without a Swedish text of its own gives the system's text with
/// its number ("felkod 71: Protocol error"), so that it can still be looked up.
std::string system_error_text(int err);

/// Exit statuses of the program, as the contract fixes them.
enum class ExitCode : int {
  ok = 0,          // no finding of level fel
  has_errors = 1,  // some finding of level fel; outputs still written
  failed = 2,      // nothing could be produced
};

}  // namespace arsanalys

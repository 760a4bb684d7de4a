#pragma once
// Reading suppliers' workbooks into recognised submissions, shared by `validate` and `run`:
// lock files skipped, unreadable files reported as findings, never thrown.

#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/error.h"
#include "core/finding.h"
#include "xlsx/workbook.h"

namespace arsanalys::app {

/// A submission and the workbook it was read from (kept for review copies).
struct Ingested {
  xlsx::Workbook workbook;
  analys::Submission submission;
};

/// Reads and recognises one file. Lock files give an `info` finding and nothing; files that
/// are not readable workbooks a `FILE_UNREADABLE` finding and nothing.
std::optional<Ingested> ingest_file(const std::filesystem::path& path,
                                    const analys::TemplateDef& def, Findings& findings);

/// Recognises a workbook held in memory (an upload); `name` is its file name. A file that is
/// no readable workbook gives a `FILE_UNREADABLE` finding and nothing, and `failure` says why.
std::optional<Ingested> ingest_bytes(std::span<const std::byte> bytes, const std::string& name,
                                     const analys::TemplateDef& def, Findings& findings,
                                     std::optional<ReadFailure>* failure = nullptr);

/// One supplier's workbook as `validate` sees it: recognised and checked with no round
/// settings, the findings sorted.
struct Checked {
  std::optional<Ingested> in;             // nothing when the file could not be read
  Findings findings;                      // of this file only, sorted
  std::optional<ReadFailure> failure;     // why it could not be read
};

/// `validate`'s check of one file: read, recognised, checked.
Checked check_file(const std::filesystem::path& path, const analys::TemplateDef& def);

/// The same check of a workbook in memory, for the self-check web page (`serve`).
///
///   Checked c = check_bytes(bytes, "demokrati.xlsx", analys::builtin_template());
Checked check_bytes(std::span<const std::byte> bytes, const std::string& name,
                    const analys::TemplateDef& def);

}  // namespace arsanalys::app

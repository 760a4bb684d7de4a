#pragma once
// Reading suppliers' workbooks into recognised submissions, shared by `validate` and `run`:
// lock files skipped, unreadable files reported as findings, never thrown.

#include <filesystem>
#include <optional>

#include "analys/submission.h"
#include "analys/template_def.h"
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

}  // namespace arsanalys::app

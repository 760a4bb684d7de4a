#pragma once
// Reading suppliers' workbooks into recognised submissions, shared by `validate` and `run`:
// lock files skipped, unreadable files reported as findings, never thrown; the entries of a
// round's leverantorer/ sorted into submissions and findings, so that none is read or skipped
// silently.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/error.h"
#include "core/finding.h"
#include "xlsx/workbook.h"

namespace arsanalys::inputs {

/// A submission and the workbook it was read from (kept for review copies).
struct Ingested {
  xlsx::Workbook workbook;
  analys::Submission submission;
  std::uint64_t digest = 0;  // of the file's bytes (with its size): two files alike are one
};

/// Reads and recognises one file. Lock files give an `info` finding and nothing; files that
/// are not readable workbooks a `FILE_UNREADABLE` finding and nothing. `name` names the file in
/// findings and outputs (default: its file name, made clean UTF-8).
std::optional<Ingested> ingest_file(const std::filesystem::path& path,
                                    const analys::TemplateDef& def, Findings& findings,
                                    std::string name = {});

/// A file named on the command line, and the name it is shown by.
struct Named {
  std::filesystem::path path;  // as given
  std::string name;            // in findings and outputs
};

/// The files `validate` is given, each once: a file named again (by the same path, another
/// path or a link) gives a FILE_SKIPPED info finding. Each is shown by its file name (clean
/// UTF-8) or, where two files share one, by as many of their last folders as tell them apart:
/// "a/inkop.xlsx" and "b/inkop.xlsx".
std::vector<Named> name_files(const std::vector<std::filesystem::path>& files,
                              Findings& findings);

/// A file of leverantorer/ to read.
struct Listed {
  std::filesystem::path path;  // as found
  std::string name;            // as shown: clean UTF-8, unique in the folder
  bool workbook_name = true;   // ends in .xlsx or .xlsm; else read only to say what it is
};

/// The entries of a round's leverantorer/ in name order: the regular files to read, and a
/// finding for every other entry, which is never opened: a link (FILE_UNREADABLE: the round
/// reads the files themselves; a dangling link or a loop says so), a folder (FILE_UNREADABLE
/// when named like a workbook, else FILE_SKIPPED info), a FIFO, socket or device
/// (FILE_UNREADABLE), a hidden file (FILE_SKIPPED: varning for a hidden workbook, else info).
/// Throws RunError when the folder itself cannot be read.
std::vector<Listed> list_submissions(const std::filesystem::path& dir, Findings& findings);

/// The finding for a file in leverantorer/ that is a readable workbook under a name that is
/// not one (`x.xlsx.bak`): FILE_UNREADABLE, the file is not used.
Finding misnamed_workbook(const std::string& name);

/// Two or more submissions of one supplier (the same supplier's name, or the same bytes):
/// a `SUPPLIER_DUPLICATE` finding (fel) on each file naming the others; none of them is used
/// until all but one are removed. Returns the indexes into `ingested` to drop.
std::vector<std::size_t> duplicate_submissions(const std::vector<Ingested>& ingested,
                                               Findings& findings);

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

/// `validate`'s check of one file: read, recognised, checked. `name` as for ingest_file().
Checked check_file(const std::filesystem::path& path, const analys::TemplateDef& def,
                   std::string name = {});

/// The same check of a workbook in memory, for the self-check web page (`serve`).
///
///   Checked c = check_bytes(bytes, "demokrati.xlsx", analys::builtin_template());
Checked check_bytes(std::span<const std::byte> bytes, const std::string& name,
                    const analys::TemplateDef& def);

}  // namespace arsanalys::inputs

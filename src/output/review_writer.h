#pragma once
// The review copy of a supplier's submission (granskning/<fil>.xlsx): the supplier's tables as
// read and normalised, with every finding as a highlight and a cell comment, so a supplier (or
// a controller) sees where each problem is. Written by `validate -o` and by `run`.
//
// Sheets: `Sammanfattning` (supplier, file, year, findings per level, the tables found and the
// template's tables missing), `Fynd` (every finding of the file, one row each), then one sheet
// per recognised table ("3.1a Förvaltning", "3.1a Förvaltning (översikt)" for the coarser
// summary of the same table): Rad, Område, Radtyp, one column per column of the table with
// the amounts in the unit the supplier wrote (the table's, tkr as a rule), Källa (the cell the
// row was read from). A figure cell with a finding is filled
// red (fel), yellow (varning) or light blue (info) and carries `KOD: meddelande` as a comment.
// The same input always gives the same bytes.

#include <filesystem>
#include <string>
#include <string_view>

#include "analys/submission.h"
#include "analys/template_def.h"
#include "core/finding.h"
#include "xlsx/workbook.h"

namespace arsanalys::output {

/// The review copy as bytes. `findings` may hold other files' findings too: only those of
/// `s.file` are used. `wb` is the workbook `s` was recognised from; it gives the text of cells
/// that are not amounts (`XXX`, `*`). `def` names the tables a submission should have. Throws
/// RunError when the workbook cannot be made.
///
///   std::string xlsx = review_workbook(builtin_template(), in.submission, in.workbook, findings);
///
/// `scratch` is the folder for libxlsxwriter's temporary files (empty: the system's temporary
/// folder), see XlsxBook.
std::string review_workbook(const analys::TemplateDef& def, const analys::Submission& s,
                            const xlsx::Workbook& wb, const Findings& findings,
                            const std::filesystem::path& scratch = {});

/// review_workbook() written atomically to `path` (no half-written file on failure). Throws
/// RunError with a Swedish message.
void write_review(const analys::TemplateDef& def, const analys::Submission& s,
                  const xlsx::Workbook& wb, const Findings& findings,
                  const std::filesystem::path& path);

/// The review copy's file name for the submission `file`: its stem made a portable file name
/// (core/names.h), then ".xlsx"; `*shortened` set when it had to be shortened.
std::string review_file_name(std::string_view file, bool* shortened = nullptr);

/// Where the review copy of `file` goes in an output folder: `OUT_DIR/granskning/<namn>.xlsx`.
///
///   review_path("ut", "demokrati.xlsx") == "ut/granskning/demokrati.xlsx"
std::filesystem::path review_path(const std::filesystem::path& out_dir, std::string_view file);

}  // namespace arsanalys::output

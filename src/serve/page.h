#pragma once
// The self-check web page (`arsanalys serve`) as HTML: the page itself, and the part that
// shows one checked workbook — what was recognised (each table as read, amounts in tkr), the
// findings worst first and beside the cells they concern, the link to the review copy. Every
// text taken from a workbook is escaped. Plain functions of plain data: no sockets here.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "analys/template_def.h"
#include "inputs/ingest.h"

namespace arsanalys::serve {

/// One checked upload, as the page shows it.
struct Shown {
  std::string file;                     // the file's name as uploaded
  const inputs::Checked* checked = nullptr;
  std::optional<std::string> review{};  // the review copy's bytes (.xlsx), when made
  std::string review_note{};            // why there is none ("" when there is one)
};

/// The part of the page that shows one checked workbook (what `POST /granska` returns to the
/// page's script, and what the whole page holds after a form post without script).
///
///   std::string part = result_html(def, {.file = "x.xlsx", .checked = &c, .review = bytes});
std::string result_html(const analys::TemplateDef& def, const Shown& shown);

/// A message in place of a result, role=alert: the upload was refused or the check failed.
std::string problem_html(std::string_view title, std::string_view message);

/// The whole page, `result` (result_html or problem_html) in its result section, or empty.
/// `max_upload` is the size limit the page states, in bytes.
std::string page_html(std::string_view result, std::size_t max_upload);

/// The page's style sheet and script, served as /stil.css and /sida.js from the same server
/// (no external scripts, fonts or styles: the page works on a closed network).
std::string_view stylesheet();
std::string_view script();

/// Bytes as base64 (RFC 4648, with padding), for the review copy's data: link.
std::string base64(std::string_view bytes);

/// Kronor as tkr the Swedish way, for a table cell: "77 587", "1 234,5", "−21 200" (thin
/// non-breaking space between thousands, a real minus sign).
std::string tkr_cell(std::int64_t kronor);

}  // namespace arsanalys::serve

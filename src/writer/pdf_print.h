#pragma once
// The decision annex as a PDF: its HTML printed by headless Chromium (Debian's `chromium`),
// which understands CSS `@page` margin boxes (page numbers, the draft mark and the annex's
// document data on every page). Chromium is optional at run time: without it the run writes
// the HTML and the xlsx and says once that the PDF is missing.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace arsanalys::writer {

/// What became of a PDF.
struct PdfResult {
  enum class Status { written, no_chromium, failed };
  Status status = Status::failed;
  std::string message;  // Swedish, for the run's summary ("" when written)
};

/// The Chromium to print with: $ARSANALYS_CHROMIUM when set (an empty value: none), else the
/// first of chromium, chromium-browser, google-chrome on PATH; empty when there is none.
std::filesystem::path find_chromium();

/// Prints the HTML file `html` to `pdf` in the background while the caller goes on: atomically
/// (a temporary beside it, then renamed by finish()), with no browser header or footer; the
/// page's own CSS decides the margins. Chromium runs in a fresh profile under TMPDIR, without
/// network, is killed after `timeout`, and dies with this process. With `scratch`, its profile is
/// made there instead (a staging folder, so that a killed run leaves nothing in TMPDIR).
///
///   PdfPrint print(dir / "beslutsbilaga.html", dir / "beslutsbilaga.pdf");
///   ... write the other outputs ...
///   PdfResult result = print.finish();
class PdfPrint {
 public:
  PdfPrint(std::filesystem::path html, std::filesystem::path pdf,
           std::chrono::seconds timeout = std::chrono::seconds(120),
           std::filesystem::path scratch = {});
  PdfPrint(const PdfPrint&) = delete;
  PdfPrint& operator=(const PdfPrint&) = delete;
  /// Kills an unfinished print and removes its temporary.
  ~PdfPrint();
  /// Waits for Chromium and puts the PDF in place; the result (the same on a second call).
  PdfResult finish();

 private:
  std::filesystem::path pdf_, tmp_, profile_;
  std::chrono::steady_clock::time_point deadline_;
  int pid_ = 0;  // Chromium's process (and group); 0 when not running
  std::chrono::seconds timeout_;
  std::optional<PdfResult> result_;
};

/// PdfPrint(html, pdf, timeout).finish().
PdfResult print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf,
                    std::chrono::seconds timeout = std::chrono::seconds(120));

}  // namespace arsanalys::writer

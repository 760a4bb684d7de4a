#include "app/ingest.h"

#include <fmt/format.h>

#include "analys/recognise.h"
#include "checks/checks.h"
#include "core/error.h"
#include "core/file_io.h"
#include "xlsx/reader.h"

namespace arsanalys::app {

namespace {

/// The reader's message as a finding's: without the file name it starts with, capitalised.
std::string finding_text(const ReadError& e, const std::string& name) {
  std::string message = e.what();
  if (message.starts_with(name + ": ")) message.erase(0, name.size() + 2);
  if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') message[0] -= 'a' - 'A';
  return message;
}

}  // namespace

std::optional<Ingested> ingest_file(const std::filesystem::path& path,
                                    const analys::TemplateDef& def, Findings& findings) {
  std::string name = path.filename().string();
  if (is_lock_file(path)) {
    findings.push_back({"FILE_SKIPPED", Level::info, {name, "", ""},
                        "Excels låsfil (skapas medan arbetsboken är öppen i Excel); hoppas över.",
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
  try {
    auto bytes = read_file(path, name);
    return ingest_bytes(bytes, name, def, findings);
  } catch (const ReadError& e) {
    findings.push_back({"FILE_UNREADABLE", Level::fel, {name, "", ""}, finding_text(e, name),
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
}

std::optional<Ingested> ingest_bytes(std::span<const std::byte> bytes, const std::string& name,
                                     const analys::TemplateDef& def, Findings& findings,
                                     std::optional<ReadFailure>* failure) {
  try {
    Ingested in{xlsx::read_workbook(bytes, name), {}};
    in.submission = analys::recognise(in.workbook, def, findings);
    return in;
  } catch (const ReadError& e) {
    if (failure != nullptr) *failure = e.failure();
    findings.push_back({"FILE_UNREADABLE", Level::fel, {name, "", ""}, finding_text(e, name),
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
}

namespace {

/// The checks of `validate`: no round settings, so the year and index are as read.
void check(Checked& c, const analys::TemplateDef& def) {
  if (c.in) checks::check_submission(c.in->submission, def, {}, c.findings);
  sort_findings(c.findings);
}

}  // namespace

Checked check_file(const std::filesystem::path& path, const analys::TemplateDef& def) {
  Checked c;
  c.in = ingest_file(path, def, c.findings);
  check(c, def);
  return c;
}

Checked check_bytes(std::span<const std::byte> bytes, const std::string& name,
                    const analys::TemplateDef& def) {
  Checked c;
  c.in = ingest_bytes(bytes, name, def, c.findings, &c.failure);
  check(c, def);
  return c;
}

}  // namespace arsanalys::app

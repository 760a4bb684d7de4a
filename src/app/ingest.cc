#include "app/ingest.h"

#include <fmt/format.h>

#include "analys/recognise.h"
#include "core/error.h"
#include "core/file_io.h"
#include "xlsx/reader.h"

namespace arsanalys::app {

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
    Ingested in{xlsx::read_workbook(bytes, name), {}};
    in.submission = analys::recognise(in.workbook, def, findings);
    return in;
  } catch (const ReadError& e) {
    // The reader's messages start with the file name; the finding names the file already.
    std::string message = e.what();
    if (message.starts_with(name + ": ")) message.erase(0, name.size() + 2);
    if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') message[0] -= 'a' - 'A';
    findings.push_back({"FILE_UNREADABLE", Level::fel, {name, "", ""}, message, std::nullopt,
                        std::nullopt});
    return std::nullopt;
  }
}

}  // namespace arsanalys::app

#include <fmt/format.h>

#include "app/commands.h"
#include "core/file_io.h"
#include "output/inspect_report.h"
#include "xlsx/reader.h"

namespace arsanalys::app {

ExitCode inspect(const InspectOptions& options, std::ostream& out, std::ostream& err) {
  std::string display = options.file.filename().string();
  if (is_lock_file(options.file)) {
    err << fmt::format("info: {}: Excels låsfil (skapas medan arbetsboken är öppen); hoppas "
                       "över.\n",
                       display);
    return ExitCode::failed;
  }
  try {
    auto bytes = read_file(options.file, display);
    xlsx::Workbook wb = xlsx::read_workbook(bytes, display);
    if (options.json) {
      output::write_inspect_json(wb, {}, out);
    } else {
      output::write_inspect_text(wb, {}, out);
    }
    return ExitCode::ok;
  } catch (const ReadError& e) {
    err << "fel: " << e.what() << "\n";
    return ExitCode::failed;
  }
}

}  // namespace arsanalys::app

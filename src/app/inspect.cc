#include <fmt/format.h>

#include "analys/recognise.h"
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
    Findings ignored;  // inspect shows the reading; validate reports findings
    analys::Submission s = analys::recognise(wb, analys::builtin_template(), ignored);
    std::vector<output::InspectTable> tables;
    for (const auto* list : {&s.tables, &s.summaries}) {
      for (const analys::Table& t : *list) {
        tables.push_back({t.sheet_index, t.id, xlsx::to_string(t.range)});
      }
    }
    if (options.json) {
      output::write_inspect_json(wb, tables, out);
    } else {
      output::write_inspect_text(wb, tables, out);
    }
    return ExitCode::ok;
  } catch (const ReadError& e) {
    err << "fel: " << e.what() << "\n";
    return ExitCode::failed;
  }
}

}  // namespace arsanalys::app

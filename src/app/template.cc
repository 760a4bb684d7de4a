// `arsanalys template [--year Y] [-o FILE]`: the blank Årlig analys template for year Y.

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "analys/template_def.h"
#include "app/commands.h"
#include "output/template_writer.h"

namespace arsanalys::app {
namespace {

namespace fs = std::filesystem;

// Years a template can sensibly be made for; anything else is a typo on the command line.
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2199;

/// Next calendar year (UTC): templates are sent out in the autumn before the analysis year.
int next_year() {
  using namespace std::chrono;
  year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year()) + 1;
}

/// The file to write: -o as given (inside it when it names a folder), else arlig-analys-Y.xlsx.
fs::path out_path(const TemplateOptions& options, int year) {
  fs::path name = fmt::format("arlig-analys-{}.xlsx", year);
  if (!options.out_file) return name;
  std::error_code ec;
  if (fs::is_directory(*options.out_file, ec)) return *options.out_file / name;
  return *options.out_file;
}

}  // namespace

ExitCode make_template(const TemplateOptions& options, std::ostream& out, std::ostream& err) {
  if (options.utfall) return make_outcome_template(options, out, err);
  int year = options.year.value_or(next_year());
  if (year < kFirstYear || year > kLastYear) {
    err << fmt::format("fel: --year {}: väntade ett analysår från {} till {}.\n", year, kFirstYear,
                       kLastYear);
    return ExitCode::failed;
  }
  fs::path path = out_path(options, year);
  try {
    output::write_template(analys::builtin_template(), {.year = year}, path);
  } catch (const RunError& e) {
    err << "fel: " << e.what() << "\n";
    return ExitCode::failed;
  }
  out << fmt::format("Mallen Årlig analys {} skrevs till {}.\n", year, path.string());
  return ExitCode::ok;
}

}  // namespace arsanalys::app

#pragma once
// One function per subcommand. main() parses the command line and calls these; they print to
// the streams they are given and return the contract's exit status.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/error.h"

namespace arsanalys::app {

/// `arsanalys inspect FILE.xlsx [--json]`
struct InspectOptions {
  std::filesystem::path file;  // the workbook to show
  bool json = false;           // the contract's JSON instead of the listing
};
ExitCode inspect(const InspectOptions& options, std::ostream& out, std::ostream& err);

/// `arsanalys run [ROUND_DIR] [-o OUT_DIR]`
struct RunOptions {
  std::filesystem::path round_dir;  // default: the current folder if it is a round, else the
                                    // sample round (said in the first line printed)
  std::filesystem::path out_dir;    // default: ut/
};
ExitCode run(const RunOptions& options, std::ostream& out, std::ostream& err);

/// `arsanalys validate FILE.xlsx… [--json] [-o OUT_DIR]`
struct ValidateOptions {
  std::vector<std::filesystem::path> files;     // filled templates
  bool json = false;                            // print the contract's JSON
  std::optional<std::filesystem::path> out_dir; // also write granskning/<file>.xlsx
};
ExitCode validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

/// `arsanalys template [--year Y] [-o FILE]`
struct TemplateOptions {
  std::optional<int> year;                       // analysis year; default next year
  std::optional<std::filesystem::path> out_file; // default: arlig-analys-<Y>.xlsx
};
ExitCode make_template(const TemplateOptions& options, std::ostream& out, std::ostream& err);

/// Whether `dir` is a round folder: it has `leverantorer/`.
bool is_round_dir(const std::filesystem::path& dir);

/// The sample round shipped with the program (`samples/2024`), found from the executable's
/// own place (/proc/self/exe), never from a path compiled in: `<bin>/samples/2024` (a build
/// folder, where CMake links it), `<bin>/../samples/2024` (a build folder inside the checkout)
/// or `<bin>/../share/arsanalys/samples/2024` (installed). None when it is in none of them.
std::optional<std::filesystem::path> sample_round_dir();

/// `arsanalys serve [--port 8080] [--bind 127.0.0.1]`
struct ServeOptions {
  std::string bind = "127.0.0.1";  // listen here only unless told otherwise
  int port = 8080;                 // 0: any free port, printed on start
};
/// Runs the self-check web page until stopped (SIGINT, SIGTERM); ExitCode::failed when it
/// cannot listen.
ExitCode serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace arsanalys::app

// Subcommands whose issues have not landed yet. Each says so plainly and exits 2, as the
// contract requires of a command that produced nothing.

#include "app/commands.h"

namespace arsanalys::app {
namespace {
ExitCode not_yet(std::string_view command, std::ostream& err) {
  err << "fel: arsanalys " << command << " är inte färdigt ännu i den här versionen.\n";
  return ExitCode::failed;
}
}  // namespace

ExitCode run(const RunOptions&, std::ostream&, std::ostream& err) { return not_yet("run", err); }

std::filesystem::path default_round_dir() {
  return std::filesystem::path(ARSANALYS_SOURCE_DIR) / "samples" / "2024";
}

}  // namespace arsanalys::app

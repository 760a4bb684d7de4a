#pragma once
// The command line in Swedish: CLI11 (Debian's libcli11-dev, 2.1) writes its help and its
// errors in English and pads help columns by bytes. main() gives CLI11 a SwedishFormatter and
// turns each CLI::ParseError into parse_error_text():
//
//   CLI::App cli{"…", "arsanalys"};
//   cli.formatter(std::make_shared<app::SwedishFormatter>());   // before the subcommands
//   …
//   try { cli.parse(argc, argv); }
//   catch (const CLI::ParseError& e) { std::cerr << app::parse_error_text(cli, e); }
//
// Only main.cpp and its tests include this (it brings in all of CLI11).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace arsanalys::app {

/// Edit distance between two words in characters (UTF-8 code points): insertions, deletions,
/// substitutions, and two neighbours swapped, each 1 (optimal string alignment), so that
/// "rnu" is 1 from "run". Case counts: callers fold first when it should not.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` (case ignored for ASCII letters) when it is near enough to
/// be a slip of the keyboard: at most 2 edits and fewer than the word has characters. Ties go
/// to the earlier candidate. nearest("rnu", {"run", "validate"}) == "run".
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

/// Columns `text` takes in a terminal: its UTF-8 code points (å, ä and ö are one column each,
/// two bytes each).
std::size_t display_width(std::string_view text);

/// One line of a help listing: two spaces and `name`, padded with spaces to `width` columns
/// (counted by display_width, not bytes), then `description`; a name that does not fit puts the
/// description on the next line, at the same column. Ends with a newline.
std::string help_line(std::string_view name, std::string_view description, std::size_t width);

/// CLI11's help in Swedish, its columns lined up by characters. The labels CLI11 prints
/// ("Usage", "OPTIONS", "REQUIRED", …) are Swedish; a positional is shown by its name alone
/// (OMGÅNG, FIL), an option with a value by the option and its value's name (--year ÅR).
class SwedishFormatter : public CLI::Formatter {
 public:
  SwedishFormatter();
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
};

/// The check of `template --year`: four digits, else a Swedish reason (which CLI11 reports as
/// a CLI::ValidationError "--year: <reason>").
CLI::Validator year_check();
/// A TCP port, 0–65535, refused in Swedish otherwise.
CLI::Validator port_check();

/// What to tell the user when `cli.parse()` threw `e` (a CLI::ParseError other than a request
/// for help or the version), in Swedish: "fel: " and what was wrong, then where help is. Reads
/// `cli` as the failed parse left it (which subcommand was chosen, what was left over), so
/// that it can name the command and suggest the nearest one for a misspelling:
///
///   fel: okänt kommando 'rnu': menade du 'run'?
///   Skriv 'arsanalys --help' för hjälp.
std::string parse_error_text(const CLI::App& cli, const CLI::ParseError& e);

}  // namespace arsanalys::app

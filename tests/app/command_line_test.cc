// The command line in Swedish: edit distance and suggestions, help lines padded by characters,
// and the message for each kind of mistake, on a command line shaped like main.cpp's. The real
// executable's messages are checked by the cli_* CTest cases.
#include "app/command_line.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

using arsanalys::app::display_width;
using arsanalys::app::edit_distance;
using arsanalys::app::help_line;
using arsanalys::app::nearest;
using arsanalys::app::parse_error_text;

TEST_CASE("command line: edit distance counts a swap of neighbours as one", "[app][cli]") {
  CHECK(edit_distance("run", "run") == 0);
  CHECK(edit_distance("rnu", "run") == 1);
  CHECK(edit_distance("ru", "run") == 1);
  CHECK(edit_distance("runn", "run") == 1);
  CHECK(edit_distance("valdiate", "validate") == 1);
  CHECK(edit_distance("xyz", "run") == 3);
  CHECK(edit_distance("", "run") == 3);
  CHECK(edit_distance("kör", "kor") == 1);  // characters, not bytes
}

TEST_CASE("command line: the nearest command, or none", "[app][cli]") {
  const std::vector<std::string> commands = {"run", "validate", "template", "inspect"};
  CHECK(nearest("rnu", commands) == "run");
  CHECK(nearest("RUN", commands) == "run");
  CHECK(nearest("tempalte", commands) == "template");
  CHECK(nearest("inpsect", commands) == "inspect");
  CHECK(nearest("valid", commands) == std::nullopt);  // three edits
  CHECK(nearest("xyz", commands) == std::nullopt);
  CHECK(nearest("r", commands) == std::nullopt);  // as many edits as it has letters
  CHECK(nearest("--jsno", {"--json", "--out", "-o"}) == "--json");
}

TEST_CASE("command line: help lines line up by characters, not bytes", "[app][cli]") {
  CHECK(display_width("ÅR") == 2);
  CHECK(display_width("OMGÅNG …") == 8);
  CHECK(help_line("--year ÅR", "Analysår", 20) == "  --year ÅR" + std::string(9, ' ') + "Analysår\n");
  CHECK(help_line("-o,--out FIL", "Filnamn", 20) == "  -o,--out FIL" + std::string(6, ' ') + "Filnamn\n");
  // Too wide: the description on the next line, at the same column.
  CHECK(help_line("--en-mycket-lång-flagga", "Text", 10) ==
        "  --en-mycket-lång-flagga\n          Text\n");
  CHECK(help_line("run", "", 10) == "  run\n");
  CHECK(help_line("run", "två\nrader", 6) == "  run två\n      rader\n");
}

namespace {

/// A command line shaped like main.cpp's.
struct Cli {
  CLI::App app{"Testet", "arsanalys"};
  std::string dir, out, file_out;
  std::vector<std::string> files;
  bool json = false;
  int year = 0;

  Cli() {
    app.formatter(std::make_shared<arsanalys::app::SwedishFormatter>());
    app.option_defaults()->group("Flaggor");
    app.set_help_flag("-h,--help", "Visa den här hjälpen");
    app.require_subcommand(1);
    auto* run = app.add_subcommand("run", "Kör hela omgången");
    run->add_option("OMGÅNG", dir, "Omgångens mapp");
    run->add_option("-o,--out", out, "Mapp för resultaten")->type_name("MAPP");
    auto* validate = app.add_subcommand("validate", "Kontrollera ifyllda mallar");
    validate->add_option("FIL", files, "Ifyllda mallar (.xlsx)")->required();
    validate->add_flag("--json", json, "Skriv resultatet som JSON");
    auto* tmpl = app.add_subcommand("template", "Skriv den tomma mallen");
    tmpl->add_option("--year", year, "Analysår")->type_name("ÅR")->check(
        arsanalys::app::year_check());
    tmpl->add_option("-o,--out", file_out, "Filnamn för mallen")->type_name("FIL");
    for (CLI::App* sub : {run, validate, tmpl}) sub->get_option("--help")->group("Flaggor");
  }

  /// The message for `args`, or "(inget fel)".
  std::string error(std::vector<std::string> args) {
    std::vector<const char*> argv{"arsanalys"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      return parse_error_text(app, e);
    }
    return "(inget fel)";
  }
};

}  // namespace

TEST_CASE("command line: each mistake in Swedish", "[app][cli]") {
  CHECK(Cli().error({}) ==
        "fel: inget kommando angivet; välj ett av run, validate, template.\n"
        "Användning: arsanalys [FLAGGOR] KOMMANDO\n"
        "Skriv 'arsanalys --help' för hjälp.\n");
  CHECK(Cli().error({"rnu"}) ==
        "fel: okänt kommando 'rnu': menade du 'run'?\nSkriv 'arsanalys --help' för hjälp.\n");
  CHECK(Cli().error({"xyz"}) ==
        "fel: okänt kommando 'xyz'; kommandona är run, validate, template.\n"
        "Skriv 'arsanalys --help' för hjälp.\n");
  CHECK(Cli().error({"--nonsense"}) ==
        "fel: okänd flagga '--nonsense'\nSkriv 'arsanalys --help' för hjälp.\n");
  CHECK(Cli().error({"validate"}) ==
        "fel: FIL saknas (Ifyllda mallar (.xlsx))\n"
        "Användning: arsanalys validate [FLAGGOR] FIL...\n"
        "Skriv 'arsanalys validate --help' för hjälp.\n");
  CHECK(Cli().error({"run", "a", "b"}) ==
        "fel: oväntat argument 'b' till 'arsanalys run'\n"
        "Användning: arsanalys run [FLAGGOR] [OMGÅNG]\n"
        "Skriv 'arsanalys run --help' för hjälp.\n");
  CHECK(Cli().error({"validate", "a.xlsx", "--jsno"}) ==
        "fel: okänd flagga '--jsno' till 'arsanalys validate': menade du '--json'?\n"
        "Skriv 'arsanalys validate --help' för hjälp.\n");
  CHECK(Cli().error({"template", "--year", "abc"}) ==
        "fel: ogiltigt värde till --year: 'abc' är inget årtal (fyra siffror, t.ex. 2025)\n"
        "Skriv 'arsanalys template --help' för hjälp.\n");
  CHECK(Cli().error({"template", "--year"}) ==
        "fel: flaggan --year saknar sitt värde (ÅR)\n"
        "Skriv 'arsanalys template --help' för hjälp.\n");
  CHECK(Cli().error({"validate", "a.xlsx", "--json=ja"}) ==
        "fel: flaggan --json tar inget värde\n"
        "Skriv 'arsanalys validate --help' för hjälp.\n");
  CHECK(Cli().error({"template", "--year", "2025"}) == "(inget fel)");
}

TEST_CASE("command line: the help in Swedish, its columns lined up", "[app][cli]") {
  Cli cli;
  const std::string help = cli.app.get_subcommand("template")->help();
  CHECK(help ==
        "Skriv den tomma mallen\n"
        "Användning: template [FLAGGOR]\n"
        "\n"
        "Flaggor:\n"
        "  -h,--help" + std::string(19, ' ') + "Visa den här hjälpen\n"
        "  --year ÅR" + std::string(19, ' ') + "Analysår\n"
        "  -o,--out FIL" + std::string(16, ' ') + "Filnamn för mallen\n"
        "\n");
  const std::string validate = cli.app.get_subcommand("validate")->help();
  CHECK(validate.find("  FIL … KRÄVS" + std::string(17, ' ') + "Ifyllda mallar (.xlsx)\n") !=
        std::string::npos);
}

// arsanalys: the command line. Parses, calls app::, maps to the contract's exit status.

#include <clocale>
#include <filesystem>
#include <iostream>
#include <new>

#include <CLI/CLI.hpp>

#include "app/command_line.h"
#include "app/commands.h"

int main(int argc, char** argv) {
  // libxlsxwriter and our own number printing assume the C locale for numbers.
  std::setlocale(LC_ALL, "C.UTF-8");
  std::setlocale(LC_NUMERIC, "C");
  using arsanalys::ExitCode;
  namespace app = arsanalys::app;

  CLI::App cli{
      "arsanalys: Göteborgs Stads årliga analys av gemensamma digitala tjänster.\n"
      "Läser leverantörernas ifyllda mallar (Årlig analys), kontrollerar dem, räknar upp med\n"
      "index, fördelar kostnaderna på förvaltningar och bolag med fördelningsnycklar och\n"
      "skriver sammanställning, beslutsbilaga och kundbesked.",
      "arsanalys"};
  // CLI11 speaks English and pads its help by bytes: our formatter (inherited by every
  // subcommand added below) and parse_error_text() make both Swedish.
  cli.formatter(std::make_shared<app::SwedishFormatter>());
  cli.option_defaults()->group("Flaggor");
  cli.set_help_flag("-h,--help", "Visa den här hjälpen");
  cli.get_help_ptr()->group("Flaggor");
  cli.set_version_flag("--version", std::string("arsanalys ") + ARSANALYS_VERSION,
                       "Visa versionen");
  cli.require_subcommand(1);

  app::RunOptions run_opts;
  auto* run = cli.add_subcommand("run", "Kör hela omgången: läs, kontrollera, fördela, skriv ut");
  run->add_option("OMGÅNG", run_opts.round_dir,
                  "Omgångens mapp (standard: den aktuella mappen om den är\n"
                  "en omgång, annars exempelomgången)");
  run->add_option("-o,--out", run_opts.out_dir, "Mapp för resultaten (standard: ut/)")
      ->type_name("MAPP");

  app::ValidateOptions validate_opts;
  std::string validate_out;
  auto* validate =
      cli.add_subcommand("validate", "Kontrollera ifyllda mallar innan de lämnas in");
  validate->add_option("FIL", validate_opts.files, "Ifyllda mallar (.xlsx)")->required();
  validate->add_flag("--json", validate_opts.json, "Skriv resultatet som JSON");
  validate->add_option("-o,--out", validate_out, "Skriv även granskningskopior till mappen")
      ->type_name("MAPP");

  app::TemplateOptions template_opts;
  int year = 0;
  std::string template_out;
  auto* tmpl = cli.add_subcommand("template", "Skriv den tomma mallen Årlig analys");
  tmpl->add_option("--year", year, "Analysår (standard: nästa år)")
      ->type_name("ÅR")
      ->check(app::year_check());
  tmpl->add_option("-o,--out", template_out, "Filnamn för mallen")->type_name("FIL");
  tmpl->add_flag("--utfall", template_opts.utfall,
                 "Skriv i stället utfallsmallen för slutregleringen (standard: förra året)");
  tmpl->add_option("OMGÅNG", template_opts.round_dir,
                   "Med --utfall: omgången vars år och tjänster mallen fylls i med");

  app::InspectOptions inspect_opts;
  auto* inspect = cli.add_subcommand("inspect", "Visa hur programmet läser en arbetsbok");
  inspect->add_option("FIL", inspect_opts.file, "Arbetsboken (.xlsx)")->required();
  inspect->add_flag("--json", inspect_opts.json, "Skriv resultatet som JSON");

  app::ServeOptions serve_opts;
  auto* serve = cli.add_subcommand(
      "serve", "Självkontrollen som webbsida: ladda upp en ifylld mall och se fynden");
  serve->add_option("--port", serve_opts.port, "Port att lyssna på (standard: 8080; 0 = valfri ledig)")
      ->type_name("PORT")
      ->check(app::port_check());
  serve->add_option("--bind", serve_opts.bind,
                    "Adress att lyssna på (standard: 127.0.0.1, bara den egna datorn)")
      ->type_name("ADRESS");

  app::SettleOptions settle_opts;
  auto* settle = cli.add_subcommand(
      "slutreglering", "Slutreglera året: utfallet fördelat med samma nycklar mot det debiterade");
  settle->add_option("OMGÅNG", settle_opts.round_dir,
                     "Omgångens mapp (standard: den aktuella mappen om den är\n"
                     "en omgång, annars exempelomgången)");
  settle->add_option("--utfall", settle_opts.utfall, "Årets utfall (.xlsx)")
      ->type_name("FIL")
      ->required();
  settle->add_option("-o,--out", settle_opts.out_dir, "Mapp för resultaten (standard: ut/)")
      ->type_name("MAPP");

  for (CLI::App* sub : {run, settle, validate, tmpl, inspect, serve}) {
    sub->group("Kommandon");
    sub->get_option("--help")->group("Flaggor");
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << app::parse_error_text(cli, e);
    return static_cast<int>(ExitCode::failed);
  }

  ExitCode code = ExitCode::failed;
  try {
    if (*run) {
      if (run_opts.out_dir.empty()) run_opts.out_dir = "ut";
      code = app::run(run_opts, std::cout, std::cerr);
    } else if (*settle) {
      code = app::slutreglering(settle_opts, std::cout, std::cerr);
    } else if (*validate) {
      if (!validate_out.empty()) validate_opts.out_dir = validate_out;
      code = app::validate(validate_opts, std::cout, std::cerr);
    } else if (*tmpl) {
      if (year != 0) template_opts.year = year;
      if (!template_out.empty()) template_opts.out_file = template_out;
      if (!template_opts.round_dir.empty() && !template_opts.utfall) {
        std::cerr << "fel: template: en omgång anges bara med --utfall (utfallsmallen för den "
                     "omgången); mallen Årlig analys tar --year.\n";
        return static_cast<int>(ExitCode::failed);
      }
      code = app::make_template(template_opts, std::cout, std::cerr);
    } else if (*inspect) {
      code = app::inspect(inspect_opts, std::cout, std::cerr);
    } else if (*serve) {
      code = app::serve(serve_opts, std::cout, std::cerr);
    }
  } catch (const std::filesystem::filesystem_error& e) {
    // The library's English text never reaches a user: the path and the Swedish reason.
    std::cerr << "fel: " << e.path1().string() << ": "
              << arsanalys::system_error_text(e.code().value()) << ".\n";
    code = ExitCode::failed;
  } catch (const std::bad_alloc&) {
    std::cerr << "fel: minnet räcker inte till körningen.\n";
    code = ExitCode::failed;
  } catch (const std::exception& e) {
    std::cerr << "fel: " << e.what() << "\n";
    code = ExitCode::failed;
  }
  return static_cast<int>(code);
}

#include "core/finding_codes.h"

#include <array>

namespace arsanalys {

namespace {

// clang-format off
constexpr std::array kCodes{
  //           code                    fel    varning info   contract
  FindingCode{"FILE_UNREADABLE",       true,  false, false, true,
              "Filen går inte att läsa som en xlsx-arbetsbok (gammal .xls, krypterad, trasig eller för stor)."},
  FindingCode{"TABLE_MISSING",         true,  true,  false, true,
              "En tabell som mallen kräver (3.1a, 3.1b, 3.1c, 3.2) eller ett blad i kunder.xlsx hittades inte."},
  FindingCode{"YEAR_MISMATCH",         true,  false, false, true,
              "En årskolumn passar inte analysåret."},
  FindingCode{"NUMBER_UNPARSED",       true,  false, false, true,
              "En beloppscell vars text inte är ett belopp."},
  FindingCode{"NUMBER_AMBIGUOUS",      false, true,  false, true,
              "Ett belopp som lästes genom en gissning (t.ex. 134,800 eller 8 00)."},
  FindingCode{"VALUE_MISSING",         true,  true,  true,  true,
              "Platshållare eller tom cell där ett belopp krävs (XXX, *)."},
  FindingCode{"SUM_MISMATCH",          true,  false, true,  true,
              "En summa eller delsumma skiljer sig från raderna med mer än avrundning."},
  FindingCode{"SUM_ROUNDING",          false, false, true,  true,
              "En summa skiljer sig från raderna bara genom avrundning."},
  FindingCode{"CROSS_MISMATCH",        true,  false, false, true,
              "Samma belopp skiljer sig mellan två tabeller i ett underlag."},
  FindingCode{"INDEX_MISMATCH",        false, true,  false, true,
              "En prognos är inte budget × (1 + index) inom avrundning."},
  FindingCode{"IMPACT_AMBIGUOUS",      false, true,  false, true,
              "Påverkan på driftkostnaden kan vara nivåer eller förändringar; fyndet säger vad som antogs."},
  FindingCode{"PROPOSAL_INCOMPLETE",   false, true,  false, true,
              "Ett förslag saknar informationsklassning, riskanalys, effektmål eller budget."},
  FindingCode{"KEY_MISSING",           true,  false, false, true,
              "En tjänst saknar fördelningsnyckel."},
  FindingCode{"KEY_INVALID",           true,  false, false, true,
              "En nyckels steg summerar inte till 100 %, nämner ett okänt mått eller väljer ingen kund."},
  FindingCode{"MEASURE_MISSING",       true,  false, false, true,
              "En vald kund saknar värde för ett mått som används."},
  FindingCode{"FILE_MISSING",          true,  false, false, true,
              "En angiven indatafil finns inte."},
  FindingCode{"FILE_SKIPPED",          false, true,  true,  true,
              "En fil hoppades över (t.ex. Excels låsfil)."},
  FindingCode{"SETTINGS_INVALID",      true,  false, false, true,
              "omgang.toml: ett felaktigt värde."},
  FindingCode{"SETTINGS_UNKNOWN_KEY",  false, true,  false, true,
              "omgang.toml: en okänd nyckel (med förslag på den som troligen menades)."},
  FindingCode{"SETTINGS_DEFAULTS",     false, false, true,  true,
              "omgang.toml: standardvärden gäller."},
  FindingCode{"REGISTER_INVALID",      true,  true,  false, true,
              "kunder.xlsx: egna rader stämmer inte (dubbla Kund-id, en felaktig cell)."},
  FindingCode{"CATALOGUE_MISSING",     false, false, true,  true,
              "Omgången har ingen tjänstekatalog; varje rad räknas som inom ramen."},
  FindingCode{"SERVICE_UNCATALOGUED",  true,  false, false, true,
              "En inlämnad rad vars tjänst katalogen inte känner till."},
  FindingCode{"SERVICE_NOT_REPORTED",  false, true,  false, true,
              "En katalogiserad bastjänst eller infrastrukturtjänst som leverantörens underlag inte nämner."},
  FindingCode{"ADJUSTED",              false, false, true,  true,
              "Ett belopp ersatt eller tillagt genom en [[justering]] (källan anges)."},
  // The program's own additions, beyond the contract's table.
  FindingCode{"COLUMN_MISSING",        true,  false, false, false,
              "En årskolumn som mallens tabell kräver saknas (t.ex. en borttagen Utfall-kolumn)."},
  FindingCode{"FORMULA_REPLACED",      false, true,  false, false,
              "En summa som är en formel i mallen har skrivits över med ett värde."},
  FindingCode{"NUMBER_AS_TEXT",        true,  true,  false, false,
              "Ett belopp skrivet som text; Excel räknar inte med det i summan."},
  FindingCode{"SUPPLIER_DUPLICATE",    true,  false, false, false,
              "Två filer från samma leverantör (samma namn eller samma innehåll); ingen av dem används förrän den ena tas bort."},
  FindingCode{"NUMBER_OUT_OF_RANGE",   true,  false, false, false,
              "Ett belopp som är större än 10^12 kr eller mindre än −10^12 kr, mer än en kommunal budget rymmer."},
  FindingCode{"FORMULA_UNCOMPUTED",    true,  false, false, false,
              "En formel utan sparat värde (arbetsboken sparades av ett program som inte räknar)."},
  FindingCode{"TEXT_REPLACED",         false, true,  false, false,
              "Ett styrtecken eller ogiltig UTF-8 i en cell eller i omgang.toml har ersatts."},
  FindingCode{"NAME_SHORTENED",        false, false, true,  false,
              "Ett namn var för långt för ett filnamn; filen har fått ett kortare namn."},
  FindingCode{"NOT_SETTLED",           false, true,  true,  false,
              "Slutregleringen: en tjänst som inte kunde regleras och behåller det debiterade beloppet."},
};
// clang-format on

}  // namespace

std::span<const FindingCode> finding_codes() { return kCodes; }

const FindingCode* find_finding_code(std::string_view code) {
  for (const FindingCode& c : kCodes) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

bool allowed_level(std::string_view code, Level level) {
  const FindingCode* c = find_finding_code(code);
  if (c == nullptr) return false;
  switch (level) {
    case Level::fel:
      return c->fel;
    case Level::varning:
      return c->varning;
    case Level::info:
      return c->info;
  }
  return false;
}

}  // namespace arsanalys

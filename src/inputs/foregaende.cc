#include "inputs/foregaende.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/file_io.h"
#include "inputs/kunder.h"
#include "xlsx/reader.h"

namespace arsanalys::inputs {
namespace {

namespace fs = std::filesystem;

Location at_line(int line) {
  return Location{"omgang.toml", "", line > 0 ? fmt::format("rad {}", line) : std::string()};
}

void add(Findings& findings, std::string code, int line, std::string message) {
  findings.push_back(Finding{std::move(code), Level::varning, at_line(line), std::move(message),
                             std::nullopt, std::nullopt});
}

}  // namespace

std::vector<fordelning::ChargedLine> read_charged_lines(std::string_view json_text, int year) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded()) throw ReadError(ReadFailure::malformed_xml, "filen är ingen giltig JSON");
  if (!doc.is_object()) {
    throw ReadError(ReadFailure::missing_part, "filen är inget resultat.json (inget JSON-objekt)");
  }
  if (!doc.contains("allocations") || !doc["allocations"].is_array()) {
    throw ReadError(ReadFailure::missing_part, "filen saknar 'allocations'");
  }
  if (doc.contains("year") && doc["year"].is_number_integer() &&
      doc["year"].get<int>() != year - 1) {
    throw ReadError(ReadFailure::missing_part,
                    fmt::format("filen gäller år {}, inte förra året {}", doc["year"].get<int>(),
                                year - 1));
  }
  std::vector<fordelning::ChargedLine> out;
  for (const nlohmann::json& a : doc["allocations"]) {
    auto text = [&](const char* key) {
      return a.contains(key) && a[key].is_string() ? a[key].get<std::string>() : std::string();
    };
    fordelning::ChargedLine l{text("supplier"), text("table"), text("area"), text("service"), 0,
                              {}};
    if (l.supplier.empty() || l.service.empty() || !a.contains("customers_kr") ||
        !a["customers_kr"].is_object()) {
      throw ReadError(ReadFailure::missing_part,
                      "en rad i 'allocations' saknar 'supplier', 'service' eller 'customers_kr'");
    }
    if (a.contains("amount_kr") && a["amount_kr"].is_number_integer()) {
      l.amount_kr = a["amount_kr"].get<std::int64_t>();
    }
    for (const auto& [id, kr] : a["customers_kr"].items()) {
      if (!kr.is_number_integer()) {
        throw ReadError(ReadFailure::missing_part,
                        fmt::format("kronorna för kunden '{}' är inget heltal", id));
      }
      l.customers_kr[id] = kr.get<std::int64_t>();
    }
    out.push_back(std::move(l));
  }
  return out;
}

LastYear read_last_year(const fs::path& round_dir, const sammanstallning::Foregaende& settings,
                        int year, Findings& findings) {
  LastYear out;
  if (settings.kunder.empty()) return out;
  const fs::path kunder = round_dir / settings.kunder;
  std::error_code ec;
  if (!fs::exists(kunder, ec)) {
    add(findings, "FILE_MISSING", settings.kunder_rad,
        fmt::format("Förra årets kunder.xlsx '{}' i [foregaende] finns inte ({}): förändringen "
                    "mot förra året räknas inte.",
                    settings.kunder, kunder.lexically_normal().string()));
    return out;
  }
  try {
    Findings own;
    out.kunder = read_kunder(xlsx::read_workbook(read_file(kunder, settings.kunder),
                                                 settings.kunder),
                             own);
    for (Finding& f : own) {
      // A round already decided: what is wrong in its register weakens only the bridge.
      if (f.level == Level::fel) f.level = Level::varning;
      f.message = "Förra årets register: " + f.message;
      findings.push_back(std::move(f));
    }
  } catch (const ReadError& e) {
    add(findings, "FILE_UNREADABLE", settings.kunder_rad,
        fmt::format("Förra årets kunder.xlsx '{}' i [foregaende] kan inte läsas ({}): "
                    "förändringen mot förra året räknas inte.",
                    settings.kunder, e.what()));
    return out;
  }
  if (settings.resultat.empty()) return out;
  const fs::path resultat = round_dir / settings.resultat;
  if (!fs::exists(resultat, ec)) {
    add(findings, "FILE_MISSING", settings.resultat_rad,
        fmt::format("Förra årets resultat.json '{}' i [foregaende] finns inte: förra årets "
                    "belopp räknas om med förra årets nycklar och mått i stället.",
                    settings.resultat));
    return out;
  }
  try {
    std::vector<std::byte> bytes = read_file(resultat, settings.resultat);
    out.charged = read_charged_lines(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), year);
  } catch (const ReadError& e) {
    add(findings, "FILE_UNREADABLE", settings.resultat_rad,
        fmt::format("Förra årets resultat.json '{}' i [foregaende] kan inte användas ({}): "
                    "förra årets belopp räknas om med förra årets nycklar och mått i stället.",
                    settings.resultat, e.what()));
  }
  return out;
}

}  // namespace arsanalys::inputs

#pragma once
// The round's settings, read from omgang.toml (contract.md, "omgang.toml (every key optional)").
// Reading never throws for what the file says: every problem becomes a finding naming the file
// and line, the broken key keeps its default, and the rest of the file is still used.
//
// Words kept Swedish, as in the file: analysar (the analysis year Y), personal (personnel costs),
// inkop (purchases), personalandel (the personnel share of costs), leverantor (supplier),
// paverkan (how running-cost effects are meant: niva = level, forandring = change in a single
// year), alternativ (an alternative of the decision annex), insatser (initiatives), utveckling
// (development), forvaltning (running costs, "management"), bas (base), minskning (reduction).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exact.h"
#include "analys/submission.h"
#include "core/finding.h"

namespace arsanalys::sammanstallning {

// Percentages and shares are exact rationals (core/exact.h): whoever multiplies kronor by one
// rounds once, at the end.
using arsanalys::make_rational;
using arsanalys::Rational;

/// A percentage in basis points (hundredths of a percent, as checks/ counts an index) when it is
/// exactly a whole number of them: 3.3 -> 330, 3.325 -> nullopt.
std::optional<std::int64_t> basis_points(Rational percent);

/// Swedish decimal, comma as separator, exact when the decimal ends, else rounded to four
/// decimals after "ca ": 33/10 -> "3,3", 22/25 -> "0,88", 1/3 -> "ca 0,3333".
std::string format_decimal(Rational value);

/// The round's index uplift, budget Y-1 -> forecast Y.
struct IndexSettings {
  std::optional<Rational> personal;       // % on personnel costs, as written
  std::optional<Rational> inkop;          // % on purchases, as written
  std::optional<Rational> personalandel;  // share of personnel costs, a fraction 0..1
  std::optional<Rational> procent;        // the index in force, %: `procent` as written, else
                                          // personalandel × personal + (1 − personalandel) ×
                                          // inkop; nullopt = none set (read from submissions)
  bool blandat = false;                   // true when `procent` was blended from the three
};

/// What the round says about one supplier (`[leverantor."<name>"]`).
struct LeverantorSettings {
  std::optional<Rational> index;                      // overrides IndexSettings::procent, %
  analys::Impact paverkan = analys::Impact::unknown;  // level/change; unknown = as read
  int rad = 0;                                        // line of its table in the file
};

/// One alternative of the decision annex (`[[alternativ]]`). A (approve in full) needs no entry:
/// it is always present. Only the fields of the alternative's own kind are set.
struct Alternativ {
  std::string leverantor;  // supplier name as written in the file
  char namn = 'A';         // 'A', 'B', 'C' or 'D'
  // B: the initiatives removed, by name as in the supplier's table 3.1c. An extension of the
  // contract's example (`insatser = ["Ny e-tjänst"]`), asked for by the issue: B is "approve
  // minus named items", and the amounts of those items come from the submission.
  std::vector<std::string> insatser;
  std::int64_t utveckling_minus_kr = 0;     // C: general cut of the development frame, kronor
  std::int64_t forvaltning_minus_kr = 0;    // C: general cut of the running-cost frame, kronor
  std::int64_t bas_kr = 0;                  // D: the running-cost frame's level (variant 1),
                                            // from which variant 2 takes X %, kronor
  std::vector<Rational> minskning_procent;  // D: examples of X, % each (7, 12, ...): rows of
                                            // the annex's table, not variants
  // D: the development frame (`utveckling_bas`, an extension of the contract as the annex's
  // variant 2 has it: "utveckling i nivå med budget 2023 (90 500 tkr) minus X %"):
  // forslag = as in A, not reduced (the default); budget = the supplier's Budget Y-1 of
  // Tabell 2, reduced by the same X %; tkr = `utveckling_bas_kr`, reduced by X %.
  enum class UtvecklingBas { forslag, budget, tkr };
  UtvecklingBas utveckling_bas = UtvecklingBas::forslag;
  std::int64_t utveckling_bas_kr = 0;
  // D: what the table of examples takes its X % from (`exempel_bas`, an extension: the 2024
  // annex illustrates X on budget 2023, 958 500, while its variants start from the March
  // forecast, 918 500): bas = `bas_tkr` (the default), budget = the supplier's Budget Y-1
  // inside the frames, tkr = `exempel_bas_kr`.
  enum class ExempelBas { bas, budget, tkr };
  ExempelBas exempel_bas = ExempelBas::bas;
  std::int64_t exempel_bas_kr = 0;
  // D: benchmark rows of the table of examples (`jamforelse`): "utfall" (Utfall Y-2),
  // "budget" (Budget Y-1), "forslag" (the supplier's proposal, alternative A), in the
  // frames' scope. Empty: none.
  std::vector<std::string> jamforelse;
  // Any alternative: the strategic group's instructions to the supplier (`medskick`, the
  // annex's "Med bakgrund av ovan ska Intraservice beakta nedan medskick"), in order.
  std::vector<std::string> medskick;
  int rad = 0;                              // line of its [[alternativ]] header in the file
};

/// The preparers' own figure where a submission lacks or misstates one (`[[justering]]`): it
/// replaces (or supplies) one figure, the submission's own is kept beside it, and every output
/// that shows the figure marks it with `kalla` and `motivering`. Nothing is adjusted silently.
/// - `tjanst`: a line of the supplier's table, its amount of year `ar` (a cell of the
///   submission): every output and the allocation use the preparers' figure.
/// - `omrade`: the area's figure of Tabell 1 or 2 for `ar` (Utfall Y-2, Budget Y-1 or the
///   proposed Y without index), which the consolidated tables and the annex show.
/// - neither: the supplier's own row of Tabell 1 or 2 (a supplier without areas).
struct Justering {
  std::string leverantor;        // supplier name as written
  std::string tabell;            // "forvaltning" or "utveckling"
  std::string omrade;            // area ("" none)
  std::string tjanst;            // service ("" none)
  int ar = 0;                    // the year of the figure
  std::int64_t belopp_kr = 0;    // the preparers' figure, kronor
  std::string kalla;             // where the figure comes from (required)
  std::string motivering;        // why (required)
  int rad = 0;                   // line of its [[justering]] header in the file
};

/// The decision annex's document data (`[bilaga]`), printed on every page of its PDF.
struct Bilaga {
  std::string titel;         // the annex's title ("" the default title)
  std::string diarienummer;  // the registration number ("" none)
  std::string datum;         // the date, ISO 8601 "YYYY-MM-DD" ("" none)
  std::string version;       // the version ("" none)
};

/// Everything omgang.toml can say; every default is "not set".
struct Settings {
  int analysar = 0;                   // analysis year Y; 0 = from submissions
  IndexSettings index;                // the round's index uplift
  std::optional<Rational> kf_index;   // KF's decided index, %; none = "+ index"
  std::map<int, Rational> prisindex;  // year -> price change that year, %
  std::map<std::string, LeverantorSettings, std::less<>> leverantorer;  // by name as written
  std::vector<Alternativ> alternativ;  // B, C, D entries in file order
  std::vector<Justering> justeringar;  // [[justering]] entries in file order
  Bilaga bilaga;                       // [bilaga]
};

/// Finding codes of this module.
inline constexpr std::string_view kSettingsInvalid = "SETTINGS_INVALID";         // fel
inline constexpr std::string_view kSettingsUnknownKey = "SETTINGS_UNKNOWN_KEY";  // varning
inline constexpr std::string_view kSettingsDefaults = "SETTINGS_DEFAULTS";       // info

/// The settings in `toml_text`; `file_name` names the file in findings. Problems become findings
/// (never exceptions), each at Location{file_name, "", "rad N"}: a TOML file has lines, not
/// cells, and the cell field is the one the outputs show beside the file, so it carries the line.
///
///   read_settings("analysar = 2024\n[index]\nprocent = 3.3\n", "omgang.toml", findings)
///     -> analysar 2024, index.procent 33/10, no findings
///
/// - bad TOML syntax: one `fel` SETTINGS_INVALID at the parser's line; all defaults.
/// - an unknown key: `varning` SETTINGS_UNKNOWN_KEY, with "menade du ...?" when one is close.
/// - a wrong type or a value out of range: `fel` SETTINGS_INVALID; that key keeps its default.
Settings read_settings(std::string_view toml_text, std::string_view file_name, Findings& findings);

/// The settings in the file at `path`. A missing file gives the defaults and an `info` finding
/// SETTINGS_DEFAULTS saying so; an unreadable one gives the defaults and a `fel`.
Settings read_settings_file(const std::filesystem::path& path, Findings& findings);

/// The settings in force as Swedish lines (each ending in '\n'), every default marked
/// "(standard)", for the run to print and write beside its outputs.
std::string describe_defaults(const Settings& settings);

}  // namespace arsanalys::sammanstallning

#pragma once
// Test helper: the 2024 round as the decision annex shows it (docs/seed-2024.md §6), built by
// hand: Tabell 1 and 2 per supplier and area, the alternatives A–D with the annex's frames, and
// what B, C and D mean for a dozen customers. A few figures are left unrounded (77 617, 119 676)
// so the tests see the annex's rounding to hundreds of tkr.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "fordelning/customers.h"
#include "sammanstallning/alternative_effects.h"
#include "sammanstallning/round.h"

namespace arsanalys::test::annex {

using sammanstallning::Alternative;
using sammanstallning::AlternativeEffect;
using sammanstallning::AreaRow;
using sammanstallning::FrameRow;
using sammanstallning::Rational;
using sammanstallning::Round;
using sammanstallning::SourceLine;
using sammanstallning::SupplierRound;

inline constexpr std::int64_t T = 1000;  // kronor per tkr

inline const char* const kDms = "Nämnden för demokrati och medborgarservice";
inline const char* const kInk = "Nämnden för inköp och upphandling";
inline const char* const kIs = "Nämnden för Intraservice";

inline AreaRow area(std::string name, std::optional<std::int64_t> utfall_tkr,
                    std::int64_t budget_tkr, std::int64_t foreslagen_tkr,
                    std::int64_t effekt_tkr = 0, bool infra = false) {
  AreaRow r;
  r.area = std::move(name);
  r.infrastruktur = infra;
  if (utfall_tkr) r.figures.utfall = *utfall_tkr * T;
  r.figures.budget = budget_tkr * T;
  r.figures.effekt = effekt_tkr * T;
  r.figures.foreslagen = foreslagen_tkr * T;
  return r;
}

inline AreaRow sum_rows(const std::vector<AreaRow>& rows) {
  AreaRow t;
  for (const AreaRow& r : rows) {
    if (r.figures.utfall) t.figures.utfall = t.figures.utfall.value_or(0) + *r.figures.utfall;
    t.figures.budget = t.figures.budget.value_or(0) + r.figures.budget.value_or(0);
    t.figures.foreslagen = t.figures.foreslagen.value_or(0) + r.figures.foreslagen.value_or(0);
    t.figures.effekt += r.figures.effekt;
  }
  return t;
}

inline SourceLine service(std::string table, std::string area_name, std::string name) {
  SourceLine l;
  l.table = std::move(table);
  l.area = std::move(area_name);
  l.service = std::move(name);
  return l;
}

inline std::vector<FrameRow> frames(std::int64_t forv_bas, std::int64_t utv_bas) {
  return {{"Ekonomisk ram för förvaltning av bastjänster", forv_bas, ""},
          {"Ekonomisk ram för utveckling av bastjänster", utv_bas, ""}};
}

inline Alternative alt_a(std::vector<FrameRow> rows) {
  Alternative a;
  a.name = 'A';
  a.title = "Alternativ A: Godkänna leverantörens hela förslag";
  a.description = "Alternativ A innebär att godkänna leverantörens förslag i sin helhet i "
                  "enlighet med årlig analys, plus 2024 års index beslutat av kommunfullmäktige.";
  a.frames = std::move(rows);
  for (const FrameRow& f : a.frames) {
    (f.label.find("förvaltning") != std::string::npos ? a.forvaltning_kr : a.utveckling_kr) +=
        f.amount_kr.value_or(0);
  }
  return a;
}

inline Round seed_round() {
  Round round;
  round.year = 2024;
  round.year_source = "omgang.toml";
  round.settings.analysar = 2024;
  round.settings.prisindex = {{2023, Rational{9, 2}}, {2024, Rational{33, 10}}};

  // Demokrati och medborgarservice: no areas; 77 587 + 30 (effect) = 77 617 -> 77 600.
  SupplierRound dms;
  dms.name = kDms;
  dms.file = "demokrati.xlsx";
  dms.index = Rational{6, 1};
  dms.index_source = "omgang.toml, [leverantor]";
  // Utfall 2022 43 800: the annex's approximation from DMS's earlier price model.
  dms.forvaltning = {area("", 43'800, 77'587, 77'617, 30)};
  dms.forvaltning[0].figures.budget = 77'587'000;
  dms.forvaltning_total = dms.forvaltning[0];
  dms.utveckling = {area("", 0, 7'000, 5'190)};
  dms.utveckling_total = dms.utveckling[0];
  dms.proposals = 8;
  dms.proposals_incomplete = 7;
  dms.frame_kr = 82'807 * T;
  for (const char* s : {"Göteborgs Stads kontaktcenter", "Extern service och kommunikation",
                        "Demokratistärkande metoder och verktyg", "Öppna data"}) {
    dms.lines.push_back(service("forvaltning", "", s));
  }
  dms.alternatives.push_back(alt_a(frames(77'617 * T, 5'190 * T)));
  Alternative b;
  b.name = 'B';
  b.title = "Alternativ B: Godkänna leverantörens förslag med justering";
  b.description = "Alternativ B innebär att godkänna förslaget minskat med utvecklingskostnaden "
                  "för ”Kommunikationsinsats kring Göteborgsförslaget” på 300 tkr.";
  b.frames = frames(77'617 * T, 4'890 * T);
  b.forvaltning_kr = 77'617 * T;
  b.utveckling_kr = 4'890 * T;
  dms.alternatives.push_back(b);

  // Inköp och upphandling: no areas.
  SupplierRound ink;
  ink.name = kInk;
  ink.file = "inkop.xlsx";
  ink.index = Rational{6, 1};
  ink.index_source = "omgang.toml, [leverantor]";
  ink.forvaltning = {area("", 20'898, 28'500, 30'700, 2'200)};
  ink.forvaltning_total = ink.forvaltning[0];
  ink.utveckling = {area("", 5'573, 9'600, 10'300)};
  ink.utveckling_total = ink.utveckling[0];
  ink.proposals = 0;
  ink.frame_kr = 41'000 * T;
  for (const char* s : {"Stöd vid inköp och beställning", "Stöd vid leverantörsfakturahantering",
                        "Stöd vid upphandling, leverantörs- och avtalshantering"}) {
    ink.lines.push_back(service("forvaltning", "", s));
  }
  ink.alternatives.push_back(alt_a(frames(30'700 * T, 10'300 * T)));
  Alternative c;
  c.name = 'C';
  c.title = "Alternativ C: Minskning av ramar – leverantören prioriterar";
  c.description = "En föreslagen minskning av utvecklingsramen med 1 400 tkr.";
  c.frames = frames(30'700 * T, 8'900 * T);
  c.forvaltning_kr = 30'700 * T;
  c.utveckling_kr = 8'900 * T;
  ink.alternatives.push_back(c);

  // Intraservice: Tabell 1 and 2 by area (HR's budget 119 676 shows as 119 700).
  SupplierRound is;
  is.name = kIs;
  is.file = "intraservice.xlsx";
  is.index = Rational{33, 10};
  is.index_source = "omgang.toml, [index]";
  is.forvaltning = {area("Ekonomi", 32'600, 45'900, 45'900),
                    area("HR", 99'300, 119'676, 131'900, 12'200),
                    area("Ledning och styrning", 23'000, 33'000, 42'000, 9'000),
                    area("Kommunikation", 22'700, 23'000, 23'500, 500),
                    area("Digital infrastruktur", 596'200, 736'900, 782'600, 45'700, true)};
  is.forvaltning_total = sum_rows(is.forvaltning);
  is.utveckling = {area("Ekonomi", 5'300, 2'000, 2'000), area("HR", 2'600, 12'200, 13'800),
                   area("Ledning och styrning", 21'500, 20'500, 27'500),
                   area("Kommunikation", 15'300, 7'900, 4'500),
                   area("Digital infrastruktur", 25'600, 47'900, 63'400, 0, true)};
  is.utveckling_total = sum_rows(is.utveckling);
  is.proposals = 12;
  is.proposals_incomplete = 12;
  is.frame_kr = 1'137'100 * T;
  is.undescribed_kr = 39'800 * T;  // 3,5 % of the frame
  is.lines = {service("forvaltning", "Ekonomi", "Stöd i ekonomiprocesserna"),
              service("forvaltning", "HR", "Stöd i arbetet med bemanning"),
              service("forvaltning", "Digital infrastruktur", "IT-arbetsplats"),
              service("forvaltning", "Digital infrastruktur", "Lokalt Nät")};
  is.alternatives.push_back(alt_a(
      {{"Ekonomisk ram för förvaltning av bastjänster", 243'300 * T, ""},
       {"Ekonomisk ram för utveckling av bastjänster", 47'800 * T, ""},
       {"Ekonomisk ram för förvaltning av digital infrastruktur", 782'600 * T, ""},
       {"Ekonomisk ram för utveckling av digital infrastruktur", 63'400 * T, ""}}));
  // D as the 2024 annex has it (issue 13): variant 1 at the March forecast and budget 2023,
  // variant 2 minus X %, merged frames; the examples of X on budget 2023 (958 500).
  const std::string merged_note =
      "*Beloppen är en sammanslagning av bastjänster och digital infrastruktur.";
  const std::string forv_label =
      "Ekonomisk ram för förvaltning av bastjänster och digital infrastruktur";
  const std::string utv_label = "Ekonomisk ram för utveckling av bastjänster och digital infrastruktur";
  Alternative v1;
  v1.name = 'D';
  v1.variant = 1;
  v1.title = "Variant 1 av alternativ D – minskning av ramar, med medskick";
  v1.description = "Ekonomisk ram för förvaltning i nivå med 918 500 tkr*.";
  v1.frames = {{forv_label, 918'500 * T, merged_note, "", true},
               {utv_label, 90'500 * T, "", "", true}};
  v1.forvaltning_kr = 918'500 * T;
  v1.utveckling_kr = 90'500 * T;
  v1.medskick = {"Säkerställa IT-säkerheten för staden.", "Säkerställa avtalsefterlevnad."};
  is.alternatives.push_back(v1);
  Alternative v2 = v1;
  v2.variant = 2;
  v2.title = "Variant 2 av alternativ D – minskning av ramar, med medskick";
  v2.frames = {{forv_label, std::nullopt, merged_note, "918 500 tkr* minus X %", true},
               {utv_label, std::nullopt, "", "90 500 tkr* minus X %", true}};
  v2.forvaltning_kr = v2.utveckling_kr = 0;
  is.alternatives.push_back(v2);
  is.examples.push_back({"Budget 2023", 958'500 * T, false});
  for (std::int64_t pct : {7, 12, 17, 22}) {
    Alternative d = v2;
    d.example = true;
    d.minskning = Rational{pct, 1};
    d.title = "Exempel: minskning med " + std::to_string(pct) + " %";
    std::int64_t forv = 958'500 * T * (100 - pct) / 100;
    d.frames = {{forv_label, forv, merged_note, "", true}, {utv_label, 90'500 * T, "", "", true}};
    d.forvaltning_kr = forv;
    d.utveckling_kr = 90'500 * T;
    is.alternatives.push_back(d);
    is.examples.push_back({"Minskning av budget 2023 med " + std::to_string(pct) + " %", forv,
                           false});
  }
  is.examples.insert(is.examples.begin() + 4, {"Utfall 2022", 773'800 * T, true});
  sammanstallning::Alternativ setting;
  setting.leverantor = kIs;
  setting.namn = 'D';
  setting.bas_kr = 958'500 * T;
  setting.minskning_procent = {Rational{7, 1}, Rational{12, 1}, Rational{17, 1}, Rational{22, 1}};
  round.settings.alternativ.push_back(setting);

  round.suppliers = {dms, ink, is};
  // The annex's service lists: the 3.1a lines, as consolidate() lists them without a catalogue.
  for (SupplierRound& s : round.suppliers) {
    for (const SourceLine& l : s.lines) {
      if (l.table != "forvaltning") continue;
      s.services.push_back({l.service, l.area, l.area == "Digital infrastruktur", true});
    }
  }
  round.bastjanster.tjanster = 28;
  round.infrastruktur.tjanster = 22;
  round.years = {{2022, 838'500 * T, 75'900 * T, 292'600 * T, 621'800 * T, 984'000 * T},
                 {2023, 1'064'600 * T, 107'100 * T, 386'900 * T, 784'800 * T, 1'210'400 * T},
                 {2024, 1'134'200 * T, 126'700 * T, 414'900 * T, 846'000 * T, 1'260'900 * T}};
  return round;
}

/// Twelve customers; one name carries characters HTML must escape.
inline fordelning::Kunder seed_kunder() {
  fordelning::Kunder k;
  k.file = "kunder.xlsx";
  const std::vector<std::pair<const char*, const char*>> names = {
      {"GSF", "Grundskoleförvaltningen"},
      {"FSK", "Förskoleförvaltningen"},
      {"UBF", "Utbildningsförvaltningen"},
      {"AVO", "Äldre samt vård- och omsorgsförvaltningen"},
      {"FFS", "Förvaltningen för funktionsstöd"},
      {"SFNO", "Socialförvaltning Nordost"},
      {"SFC", "Socialförvaltning Centrum"},
      {"KUF", "Kultur & fritid <Test> \"AB\""},
      {"SLK", "Stadsledningskontoret"},
      {"INK", "Inköp och upphandling"},
      {"LIS", "Liseberg AB"},
      {"REN", "Renova AB"},
  };
  std::uint32_t row = 1;
  for (const auto& [id, name] : names) {
    fordelning::Customer c;
    c.id = id;
    c.name = name;
    c.typ = std::string(id) == "LIS" || std::string(id) == "REN" ? "Bolag" : "Förvaltning";
    c.row = row++;
    k.customers.push_back(c);
  }
  return k;
}

/// An effect whose cut is split over the twelve customers by fixed weights, exactly.
inline AlternativeEffect effect(const char* supplier, char name, std::optional<Rational> minskning,
                                std::string title, std::int64_t forv_minus_kr,
                                std::int64_t utv_minus_kr, std::int64_t a_total_kr) {
  AlternativeEffect e;
  e.supplier = supplier;
  e.name = name;
  e.minskning = minskning;
  e.title = std::move(title);
  e.forvaltning_minus_kr = forv_minus_kr;
  e.utveckling_minus_kr = utv_minus_kr;
  const std::vector<std::pair<const char*, std::int64_t>> weights = {
      {"GSF", 30}, {"FSK", 20}, {"UBF", 12}, {"AVO", 10}, {"FFS", 8}, {"SFNO", 5},
      {"SFC", 4},  {"KUF", 3},  {"SLK", 3},  {"INK", 2},  {"LIS", 2}, {"REN", 1}};
  std::int64_t cut = forv_minus_kr + utv_minus_kr, given_a = 0, given_cut = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    auto [id, w] = weights[i];
    bool last = i + 1 == weights.size();
    std::int64_t a = last ? a_total_kr - given_a : a_total_kr * w / 100;
    std::int64_t m = last ? cut - given_cut : cut * w / 100;
    e.customers_a_kr[id] = a;
    e.customers_minus_kr[id] = m;
    given_a += a;
    given_cut += m;
  }
  return e;
}

inline std::vector<AlternativeEffect> seed_effects() {
  std::vector<AlternativeEffect> out;
  out.push_back(effect(kDms, 'B', std::nullopt,
                       "Alternativ B: Godkänna leverantörens förslag med justering", 0, 300 * T,
                       82'807 * T));
  out.push_back(effect(kInk, 'C', std::nullopt,
                       "Alternativ C: Minskning av ramar – leverantören prioriterar", 0,
                       1'400 * T, 41'000 * T));
  out.push_back(effect(kIs, 'D', std::nullopt,
                       "Variant 1 av alternativ D – minskning av ramar, med medskick",
                       1'025'900 * T - 918'500 * T, 111'200 * T - 90'500 * T, 1'137'100 * T));
  out.back().variant = 1;
  for (std::int64_t pct : {7, 12, 17, 22}) {
    std::int64_t forv = 958'500 * T * (100 - pct) / 100;
    out.push_back(effect(kIs, 'D', Rational{pct, 1}, "Exempel: minskning med " +
                                                         std::to_string(pct) + " %",
                         1'025'900 * T - forv, 111'200 * T - 90'500 * T, 1'137'100 * T));
    out.back().variant = 2;
  }
  return out;
}

/// Two findings of level fel in demokrati.xlsx (the seed's D01 and D02) and a warning.
inline Findings seed_findings() {
  Findings f;
  f.push_back({"SUM_MISMATCH", Level::fel, {"demokrati.xlsx", "3.1 Kostnader", "C7"},
               "Totalkostnad 77 587 tkr avviker från summan av raderna 77 547 tkr.",
               77'587 * T, 77'547 * T});
  f.push_back({"INDEX_MISMATCH", Level::fel, {"demokrati.xlsx", "3.1 Kostnader", "D5"},
               "Prognos 53 820 tkr är inte budget 50 733 tkr + 6 %.", 53'820 * T, 53'777 * T});
  f.push_back({"IMPACT_AMBIGUOUS", Level::varning, {"demokrati.xlsx", "3.1 Kostnader", ""},
               "Påverkan kan vara nivå eller förändring.", std::nullopt, std::nullopt});
  return f;
}

}  // namespace arsanalys::test::annex

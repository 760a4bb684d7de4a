#pragma once
// The consolidated round (sammanställning): the suppliers' recognised submissions brought onto
// one year axis, with the index in force per supplier, the annex's Tabell 1 and 2 per supplier
// and area, basic services against digital infrastructure, fixed prices, and the decision
// annex's alternatives as frames (ekonomiska ramar). Plain data, every amount in kronor; the
// writers in output/ only lay it out.
//
// How the annex's figures are formed (seed 003, docs/seed-2024.md §6), and so ours:
// - Tabell 1 (förvaltning): Utfall Y-2 and Budget Y-1 from 3.1a; "Föreslagen Y" is Budget Y-1
//   plus the running-cost effect in Y of development (3.1b and 3.1c effects, as levels), i.e.
//   **without index**, as the annex's frames are "+ index". The supplier's own forecast Y (with
//   index) is kept beside it.
// - Tabell 2 (utveckling): Utfall Y-2 and Budget Y-1 from 3.1b; "Föreslagen Y" is 3.1b's
//   Prognos Y plus 3.1c's År Y (every line, negative ones too).
// - Only lines inside the frames are in Tabell 1 and 2, the alternatives, the service lists
//   and counts: bastjänster and digital infrastruktur of the round's service catalogue that
//   the supplier itself is responsible for (fordelning/catalogue.h). Every other line is kept
//   beside them with its category and reason, so a submission's total always reconciles.
//   Without a catalogue, an area called "Digital infrastruktur" is digital infrastructure and
//   every other line a basic service (bastjänst), all inside the frames.
// - The preparers' adjustments ([[justering]]) replace one figure each and are recorded with
//   the submission's own figure: a line's (apply_adjustments(), before everything else) or an
//   area's figure of Tabell 1 or 2 (in consolidate()).
//
// Words kept Swedish as the users say them: forvaltning (running costs), utveckling
// (development), bastjänster (basic services), ram (frame), alternativ (alternative).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/catalogue.h"
#include "sammanstallning/settings.h"

namespace arsanalys::sammanstallning {

/// The columns of one row of Tabell 1 or 2, kronor; nullopt where the submission has nothing.
struct Figures {
  std::optional<std::int64_t> utfall;     // Utfall Y-2
  std::optional<std::int64_t> budget;     // Budget Y-1
  std::optional<std::int64_t> prognos;    // the supplier's forecast Y (3.1a: with index)
  std::int64_t effekt = 0;                // running-cost effect in Y of development (3.1a rows
                                          // only): the annex's figure in parentheses
  std::optional<std::int64_t> foreslagen; // proposed Y without index (see the file comment)
  int tjanster = 0;                       // detailed lines counted in the row
};

/// A figure the preparers replaced or supplied ([[justering]]).
struct Adjusted {
  int year = 0;                              // the figure's year
  std::optional<std::int64_t> submitted_kr;  // the submission's own figure; none: it had none
  std::int64_t adjusted_kr = 0;              // the preparers' figure
  std::size_t justering = 0;                 // index into Settings::justeringar
};

/// One row of Tabell 1 or 2: an area of a supplier, or the supplier's total.
struct AreaRow {
  std::string area;            // "" for a supplier without areas (the row is the supplier)
  bool infrastruktur = false;  // digital infrastructure rather than basic services
  Figures figures;
  std::vector<Adjusted> adjusted;  // figures of this row the preparers replaced (by year)
};

/// One service line of 3.1a in the index check: what the index gives and what was submitted.
struct IndexRow {
  std::string service;                     // the line's label
  std::string area;                        // its area ("" none)
  std::int64_t budget = 0;                 // Budget Y-1, kronor
  std::int64_t prognos = 0;                // the supplier's forecast Y, kronor
  std::int64_t expected = 0;               // budget × (1 + index), rounded to the line's
                                           // granularity (whole tkr for tkr figures)
  std::optional<Rational> implied_percent; // prognos / budget − 1, in %; none when budget is 0
  bool fits = true;                        // prognos == expected
  Location budget_at;                      // cells, for the source column
  Location prognos_at;
};

/// A line of a supplier as consolidated: every figure with the cell it came from.
struct SourceLine {
  std::string table;                       // forvaltning, utveckling, nya_insatser
  std::string area;                        // "" none
  std::string service;                     // the line's label
  std::map<int, std::int64_t> amounts_kr;  // year -> kronor (amount cells only)
  std::map<int, Location> sources;         // year -> the cell
  std::map<int, std::int64_t> effect_level_kr;   // year -> running-cost effect as a level
  std::map<int, std::int64_t> effect_change_kr;  // year -> change in that single year
  fordelning::Category category = fordelning::Category::okand;  // from the catalogue
  fordelning::Financing financing = fordelning::Financing::kostnadsfordelning;
  bool in_frames = true;        // inside the frames (Tabell 1 and 2, alternatives)
  std::string reason;           // Swedish: why outside the frames ("" when inside)
  std::string receiver;         // `Levereras till`, resolved: a supplier or Kund-id ("" none)
  std::string catalogue_name;   // the catalogue's name of the service ("" none)
  std::vector<Adjusted> adjusted;  // amounts of this line the preparers replaced (by year)
};

/// A prioritised service of a supplier, for the annex's service lists and counts: a row of the
/// catalogue (or, without one, a line of 3.1a).
struct ServiceEntry {
  std::string name;            // the catalogue's name (or the line's label)
  std::string area;            // its area as the submission groups it ("" none or unknown)
  bool infrastruktur = false;  // digital infrastructure rather than a basic service
  bool reported = true;        // the submission mentions it (SERVICE_NOT_REPORTED when not)
};

/// One table and year of a supplier split by the frames: the submission's lines in all, and
/// how much of it is inside and outside the frames (they always add up).
struct ScopeSplit {
  std::string table;            // forvaltning, utveckling, nya_insatser
  int year = 0;
  std::int64_t total_kr = 0;    // every detailed line of the table for the year
  std::int64_t in_frames_kr = 0;
  std::int64_t outside_kr = 0;
};

/// One frame row of an alternative, the annex's "Ekonomisk ram för förvaltning av
/// bastjänster" and so on.
struct FrameRow {
  FrameRow() = default;
  FrameRow(std::string label_, std::optional<std::int64_t> amount, std::string note_ = "",
           std::string shown_ = "", bool merged_ = false)
      : label(std::move(label_)), amount_kr(amount), note(std::move(note_)),
        shown(std::move(shown_)), merged(merged_) {}

  std::string label;                       // Swedish, as in the annex
  std::optional<std::int64_t> amount_kr;   // none: no amount (see `shown`)
  std::string note;                        // e.g. "minus 7 %", a footnote text, "" none
  std::string shown;                       // the frame as text where it has no amount yet
                                           // ("918 500 tkr minus X %"), "" none
  bool merged = false;                     // bastjänster and digital infrastruktur together
};

/// One alternative (or one variant of D: one reduction percentage).
struct Alternative {
  char name = 'A';                         // A, B, C or D
  std::string title;                       // "Alternativ A: Godkänna leverantörens hela förslag"
  std::string description;                 // what it means, one or two Swedish sentences
  int variant = 0;                         // D: 1 (the stated level) or 2 (minus X %); else 0
  bool example = false;                    // D: one example of X for variant 2 (a row of the
                                           // table of examples, worked out per customer), not a
                                           // variant of its own
  std::optional<Rational> minskning;       // D: the example's X in %, else none
  std::vector<FrameRow> frames;            // the Ekonomisk ram table, "+ index" implied
  std::int64_t forvaltning_kr = 0;         // the förvaltning frame in all (rows summed)
  std::int64_t utveckling_kr = 0;          // the utveckling frame in all
  std::vector<std::string> medskick;       // the group's instructions to the supplier
};

/// A row of D's table of examples: a reduction of the base, or a benchmark.
struct ExampleRow {
  std::string label;          // "Minskning av budget 2023 med 7 %", "Utfall 2022"
  std::int64_t frame_kr = 0;  // the running-cost frame it gives, kronor
  bool benchmark = false;     // a benchmark row (omgang.toml `jamforelse`)
};

/// A supplier's part of the round.
struct SupplierRound {
  std::string name;                        // as recognised (Leverantör / title page)
  std::string file;                        // submission file name
  std::optional<Rational> index;           // index Y-1 -> Y in force, %; none: unknown
  std::string index_source;                // Swedish: where it comes from ("omgang.toml,
                                           // [leverantor]", "rubriken i 3.1a", ...)
  analys::Impact impact = analys::Impact::unknown;  // effects read as (after settings)
  std::vector<AreaRow> forvaltning;        // Tabell 1 rows of this supplier (areas in order)
  AreaRow forvaltning_total;               // its total
  std::vector<AreaRow> utveckling;         // Tabell 2 rows
  AreaRow utveckling_total;
  std::vector<IndexRow> index_rows;        // the index check of 3.1a's lines
  std::vector<SourceLine> lines;           // every detailed line of 3.1a, 3.1b, 3.1c, inside
                                           // the frames and outside them
  std::vector<ServiceEntry> services;      // prioritised services in catalogue order
  std::vector<ScopeSplit> scope;           // per table and year: in + outside = total
  std::vector<Alternative> alternatives;   // A first, then as omgang.toml lists them
  std::vector<ExampleRow> examples;        // D's table of examples of X, largest frame first;
                                           // the first row is the base itself
  int proposals = 0;                       // 2.2 initiatives
  int proposals_incomplete = 0;            // of them lacking a required field
  std::int64_t undescribed_kr = 0;         // 3.1c År Y of lines named like a pot ("pott",
                                           // "ej specificerade") or without description
  std::int64_t frame_kr = 0;               // the proposed frame, förvaltning + utveckling
};

/// Basic services or digital infrastructure in all (Storleksmässiga skillnader).
struct Segment {
  int tjanster = 0;                        // service lines of 3.1a
  std::int64_t forvaltning_kr = 0;         // Föreslagen Y utan index
  std::int64_t utveckling_kr = 0;          // Föreslagen Y
};

/// One year's totals over all suppliers, for the cost development (Diagram 1 and 2).
struct YearTotals {
  int year = 0;
  std::int64_t forvaltning_kr = 0;
  std::int64_t utveckling_kr = 0;
  std::int64_t bastjanster_kr = 0;         // förvaltning + utveckling of basic services
  std::int64_t infrastruktur_kr = 0;       // förvaltning + utveckling of digital infrastructure
  std::int64_t fasta_priser_kr = 0;        // förvaltning + utveckling in year Y's prices
  bool complete = true;                    // every area row of every supplier has the year
                                           // (else the sums are partial: shown as a gap)
};

/// The whole round.
struct Round {
  int year = 0;                            // analysis year Y
  std::string year_source;                 // Swedish: "omgang.toml" or "underlagen"
  Settings settings;                       // as read (defaults where unset)
  std::vector<SupplierRound> suppliers;    // in file name order
  Segment bastjanster;
  Segment infrastruktur;
  std::vector<YearTotals> years;           // Y-2, Y-1, Y
  bool catalogue = false;                  // the round has a service catalogue
};

/// The figures of lines the preparers replaced or supplied ([[justering]] with `tjanst`).
struct LineAdjustment {
  std::string supplier;                      // as recognised
  std::string table;                         // forvaltning, utveckling
  std::string service;                       // the line's label
  Adjusted figure;
  Location source;                           // the submission's cell
};

/// Applies the service-level adjustments to the submissions' lines, so that every later stage
/// (consolidation, allocation, outputs) uses the preparers' figure; the submission's own is
/// kept in the result. Reports ADJUSTED (info) at the cell for each, SETTINGS_INVALID (fel) for
/// one that names no line. The area-level ones are consolidate()'s.
std::vector<LineAdjustment> apply_adjustments(std::vector<analys::Submission>& submissions,
                                              const Settings& settings, Findings& findings);

/// Consolidates the recognised submissions (one per supplier, in the order given) under the
/// round's settings. Findings are the caller's (checks run separately); this adds only what
/// consolidation itself finds: settings naming a supplier or an initiative that is not there.
/// `catalogue` classifies the lines (null: as without a catalogue); `adjusted` are the line
/// adjustments apply_adjustments() made, recorded on the lines they changed.
Round consolidate(const std::vector<analys::Submission>& submissions, const Settings& settings,
                  Findings& findings, const fordelning::Catalogue* catalogue = nullptr,
                  const std::vector<LineAdjustment>& adjusted = {});

/// The index in force for a supplier: omgang.toml's `[leverantor."name"] index`, else its
/// `[index]`, else the index stated in the supplier's 3.1a header, else none.
std::optional<Rational> index_for(const analys::Submission& s, const Settings& settings,
                                  std::string* source);

using arsanalys::uplift;  // core/exact.h: amount × (1 + percent / 100), rounded once

}  // namespace arsanalys::sammanstallning

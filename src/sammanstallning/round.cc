#include "sammanstallning/round.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analys/normalise.h"
#include "analys/recognise.h"
#include "core/number_text.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::sammanstallning {
namespace {

using analys::ColumnKind;
using analys::Line;
using analys::LineKind;
using analys::Table;


/// The amount of `line` in the column of `kind` and `year`, if it holds one.
std::optional<std::int64_t> amount_at(const Table& t, const Line& line, ColumnKind kind,
                                      int year) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].kind != kind || t.columns[i].year != year) continue;
    const auto& v = line.values[i];
    if (v && v->amount.kind == analys::Amount::Kind::amount) return v->amount.kronor;
    return std::nullopt;
  }
  return std::nullopt;
}

void add_to(std::optional<std::int64_t>& sum, std::optional<std::int64_t> v) {
  if (v) sum = sum.value_or(0) + *v;
}

void add_figures(Figures& sum, const Figures& f) {
  add_to(sum.utfall, f.utfall);
  add_to(sum.budget, f.budget);
  add_to(sum.prognos, f.prognos);
  add_to(sum.foreslagen, f.foreslagen);
  sum.effekt += f.effekt;
  sum.tjanster += f.tjanster;
}

/// Rounds a percentage read as a double from a header ("inkl index 3,3%") to an exact
/// thousandth of a percent.
Rational exact_percent(double d) {
  return make_rational(static_cast<std::int64_t>(std::llround(d * 1000)), 1000);
}

/// Whether a line's label marks money without a description: a pot or unspecified services.
bool undescribed(std::string_view label) {
  std::string f = fold(label);
  for (const char* w : {"pott", "ej specificera", "ospecificera", "utan beloppsbestämning"}) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

const LeverantorSettings* supplier_settings(const Settings& settings, std::string_view name) {
  std::string wanted = fold(name);
  for (const auto& [written, ls] : settings.leverantorer) {
    if (fold(written) == wanted) return &ls;
  }
  return nullptr;
}

Location settings_line(int rad) { return Location{"omgang.toml", "", fmt::format("rad {}", rad)}; }

/// "förvaltning utfall 2022": which figure of Tabell 1 or 2 a year is.
std::string figure_name(std::string_view table, int year, int y) {
  std::string what = year == y - 2   ? fmt::format("utfall {}", year)
                     : year == y - 1 ? fmt::format("budget {}", year)
                                     : fmt::format("föreslagen budget {}", year);
  return fmt::format("{} {}", table == "forvaltning" ? "förvaltning" : "utveckling", what);
}

/// ADJUSTED's message: "Beredningens siffra 596 200 tkr för <what>, där underlaget saknar
/// siffra. Källa: …. Motivering: …" (or "ersätter underlagets 28 500 tkr").
std::string adjusted_text(const Justering& adj, const std::string& what,
                          std::optional<std::int64_t> submitted) {
  std::string instead = submitted ? fmt::format("ersätter underlagets {}",
                                                analys::format_tkr(*submitted))
                                  : std::string("där underlaget saknar siffra");
  std::string reason = adj.motivering;
  if (!reason.empty() && reason.back() != '.') reason += '.';
  return fmt::format("Beredningens siffra {} för {}, {}. Källa: {}. Motivering: {}",
                     analys::format_tkr(adj.belopp_kr), what, instead, adj.kalla, reason);
}

/// Builds one supplier's part of the round.
class SupplierBuilder {
 public:
  SupplierBuilder(const analys::Submission& s, const Settings& settings, int year,
                  const fordelning::Catalogue& catalogue,
                  const std::vector<LineAdjustment>& adjusted, Findings& findings)
      : s_(s), settings_(settings), y_(year), catalogue_(catalogue), adjusted_(adjusted),
        findings_(findings) {}

  SupplierRound build() {
    out_.name = s_.supplier;
    out_.file = s_.file;
    out_.index = index_for(s_, settings_, &out_.index_source);
    const LeverantorSettings* ls = supplier_settings(settings_, s_.supplier);
    out_.impact = ls ? ls->paverkan : analys::Impact::unknown;
    if (out_.impact == analys::Impact::unknown) {
      if (const Table* t = s_.table("utveckling")) out_.impact = t->impact;
    }
    for (const char* id : {"forvaltning", "utveckling", "nya_insatser"}) {
      if (const Table* t = s_.table(id)) add_table(*t);
    }
    finish_rows();
    services();
    scope();
    index_check();
    proposals();
    return std::move(out_);
  }

 private:
  /// The Tabell 1 and 2 row of an area (and segment), created in order of first appearance.
  std::size_t row_of(std::string_view area, bool infrastruktur) {
    std::pair<std::string, bool> key{area_key(area), infrastruktur};
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == key) return i;
    }
    keys_.push_back(key);
    AreaRow row;
    row.area = std::string(area);
    row.infrastruktur = infrastruktur;
    out_.forvaltning.push_back(row);
    out_.utveckling.push_back(row);
    return keys_.size() - 1;
  }

  static std::optional<std::int64_t> at(const SourceLine& l, int year) {
    auto it = l.amounts_kr.find(year);
    if (it == l.amounts_kr.end()) return std::nullopt;
    return it->second;
  }

  void add_table(const Table& t) {
    analys::Impact assumed =
        out_.impact == analys::Impact::unknown ? analys::Impact::level : out_.impact;
    for (const Line& line : t.lines) {
      if (line.kind != LineKind::row) continue;
      out_.lines.push_back(source_line(t, line, assumed));
      const SourceLine& sl = out_.lines.back();
      if (!sl.in_frames) continue;
      std::size_t r = row_of(analys::line_area(s_, t, line),
                             sl.category == fordelning::Category::digital_infrastruktur);
      if (t.id == "forvaltning") {
        Figures& f = out_.forvaltning[r].figures;
        add_to(f.utfall, at(sl, y_ - 2));
        add_to(f.budget, at(sl, y_ - 1));
        add_to(f.prognos, at(sl, y_));
        ++f.tjanster;
        continue;
      }
      auto effect = sl.effect_level_kr.find(y_);
      if (effect != sl.effect_level_kr.end()) out_.forvaltning[r].figures.effekt += effect->second;
      Figures& f = out_.utveckling[r].figures;
      if (t.id == "utveckling") {
        add_to(f.utfall, at(sl, y_ - 2));
        add_to(f.budget, at(sl, y_ - 1));
        add_to(f.prognos, at(sl, y_));
        add_to(f.foreslagen, at(sl, y_));
        ++f.tjanster;
      } else {
        add_to(f.foreslagen, at(sl, y_));
      }
      std::optional<std::int64_t> now = at(sl, y_);
      if (now && undescribed(line.label)) out_.undescribed_kr += *now;
    }
  }

  SourceLine source_line(const Table& t, const Line& line, analys::Impact assumed) const {
    SourceLine sl;
    sl.table = t.id;
    sl.area = line.area;
    sl.service = line.label;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const auto& c = t.columns[i];
      if (c.kind == ColumnKind::text || c.kind == ColumnKind::effekt || c.year == 0) continue;
      const auto& v = line.values[i];
      if (!v || v->amount.kind != analys::Amount::Kind::amount) continue;
      sl.amounts_kr[c.year] = v->amount.kronor;
      sl.sources[c.year] = v->source;
    }
    analys::Effects e = analys::effects_of(t, line, assumed);
    sl.effect_level_kr = e.level;
    sl.effect_change_kr = e.change;
    fordelning::LineClass c = catalogue_.classify(s_, t, line);
    sl.category = c.category;
    sl.financing = c.financing;
    sl.in_frames = c.in_frames;
    sl.reason = c.reason;
    if (c.receiver.kind != fordelning::Receiver::Kind::none) sl.receiver = c.receiver.name;
    if (c.row != nullptr && catalogue_.present() && c.row->area().empty() && !c.row->rest()) {
      sl.catalogue_name = c.row->service;
    }
    for (const LineAdjustment& a : adjusted_) {
      if (name_key(a.supplier) == name_key(s_.supplier) && a.table == t.id &&
          a.service == line.label && sl.sources.count(a.figure.year) &&
          sl.sources.at(a.figure.year).cell == a.source.cell) {
        sl.adjusted.push_back(a.figure);
      }
    }
    return sl;
  }

  /// The preparers' figures of Tabell 1 and 2 rows ([[justering]] with `omrade`, or neither
  /// `omrade` nor `tjanst` for a supplier without areas). `foreslagen` says whether to apply
  /// those of year Y (after the proposed figures are formed) or the earlier years (before).
  void adjust_rows(bool foreslagen) {
    for (std::size_t j = 0; j < settings_.justeringar.size(); ++j) {
      const Justering& adj = settings_.justeringar[j];
      if (!adj.tjanst.empty() || name_key(adj.leverantor) != name_key(s_.supplier)) continue;
      if ((adj.ar == y_) != foreslagen) continue;
      if (adj.ar != y_ && adj.ar != y_ - 1 && adj.ar != y_ - 2) {
        unmatched(adj, fmt::format("året {} är varken {}, {} eller {}", adj.ar, y_ - 2, y_ - 1,
                                   y_));
        continue;
      }
      std::vector<AreaRow>& rows = adj.tabell == "forvaltning" ? out_.forvaltning : out_.utveckling;
      AreaRow* row = nullptr;
      for (AreaRow& r : rows) {
        bool single = rows.size() == 1 && r.area.empty();
        if (adj.omrade.empty() ? single : area_key(r.area) == area_key(adj.omrade)) {
          row = &r;
          break;
        }
      }
      if (row == nullptr) {
        unmatched(adj, adj.omrade.empty()
                           ? std::string("leverantören har flera verksamhetsområden; ange "
                                         "'omrade' eller 'tjanst'")
                           : fmt::format("området '{}' finns inte bland leverantörens rader "
                                         "inom ramarna",
                                         adj.omrade));
        continue;
      }
      std::optional<std::int64_t>& figure = adj.ar == y_ - 2   ? row->figures.utfall
                                            : adj.ar == y_ - 1 ? row->figures.budget
                                                               : row->figures.foreslagen;
      row->adjusted.push_back(Adjusted{adj.ar, figure, adj.belopp_kr, j});
      std::string what = adj.omrade.empty() ? fmt::format("{}, {}", s_.supplier,
                                                           figure_name(adj.tabell, adj.ar, y_))
                                            : fmt::format("{}, {}, {}", s_.supplier, adj.omrade,
                                                          figure_name(adj.tabell, adj.ar, y_));
      findings_.push_back(Finding{"ADJUSTED", Level::info, settings_line(adj.rad),
                                  adjusted_text(adj, what, figure), std::nullopt, std::nullopt});
      figure = adj.belopp_kr;
    }
  }

  void unmatched(const Justering& adj, const std::string& why) {
    findings_.push_back(Finding{
        "SETTINGS_INVALID", Level::fel, settings_line(adj.rad),
        fmt::format("[[justering]] för '{}' ({}) kan inte användas: {}.", adj.leverantor,
                    figure_name(adj.tabell, adj.ar, y_), why),
        std::nullopt, std::nullopt});
  }

  /// The prioritised services: the catalogue's rows of the supplier, else the lines of 3.1a.
  void services() {
    if (catalogue_.present()) {
      for (const fordelning::ServiceRow* r : catalogue_.prioritised_services(s_.supplier)) {
        ServiceEntry e{r->service, "", *r->category == fordelning::Category::digital_infrastruktur,
                       false};
        for (const SourceLine& l : out_.lines) {
          if (l.catalogue_name != r->service) continue;
          if (!e.reported || (l.table == "forvaltning" && e.area.empty())) e.area = l.area;
          e.reported = true;
        }
        out_.services.push_back(std::move(e));
      }
      return;
    }
    for (const SourceLine& l : out_.lines) {
      if (l.table != "forvaltning" || !l.in_frames) continue;
      out_.services.push_back(ServiceEntry{
          l.service, l.area, l.category == fordelning::Category::digital_infrastruktur, true});
    }
  }

  /// Per table and year: the lines in all, inside the frames and outside.
  void scope() {
    for (const char* id : {"forvaltning", "utveckling", "nya_insatser"}) {
      std::vector<int> years = std::string_view(id) == "nya_insatser"
                                   ? std::vector<int>{y_, y_ + 1, y_ + 2}
                                   : std::vector<int>{y_ - 2, y_ - 1, y_};
      for (int year : years) {
        ScopeSplit split{id, year, 0, 0, 0};
        bool any = false;
        for (const SourceLine& l : out_.lines) {
          if (l.table != id) continue;
          std::optional<std::int64_t> v = at(l, year);
          if (!v) continue;
          any = true;
          split.total_kr += *v;
          (l.in_frames ? split.in_frames_kr : split.outside_kr) += *v;
        }
        if (any) out_.scope.push_back(split);
      }
    }
  }

  void finish_rows() {
    adjust_rows(false);
    for (AreaRow& row : out_.forvaltning) {
      Figures& f = row.figures;
      if (f.budget) {
        f.foreslagen = *f.budget + f.effekt;
      } else if (f.effekt != 0) {
        f.foreslagen = f.effekt;
      }
    }
    // Rows with nothing in a table are dropped from that table.
    auto empty = [](const AreaRow& r) {
      const Figures& f = r.figures;
      return !f.utfall && !f.budget && !f.prognos && !f.foreslagen && f.effekt == 0;
    };
    std::erase_if(out_.forvaltning, empty);
    std::erase_if(out_.utveckling, empty);
    adjust_rows(true);
    // Lines without an area among areas (Intraservice's ambition adjustment) get a name.
    for (auto* rows : {&out_.forvaltning, &out_.utveckling}) {
      if (rows->size() < 2) continue;
      for (AreaRow& r : *rows) {
        if (r.area.empty()) r.area = "Utan område";
      }
    }
    out_.forvaltning_total.area = "Totalt";
    out_.utveckling_total.area = "Totalt";
    for (const AreaRow& r : out_.forvaltning) add_figures(out_.forvaltning_total.figures, r.figures);
    for (const AreaRow& r : out_.utveckling) add_figures(out_.utveckling_total.figures, r.figures);
    out_.frame_kr = out_.forvaltning_total.figures.foreslagen.value_or(0) +
                    out_.utveckling_total.figures.foreslagen.value_or(0);
  }

  void index_check() {
    const Table* t = s_.table("forvaltning");
    if (!t || !out_.index) return;
    std::int64_t unit = analys::unit_factor(t->unit);
    for (const Line& line : t->lines) {
      if (line.kind != LineKind::row) continue;
      auto budget = figure_at(*t, line, ColumnKind::budget, y_ - 1);
      auto prognos = figure_at(*t, line, ColumnKind::prognos, y_);
      if (!budget || !prognos) continue;
      IndexRow r;
      r.service = line.label;
      r.area = line.area;
      r.budget = budget->amount.kronor;
      r.prognos = prognos->amount.kronor;
      r.expected = uplift(r.budget, *out_.index, unit);
      if (r.budget != 0) r.implied_percent = make_rational((r.prognos - r.budget) * 100, r.budget);
      r.fits = r.expected == r.prognos;
      r.budget_at = budget->source;
      r.prognos_at = prognos->source;
      out_.index_rows.push_back(std::move(r));
    }
  }

  static const analys::Figure* figure_at(const Table& t, const Line& line, ColumnKind kind,
                                         int year) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].kind != kind || t.columns[i].year != year) continue;
      const auto& v = line.values[i];
      if (v && v->amount.kind == analys::Amount::Kind::amount) return &*v;
    }
    return nullptr;
  }

  void proposals() {
    out_.proposals = static_cast<int>(s_.proposals.size());
    out_.proposals_incomplete = static_cast<int>(std::count_if(
        s_.proposals.begin(), s_.proposals.end(), [](const auto& p) { return !p.lacking.empty(); }));
  }

  const analys::Submission& s_;
  const Settings& settings_;
  int y_;
  const fordelning::Catalogue& catalogue_;
  const std::vector<LineAdjustment>& adjusted_;
  Findings& findings_;
  std::vector<std::pair<std::string, bool>> keys_;  // (area key, infrastruktur) in row order
  SupplierRound out_;
};

std::int64_t sum_frames(const std::vector<AreaRow>& rows, bool infrastruktur) {
  std::int64_t sum = 0;
  for (const AreaRow& r : rows) {
    if (r.infrastruktur == infrastruktur) sum += r.figures.foreslagen.value_or(0);
  }
  return sum;
}

bool has_infrastructure(const SupplierRound& s) {
  auto di = [](const AreaRow& r) { return r.infrastruktur; };
  return std::any_of(s.forvaltning.begin(), s.forvaltning.end(), di) ||
         std::any_of(s.utveckling.begin(), s.utveckling.end(), di);
}

constexpr const char* kForvaltningBas = "Ekonomisk ram för förvaltning av bastjänster";
constexpr const char* kUtvecklingBas = "Ekonomisk ram för utveckling av bastjänster";
constexpr const char* kForvaltningDi = "Ekonomisk ram för förvaltning av digital infrastruktur";
constexpr const char* kUtvecklingDi = "Ekonomisk ram för utveckling av digital infrastruktur";

void total_frames(Alternative& a) {
  a.forvaltning_kr = 0;
  a.utveckling_kr = 0;
  for (const FrameRow& r : a.frames) {
    bool forvaltning = r.label.find("förvaltning") != std::string::npos;
    (forvaltning ? a.forvaltning_kr : a.utveckling_kr) += r.amount_kr.value_or(0);
  }
}

Alternative alternative_a(const SupplierRound& s) {
  Alternative a;
  a.name = 'A';
  a.title = "Alternativ A: Godkänna leverantörens hela förslag";
  a.description = "Leverantörens förslag godkänns i sin helhet: förvaltning som budget " +
                  std::string("föregående år plus effekten av utvecklingen, utveckling som "
                              "föreslaget, båda utan index.");
  a.frames.push_back({kForvaltningBas, sum_frames(s.forvaltning, false), ""});
  a.frames.push_back({kUtvecklingBas, sum_frames(s.utveckling, false), ""});
  if (has_infrastructure(s)) {
    a.frames.push_back({kForvaltningDi, sum_frames(s.forvaltning, true), ""});
    a.frames.push_back({kUtvecklingDi, sum_frames(s.utveckling, true), ""});
  }
  total_frames(a);
  return a;
}

std::string tkr_text(std::int64_t kr) {
  return (kr < 0 ? "−" : "") + group_thousands(std::to_string(std::llabs(kr) / 1000)) + " tkr";
}

/// Lowers the utveckling frames of `a` by `minus` kronor, basic services first.
void cut(Alternative& a, std::int64_t minus, bool forvaltning) {
  const char* first = forvaltning ? kForvaltningBas : kUtvecklingBas;
  for (FrameRow& r : a.frames) {
    if (r.label == first && r.amount_kr) *r.amount_kr -= minus;
  }
  total_frames(a);
}

/// The kronor of an initiative named in a B alternative: its 3.1c År Y, else its 2.2 budget.
std::optional<std::int64_t> initiative_kr(const analys::Submission& s, std::string_view name,
                                          int year) {
  std::string wanted = fold(name);
  if (const Table* t = s.table("nya_insatser")) {
    for (const Line& line : t->lines) {
      if (line.kind == LineKind::row && fold(line.label) == wanted) {
        return amount_at(*t, line, ColumnKind::kostnad, year).value_or(0);
      }
    }
  }
  for (const analys::Proposal& p : s.proposals) {
    if (fold(p.name) == wanted) return p.budget_kr;
  }
  return std::nullopt;
}

/// A SETTINGS_INVALID (fel) at an alternative's line: the alternative is not shown.
void refuse(Findings& findings, const Alternativ& alt, std::string message) {
  findings.push_back(Finding{"SETTINGS_INVALID", Level::fel, settings_line(alt.rad),
                             std::move(message) + " Alternativet visas inte.", std::nullopt,
                             std::nullopt});
}

/// "förvaltning" or "utveckling" of basic services (the frame a cut lowers first).
const char* frame_word(bool forvaltning) { return forvaltning ? "förvaltning" : "utveckling"; }

/// B: approve A minus named initiatives. Every initiative must be there, once.
void alternative_b(SupplierRound& sr, const analys::Submission& s, const Alternativ& alt,
                   int year, Findings& findings) {
  Alternative b = sr.alternatives.front();
  b.name = 'B';
  b.title = "Alternativ B: Godkänna leverantörens förslag med justering";
  std::int64_t minus = 0;
  std::vector<std::string> named, seen;
  for (const std::string& insats : alt.insatser) {
    if (std::find(seen.begin(), seen.end(), fold(insats)) != seen.end()) {
      return refuse(findings, alt,
                    fmt::format("Alternativ B för '{}' nämner insatsen '{}' två gånger.", sr.name,
                                insats));
    }
    seen.push_back(fold(insats));
    std::optional<std::int64_t> kr = initiative_kr(s, insats, year);
    if (!kr) {
      return refuse(findings, alt,
                    fmt::format("Alternativ B för '{}' nämner insatsen '{}', som varken finns i "
                                "tabell 3.1c eller bland förslagen i 2.2 med ett belopp.",
                                sr.name, insats));
    }
    minus += *kr;
    named.push_back(fmt::format("”{}” ({})", insats, tkr_text(*kr)));
  }
  if (minus > b.utveckling_kr) {
    return refuse(findings, alt,
                  fmt::format("Alternativ B för '{}' tar bort {}, mer än utvecklingsramen {}.",
                              sr.name, tkr_text(minus), tkr_text(b.utveckling_kr)));
  }
  cut(b, minus, false);
  b.medskick = alt.medskick;
  b.description = fmt::format("Förslaget godkänns utom {}: utvecklingsramen minskas med {}.",
                              fmt::join(named, ", "), tkr_text(minus));
  sr.alternatives.push_back(std::move(b));
}

/// C: a general cut of a frame; no cut may be larger than the frame it cuts.
void alternative_c(SupplierRound& sr, const Alternativ& alt, Findings& findings) {
  Alternative c = sr.alternatives.front();
  for (bool forvaltning : {true, false}) {
    std::int64_t minus = forvaltning ? alt.forvaltning_minus_kr : alt.utveckling_minus_kr;
    std::int64_t frame = forvaltning ? c.forvaltning_kr : c.utveckling_kr;
    if (minus > frame) {
      return refuse(findings, alt,
                    fmt::format("Alternativ C för '{}' minskar {}sramen med {}, mer än hela "
                                "ramen {}.",
                                sr.name, frame_word(forvaltning), tkr_text(minus),
                                tkr_text(frame)));
    }
  }
  c.name = 'C';
  c.title = "Alternativ C: Minskning av ramar – leverantören prioriterar";
  cut(c, alt.utveckling_minus_kr, false);
  cut(c, alt.forvaltning_minus_kr, true);
  c.medskick = alt.medskick;
  std::vector<std::string> parts;
  if (alt.forvaltning_minus_kr) {
    parts.push_back("förvaltningsramen med " + tkr_text(alt.forvaltning_minus_kr));
  }
  if (alt.utveckling_minus_kr) {
    parts.push_back("utvecklingsramen med " + tkr_text(alt.utveckling_minus_kr));
  }
  c.description = fmt::format("En generell minskning av {}; leverantören prioriterar själv.",
                              fmt::join(parts, " och "));
  sr.alternatives.push_back(std::move(c));
}

/// `kr` less `x` %, rounded to whole kronor.
std::int64_t reduced_by(std::int64_t kr, Rational x) {
  return round_div(Int128{kr} * (Int128{100} * x.den - x.num), Int128{100} * x.den);
}

/// D as the 2024 annex has it: variant 1 keeps the running-cost frame at a stated level (`bas`)
/// and development at a base; variant 2 takes X % off both, X being for the group to choose,
/// which a table of examples illustrates beside benchmark rows. Each X of the table is also
/// worked out per customer (`example` entries). A supplier with digital infrastructure gets
/// merged frames: bastjänster and digital infrastruktur together, as the annex's footnote says.
void alternative_d(SupplierRound& sr, const Alternativ& alt, int year, Findings& findings) {
  const Alternative& a = sr.alternatives.front();
  using Bas = Alternativ::UtvecklingBas;
  std::int64_t dev = a.utveckling_kr;
  std::string dev_text = "som i alternativ A";
  if (alt.utveckling_bas == Bas::tkr) {
    dev = alt.utveckling_bas_kr;
    dev_text = fmt::format("i nivå med {}", tkr_text(dev));
  } else if (alt.utveckling_bas == Bas::budget) {
    if (!sr.utveckling_total.figures.budget) {
      return refuse(findings, alt,
                    fmt::format("Alternativ D för '{}' utgår från utvecklingens budget {}, men "
                                "underlaget har ingen (tabell 3.1b).",
                                sr.name, year - 1));
    }
    dev = *sr.utveckling_total.figures.budget;
    dev_text = fmt::format("i nivå med budget {} ({})", year - 1, tkr_text(dev));
  }
  bool merged = has_infrastructure(sr);
  const std::string forv_label = merged ? std::string(kForvaltningBas) + " och digital infrastruktur"
                                        : std::string(kForvaltningBas);
  const std::string utv_label = merged ? std::string(kUtvecklingBas) + " och digital infrastruktur"
                                       : std::string(kUtvecklingBas);
  const std::string star = merged ? "*" : "";
  const std::string merged_note =
      merged ? "*Beloppen är en sammanslagning av bastjänster och digital infrastruktur." : "";

  Alternative v1;
  v1.name = 'D';
  v1.variant = 1;
  v1.medskick = alt.medskick;
  v1.title = "Variant 1 av alternativ D – minskning av ramar, med medskick";
  v1.frames = {{forv_label, alt.bas_kr, merged_note, "", merged},
               {utv_label, dev, "", "", merged}};
  total_frames(v1);
  v1.description = fmt::format(
      "Ekonomisk ram för förvaltning i nivå med {}{} plus {} års index beslutat av "
      "kommunfullmäktige, och ekonomisk ram för utveckling {}.",
      tkr_text(alt.bas_kr), star, year, dev_text);
  sr.alternatives.push_back(v1);

  Alternative v2 = v1;
  v2.variant = 2;
  v2.title = "Variant 2 av alternativ D – minskning av ramar, med medskick";
  v2.frames = {{forv_label, std::nullopt, merged_note,
                fmt::format("{}{} minus X %", tkr_text(alt.bas_kr), star), merged},
               {utv_label, std::nullopt, "", fmt::format("{}{} minus X %", tkr_text(dev), star),
                merged}};
  v2.forvaltning_kr = 0;
  v2.utveckling_kr = 0;
  v2.description = fmt::format(
      "Ekonomisk ram för förvaltning i nivå med {}{} minus en procentuell minskning, X %, plus "
      "{} års index beslutat av kommunfullmäktige, och ekonomisk ram för utveckling {} minus "
      "samma procent. Strategisk samordningsgrupp väljer X; tabellen visar exempel.",
      tkr_text(alt.bas_kr), star, year, dev_text);
  sr.alternatives.push_back(v2);

  // The table of examples: X % of its base, beside the benchmark rows.
  using Ex = Alternativ::ExempelBas;
  std::int64_t base = alt.bas_kr;
  std::string base_row = fmt::format("Förvaltning i nivå med {}", tkr_text(alt.bas_kr));
  std::string of_base;  // "" or " av budget 2023"
  if (alt.exempel_bas == Ex::tkr) {
    base = alt.exempel_bas_kr;
    base_row = "Bas för exemplen";
  } else if (alt.exempel_bas == Ex::budget && sr.forvaltning_total.figures.budget) {
    base = *sr.forvaltning_total.figures.budget;
    base_row = fmt::format("Budget {}", year - 1);
    of_base = fmt::format(" av budget {}", year - 1);
  }
  sr.examples.push_back({base_row, base, false});
  for (const Rational& x : alt.minskning_procent) {
    sr.examples.push_back({fmt::format("Minskning{} med {} %", of_base, format_decimal(x)),
                           reduced_by(base, x), false});
    Alternative e = v2;
    e.variant = 2;
    e.example = true;
    e.minskning = x;
    e.title = fmt::format("Exempel: minskning med {} %", format_decimal(x));
    e.frames = {{forv_label, reduced_by(base, x), merged_note, "", merged},
                {utv_label, reduced_by(dev, x), "", "", merged}};
    total_frames(e);
    sr.alternatives.push_back(std::move(e));
  }
  for (const std::string& b : alt.jamforelse) {
    const Figures& f = sr.forvaltning_total.figures;
    std::optional<std::int64_t> v = b == "utfall"   ? f.utfall
                                    : b == "budget" ? f.budget
                                                    : std::optional(a.forvaltning_kr);
    if (!v) continue;
    std::string label = b == "utfall"   ? fmt::format("Utfall {}", year - 2)
                        : b == "budget" ? fmt::format("Budget {}", year - 1)
                                        : "Leverantörens förslag (alternativ A)";
    sr.examples.push_back({label, *v, true});
  }
  std::stable_sort(sr.examples.begin() + 1, sr.examples.end(),
                   [](const ExampleRow& x, const ExampleRow& y) { return x.frame_kr > y.frame_kr; });
}

void add_alternative(SupplierRound& sr, const analys::Submission& s, const Alternativ& alt,
                     int year, Findings& findings) {
  if (alt.namn == 'B') {
    alternative_b(sr, s, alt, year, findings);
  } else if (alt.namn == 'C') {
    alternative_c(sr, alt, findings);
  } else if (alt.namn == 'D') {
    alternative_d(sr, alt, year, findings);
  }
}

int round_year(const std::vector<analys::Submission>& subs, const Settings& settings,
               std::string* source) {
  if (settings.analysar != 0) {
    *source = "omgang.toml";
    return settings.analysar;
  }
  std::map<int, int> votes;
  for (const auto& s : subs) {
    if (s.year) ++votes[s.year];
  }
  *source = "underlagen";
  int best = 0, n = 0;
  for (auto [y, c] : votes) {
    if (c > n) best = y, n = c;
  }
  return best;
}

/// (forvaltning, utveckling) of a supplier in a year column: utfall, budget or foreslagen.
void add_year(YearTotals& yt, const SupplierRound& s, int which) {
  auto pick = [&](const Figures& f) -> std::int64_t {
    const auto& v = which == 0 ? f.utfall : which == 1 ? f.budget : f.foreslagen;
    if (!v) yt.complete = false;
    return v.value_or(0);
  };
  for (const AreaRow& r : s.forvaltning) {
    std::int64_t kr = pick(r.figures);
    yt.forvaltning_kr += kr;
    (r.infrastruktur ? yt.infrastruktur_kr : yt.bastjanster_kr) += kr;
  }
  for (const AreaRow& r : s.utveckling) {
    std::int64_t kr = pick(r.figures);
    yt.utveckling_kr += kr;
    (r.infrastruktur ? yt.infrastruktur_kr : yt.bastjanster_kr) += kr;
  }
}

/// `kr` of `year` in year `to`'s prices: × (1 + p/100) for every later year up to `to`.
std::int64_t fixed_price(std::int64_t kr, int year, int to, const std::map<int, Rational>& index) {
  Int128 num = kr, den = 1;
  for (int y = year + 1; y <= to; ++y) {
    auto p = index.find(y);
    if (p == index.end()) continue;
    num *= Int128{100} * p->second.den + p->second.num;
    den *= Int128{100} * p->second.den;
  }
  return round_div(num, den);
}

}  // namespace

std::optional<Rational> index_for(const analys::Submission& s, const Settings& settings,
                                  std::string* source) {
  std::string ignored;
  std::string& where = source ? *source : ignored;
  if (const LeverantorSettings* ls = supplier_settings(settings, s.supplier); ls && ls->index) {
    where = fmt::format("omgang.toml, [leverantor.\"{}\"] rad {}", s.supplier, ls->rad);
    return ls->index;
  }
  if (settings.index.procent) {
    where = settings.index.blandat ? "omgang.toml, [index]: personal, inkop och personalandel"
                                   : "omgang.toml, [index] procent";
    return settings.index.procent;
  }
  if (const Table* t = s.table("forvaltning"); t && t->stated_index) {
    where = fmt::format("rubriken i tabell 3.1a (blad '{}')", t->sheet);
    return exact_percent(*t->stated_index);
  }
  where = "okänt: varken omgang.toml eller underlaget anger index";
  return std::nullopt;
}

std::vector<LineAdjustment> apply_adjustments(std::vector<analys::Submission>& submissions,
                                              const Settings& settings, Findings& findings) {
  std::vector<LineAdjustment> out;
  for (std::size_t j = 0; j < settings.justeringar.size(); ++j) {
    const Justering& adj = settings.justeringar[j];
    if (adj.tjanst.empty()) continue;
    bool applied = false;
    for (analys::Submission& s : submissions) {
      if (name_key(s.supplier) != name_key(adj.leverantor)) continue;
      Table* found = s.table(adj.tabell);
      if (found == nullptr) continue;
      Table& t = *found;
      std::optional<std::size_t> col;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        ColumnKind k = t.columns[i].kind;
        if (t.columns[i].year == adj.ar &&
            (k == ColumnKind::utfall || k == ColumnKind::budget || k == ColumnKind::prognos)) {
          col = i;
          break;
        }
      }
      if (!col) continue;
      for (Line& line : t.lines) {
        if (line.kind != LineKind::row || name_key(line.label) != name_key(adj.tjanst)) continue;
        std::optional<analys::Figure>& v = line.values[*col];
        Location cell{s.file, t.sheet, xlsx::to_string(xlsx::CellRef{line.row,
                                                                      t.columns[*col].col})};
        std::optional<std::int64_t> submitted;
        if (v && v->amount.kind == analys::Amount::Kind::amount) submitted = v->amount.kronor;
        analys::Amount amount;
        amount.kind = analys::Amount::Kind::amount;
        amount.kronor = adj.belopp_kr;
        v = analys::Figure{amount, cell};
        out.push_back(LineAdjustment{s.supplier, t.id, line.label,
                                     Adjusted{adj.ar, submitted, adj.belopp_kr, j}, cell});
        ColumnKind kind = t.columns[*col].kind;
        std::string what = fmt::format(
            "'{}', {} {} (omgang.toml rad {})", line.label,
            kind == ColumnKind::utfall ? "utfall" : kind == ColumnKind::budget ? "budget" : "prognos",
            adj.ar, adj.rad);
        findings.push_back(Finding{"ADJUSTED", Level::info, cell,
                                   adjusted_text(adj, what, submitted), std::nullopt,
                                   std::nullopt});
        applied = true;
        break;
      }
    }
    if (!applied) {
      findings.push_back(Finding{
          "SETTINGS_INVALID", Level::fel, settings_line(adj.rad),
          fmt::format("[[justering]] för '{}' kan inte användas: tjänsten '{}' med en kolumn för "
                      "{} finns inte i leverantörens tabell {}.",
                      adj.leverantor, adj.tjanst, adj.ar,
                      adj.tabell == "forvaltning" ? "3.1a" : "3.1b"),
          std::nullopt, std::nullopt});
    }
  }
  return out;
}

Round consolidate(const std::vector<analys::Submission>& submissions, const Settings& settings,
                  Findings& findings, const fordelning::Catalogue* catalogue,
                  const std::vector<LineAdjustment>& adjusted) {
  Round round;
  round.settings = settings;
  round.year = round_year(submissions, settings, &round.year_source);
  std::vector<std::string> names;
  for (const auto& s : submissions) names.push_back(s.supplier);
  fordelning::Catalogue none(nullptr, names);
  const fordelning::Catalogue& classes = catalogue != nullptr ? *catalogue : none;
  round.catalogue = classes.present();
  for (const auto& s : submissions) {
    round.suppliers.push_back(
        SupplierBuilder(s, round.settings, round.year, classes, adjusted, findings).build());
    round.suppliers.back().alternatives.push_back(alternative_a(round.suppliers.back()));
  }
  for (const auto& [supplier_name, ls] : settings.leverantorer) {
    // A named copy: clang before 16 cannot capture a structured binding in a lambda.
    const std::string& name = supplier_name;
    bool found = std::any_of(submissions.begin(), submissions.end(), [&](const auto& s) {
      return fold(s.supplier) == fold(name);
    });
    if (!found) {
      findings.push_back(Finding{"SETTINGS_UNKNOWN_KEY", Level::varning, settings_line(ls.rad),
                                 fmt::format("Leverantören '{}' i omgang.toml finns inte bland "
                                             "underlagen; inställningarna för den används inte.",
                                             name),
                                 std::nullopt, std::nullopt});
    }
  }
  for (const Alternativ& alt : settings.alternativ) {
    auto s = std::find_if(submissions.begin(), submissions.end(), [&](const auto& x) {
      return fold(x.supplier) == fold(alt.leverantor);
    });
    if (s == submissions.end()) {
      findings.push_back(Finding{"SETTINGS_UNKNOWN_KEY", Level::varning, settings_line(alt.rad),
                                 fmt::format("Alternativ {} gäller leverantören '{}', som inte "
                                             "finns bland underlagen.",
                                             alt.namn, alt.leverantor),
                                 std::nullopt, std::nullopt});
      continue;
    }
    auto& sr = round.suppliers[static_cast<std::size_t>(s - submissions.begin())];
    add_alternative(sr, *s, alt, round.year, findings);
  }
  for (const SupplierRound& s : round.suppliers) {
    for (const ServiceEntry& e : s.services) {
      ++(e.infrastruktur ? round.infrastruktur : round.bastjanster).tjanster;
    }
    for (const AreaRow& r : s.forvaltning) {
      Segment& seg = r.infrastruktur ? round.infrastruktur : round.bastjanster;
      seg.forvaltning_kr += r.figures.foreslagen.value_or(0);
    }
    for (const AreaRow& r : s.utveckling) {
      Segment& seg = r.infrastruktur ? round.infrastruktur : round.bastjanster;
      seg.utveckling_kr += r.figures.foreslagen.value_or(0);
    }
  }
  for (int which = 0; which < 3; ++which) {
    YearTotals yt;
    yt.year = round.year - 2 + which;
    for (const SupplierRound& s : round.suppliers) add_year(yt, s, which);
    yt.fasta_priser_kr = fixed_price(yt.forvaltning_kr + yt.utveckling_kr, yt.year, round.year,
                                     settings.prisindex);
    round.years.push_back(yt);
  }
  return round;
}

}  // namespace arsanalys::sammanstallning

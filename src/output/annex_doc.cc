#include "output/annex_doc.h"
#include "sammanstallning/printed.h"

#include "core/exact.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include "core/number_text.h"
#include "output/bridge_text.h"
#include "writer/style.h"
#include "writer/xlsx_writer.h"

namespace arsanalys::output::annex {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary

using sammanstallning::Alternative;
using sammanstallning::AlternativeEffect;
using sammanstallning::AreaRow;
using sammanstallning::FrameRow;
using sammanstallning::Rational;
using sammanstallning::Round;
using sammanstallning::SupplierRound;

// ---- formatting ----

std::int64_t round_to(std::int64_t kr, std::int64_t unit) {
  std::int64_t q = kr / unit, r = kr % unit;
  if (2 * std::llabs(r) >= unit) q += kr < 0 ? -1 : 1;
  return q * unit;
}

std::int64_t tkr_hundreds(std::int64_t kr) { return round_to(kr, 100'000) / 1000; }

std::string group(std::int64_t n) {
  std::string digits = group_thousands(n);
  // Swedish typesetting: a minus sign (U+2212), not a hyphen.
  return n < 0 ? "\u2212" + digits.substr(1) : digits;
}

namespace {


/// num / den rounded half away from zero to `scale`ths (den > 0 after sign normalising).
std::int64_t scaled_ratio(std::int64_t num, std::int64_t den, std::int64_t scale) {
  if (den < 0) num = -num, den = -den;
  Int128 n = static_cast<Int128>(num) * scale * 2;
  Int128 q = n / den;  // twice the value, truncated
  q = q >= 0 ? (q + 1) / 2 : -((-q + 1) / 2);
  return static_cast<std::int64_t>(q);
}

}  // namespace

std::string short_name(std::string_view supplier) {
  constexpr std::string_view kPrefix = "Nämnden för ";
  std::string s(supplier);
  if (s.size() > kPrefix.size() && s.compare(0, kPrefix.size(), kPrefix) == 0) {
    s = s.substr(kPrefix.size());
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return s;
}

std::string genitive(std::string_view name) {
  std::string s(name);
  if (s.empty()) return s;
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(s.back())));
  if (last == 's' || last == 'x' || last == 'z') return s;
  return s + "s";
}

namespace {

// ---- small helpers ----

constexpr std::array<std::string_view, 11> kNumberWords = {
    "inga", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"};

std::string number_word(std::size_t n) {
  return n < kNumberWords.size() ? std::string(kNumberWords[n]) : std::to_string(n);
}

/// Whole percent of a change, for running text: "8 procent".
std::int64_t whole_percent(std::int64_t now, std::int64_t before) {
  return scaled_ratio(now - before, before, 100);
}

// ---- cells ----

Cell text(std::string s) { return Cell{std::move(s), std::nullopt, NumFormat::tkr, std::nullopt}; }

Cell tkr(std::int64_t v, NumFormat f = NumFormat::tkr) {
  std::string shown = group(v);
  if (f == NumFormat::tkr_suffix) shown += " tkr";
  return Cell{shown, static_cast<double>(v), f, std::nullopt};
}

Cell tkr_sum(std::int64_t v, std::vector<std::pair<int, int>> refs,
             NumFormat f = NumFormat::tkr) {
  Cell c = tkr(v, f);
  c.formula = Formula{Formula::Op::sum, std::move(refs)};
  return c;
}

Cell count(std::int64_t n) {
  return Cell{std::to_string(n), static_cast<double>(n), NumFormat::count, std::nullopt};
}


Cell diff_cell(std::optional<std::int64_t> now, std::optional<std::int64_t> before, int row,
               int now_col, int before_col) {
  if (!now || !before) return text("");
  Cell c = tkr(*now - *before);
  c.formula = Formula{Formula::Op::diff, {{row, now_col}, {row, before_col}}};
  return c;
}

Cell change_cell(std::optional<std::int64_t> now, std::optional<std::int64_t> before, int row,
                 int now_col, int before_col) {
  if (!now || !before || *before == 0) return text("");
  Cell c{percent_text(*now - *before, *before),
         static_cast<double>(*now - *before) / static_cast<double>(*before), NumFormat::percent,
         Formula{Formula::Op::change, {{row, now_col}, {row, before_col}}}};
  return c;
}

Cell opt_tkr(std::optional<std::int64_t> v) { return v ? tkr(*v) : text("–"); }

std::optional<std::int64_t> add(std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
  if (!a) return b;
  if (!b) return a;
  return *a + *b;
}

// ---- blocks ----

Block heading(int level, std::string s) {
  Block b;
  b.kind = Block::Kind::heading;
  b.level = level;
  b.text = std::move(s);
  return b;
}

Block paragraph(std::string s) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.text = std::move(s);
  return b;
}

Block note(std::string s) {
  Block b = paragraph(std::move(s));
  b.kind = Block::Kind::note;
  return b;
}

Block list(std::vector<std::string> items) {
  Block b;
  b.kind = Block::Kind::list;
  b.items = std::move(items);
  return b;
}

Block table_block(Table t) {
  Block b;
  b.kind = Block::Kind::table;
  b.table = std::move(t);
  return b;
}

Block chart_block(Chart c) {
  Block b;
  b.kind = Block::Kind::chart;
  b.chart = std::move(c);
  return b;
}

// ---- the round's figures, rounded once ----

/// A row of Tabell 1 or 2 as shown: every figure in tkr rounded to hundreds.
struct ShownRow {
  std::string label;
  bool infrastruktur = false;
  std::optional<std::int64_t> utfall, budget, foreslagen;
  std::int64_t effekt = 0;
  std::array<bool, 3> adjusted{};  // utfall, budget, foreslagen hold a preparers' figure
};

/// A row as printed (sammanstallning/printed.h), in tkr, with the marks of its exact row.
ShownRow shown(const AreaRow& r, const sammanstallning::PrintedRow& p, std::string label, int y) {
  auto tkr_of = [](std::optional<std::int64_t> kr) -> std::optional<std::int64_t> {
    if (!kr) return std::nullopt;
    return *kr / 1000;
  };
  ShownRow out{std::move(label), r.infrastruktur, tkr_of(p.utfall), tkr_of(p.budget),
               tkr_of(p.foreslagen), p.effekt / 1000, {}};
  for (const sammanstallning::Adjusted& a : r.adjusted) {
    if (a.year >= y - 2 && a.year <= y) out.adjusted[static_cast<std::size_t>(a.year - (y - 2))] = true;
  }
  return out;
}

/// A cell marked as holding the preparers' figure: "596 200¹", the note says whose.
Cell marked(Cell c) {
  c.text += "¹";
  if (c.format == NumFormat::tkr) c.format = NumFormat::tkr_marked;
  return c;
}

/// A supplier's rows of one table, as shown; `single` when it has no areas.
struct SupplierRows {
  std::vector<ShownRow> rows;
  bool single = false;
  ShownRow total;  // the supplier's printed total (the sum of its printed rows)
};

SupplierRows supplier_rows(const SupplierRound& s, const std::vector<AreaRow>& areas,
                           const AreaRow& total, const sammanstallning::PrintedTable& printed,
                           std::size_t i, int y) {
  SupplierRows out;
  std::string name = short_name(s.name);
  if (areas.empty() || (areas.size() == 1 && areas[0].area.empty())) {
    out.single = true;
    out.total = shown(areas.empty() ? total : areas[0], printed.totals[i], name, y);
    out.rows.push_back(out.total);
    return out;
  }
  out.total = shown(total, printed.totals[i], "Totalt " + name, y);
  bool utfall_complete = true;
  for (std::size_t j = 0; j < areas.size(); ++j) {
    out.rows.push_back(shown(areas[j], printed.rows[i][j], areas[j].area, y));
    const ShownRow& x = out.rows.back();
    utfall_complete = utfall_complete && x.utfall.has_value();
    for (std::size_t k = 0; k < 3; ++k) out.total.adjusted[k] = out.total.adjusted[k] || x.adjusted[k];
  }
  // A total of some areas' Utfall only would read as the supplier's: leave it out.
  if (!utfall_complete) out.total.utfall.reset();
  return out;
}

/// Basic services or digital infrastructure of one table of a supplier, summed as shown.
struct SegmentSum {
  std::optional<std::int64_t> utfall, budget, foreslagen;
  bool any = false;
};

SegmentSum segment_sum(const SupplierRows& rows, bool infrastruktur) {
  SegmentSum s;
  for (const ShownRow& r : rows.rows) {
    if (r.infrastruktur != infrastruktur) continue;
    s.any = true;
    s.utfall = add(s.utfall, r.utfall);
    s.budget = add(s.budget, r.budget);
    s.foreslagen = add(s.foreslagen, r.foreslagen);
  }
  return s;
}

struct Context {
  const AnnexInput& in;
  const Round& round;
  int y;
  sammanstallning::PrintedTables printed;  // Tabell 1 and 2 as printed
  std::vector<SupplierRows> forv;  // per supplier, Tabell 1
  std::vector<SupplierRows> utv;   // per supplier, Tabell 2
  std::vector<std::string> without_utfall;  // suppliers without a complete Utfall Y-2

  bool utfall_complete() const { return without_utfall.empty(); }
};

/// "A", "A och B", "A, B och C".
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " och " : ", ";
    out += names[i];
  }
  return out;
}

/// The note said where Utfall Y-2 is missing.
std::string utfall_missing_note(const Context& cx) {
  return fmt::format("Utfall {} saknas i underlagen för {}; summorna för {} visas därför inte.",
                     cx.y - 2, joined(cx.without_utfall), cx.y - 2);
}

std::string years_label(int y, int which) {
  switch (which) {
    case 0:
      return fmt::format("Utfall {}", y - 2);
    case 1:
      return fmt::format("Budget {}", y - 1);
    default:
      return fmt::format("Föreslagen budget {}", y);
  }
}

std::string customer_label(const Context& cx, const std::string& id) {
  if (cx.in.kunder != nullptr) {
    if (const fordelning::Customer* c = cx.in.kunder->customer(id)) {
      if (!c->name.empty() && c->name != id) return fmt::format("{} ({})", c->name, id);
    }
  }
  return id;
}

std::string customer_name(const Context& cx, const std::string& id) {
  if (cx.in.kunder != nullptr) {
    if (const fordelning::Customer* c = cx.in.kunder->customer(id)) return c->name;
  }
  return "";
}

// ---- frames ----

/// Frame rows of the supplier's proposal when it has no alternatives: from its tables.
std::vector<FrameRow> frames_from_tables(const Context& cx, std::size_t i) {
  std::vector<FrameRow> out;
  for (bool infra : {false, true}) {
    SegmentSum f = segment_sum(cx.forv[i], infra), u = segment_sum(cx.utv[i], infra);
    if (!f.any && !u.any) continue;
    std::string what = infra ? "digital infrastruktur" : "bastjänster";
    out.push_back({"Ekonomisk ram för förvaltning av " + what,
                   f.foreslagen ? std::optional(*f.foreslagen * 1000) : std::nullopt, ""});
    out.push_back({"Ekonomisk ram för utveckling av " + what,
                   u.foreslagen ? std::optional(*u.foreslagen * 1000) : std::nullopt, ""});
  }
  return out;
}

/// The frames of A, B or C as printed: A's frames are the sums of Tabell 1 and 2's printed
/// rows of each segment, and B's and C's cuts come off those, so the frames add up to the
/// tables. D's frames are whole tkr of stated levels and stay as they are.
std::vector<FrameRow> printed_frames(const Context& cx, std::size_t i, const Alternative& alt) {
  const SupplierRound& s = cx.round.suppliers[i];
  if (alt.name == 'D' || s.alternatives.empty()) return alt.frames;
  const Alternative& a = s.alternatives.front();
  std::vector<FrameRow> out = alt.frames;
  for (FrameRow& f : out) {
    if (!f.amount_kr) continue;
    bool forvaltning = f.label.find("förvaltning") != std::string::npos;
    bool infra = f.label.find("digital infrastruktur") != std::string::npos;
    SegmentSum seg = segment_sum(forvaltning ? cx.forv[i] : cx.utv[i], infra);
    auto exact_a = std::find_if(a.frames.begin(), a.frames.end(),
                                [&](const FrameRow& r) { return r.label == f.label; });
    if (!seg.foreslagen || exact_a == a.frames.end() || !exact_a->amount_kr) continue;
    std::int64_t cut = *exact_a->amount_kr - *f.amount_kr;
    f.amount_kr = *seg.foreslagen * 1000 - cut;
  }
  return out;
}

const Alternative* alternative_a(const SupplierRound& s) {
  for (const Alternative& a : s.alternatives)
    if (a.name == 'A') return &a;
  return nullptr;
}

/// The "Ekonomisk ram" table of a supplier: `whole` shows whole tkr (a D variant) instead of
/// hundreds.
Table frame_table(const Context& cx, const SupplierRound& s, const std::vector<FrameRow>& frames,
                  bool whole) {
  Table t;
  t.first_column_bold = true;
  t.columns = {{s.name, Join::none, 52}, {"Ekonomisk ram", Join::none, 24},
               {"", Join::append, 10}};
  const auto& kf = cx.round.settings.kf_index;
  if (kf) {
    t.columns.push_back(
        {fmt::format("Med KF:s index {} %", sammanstallning::format_decimal(*kf)), Join::none,
         16});
  }
  std::int64_t unit = whole ? 1000 : 100'000;
  std::vector<std::string> notes;
  for (const FrameRow& f : frames) {
    Row r;
    r.cells.push_back(text(f.label));
    if (f.amount_kr) {
      Cell amount = tkr(round_to(*f.amount_kr, unit) / 1000, NumFormat::tkr_suffix);
      if (f.merged) amount.text = group(round_to(*f.amount_kr, unit) / 1000) + " tkr*";
      r.cells.push_back(amount);
      r.cells.push_back(text("+ index"));
      if (kf) r.cells.push_back(tkr(uplift(*f.amount_kr, *kf, unit) / 1000, NumFormat::tkr_suffix));
    } else {
      r.cells.push_back(text(f.shown));
      r.cells.push_back(text(f.shown.empty() ? "" : "+ index"));
      if (kf) r.cells.push_back(text(""));
    }
    if (!f.note.empty() && std::find(notes.begin(), notes.end(), f.note) == notes.end()) {
      notes.push_back(f.note);
    }
    t.rows.push_back(std::move(r));
  }
  for (const std::string& n : notes) t.caption += (t.caption.empty() ? "" : " ") + n;
  return t;
}

// ---- part 1: Förslag till rekommendation ----

Part recommendation(const Context& cx) {
  Part p{"Rekommendation", true, {}};
  p.blocks.push_back(heading(1, "Förslag till rekommendation"));
  p.blocks.push_back(paragraph(fmt::format(
      "Strategisk samordningsgrupp ska komma överens om ekonomiska ramar för digital utveckling "
      "och förvaltning {} per leverantör. Gruppen kommer fram till en rekommendation per "
      "leverantör utifrån de alternativ som beskrivs längre fram i underlaget. Rekommendationen "
      "skrivs in i mötets minnesanteckningar enligt tabellerna nedan, som här visar "
      "leverantörernas egna förslag (alternativ A).",
      cx.y)));
  for (std::size_t i = 0; i < cx.round.suppliers.size(); ++i) {
    const SupplierRound& s = cx.round.suppliers[i];
    const Alternative* a = alternative_a(s);
    Table t = frame_table(cx, s, a ? printed_frames(cx, i, *a) : frames_from_tables(cx, i), false);
    // For the group to fill in at the meeting.
    Row decision;
    decision.cells.push_back(text("Förslag till beslut"));
    decision.cells.push_back(text("Alternativ ______"));
    while (decision.cells.size() < t.columns.size()) decision.cells.push_back(text(""));
    t.rows.push_back(std::move(decision));
    p.blocks.push_back(table_block(std::move(t)));
  }
  std::string text = fmt::format(
      "De rekommenderade ekonomiska ramarna omfattar enbart bastjänster och digital "
      "infrastruktur. Ramarna är inte desamma som de kostnader som kommer att faktureras stadens "
      "förvaltningar och bolag. Rekommendationen bygger på "
      "kostnaderna för {} i detta dokument och är utan index (”+ index”: {} års index beslutat "
      "av kommunfullmäktige tillkommer).",
      cx.y, cx.y);
  if (const auto& kf = cx.round.settings.kf_index) {
    text += fmt::format(" Kolumnen ”Med KF:s index” visar ramen uppräknad med kommunfullmäktiges "
                        "index, {} %.",
                        sammanstallning::format_decimal(*kf));
  }
  p.blocks.push_back(paragraph(text));
  p.blocks.push_back(note("Beloppen i underlagets tabeller är avrundade till hundratal tkr."));
  return p;
}

// ---- part 2: services, sizes, cost development ----

void service_lists(const Context& cx, Part& p) {
  for (bool infra : {false, true}) {
    Table t;
    t.columns = {{"Leverantör", Join::none, 48}, {"Verksamhetsområde", Join::none, 20},
                 {"Tjänst", Join::none, 30}};
    bool unreported = false;
    for (const SupplierRound& s : cx.round.suppliers) {
      bool first = true;
      std::string area;
      for (const sammanstallning::ServiceEntry& e : s.services) {
        if (e.infrastruktur != infra) continue;
        t.rows.push_back(Row{{text(first ? short_name(s.name) : ""),
                              text(first || e.area != area ? e.area : ""),
                              text(e.reported ? e.name : e.name + "*")},
                             false});
        unreported = unreported || !e.reported;
        first = false;
        area = e.area;
      }
    }
    if (t.rows.empty()) continue;
    if (unreported) {
      t.caption = "* Tjänsten finns i tjänstekatalogen men inte i leverantörens årliga analys.";
    }
    p.blocks.push_back(heading(2, infra ? fmt::format("Digital infrastruktur {}", cx.y)
                                        : fmt::format("Bastjänsterna {}", cx.y)));
    p.blocks.push_back(paragraph(
        infra ? fmt::format("Nedan en sammanställning över de {} tjänster som utgör digital "
                            "infrastruktur i årlig analys för {}.",
                            t.rows.size(), cx.y)
              : fmt::format("Nedan en sammanställning över de {} bastjänster som är med i årlig "
                            "analys för {}.",
                            t.rows.size(), cx.y)));
    p.blocks.push_back(table_block(std::move(t)));
  }
}

// ---- Utanför ramarna ----

/// What a line outside the frames is, in a few words: "Tilläggstjänst", "Digital infrastruktur".
std::string outside_kind(const sammanstallning::SourceLine& l) {
  if (l.category == fordelning::Category::okand) return "Saknas i tjänstekatalogen";
  return std::string(fordelning::category_text(l.category));
}

/// The remark of a line outside the frames, where its category does not say it all.
std::string outside_remark(const sammanstallning::SourceLine& l) {
  if (!l.receiver.empty()) {
    return fmt::format("Levereras till {} och debiteras där", short_name(l.receiver));
  }
  switch (l.financing) {
    case fordelning::Financing::kommunbidrag:
      return "Kommunbidrag";
    case fordelning::Financing::kostnadsfordelning:
      if (l.category == fordelning::Category::tillaggstjanst ||
          l.category == fordelning::Category::specialisttjanst) {
        return "Kostnadsfördelning";
      }
      break;
    case fordelning::Financing::faktura_a_pris:
      if (l.category != fordelning::Category::tillaggstjanst &&
          l.category != fordelning::Category::specialisttjanst) {
        return "Faktureras per beställning";
      }
      break;
  }
  if (l.category == fordelning::Category::utanfor) return "Prioriteras inte";
  if (l.category == fordelning::Category::okand) return "Ingår inte förrän katalogen anger den";
  return "";
}

Part outside(const Context& cx) {
  Part p{"Utanför ramarna", true, {}};
  p.blocks.push_back(heading(1, "Kostnader utanför ramarna"));
  p.blocks.push_back(paragraph(fmt::format(
      "Ramarna omfattar enbart bastjänster och digital infrastruktur som leverantören själv "
      "ansvarar för. Det leverantörerna därutöver redovisar i årlig analys står här, med belopp, "
      "kategori och skäl: tilläggs- och specialisttjänster som faktureras per beställning, "
      "komponenter som levereras till en annan leverantörs tjänst och debiteras där, och "
      "justeringar utan tjänst. Tabellen nedan visar att varje leverantörs belopp går ihop: inom "
      "ramarna och utanför ramarna är tillsammans summan av underlagets rader.")));
  Table sums;
  sums.columns = {{"Leverantör", Join::none, 40},
                  {"Kostnad", Join::none, 22},
                  {fmt::format("Inom ramarna {}", cx.y - 1), Join::none, 14},
                  {fmt::format("Utanför ramarna {}", cx.y - 1), Join::none, 14},
                  {fmt::format("Summa {}", cx.y - 1), Join::none, 14},
                  {fmt::format("Inom ramarna {}", cx.y), Join::none, 14},
                  {fmt::format("Utanför ramarna {}", cx.y), Join::none, 14},
                  {fmt::format("Summa {}", cx.y), Join::none, 14}};
  for (const SupplierRound& s : cx.round.suppliers) {
    bool first = true;
    for (const char* table : {"forvaltning", "utveckling", "nya_insatser"}) {
      const sammanstallning::ScopeSplit *before = nullptr, *now = nullptr;
      for (const sammanstallning::ScopeSplit& x : s.scope) {
        if (x.table != table) continue;
        if (x.year == cx.y - 1) before = &x;
        if (x.year == cx.y) now = &x;
      }
      if (before == nullptr && now == nullptr) continue;
      int row = static_cast<int>(sums.rows.size());
      Row r;
      r.cells.push_back(text(first ? short_name(s.name) : ""));
      r.cells.push_back(text(std::string_view(table) == "forvaltning"  ? "Förvaltning (3.1a)"
                             : std::string_view(table) == "utveckling" ? "Utveckling (3.1b)"
                                                                       : "Nya insatser (3.1c)"));
      for (const sammanstallning::ScopeSplit* x : {before, now}) {
        int c = static_cast<int>(r.cells.size());
        if (x == nullptr) {
          for (int k = 0; k < 3; ++k) r.cells.push_back(text("–"));
          continue;
        }
        std::int64_t in = round_to(x->in_frames_kr, 1000) / 1000;
        std::int64_t out = round_to(x->outside_kr, 1000) / 1000;
        r.cells.push_back(tkr(in));
        r.cells.push_back(tkr(out));
        r.cells.push_back(tkr_sum(in + out, {{row, c}, {row, c + 1}}));
      }
      sums.rows.push_back(std::move(r));
      first = false;
    }
  }
  sums.caption = fmt::format(
      "Belopp i tkr, inom ramarna och utanför. Kolumnerna för {} visar budget {}, kolumnerna för "
      "{} underlagets belopp för {} (för förvaltning prognosen med index).",
      cx.y - 1, cx.y - 1, cx.y, cx.y);
  p.blocks.push_back(table_block(std::move(sums)));

  Table lines;
  lines.columns = {{"Leverantör", Join::none, 22},
                   {"Tjänst", Join::none, 46},
                   {"Kategori", Join::none, 22},
                   {fmt::format("Budget {}", cx.y - 1), Join::none, 12},
                   {std::to_string(cx.y), Join::none, 12},
                   {"Anmärkning", Join::none, 34}};
  for (const SupplierRound& s : cx.round.suppliers) {
    bool first = true;
    for (const sammanstallning::SourceLine& l : s.lines) {
      if (l.in_frames) continue;
      auto budget = l.amounts_kr.find(cx.y - 1), now = l.amounts_kr.find(cx.y);
      bool money = (budget != l.amounts_kr.end() && budget->second != 0) ||
                   (now != l.amounts_kr.end() && now->second != 0);
      if (!money) continue;
      auto shown = [](auto it, const auto& map) {
        return it == map.end() ? text("–") : tkr(round_to(it->second, 1000) / 1000);
      };
      std::string service = l.service;
      if (!l.area.empty() && fold(l.area) != fold(l.service)) service += " (" + l.area + ")";
      lines.rows.push_back(Row{{text(first ? short_name(s.name) : ""), text(service),
                                text(outside_kind(l)), shown(budget, l.amounts_kr),
                                shown(now, l.amounts_kr), text(outside_remark(l))},
                               false});
      first = false;
    }
  }
  if (!lines.rows.empty()) {
    p.blocks.push_back(heading(2, "Rader utanför ramarna"));
    lines.caption = fmt::format(
        "Belopp i tkr, som i underlaget ({} för förvaltning är prognosen med index). "
        "Tilläggs- och specialisttjänster är valbara för kunderna, faktureras per beställning "
        "och ingår inte i strategisk samordningsgrupps prioritering. En tjänst som levereras "
        "till en annan leverantör ingår i den leverantörens tjänster och ramar.",
        cx.y);
    p.blocks.push_back(table_block(std::move(lines)));
  }
  return p;
}

void sizes(const Context& cx, Part& p) {
  p.blocks.push_back(heading(1, "Storleksmässiga skillnader"));
  p.blocks.push_back(heading(2, "Skillnad mellan bastjänsterna och digital infrastruktur"));
  p.blocks.push_back(paragraph(fmt::format(
      "Sammanfattande kostnadstabell för bastjänsterna och digital infrastruktur {}.", cx.y)));
  std::int64_t forv[2] = {0, 0}, utv[2] = {0, 0};
  for (std::size_t i = 0; i < cx.round.suppliers.size(); ++i) {
    for (int infra : {0, 1}) {
      forv[infra] += segment_sum(cx.forv[i], infra).foreslagen.value_or(0);
      utv[infra] += segment_sum(cx.utv[i], infra).foreslagen.value_or(0);
    }
  }
  Table t;
  t.columns = {{"", Join::none, 48}, {"Bastjänster", Join::none, 18},
               {"Digital infrastruktur", Join::none, 18}};
  t.rows.push_back({{text("Antal tjänster"), count(cx.round.bastjanster.tjanster),
                     count(cx.round.infrastruktur.tjanster)},
                    false});
  t.rows.push_back({{text("Förvaltningskostnad"), tkr(forv[0], NumFormat::tkr_suffix),
                     tkr(forv[1], NumFormat::tkr_suffix)},
                    false});
  t.rows.push_back({{text("Utvecklingskostnad"), tkr(utv[0], NumFormat::tkr_suffix),
                     tkr(utv[1], NumFormat::tkr_suffix)},
                    false});
  t.rows.push_back(
      {{text(fmt::format("Total föreslagen budget {}", cx.y)),
        tkr_sum(forv[0] + utv[0], {{1, 1}, {2, 1}}, NumFormat::tkr_suffix),
        tkr_sum(forv[1] + utv[1], {{1, 2}, {2, 2}}, NumFormat::tkr_suffix)},
       true});
  t.caption = fmt::format("Föreslagen budget {} utan index, förvaltning och utveckling.", cx.y);
  p.blocks.push_back(table_block(std::move(t)));
  std::int64_t bas = forv[0] + utv[0], infra = forv[1] + utv[1];
  if (bas > 0 && infra > 0) {
    std::int64_t tenths = scaled_ratio(infra, bas, 10);
    p.blocks.push_back(paragraph(fmt::format(
        "Den digitala infrastrukturen är kostnadsmässigt {},{} gånger så stor som samtliga "
        "bastjänster tillsammans. Utvecklingskostnaderna är {} tkr för bastjänsterna och {} tkr "
        "för den digitala infrastrukturen.",
        tenths / 10, tenths % 10, group(utv[0]), group(utv[1]))));
  }

  p.blocks.push_back(heading(2, "Skillnad mellan leverantörerna"));
  p.blocks.push_back(paragraph(fmt::format(
      "Tabellen nedan redovisar leverantörernas egna förslag till ekonomiska ramar för digital "
      "utveckling och förvaltning {} enligt årlig analys (förvaltning och utveckling, utan index). "
      "Tabellen synliggör de storleksmässiga skillnaderna mellan leverantörerna.",
      cx.y)));
  Table l;
  l.columns = {{"Leverantör", Join::none, 48},
               {fmt::format("Förslag ekonomiska ramar för digital utveckling och förvaltning {} "
                            "enligt leverantörernas bedömning i årlig analys",
                            cx.y),
                Join::none, 24}};
  std::int64_t sum = 0;
  std::vector<std::pair<int, int>> refs;
  for (std::size_t i = 0; i < cx.round.suppliers.size(); ++i) {
    bool has_infra = segment_sum(cx.forv[i], true).any || segment_sum(cx.utv[i], true).any;
    bool has_bas = segment_sum(cx.forv[i], false).any || segment_sum(cx.utv[i], false).any;
    std::string what = has_infra && has_bas ? "bastjänster och digital infrastruktur"
                       : has_infra          ? "digital infrastruktur"
                                            : "bastjänster";
    std::int64_t v = cx.forv[i].total.foreslagen.value_or(0) + cx.utv[i].total.foreslagen.value_or(0);
    sum += v;
    refs.push_back({static_cast<int>(i), 1});
    l.rows.push_back({{text(short_name(cx.round.suppliers[i].name) + " – " + what),
                       tkr(v, NumFormat::tkr_suffix)},
                      false});
  }
  l.rows.push_back({{text("Totalt"), tkr_sum(sum, refs, NumFormat::tkr_suffix)}, true});
  p.blocks.push_back(table_block(std::move(l)));
}

/// Tabell 1 (förvaltning, with the effect column) or Tabell 2 (utveckling).
/// The note under a table whose cells hold preparers' figures ([[justering]]): "¹ Beredningens
/// siffror, inte leverantörernas: Intraservice utfall 2022 (Ekonomi, HR …): underlaget saknar
/// siffra; källa: …." "" when the table has none.
std::string adjustment_note(const Context& cx, std::string_view table) {
  struct Group {
    std::string what;                // "Intraservice, utfall 2022"
    std::vector<std::string> areas;  // the areas it covers
    std::vector<std::string> submitted;  // the submission's own figures
    std::string source;
  };
  std::vector<Group> groups;
  const auto& settings = cx.round.settings.justeringar;
  for (const SupplierRound& s : cx.round.suppliers) {
    const std::vector<AreaRow>& rows = table == "forvaltning" ? s.forvaltning : s.utveckling;
    for (const AreaRow& r : rows) {
      for (const sammanstallning::Adjusted& a : r.adjusted) {
        const sammanstallning::Justering& j = settings[a.justering];
        std::string which = a.year == cx.y - 2   ? fmt::format("utfall {}", a.year)
                            : a.year == cx.y - 1 ? fmt::format("budget {}", a.year)
                                                 : fmt::format("föreslagen budget {}", a.year);
        std::string what = fmt::format("{}, {}", short_name(s.name), which);
        std::string source = j.kalla + (j.motivering.empty() ? "" : " – " + j.motivering);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) {
          return x.what == what && x.source == source;
        });
        if (g == groups.end()) g = groups.insert(groups.end(), Group{what, {}, {}, source});
        if (!r.area.empty()) g->areas.push_back(r.area);
        g->submitted.push_back(a.submitted_kr ? group(round_to(*a.submitted_kr, 1000) / 1000) + " tkr"
                                              : std::string());
      }
    }
  }
  if (groups.empty()) return "";
  std::string out = "¹ Beredningsfunktionens siffror, inte leverantörens:";
  for (const Group& g : groups) {
    std::vector<std::string> own;
    for (const std::string& x : g.submitted) {
      if (!x.empty()) own.push_back(x);
    }
    std::string submitted = own.empty() ? "underlaget saknar siffra"
                                        : "underlaget anger " + joined(own);
    std::string source = g.source;
    if (!source.empty() && source.back() == '.') source.pop_back();
    out += fmt::format(" {}{} ({}; källa: {}).", g.what,
                       g.areas.empty() ? "" : " för " + joined(g.areas), submitted, source);
  }
  return out;
}

/// "67 700 tkr högre", "1 600 tkr lägre", "oförändrad".
std::string higher_or_lower(std::int64_t diff_tkr) {
  if (diff_tkr == 0) return "oförändrad";
  return fmt::format("{} tkr {}", group(std::llabs(diff_tkr)), diff_tkr > 0 ? "högre" : "lägre");
}

/// Whether the Utfall Y-2 column is printed: when at least half of the suppliers have it (else
/// it would be a column of dashes; a note says once why it is left out).
bool utfall_shown(const std::vector<SupplierRows>& per) {
  std::size_t with = static_cast<std::size_t>(std::count_if(
      per.begin(), per.end(), [](const SupplierRows& s) { return s.total.utfall.has_value(); }));
  return 2 * with >= per.size() && with > 0;
}

Table cost_table(const Context& cx, bool forvaltning) {
  const auto& per = forvaltning ? cx.forv : cx.utv;
  const bool with_utfall = utfall_shown(per);
  // The column of Utfall (0), Budget (1) and Föreslagen (2).
  auto col_of = [&](int c) { return with_utfall ? c + 1 : c; };
  Table t;
  t.columns = {{"Leverantör/verksamhetsområde", Join::none, 48}};
  if (with_utfall) t.columns.push_back({years_label(cx.y, 0), Join::none, 14});
  t.columns.push_back({years_label(cx.y, 1), Join::none, 14});
  t.columns.push_back({years_label(cx.y, 2), Join::none, 16});
  if (forvaltning) t.columns.push_back({"Varav effekt av utveckling", Join::paren, 14});
  t.columns.push_back({fmt::format("Skillnad {}/{}", cx.y - 1, cx.y), Join::none, 14});
  t.columns.push_back({"Förändring", Join::none, 12});

  auto add_row = [&](const ShownRow& r, bool total, bool effect,
                     std::vector<std::vector<std::pair<int, int>>>* sums, bool indent = false) {
    int row = static_cast<int>(t.rows.size());
    Row out;
    out.total = total;
    out.indent = indent;
    out.cells.push_back(text(r.label));
    for (int c = with_utfall ? 0 : 1; c < 3; ++c) {
      const auto& v = c == 0 ? r.utfall : c == 1 ? r.budget : r.foreslagen;
      Cell cell = sums != nullptr && v ? tkr_sum(*v, (*sums)[static_cast<std::size_t>(c)])
                                       : opt_tkr(v);
      out.cells.push_back(v && r.adjusted[static_cast<std::size_t>(c)] ? marked(cell) : cell);
    }
    if (forvaltning) {
      out.cells.push_back(effect && r.effekt != 0 ? tkr(r.effekt) : text(""));
    }
    out.cells.push_back(diff_cell(r.foreslagen, r.budget, row, col_of(2), col_of(1)));
    out.cells.push_back(change_cell(r.foreslagen, r.budget, row, col_of(2), col_of(1)));
    t.rows.push_back(std::move(out));
    return row;
  };

  ShownRow all{"Totalt", false, {}, {}, {}, 0, {}};
  std::vector<std::vector<std::pair<int, int>>> all_refs(3);
  // As in the annex: suppliers with areas first (their areas above their total), then the rest.
  std::vector<std::size_t> order;
  for (bool single : {false, true})
    for (std::size_t i = 0; i < per.size(); ++i)
      if (per[i].single == single) order.push_back(i);
  for (std::size_t i : order) {
    const SupplierRows& s = per[i];
    std::vector<std::vector<std::pair<int, int>>> refs(3);
    int row = -1;
    if (s.single) {
      row = add_row(s.rows[0], false, true, nullptr);
    } else {
      for (const ShownRow& r : s.rows) {
        int at = add_row(r, false, true, nullptr, true);
        if (r.utfall) refs[0].push_back({at, col_of(0)});
        if (r.budget) refs[1].push_back({at, col_of(1)});
        if (r.foreslagen) refs[2].push_back({at, col_of(2)});
      }
      row = add_row(s.total, true, false, &refs);
    }
    if (s.total.utfall) all_refs[0].push_back({row, col_of(0)});
    if (s.total.budget) all_refs[1].push_back({row, col_of(1)});
    if (s.total.foreslagen) all_refs[2].push_back({row, col_of(2)});
    all.utfall = add(all.utfall, s.total.utfall);
    all.budget = add(all.budget, s.total.budget);
    all.foreslagen = add(all.foreslagen, s.total.foreslagen);
    for (std::size_t k = 0; k < 3; ++k) all.adjusted[k] = all.adjusted[k] || s.total.adjusted[k];
  }
  bool all_utfall = std::all_of(per.begin(), per.end(),
                                [](const SupplierRows& s) { return s.total.utfall.has_value(); });
  if (!all_utfall) all.utfall.reset();
  add_row(all, true, false, &all_refs);

  std::string what = forvaltning ? "Förvaltningskostnaden" : "Utvecklingskostnaden";
  std::string caption = fmt::format("Tabell {}. ", forvaltning ? 1 : 2);
  if (all.foreslagen && all.budget) {
    caption += fmt::format("{} är {} i föreslagen budget {} än i budget {}", what,
                           higher_or_lower(*all.foreslagen - *all.budget), cx.y, cx.y - 1);
    if (*all.foreslagen == *all.budget) {
      caption = fmt::format("Tabell {}. {} är oförändrad mellan budget {} och föreslagen budget "
                            "{}",
                            forvaltning ? 1 : 2, what, cx.y - 1, cx.y);
    }
    caption += all.budget && all.utfall && with_utfall
                   ? fmt::format(", och {} i budget {} än i utfall {}. ",
                                 higher_or_lower(*all.budget - *all.utfall), cx.y - 1, cx.y - 2)
                   : ". ";
  }
  if (forvaltning) {
    caption += fmt::format(
        "Föreslagen budget {} är budget {} plus den kostnad som tillkommer i förvaltningen till "
        "följd av den utveckling som sker {} och {}, utan index; den står inom parentes.",
        cx.y, cx.y - 1, cx.y - 1, cx.y);
  } else {
    caption += fmt::format(
        "Föreslagen budget {} är prognosen för pågående utveckling plus nya förändringsinsatser "
        "{}.",
        cx.y, cx.y);
  }
  caption += " Belopp i tkr.";
  if (!with_utfall) {
    caption += fmt::format(" Utfall {} saknas för de flesta leverantörer och visas därför inte.",
                           cx.y - 2);
  } else if (!all_utfall) {
    caption += " " + utfall_missing_note(cx);
  }
  if (std::string adjusted = adjustment_note(cx, forvaltning ? "forvaltning" : "utveckling");
      !adjusted.empty()) {
    caption += " " + adjusted;
  }
  t.caption = caption;
  return t;
}

void cost_development(const Context& cx, Part& p) {
  p.blocks.push_back(heading(1, fmt::format("Kostnadsutveckling {}–{}", cx.y - 2, cx.y)));
  p.blocks.push_back(paragraph(fmt::format(
      "Stapeldiagrammen och tabellerna nedan visar kostnadsutvecklingen mellan utfall {}, budget "
      "{} och föreslagna ekonomiska ramar för digital utveckling och förvaltning {} (nedan "
      "benämnt föreslagen budget). Beloppen är i tkr, utan index.",
      cx.y - 2, cx.y - 1, cx.y)));

  // The years' totals, the diagrams' data: sums of Tabell 1 and 2's printed rows, so the
  // three tables agree to the last figure.
  struct Year {
    bool shown = false;
    std::int64_t bas = 0, infra = 0, forv = 0, utv = 0;
  };
  std::vector<Year> years(3);
  for (int k = 0; k < 3; ++k) {
    Year& yr = years[static_cast<std::size_t>(k)];
    yr.shown = k != 0 || cx.utfall_complete();
    for (std::size_t i = 0; i < cx.round.suppliers.size(); ++i) {
      for (const auto* table : {&cx.forv[i], &cx.utv[i]}) {
        for (const ShownRow& r : table->rows) {
          const auto& v = k == 0 ? r.utfall : k == 1 ? r.budget : r.foreslagen;
          if (!v) continue;
          (r.infrastruktur ? yr.infra : yr.bas) += *v;
          (table == &cx.forv[i] ? yr.forv : yr.utv) += *v;
        }
      }
    }
  }
  Table t;
  t.id = "ar";
  t.columns = {{"tkr", Join::none, 48}};
  std::vector<int> cols;  // year index of each column shown
  for (int k = 0; k < 3; ++k) {
    if (!years[static_cast<std::size_t>(k)].shown) continue;
    cols.push_back(k);
    t.columns.push_back({years_label(cx.y, k), Join::none, 16});
  }
  auto row_of = [&](std::string label, auto get) {
    Row r;
    r.cells.push_back(text(std::move(label)));
    for (int k : cols) r.cells.push_back(tkr(get(years[static_cast<std::size_t>(k)])));
    t.rows.push_back(std::move(r));
  };
  row_of("Bastjänster", [](const Year& yr) { return yr.bas; });
  row_of("Digital infrastruktur", [](const Year& yr) { return yr.infra; });
  row_of("Förvaltning", [](const Year& yr) { return yr.forv; });
  row_of("Utveckling", [](const Year& yr) { return yr.utv; });
  Row total{{text("Totalt")}, true};
  std::vector<std::int64_t> totals(3, 0);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const Year& yr = years[static_cast<std::size_t>(cols[c])];
    totals[static_cast<std::size_t>(cols[c])] = yr.bas + yr.infra;
    int col = static_cast<int>(c) + 1;
    total.cells.push_back(tkr_sum(yr.bas + yr.infra, {{0, col}, {1, col}}));
  }
  t.rows.push_back(std::move(total));
  if (!cx.round.settings.prisindex.empty()) {
    Row r{{text(fmt::format("Totalt i {} års priser", cx.y))}, false};
    for (int k : cols) {
      const sammanstallning::YearTotals* yt = nullptr;
      for (const auto& x : cx.round.years)
        if (x.year == cx.y - 2 + k) yt = &x;
      r.cells.push_back(yt ? tkr(tkr_hundreds(yt->fasta_priser_kr)) : text(""));
    }
    t.rows.push_back(std::move(r));
  }
  std::string growth;
  // The verb and the rest: {"ökade", " med 28 procent"}, {"är", " oförändrad"}.
  auto change = [](std::int64_t now, std::int64_t before, bool past) {
    std::int64_t pct = whole_percent(now, before);
    if (pct == 0) return std::pair<std::string, std::string>{past ? "var" : "är", " oförändrad"};
    std::string verb = pct > 0 ? (past ? "ökade" : "ökar") : (past ? "minskade" : "minskar");
    return std::pair{verb, fmt::format(" med {} procent", std::llabs(pct))};
  };
  if (years[0].shown && totals[0] != 0) {
    auto [verb, rest] = change(totals[1], totals[0], true);
    growth = fmt::format("Den totala kostnaden {}{} mellan utfall {} och budget {}.", verb, rest,
                         cx.y - 2, cx.y - 1);
  }
  if (totals[1] != 0) {
    auto [verb, rest] = change(totals[2], totals[1], false);
    growth += fmt::format("{}Med föreslagen budget {} {} den totala kostnaden{} jämfört med "
                          "budget {}.",
                          growth.empty() ? "" : " ", cx.y, verb, rest, cx.y - 1);
  }
  if (!growth.empty()) t.caption = growth;
  if (!cx.utfall_complete()) {
    t.caption += (t.caption.empty() ? "" : " ") + utfall_missing_note(cx);
  }
  p.blocks.push_back(table_block(std::move(t)));
  const int last_year_col = static_cast<int>(cols.size());  // a year without figures is left out

  int bas = cx.round.bastjanster.tjanster, infra = cx.round.infrastruktur.tjanster;
  std::size_t n = cx.round.suppliers.size();
  std::string scope = fmt::format(
      "samtliga {} bastjänster från {} {} och de {} infrastrukturtjänsterna", bas,
      n == 1 ? "den" : "de", n == 1 ? "leverantören" : number_word(n) + " leverantörerna", infra);
  p.blocks.push_back(chart_block(Chart{
      "ar", {0, 1}, 1, last_year_col, "Bastjänster och digital infrastruktur (tkr)",
      fmt::format("Diagram 1. Summorna är den totala kostnadsmassan för {}. Den inbegriper "
                  "kostnaderna för både förvaltning och utveckling. Färgerna visar hur stor del "
                  "som är bastjänster respektive digital infrastruktur.",
                  scope)}));
  p.blocks.push_back(chart_block(Chart{
      "ar", {2, 3}, 1, last_year_col, "Förvaltning och utveckling (tkr)",
      fmt::format("Diagram 2. Staplarna visar den totala kostnadsmassan för {}. Färgerna visar "
                  "hur stor del som är förvaltning respektive utveckling.",
                  scope)}));

  p.blocks.push_back(heading(2, "Ekonomisk analys av förvaltningskostnad"));
  p.blocks.push_back(table_block(cost_table(cx, true)));
  p.blocks.push_back(heading(2, "Ekonomisk analys av utvecklingskostnad"));
  p.blocks.push_back(table_block(cost_table(cx, false)));
}

Part costs(const Context& cx) {
  Part p{"Kostnadsutveckling", true, {}};
  service_lists(cx, p);
  sizes(cx, p);
  cost_development(cx, p);
  return p;
}

// ---- part 3: flags ----

struct FindingCounts {
  int fel = 0;
  int varning = 0;
};

FindingCounts counts_for(const Context& cx, const SupplierRound& s) {
  FindingCounts c;
  for (const Finding& f : cx.in.findings) {
    if (f.where.file != s.file || s.file.empty()) continue;
    if (f.level == Level::fel) ++c.fel;
    if (f.level == Level::varning) ++c.varning;
  }
  return c;
}

std::vector<std::string> flag_texts(const Context& cx, const SupplierRound& s) {
  std::vector<std::string> out;
  if (s.proposals == 0) {
    out.push_back("Underlaget föreslår inga nya förändringsinsatser.");
  } else if (s.proposals_incomplete > 0) {
    out.push_back(fmt::format(
        "{} av {} förslag till nya förändringsinsatser saknar uppgifter som mallen kräver, till "
        "exempel informationsklassning, riskanalys, konsekvensbeskrivning eller effektmål. Att "
        "godkänna insatser som saknar informationsklassning och riskanalys innebär att beslut "
        "tas där risker och säkerhetskostnader inte är utredda.",
        s.proposals_incomplete, s.proposals));
  } else {
    out.push_back(fmt::format(
        "Samtliga {} förslag till nya förändringsinsatser har de uppgifter som mallen kräver.",
        s.proposals));
  }
  if (s.undescribed_kr > 0 && s.frame_kr > 0) {
    out.push_back(fmt::format(
        "Sammanlagt saknas beskrivning av vad som ska genomföras för {} av kostnaderna i "
        "föreslagna ekonomiska ramar {} ({} tkr av {} tkr: potter och insatser utan "
        "beskrivning).",
        percent_text(s.undescribed_kr, s.frame_kr), cx.y,
        group(tkr_hundreds(s.undescribed_kr)), group(tkr_hundreds(s.frame_kr))));
  }
  FindingCounts c = counts_for(cx, s);
  if (c.fel > 0) {
    out.push_back(fmt::format(
        "Kontrollerna hittade {} i underlaget: summor, index eller tabeller som inte "
        "stämmer. {} cell för cell i beredningens sammanställning och i "
        "leverantörens granskningskopia.",
        count_phrase(c.fel, "ett fel", "fel"), c.fel == 1 ? "Felet redovisas" : "Felen redovisas"));
  } else {
    out.push_back("Kontrollerna hittade inga fel i underlaget.");
  }
  return out;
}

Part flags(const Context& cx) {
  Part p{"Flaggor", true, {}, false};
  p.blocks.push_back(heading(1, "Beredningsfunktionens flaggor"));
  p.blocks.push_back(paragraph(
      "Sammanställning av det som beredningsfunktionen behöver lyfta i underlagen: förslag till "
      "nya förändringsinsatser som saknar uppgifter som mallen kräver (till exempel "
      "informationsklassning eller riskanalys), potter och insatser utan beskrivning som andel "
      "av den föreslagna ramen, och fel som kontrollerna har hittat."));
  Table t;
  t.columns = {{"Leverantör", Join::none, 48},
               {"Förslag till nya insatser", Join::none, 14},
               {"Varav ofullständiga", Join::none, 14},
               {"Utan beskrivning (tkr)", Join::none, 14},
               {fmt::format("Andel av föreslagen ram {}", cx.y), Join::none, 14},
               {"Fel i underlaget", Join::none, 12},
               {"Varningar", Join::none, 12}};
  for (const SupplierRound& s : cx.round.suppliers) {
    FindingCounts c = counts_for(cx, s);
    Row r;
    r.cells.push_back(text(short_name(s.name)));
    r.cells.push_back(count(s.proposals));
    r.cells.push_back(count(s.proposals_incomplete));
    r.cells.push_back(tkr(round_to(s.undescribed_kr, 1000) / 1000));
    if (s.frame_kr != 0) {
      r.cells.push_back(Cell{percent_text(s.undescribed_kr, s.frame_kr),
                             static_cast<double>(s.undescribed_kr) / static_cast<double>(s.frame_kr),
                             NumFormat::percent, std::nullopt});
    } else {
      r.cells.push_back(text(""));
    }
    r.cells.push_back(count(c.fel));
    r.cells.push_back(count(c.varning));
    t.rows.push_back(std::move(r));
  }
  t.caption = "Fel och varningar är kontrollernas fynd i leverantörens underlag; de redovisas "
              "cell för cell i beredningens sammanställning.";
  p.blocks.push_back(table_block(std::move(t)));
  return p;
}

// ---- part 4: the four alternatives ----

Part alternatives_intro(const Context& cx) {
  Part p{"Alternativen", true, {}, false};
  p.blocks.push_back(heading(1, "Ekonomiska ramar per leverantör – en sammanställning"));
  p.blocks.push_back(paragraph(fmt::format(
      "I samband med budgetbeslut {} ska kommunfullmäktige fastställa två beslut per "
      "leverantörsnämnd; ett för ekonomisk ram för digital förvaltning och ett för ekonomisk ram "
      "för digital utveckling. I följande avsnitt finns en sammanställning per leverantör med "
      "alternativ på ekonomiska ramar för digital utveckling och förvaltning.",
      cx.y)));
  p.blocks.push_back(heading(2, "Fyra alternativ"));
  p.blocks.push_back(paragraph(
      "För varje leverantör presenteras en kort summering från leverantörens årliga analys, "
      "beredningsfunktionens flaggor för underlaget och alternativ på ekonomiska ramar som "
      "strategisk samordningsgrupp kan värdera och prioritera mellan, med vad varje alternativ "
      "innebär per kund. Alternativen bygger på fyra grundalternativ:"));
  p.blocks.push_back(heading(3, "A. Godkänna leverantörens hela förslag"));
  p.blocks.push_back(paragraph("Godkänna leverantörens hela förslag i enlighet med årlig analys."));
  p.blocks.push_back(heading(3, "B. Godkänna leverantörens förslag med justering"));
  p.blocks.push_back(paragraph(
      "Godkänna leverantörens förslag minskat med till exempel ospecificerade potter, initiativ "
      "med undermåliga beslutsunderlag eller pågående initiativ vars kostnader ökat."));
  p.blocks.push_back(heading(3, "C. Minskning av ramar – leverantören prioriterar"));
  p.blocks.push_back(paragraph(
      "En generell minskning av leverantörens ramar där leverantören avgör hur minskningen ska "
      "genomföras."));
  p.blocks.push_back(heading(3, "D. Minskning av ramar – med medskick"));
  p.blocks.push_back(paragraph(
      "En minskning av ramarna och medskick kring hur leverantören rekommenderas tänka då "
      "minskningen ska genomföras."));
  return p;
}

// ---- per supplier ----

void summary(const Context& cx, std::size_t i, Part& p) {
  const SupplierRound& s = cx.round.suppliers[i];
  std::string name = short_name(s.name);
  p.blocks.push_back(heading(2, "Kort summering från årlig analys"));
  Table t;
  t.columns = {{"", Join::none, 48}};
  for (int k = 0; k < 3; ++k) t.columns.push_back({years_label(cx.y, k), Join::none, 16});
  bool has_infra = segment_sum(cx.forv[i], true).any || segment_sum(cx.utv[i], true).any;
  bool has_bas = segment_sum(cx.forv[i], false).any || segment_sum(cx.utv[i], false).any;
  auto add_rows = [&](const SegmentSum& f, const SegmentSum& u, const std::string& lf,
                      const std::string& lu, const std::string& ls) {
    int first = static_cast<int>(t.rows.size());
    t.rows.push_back({{text(lf), opt_tkr(f.utfall), opt_tkr(f.budget), opt_tkr(f.foreslagen)}, false});
    t.rows.push_back({{text(lu), opt_tkr(u.utfall), opt_tkr(u.budget), opt_tkr(u.foreslagen)}, false});
    Row total{{text(ls)}, true};
    for (int k = 0; k < 3; ++k) {
      auto fv = k == 0 ? f.utfall : k == 1 ? f.budget : f.foreslagen;
      auto uv = k == 0 ? u.utfall : k == 1 ? u.budget : u.foreslagen;
      auto sum = add(fv, uv);
      total.cells.push_back(sum ? tkr_sum(*sum, {{first, k + 1}, {first + 1, k + 1}}) : text("–"));
    }
    t.rows.push_back(std::move(total));
  };
  if (has_infra) {
    if (has_bas) {
      add_rows(segment_sum(cx.forv[i], false), segment_sum(cx.utv[i], false),
               "Bastjänster kostnad förvaltning", "Bastjänster kostnad utveckling",
               "Bastjänster summerad kostnad");
    }
    add_rows(segment_sum(cx.forv[i], true), segment_sum(cx.utv[i], true),
             "Digital infrastruktur, kostnad förvaltning", "Digital infrastruktur, kostnad utveckling",
             "Digital infrastruktur summerad kostnad");
  } else {
    SegmentSum f{cx.forv[i].total.utfall, cx.forv[i].total.budget, cx.forv[i].total.foreslagen, true};
    SegmentSum u{cx.utv[i].total.utfall, cx.utv[i].total.budget, cx.utv[i].total.foreslagen, true};
    add_rows(f, u, "Totalkostnad förvaltning", "Totalkostnad utveckling",
             "Totalkostnad för tjänsterna");
  }
  t.caption = "Belopp i tkr, utan index. Föreslagen budget för förvaltning är budget " +
              std::to_string(cx.y - 1) + " plus effekter av utveckling.";
  p.blocks.push_back(table_block(std::move(t)));

  std::vector<std::string> texts;
  for (bool forvaltning : {true, false}) {
    const ShownRow& r = forvaltning ? cx.forv[i].total : cx.utv[i].total;
    if (!r.foreslagen || !r.budget) continue;
    std::string what = forvaltning ? "förvaltning" : "utveckling";
    // The figures as the tables print them, so the text says what the reader sees.
    std::string lead = fmt::format("{} förslag till ekonomisk ram för digital {} {}",
                                   genitive(name), what, cx.y);
    std::int64_t diff = *r.foreslagen - *r.budget;
    std::int64_t pct = *r.budget != 0 ? whole_percent(*r.foreslagen, *r.budget) : 0;
    if (diff == 0) {
      texts.push_back(fmt::format("{} är oförändrat jämfört med budget {} (exklusive "
                                  "indexökning).",
                                  lead, cx.y - 1));
    } else if (pct != 0) {
      texts.push_back(fmt::format(
          "{} innebär en kostnads{} med {} procent ({} tkr) jämfört med budget {} (exklusive "
          "indexökning).",
          lead, pct > 0 ? "ökning" : "minskning", std::llabs(pct), group(std::llabs(diff)),
          cx.y - 1));
    } else {
      texts.push_back(fmt::format("{} är {} tkr {} än budget {} (exklusive indexökning).", lead,
                                  group(std::llabs(diff)), diff > 0 ? "högre" : "lägre",
                                  cx.y - 1));
    }
  }
  if (s.index) {
    // Where the index comes from, in words (the settings' lines are in "Om underlaget").
    std::string from = s.index_source.starts_with("omgang.toml")
                           ? "det index beredningen räknar med för leverantören"
                           : "enligt leverantörens tabell 3.1a";
    texts.push_back(fmt::format("Index {}–{} för {}: {} % ({}).", cx.y - 1, cx.y, name,
                                sammanstallning::format_decimal(*s.index), from));
  }
  for (std::string& x : texts) p.blocks.push_back(paragraph(std::move(x)));
}

/// The table of what an alternative means per customer; `limit` 0 shows all.
Table customer_table(const Context& cx, const AlternativeEffect& e, std::size_t limit,
                     bool with_id) {
  struct Entry {
    std::string id;
    std::int64_t a = 0, minus = 0;
  };
  std::vector<Entry> entries;
  for (const auto& [id, a] : e.customers_a_kr) {
    auto m = e.customers_minus_kr.find(id);
    entries.push_back({id, a, m == e.customers_minus_kr.end() ? 0 : m->second});
  }
  for (const auto& [id, m] : e.customers_minus_kr) {
    if (e.customers_a_kr.count(id) == 0) entries.push_back({id, 0, m});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    if (x.minus != y.minus) return x.minus > y.minus;
    return x.id < y.id;
  });
  Table t;
  if (with_id) {
    t.columns = {{"Kund-id", Join::none, 14}, {"Kund", Join::none, 40}};
  } else {
    t.columns = {{"Kund", Join::none, 48}};
  }
  int c0 = static_cast<int>(t.columns.size());
  t.columns.push_back({"Under alternativ A (tkr)", Join::none, 16});
  t.columns.push_back({"Minskning (tkr)", Join::none, 14});
  t.columns.push_back({"Efter minskning (tkr)", Join::none, 16});
  t.columns.push_back({"Minskning i % av A", Join::none, 12});
  // Printed in whole tkr, rounded once by the largest remainder so that the rows add up to the
  // totals as printed; the xlsx stores what it shows.
  auto add = [&](std::vector<Cell> label, std::int64_t a_tkr, std::int64_t minus_tkr, bool total,
                 std::optional<std::pair<int, int>> sum_rows) {
    int row = static_cast<int>(t.rows.size());
    Row r{std::move(label), total};
    auto cell = [&](std::int64_t v, int col) {
      Cell c = tkr(v);
      if (sum_rows && sum_rows->second >= sum_rows->first) {
        std::vector<std::pair<int, int>> refs;
        for (int k = sum_rows->first; k <= sum_rows->second; ++k) refs.push_back({k, col});
        c.formula = Formula{Formula::Op::sum, refs};
      }
      return c;
    };
    r.cells.push_back(cell(a_tkr, c0));
    r.cells.push_back(cell(minus_tkr, c0 + 1));
    Cell after = tkr(a_tkr - minus_tkr);
    after.formula = Formula{Formula::Op::diff, {{row, c0}, {row, c0 + 1}}};
    r.cells.push_back(after);
    if (a_tkr != 0) {
      r.cells.push_back(Cell{percent_text(minus_tkr, a_tkr),
                             static_cast<double>(minus_tkr) / static_cast<double>(a_tkr),
                             NumFormat::percent, std::nullopt});
    } else {
      r.cells.push_back(text(""));
    }
    t.rows.push_back(std::move(r));
  };
  std::size_t shown_n = limit == 0 ? entries.size() : std::min(limit, entries.size());
  std::int64_t sum_a = 0, sum_m = 0;
  for (const Entry& x : entries) {
    sum_a += x.a;
    sum_m += x.minus;
  }
  // The printed rows: each shown customer, and the others together.
  std::vector<std::int64_t> row_a, row_m;
  for (std::size_t k = 0; k < shown_n; ++k) {
    row_a.push_back(entries[k].a);
    row_m.push_back(entries[k].minus);
  }
  if (shown_n < entries.size()) {
    std::int64_t ra = 0, rm = 0;
    for (std::size_t k = shown_n; k < entries.size(); ++k) ra += entries[k].a, rm += entries[k].minus;
    row_a.push_back(ra);
    row_m.push_back(rm);
  }
  const std::int64_t total_a = round_to(sum_a, 1000), total_m = round_to(sum_m, 1000);
  std::vector<std::int64_t> printed_a = sammanstallning::largest_remainder(row_a, total_a, 1000);
  std::vector<std::int64_t> printed_m = sammanstallning::largest_remainder(row_m, total_m, 1000);
  for (std::size_t k = 0; k < shown_n; ++k) {
    const Entry& x = entries[k];
    std::vector<Cell> label;
    if (with_id) {
      label = {text(x.id), text(customer_name(cx, x.id))};
    } else {
      label = {text(customer_label(cx, x.id))};
    }
    add(std::move(label), printed_a[k] / 1000, printed_m[k] / 1000, false, std::nullopt);
  }
  if (shown_n < entries.size()) {
    std::vector<Cell> label = {text(fmt::format("Övriga {} kunder", entries.size() - shown_n))};
    if (with_id) label.insert(label.begin(), text(""));
    add(std::move(label), printed_a.back() / 1000, printed_m.back() / 1000, false, std::nullopt);
  }
  std::vector<Cell> label = {text("Totalt")};
  if (with_id) label.push_back(text(""));
  int last = static_cast<int>(t.rows.size()) - 1;
  add(std::move(label), total_a / 1000, total_m / 1000, true, std::pair{0, last});
  return t;
}

std::vector<const AlternativeEffect*> effects_of(const Context& cx, const SupplierRound& s,
                                                 const Alternative& a) {
  std::vector<const AlternativeEffect*> out;
  for (const AlternativeEffect& e : cx.in.effects) {
    if (e.supplier == s.name && e.name == a.name && e.variant == a.variant &&
        e.minskning == a.minskning) {
      out.push_back(&e);
    }
  }
  return out;
}

constexpr std::size_t kCustomersShown = 10;

/// "förvaltningsramen 134 608 tkr (13,1 %) lägre", "… oförändrad", "… högre".
std::string frame_change(std::string_view frame, std::int64_t minus_kr, std::int64_t a_kr) {
  std::int64_t tkr = round_to(minus_kr, 1000) / 1000;
  if (tkr == 0) return fmt::format("{} oförändrad", frame);
  std::string pct = a_kr != 0 ? fmt::format(" ({})", percent_text(std::llabs(minus_kr), a_kr)) : "";
  return fmt::format("{} {} tkr{} {}", frame, group(std::llabs(tkr)), pct,
                     tkr > 0 ? "lägre" : "högre");
}

void effect_blocks(const Context& cx, const AlternativeEffect& e, Part& p) {
  p.blocks.push_back(heading(4, "Vad alternativet innebär per kund"));
  std::int64_t a_forv = e.forvaltning_a_kr, a_utv = e.utveckling_a_kr;
  std::string text = fmt::format(
      "Jämfört med alternativ A är {} och {}. Tabellen visar alternativ A:s ramar, utan index, "
      "fördelade på kunderna i proportion till vad varje kund betalar för leverantörens tjänster "
      "inom ramarna, och minskningen fördelad på samma sätt.",
      frame_change("förvaltningsramen", e.forvaltning_minus_kr, a_forv),
      frame_change("utvecklingsramen", e.utveckling_minus_kr, a_utv));
  std::size_t n = std::max(e.customers_a_kr.size(), e.customers_minus_kr.size());
  if (n > kCustomersShown) {
    text += fmt::format(" De {} kunder som påverkas mest står var för sig och de övriga {} "
                        "tillsammans; varje kund redovisas i bilagans kalkylblad.",
                        kCustomersShown, n - kCustomersShown);
  }
  p.blocks.push_back(paragraph(text));
  if (!e.note.empty()) p.blocks.push_back(note(e.note));
  if (n > 0) p.blocks.push_back(table_block(customer_table(cx, e, kCustomersShown, false)));
}



/// D's table of examples: the running-cost frame X % gives, beside the benchmark rows, each
/// compared with alternative A in the same scope.
Table examples_table(const SupplierRound& s) {
  Table t;
  const Alternative& a = s.alternatives.front();
  t.columns = {{"", Join::none, 48},
               {"Ekonomisk ram för förvaltning (tkr)", Join::none, 18},
               {"Jämfört med alternativ A (tkr)", Join::none, 18},
               {"Jämfört med alternativ A (%)", Join::none, 14}};
  for (const sammanstallning::ExampleRow& r : s.examples) {
    std::int64_t frame = round_to(r.frame_kr, 1000) / 1000;
    std::int64_t a_tkr = round_to(a.forvaltning_kr, 1000) / 1000;
    Cell pct = text("");
    if (a_tkr != 0) {
      pct = Cell{percent_text(frame - a_tkr, a_tkr),
                 static_cast<double>(frame - a_tkr) / static_cast<double>(a_tkr),
                 NumFormat::percent, std::nullopt};
    }
    t.rows.push_back(Row{{text(r.label), tkr(frame), tkr(frame - a_tkr), pct}, false});
  }
  t.caption = fmt::format(
      "Exempel på vad olika minskningar ger för ramen för förvaltning, utan index, jämfört med "
      "alternativ A ({} tkr i samma omfattning: bastjänster och digital infrastruktur inom "
      "ramarna). Vad varje exempel innebär per kund redovisas i bilagans kalkylblad.",
      group(round_to(a.forvaltning_kr, 1000) / 1000));
  return t;
}

Part supplier_part(const Context& cx, std::size_t i, std::string sheet) {
  const SupplierRound& s = cx.round.suppliers[i];
  std::string name = short_name(s.name);
  Part p{std::move(sheet), true, {}};
  p.blocks.push_back(heading(1, name));
  summary(cx, i, p);
  p.blocks.push_back(heading(2, "Beredningsfunktionens flaggor för underlaget"));
  p.blocks.push_back(list(flag_texts(cx, s)));

  p.blocks.push_back(heading(2, "Alternativ på ekonomiska ramar"));
  std::vector<const Alternative*> plain, ds;
  for (const Alternative& a : s.alternatives) {
    if (a.example) continue;  // D's examples of X: in the table of examples and per customer
    (a.name == 'D' ? ds : plain).push_back(&a);
  }
  std::size_t groups = plain.size() + (ds.empty() ? 0 : 1);
  if (groups == 0) {
    p.blocks.push_back(paragraph("Inga alternativ är beskrivna för leverantören."));
    return p;
  }
  p.blocks.push_back(paragraph(fmt::format(
      "Nedan finns {} alternativ att värdera och prioritera mellan för {} ramar {}. Alla ramar är "
      "utan index: {} års index beslutat av kommunfullmäktige tillkommer (”+ index”).",
      number_word(groups), genitive(name), cx.y, cx.y)));
  // The group's instructions to the supplier (omgang.toml `medskick`), as the annex words them.
  auto medskick = [&](const Alternative& a) {
    if (a.medskick.empty()) return;
    p.blocks.push_back(paragraph(fmt::format(
        "Mot bakgrund av ovanstående ska {} beakta följande medskick i sin prioritering:", name)));
    p.blocks.push_back(list(a.medskick));
  };
  for (const Alternative* a : plain) {
    p.blocks.push_back(heading(3, a->title));
    if (!a->description.empty()) p.blocks.push_back(paragraph(a->description));
    medskick(*a);
    p.blocks.push_back(table_block(frame_table(cx, s, printed_frames(cx, i, *a), false)));
    for (const AlternativeEffect* e : effects_of(cx, s, *a)) effect_blocks(cx, *e, p);
  }
  if (!ds.empty()) {
    p.blocks.push_back(heading(3, "Alternativ D: Minskning av ramar – med medskick"));
    p.blocks.push_back(paragraph(fmt::format(
        "Alternativ D innebär en minskning av ramarna där {} själv arbetar in minskningen, med "
        "ett medskick från strategisk samordningsgrupp. Alternativet har {} varianter att "
        "värdera och prioritera mellan.",
        name, number_word(ds.size()))));
    medskick(*ds.front());  // one [[alternativ]] gives both variants
    for (const Alternative* d : ds) {
      p.blocks.push_back(heading(4, d->title));
      if (!d->description.empty()) p.blocks.push_back(paragraph(d->description));
      p.blocks.push_back(table_block(frame_table(cx, s, d->frames, true)));
      if (d->variant == 2 && !s.examples.empty()) {
        p.blocks.push_back(table_block(examples_table(s)));
      }
      for (const AlternativeEffect* e : effects_of(cx, s, *d)) effect_blocks(cx, *e, p);
    }
  }
  return p;
}

// ---- Per kund (every customer, xlsx only) ----

Part per_customer(const Context& cx) {
  Part p{"Per kund", false, {}};
  p.blocks.push_back(heading(1, "Alternativens effekt per kund"));
  p.blocks.push_back(paragraph(
      "Vad varje alternativ innebär för varje kund: vad kunden betalar för leverantörens "
      "tjänster under alternativ A och kundens del av minskningen, fördelad efter "
      "fördelningsnycklarna. Belopp i hela tkr, avrundade så att varje kolumn summerar till sin "
      "totalsumma; exakta kronor per kund och tjänst finns i fordelning.xlsx."));
  if (cx.in.effects.empty()) {
    p.blocks.push_back(paragraph("Inga alternativ utöver A är beskrivna."));
  }
  for (const AlternativeEffect& e : cx.in.effects) {
    std::string title = fmt::format("{}: {}", short_name(e.supplier), e.title);
    if (e.minskning) title += fmt::format(" (minskning {} %)", sammanstallning::format_decimal(*e.minskning));
    p.blocks.push_back(heading(2, title));
    if (!e.note.empty()) p.blocks.push_back(note(e.note));
    p.blocks.push_back(table_block(customer_table(cx, e, 0, true)));
  }
  return p;
}

// ---- Förändring per kund: whose charge moves most, and why ----

Part bridge_part(const Context& cx) {
  const fordelning::Bridge& bridge = *cx.in.bridge;
  Part p{"Förändring per kund", true, {}};
  p.blocks.push_back(heading(1, "Kunderna vars belopp ändras mest"));
  p.blocks.push_back(paragraph(fmt::format(
      "De kunder vars belopp för de gemensamma tjänsterna ändras mest från {} till {}, och den "
      "största orsaken. Förra året är {}. Förändringen är uppdelad på index, tjänsternas kostnad "
      "utöver index, ändrade nycklar, kundens egen volym, andra kunders volym, nya eller "
      "upphörda tjänster och ändringar i tjänstekatalogen; hela uppdelningen per kund och tjänst "
      "finns i fördelningen och i varje kundbesked.",
      cx.y - 1, cx.y,
      bridge.base == fordelning::BridgeBase::resultat
          ? fmt::format("vad kunderna debiterades {}", cx.y - 1)
          : fmt::format("förra årets budget fördelad med förra årets nycklar, mått och "
                        "tjänstekatalog"))));
  std::vector<std::pair<std::string, const fordelning::CustomerBridge*>> order;
  for (const auto& [id, b] : bridge.customers) order.emplace_back(id, &b);
  auto size = [](const fordelning::CustomerBridge* b) {
    std::int64_t d = b->this_year_kr - b->last_year_kr;
    return d < 0 ? -d : d;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto& a, const auto& b) { return size(a.second) > size(b.second); });
  if (order.size() > 10) order.resize(10);
  std::map<std::string, std::string> names;
  if (cx.in.kunder != nullptr) {
    for (const fordelning::Customer& c : cx.in.kunder->customers) names[c.id] = c.name;
  }
  if (bridge.before != nullptr) {
    for (const fordelning::Customer& c : bridge.before->customers) names.try_emplace(c.id, c.name);
  }
  Table t;
  t.id = "forandring";
  t.columns = {{"Kund", Join::none, 34},
               {fmt::format("{} (tkr)", cx.y - 1), Join::none, 14},
               {fmt::format("{} (tkr)", cx.y), Join::none, 14},
               {"Förändring (tkr)", Join::none, 14},
               {"Förändring (%)", Join::none, 12},
               {"Största orsak", Join::none, 44}};
  auto text = [](std::string s) {
    return Cell{std::move(s), std::nullopt, NumFormat::tkr, std::nullopt};
  };
  for (const auto& [id, b] : order) {
    const int r = static_cast<int>(t.rows.size());
    auto it = names.find(id);
    std::string name = it != names.end() && !it->second.empty() ? it->second : id;
    // Whole tkr, each rounded once; the change and the percentage from the printed figures.
    const std::int64_t last = round_to(b->last_year_kr, 1000) / 1000;
    const std::int64_t now = round_to(b->this_year_kr, 1000) / 1000;
    Row row;
    row.cells.push_back(text(name));
    row.cells.push_back(Cell{group(last), static_cast<double>(last), NumFormat::tkr, std::nullopt});
    row.cells.push_back(Cell{group(now), static_cast<double>(now), NumFormat::tkr, std::nullopt});
    row.cells.push_back(Cell{group(now - last), static_cast<double>(now - last), NumFormat::tkr,
                             Formula{Formula::Op::diff, {{r, 2}, {r, 1}}}});
    const bool departed = cx.in.kunder != nullptr && cx.in.kunder->customer(id) == nullptr;
    if (departed) {
      row.cells.push_back(text("inte kund i år"));
    } else if (last != 0) {
      row.cells.push_back(Cell{percent_text(now - last, last),
                               static_cast<double>(now - last) / static_cast<double>(last),
                               NumFormat::percent, Formula{Formula::Op::change, {{r, 2}, {r, 1}}}});
    } else {
      row.cells.push_back(text("ny kund"));
    }
    std::string why = largest_part_text(b->parts);
    row.cells.push_back(text(why.empty() ? "oförändrat" : why));
    t.rows.push_back(std::move(row));
  }
  t.caption = fmt::format("Tabell. De {} kunder vars belopp ändras mest, i tkr; den största "
                          "orsaken i hela kronor.",
                          order.size());
  p.blocks.push_back(table_block(std::move(t)));
  return p;
}

// ---- Om underlaget: provenance, kept out of the body ----

Part about(const Context& cx) {
  Part p{"Om underlaget", true, {}};
  p.blocks.push_back(heading(1, "Om underlaget"));
  std::vector<std::string> files;
  for (const SupplierRound& s : cx.round.suppliers) {
    files.push_back(fmt::format("{} ({})", s.name, s.file));
  }
  int fel = 0, varning = 0, info = 0, adjusted = 0;
  for (const Finding& f : cx.in.findings) {
    fel += f.level == Level::fel;
    varning += f.level == Level::varning;
    info += f.level == Level::info;
    adjusted += f.code == "ADJUSTED";
  }
  std::vector<std::string> items = {
      fmt::format("Sammanställt med arsanalys {} ur leverantörernas årliga analys {}: {}.",
                  ARSANALYS_VERSION, cx.y, joined(files)),
      fmt::format("Kunder, volymmått, fördelningsnycklar och tjänstekatalog: {}. Omgångens "
                  "inställningar (index, alternativ, beredningens justeringar, dokumentuppgifter): "
                  "omgang.toml.",
                  cx.in.kunder != nullptr ? cx.in.kunder->file : std::string("kunder.xlsx saknas")),
      fmt::format("Kontrollernas fynd: {}, {} och {}, vart och ett med "
                  "fil, blad och cell i sammanstallning.xlsx (bladet Fynd) och i resultat.json.",
                  count_phrase(fel, "ett fel", "fel"), count_phrase(varning, "en varning", "varningar"),
                  count_phrase(info, "en upplysning", "upplysningar")),
      fmt::format("Beredningens egna siffror: {}, med källa, motivering och underlagets egen "
                  "siffra i sammanstallning.xlsx (bladet Justeringar).",
                  adjusted),
      "Varje belopp i bilagan går att spåra till sin cell i leverantörens fil genom "
      "sammanstallning.xlsx; fördelningen på kunder finns i fordelning.xlsx och i kundbeskeden."};
  p.blocks.push_back(list(std::move(items)));
  return p;
}

}  // namespace

Document build(const AnnexInput& input) {
  const Round& round = input.round;
  Context cx{input, round, round.year, sammanstallning::printed_tables(round), {}, {}, {}};
  for (std::size_t i = 0; i < round.suppliers.size(); ++i) {
    const SupplierRound& s = round.suppliers[i];
    cx.forv.push_back(supplier_rows(s, s.forvaltning, s.forvaltning_total,
                                    cx.printed.forvaltning, i, round.year));
    cx.utv.push_back(supplier_rows(s, s.utveckling, s.utveckling_total, cx.printed.utveckling,
                                   i, round.year));
    if (!cx.forv.back().total.utfall || !cx.utv.back().total.utfall) {
      cx.without_utfall.push_back(short_name(s.name));
    }
  }
  Document doc;
  doc.year = round.year;
  const sammanstallning::Bilaga& bilaga = round.settings.bilaga;
  doc.title = !bilaga.titel.empty()
                  ? bilaga.titel
                  : fmt::format("Underlag till strategisk samordningsgrupps värdering och "
                                "prioritering av digital utveckling och förvaltning {}",
                                round.year);
  std::vector<std::string> data;
  if (!bilaga.diarienummer.empty()) data.push_back("Diarienummer " + bilaga.diarienummer);
  if (!bilaga.version.empty()) data.push_back("Version " + bilaga.version);
  if (!bilaga.datum.empty()) data.push_back(bilaga.datum);
  for (const std::string& d : data) {
    doc.document_data += (doc.document_data.empty() ? "" : " · ") + d;
  }
  doc.draft = input.draft;
  if (input.draft) {
    int fel = static_cast<int>(std::count_if(input.findings.begin(), input.findings.end(),
                                             [](const Finding& f) { return f.level == Level::fel; }));
    doc.draft_text = style::draft_banner(
        fel == 1  ? std::string("Felet ska rättas innan bilagan skickas ut.")
        : fel > 1 ? fmt::format("De {} felen ska rättas innan bilagan skickas ut.", fel)
                  : std::string("Underlagen ska rättas innan bilagan skickas ut."));
  }
  SheetNames names;
  for (const char* fixed : {"Rekommendation", "Kostnadsutveckling", "Flaggor", "Alternativen",
                            "Per kund", "Förändring per kund"}) {
    names.claim(fixed);
  }
  doc.parts.push_back(recommendation(cx));
  doc.parts.push_back(costs(cx));
  // Without a catalogue every line is inside the frames (CATALOGUE_MISSING says so).
  if (round.catalogue) {
    names.claim("Utanför ramarna");
    doc.parts.push_back(outside(cx));
  }
  doc.parts.push_back(flags(cx));
  doc.parts.push_back(alternatives_intro(cx));
  for (std::size_t i = 0; i < round.suppliers.size(); ++i) {
    doc.parts.push_back(supplier_part(cx, i, names.claim(short_name(round.suppliers[i].name))));
  }
  doc.parts.push_back(per_customer(cx));
  if (input.bridge != nullptr) doc.parts.push_back(bridge_part(cx));
  doc.parts.push_back(about(cx));
  doc.parts.back().sheet = names.claim("Om underlaget");
  return doc;
}

}  // namespace arsanalys::output::annex

#include "serve/page.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "analys/amount.h"
#include "analys/submission.h"
#include "writer/html.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::serve {
namespace {

using analys::Amount;
using analys::Column;
using analys::ColumnKind;
using analys::Line;
using analys::LineKind;
using analys::Table;

std::string esc(std::string_view text) { return writer::html::escape(text); }

std::string_view level_class(Level level) {
  switch (level) {
    case Level::fel: return "fel";
    case Level::varning: return "varning";
    case Level::info: return "info";
  }
  return "info";
}

std::string_view level_word(Level level) {
  switch (level) {
    case Level::fel: return "Fel";
    case Level::varning: return "Varning";
    case Level::info: return "Info";
  }
  return "Info";
}

/// "1 fel", "2 varningar", "1 varning".
std::string count_text(int n, Level level) {
  switch (level) {
    case Level::fel: return fmt::format("{} fel", n);
    case Level::varning: return fmt::format("{} {}", n, n == 1 ? "varning" : "varningar");
    case Level::info: return fmt::format("{} info", n);
  }
  return {};
}

/// A table as the page shows it: the one used, or a coarser overview of the same.
struct View {
  const Table* table;
  bool summary;
  std::string id;  // "t0", "t1", ...
};

/// Where on the page a finding is shown beside its cell.
struct Place {
  const View* view = nullptr;   // the table it lies in, or nullptr
  std::uint32_t row = 0, col = 0;
  bool heading = false;         // on a column's heading (a year, a missing column)
  bool caption = false;         // on the table as a whole (its title)
  int proposal = -1;            // index of the 2.2 proposal it concerns, or -1
};

/// A finding with its number in the page's list (worst first) and its place.
struct Numbered {
  const Finding* f;
  int number;
  Place place;
};

std::string cell_anchor(const View& v, std::uint32_t row, std::uint32_t col) {
  return fmt::format("{}-{}", v.id, xlsx::to_string(xlsx::CellRef{row, col}));
}

/// The first row of a table's lines (its headings are above).
std::uint32_t first_line_row(const Table& t) {
  return t.lines.empty() ? t.range.last.row + 1 : t.lines.front().row;
}

Place place_of(const Finding& f, const std::vector<View>& views,
               const analys::Submission* s) {
  Place p;
  auto ref = xlsx::parse_cell_ref(f.where.cell);
  if (!ref || s == nullptr) return p;
  if (f.code == "PROPOSAL_INCOMPLETE") {
    for (std::size_t i = 0; i < s->proposals.size(); ++i) {
      const analys::Proposal& pr = s->proposals[i];
      bool mine = pr.source.sheet == f.where.sheet && pr.source.cell == f.where.cell;
      for (const auto& [id, cell] : pr.cells) {
        mine = mine || (cell.sheet == f.where.sheet && cell.cell == f.where.cell);
      }
      if (mine) {
        p.proposal = static_cast<int>(i);
        return p;
      }
    }
  }
  for (const View& v : views) {
    const Table& t = *v.table;
    if (t.sheet != f.where.sheet) continue;
    bool inside = ref->row >= t.range.first.row && ref->row <= t.range.last.row &&
                  ref->col >= t.range.first.col && ref->col <= t.range.last.col + 1;
    if (!inside) continue;
    p.view = &v;
    p.row = ref->row;
    p.col = ref->col;
    if (ref->row < first_line_row(t)) {
      bool column = std::any_of(t.columns.begin(), t.columns.end(),
                                [&](const Column& c) { return c.col == ref->col; });
      p.heading = column;
      p.caption = !column;
    } else {
      bool shown = ref->col == t.label_col ||
                   std::any_of(t.columns.begin(), t.columns.end(),
                               [&](const Column& c) { return c.col == ref->col; });
      bool line = std::any_of(t.lines.begin(), t.lines.end(),
                              [&](const Line& l) { return l.row == ref->row; });
      p.caption = !(shown && line);
    }
    return p;
  }
  return p;
}

/// A column's heading on the page: "Budget 2023", the template's heading of a text column.
std::string column_heading(const analys::TemplateDef& def, const Table& t, const Column& c) {
  std::string_view what;
  switch (c.kind) {
    case ColumnKind::utfall: what = "Utfall"; break;
    case ColumnKind::budget: what = "Budget"; break;
    case ColumnKind::prognos: what = "Prognos budget"; break;
    case ColumnKind::kostnad: what = "Kostnad"; break;
    case ColumnKind::effekt: what = "Påverkan förvaltningskostnad"; break;
    case ColumnKind::text: {
      if (const analys::TableDef* d = def.table(t.id)) {
        for (const analys::ColumnDef& cd : d->columns) {
          if (cd.kind != ColumnKind::text) continue;
          for (const std::string& w : cd.words) {
            if (c.heading.find(w) != std::string::npos) return cd.heading;
          }
        }
      }
      std::string h = c.heading;
      if (!h.empty() && h[0] >= 'a' && h[0] <= 'z') h[0] = static_cast<char>(h[0] - 32);
      return h;
    }
  }
  return c.year != 0 ? fmt::format("{} {}", what, c.year) : std::string(what);
}

/// The markers of the findings at one place, and the cell's classes and tooltip.
struct Marks {
  std::string links;    // <a class="markor">…</a>…
  std::string classes;  // " har-fynd fel"
  std::string title;    // messages, for the tooltip
};

Marks marks_of(const std::vector<const Numbered*>& found) {
  Marks m;
  if (found.empty()) return m;
  Level worst = Level::info;
  for (const Numbered* n : found) {
    worst = std::min(worst, n->f->level);
    m.links += fmt::format("<a class=\"markor {}\" href=\"#n{}\" title=\"{}: {}\">{}</a>",
                           level_class(n->f->level), n->number, level_word(n->f->level),
                           esc(n->f->message), n->number);
    m.title += (m.title.empty() ? "" : "\n") + n->f->message;
  }
  m.classes = fmt::format(" har-fynd {}", level_class(worst));
  return m;
}

/// One finding as an item of a list: level, place, message; linked to its cell on the page.
std::string finding_item(const Numbered& n, bool with_sheet, std::string_view id_prefix) {
  const Finding& f = *n.f;
  std::string where;
  if (!f.where.cell.empty()) {
    where = with_sheet ? fmt::format("{} · {}", f.where.sheet, f.where.cell) : f.where.cell;
  } else if (!f.where.sheet.empty()) {
    where = f.where.sheet;
  } else {
    where = "hela filen";
  }
  std::string target;
  if (n.place.view != nullptr && !n.place.caption) {
    target = "#" + cell_anchor(*n.place.view, n.place.row, n.place.col);
  } else if (n.place.view != nullptr) {
    target = "#" + n.place.view->id;
  } else if (n.place.proposal >= 0) {
    target = fmt::format("#p{}", n.place.proposal);
  }
  std::string place = target.empty()
                          ? fmt::format("<span class=\"var\">{}</span>", esc(where))
                          : fmt::format("<a class=\"var\" href=\"{}\">{}</a>", target, esc(where));
  return fmt::format(
      "<li class=\"fynd {0}\" id=\"{1}{2}\" value=\"{2}\"><span class=\"niva\">{3}</span> {4} "
      "<span class=\"kod\">{5}</span><span class=\"text\">{6}</span></li>\n",
      level_class(f.level), id_prefix, n.number, level_word(f.level), place, esc(f.code),
      esc(f.message));
}

/// What a cell of an amount column shows: tkr, or the text as written ("XXX", "-").
std::string figure_text(const std::optional<analys::Figure>& v) {
  if (!v) return {};
  if (v->amount.kind == Amount::Kind::amount) {
    std::string out = tkr_cell(v->amount.kronor);
    // A figure read by a guess ("134,800", "8 00 tkr") shows what was written beside it.
    if (v->amount.ambiguous && !v->written.empty()) {
      out += fmt::format(" <span class=\"skrivet\">({})</span>", esc(v->written));
    }
    return out;
  }
  if (v->written.empty()) return {};
  return fmt::format("<span class=\"ej-tal\">{}</span>", esc(v->written));
}

std::string_view row_class(LineKind kind) {
  switch (kind) {
    case LineKind::row: return "";
    case LineKind::group: return "grupp";
    case LineKind::subtotal: return "delsumma";
    case LineKind::total: return "total";
  }
  return "";
}

class Page {
 public:
  Page(const analys::TemplateDef& def, const Shown& shown)
      : def_(def), shown_(shown), c_(*shown.checked) {
    const analys::Submission* s = c_.in ? &c_.in->submission : nullptr;
    if (s != nullptr) {
      for (const Table& t : s->tables) {
        views_.push_back({&t, false, fmt::format("t{}", views_.size())});
      }
      for (const Table& t : s->summaries) {
        views_.push_back({&t, true, fmt::format("t{}", views_.size())});
      }
    }
    // Worst first; in file order within a level (the findings come sorted by place).
    std::vector<const Finding*> order;
    for (const Finding& f : c_.findings) order.push_back(&f);
    std::stable_sort(order.begin(), order.end(),
                     [](const Finding* a, const Finding* b) { return a->level < b->level; });
    for (const Finding* f : order) {
      numbered_.push_back({f, static_cast<int>(numbered_.size()) + 1, place_of(*f, views_, s)});
    }
  }

  std::string render() {
    std::string out;
    if (!c_.in) return unreadable();
    out += summary();
    out += findings_list();
    out += tables();
    out += proposals();
    return out;
  }

 private:
  int count(Level level) const {
    return static_cast<int>(std::count_if(numbered_.begin(), numbered_.end(),
                                          [&](const Numbered& n) { return n.f->level == level; }));
  }

  std::string unreadable() {
    std::string message;
    for (const Finding& f : c_.findings) {
      if (f.code == "FILE_UNREADABLE") message = f.message;
    }
    std::string advice = "Självkontrollen läser den ifyllda mallen som Excel-arbetsbok (.xlsx).";
    if (c_.failure) {
      switch (*c_.failure) {
        case ReadFailure::not_zip:
        case ReadFailure::legacy_xls:
        case ReadFailure::ole_other:
          advice += " Öppna underlaget i Excel, välj Arkiv > Spara som och filformatet "
                    "Excel-arbetsbok (*.xlsx), och kontrollera den filen.";
          break;
        case ReadFailure::encrypted:
          advice += " En lösenordsskyddad arbetsbok kan inte läsas av någon annan än den som "
                    "har lösenordet, inte heller av beredningsfunktionen.";
          break;
        case ReadFailure::too_large:
          advice += " Filen är större än vad en ifylld mall brukar vara; kontrollera att det "
                    "är rätt fil.";
          break;
        default:
          advice += " Filen verkar vara skadad. Öppna den i Excel och spara den på nytt, eller "
                    "be den som skickade den om en ny kopia.";
          break;
      }
    }
    return fmt::format(
        "<div class=\"problem\" role=\"alert\">\n<h2 id=\"resultat-rubrik\">Filen kunde inte "
        "läsas</h2>\n<p><strong class=\"fil\">{}</strong>: {}</p>\n<p>{}</p>\n{}</div>\n",
        esc(shown_.file), esc(message), esc(advice), actions(false));
  }

  std::string actions(bool with_review) const {
    std::string out = "<p class=\"atgarder\">";
    out += "<button type=\"button\" class=\"igen bara-js\" data-gor=\"igen\">Kontrollera igen"
           "</button> ";
    out += "<button type=\"button\" class=\"annan bara-js\" data-gor=\"valj\">Välj en annan fil"
           "</button>";
    out += "<a class=\"utan-js\" href=\"/#ladda\">Kontrollera en fil till</a>";
    if (with_review && shown_.review) {
      std::string stem = shown_.file;
      if (auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
      out += fmt::format(
          " <a class=\"ladda-ned\" download=\"granskning-{}.xlsx\" "
          "href=\"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;"
          "base64,{}\">Ladda ned granskningskopian (Excel)</a>",
          esc(stem), base64(*shown_.review));
    }
    out += "</p>\n";
    if (with_review && !shown_.review && !shown_.review_note.empty()) {
      out += fmt::format("<p class=\"not\">{}</p>\n", esc(shown_.review_note));
    }
    return out;
  }

  std::string summary() {
    const analys::Submission& s = c_.in->submission;
    int fel = count(Level::fel), varning = count(Level::varning), info = count(Level::info);
    std::string verdict;
    if (fel > 0) {
      verdict = fmt::format("Underlaget har {} som behöver rättas innan det lämnas in", 
                            count_text(fel, Level::fel));
      verdict += varning > 0 ? fmt::format(", och {} att se över.", count_text(varning, Level::varning))
                             : std::string(".");
    } else if (varning > 0) {
      verdict = fmt::format("Inga fel. {} att se över innan ni lämnar in.",
                            count_text(varning, Level::varning));
    } else {
      verdict = "Inga fel eller varningar. Underlaget kan lämnas in.";
    }
    std::string verdict_class = fel > 0 ? "fel" : varning > 0 ? "varning" : "klart";
    std::string supplier = esc(s.supplier);
    if (s.supplier_source.cell.empty()) {
      supplier += " <span class=\"not\">(inget namn i arbetsboken; filens namn används. Skriv "
                  "nämndens namn i fältet Leverantör.)</span>";
    }
    std::string year =
        s.year != 0
            ? fmt::format("<strong>{}</strong> <span class=\"not\">(läst ur tabellernas "
                          "rubriker)</span>",
                          s.year)
            : std::string("<span class=\"not\">kunde inte läsas ur arbetsboken: ingen kolumn "
                          "Prognos budget med årtal hittades</span>");
    int found = 0;
    for (const analys::TableDef& t : def_.tables) found += s.table(t.id) != nullptr ? 1 : 0;
    std::string out = fmt::format(
        "<h2 id=\"resultat-rubrik\">Resultat för <span class=\"fil\">{}</span></h2>\n"
        "<dl class=\"fakta\">\n<dt>Leverantör</dt><dd>{}</dd>\n<dt>Analysår</dt><dd>{}</dd>\n"
        "<dt>Mallens tabeller</dt><dd>{} av {} hittades</dd>\n"
        "<dt>Förslag enligt 2.2</dt><dd>{}</dd>\n</dl>\n",
        esc(shown_.file), supplier, year, found, def_.tables.size(), s.proposals.size());
    out += fmt::format("<p class=\"utslag {}\">{}</p>\n", verdict_class, esc(verdict));
    out += fmt::format(
        "<ul class=\"raknare\" aria-label=\"Antal fynd\"><li class=\"fel\">{}</li>"
        "<li class=\"varning\">{}</li><li class=\"info\">{}</li></ul>\n",
        count_text(fel, Level::fel), count_text(varning, Level::varning),
        count_text(info, Level::info));
    out += actions(true);
    return out;
  }

  std::string findings_list() {
    std::string out = "<section class=\"fynd-alla\" aria-labelledby=\"fynd-rubrik\">\n"
                      "<h3 id=\"fynd-rubrik\">Fynd, de allvarligaste först</h3>\n";
    if (numbered_.empty()) {
      return out + "<p>Inga fynd: kontrollerna hittade inget att anmärka på.</p>\n</section>\n";
    }
    out += "<ol class=\"fyndlista\">\n";
    for (const Numbered& n : numbered_) out += finding_item(n, true, "f");
    return out + "</ol>\n</section>\n";
  }

  std::vector<const Numbered*> at(const View& v, std::uint32_t row, std::uint32_t col,
                                  bool heading) const {
    std::vector<const Numbered*> out;
    for (const Numbered& n : numbered_) {
      if (n.place.view == &v && !n.place.caption && n.place.heading == heading &&
          n.place.col == col && (heading || n.place.row == row)) {
        out.push_back(&n);
      }
    }
    return out;
  }

  std::string table_view(const View& v) {
    const Table& t = *v.table;
    std::string title(analys::table_name(t.id).title);
    if (v.summary) title += " (översikt)";
    bool areas = std::any_of(t.lines.begin(), t.lines.end(),
                             [](const Line& l) { return !l.area.empty(); });
    bool amounts = std::any_of(t.columns.begin(), t.columns.end(),
                               [](const Column& c) { return c.kind != ColumnKind::text; });
    std::vector<const Numbered*> mine, caption;
    for (const Numbered& n : numbered_) {
      if (n.place.view != &v) continue;
      mine.push_back(&n);
      if (n.place.caption) caption.push_back(&n);
    }
    Marks cap = marks_of(caption);
    std::string out = fmt::format(
        "<section class=\"tabell\" id=\"{0}\" aria-labelledby=\"{0}-rubrik\">\n"
        "<h4 id=\"{0}-rubrik\">{1}{2}</h4>\n<p class=\"kalla\">Blad <q>{3}</q>, cellerna {4}. "
        "Rubrik i filen: <q>{5}</q>.{6}</p>\n",
        v.id, esc(title), cap.links.empty() ? "" : " " + cap.links, esc(t.sheet),
        xlsx::to_string(t.range), esc(t.title), amounts ? " Belopp i tkr." : "");
    // Findings beside a narrow table, under a wide one (3.1b's six columns of amounts).
    out += t.columns.size() > 4 ? "<div class=\"bredvid bred\">\n" : "<div class=\"bredvid\">\n";
    out += fmt::format(
        "<div class=\"tabellram\" tabindex=\"0\" role=\"region\" aria-label=\"{} som den "
        "lästes\">\n<table>\n<thead><tr><th scope=\"col\" class=\"radnr\">Rad</th>"
        "<th scope=\"col\">{}</th>",
        esc(title), v.summary ? "Område" : esc(label_heading(t)));
    if (areas) out += "<th scope=\"col\">Område</th>";
    for (const Column& c : t.columns) {
      Marks m = marks_of(at(v, 0, c.col, true));
      out += fmt::format("<th scope=\"col\" class=\"{}{}\" id=\"{}\">{}{}</th>",
                         c.kind == ColumnKind::text ? "text" : "belopp", m.classes,
                         cell_anchor(v, t.header_row, c.col), esc(column_heading(def_, t, c)),
                         m.links.empty() ? "" : " " + m.links);
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const Line& line : t.lines) {
      std::string label = line.label;
      if (label.empty() && line.kind == LineKind::subtotal) {
        label = line.area.empty() ? "Delsumma" : "Delsumma " + line.area;
      }
      if (label.empty() && line.kind == LineKind::total) label = "Summa";
      Marks lm = marks_of(at(v, line.row, t.label_col, false));
      out += fmt::format("<tr{}><td class=\"radnr\">{}</td>"
                         "<th scope=\"row\" class=\"etikett{}\" id=\"{}\">{}{}</th>",
                         line.kind == LineKind::row
                             ? std::string()
                             : fmt::format(" class=\"{}\"", row_class(line.kind)),
                         line.row + 1, lm.classes,
                         cell_anchor(v, line.row, t.label_col), esc(label),
                         lm.links.empty() ? "" : " " + lm.links);
      if (areas) out += fmt::format("<td class=\"omrade\">{}</td>", esc(line.area));
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Column& c = t.columns[i];
        Marks m = marks_of(at(v, line.row, c.col, false));
        std::string content = c.kind == ColumnKind::text
                                  ? esc(i < line.texts.size() ? line.texts[i] : std::string())
                                  : figure_text(line.values[i]);
        out += fmt::format("<td class=\"{}{}\" id=\"{}\"{}>{}{}</td>",
                           c.kind == ColumnKind::text ? "text" : "belopp", m.classes,
                           cell_anchor(v, line.row, c.col),
                           m.title.empty() ? "" : " title=\"" + esc(m.title) + "\"",
                           m.links.empty() ? "" : m.links + " ", content);
      }
      out += "</tr>\n";
    }
    if (t.lines.empty()) {
      out += fmt::format("<tr><td></td><td colspan=\"{}\" class=\"not\">Tabellen har inga rader."
                         "</td></tr>\n",
                         t.columns.size() + (areas ? 2 : 1));
    }
    out += "</tbody>\n</table>\n</div>\n";
    out += "<div class=\"tabellfynd\">\n<h5>Fynd i tabellen</h5>\n";
    if (mine.empty()) {
      out += "<p class=\"not\">Inga fynd i tabellen.</p>\n";
    } else {
      out += "<ol>\n";
      for (const Numbered* n : mine) out += finding_item(*n, false, "n");
      out += "</ol>\n";
    }
    return out + "</div>\n</div>\n</section>\n";
  }

  std::string label_heading(const Table& t) const {
    const analys::TableDef* d = def_.table(t.id);
    return d != nullptr ? d->label_heading : std::string("Rad");
  }

  std::string tables() {
    std::string out =
        "<section class=\"lasta\" aria-labelledby=\"lasta-rubrik\">\n"
        "<h3 id=\"lasta-rubrik\">Vad som lästes</h3>\n"
        "<p>Tabellerna som självkontrollen hittade, som de lästes, med beloppen i tkr. En "
        "markerad cell har ett fynd; numret leder till fyndet bredvid eller under tabellen.</p>\n";
    if (views_.empty()) out += "<p class=\"not\">Inga av mallens tabeller hittades.</p>\n";
    for (const View& v : views_) out += table_view(v);
    // Tables of the template that were not found.
    std::vector<std::string> missing;
    for (const analys::TableDef& t : def_.tables) {
      if (c_.in->submission.table(t.id) == nullptr) {
        missing.emplace_back(analys::table_name(t.id).title);
      }
    }
    if (!missing.empty()) {
      out += "<p class=\"saknas\">Hittades inte: ";
      for (std::size_t i = 0; i < missing.size(); ++i) {
        out += (i == 0 ? "" : ", ") + esc(missing[i]);
      }
      out += ".</p>\n";
    }
    return out + "</section>\n";
  }

  std::string proposals() {
    const analys::Submission& s = c_.in->submission;
    std::string out = "<section class=\"forslag\" aria-labelledby=\"forslag-rubrik\">\n"
                      "<h3 id=\"forslag-rubrik\">Förslag enligt 2.2</h3>\n";
    if (s.proposals.empty()) {
      return out + "<p class=\"not\">Inga ifyllda förslag. Tomma formulär räknas inte.</p>\n"
                   "</section>\n";
    }
    out += "<div class=\"tabellram\"><table>\n<thead><tr><th scope=\"col\">Nr</th>"
           "<th scope=\"col\">Förändringsinsats</th><th scope=\"col\" class=\"belopp\">"
           "Projektbudget (tkr)</th><th scope=\"col\">Att komplettera</th></tr></thead>\n"
           "<tbody>\n";
    for (std::size_t i = 0; i < s.proposals.size(); ++i) {
      const analys::Proposal& p = s.proposals[i];
      std::vector<const Numbered*> found;
      for (const Numbered& n : numbered_) {
        if (n.place.proposal == static_cast<int>(i)) found.push_back(&n);
      }
      // The row names the proposal: its findings without "Förslaget 'namn' " in front.
      std::string own = p.name.empty() ? fmt::format("Förslaget nr {} ", p.number)
                                       : fmt::format("Förslaget '{}' ", p.name);
      std::string lacking;
      for (const Numbered* n : found) {
        std::string text = n->f->message;
        if (text.starts_with(own) && text.size() > own.size()) {
          text = text.substr(own.size());
          if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
        }
        lacking += fmt::format("<li id=\"n{}\"><a class=\"markor {}\" href=\"#f{}\">{}</a> "
                               "{} <span class=\"var\">({})</span></li>",
                               n->number, level_class(n->f->level), n->number, n->number,
                               esc(text), esc(n->f->where.cell));
      }
      out += fmt::format(
          "<tr id=\"p{}\"><td>{}</td><th scope=\"row\">{}</th><td class=\"belopp\">{}</td>"
          "<td>{}</td></tr>\n",
          i, p.number > 0 ? std::to_string(p.number) : std::string(),
          p.name.empty() ? "<span class=\"not\">(namn saknas)</span>" : esc(p.name),
          p.budget_kr ? tkr_cell(*p.budget_kr) : std::string(),
          lacking.empty() ? std::string("<span class=\"klart\">Fullständigt</span>")
                          : "<ul>" + lacking + "</ul>");
    }
    return out + "</tbody>\n</table></div>\n</section>\n";
  }

  const analys::TemplateDef& def_;
  const Shown& shown_;
  const inputs::Checked& c_;
  std::vector<View> views_;
  std::vector<Numbered> numbered_;
};

}  // namespace

std::string tkr_cell(std::int64_t kronor) {
  std::string plain = analys::format_tkr(kronor);  // "-77 587,5 tkr"
  plain.resize(plain.size() - 4);
  std::string out;
  for (char ch : plain) {
    if (ch == ' ') {
      out += "\u202F";  // narrow no-break space: never broken, as Swedish typesetting wants
    } else if (ch == '-') {
      out += "\u2212";
    } else {
      out += ch;
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]),
         c = static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[a >> 2];
    out += kDigits[((a & 3) << 4) | (b >> 4)];
    out += kDigits[((b & 15) << 2) | (c >> 6)];
    out += kDigits[c & 63];
  }
  if (i < bytes.size()) {
    auto a = static_cast<unsigned char>(bytes[i]);
    bool two = i + 1 < bytes.size();
    auto b = two ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    out += kDigits[a >> 2];
    out += kDigits[((a & 3) << 4) | (b >> 4)];
    out += two ? kDigits[(b & 15) << 2] : '=';
    out += '=';
  }
  return out;
}

std::string result_html(const analys::TemplateDef& def, const Shown& shown) {
  return Page(def, shown).render();
}

std::string problem_html(std::string_view title, std::string_view message) {
  return fmt::format(
      "<div class=\"problem\" role=\"alert\">\n<h2 id=\"resultat-rubrik\">{}</h2>\n<p>{}</p>\n"
      "<p class=\"atgarder\"><button type=\"button\" class=\"annan bara-js\" data-gor=\"valj\">"
      "Välj en fil</button><a class=\"utan-js\" href=\"/#ladda\">Tillbaka</a></p>\n</div>\n",
      esc(title), esc(message));
}

std::string page_html(std::string_view result, std::size_t max_upload) {
  std::size_t mb = max_upload / (1024 * 1024);
  return fmt::format(
      R"(<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Självkontroll av Årlig analys – Göteborgs Stad</title>
<link rel="stylesheet" href="/stil.css">
<script src="/sida.js" defer></script>
</head>
<body>
<a class="hoppa" href="#resultat">Hoppa till resultatet</a>
<header class="sidhuvud">
<p class="avsandare">Göteborgs Stad · Gemensamma digitala tjänster</p>
<h1>Självkontroll av Årlig analys</h1>
</header>
<main>
<section class="ladda" id="ladda" aria-labelledby="ladda-rubrik">
<h2 id="ladda-rubrik">Kontrollera er ifyllda mall</h2>
<p>Välj den ifyllda mallen <em>Årlig analys</em> (Excel-arbetsbok, .xlsx). Självkontrollen läser den som beredningsfunktionen kommer att läsa den och visar vad som behöver rättas, cell för cell, innan ni lämnar in.</p>
<form id="formular" method="post" action="/granska" enctype="multipart/form-data" data-max="{0}">
<div class="slapp" id="slapp">
<label for="fil">Välj fil <span class="bara-js">eller dra hit den</span></label>
<input type="file" id="fil" name="fil" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
</div>
<button type="submit" id="kontrollera">Kontrollera</button>
</form>
<div id="forlopp" class="forlopp" hidden>
<progress id="matare" max="100"></progress>
<span id="status" role="status" aria-live="polite"></span>
</div>
<p class="integritet">Filen sparas inte. Den kontrolleras i serverns minne och glöms när svaret har skickats; inget lämnar servern. Största filstorlek {1} MB.</p>
</section>
<section id="resultat" class="resultat" tabindex="-1" aria-labelledby="resultat-rubrik">
{2}</section>
</main>
<footer class="sidfot">arsanalys {3} · självkontrollen läser och kontrollerar som <code>arsanalys validate</code></footer>
</body>
</html>
)",
      max_upload, mb, result, ARSANALYS_VERSION);
}

}  // namespace arsanalys::serve

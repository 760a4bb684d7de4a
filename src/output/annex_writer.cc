#include "output/annex_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "writer/style.h"
#include "output/annex_doc.h"
#include "writer/html.h"
#include "writer/xlsx_writer.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

using annex::Block;
using annex::Document;
using annex::Join;
using annex::NumFormat;
using annex::Part;
using annex::Table;

// ---------------------------------------------------------------- HTML

constexpr std::string_view kCss = R"css(
html { background: #ffffff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
  line-height: 1.35; color: #000000; background: #ffffff; margin: 0 auto; max-width: 176mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { max-width: none; } }
header { margin-bottom: 14pt; }
h1.titel { font-size: 17pt; margin: 0 0 6pt 0; }
h1 { font-size: 15pt; margin: 16pt 0 6pt 0; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0; }
h3 { font-size: 11.5pt; margin: 12pt 0 3pt 0; }
h4 { font-size: 10.5pt; margin: 8pt 0 2pt 0; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0 6pt 0; }
ul { margin: 4pt 0 8pt 0; padding-left: 16pt; }
li { margin-bottom: 3pt; }
section.ny-sida { break-before: page; page-break-before: always; }
.utkast { border: 2pt solid; font-weight: bold; font-size: 14pt; text-align: center;
  padding: 5pt; margin: 0 0 10pt 0; letter-spacing: 0.05em; }
.meta { font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 4pt 0; font-size: 10pt;
  break-inside: avoid; page-break-inside: avoid; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 5pt;
  border-bottom: 0.5pt solid #9e9e9e; }
th { font-weight: bold; border-bottom: 1pt solid #000000; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.omrade { padding-left: 14pt; }
tr.summa td { font-weight: bold; border-top: 1pt solid #000000; }
p.bildtext { font-size: 9.5pt; font-style: italic; margin-top: 2pt; }
p.not { font-size: 9.5pt; font-style: italic; }
div.grupp { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 82%; height: auto; display: block; }
figcaption { font-size: 9.5pt; font-style: italic; }
)css";

std::string axis_text(double v) { return annex::group(static_cast<std::int64_t>(v)); }

/// The HTML columns of a table: the index of each shown column and the columns joined to it.
std::vector<std::vector<std::size_t>> shown_columns(const Table& t) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].join == Join::none || out.empty()) out.push_back({c});
    else out.back().push_back(c);
  }
  return out;
}

bool numeric_column(const Table& t, std::size_t c) {
  return std::any_of(t.rows.begin(), t.rows.end(), [&](const annex::Row& r) {
    return c < r.cells.size() && r.cells[c].value.has_value();
  });
}

void html_table(const Table& t, std::string& out) {
  auto cols = shown_columns(t);
  out += t.first_column_bold ? "<table class=\"ram\">\n<thead><tr>" : "<table>\n<thead><tr>";
  for (std::size_t k = 0; k < cols.size(); ++k) {
    std::size_t c = cols[k][0];
    bool num = k > 0 && numeric_column(t, c);
    out += fmt::format("<th{}>{}</th>", num ? " class=\"num\"" : "",
                       html::escape(t.columns[c].heading));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const annex::Row& r : t.rows) {
    out += r.total ? "<tr class=\"summa\">" : "<tr>";
    for (std::size_t k = 0; k < cols.size(); ++k) {
      std::string text;
      bool num = false;
      for (std::size_t c : cols[k]) {
        if (c >= r.cells.size()) continue;
        const annex::Cell& cell = r.cells[c];
        if (c == cols[k][0]) {
          text = cell.text;
          num = k > 0 && (cell.value.has_value() || numeric_column(t, c) || cell.text == "–");
        } else if (!cell.text.empty()) {
          text += t.columns[c].join == Join::paren ? " (" + cell.text + ")" : " " + cell.text;
        }
      }
      const char* cls = num ? " class=\"num\"" : k == 0 && r.indent ? " class=\"omrade\"" : "";
      // What a sum or a difference is made of, as the xlsx formula says it: the cells (table
      // row, shown column) a reader can add up, so a test can check every printed sum.
      std::string made_of;
      if (cols[k][0] < r.cells.size() && r.cells[cols[k][0]].formula) {
        const annex::Formula& f = *r.cells[cols[k][0]].formula;
        if (f.op != annex::Formula::Op::change) {
          std::string refs;
          for (const auto& [row, col] : f.refs) {
            std::size_t shown = 0;
            for (std::size_t q = 0; q < cols.size(); ++q) {
              if (cols[q][0] == static_cast<std::size_t>(col)) shown = q;
            }
            refs += fmt::format("{}{},{}", refs.empty() ? "" : " ", row, shown);
          }
          made_of = fmt::format(" data-{}=\"{}\"", f.op == annex::Formula::Op::sum ? "summa" : "skillnad",
                                refs);
        }
      }
      out += fmt::format("<td{}{}>{}</td>", cls, made_of, html::escape(text));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!t.caption.empty()) out += "<p class=\"bildtext\">" + html::escape(t.caption) + "</p>\n";
}

const Table* find_table(const Part& p, const std::string& id) {
  for (const Block& b : p.blocks)
    if (b.kind == Block::Kind::table && b.table.id == id) return &b.table;
  return nullptr;
}

void html_chart(const Part& p, const annex::Chart& chart, std::string& out) {
  const Table* t = find_table(p, chart.table);
  if (t == nullptr) return;
  std::vector<std::string> categories;
  for (int c = chart.first_col; c <= chart.last_col; ++c) categories.push_back(t->columns[c].heading);
  std::vector<html::Series> series;
  std::vector<std::vector<std::string>> labels;
  std::vector<std::int64_t> totals(categories.size(), 0);
  for (int r : chart.series_rows) {
    const annex::Row& row = t->rows[r];
    html::Series s{row.cells[0].text, {}};
    std::vector<std::string> l;
    for (int c = chart.first_col; c <= chart.last_col; ++c) {
      double v = row.cells[c].value.value_or(0);
      s.values.push_back(v);
      l.push_back(row.cells[c].value ? row.cells[c].text : "");
      totals[c - chart.first_col] += static_cast<std::int64_t>(v);
    }
    series.push_back(std::move(s));
    labels.push_back(std::move(l));
  }
  std::vector<std::string> total_labels;
  for (std::int64_t v : totals) total_labels.push_back(annex::group(v));
  out += "<figure>\n";
  out += html::stacked_columns(categories, series, labels, total_labels, chart.title, "tkr",
                               &axis_text);
  out += "\n<figcaption>" + html::escape(chart.caption) + "</figcaption>\n</figure>\n";
}

void html_block(const Part& p, const Block& b, std::string& out) {
  switch (b.kind) {
    case Block::Kind::heading:
      out += fmt::format("<h{0}>{1}</h{0}>\n", b.level, html::escape(b.text));
      break;
    case Block::Kind::paragraph:
      out += "<p>" + html::escape(b.text) + "</p>\n";
      break;
    case Block::Kind::note:
      out += "<p class=\"not\">" + html::escape(b.text) + "</p>\n";
      break;
    case Block::Kind::list:
      out += "<ul>\n";
      for (const std::string& item : b.items) out += "<li>" + html::escape(item) + "</li>\n";
      out += "</ul>\n";
      break;
    case Block::Kind::table:
      html_table(b.table, out);
      break;
    case Block::Kind::chart:
      html_chart(p, b.chart, out);
      break;
  }
}

/// Text as a CSS string, quotes included: `"` and `\` escaped, line breaks and `<` as code
/// points (so no text can end the <style> element).
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += "\\A ";
    } else if (c == '<') {
      out += "\\3C ";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

/// The printed page: A4, and in its margins the draft mark, the annex's document data and
/// "Sida N av M" on every page (CSS margin boxes, which Chromium prints).
std::string page_css(const Document& doc) {
  std::string out =
      "@page { size: A4; margin: 20mm 17mm 22mm 17mm;\n"
      "  @bottom-right { content: \"Sida \" counter(page) \" av \" counter(pages);"
      " white-space: nowrap; width: 22%; font-size: 8.5pt;"
      " font-family: \"Liberation Sans\", Arial, sans-serif; }\n";
  std::string left = doc.document_data.empty() ? doc.title : doc.document_data;
  out += fmt::format(
      "  @bottom-left {{ content: {}; width: 78%; font-size: 8.5pt;"
      " font-family: \"Liberation Sans\", Arial, sans-serif; }}\n",
      css_string(left));
  if (doc.draft) {
    out += "  @top-center { content: \"UTKAST\"; font-size: 13pt; font-weight: bold;"
           " letter-spacing: 0.2em; font-family: \"Liberation Sans\", Arial, sans-serif; }\n";
  }
  return out + "}\n";
}

/// The workbooks' colours (writer/style.h) on paper too: the table headings' grey, and the
/// draft box as the workbooks' draft banner (dark red on Excel's "bad" red).
std::string palette_css() {
  return fmt::format(
      "th {{ background: #{:06x}; }}\n"
      ".utkast {{ color: #{:06x}; background: #{:06x}; border-color: #{:06x}; }}\n",
      style::kHeadingFill, style::kDraftText, style::kDraftFill, style::kDraftText);
}

std::string render_html(const Document& doc) {
  std::string title = doc.draft ? std::string(style::kDraftTitlePrefix) + doc.title : doc.title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>{}</title>\n<style>{}{}{}</style>\n</head>\n<body>\n<header>\n",
      html::escape(title), page_css(doc), kCss, palette_css());
  if (doc.draft) out += "<p class=\"utkast\">" + html::escape(doc.draft_text) + "</p>\n";
  out += "<h1 class=\"titel\">" + html::escape(doc.title) + "</h1>\n";
  if (!doc.document_data.empty()) {
    out += "<p class=\"meta\">" + html::escape(doc.document_data) + "</p>\n";
  }
  out += "<p class=\"meta\">Belopp i tkr, utan index, avrundade till hundratal tkr där inget "
         "annat anges.</p>\n";
  out += "</header>\n";
  bool first = true;
  for (const Part& p : doc.parts) {
    if (!p.html) continue;
    out += p.new_page && !first ? "<section class=\"del ny-sida\">\n" : "<section class=\"del\">\n";
    first = false;
    for (std::size_t i = 0; i < p.blocks.size(); ++i) {
      const Block& b = p.blocks[i];
      if (!b.html) continue;
      // A small heading is kept on the page of the table it introduces.
      std::size_t table = i;
      if (b.kind == Block::Kind::heading && b.level >= 3) {
        for (std::size_t j = i + 1; j < p.blocks.size() && j <= i + 4; ++j) {
          if (p.blocks[j].kind == Block::Kind::heading) break;
          if (p.blocks[j].kind == Block::Kind::table) {
            table = j;
            break;
          }
        }
      }
      if (table == i) {
        html_block(p, b, out);
        continue;
      }
      out += "<div class=\"grupp\">\n";
      for (std::size_t j = i; j <= table; ++j)
        if (p.blocks[j].html) html_block(p, p.blocks[j], out);
      out += "</div>\n";
      i = table;
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

// ---------------------------------------------------------------- xlsx


using style::Look;

std::string_view number_format(NumFormat f) {
  switch (f) {
    case NumFormat::tkr:
      return style::kTkrWhole;
    case NumFormat::tkr_suffix:
      return style::kTkrSuffix;
    case NumFormat::tkr_marked:
      return style::kTkrMarked;
    case NumFormat::percent:
      return style::kPercent;
    case NumFormat::count:
      return style::kCount;
  }
  return "";
}

std::string a1(std::uint32_t row, std::uint32_t col) {
  return xlsx::to_string(xlsx::CellRef{row, col});
}

/// The formula text of a cell of a table whose data starts at sheet row `first`.
std::string formula_text(const annex::Formula& f, std::uint32_t first) {
  auto ref = [&](const std::pair<int, int>& rc) {
    return a1(first + static_cast<std::uint32_t>(rc.first), static_cast<std::uint32_t>(rc.second));
  };
  switch (f.op) {
    case annex::Formula::Op::sum: {
      bool contiguous = f.refs.size() > 1;
      for (std::size_t k = 1; k < f.refs.size() && contiguous; ++k) {
        contiguous = f.refs[k].second == f.refs[0].second &&
                     f.refs[k].first == f.refs[k - 1].first + 1;
      }
      if (contiguous) return fmt::format("SUM({}:{})", ref(f.refs.front()), ref(f.refs.back()));
      std::string out = "SUM(";
      for (std::size_t k = 0; k < f.refs.size(); ++k) out += (k ? "," : "") + ref(f.refs[k]);
      return out + ")";
    }
    case annex::Formula::Op::diff:
      return fmt::format("{}-{}", ref(f.refs[0]), ref(f.refs[1]));
    case annex::Formula::Op::change:
      return fmt::format("{}/{}-1", ref(f.refs[0]), ref(f.refs[1]));
  }
  return "";
}

/// Text for an Excel page header or footer: '&' doubled, at most `max` characters.
std::string header_text(std::string_view text, std::size_t max) {
  std::string out;
  for (char ch : text) {
    if (ch == '&') out += '&';
    out += ch;
  }
  if (out.size() > max) {
    out.resize(max);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    if (!out.empty() && out.back() == '&') out.pop_back();
  }
  return out;
}

class SheetOut {
 public:
  SheetOut(XlsxBook& book, Formats& formats, const Part& part, const Document& doc)
      : book_(book), formats_(formats), name_(part.sheet),
        ws_(book.add_sheet(part.sheet)) {
    // Column widths: the widest wish of any table per column, the label column wide.
    widths_.assign(4, 14);
    widths_[0] = 48;
    const std::vector<annex::Column>* first_columns = nullptr;
    for (const Block& b : part.blocks) {
      if (b.kind != Block::Kind::table || !b.xlsx) continue;
      for (std::size_t c = 0; c < b.table.columns.size(); ++c) {
        if (c >= widths_.size()) widths_.resize(c + 1, 14);
        widths_[c] = std::max(widths_[c], b.table.columns[c].width);
      }
      // Headings stay in view only when every table of the sheet has the same columns.
      if (first_columns == nullptr) {
        first_columns = &b.table.columns;
      } else if (!same_headings(*first_columns, b.table.columns)) {
        same_columns_ = false;
      }
    }
    for (std::size_t c = 0; c < widths_.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      book_.check(worksheet_set_column(ws_, col, col, widths_[c], nullptr), "sätta kolumnbredd");
    }
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    // Printed: the draft mark at the top, the document data and the page at the foot, as in
    // the PDF (Excel's header and footer hold at most 255 characters).
    if (doc.draft) {
      book_.check(worksheet_set_header(ws_, style::kDraftHeader), "sätta sidhuvud");
    }
    std::string left = doc.document_data.empty() ? doc.title : doc.document_data;
    std::string footer = "&L&8" + header_text(left, 200) + "&R&8Sida &P av &N";
    book_.check(worksheet_set_footer(ws_, footer.c_str()), "sätta sidfot");
  }

  /// The filter over the sheet's longest table (one filter per sheet in Excel), its rows
  /// without the closing totals.
  void finish() {
    if (longest_.rows < kFilterRows) return;
    book_.check(worksheet_autofilter(ws_, longest_.head, 0, longest_.last,
                                     static_cast<lxw_col_t>(longest_.cols - 1)),
                "sätta filter");
  }

  void draft(const std::string& text) {
    paragraph(text, style::banner_look());
    ++row_;
  }
  void title(const std::string& text) {
    paragraph(text, Look{.bold = true, .size = 16});  // wrapped within the printed width
    ++row_;
  }

  void block(const Block& b) {
    switch (b.kind) {
      case Block::Kind::heading:
        if (b.level <= 2 && row_ > 0) ++row_;
        write_text(row_++, 0, b.text,
                   Look{.bold = true, .italic = b.level >= 4,
                        .size = b.level == 1 ? 15.0 : b.level == 2 ? 13.0 : 11.0});
        break;
      case Block::Kind::paragraph:
        paragraph(b.text, Look{});
        break;
      case Block::Kind::note:
        paragraph(b.text, style::note_look());
        break;
      case Block::Kind::list:
        for (const std::string& item : b.items) paragraph("• " + item, Look{});
        break;
      case Block::Kind::table:
        table(b.table);
        break;
      case Block::Kind::chart:
        chart(b.chart);
        break;
    }
  }

 private:
  void write_text(std::uint32_t row, std::uint32_t col, const std::string& text, const Look& look) {
    book_.check(worksheet_write_string(ws_, row, static_cast<lxw_col_t>(col), text.c_str(),
                                       formats_(look)),
                "skriva text");
  }

  /// Text across the first columns, wrapped, the row as high as it needs.
  void paragraph(const std::string& text, Look look) {
    look.wrap = true;
    lxw_col_t last = 3;
    double width = 0;
    for (lxw_col_t c = 0; c <= last; ++c) width += widths_[c];
    book_.check(worksheet_merge_range(ws_, row_, 0, row_, last, text.c_str(), formats_(look)),
                "slå ihop celler");
    std::size_t lines = lines_needed(text, width * (look.size > 11 ? 11 / look.size : 1.0));
    double line = look.size > 11 ? look.size * 1.4 : kLineHeight;
    if (lines > 1 || look.size > 11) {
      book_.check(worksheet_set_row(ws_, row_, line * static_cast<double>(lines), nullptr),
                  "sätta radhöjd");
    }
    ++row_;
  }

  void table(const Table& t) {
    std::uint32_t head = row_++;
    std::size_t head_lines = 1;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      write_text(head, static_cast<std::uint32_t>(c), t.columns[c].heading,
                 style::heading_look());
      head_lines = std::max(head_lines, lines_needed(t.columns[c].heading, widths_[c]));
    }
    if (head_lines > 1) {
      book_.check(worksheet_set_row(ws_, head, kLineHeight * static_cast<double>(head_lines), nullptr),
                  "sätta radhöjd");
    }
    std::uint32_t first = row_;
    if (!t.id.empty()) tables_[t.id] = {head, first};
    if (!frozen_ && same_columns_ && head <= kFreezeAtMost) {
      // Every table of the sheet has these columns: their headings stay in view and are
      // printed on every page.
      worksheet_freeze_panes(ws_, head + 1, 0);
      book_.check(worksheet_repeat_rows(ws_, head, head), "sätta utskriftsrubriker");
    }
    frozen_ = true;  // only the first table's headings
    std::size_t data_rows = t.rows.size();  // the rows before the closing totals
    while (data_rows > 0 && t.rows[data_rows - 1].total) --data_rows;
    if (data_rows > longest_.rows && !t.columns.empty()) {
      longest_ = {head, first + static_cast<std::uint32_t>(data_rows) - 1, data_rows,
                  t.columns.size()};
    }
    for (const annex::Row& r : t.rows) {
      std::size_t lines = 1;  // the row as high as its longest wrapped text needs
      for (std::size_t c = 0; c < t.columns.size() && c < r.cells.size(); ++c) {
        if (!r.cells[c].value && !r.cells[c].text.empty()) {
          lines = std::max(lines, lines_needed(r.cells[c].text, widths_[c]));
        }
      }
      if (lines > 1) {
        double high = kLineHeight * static_cast<double>(std::min<std::size_t>(lines, 20));
        book_.check(worksheet_set_row(ws_, row_, high, nullptr), "sätta radhöjd");
      }
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        Look look{.bold = r.total, .rule = r.total,
                  .indent = static_cast<std::uint8_t>(c == 0 && r.indent ? 1 : 0)};
        const annex::Cell* cell = c < r.cells.size() ? &r.cells[c] : nullptr;
        if (cell == nullptr || (!cell->value && cell->text.empty())) {
          if (r.total) book_.check(worksheet_write_blank(ws_, row_, col, formats_(look)), "formatera cell");
          continue;
        }
        if (!cell->value) {
          look.wrap = true;
          write_text(row_, col, cell->text, look);
          continue;
        }
        look.number = number_format(cell->format);
        if (cell->formula && !cell->formula->refs.empty()) {
          std::string f = "=" + formula_text(*cell->formula, first);
          book_.check(worksheet_write_formula_num(ws_, row_, col, f.c_str(), formats_(look),
                                                  *cell->value),
                      "skriva formel");
        } else {
          book_.check(worksheet_write_number(ws_, row_, col, *cell->value, formats_(look)),
                      "skriva tal");
        }
      }
      ++row_;
    }
    if (!t.caption.empty()) paragraph(t.caption, style::note_look());
    ++row_;
  }

  void chart(const annex::Chart& c) {
    auto it = tables_.find(c.table);
    if (it == tables_.end()) return;
    auto [head, first] = it->second;
    lxw_chart* chart = workbook_add_chart(book_.get(), LXW_CHART_COLUMN_STACKED);
    if (chart == nullptr) book_.check(LXW_ERROR_MEMORY_MALLOC_FAILED, "skapa diagram");
    std::size_t k = 0;
    for (int r : c.series_rows) {
      lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
      auto row = first + static_cast<lxw_row_t>(r);
      chart_series_set_categories(s, name_.c_str(), head, static_cast<lxw_col_t>(c.first_col),
                                  head, static_cast<lxw_col_t>(c.last_col));
      chart_series_set_values(s, name_.c_str(), row, static_cast<lxw_col_t>(c.first_col), row,
                              static_cast<lxw_col_t>(c.last_col));
      chart_series_set_name_range(s, name_.c_str(), row, 0);
      lxw_chart_fill fill{};
      fill.color = style::kChartFills[k++ % 2];  // the two blues
      chart_series_set_fill(s, &fill);
    }
    chart_title_set_name(chart, c.title.c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_num_format(chart->y_axis, "#,##0");
    chart_axis_set_min(chart->y_axis, 0);  // stacked columns read wrong from a cut axis
    lxw_chart_options options{};
    options.x_scale = 1.4;
    options.y_scale = 1.1;
    book_.check(worksheet_insert_chart_opt(ws_, row_, 0, chart, &options), "infoga diagram");
    row_ += 22;
    paragraph(c.caption, style::note_look());
    ++row_;
  }

  static bool same_headings(const std::vector<annex::Column>& a,
                            const std::vector<annex::Column>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t c = 0; c < a.size(); ++c)
      if (a[c].heading != b[c].heading) return false;
    return true;
  }

  /// A table of this many rows or more gets the sheet's filter.
  static constexpr std::size_t kFilterRows = 10;
  /// The first table's headings stay in view when no more than this many rows are above it.
  static constexpr std::uint32_t kFreezeAtMost = 12;

  struct Span {
    std::uint32_t head = 0, last = 0;
    std::size_t rows = 0, cols = 0;
  };

  XlsxBook& book_;
  Formats& formats_;
  std::string name_;
  lxw_worksheet* ws_;
  std::vector<double> widths_;
  bool same_columns_ = true;
  bool frozen_ = false;
  Span longest_;
  std::uint32_t row_ = 0;
  std::map<std::string, std::pair<std::uint32_t, std::uint32_t>> tables_;  // id -> head, first
};

std::string render_xlsx(const Document& doc) {
  XlsxBook book("Beslutsbilagan", "beslutsbilaga");
  book.set_properties({doc.draft ? std::string(style::kDraftTitlePrefix) + doc.title : doc.title,
                       "Beslutsbilaga",
                       new_year(doc.year > 0 ? doc.year : 2000)});
  Formats formats(book);
  bool first = true;
  for (const Part& p : doc.parts) {
    SheetOut sheet(book, formats, p, doc);
    if (doc.draft) sheet.draft(doc.draft_text);
    if (first) sheet.title(doc.title);
    first = false;
    for (const Block& b : p.blocks)
      if (b.xlsx) sheet.block(b);
    sheet.finish();
  }
  return book.finish();
}

}  // namespace

std::string beslutsbilaga_html(const AnnexInput& input) {
  return render_html(annex::build(input));
}

std::string beslutsbilaga_xlsx(const AnnexInput& input) {
  return render_xlsx(annex::build(input));
}

}  // namespace arsanalys::output

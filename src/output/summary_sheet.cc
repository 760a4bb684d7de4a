#include "output/summary_sheet.h"

#include <fmt/format.h>

#include <algorithm>

#include "xlsx/cell_ref.h"

namespace arsanalys::output::summary {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
std::string_view tkr_format(std::int64_t kronor) {
  return kronor % 1000 == 0 ? kTkrWhole : kTkrExact;
}

std::string a1(lxw_row_t row, lxw_col_t col) { return xlsx::to_string(xlsx::CellRef{row, col}); }

std::string sum_of(lxw_col_t col, lxw_row_t first, lxw_row_t last) {
  return fmt::format("SUM({}:{})", a1(first, col), a1(last, col));
}

Sheet::Sheet(XlsxBook& book, Formats& formats, std::string name, bool draft, lxw_col_t banner_cols)
    : book_(book), formats_(formats), name_(std::move(name)), ws_(book.add_sheet(name_)) {
  if (!draft) return;
  const Look banner = style::banner_look();
  const std::string banner_text = style::draft_banner(style::kDraftSummary);
  lxw_col_t last = std::max<lxw_col_t>(banner_cols, 1) - 1;
  if (last == 0) {
    text(0, 0, banner_text, banner);
  } else {
    book_.check(worksheet_merge_range(ws_, 0, 0, 0, last, banner_text.c_str(), formats_(banner)),
                "slå ihop celler");
  }
  book_.check(worksheet_set_header(ws_, style::kDraftHeader), "sätta sidhuvud");
  top_ = 1;
}

void Sheet::text(lxw_row_t row, lxw_col_t col, const std::string& text, const Look& look) {
  book_.check(worksheet_write_string(ws_, row, col, text.c_str(), formats_(look)), "skriva text");
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double value, const Look& look) {
  book_.check(worksheet_write_number(ws_, row, col, value, formats_(look)), "skriva tal");
}

void Sheet::blank(lxw_row_t row, lxw_col_t col, const Look& look) {
  book_.check(worksheet_write_blank(ws_, row, col, formats_(look)), "formatera cell");
}

void Sheet::kronor(lxw_row_t row, lxw_col_t col, std::optional<std::int64_t> kronor, Look look) {
  if (!kronor) {
    look.number = kTkrWhole;
    blank(row, col, look);
    return;
  }
  look.number = tkr_format(*kronor);
  number(row, col, static_cast<double>(*kronor) / 1000.0, look);
}

void Sheet::formula_kr(lxw_row_t row, lxw_col_t col, const std::string& formula_text,
                       std::int64_t cached, Look look) {
  look.number = tkr_format(cached);
  formula(row, col, formula_text, static_cast<double>(cached) / 1000.0, look);
}

void Sheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula_text, double cached,
                    const Look& look) {
  std::string f = "=" + formula_text;
  book_.check(worksheet_write_formula_num(ws_, row, col, f.c_str(), formats_(look), cached),
              "skriva formel");
}

void Sheet::link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& text) {
  std::string url = "internal:" + sheet_ref(sheet, "A1");
  book_.check(worksheet_write_url_opt(ws_, row, col, url.c_str(), nullptr, text.c_str(), nullptr),
              "skriva länk");
}

void Sheet::paragraph(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                      double width, const Look& look) {
  Look wrapped = look;
  wrapped.wrap = true;
  if (first == last) {
    this->text(row, first, text, wrapped);
  } else {
    book_.check(worksheet_merge_range(ws_, row, first, row, last, text.c_str(), formats_(wrapped)),
                "slå ihop celler");
  }
  height(row, lines_needed(text, width));
}

void Sheet::merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text,
                   const Look& look) {
  if (first == last) {
    this->text(row, first, text, look);
    return;
  }
  book_.check(worksheet_merge_range(ws_, row, first, row, last, text.c_str(), formats_(look)),
              "slå ihop celler");
}

void Sheet::headings(lxw_row_t row, lxw_col_t first, const std::vector<std::string>& texts) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto col = static_cast<lxw_col_t>(first + i);
    text(row, col, texts[i], kHeading);
    // Bold headings break at words: measured in a narrower column to be safe.
    lines = std::max(lines, lines_needed(texts[i], width_of(col) * 0.8));
  }
  height(row, lines);
}

void Sheet::widths(const std::vector<double>& chars) {
  widths_ = chars;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    auto col = static_cast<lxw_col_t>(i);
    book_.check(worksheet_set_column(ws_, col, col, chars[i], nullptr), "sätta kolumnbredd");
  }
}

double Sheet::width_of(lxw_col_t col) const { return col < widths_.size() ? widths_[col] : 10; }

void Sheet::height(lxw_row_t row, std::size_t lines) {
  if (lines <= 1) return;
  book_.check(worksheet_set_row(ws_, row, kLineHeight * static_cast<double>(lines), nullptr),
              "sätta radhöjd");
}

void Sheet::freeze(lxw_row_t row, lxw_col_t col) { worksheet_freeze_panes(ws_, row, col); }

void Sheet::autofilter(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                       lxw_col_t last_col) {
  book_.check(worksheet_autofilter(ws_, first_row, first_col, last_row, last_col), "sätta filter");
}

void Sheet::print_wide(lxw_row_t repeat_first, lxw_row_t repeat_last, std::uint16_t pages) {
  worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, 9);  // A4
  worksheet_fit_to_pages(ws_, pages, 0);
  book_.check(worksheet_repeat_rows(ws_, repeat_first, repeat_last), "upprepa rubrikrader");
}

void Sheet::repeat_columns(lxw_col_t first, lxw_col_t last) {
  book_.check(worksheet_repeat_columns(ws_, first, last), "upprepa kolumner");
}

}  // namespace arsanalys::output::summary

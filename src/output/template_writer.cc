#include "output/template_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "core/file_io.h"
#include "writer/style.h"
#include "writer/xlsx_writer.h"

namespace arsanalys::output {
using namespace writer;  // NOLINT: the writing machinery is this file's vocabulary
namespace {

namespace fs = std::filesystem;
using analys::ColumnKind;
using analys::TableDef;
using analys::TemplateDef;

// The instruction sheet comes first; every other sheet is one of TemplateDef::sheets.
constexpr std::string_view kInstructionsSheet = "Instruktioner";
constexpr std::string_view kAnalysisLabel = "Leverantörens analys";

// Row heights of the analysis fields, in lines: a section's own text needs room.
constexpr std::size_t kAnalysisLines = 8;
constexpr std::size_t kLongAnalysisLines = 26;  // a sheet of its own (section 4); Excel's
                                                // highest row is 409 points

void check(lxw_error error, std::string_view what) { check_lxw(error, "Mallen", what); }

/// The cell formats the template uses, made from the shared looks (writer/style.h). Input
/// cells are unlocked: the sheets are protected (without a password), so headings and totals
/// stay as they are.
struct TemplateFormats {
  lxw_format* heading;        // the workbook's title, a section's heading (1, 2, 4)
  lxw_format* table_title;    // a table's title, a subsection's heading (1.1, 2.2)
  lxw_format* bold;           // labels on the instruction sheet, "Leverantörens analys"
  lxw_format* header;         // column headings and group headings
  lxw_format* input_label;    // a table's label column (service, initiative)
  lxw_format* input_amount;   // an amount in tkr
  lxw_format* input_text;     // free text in a table or form
  lxw_format* year;           // the analysis year on the instruction sheet (not an input)
  lxw_format* total_label;    // Totalkostnad
  lxw_format* total_amount;   // the SUM formulas
  lxw_format* form_title;     // Föreslagen förändringsinsats N
  lxw_format* form_label;     // a field's label
  lxw_format* form_required;  // a required field's label (bold)
  lxw_format* form_part;      // a heading inside a form ("Informationssäkerhet")
  lxw_format* wrap;           // instruction lines, guidance under a heading
  lxw_format* note;           // a note under a table (italic)
  lxw_format* number;         // instruction line numbers

  explicit TemplateFormats(Formats& f) {
    using style::Look;
    heading = f(style::title_look());
    table_title = f(style::subtitle_look());
    bold = f(style::bold_look());
    Look head = style::heading_look();
    head.center = head.middle = true;
    header = f(head);
    const Look input = style::input_look();
    input_label = f(input);
    Look amount = input;
    amount.number = style::kTkrWhole;  // amounts in tkr, whole (Swedish Excel shows "1 234")
    input_amount = f(amount);
    Look text = input;
    text.wrap = true;
    input_text = f(text);
    year = f(Look{.left = true});
    // A total the supplier's rows add up to: a thin line above, a double line below.
    Look total{.bold = true, .rule = true, .double_under = true};
    total_label = f(total);
    total.number = style::kTkrWhole;
    total_amount = f(total);
    Look form = style::subtitle_look();
    form.fill = style::kInfoFill;
    form.boxed = true;
    form_title = f(form);
    form_label = f(Look{.wrap = true, .boxed = true});
    form_required = f(Look{.bold = true, .wrap = true, .boxed = true});
    form_part = f(Look{.bold = true, .italic = true, .fill = style::kHeadingFill, .boxed = true});
    wrap = f(Look{.wrap = true});
    Look explain = style::note_look();
    explain.wrap = true;
    note = f(explain);
    number = f(Look{.right = true});
  }
};

/// Thin wrappers that turn libxlsxwriter's error codes into RunError.
void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
         lxw_format* format) {
  check(worksheet_write_string(ws, row, col, text.c_str(), format), "skriva text");
}
void put_blank(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, lxw_format* format) {
  check(worksheet_write_blank(ws, row, col, format), "formatera cell");
}
void width(lxw_worksheet* ws, lxw_col_t first, lxw_col_t last, double chars) {
  check(worksheet_set_column(ws, first, last, chars, nullptr), "sätta kolumnbredd");
}

/// Gives a row the height of `lines` lines of text. Neither Excel nor LibreOffice fits the
/// height of a row with wrapped text when it opens a file.
void set_lines(lxw_worksheet* ws, lxw_row_t row, std::size_t lines) {
  if (lines > 1) {
    check(worksheet_set_row(ws, row, kLineHeight * static_cast<double>(lines), nullptr),
          "sätta radhöjd");
  }
}

std::string range_name(lxw_row_t first_row, lxw_col_t col, lxw_row_t last_row) {
  char buffer[64];
  lxw_rowcol_to_range(buffer, first_row, col, last_row, col);
  return buffer;
}

/// Amount cells take any number, negatives included (an "ambition adjustment" is negative).
void validate_amounts(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col) {
  static char error_title[] = "Belopp i tkr";
  static char error_message[] =
      "Skriv beloppet i tkr som ett tal, t.ex. 1500 eller -200, utan \"tkr\" eller annan text.";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_DECIMAL;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = -1e12;
  v.maximum_number = 1e12;
  v.error_title = error_title;
  v.error_message = error_message;
  check(worksheet_data_validation_range(ws, first, col, last, col, &v), "datavalidering");
}

/// A JA / NEJ list on one cell.
void validate_yes_no(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col) {
  static char yes[] = "JA";
  static char no[] = "NEJ";
  static char* list[] = {yes, no, nullptr};
  static char error_title[] = "JA eller NEJ";
  static char error_message[] =
      "Svara JA eller NEJ (välj i listan). Skriv kommentaren i kolumnen Kommentar.";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = list;
  v.error_title = error_title;
  v.error_message = error_message;
  check(worksheet_data_validation_cell(ws, row, col, &v), "datavalidering");
}

bool is_amount(const analys::ColumnDef& c) { return c.kind != ColumnKind::text; }

/// Column widths (in characters) of a sheet of tables: the label column, then the others.
struct Widths {
  double label = 48;
  double other = 14;
};

/// The group heading row above the column headings, with each run of one group merged.
void write_groups(lxw_worksheet* ws, lxw_row_t row, const TableDef& t, const Widths& w,
                  const TemplateFormats& s) {
  std::size_t lines = 1;
  put_blank(ws, row, 0, s.header);
  std::size_t i = 0;
  while (i < t.columns.size()) {
    std::size_t j = i;
    while (j + 1 < t.columns.size() && t.columns[j + 1].group == t.columns[i].group) ++j;
    auto first = static_cast<lxw_col_t>(i + 1);
    auto last = static_cast<lxw_col_t>(j + 1);
    const std::string& group = t.columns[i].group;
    lines = std::max(lines, lines_needed(group, w.other * static_cast<double>(j - i + 1)));
    if (first == last) {
      put(ws, row, first, group, s.header);
    } else {
      check(worksheet_merge_range(ws, row, first, row, last, group.c_str(), s.header),
            "slå ihop celler");
    }
    i = j + 1;
  }
  set_lines(ws, row, lines);
}

/// Writes one table from `row` on: title, headings, blank input rows, total. Returns the row
/// after it.
lxw_row_t write_table(lxw_worksheet* ws, lxw_row_t row, const TableDef& t, int year,
                      const Widths& w, const TemplateFormats& s, lxw_row_t* header_row) {
  put(ws, row++, 0, analys::expand(t.title, year), s.table_title);
  bool grouped = false;
  for (const auto& c : t.columns) grouped = grouped || !c.group.empty();
  if (grouped) write_groups(ws, row++, t, w, s);
  *header_row = row;
  put(ws, row, 0, t.label_heading, s.header);
  std::size_t lines = lines_needed(t.label_heading, w.label);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    std::string heading = analys::expand(c.heading, year + c.year_offset);
    put(ws, row, static_cast<lxw_col_t>(i + 1), heading, s.header);
    lines = std::max(lines, lines_needed(heading, w.other));
  }
  set_lines(ws, row, lines);
  ++row;
  lxw_row_t first = row;
  lxw_row_t last = row + static_cast<lxw_row_t>(t.blank_rows) - 1;
  for (; row < first + static_cast<lxw_row_t>(t.blank_rows); ++row) {
    put_blank(ws, row, 0, is_amount(t.columns.front()) ? s.input_label : s.input_text);
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      put_blank(ws, row, static_cast<lxw_col_t>(i + 1),
                is_amount(t.columns[i]) ? s.input_amount : s.input_text);
    }
  }
  for (std::size_t i = 0; i < t.columns.size() && t.blank_rows > 0; ++i) {
    if (is_amount(t.columns[i])) validate_amounts(ws, first, last, static_cast<lxw_col_t>(i + 1));
  }
  if (t.total_label.empty()) return row;
  put(ws, row, 0, t.total_label, s.total_label);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    auto col = static_cast<lxw_col_t>(i + 1);
    if (!is_amount(t.columns[i])) {
      put_blank(ws, row, col, s.total_label);
    } else if (t.blank_rows == 0) {
      check(worksheet_write_number(ws, row, col, 0, s.total_amount), "skriva summa");
    } else {
      std::string formula = fmt::format("=SUM({})", range_name(first, col, last));
      check(worksheet_write_formula_num(ws, row, col, formula.c_str(), s.total_amount, 0),
            "skriva summa");
    }
  }
  return row + 1;
}

/// Protects a sheet without a password: the unlocked input cells can be filled in, rows
/// inserted (above a table's last empty row, as the instructions say) and deleted where all
/// their cells are inputs, columns and rows resized; headings, years and totals stay.
void protect(lxw_worksheet* ws) {
  lxw_protection options{};
  options.format_columns = 1;
  options.format_rows = 1;
  options.insert_rows = 1;
  options.delete_rows = 1;
  worksheet_protect(ws, nullptr, &options);
}

/// Printed landscape on A4, one page wide.
void print_wide(lxw_worksheet* ws) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
}

void write_instructions(lxw_worksheet* ws, const TemplateDef& def, int year, const TemplateFormats& s) {
  constexpr double kTextWidth = 100;
  width(ws, 0, 0, 14);
  width(ws, 1, 1, kTextWidth);
  worksheet_fit_to_pages(ws, 1, 0);
  put(ws, 0, 0, fmt::format("{} av digital utveckling och förvaltning {}", def.name, year),
      s.heading);
  put(ws, 2, 0, "Leverantör", s.bold);
  put_blank(ws, 2, 1, s.input_text);
  put(ws, 3, 0, "Analysår", s.bold);
  check(worksheet_write_number(ws, 3, 1, year, s.year), "skriva år");
  put(ws, 5, 0, "Så fyller ni i mallen", s.table_title);
  lxw_row_t row = 6;
  for (std::size_t i = 0; i < def.instructions.size(); ++i, ++row) {
    put(ws, row, 0, fmt::format("{}.", i + 1), s.number);
    std::string line = analys::expand(def.instructions[i], year);
    put(ws, row, 1, line, s.wrap);
    set_lines(ws, row, lines_needed(line, kTextWidth));
  }
  protect(ws);
}

/// What a sheet of the template holds, for its column widths and the width of its text.
struct SheetShape {
  std::vector<double> widths;  // characters, column A first
  lxw_col_t last = 3;          // the last column text and analysis fields span

  double total(lxw_col_t upto) const {
    double w = 0;
    for (lxw_col_t c = 0; c <= upto && c < widths.size(); ++c) w += widths[c];
    return w;
  }
};

SheetShape shape_of(const analys::SheetDef& sheet, const TemplateDef& def) {
  for (const analys::PartDef& p : sheet.parts) {
    if (p.proposals) return {{60, 50, 45}, 2};
    if (const TableDef* t = def.table(p.table)) {
      bool amounts = std::any_of(t->columns.begin(), t->columns.end(), is_amount);
      auto last = static_cast<lxw_col_t>(t->columns.size());
      if (!amounts) return {std::vector<double>(t->columns.size() + 1, 40), last};
      std::vector<double> w(t->columns.size() + 1, 14);
      w[0] = 48;
      return {w, last};
    }
  }
  std::size_t columns = 4;
  for (const analys::PartDef& p : sheet.parts) columns = std::max(columns, p.columns.size());
  std::vector<double> w(columns, 40);
  w[0] = 45;
  return {w, static_cast<lxw_col_t>(columns - 1)};
}

/// `text` across columns A..last of a row, wrapped, the row as high as it needs.
void put_wide(lxw_worksheet* ws, lxw_row_t row, const SheetShape& shape, const std::string& text,
              lxw_format* format) {
  if (shape.last == 0) {
    put(ws, row, 0, text, format);
  } else {
    check(worksheet_merge_range(ws, row, 0, row, shape.last, text.c_str(), format),
          "slå ihop celler");
  }
  set_lines(ws, row, lines_needed(text, shape.total(shape.last)));
}

/// A table of free text: the headings, then empty input rows. Returns the row after it.
lxw_row_t write_text_table(lxw_worksheet* ws, lxw_row_t row, const analys::PartDef& p,
                           const SheetShape& shape, const TemplateFormats& s) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    auto col = static_cast<lxw_col_t>(i);
    put(ws, row, col, p.columns[i], s.header);
    lines = std::max(lines, lines_needed(p.columns[i], shape.widths[i] * 0.8));
  }
  set_lines(ws, row, lines);
  ++row;
  for (int r = 0; r < p.rows; ++r, ++row) {
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
      put_blank(ws, row, static_cast<lxw_col_t>(i), s.input_text);
    }
  }
  if (!p.note.empty()) put_wide(ws, row++, shape, p.note, s.note);
  return row;
}

/// Blocks of a form: a title row, then each label with its answer beside it.
lxw_row_t write_form_blocks(lxw_worksheet* ws, lxw_row_t row, const analys::PartDef& p,
                            int year, const SheetShape& shape, const TemplateFormats& s) {
  for (int n = 1; n <= p.forms; ++n) {
    put(ws, row, 0, analys::expand(p.form, year, n), s.form_title);
    put_blank(ws, row, 1, s.form_title);
    ++row;
    for (const std::string& label : p.fields) {
      put(ws, row, 0, label, s.form_label);
      set_lines(ws, row, lines_needed(label, shape.widths[0]));
      put_blank(ws, row, 1, s.input_text);
      ++row;
    }
    ++row;
  }
  return row;
}

/// The 2.2 forms, TemplateLayout::forms of them.
lxw_row_t write_proposals(lxw_worksheet* ws, lxw_row_t row, const TemplateDef& def,
                          const TemplateLayout& layout, const SheetShape& shape, const TemplateFormats& s) {
  for (int n = 1; n <= layout.forms; ++n) {
    put(ws, row, 0, analys::expand(def.form_title, layout.year, n), s.form_title);
    put(ws, row, 1, "Svar", s.header);
    put(ws, row, 2, "Kommentar", s.header);
    ++row;
    for (const auto& f : def.form_fields) {
      if (!f.subheading.empty()) {
        put(ws, row, 0, f.subheading, s.form_part);
        put_blank(ws, row, 1, s.form_part);
        put_blank(ws, row, 2, s.form_part);
        ++row;
      }
      std::string label = analys::expand(f.label, layout.year, n);
      put(ws, row, 0, label, f.required ? s.form_required : s.form_label);
      set_lines(ws, row, lines_needed(label, shape.widths[0]));
      put_blank(ws, row, 1, s.input_text);
      put_blank(ws, row, 2, s.input_text);
      if (f.yes_no) validate_yes_no(ws, row, 1);
      ++row;
    }
    ++row;
  }
  return row;
}

/// "Leverantörens analys": its label, and one tall input cell across the sheet for the text.
lxw_row_t write_analysis(lxw_worksheet* ws, lxw_row_t row, std::size_t lines,
                         const SheetShape& shape, const TemplateFormats& s) {
  put(ws, row++, 0, std::string(kAnalysisLabel), s.bold);
  if (shape.last == 0) {
    put_blank(ws, row, 0, s.input_text);
  } else {
    check(worksheet_merge_range(ws, row, 0, row, shape.last, "", s.input_text), "slå ihop celler");
  }
  check(worksheet_set_row(ws, row, kLineHeight * static_cast<double>(lines), nullptr),
        "sätta radhöjd");
  return row + 2;
}

/// One sheet of the template, its parts one below the other.
void write_sheet(XlsxBook& book, const analys::SheetDef& sheet, const TemplateDef& def,
                 const TemplateLayout& layout, const TemplateFormats& s) {
  lxw_worksheet* ws = book.add_sheet(sheet.name);
  SheetShape shape = shape_of(sheet, def);
  for (std::size_t c = 0; c < shape.widths.size(); ++c) {
    width(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), shape.widths[c]);
  }
  print_wide(ws);
  bool alone = sheet.parts.size() == 1;
  lxw_row_t row = 0;
  for (const analys::PartDef& p : sheet.parts) {
    if (!p.heading.empty()) {
      // "1 Befintliga ..." heads a section; "1.1 Genomförd ..." a part of one.
      bool section = p.heading.find('.') > p.heading.find(' ');
      put(ws, row++, 0, analys::expand(p.heading, layout.year), section ? s.heading : s.table_title);
    }
    if (!p.text.empty()) put_wide(ws, row++, shape, analys::expand(p.text, layout.year), s.wrap);
    if (!p.columns.empty()) row = write_text_table(ws, row, p, shape, s);
    if (!p.form.empty()) row = write_form_blocks(ws, row, p, layout.year, shape, s);
    if (p.proposals) row = write_proposals(ws, row, def, layout, shape, s);
    if (const TableDef* t = def.table(p.table)) {
      Widths w{shape.widths[0], shape.widths.size() > 1 ? shape.widths[1] : 14};
      lxw_row_t header = 0;
      row = write_table(ws, row, *t, layout.year, w, s, &header);
      // The title, group and column headings on every printed page; in view while scrolling.
      check(worksheet_repeat_rows(ws, 0, header), "upprepa rubrikrader");
      worksheet_freeze_panes(ws, header + 1, 1);
      ++row;
    }
    if (p.analysis) {
      bool long_text = alone && p.columns.empty() && p.form.empty() && !p.proposals &&
                       p.table.empty();
      row = write_analysis(ws, row, long_text ? kLongAnalysisLines : kAnalysisLines, shape, s);
    } else if (!p.heading.empty() || !p.text.empty()) {
      ++row;
    }
  }
  protect(ws);
}

/// The sheets of a definition without a [[sheets]] outline: the forms, then a sheet per table.
std::vector<analys::SheetDef> default_sheets(const TemplateDef& def) {
  std::vector<analys::SheetDef> out;
  if (!def.form_fields.empty()) {
    analys::PartDef forms;
    forms.heading = "2.2 Föreslagna förändringsinsatser";
    forms.proposals = true;
    out.push_back({"2.2 Förslag", {forms}});
  }
  for (const TableDef& t : def.tables) {
    analys::PartDef part;
    part.table = t.id;
    out.push_back({std::string(analys::table_name(t.id).sheet), {part}});
  }
  return out;
}

/// The template of year Y is sent out during Y-1: created 1 January Y-1, 00:00 UTC.
void set_properties(XlsxBook& book, const TemplateDef& def, int year) {
  book.set_properties({.title = fmt::format("{} {}", def.name, year),
                       .subject = "Mall för leverantörernas underlag",
                       .created = new_year(year - 1)});
}

}  // namespace

std::string template_workbook(const TemplateDef& def, const TemplateLayout& layout) {
  XlsxBook book("Mallen", "mall");
  Formats formats(book);
  TemplateFormats styles(formats);
  set_properties(book, def, layout.year);
  write_instructions(book.add_sheet(kInstructionsSheet), def, layout.year, styles);
  std::vector<analys::SheetDef> sheets = def.sheets.empty() ? default_sheets(def) : def.sheets;
  for (const analys::SheetDef& sheet : sheets) write_sheet(book, sheet, def, layout, styles);
  return book.finish();
}

void write_template(const TemplateDef& def, const TemplateLayout& layout, const fs::path& path) {
  write_file_atomic(path, template_workbook(def, layout));
}

}  // namespace arsanalys::output

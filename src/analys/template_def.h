#pragma once
// The *Årlig analys* template as data: its sections' tables, their titles, header words and
// year columns, read from templates/arlig_analys.toml (embedded in the program at build time).
// The single source of truth for both `arsanalys template` (which writes it) and recognition
// (which looks for its words in what suppliers send).

#include <string>
#include <string_view>
#include <vector>

namespace arsanalys::analys {

/// What a column of a cost table holds.
enum class ColumnKind {
  utfall,    // outcome of a past year (Utfall Y-2)
  budget,    // budget of last year (Budget Y-1)
  prognos,   // proposed budget / forecast (Prognos budget Y)
  kostnad,   // cost of a new initiative in a year (År Y, År Y+1, År Y+2)
  effekt,    // effect on running cost in a year (Påverkan förvaltningskostnad Y...)
  text,      // free text (3.2: key, proposal, reason)
};

/// One column of a table in the template.
struct ColumnDef {
  ColumnKind kind = ColumnKind::text;
  int year_offset = 0;                // year = Y + offset (amount columns only)
  std::string heading;                // as the template writes it; "{Y}" is the year, e.g.
                                      // "Budget {Y}" with offset -1 -> "Budget 2023"
  std::string group;                  // group header above the column ("" none), e.g.
                                      // "Påverkan förvaltningskostnad"
  std::vector<std::string> words;     // lower-case words recognition looks for in a header
                                      // (any one suffices), e.g. {"budget"}
};

/// One table of the template.
struct TableDef {
  std::string id;                     // contract name: forvaltning, utveckling, nya_insatser,
                                      // nycklar, forslag
  std::string section;                // "3.1a"
  std::string title;                  // the template's title, e.g. "3.1a Förvaltningskostnader
                                      // inom befintliga tjänster (tkr)"
  std::vector<std::string> title_words;  // lower-case; a title containing any one identifies
                                         // the table (contract: "Förvaltningskostnad", ...)
  std::string label_heading;          // first column's heading: "Tjänst", "Förändringsinsats"
  std::vector<std::string> label_words;  // lower-case words for that heading
  std::vector<ColumnDef> columns;     // after the label column, left to right
  std::string total_label;            // "Totalkostnad" ("" for tables without a total)
  int blank_rows = 0;                 // empty input rows the template offers
};

/// One field of the 2.2 proposal form (label in one column, value beside it).
struct FormFieldDef {
  std::string id;                     // e.g. "namn", "informationsklassning", "budget"
  std::string label;                  // as the template writes it
  std::vector<std::string> words;     // lower-case words recognition looks for in a label
  bool yes_no = false;                // answered JA / NEJ (data validation in the template)
  bool required = false;              // PROPOSAL_INCOMPLETE when missing
  std::string subheading;             // a heading row written before it ("Teknisk del"), or ""
};

/// One part of a sheet of the template, written below the one before. A part is a heading
/// with its guidance, and at most one of: a table of free text, blocks of a form, the 2.2
/// proposal forms, one of the cost or key tables; then, if asked, the field "Leverantörens
/// analys" for the supplier's own text.
struct PartDef {
  std::string heading;                // "1.1 Genomförd effekthemtagning" ("" none)
  std::string text;                   // a line of guidance under the heading ("" none)
  std::vector<std::string> columns;   // a text table's headings (none: no text table)
  int rows = 0;                       // the text table's empty rows
  std::string note;                   // a line under the text table ("" none)
  std::string form;                   // a form block's title, "Pågående förändringsinsats {N}"
  std::vector<std::string> fields;    // the form's labels
  int forms = 0;                      // how many blocks
  bool proposals = false;             // the 2.2 forms of TemplateDef::form_fields
  std::string table;                  // the id of one of TemplateDef::tables ("" none)
  bool analysis = false;              // followed by "Leverantörens analys"
};

/// One sheet of the template after the instruction sheet.
struct SheetDef {
  std::string name;                   // "1 Befintliga tjänster"
  std::vector<PartDef> parts;
};

/// The whole template.
struct TemplateDef {
  std::string name;                   // "Årlig analys"
  std::vector<std::string> instructions;  // lines of the instruction sheet ("{Y}" = year)
  std::vector<TableDef> tables;       // forvaltning, utveckling, nya_insatser, nycklar
  std::string form_title;             // "Föreslagen förändringsinsats {N}"
  std::vector<std::string> form_title_words;
  std::vector<FormFieldDef> form_fields;
  std::vector<SheetDef> sheets;       // the whole Årlig analys, one sheet per section

  /// The table of this id, or nullptr.
  const TableDef* table(std::string_view id) const;
};

/// The template definition built into the program (templates/arlig_analys.toml). Parsed once.
const TemplateDef& builtin_template();

/// Parses a definition from TOML text; throws RunError with a Swedish message naming the line.
TemplateDef parse_template_def(std::string_view toml_text, std::string_view source_name);

/// How a table is named to a reader: in messages and lists ("3.1a Förvaltningskostnader") and
/// as a sheet of its own ("3.1a Förvaltning"). Unknown ids are returned as they are.
struct TableName {
  std::string_view title;
  std::string_view sheet;
};
TableName table_name(std::string_view id);

/// "{Y}" in `pattern` replaced by `year`, "{N}" by `number`.
std::string expand(std::string_view pattern, int year, int number = 0);

}  // namespace arsanalys::analys

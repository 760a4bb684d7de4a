#include "analys/template_def.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <charconv>
#include <initializer_list>
#include <optional>
#include <set>
#include <utility>

#include "core/error.h"

namespace arsanalys::analys {

namespace detail {
extern const std::string_view kBuiltinTemplateToml;  // generated/builtin_template.cc
}  // namespace detail

namespace {

/// Reads one table of the TOML document; every problem becomes a RunError naming its line.
class Reader {
 public:
  Reader(const toml::table& table, std::string_view source, std::string_view what)
      : table_(table), source_(source), what_(what) {}

  /// Throws unless every key of the table is one of `known` (catches misspelt keys).
  void only(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, node] : table_) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || key.str() == k;
      if (!ok) fail(node, fmt::format("okänd nyckel '{}' i {}", key.str(), what_));
    }
  }

  std::string text(std::string_view key, bool required = true) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) {
      if (required) fail(table_, fmt::format("nyckeln '{}' saknas i {}", key, what_));
      return {};
    }
    if (!node->is_string()) fail(*node, fmt::format("'{}' ska vara en text", key));
    return std::string(*node->value<std::string_view>());
  }

  int integer(std::string_view key, int low, int high) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return 0;
    std::optional<std::int64_t> v = node->value_exact<std::int64_t>();
    if (!v || *v < low || *v > high) {
      fail(*node, fmt::format("'{}' ska vara ett heltal från {} till {}", key, low, high));
    }
    return static_cast<int>(*v);
  }

  bool flag(std::string_view key) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return false;
    if (!node->is_boolean()) fail(*node, fmt::format("'{}' ska vara true eller false", key));
    return *node->value<bool>();
  }

  /// An array of texts; `lower` requires them to be written in lower case.
  std::vector<std::string> texts(std::string_view key, bool lower) const {
    std::vector<std::string> out;
    const toml::node* node = table_.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) fail(*node, fmt::format("'{}' ska vara en lista av texter", key));
    for (const toml::node& item : *array) {
      if (!item.is_string()) fail(item, fmt::format("'{}' ska bara innehålla texter", key));
      std::string s(*item.value<std::string_view>());
      if (lower && has_upper(s)) {
        fail(item, fmt::format("'{}' ska skrivas med gemener (små bokstäver), fann '{}'", key, s));
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  /// The tables of an array of tables (`[[key]]`); empty when the key is absent.
  std::vector<const toml::table*> tables(std::string_view key) const {
    std::vector<const toml::table*> out;
    const toml::node* node = table_.get(key);
    if (node == nullptr) return out;
    const toml::array* array = node->as_array();
    if (array == nullptr) fail(*node, fmt::format("'{}' ska skrivas som [[{}]]", key, key));
    for (const toml::node& item : *array) {
      if (!item.is_table()) fail(item, fmt::format("'{}' ska skrivas som [[{}]]", key, key));
      out.push_back(item.as_table());
    }
    return out;
  }

  const toml::node* node(std::string_view key) const { return table_.get(key); }

  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    throw RunError(fmt::format("{}:{}: {}.", source_, node.source().begin.line, message));
  }

 private:
  /// ASCII A-Z or a two-byte UTF-8 Latin-1 capital (À..Þ: Å, Ä, Ö, É ...).
  static bool has_upper(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 'A' && c <= 'Z') return true;
      if (c == 0xC3 && i + 1 < s.size()) {
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (d >= 0x80 && d <= 0x9E && d != 0x97) return true;
      }
    }
    return false;
  }

  const toml::table& table_;
  std::string_view source_;
  std::string_view what_;
};

ColumnKind column_kind(const Reader& r) {
  static constexpr std::pair<std::string_view, ColumnKind> kKinds[] = {
      {"utfall", ColumnKind::utfall},   {"budget", ColumnKind::budget},
      {"prognos", ColumnKind::prognos}, {"kostnad", ColumnKind::kostnad},
      {"effekt", ColumnKind::effekt},   {"text", ColumnKind::text},
  };
  std::string kind = r.text("kind");
  for (const auto& [name, value] : kKinds) {
    if (kind == name) return value;
  }
  r.fail(*r.node("kind"),
         fmt::format("okänd kolumntyp '{}' (väntade utfall, budget, prognos, kostnad, effekt "
                     "eller text)",
                     kind));
}

ColumnDef parse_column(const toml::table& t, std::string_view source) {
  Reader r(t, source, "[[tables.columns]]");
  r.only({"kind", "year_offset", "heading", "group", "words"});
  ColumnDef c;
  c.kind = column_kind(r);
  c.year_offset = r.integer("year_offset", -10, 10);
  c.heading = r.text("heading");
  c.group = r.text("group", false);
  c.words = r.texts("words", true);
  return c;
}

TableDef parse_table(const toml::table& t, std::string_view source) {
  Reader r(t, source, "[[tables]]");
  r.only({"id", "section", "title", "title_words", "label_heading", "label_words", "columns",
          "total_label", "blank_rows"});
  TableDef d;
  d.id = r.text("id");
  d.section = r.text("section");
  d.title = r.text("title");
  d.title_words = r.texts("title_words", true);
  if (d.title_words.empty()) r.fail(t, "'title_words' saknas eller är tom i [[tables]]");
  d.label_heading = r.text("label_heading");
  d.label_words = r.texts("label_words", true);
  for (const toml::table* c : r.tables("columns")) d.columns.push_back(parse_column(*c, source));
  if (d.columns.empty()) r.fail(t, fmt::format("tabellen '{}' har inga kolumner", d.id));
  d.total_label = r.text("total_label", false);
  d.blank_rows = r.integer("blank_rows", 0, 1000);
  return d;
}

FormFieldDef parse_field(const toml::table& t, std::string_view source) {
  Reader r(t, source, "[[form_fields]]");
  r.only({"id", "label", "words", "yes_no", "required", "subheading"});
  FormFieldDef f;
  f.id = r.text("id");
  f.label = r.text("label");
  f.words = r.texts("words", true);
  if (f.words.empty()) r.fail(t, fmt::format("fältet '{}' saknar 'words'", f.id));
  f.yes_no = r.flag("yes_no");
  f.required = r.flag("required");
  f.subheading = r.text("subheading", false);
  return f;
}

PartDef parse_part(const toml::table& t, std::string_view source) {
  Reader r(t, source, "[[sheets.parts]]");
  r.only({"heading", "text", "columns", "rows", "note", "form", "fields", "forms", "proposals",
          "table", "analysis"});
  PartDef p;
  p.heading = r.text("heading", false);
  p.text = r.text("text", false);
  p.columns = r.texts("columns", false);
  p.rows = r.integer("rows", 0, 1000);
  p.note = r.text("note", false);
  p.form = r.text("form", false);
  p.fields = r.texts("fields", false);
  p.forms = r.integer("forms", 0, 100);
  p.proposals = r.flag("proposals");
  p.table = r.text("table", false);
  p.analysis = r.flag("analysis");
  int contents = (p.columns.empty() ? 0 : 1) + (p.form.empty() ? 0 : 1) + (p.proposals ? 1 : 0) +
                 (p.table.empty() ? 0 : 1);
  if (contents > 1) {
    r.fail(t, "en del av ett blad kan ha högst en av columns, form, proposals och table");
  }
  if (!p.form.empty() && p.fields.empty()) r.fail(t, "formuläret saknar 'fields'");
  return p;
}

SheetDef parse_sheet(const toml::table& t, std::string_view source, const TemplateDef& def) {
  Reader r(t, source, "[[sheets]]");
  r.only({"name", "parts"});
  SheetDef sheet;
  sheet.name = r.text("name");
  for (const toml::table* p : r.tables("parts")) {
    sheet.parts.push_back(parse_part(*p, source));
    const std::string& id = sheet.parts.back().table;
    if (!id.empty() && def.table(id) == nullptr) {
      r.fail(*p, fmt::format("tabellen '{}' finns inte bland [[tables]]", id));
    }
  }
  return sheet;
}

/// Rejects an id used twice (recognition and the writer look tables and fields up by id).
template <typename T>
void check_unique(const std::vector<T>& items, const std::vector<const toml::table*>& nodes,
                  const Reader& r, std::string_view what) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!seen.insert(items[i].id).second) {
      r.fail(*nodes[i], fmt::format("{} '{}' finns två gånger", what, items[i].id));
    }
  }
}

}  // namespace

const TableDef* TemplateDef::table(std::string_view id) const {
  for (const TableDef& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

TemplateDef parse_template_def(std::string_view toml_text, std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    throw RunError(fmt::format("{}:{}: ogiltig TOML: {}.", source_name, e.source().begin.line,
                               e.description()));
  }
  Reader r(root, source_name, "mallens definition");
  r.only({"name", "instructions", "form_title", "form_title_words", "tables", "form_fields",
          "sheets"});
  TemplateDef def;
  def.name = r.text("name");
  def.instructions = r.texts("instructions", false);
  def.form_title = r.text("form_title");
  def.form_title_words = r.texts("form_title_words", true);
  std::vector<const toml::table*> tables = r.tables("tables");
  for (const toml::table* t : tables) def.tables.push_back(parse_table(*t, source_name));
  check_unique(def.tables, tables, r, "tabellen");
  std::vector<const toml::table*> fields = r.tables("form_fields");
  for (const toml::table* f : fields) def.form_fields.push_back(parse_field(*f, source_name));
  check_unique(def.form_fields, fields, r, "fältet");
  for (const toml::table* t : r.tables("sheets")) {
    def.sheets.push_back(parse_sheet(*t, source_name, def));
  }
  return def;
}

const TemplateDef& builtin_template() {
  static const TemplateDef def =
      parse_template_def(detail::kBuiltinTemplateToml, "templates/arlig_analys.toml");
  return def;
}

std::string expand(std::string_view pattern, int year, int number) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    std::size_t open = pattern.find('{', i);
    std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    std::string_view key = pattern.substr(open + 1, close - open - 1);
    int offset = 0;
    if (key == "N") {
      out += std::to_string(number);
    } else if (key == "Y") {
      out += std::to_string(year);
    } else if (key.size() > 2 && key[0] == 'Y' && (key[1] == '+' || key[1] == '-') &&
               std::from_chars(key.data() + 2, key.data() + key.size(), offset).ptr ==
                   key.data() + key.size()) {
      out += std::to_string(key[1] == '+' ? year + offset : year - offset);
    } else {
      out.append(pattern.substr(open, close - open + 1));  // not ours: kept as written
    }
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

TableName table_name(std::string_view id) {
  static constexpr std::pair<std::string_view, TableName> kNames[] = {
      {"forvaltning", {"3.1a Förvaltningskostnader", "3.1a Förvaltning"}},
      {"utveckling", {"3.1b Utvecklingskostnader", "3.1b Utveckling"}},
      {"nya_insatser", {"3.1c Nya förändringsinsatser", "3.1c Nya insatser"}},
      {"nycklar", {"3.2 Fördelningsnycklar", "3.2 Nycklar"}},
  };
  for (const auto& [key, name] : kNames) {
    if (key == id) return name;
  }
  return {id, id};
}

}  // namespace arsanalys::analys

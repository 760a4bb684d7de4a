#include "app/command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace arsanalys::app {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The characters of `s`: each a code point's bytes (a stray continuation byte on its own).
std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && continuation(s[i + n]) && !continuation(s[i])) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string comma_list(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

/// The subcommands chosen, from the top: {cli, run} for `arsanalys run …`.
std::vector<const CLI::App*> chosen(const CLI::App& cli) {
  std::vector<const CLI::App*> chain{&cli};
  while (!chain.back()->get_subcommands().empty()) {
    chain.push_back(chain.back()->get_subcommands().front());
  }
  return chain;
}

/// "arsanalys validate": the command as typed up to `app`.
std::string command_of(const std::vector<const CLI::App*>& chain, const CLI::App* app) {
  std::string out;
  for (const CLI::App* a : chain) {
    out += (out.empty() ? "" : " ") + a->get_name();
    if (a == app) break;
  }
  return out;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_name().empty()) names.push_back(sub->get_name());
  }
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

/// "okänd flagga '--jsno' till 'arsanalys validate': menade du '--json'?"
std::string unknown_option(const std::string& command, const CLI::App& app,
                           const std::string& word, bool top) {
  std::string name = word.substr(0, word.find('='));
  std::string text = top ? fmt::format("okänd flagga '{}'", name)
                         : fmt::format("okänd flagga '{}' till '{}'", name, command);
  if (auto near = nearest(name, option_names(app))) text += fmt::format(": menade du '{}'?", *near);
  return text;
}

/// The option named `name` (as written, with its dashes) of a chosen command, if any.
const CLI::Option* find_option(const std::vector<const CLI::App*>& chain, std::string name) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const CLI::Option* opt : (*it)->get_options()) {
      if (opt->check_name(name)) return opt;
    }
  }
  return nullptr;
}

/// What an option's value is, as the help names it (ÅR, MAPP) or in words for CLI11's own
/// type names.
std::string value_name(const CLI::Option* opt) {
  const std::string type = opt == nullptr ? "" : opt->get_type_name();
  if (type.empty()) return "ett värde";
  if (type == "INT" || type == "UINT") return "ett heltal";
  if (type == "FLOAT") return "ett tal";
  if (type == "TEXT") return "en text";
  return type;
}

/// "Användning: arsanalys validate [FLAGGOR] FIL...\n" of `app`, typed as `command`.
std::string usage_of(const CLI::App& app, const std::string& command) {
  auto formatter = std::dynamic_pointer_cast<CLI::Formatter>(app.get_formatter());
  return formatter == nullptr ? std::string() : formatter->make_usage(&app, command);
}

/// `text` after `prefix` when it starts with it.
std::optional<std::string> after(const std::string& text, std::string_view prefix) {
  if (text.rfind(prefix, 0) != 0) return std::nullopt;
  return text.substr(prefix.size());
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<std::string_view> x = characters(a), y = characters(b);
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);  // two neighbours swapped
      }
    }
  }
  return d[x.size()][y.size()];
}

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const std::string w = ascii_lower(word);
  const std::size_t length = characters(w).size();
  std::optional<std::string> best;
  std::size_t best_distance = 3;  // more than 2 edits: no suggestion
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(w, ascii_lower(c));
    if (d < best_distance && d < length) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); }));
}

std::string help_line(std::string_view name, std::string_view description, std::size_t width) {
  std::string out = "  ";
  out += name;
  std::size_t used = 2 + display_width(name);
  if (!description.empty()) {
    if (used >= width) {
      out += '\n';
      used = 0;
    }
    out.append(width - used, ' ');
    for (char c : description) {
      out += c;
      if (c == '\n') out.append(width, ' ');
    }
  }
  out += '\n';
  return out;
}

SwedishFormatter::SwedishFormatter() {
  label("Usage", "Användning");
  label("OPTIONS", "FLAGGOR");
  label("SUBCOMMAND", "KOMMANDO");
  label("SUBCOMMANDS", "KOMMANDON");
  label("Positionals", "Argument");
  label("Options", "Flaggor");
  label("Subcommands", "Kommandon");
  label("REQUIRED", "KRÄVS");
  label("TEXT", "TEXT");
  label("INT", "HELTAL");
  label("FLOAT", "TAL");
  label("Env", "Miljövariabel");
  label("Needs", "Kräver");
  label("Excludes", "Utesluter");
  column_width(30);
}

std::string SwedishFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return help_line(make_option_name(opt, is_positional) + make_option_opts(opt),
                   make_option_desc(opt), column_width_);
}

std::string SwedishFormatter::make_option_opts(const CLI::Option* opt) const {
  if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
  std::string out;
  if (opt->get_type_size() != 0) {
    // A positional is shown by its own name (FIL), which already says what it takes.
    if (!opt->get_positional() && !opt->get_type_name().empty()) {
      out += " " + get_label(opt->get_type_name());
    }
    if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) {
      out += " …";
    } else if (opt->get_expected_min() > 1) {
      out += " × " + std::to_string(opt->get_expected());
    }
    if (opt->get_required()) out += " " + get_label("REQUIRED");
  }
  if (!opt->get_envname().empty()) {
    out += " (" + get_label("Env") + ": " + opt->get_envname() + ")";
  }
  for (const auto& [label_key, list] :
       {std::pair{"Needs", opt->get_needs()}, std::pair{"Excludes", opt->get_excludes()}}) {
    if (list.empty()) continue;
    out += " " + get_label(label_key) + ":";
    for (const CLI::Option* other : list) out += " " + other->get_name();
  }
  return out;
}

std::string SwedishFormatter::make_subcommand(const CLI::App* sub) const {
  return help_line(sub->get_display_name(true), sub->get_description(), column_width_);
}

std::string SwedishFormatter::make_description(const CLI::App* app) const {
  // CLI11 adds English notes here for required options and option counts; none are used.
  const std::string desc = app->get_description();
  return desc.empty() ? std::string() : desc + "\n";
}

std::string parse_error_text(const CLI::App& cli, const CLI::ParseError& e) {
  const std::vector<const CLI::App*> chain = chosen(cli);
  const CLI::App* app = chain.back();
  std::string command = command_of(chain, app);
  const std::string what = e.what();
  std::string text;
  std::string usage;  // "Användning: …" of the command, where it helps

  // What was left over, by the deepest command that has any: unknown words and flags.
  const CLI::App* owner = nullptr;
  std::vector<std::string> left;
  for (auto it = chain.rbegin(); it != chain.rend() && left.empty(); ++it) {
    left = (*it)->remaining(false);
    owner = *it;
  }
  const bool top = owner == &cli;
  auto first = [&](bool option) {
    return std::find_if(left.begin(), left.end(),
                        [&](const std::string& w) { return (!w.empty() && w[0] == '-') == option; });
  };

  if (top && chain.size() == 1 && first(false) != left.end()) {
    // `arsanalys rnu`: CLI11 says "A subcommand is required" and keeps the word.
    const std::string& word = *first(false);
    const std::vector<std::string> names = command_names(cli);
    if (auto near = nearest(word, names)) {
      text = fmt::format("okänt kommando '{}': menade du '{}'?", word, *near);
    } else {
      text = fmt::format("okänt kommando '{}'; kommandona är {}.", word, comma_list(names));
    }
  } else if (!left.empty() && first(true) != left.end()) {
    const CLI::App& where = owner == nullptr ? cli : *owner;
    text = unknown_option(command_of(chain, &where), where, *first(true), top);
    command = command_of(chain, &where);
  } else if (!left.empty()) {
    std::string words;
    for (const std::string& w : left) words += (words.empty() ? "'" : " '") + w + "'";
    text = fmt::format("{} till '{}'", left.size() > 1 ? "oväntade argument " + words
                                                      : "oväntat argument " + words,
                       command);
    usage = usage_of(*app, command);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && chain.size() == 1) {
    text = fmt::format("inget kommando angivet; välj ett av {}.", comma_list(command_names(cli)));
    usage = usage_of(cli, command);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    for (const CLI::Option* opt : app->get_options()) {
      if (opt->get_required() && opt->count() == 0) {
        text = opt->get_description().empty()
                   ? fmt::format("{} saknas", opt->get_name())
                   : fmt::format("{} saknas ({})", opt->get_name(), opt->get_description());
        break;
      }
    }
    if (text.empty()) text = "något som krävs saknas";
    usage = usage_of(*app, command);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    // "--year: 1 required ÅR missing", "--out: At Most 1 required but received 2", …
    std::string name = what.substr(0, what.find(':'));
    if (auto rest = after(what, "Expected exactly ")) {
      name = rest->substr(rest->find(" to ") + 4);
      name = name.substr(0, name.find(','));
    }
    const CLI::Option* opt = find_option(chain, name);
    if (opt != nullptr && opt->count() < static_cast<std::size_t>(opt->get_items_expected_min())) {
      text = fmt::format("flaggan {} saknar sitt värde ({})", name, value_name(opt));
    } else {
      text = fmt::format("fel antal värden till {}", name);
    }
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    std::string name, value;
    if (auto rest = after(what, "Could not convert: ")) {  // "--year = abc"
      name = rest->substr(0, rest->find(" = "));
      value = rest->find(" = ") == std::string::npos ? "" : rest->substr(rest->find(" = ") + 3);
    } else if (auto rest2 = after(what, "The value ")) {  // "V is not an allowed value for N"
      const std::size_t at = rest2->find(" is not an allowed value for ");
      value = rest2->substr(0, at);
      name = at == std::string::npos ? "" : rest2->substr(at + 29);
    }
    const CLI::Option* opt = name.empty() ? nullptr : find_option(chain, name);
    if (opt != nullptr && opt->get_expected_max() == 0) {  // `--json=ja`: a flag with a value
      text = fmt::format("flaggan {} tar inget värde", name);
    } else if (!name.empty()) {
      text = fmt::format("ogiltigt värde '{}' till {}: väntade {}", value, name, value_name(opt));
    } else {
      // "--json: too many inputs for a flag", "--json: Should be true/false or a number"
      text = fmt::format("flaggan {} tar inget värde", what.substr(0, what.find(':')));
    }
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    // "--year: <our own Swedish reason>" (year_check)
    const std::size_t colon = what.find(": ");
    text = colon == std::string::npos
               ? fmt::format("ogiltigt värde: {}", what)
               : fmt::format("ogiltigt värde till {}: {}", what.substr(0, colon),
                             what.substr(colon + 2));
  } else {
    text = fmt::format("felaktig kommandorad: {}", what);  // none of ours reaches this
  }
  std::string out = "fel: " + text + "\n";
  if (!usage.empty()) out += usage;
  out += fmt::format("Skriv '{} --help' för hjälp.\n", command);
  return out;
}

CLI::Validator year_check() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const bool digits = value.size() == 4 && std::all_of(value.begin(), value.end(), [](char c) {
                              return std::isdigit(static_cast<unsigned char>(c)) != 0;
                            });
        return digits ? std::string()
                      : fmt::format("'{}' är inget årtal (fyra siffror, t.ex. 2025)", value);
      },
      "", "år");
}

CLI::Validator port_check() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const bool digits = !value.empty() && value.size() <= 5 &&
                            std::all_of(value.begin(), value.end(), [](char c) {
                              return std::isdigit(static_cast<unsigned char>(c)) != 0;
                            });
        return digits && std::stoi(value) <= 65535
                   ? std::string()
                   : fmt::format("'{}' är inget portnummer (ett heltal 0–65535)", value);
      },
      "", "port");
}

}  // namespace arsanalys::app

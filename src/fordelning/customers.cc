#include "fordelning/customers.h"

#include "core/text.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::fordelning {

namespace {

/// A word reduced for comparing catalogue words: folded, accents and the marks users type
/// between "faktura" and "pris" dropped: "Faktura a´ pris" -> "fakturaapris".
std::string word_key(std::string_view text) {
  std::string f = fold(text), out;
  for (std::size_t i = 0; i < f.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(f[i]);
    if (c == 0xC3 && i + 1 < f.size()) {
      unsigned char d = static_cast<unsigned char>(f[++i]);
      if (d == 0xA0 || d == 0xA1 || d == 0xA5 || d == 0xA4) out += 'a';  // à á å ä
      else if (d == 0xB6) out += 'o';                                     // ö
      else if (d == 0xA9 || d == 0xA8) out += 'e';                        // é è
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::string_view ServiceRow::area() const {
  std::string f = fold(service);
  constexpr std::string_view kPrefix = "område:";
  if (!f.starts_with(kPrefix)) return {};
  std::string_view rest(service);
  std::size_t colon = rest.find(':');
  rest.remove_prefix(colon + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

Financing ServiceRow::financing_in_force() const {
  if (financing) return *financing;
  if (category == Category::tillaggstjanst || category == Category::specialisttjanst) {
    return Financing::faktura_a_pris;
  }
  return Financing::kostnadsfordelning;
}

std::string_view category_text(Category c) {
  switch (c) {
    case Category::bastjanst: return "Bastjänst";
    case Category::digital_infrastruktur: return "Digital infrastruktur";
    case Category::tillaggstjanst: return "Tilläggstjänst";
    case Category::specialisttjanst: return "Specialisttjänst";
    case Category::utanfor: return "Utanför";
    case Category::okand: break;
  }
  return "Okänd";
}

std::string_view financing_text(Financing f) {
  switch (f) {
    case Financing::kostnadsfordelning: return "Kostnadsfördelning";
    case Financing::faktura_a_pris: return "Faktura à pris";
    case Financing::kommunbidrag: return "Kommunbidrag";
  }
  return "";
}

std::string_view category_json(Category c) {
  switch (c) {
    case Category::bastjanst: return "bastjanst";
    case Category::digital_infrastruktur: return "digital_infrastruktur";
    case Category::tillaggstjanst: return "tillaggstjanst";
    case Category::specialisttjanst: return "specialisttjanst";
    case Category::utanfor: return "utanfor";
    case Category::okand: break;
  }
  return "okand";
}

std::string_view financing_json(Financing f) {
  switch (f) {
    case Financing::kostnadsfordelning: return "kostnadsfordelning";
    case Financing::faktura_a_pris: return "faktura_a_pris";
    case Financing::kommunbidrag: return "kommunbidrag";
  }
  return "";
}

std::optional<Category> parse_category(std::string_view text) {
  std::string w = word_key(text);
  if (w == "bastjanst" || w == "bastjanster") return Category::bastjanst;
  if (w == "digitalinfrastruktur" || w == "infrastruktur" || w == "infrastrukturtjanst" ||
      w == "digitalinfrastrukturtjanst") {
    return Category::digital_infrastruktur;
  }
  if (w == "tillaggstjanst" || w == "tillaggstjanster") return Category::tillaggstjanst;
  if (w == "specialisttjanst" || w == "specialisttjanster") return Category::specialisttjanst;
  if (w == "utanfor") return Category::utanfor;
  return std::nullopt;
}

std::optional<Financing> parse_financing(std::string_view text) {
  std::string w = word_key(text);
  if (w == "kostnadsfordelning") return Financing::kostnadsfordelning;
  if (w == "fakturaapris" || w == "fakturapris" || w == "faktura" || w == "apris") {
    return Financing::faktura_a_pris;
  }
  if (w == "kommunbidrag") return Financing::kommunbidrag;
  return std::nullopt;
}

bool prioritised(Category c) {
  return c == Category::bastjanst || c == Category::digital_infrastruktur;
}

bool uses(const UsedBy& used_by, const Customer& c) {
  std::string id = fold(c.id);
  for (const std::string& e : used_by.except) {
    if (fold(e) == id) return false;
  }
  switch (used_by.urval.kind) {
    case Urval::Kind::alla:
      return true;
    case Urval::Kind::typ:
      for (const std::string& t : used_by.urval.values) {
        if (fold(t) == fold(c.typ)) return true;
      }
      return false;
    case Urval::Kind::kund:
      for (const std::string& k : used_by.urval.values) {
        if (fold(k) == id) return true;
      }
      return false;
  }
  return false;
}

const Customer* Kunder::customer(std::string_view id) const {
  for (const Customer& c : customers) {
    if (c.id == id) return &c;
  }
  std::string f = fold(id);
  for (const Customer& c : customers) {
    if (fold(c.id) == f) return &c;
  }
  return nullptr;
}

const Measure* Kunder::measure(std::string_view name) const {
  std::string f = name_key(name);
  for (const Measure& m : measures) {
    if (name_key(m.name) == f) return &m;
  }
  return nullptr;
}

const Key* Kunder::key(std::string_view name_or_alias) const {
  std::string f = name_key(name_or_alias);
  for (const Key& k : keys) {
    if (name_key(k.name) == f) return &k;
  }
  for (const Key& k : keys) {
    for (const std::string& a : k.aliases) {
      if (name_key(a) == f) return &k;
    }
  }
  return nullptr;
}

Location Kunder::cell(const Customer& c, const Measure& m) const {
  return {file, customer_sheet, xlsx::to_string(xlsx::CellRef{c.row, m.col})};
}

Location Kunder::where(const Customer& c) const {
  return {file, customer_sheet, xlsx::to_string(xlsx::CellRef{c.row, id_col})};
}

}  // namespace arsanalys::fordelning

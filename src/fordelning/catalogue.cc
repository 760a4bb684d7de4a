#include "fordelning/catalogue.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "analys/normalise.h"
#include "core/text.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::fordelning {
namespace {

using analys::Line;
using analys::LineKind;
using analys::Table;

/// The tables whose lines the catalogue classifies.
constexpr const char* kCostTables[] = {"forvaltning", "utveckling", "nya_insatser"};

bool names_service(const ServiceRow& r, const std::string& service_key) {
  if (name_key(r.service) == service_key) return true;
  return std::any_of(r.aliases.begin(), r.aliases.end(),
                     [&](const std::string& a) { return name_key(a) == service_key; });
}

/// Why a category is outside the frames, as a sentence.
std::string outside_reason(Category c) {
  switch (c) {
    case Category::tillaggstjanst:
      return "En tilläggstjänst: valbar för kunderna och utanför strategisk samordningsgrupps "
             "prioritering.";
    case Category::specialisttjanst:
      return "En specialisttjänst: valbar för kunderna och utanför strategisk samordningsgrupps "
             "prioritering.";
    default:
      break;
  }
  return "Utanför strategisk samordningsgrupps prioritering enligt tjänstekatalogen.";
}

Location label_cell(const analys::Submission& s, const Table& t, const Line& line) {
  return Location{s.file, t.sheet, xlsx::to_string(xlsx::CellRef{line.row, t.label_col})};
}

}  // namespace

bool carries_amount(const Line& line) {
  return std::any_of(line.values.begin(), line.values.end(), [](const auto& v) {
    return v && v->amount.kind == analys::Amount::Kind::amount && v->amount.kronor != 0;
  });
}

Catalogue::Catalogue(const Kunder* kunder, std::vector<std::string> suppliers)
    : kunder_(kunder), suppliers_(std::move(suppliers)) {}

const ServiceRow* Catalogue::row(std::string_view supplier, std::string_view area,
                                 std::string_view service) const {
  if (kunder_ == nullptr) return nullptr;
  std::string who = name_key(supplier), what = name_key(service), where = area_key(area);
  const ServiceRow *by_area = nullptr, *rest = nullptr;
  for (const ServiceRow& r : kunder_->services) {
    if (name_key(r.supplier) != who || (present() && !r.categorised)) continue;
    if (r.rest()) {
      if (rest == nullptr) rest = &r;
    } else if (std::string_view a = r.area(); !a.empty()) {
      if (by_area == nullptr && !where.empty() && area_key(a) == where) by_area = &r;
    } else if (names_service(r, what)) {
      return &r;
    }
  }
  return by_area != nullptr ? by_area : rest;
}

Receiver Catalogue::receiver(const ServiceRow& row) const {
  Receiver out;
  if (name_key(row.delivered_to).empty()) return out;
  std::string wanted = name_key(row.delivered_to);
  for (const std::string& s : suppliers_) {
    if (name_key(s) == wanted) {
      out.kind = Receiver::Kind::supplier;
      out.name = s;
      return out;
    }
  }
  if (kunder_ != nullptr) {
    if (const Customer* c = kunder_->customer(tidy(row.delivered_to))) {
      out.kind = Receiver::Kind::customer;
      out.name = c->id;
      out.customer = c;
      return out;
    }
  }
  out.kind = Receiver::Kind::unknown;
  out.name = tidy(row.delivered_to);
  return out;
}

LineClass Catalogue::classify(std::string_view supplier, std::string_view area,
                              std::string_view service) const {
  LineClass out;
  if (!present()) {
    out.category = area_key(area) == "digital infrastruktur" ? Category::digital_infrastruktur
                                                             : Category::bastjanst;
    out.in_frames = true;
    out.row = row(supplier, area, service);
    return out;
  }
  out.row = row(supplier, area, service);
  if (out.row == nullptr) {
    out.reason = "Finns inte i tjänstekatalogen (bladet Tjänster i kunder.xlsx).";
    return out;
  }
  out.financing = out.row->financing_in_force();
  out.receiver = receiver(*out.row);
  if (!out.row->category) {
    out.reason = fmt::format("Katalogens rad '{}' saknar en läsbar kategori.", out.row->service);
    return out;
  }
  out.category = *out.row->category;
  if (out.receiver.kind == Receiver::Kind::supplier &&
      name_key(out.receiver.name) == name_key(supplier)) {
    out.receiver = Receiver{};  // the supplier itself (REGISTER_INVALID): as if empty
  }
  if (out.receiver.kind != Receiver::Kind::none) {
    out.reason = fmt::format("Levereras till {} som del av dess tjänster och debiteras där; "
                             "ingår inte i {} egna ramar.",
                             out.receiver.name, supplier);
    return out;
  }
  if (!prioritised(out.category)) {
    out.reason = outside_reason(out.category);
    return out;
  }
  out.in_frames = true;
  return out;
}

LineClass Catalogue::classify(const analys::Submission& s, const Table& t,
                              const Line& line) const {
  return classify(s.supplier, analys::line_area(s, t, line), line.label);
}

std::vector<const ServiceRow*> Catalogue::prioritised_services(std::string_view supplier) const {
  std::vector<const ServiceRow*> out;
  if (!present()) return out;
  std::string who = name_key(supplier);
  for (const ServiceRow& r : kunder_->services) {
    if (name_key(r.supplier) != who || r.rest() || !r.area().empty()) continue;
    if (!r.category || !prioritised(*r.category)) continue;
    if (receiver(r).kind != Receiver::Kind::none) continue;
    out.push_back(&r);
  }
  return out;
}

void check_catalogue(const Catalogue& catalogue, const Kunder* kunder,
                     const std::vector<analys::Submission>& submissions, Findings& findings) {
  if (!catalogue.present()) {
    if (kunder == nullptr) return;  // no register at all: FILE_MISSING or FILE_UNREADABLE says so
    findings.push_back(Finding{
        "CATALOGUE_MISSING", Level::info, Location{kunder->file, "Tjänster", ""},
        "Omgången har ingen tjänstekatalog (bladet Tjänster i kunder.xlsx saknar kolumnen "
        "Kategori): alla rader i underlagen räknas som bastjänster eller digital infrastruktur "
        "efter sitt verksamhetsområde, ingår i ramarna och fördelas med sina nycklar.",
        std::nullopt, std::nullopt});
    return;
  }
  std::set<const ServiceRow*> reported;  // rows some line of its supplier mentions by name
  std::set<std::string> suppliers;       // name_key of the round's suppliers
  for (const analys::Submission& s : submissions) {
    suppliers.insert(name_key(s.supplier));
    bool known = std::any_of(kunder->services.begin(), kunder->services.end(),
                             [&](const ServiceRow& r) {
                               return name_key(r.supplier) == name_key(s.supplier);
                             });
    for (const char* id : kCostTables) {
      const Table* t = s.table(id);
      if (t == nullptr) continue;
      for (const Line& line : t->lines) {
        if (line.kind != LineKind::row) continue;
        const ServiceRow* r =
            catalogue.row(s.supplier, analys::line_area(s, *t, line), line.label);
        if (r != nullptr && r->area().empty() && !r->rest()) reported.insert(r);
        if (r != nullptr || !carries_amount(line)) continue;
        findings.push_back(Finding{
            "SERVICE_UNCATALOGUED", Level::fel, label_cell(s, *t, line),
            fmt::format("Tjänsten '{}' finns inte i tjänstekatalogen (bladet Tjänster i "
                        "kunder.xlsx){}. Raden räknas utanför ramarna och fördelas inte förrän "
                        "katalogen säger vad den är: lägg till tjänsten med kategori, eller "
                        "som alias till en tjänst som redan finns.",
                        line.label,
                        known ? fmt::format(" för {}", s.supplier)
                              : fmt::format(", som inte har någon rad för leverantören {}",
                                            s.supplier)),
            std::nullopt, std::nullopt});
      }
    }
  }
  for (const ServiceRow& r : kunder->services) {
    if (!suppliers.count(name_key(r.supplier))) continue;
    Receiver to = catalogue.receiver(r);
    if (to.kind == Receiver::Kind::unknown) {
      findings.push_back(Finding{
          "REGISTER_INVALID", Level::fel, r.delivered_to_at,
          fmt::format("'Levereras till' för tjänsten '{}' nämner '{}', som varken är en "
                      "leverantör i omgången eller ett kund-id i bladet '{}'. Tjänsten fördelas "
                      "inte förrän mottagaren rättas.",
                      r.service, to.name, kunder->customer_sheet),
          std::nullopt, std::nullopt});
    } else if (to.kind == Receiver::Kind::supplier && name_key(to.name) == name_key(r.supplier)) {
      findings.push_back(Finding{
          "REGISTER_INVALID", Level::fel, r.delivered_to_at,
          fmt::format("'Levereras till' för tjänsten '{}' nämner leverantören själv; lämna "
                      "cellen tom för en tjänst som leverantören själv ansvarar för.",
                      r.service),
          std::nullopt, std::nullopt});
    }
  }
  for (const analys::Submission& s : submissions) {
    for (const ServiceRow* r : catalogue.prioritised_services(s.supplier)) {
      if (reported.count(r)) continue;
      findings.push_back(Finding{
          "SERVICE_NOT_REPORTED", Level::varning, r->where,
          fmt::format("{} '{}' hos {} står i tjänstekatalogen men finns inte i leverantörens "
                      "underlag ({}, tabell 3.1a–3.1c).",
                      category_text(*r->category), r->service, s.supplier, s.file),
          std::nullopt, std::nullopt});
    }
  }
}

}  // namespace arsanalys::fordelning

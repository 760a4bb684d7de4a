// fordelning.xlsx and the customer statements, written from a small hand-made register and
// round (allocated by the real engine) and read back with our own reader: cells, formulas and
// their cached values.
#include "output/fordelning_writer.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/file_io.h"
#include "writer/xlsx_writer.h"
#include "fordelning/customers.h"
#include "fordelning/engine.h"
#include "fordelning/round_allocation.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"

namespace f = arsanalys::fordelning;
using arsanalys::Location;
using arsanalys::output::AllocationBook;
using arsanalys::output::customer_file_name;
using arsanalys::output::customer_xlsx;
using arsanalys::output::fordelning_xlsx;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::Workbook;

namespace {

const std::string kDemokrati = "Nämnden för demokrati och medborgarservice";
// Shortened to 31 characters it is the same as kDemokrati's: the sheet names must still differ.
const std::string kDemokrati2 = "Nämnden för demokrati och medborgarkontor";
const std::string kInkop = "Inköp och upphandlingsnämnden";

f::Decimal d(const char* text) { return f::parse_decimal(text).value(); }

f::Step step(const char* andel, const char* urval, const char* matt) {
  f::Step s;
  s.andel = d(andel);
  s.urval = f::parse_urval(urval).value();
  s.matt = f::parse_matt(matt).value();
  s.urval_text = urval;
  s.matt_text = matt;
  return s;
}

f::Customer customer(std::string id, std::string name, std::string typ,
                     std::map<std::string, f::Decimal> measures) {
  f::Customer c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.typ = std::move(typ);
  c.measures = std::move(measures);
  return c;
}

/// Three förvaltningar, two bolag and one customer of another kind that no key selects.
f::Kunder make_register() {
  f::Kunder k;
  k.file = "kunder.xlsx";
  k.customer_sheet = "Kunder";
  const char* names[] = {"Antal anställda", "Stadshus AB-nyckel", "Digitala fakturor",
                         "Pappersfakturor"};
  for (std::uint32_t i = 0; i < 4; ++i) k.measures.push_back({names[i], 3 + i});
  k.customers = {
      customer("F1", "Förvaltning ett", "Förvaltning",
               {{"Antal anställda", d("100")},
                {"Digitala fakturor", d("900")},
                {"Pappersfakturor", d("100")}}),
      customer("F2", "Förvaltning två", "Förvaltning",
               {{"Antal anställda", d("300")},
                {"Digitala fakturor", d("500")},
                {"Pappersfakturor", d("0")}}),
      customer("INK", "Inköp och upphandling", "Förvaltning",
               {{"Antal anställda", d("100")},
                {"Digitala fakturor", d("0")},
                {"Pappersfakturor", d("0")}}),
      customer("B1", "Bolag ett", "Bolag",
               {{"Stadshus AB-nyckel", d("7,5")},
                {"Digitala fakturor", d("200")},
                {"Pappersfakturor", d("100")}}),
      customer("B2", "Bolag två", "Bolag",
               {{"Stadshus AB-nyckel", d("2,5")},
                {"Digitala fakturor", d("0")},
                {"Pappersfakturor", d("100")}}),
      customer("X9", "Stiftelsen nio", "Stiftelse", {}),
  };
  for (std::uint32_t i = 0; i < k.customers.size(); ++i) k.customers[i].row = i + 1;
  f::Key forv_bolag;
  forv_bolag.name = "Förvaltningar 75 % och bolag 25 %";
  forv_bolag.steps = {step("75", "Typ=Förvaltning", "Antal anställda"),
                      step("25", "Typ=Bolag", "Stadshus AB-nyckel")};
  forv_bolag.where = {"kunder.xlsx", "Nycklar", "A8"};
  f::Key fakturor;
  fakturor.name = "Leverantörsfakturor";
  fakturor.steps = {step("100", "Typ=Förvaltning,Bolag", "Digitala fakturor + 3 * Pappersfakturor")};
  fakturor.where = {"kunder.xlsx", "Nycklar", "A7"};
  f::Key ink;
  ink.name = "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %";
  ink.steps = {step("15", "Kund=INK", "lika"), step("63,75", "Typ=Förvaltning", "Antal anställda"),
               step("21,25", "Typ=Bolag", "Stadshus AB-nyckel")};
  k.keys = {forv_bolag, fakturor, ink};
  return k;
}

f::LineAllocation line(const std::string& supplier, const std::string& file,
                       const std::string& table, const std::string& service, std::int64_t kr,
                       const std::string& cell, const f::Key* key, const f::Kunder& kunder,
                       const f::Key* proposed = nullptr) {
  f::LineAllocation l;
  l.supplier = supplier;
  l.file = file;
  l.table = table;
  l.service = service;
  l.year = 2024;
  l.amount_kr = kr;
  l.source = {file, "3.1 Kostnader", cell};
  l.key = key;
  l.key_source = key != nullptr ? f::KeySource::tjanst : f::KeySource::none;
  if (key != nullptr) l.allocation = f::allocate(kr, *key, kunder);
  l.proposed_key = proposed;
  if (proposed != nullptr) l.proposed = f::allocate(kr, *proposed, kunder);
  if (key == nullptr) l.reason = "Ingen rad i Tjänster för den nya insatsen.";
  return l;
}

/// The round's totals from its lines, as allocate_round() gives them.
void total_up(f::RoundAllocation& r, const f::Kunder& kunder) {
  for (const f::Customer& c : kunder.customers) {
    r.customer_totals[c.id] = 0;
    r.customer_totals_proposed[c.id] = 0;
  }
  for (const f::LineAllocation& l : r.lines) {
    if (!l.allocation) {
      r.unallocated_kr += l.amount_kr;
      continue;
    }
    r.allocated_kr += l.amount_kr;
    for (const auto& e : l.allocation->customers_kr) r.customer_totals[e.id()] += e.kr;
    const auto& by = l.proposed ? l.proposed->customers_kr : l.allocation->customers_kr;
    for (const auto& e : by) r.customer_totals_proposed[e.id()] += e.kr;
  }
}

/// A round of three suppliers: 2024, and the same lines' 2023 budget.
struct Fixture {
  f::Kunder kunder = make_register();
  f::RoundAllocation current;
  f::RoundAllocation previous;
  Fixture() {
    const f::Key* forv_bolag = &kunder.keys[0];
    const f::Key* fakturor = &kunder.keys[1];
    const f::Key* ink = &kunder.keys[2];
    current.year = 2024;
    current.lines = {
        line(kDemokrati, "demokrati.xlsx", "forvaltning", "Göteborgs Stads kontaktcenter",
             1'000'001, "D5", forv_bolag, kunder),
        line(kDemokrati, "demokrati.xlsx", "nya_insatser", "Ny insats X", 50'000, "B7", nullptr,
             kunder),
        line(kDemokrati, "demokrati.xlsx", "utveckling", "E-tjänster", -100, "D12", fakturor,
             kunder),
        line(kInkop, "inkop.xlsx", "forvaltning", "Stöd vid upphandling", 900'000, "D6",
             forv_bolag, kunder, ink),
        line(kDemokrati2, "kontor.xlsx", "forvaltning", "Tjänst Y", 10, "D4", fakturor, kunder),
    };
    total_up(current, kunder);
    previous.year = 2023;
    previous.lines = {
        line(kDemokrati, "demokrati.xlsx", "forvaltning", "Göteborgs Stads kontaktcenter",
             900'000, "C5", forv_bolag, kunder),
        line(kInkop, "inkop.xlsx", "forvaltning", "Stöd vid upphandling", 800'000, "C6",
             forv_bolag, kunder),
    };
    total_up(previous, kunder);
  }
  AllocationBook book(bool draft = false) const {
    return {current, &previous, kunder, draft, nullptr};
  }
};

Workbook read_back(const std::string& bytes, const char* name) {
  return arsanalys::xlsx::read_workbook(
      std::as_bytes(std::span<const char>(bytes.data(), bytes.size())), name);
}

std::string text_at(const Workbook& wb, const Sheet& s, std::uint32_t row, std::uint32_t col) {
  const Cell* c = s.find(row, col);
  return c == nullptr ? std::string() : std::string(wb.text(*c));
}

/// The number of a cell (a formula's cached value), nullopt when empty or text.
std::optional<double> number_at(const Sheet& s, std::uint32_t row, std::uint32_t col) {
  const Cell* c = s.find(row, col);
  if (c == nullptr || c->type != CellType::number) return std::nullopt;
  return c->number;
}

std::string formula_at(const Workbook& wb, const Sheet& s, std::uint32_t row, std::uint32_t col) {
  const Cell* c = s.find(row, col);
  return c == nullptr ? std::string() : std::string(wb.formula(*c));
}

/// The 0-based row whose column `col` holds `text`, or -1.
long row_of(const Workbook& wb, const Sheet& s, const std::string& text, std::uint32_t col = 0) {
  for (const Cell& c : s.cells) {
    if (c.col == col && c.type == CellType::string && wb.text(c) == text) return c.row;
  }
  return -1;
}

/// The 0-based column of `text` in a row, or -1.
long col_of(const Workbook& wb, const Sheet& s, std::uint32_t row, const std::string& text) {
  for (const Cell& c : s.cells) {
    if (c.row == row && c.type == CellType::string && wb.text(c) == text) return c.col;
  }
  return -1;
}

const Sheet& sheet_named(const Workbook& wb, const std::string& name) {
  const Sheet* s = wb.sheet(name);
  INFO(name);
  REQUIRE(s != nullptr);
  return *s;
}

std::size_t chars(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::map<std::string, std::int64_t> allocated(std::int64_t kr, const f::Key& key,
                                              const f::Kunder& kunder) {
  return f::allocate(kr, key, kunder).value().customers_kr.to_map();
}

}  // namespace

TEST_CASE("fordelning.xlsx: sheets in order, Swedish, valid and unique names", "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  std::vector<std::string> names;
  for (const Sheet& s : wb.sheets) names.push_back(s.name);
  REQUIRE(names.size() == 11);
  CHECK(names[0] == "Översikt");
  CHECK(names[1] == "Nämnden för demokrati och medbo");
  CHECK(names[2] == "Inköp och upphandlingsnämnden");
  CHECK(names[3] == "Nämnden för demokrati och m (2)");
  CHECK(names[4] == "Per kund");
  CHECK(names[5] == "Förvaltningar 75 % och bolag 25");
  CHECK(names[6] == "Leverantörsfakturor");
  CHECK(names[7] == "INK 15 %, förvaltningar 63,75 %");
  CHECK(names[8] == "Föreslagna nycklar");
  CHECK(names[9] == "Ej fördelat");
  CHECK(names[10] == "Rader");
  for (const std::string& n : names) CHECK(chars(n) <= 31);
}

TEST_CASE("fordelning.xlsx: a supplier's customer × service matrix with live totals",
          "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Nämnden för demokrati och medbo");
  CHECK(text_at(wb, s, 0, 0) == "Nämnden för demokrati och medborgarservice: fördelning 2024");

  long header = row_of(wb, s, "Kund-id");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  // Lines by table: förvaltning before utveckling; the not allocated 3.1c line is no column.
  CHECK(text_at(wb, s, h, 3) == "Göteborgs Stads kontaktcenter");
  CHECK(text_at(wb, s, h, 4) == "E-tjänster");
  CHECK(text_at(wb, s, h, 5) == "Summa (kr)");
  CHECK(text_at(wb, s, h - 5, 3) == "3.1a Förvaltningskostnader");
  CHECK(text_at(wb, s, h - 5, 4) == "3.1b Utvecklingskostnader");
  CHECK(text_at(wb, s, h - 3, 3) == "Förvaltningar 75 % och bolag 25 %");
  CHECK(text_at(wb, s, h - 2, 3) == "demokrati.xlsx: '3.1 Kostnader'!D5");
  CHECK(number_at(s, h - 1, 3) == 1'000'001.0);
  CHECK(number_at(s, h - 1, 4) == -100.0);
  CHECK(formula_at(wb, s, h - 1, 5) == "SUM(D" + std::to_string(h) + ":E" + std::to_string(h) + ")");
  CHECK(number_at(s, h - 1, 5) == 1'000'001.0 - 100);

  // Customers in Kund-id order, with name and type.
  const char* ids[] = {"B1", "B2", "F1", "F2", "INK", "X9"};
  for (std::uint32_t i = 0; i < 6; ++i) CHECK(text_at(wb, s, h + 1 + i, 0) == ids[i]);
  CHECK(text_at(wb, s, h + 4, 1) == "Förvaltning två");
  CHECK(text_at(wb, s, h + 4, 2) == "Förvaltning");
  // 1 000 001 kr by 75/25: F1 150 000, F2 450 001, INK 150 000, B1 187 500, B2 62 500.
  CHECK(number_at(s, h + 1, 3) == 187'500.0);
  CHECK(number_at(s, h + 2, 3) == 62'500.0);
  CHECK(number_at(s, h + 3, 3) == 150'000.0);
  CHECK(number_at(s, h + 4, 3) == 450'001.0);
  CHECK(number_at(s, h + 5, 3) == 150'000.0);
  CHECK_FALSE(number_at(s, h + 6, 3));  // X9: not selected, left empty
  // -100 kr by invoices: F1 900+300, F2 500, B1 200+300, B2 300 of 2 500.
  auto fakt = allocated(-100, fx.kunder.keys[1], fx.kunder);
  CHECK(number_at(s, h + 3, 4) == static_cast<double>(fakt.at("F1")));
  CHECK(number_at(s, h + 4, 4) == static_cast<double>(fakt.at("F2")));

  // Row totals and column totals are formulas with their values.
  std::string r = std::to_string(h + 5);  // F2's row, 1-based
  CHECK(formula_at(wb, s, h + 4, 5) == "SUM(D" + r + ":E" + r + ")");
  CHECK(number_at(s, h + 4, 5) == static_cast<double>(450'001 + fakt.at("F2")));
  std::uint32_t sum_row = h + 7;
  CHECK(text_at(wb, s, sum_row, 0) == "Summa");
  CHECK(formula_at(wb, s, sum_row, 3) ==
        "SUM(D" + std::to_string(h + 2) + ":D" + std::to_string(h + 7) + ")");
  CHECK(number_at(s, sum_row, 3) == 1'000'001.0);
  CHECK(number_at(s, sum_row, 4) == -100.0);
  CHECK(number_at(s, sum_row, 5) == 1'000'001.0 - 100);  // the grand total, to the krona
  CHECK(formula_at(wb, s, sum_row, 5) ==
        "SUM(F" + std::to_string(h + 2) + ":F" + std::to_string(h + 7) + ")");
  // The check row: each column's total less the line's amount.
  CHECK(text_at(wb, s, sum_row + 1, 0) == "Kontroll: summa − radens belopp (ska vara 0)");
  for (std::uint32_t c = 3; c <= 5; ++c) CHECK(number_at(s, sum_row + 1, c) == 0.0);
  CHECK(formula_at(wb, s, sum_row + 1, 3) ==
        "D" + std::to_string(sum_row + 1) + "-D" + std::to_string(h));
  CHECK(text_at(wb, s, 2, 0) ==
        "Ej fördelat: 1 rad om sammanlagt 50 000 kr, se bladet Ej fördelat.");
  // Kronor shown with thousands grouped, negative amounts red with a minus.
  CHECK(wb.format(*s.find(h + 4, 3)).code == "#,##0;[Red]-#,##0");
}

TEST_CASE("fordelning.xlsx: the overview accounts for every krona", "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Översikt");
  CHECK(text_at(wb, s, 0, 0) == "Fördelning 2024");
  long header = row_of(wb, s, "Leverantör");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(text_at(wb, s, h, 2) == "Fördelat (kr)");
  CHECK(text_at(wb, s, h, 3) == "Ej fördelat (kr)");
  CHECK(text_at(wb, s, h, 4) == "Radernas summa (kr)");
  CHECK(text_at(wb, s, h + 1, 0) == kDemokrati);
  CHECK(number_at(s, h + 1, 1) == 3.0);
  CHECK(number_at(s, h + 1, 2) == 1'000'001.0 - 100);
  CHECK(formula_at(wb, s, h + 1, 2).starts_with("'Nämnden för demokrati och medbo'!F"));
  CHECK(number_at(s, h + 1, 3) == 50'000.0);
  CHECK(formula_at(wb, s, h + 1, 3).starts_with("SUM('Ej fördelat'!F"));
  CHECK(number_at(s, h + 1, 4) == 1'000'001.0 - 100 + 50'000);
  CHECK(number_at(s, h + 1, 5) == 0.0);
  std::string r = std::to_string(h + 2);
  CHECK(formula_at(wb, s, h + 1, 5) == "C" + r + "+D" + r + "-E" + r);
  CHECK(text_at(wb, s, h + 2, 0) == kInkop);
  CHECK(number_at(s, h + 2, 3) == 0.0);
  CHECK(text_at(wb, s, h + 3, 0) == kDemokrati2);
  // Totals: 1 900 011 kr allocated, 50 000 kr not, 1 949 911 kr of lines, nothing lost.
  CHECK(text_at(wb, s, h + 4, 0) == "Summa");
  CHECK(number_at(s, h + 4, 2) == 1'900'011.0 - 100);
  CHECK(number_at(s, h + 4, 3) == 50'000.0);
  CHECK(number_at(s, h + 4, 4) == 1'950'011.0 - 100);
  CHECK(number_at(s, h + 4, 5) == 0.0);
  CHECK(formula_at(wb, s, h + 4, 2) == "SUM(C" + r + ":C" + std::to_string(h + 4) + ")");
  CHECK(text_at(wb, s, h + 5, 0) == "Kontroll mot körningens totaler (ska vara 0)");
  CHECK(number_at(s, h + 5, 2) == 0.0);
  CHECK(number_at(s, h + 5, 3) == 0.0);
}

TEST_CASE("fordelning.xlsx: Ej fördelat lists each line with source and reason",
          "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Ej fördelat");
  long header = row_of(wb, s, "Leverantör");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(col_of(wb, s, h, "Källa") == 6);
  CHECK(text_at(wb, s, h + 1, 0) == kDemokrati);
  CHECK(text_at(wb, s, h + 1, 1) == "demokrati.xlsx");
  CHECK(text_at(wb, s, h + 1, 2) == "Nya insatser");
  CHECK(text_at(wb, s, h + 1, 4) == "Ny insats X");
  CHECK(number_at(s, h + 1, 5) == 50'000.0);
  CHECK(text_at(wb, s, h + 1, 6) == "'3.1 Kostnader'!B7");
  CHECK(text_at(wb, s, h + 1, 7) == "Ingen rad i Tjänster för den nya insatsen.");
  CHECK(text_at(wb, s, h + 2, 0) == "Summa");
  CHECK(number_at(s, h + 2, 5) == 50'000.0);
  CHECK(formula_at(wb, s, h + 2, 5) ==
        "SUM(F" + std::to_string(h + 2) + ":F" + std::to_string(h + 2) + ")");
}

TEST_CASE("fordelning.xlsx: a key's steps, measures, weights and exact shares",
          "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Förvaltningar 75 % och bolag 25");
  CHECK(text_at(wb, s, 0, 0) == "Nyckel: Förvaltningar 75 % och bolag 25 %");
  CHECK(text_at(wb, s, 1, 0) ==
        "Så fungerar nyckeln: 75 % till förvaltningarna efter Antal anställda, 25 % till bolagen "
        "efter Stadshus AB-nyckel.");
  long steps = row_of(wb, s, "Steg");
  REQUIRE(steps > 0);
  auto st = static_cast<std::uint32_t>(steps);
  CHECK(text_at(wb, s, st + 1, 1) == "75 %");
  CHECK(text_at(wb, s, st + 1, 2) == "Typ=Förvaltning");
  CHECK(text_at(wb, s, st + 1, 3) == "Antal anställda");
  CHECK(number_at(s, st + 1, 4) == 3.0);
  CHECK(text_at(wb, s, st + 2, 3) == "Stadshus AB-nyckel");

  long header = row_of(wb, s, "Kund-id");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  // Step 1: Antal anställda, Vikt, Andel, Bråk; step 2 the same; then the whole key.
  CHECK(text_at(wb, s, h, 3) == "Antal anställda");
  CHECK(text_at(wb, s, h, 4) == "Vikt");
  CHECK(text_at(wb, s, h, 5) == "Andel av steget");
  CHECK(text_at(wb, s, h, 7) == "Stadshus AB-nyckel");
  CHECK(text_at(wb, s, h, 11) == "Andel av nyckeln");
  CHECK(text_at(wb, s, h, 13) == "Kronor 2024 med nyckeln");
  CHECK(text_at(wb, s, h - 1, 3) == "Steg 1: 75 %");
  // B1, B2, F1, F2, INK. F2: 300 employees, 3/5 of step 1, 9/20 of the key.
  CHECK(text_at(wb, s, h + 4, 0) == "F2");
  CHECK(number_at(s, h + 4, 3) == 300.0);
  CHECK(number_at(s, h + 4, 5) == Approx(0.6));
  CHECK(text_at(wb, s, h + 4, 6) == "3/5");
  CHECK(number_at(s, h + 4, 11) == Approx(0.45));
  CHECK(text_at(wb, s, h + 4, 12) == "9/20");
  // B1: 7,5 of the Stadshus AB key shown as 7.5 with one decimal.
  CHECK(number_at(s, h + 1, 7) == 7.5);
  CHECK(wb.format(*s.find(h + 1, 7)).code == "#,##0.0");
  CHECK(text_at(wb, s, h + 1, 10) == "3/4");
  CHECK(text_at(wb, s, h + 1, 12) == "3/16");
  // Kronor by the key over both of its lines (1 000 001 and 900 000 kr).
  auto a = allocated(1'000'001, fx.kunder.keys[0], fx.kunder);
  auto b = allocated(900'000, fx.kunder.keys[0], fx.kunder);
  CHECK(number_at(s, h + 4, 13) == static_cast<double>(a.at("F2") + b.at("F2")));
  CHECK(text_at(wb, s, h + 6, 0) == "Summa");
  CHECK(number_at(s, h + 6, 13) == 1'900'001.0);
  CHECK(number_at(s, h + 6, 11) == 1.0);
  CHECK(formula_at(wb, s, h + 6, 11) ==
        "SUM(L" + std::to_string(h + 2) + ":L" + std::to_string(h + 6) + ")");
}

TEST_CASE("fordelning.xlsx: current against proposed key per customer", "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Föreslagna nycklar");
  long block = row_of(wb, s, "Inköp och upphandlingsnämnden: Stöd vid upphandling (Förvaltning), 900 000 kr");
  REQUIRE(block > 0);
  auto b = static_cast<std::uint32_t>(block);
  CHECK(text_at(wb, s, b + 2, 3) == "Nuvarande nycklar (kr)");
  CHECK(text_at(wb, s, b + 2, 5) == "Skillnad (kr)");
  auto now = allocated(900'000, fx.kunder.keys[0], fx.kunder);
  auto proposed = allocated(900'000, fx.kunder.keys[2], fx.kunder);
  // B1, B2, F1, F2, INK.
  CHECK(text_at(wb, s, b + 7, 0) == "INK");
  CHECK(number_at(s, b + 7, 3) == static_cast<double>(now.at("INK")));
  CHECK(number_at(s, b + 7, 4) == static_cast<double>(proposed.at("INK")));
  CHECK(number_at(s, b + 7, 5) == static_cast<double>(proposed.at("INK") - now.at("INK")));
  std::string r = std::to_string(b + 8);
  CHECK(formula_at(wb, s, b + 7, 5) == "E" + r + "-D" + r);
  CHECK(text_at(wb, s, b + 8, 0) == "Summa");
  CHECK(number_at(s, b + 8, 3) == 900'000.0);
  CHECK(number_at(s, b + 8, 4) == 900'000.0);
  CHECK(number_at(s, b + 8, 5) == 0.0);
  // In all: the run's totals by current and proposed keys.
  long all = row_of(wb, s, "Alla rader");
  REQUIRE(all > 0);
  auto a = static_cast<std::uint32_t>(all);
  CHECK(text_at(wb, s, a + 6, 0) == "INK");
  CHECK(number_at(s, a + 6, 3) == static_cast<double>(fx.current.customer_totals.at("INK")));
  CHECK(number_at(s, a + 6, 4) ==
        static_cast<double>(fx.current.customer_totals_proposed.at("INK")));
}

TEST_CASE("fordelning.xlsx: per customer, every supplier, against the run's totals",
          "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Per kund");
  long header = row_of(wb, s, "Kund-id");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(text_at(wb, s, h, 3) == kDemokrati + " (kr)");
  CHECK(text_at(wb, s, h + 4, 0) == "F2");
  std::int64_t f2 = fx.current.customer_totals.at("F2");
  CHECK(number_at(s, h + 4, 6) == static_cast<double>(f2));
  CHECK(number_at(s, h + 4, 7) == static_cast<double>(f2));
  CHECK(number_at(s, h + 4, 8) == 0.0);
  CHECK(formula_at(wb, s, h + 4, 4).starts_with("'Inköp och upphandlingsnämnden'!E"));
  CHECK(text_at(wb, s, h + 7, 0) == "Summa");
  CHECK(number_at(s, h + 7, 6) == 1'900'011.0 - 100);
}

TEST_CASE("fordelning.xlsx: every line with its source cell", "[output][fordelning]") {
  Fixture fx;
  Workbook wb = read_back(fordelning_xlsx(fx.book()), "fordelning.xlsx");
  const Sheet& s = sheet_named(wb, "Rader");
  long header = row_of(wb, s, "Leverantör");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(text_at(wb, s, h + 4, 3) == "Stöd vid upphandling");
  CHECK(text_at(wb, s, h + 4, 7) == "Förvaltningar 75 % och bolag 25 %");
  CHECK(text_at(wb, s, h + 4, 10) == "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %");
  CHECK(text_at(wb, s, h + 4, 11) == "inkop.xlsx: '3.1 Kostnader'!D6");
  CHECK(text_at(wb, s, h + 6, 0) == "Summa");
  CHECK(number_at(s, h + 6, 4) == 1'950'011.0 - 100);
  CHECK(number_at(s, h + 6, 5) == 1'900'011.0 - 100);
  CHECK(number_at(s, h + 6, 6) == 50'000.0);
}

TEST_CASE("fordelning.xlsx: a draft says so at the top of every sheet", "[output][fordelning]") {
  Fixture fx;
  Workbook draft = read_back(fordelning_xlsx(fx.book(true)), "fordelning.xlsx");
  for (const Sheet& s : draft.sheets) {
    INFO(s.name);
    CHECK(text_at(draft, s, 0, 0).starts_with("UTKAST: körningen har fynd av nivån fel."));
  }
  CHECK(text_at(draft, draft.sheets[0], 1, 0) == "Fördelning 2024");
  // The figures are the same, one row down.
  const Sheet& s = sheet_named(draft, "Översikt");
  long header = row_of(draft, s, "Leverantör");
  REQUIRE(header > 0);
  CHECK(number_at(s, static_cast<std::uint32_t>(header) + 1, 3) == 50'000.0);
  Workbook final_wb = read_back(fordelning_xlsx(fx.book(false)), "fordelning.xlsx");
  for (const Sheet& f : final_wb.sheets) CHECK_FALSE(text_at(final_wb, f, 0, 0).starts_with("UTKAST"));
}

TEST_CASE("fordelning.xlsx: the same round gives the same bytes", "[output][fordelning]") {
  Fixture fx;
  CHECK(fordelning_xlsx(fx.book()) == fordelning_xlsx(fx.book()));
  CHECK(customer_xlsx(fx.book(), fx.kunder.customers[1]) ==
        customer_xlsx(fx.book(), fx.kunder.customers[1]));
}

TEST_CASE("fordelning.xlsx: a round without lines or proposals still explains itself",
          "[output][fordelning]") {
  Fixture fx;
  f::RoundAllocation empty;
  empty.year = 2024;
  AllocationBook book{empty, nullptr, fx.kunder, false, nullptr};
  Workbook wb = read_back(fordelning_xlsx(book), "fordelning.xlsx");
  REQUIRE(wb.sheets.size() == 5);
  CHECK(text_at(wb, sheet_named(wb, "Översikt"), 4, 0) == "Inga leverantörsrader i omgången.");
  CHECK(text_at(wb, sheet_named(wb, "Ej fördelat"), 3, 0) == "Alla rader fördelades.");
  const Sheet& p = sheet_named(wb, "Föreslagna nycklar");
  CHECK(text_at(wb, p, 3, 0) ==
        "Inga förslag: kunder.xlsx har inget Förslag nyckel för årets rader.");
}

TEST_CASE("fordelning.xlsx: proposals beyond Excel's last row are counted, not a failure (issue 16)",
          "[output][fordelning]") {
  // 40 000 customers and 30 lines with a proposed key: 31 tables of 40 000 rows would pass
  // row 1 048 576. The tables that fit are written whole, the rest said in one sentence.
  f::Kunder k;
  k.file = "kunder.xlsx";
  k.customer_sheet = "Kunder";
  for (int i = 0; i < 40'000; ++i) {
    k.customers.push_back(customer(fmt::format("K{:05}", i), "Kund", "Förvaltning", {}));
  }
  f::Key lika;
  lika.name = "Lika";
  lika.steps = {step("100", "alla", "lika")};
  k.keys = {lika};
  f::RoundAllocation r;
  r.year = 2024;
  for (int i = 0; i < 30; ++i) {
    r.lines.push_back(line(kInkop, "inkop.xlsx", "forvaltning", fmt::format("Tjänst {}", i),
                           1'000'000 + i, fmt::format("D{}", i + 5), &k.keys[0], k,
                           &k.keys[0]));
  }
  total_up(r, k);
  AllocationBook book{r, nullptr, k, false};
  Workbook wb = read_back(fordelning_xlsx(book), "fordelning.xlsx");
  const Sheet& p = sheet_named(wb, "Föreslagna nycklar");
  std::uint32_t last = 0;
  for (const Cell& c : p.cells) last = std::max(last, c.row);
  CHECK(last < 1'048'576);
  // A line's table takes 40 005 rows; one is begun only when room is left for both its lists
  // (an upper bound of their union: 80 008 rows), so 24 fit after the table of all lines and
  // 6 are counted.
  long tables = 0;
  for (const Cell& c : p.cells) {
    if (c.col == 0 && c.type == CellType::string && wb.text(c) == "Summa") ++tables;
  }
  CHECK(tables == 1 + 24);
  CHECK(text_at(wb, p, last, 0) ==
        "Ytterligare 6 rader med föreslagen nyckel får inte plats på bladet (Excel har högst "
        "1 048 576 rader per blad). Tabellen Alla rader ovan räknar med dem.");
}

TEST_CASE("Kundbesked: per supplier and service, key, measure, share, last year, total",
          "[output][fordelning]") {
  Fixture fx;
  const f::Customer& f2 = fx.kunder.customers[1];
  Workbook wb = read_back(customer_xlsx(fx.book(), f2), "F2.xlsx");
  REQUIRE(wb.sheets.size() == 1);
  const Sheet& s = wb.sheets[0];
  CHECK(s.name == "Kundbesked");
  CHECK(text_at(wb, s, 0, 0) == "Kundbesked 2024: Förvaltning två");
  CHECK(text_at(wb, s, 1, 0) == "Kund-id F2, Förvaltning");
  CHECK(text_at(wb, s, 2, 0) == "Att betala 2024");
  CHECK(text_at(wb, s, 3, 0) == "Förra året (2023)");

  long header = row_of(wb, s, "Leverantör");
  REQUIRE(header > 0);
  auto h = static_cast<std::uint32_t>(header);
  CHECK(text_at(wb, s, h, 8) == "Förra året 2023 (kr)");
  auto now = allocated(1'000'001, fx.kunder.keys[0], fx.kunder);
  auto before = allocated(900'000, fx.kunder.keys[0], fx.kunder);
  auto fakt = allocated(-100, fx.kunder.keys[1], fx.kunder);
  // Demokrati: the contact centre (förvaltning), then E-tjänster (utveckling).
  CHECK(text_at(wb, s, h + 1, 0) == kDemokrati);
  CHECK(text_at(wb, s, h + 1, 1) == "Göteborgs Stads kontaktcenter");
  CHECK(text_at(wb, s, h + 1, 2) == "Förvaltning");
  CHECK(text_at(wb, s, h + 1, 3) == "Förvaltningar 75 % och bolag 25 %");
  CHECK(text_at(wb, s, h + 1, 4) == "steg 1: Antal anställda 300");
  CHECK(number_at(s, h + 1, 5) == Approx(0.45));
  CHECK(number_at(s, h + 1, 6) == 1'000'001.0);
  CHECK(number_at(s, h + 1, 7) == 450'001.0);
  CHECK(number_at(s, h + 1, 8) == static_cast<double>(before.at("F2")));
  CHECK(number_at(s, h + 1, 9) == static_cast<double>(450'001 - before.at("F2")));
  std::string r = std::to_string(h + 2);
  CHECK(formula_at(wb, s, h + 1, 9) == "H" + r + "-I" + r);
  CHECK(text_at(wb, s, h + 1, 10) == "demokrati.xlsx: '3.1 Kostnader'!D5");
  CHECK(text_at(wb, s, h + 2, 1) == "E-tjänster");
  CHECK(text_at(wb, s, h + 2, 4) ==
        "Digitala fakturor 500 + 3 × Pappersfakturor 0");
  CHECK(number_at(s, h + 2, 7) == static_cast<double>(fakt.at("F2")));
  CHECK(text_at(wb, s, h + 2, 8) == "uppgift saknas");
  CHECK(text_at(wb, s, h + 3, 0) == "Summa " + kDemokrati);
  CHECK(number_at(s, h + 3, 7) == static_cast<double>(450'001 + fakt.at("F2")));
  CHECK(formula_at(wb, s, h + 3, 7) == "SUM(H" + std::to_string(h + 2) + ":H" + std::to_string(h + 3) + ")");
  // Then Inköp, then the other Demokrati-like supplier; the total adds the subtotals.
  CHECK(text_at(wb, s, h + 4, 0) == kInkop);
  CHECK(number_at(s, h + 4, 8) == static_cast<double>(allocated(800'000, fx.kunder.keys[0], fx.kunder).at("F2")));
  long total = row_of(wb, s, "Totalt att betala 2024");
  REQUIRE(total > 0);
  auto t = static_cast<std::uint32_t>(total);
  CHECK(number_at(s, t, 7) == static_cast<double>(fx.current.customer_totals.at("F2")));
  CHECK(formula_at(wb, s, t, 7).starts_with("H" + std::to_string(h + 4) + "+H"));
  // The summary at the top points at the total.
  CHECK(number_at(s, 2, 1) == static_cast<double>(fx.current.customer_totals.at("F2")));
  CHECK(formula_at(wb, s, 2, 1) == "H" + std::to_string(t + 1));
  CHECK(number_at(s, 3, 1) == static_cast<double>(fx.previous.customer_totals.at("F2")));
  // How the keys work, and F2's share of each.
  long keys = row_of(wb, s, "Så fördelas kostnaderna");
  REQUIRE(keys > 0);
  auto k = static_cast<std::uint32_t>(keys);
  CHECK(text_at(wb, s, k + 2, 0) == "Förvaltningar 75 % och bolag 25 %");
  CHECK(text_at(wb, s, k + 2, 2) ==
        "75 % till förvaltningarna efter Antal anställda, 25 % till bolagen efter Stadshus "
        "AB-nyckel.");
  // Shares as a person reads them (issue 15): the whole key's share, then each step's measure.
  CHECK(text_at(wb, s, k + 2, 5) == "45 % av beloppet: steg 1 (75 %): 300 av 500 anställda (60 %)");
  CHECK(text_at(wb, s, k + 3, 2) ==
        "Hela beloppet till förvaltningarna och bolagen efter Digitala fakturor + 3 × "
        "Pappersfakturor.");
  CHECK(text_at(wb, s, k + 3, 5) ==
        "500 av 2 500 enligt Digitala fakturor + 3 × Pappersfakturor (20 %)");
}

TEST_CASE("Kundbesked: a customer charged nothing is told so", "[output][fordelning]") {
  Fixture fx;
  const f::Customer& x9 = fx.kunder.customers[5];
  Workbook wb = read_back(customer_xlsx(fx.book(true), x9), "X9.xlsx");
  const Sheet& s = wb.sheets[0];
  CHECK(text_at(wb, s, 0, 0).starts_with("UTKAST"));
  CHECK(text_at(wb, s, 1, 0) == "Kundbesked 2024: Stiftelsen nio");
  long nothing = row_of(wb, s,
                        "Stiftelsen nio debiteras ingenting 2024: ingen av årets tjänster fördelas "
                        "med en nyckel som omfattar Stiftelsen nio (X9).");
  REQUIRE(nothing > 0);
  long total = row_of(wb, s, "Totalt att betala 2024");
  REQUIRE(total > 0);
  CHECK(number_at(s, static_cast<std::uint32_t>(total), 7) == 0.0);
  CHECK(number_at(s, 3, 1) == 0.0);
}

TEST_CASE("Kundbesked: without last year's figures", "[output][fordelning]") {
  Fixture fx;
  AllocationBook book{fx.current, nullptr, fx.kunder, false, nullptr};
  Workbook wb = read_back(customer_xlsx(book, fx.kunder.customers[0]), "F1.xlsx");
  const Sheet& s = wb.sheets[0];
  CHECK(text_at(wb, s, 3, 1) == "uppgift saknas");
  long header = row_of(wb, s, "Leverantör");
  REQUIRE(header > 0);
  CHECK(text_at(wb, s, static_cast<std::uint32_t>(header) + 1, 8) == "uppgift saknas");
}

TEST_CASE("Kundbesked: last year's round without allocated lines is no figure of 0",
          "[output][fordelning]") {
  Fixture fx;
  f::RoundAllocation nothing;  // as when no line has a figure for last year
  nothing.year = 2023;
  AllocationBook book{fx.current, &nothing, fx.kunder, false, nullptr};
  Workbook wb = read_back(customer_xlsx(book, fx.kunder.customers[1]), "F2.xlsx");
  const Sheet& s = wb.sheets[0];
  CHECK(text_at(wb, s, 3, 1) == "uppgift saknas");
  CHECK_FALSE(number_at(s, 3, 1));
  long total = row_of(wb, s, "Totalt att betala 2024");
  REQUIRE(total > 0);
  CHECK_FALSE(number_at(s, static_cast<std::uint32_t>(total), 8));
  // One supplier known, the others not: the totals of last year cover the known one only.
  f::RoundAllocation some;
  some.year = 2023;
  some.lines = {fx.previous.lines[1]};  // Inköp's line
  AllocationBook partial{fx.current, &some, fx.kunder, false, nullptr};
  Workbook pw = read_back(customer_xlsx(partial, fx.kunder.customers[1]), "F2.xlsx");
  const Sheet& ps = pw.sheets[0];
  std::int64_t before = allocated(800'000, fx.kunder.keys[0], fx.kunder).at("F2");
  long sum_demokrati = row_of(pw, ps, "Summa " + kDemokrati);
  REQUIRE(sum_demokrati > 0);
  CHECK(text_at(pw, ps, static_cast<std::uint32_t>(sum_demokrati), 8) == "uppgift saknas");
  CHECK(number_at(ps, 3, 1) == static_cast<double>(before));
  CHECK(number_at(ps, 4, 1) == static_cast<double>(405'000 - before));
  CHECK(text_at(pw, ps, 4, 2) ==
        "Förändringen gäller tjänsterna med uppgift för förra året; för några saknas den.");
}

TEST_CASE("customer_file_name keeps the Kund-id, unsafe characters replaced", "[output][fordelning]") {
  CHECK(customer_file_name("INK") == "INK.xlsx");
  CHECK(customer_file_name("ÄVO") == "ÄVO.xlsx");
  CHECK(customer_file_name("A/B") == "A_B.xlsx");
  CHECK(customer_file_name("a:b*c?\\d") == "a_b_c__d.xlsx");
  CHECK(customer_file_name("..") == "__.xlsx");
  CHECK(customer_file_name("") == "_.xlsx");
  CHECK(customer_file_name("Kund 7") == "Kund_7.xlsx");
  CHECK(customer_file_name("con") == "con_.xlsx");
}

TEST_CASE("customer_file_name: no name Windows reserves, no lock file, never too long (issue 16)",
          "[output][fordelning]") {
  CHECK(customer_file_name("aux.txt") == "aux_.txt.xlsx");
  CHECK(customer_file_name("PRN") == "PRN_.xlsx");
  CHECK(customer_file_name("~$lock") == "_$lock.xlsx");
  std::vector<f::Customer> customers(3);
  customers[0].id = std::string(237, 'K');
  customers[1].id = std::string(237, 'K') + "2";
  customers[2].id = "INK";
  std::vector<std::size_t> shortened;
  auto names = arsanalys::output::customer_file_names(customers, &shortened);
  CHECK(shortened == std::vector<std::size_t>{0, 1});
  CHECK(names[0] != names[1]);
  for (const auto& n : names) CHECK(n.size() <= 200);
  CHECK(names[2] == "INK.xlsx");
}

TEST_CASE("sheet_name: no sheet named History, no control character (issue 16)",
          "[output][fordelning]") {
  using arsanalys::writer::sheet_name;
  CHECK(sheet_name("History") == "History-");
  CHECK(sheet_name("history") == "history-");
  CHECK(sheet_name("Historik") == "Historik");
  CHECK(sheet_name(std::string("a\x01" "b\vc")) == "a-b-c");
  CHECK(sheet_name(std::string("a\xFF" "b")) == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("customer_file_names: two Kund-ids never share a file", "[output][fordelning]") {
  std::vector<f::Customer> customers(5);
  const char* ids[] = {"A/B", "A_B", "ab", "AB", "A:B"};
  for (std::size_t i = 0; i < 5; ++i) customers[i].id = ids[i];
  CHECK(arsanalys::output::customer_file_names(customers) ==
        std::vector<std::string>{"A_B.xlsx", "A_B-2.xlsx", "ab.xlsx", "AB-2.xlsx", "A_B-3.xlsx"});
}

// Not run by default: writes the fixture's workbooks for tests/output/check_fordelning.py,
// into the folder named by ARSANALYS_FORDELNING_OUT.
TEST_CASE("write the fixture's allocation workbooks", "[.fordelning_files]") {
  const char* out = std::getenv("ARSANALYS_FORDELNING_OUT");
  REQUIRE(out != nullptr);
  std::filesystem::path dir(out);
  Fixture fx;
  for (bool draft : {false, true}) {
    std::filesystem::path d = dir / (draft ? "utkast" : "slutlig");
    std::filesystem::create_directories(d / "kunder");
    arsanalys::write_file_atomic(d / "fordelning.xlsx", fordelning_xlsx(fx.book(draft)));
    for (const f::Customer& c : fx.kunder.customers) {
      arsanalys::write_file_atomic(d / "kunder" / customer_file_name(c.id),
                                   customer_xlsx(fx.book(draft), c));
    }
  }
}

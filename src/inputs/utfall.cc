#include "inputs/utfall.h"

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <set>

#include "core/file_io.h"
#include "core/text.h"
#include "fordelning/decimal.h"
#include "inputs/kunder.h"
#include "xlsx/cell_ref.h"
#include "xlsx/reader.h"

namespace arsanalys::inputs {
namespace {

using xlsx::Cell;
using xlsx::CellType;

constexpr std::uint32_t kHeaderRows = 30;  // the header is looked for this far down

/// Letters and digits of a folded header: "Utfall kr" -> "utfallkr".
std::string word(std::string_view text) {
  std::string out;
  for (char c : fold(text)) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) out += c;
  }
  return out;
}

/// A four-digit year 2000-2199 in a title ("Utfall 2024 för slutreglering"), if any.
std::optional<int> year_in(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = true;
    for (std::size_t j = i; j < i + 4; ++j) digits = digits && std::isdigit(static_cast<unsigned char>(text[j]));
    bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]))) &&
                 (i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4])));
    if (digits && alone) {
      int y = std::stoi(std::string(text.substr(i, 4)));
      if (y >= 2000 && y < 2200) return y;
    }
  }
  return std::nullopt;
}

/// Whole kronor from a cell: a number, or text such as "1 234 567" or "1 234 567 kr".
std::optional<std::int64_t> whole_kronor(const xlsx::Workbook& wb, const Cell& c) {
  std::optional<fordelning::Decimal> d;
  if (c.type == CellType::number) {
    d = fordelning::decimal_from_double(c.number);
  } else if (c.type == CellType::string) {
    std::string text = tidy(wb.text(c));
    if (text.size() > 2 && fold(text.substr(text.size() - 2)) == "kr") {
      text = tidy(text.substr(0, text.size() - 2));
    }
    d = fordelning::parse_decimal(text);
  }
  if (!d) return std::nullopt;
  fordelning::Decimal n = fordelning::normalised(*d);
  if (n.scale != 0) return std::nullopt;
  return n.units;
}

class OutcomeReader {
 public:
  OutcomeReader(const xlsx::Workbook& wb, int year, Outcome& out, Findings& findings)
      : wb_(wb), year_(year), out_(out), findings_(findings) {}

  void read(const xlsx::Sheet& sheet) {
    out_.sheet = sheet.name;
    sheet_ = &sheet;
    for (const Cell& c : sheet.cells) rows_[c.row][c.col] = &c;
    if (!find_header()) return;
    out_.readable = true;
    for (auto it = rows_.upper_bound(header_); it != rows_.end(); ++it) read_row(it->first);
  }

 private:
  bool find_header() {
    for (const auto& [row, cells] : rows_) {
      if (row >= kHeaderRows) break;
      std::optional<std::uint32_t> supplier, service, amount;
      for (const auto& [col, cell] : cells) {
        std::string w = word(register_cell_text(wb_, *cell));
        if ((w == "leverantor" || w == "leverantör") && !supplier) supplier = col;
        if ((w == "tjanst" || w == "tjänst") && !service) service = col;
        if (w.starts_with("utfall") && !amount) amount = col;
      }
      if (supplier && service && amount) {
        header_ = row;
        supplier_ = *supplier;
        service_ = *service;
        amount_ = *amount;
        return true;
      }
      // A title above the header may name the year.
      for (const auto& [col, cell] : cells) {
        if (cell->type != CellType::string) continue;
        std::optional<int> y = year_in(wb_.text(*cell));
        if (y && !out_.year) {
          out_.year = y;
          if (*y != year_) {
            report(Level::fel, "YEAR_MISMATCH", at(row, col),
                   fmt::format("Utfallet gäller {} men omgången gäller {}: slutregleringen "
                               "avser omgångens år.",
                               *y, year_));
          }
        }
      }
    }
    report(Level::fel, "TABLE_MISSING", {wb_.file_name, sheet_->name, ""},
           fmt::format("Bladet '{}' saknar rubrikraden; väntade rubrikerna Leverantör | Tjänst "
                       "| Utfall kr.",
                       sheet_->name));
    return false;
  }

  void read_row(std::uint32_t row) {
    std::string supplier = text(row, supplier_);
    std::string service = text(row, service_);
    const Cell* amount = cell(row, amount_);
    if (supplier.empty() && service.empty() && amount == nullptr) return;
    // A total row at the foot ("Summa", "Totalt") is no service.
    std::string first = word(supplier.empty() ? service : supplier);
    if (first.starts_with("summa") || first.starts_with("total")) return;
    if (supplier.empty() || service.empty()) {
      report(Level::fel, "REGISTER_INVALID", at(row, supplier.empty() ? supplier_ : service_),
             fmt::format("Raden saknar {}; den används inte.",
                         supplier.empty() ? "leverantör" : "tjänst"));
      return;
    }
    auto [it, fresh] = seen_.emplace(name_key(supplier) + '\n' + name_key(service), row);
    if (!fresh) {
      report(Level::fel, "REGISTER_INVALID", at(row, service_),
             fmt::format("Tjänsten '{}' hos '{}' står redan på rad {}; raden används inte.",
                         service, supplier, it->second + 1));
      return;
    }
    OutcomeRow r{supplier, service, std::nullopt, at(row, service_), at(row, amount_)};
    if (amount == nullptr) {
      report(Level::fel, "VALUE_MISSING", r.amount_at,
             fmt::format("Utfallet för '{}' saknas; väntade ett belopp i hela kronor.", service));
    } else if (std::optional<std::int64_t> kr = whole_kronor(wb_, *amount)) {
      r.actual_kr = kr;
    } else {
      report(Level::fel, "NUMBER_UNPARSED", r.amount_at,
             fmt::format("Utfallet för '{}' ska vara ett belopp i hela kronor, fann '{}'.",
                         service, register_cell_text(wb_, *amount)));
    }
    out_.rows.push_back(std::move(r));
  }

  const Cell* cell(std::uint32_t row, std::uint32_t col) const {
    auto r = rows_.find(row);
    if (r == rows_.end()) return nullptr;
    auto c = r->second.find(col);
    return c == r->second.end() ? nullptr : c->second;
  }
  std::string text(std::uint32_t row, std::uint32_t col) const {
    const Cell* c = cell(row, col);
    return c == nullptr ? std::string() : register_cell_text(wb_, *c);
  }
  Location at(std::uint32_t row, std::uint32_t col) const {
    return {wb_.file_name, sheet_->name, xlsx::to_string(xlsx::CellRef{row, col})};
  }
  void report(Level level, std::string code, Location where, std::string message) {
    findings_.push_back({std::move(code), level, std::move(where), std::move(message), {}, {}});
  }

  const xlsx::Workbook& wb_;
  int year_;
  Outcome& out_;
  Findings& findings_;
  const xlsx::Sheet* sheet_ = nullptr;
  std::map<std::uint32_t, std::map<std::uint32_t, const Cell*>> rows_;
  std::uint32_t header_ = 0, supplier_ = 0, service_ = 0, amount_ = 0;
  std::map<std::string, std::uint32_t> seen_;  // supplier and service, name_key -> row
};

}  // namespace

Outcome read_outcome(const xlsx::Workbook& wb, int year, Findings& findings) {
  Outcome out;
  out.file = wb.file_name;
  const xlsx::Sheet* sheet = nullptr;
  for (const xlsx::Sheet& s : wb.sheets) {
    if (s.kind == xlsx::SheetKind::worksheet && word(s.name) == "utfall") sheet = &s;
  }
  if (sheet == nullptr) {
    findings.push_back({"TABLE_MISSING",
                        Level::fel,
                        {wb.file_name, "", ""},
                        "Bladet 'Utfall' saknas; väntade rubrikerna Leverantör | Tjänst | Utfall "
                        "kr och en rad per leverantör och tjänst.",
                        {},
                        {}});
  } else {
    OutcomeReader(wb, year, out, findings).read(*sheet);
  }
  out.volumes = read_customer_sheet(wb, findings);
  if (out.volumes) {
    // Each customer's Kund-id cell: the cell of its row holding its Kund-id.
    const xlsx::Sheet* kunder = nullptr;
    for (const xlsx::Sheet& s : wb.sheets) {
      if (s.kind == xlsx::SheetKind::worksheet && word(s.name) == "kunder") kunder = &s;
    }
    out.volumes->customer_sheet = kunder != nullptr ? kunder->name : "Kunder";
    static const std::vector<Cell> kNone;
    const std::vector<Cell>& cells = kunder != nullptr ? kunder->cells : kNone;
    for (const fordelning::Customer& c : out.volumes->customers) {
      Location at{wb.file_name, out.volumes->customer_sheet, ""};
      for (const Cell& cell : cells) {
        if (cell.row == c.row && register_cell_text(wb, cell) == c.id) {
          at.cell = xlsx::to_string(cell.ref());
          break;
        }
      }
      out.volume_ids.push_back(std::move(at));
    }
    for (const fordelning::Measure& m : out.volumes->measures) {
      Location at{wb.file_name, out.volumes->customer_sheet, ""};
      for (const Cell& cell : cells) {
        if (cell.col == m.col && register_cell_text(wb, cell) == m.name) {
          at.cell = xlsx::to_string(cell.ref());
          break;
        }
      }
      out.measure_at.push_back(std::move(at));
    }
  }
  return out;
}

Outcome read_outcome_file(const std::filesystem::path& path, int year, Findings& findings) {
  std::string name = path.filename().string();
  std::vector<std::byte> bytes = read_file(path, name);
  return read_outcome(xlsx::read_workbook(bytes, name), year, findings);
}

}  // namespace arsanalys::inputs

#include "fordelning/round_allocation.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "analys/normalise.h"
#include "core/text.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::fordelning {

using analys::ColumnKind;

namespace {

using analys::Line;
using analys::LineKind;
using analys::Table;

Location label_cell(const analys::Submission& s, const Table& t, const Line& line) {
  return Location{s.file, t.sheet, xlsx::to_string(xlsx::CellRef{line.row, t.label_col})};
}


/// The names of the round's suppliers, for the catalogue's `Levereras till`.
std::vector<std::string> supplier_names(const std::vector<analys::Submission>& submissions) {
  std::vector<std::string> out;
  for (const analys::Submission& s : submissions) out.push_back(s.supplier);
  return out;
}

class RoundAllocator {
 public:
  RoundAllocator(int year, const Kunder& kunder, const Catalogue& catalogue, Findings& findings,
                 Detail detail)
      : year_(year), kunder_(kunder), catalogue_(catalogue), findings_(findings), detail_(detail) {
    result_.year = year;
    for (const Customer& c : kunder.customers) {
      result_.customer_totals[c.id] = 0;
      result_.customer_totals_proposed[c.id] = 0;
    }
  }

  void add(const analys::Submission& s) {
    for (const char* id : {"forvaltning", "utveckling", "nya_insatser"}) {
      if (const Table* t = s.table(id)) add_table(s, *t);
    }
  }

  RoundAllocation take() {
    totals_.add_to(result_.customer_totals);
    proposed_totals_.add_to(result_.customer_totals_proposed);
    return std::move(result_);
  }

 private:
  void add_table(const analys::Submission& s, const Table& t) {
    std::size_t col = 0;
    if (!year_column(t, year_, &col)) return;  // YEAR_MISMATCH / TABLE_MISSING say why
    for (const Line& line : t.lines) {
      if (line.kind != LineKind::row) continue;
      const auto& v = line.values[col];
      if (!v || v->amount.kind != analys::Amount::Kind::amount || v->amount.kronor == 0) continue;
      LineAllocation a;
      a.supplier = s.supplier;
      a.file = s.file;
      a.table = t.id;
      a.service = line.label;
      a.area = line.area;
      a.year = year_;
      a.amount_kr = v->amount.kronor;
      a.source = v->source;
      a.key_text = key_text_for(s, line.label);
      LineClass c = catalogue_.classify(s, t, line);
      a.category = c.category;
      a.financing = c.financing;
      a.in_frames = c.in_frames;
      a.receiver = c.receiver;
      charge(s, t, line, c, a);
      count(a);
      result_.lines.push_back(std::move(a));
    }
  }

  /// What becomes of the line, as the catalogue says.
  void charge(const analys::Submission& s, const Table& t, const Line& line, const LineClass& c,
              LineAllocation& a) {
    if (catalogue_.present() && (c.row == nullptr || c.category == Category::okand)) {
      a.reason = c.reason + " Fördelas inte förrän katalogen säger vad raden är.";
      return;
    }
    switch (c.receiver.kind) {
      case Receiver::Kind::unknown:
        a.reason = fmt::format("Mottagaren '{}' i 'Levereras till' är okänd: fördelas inte.",
                               c.receiver.name);
        return;
      case Receiver::Kind::supplier:
        a.charging = Charging::to_supplier;
        return;
      case Receiver::Kind::customer:
        a.charging = Charging::to_customer;
        a.allocation = Allocation{a.amount_kr, {}, CustomerKronor({{c.receiver.customer,
                                                                      a.amount_kr}})};
        return;
      case Receiver::Kind::none:
        break;
    }
    if (c.financing == Financing::faktura_a_pris) {
      a.charging = Charging::invoiced;
      return;
    }
    if (c.financing == Financing::kommunbidrag) {
      a.charging = Charging::kommunbidrag;
      return;
    }
    KeyMatch match =
        match_key(s.supplier, analys::line_area(s, t, line), line.label, a.key_text, kunder_);
    bool named = match.source == KeySource::tjanst;
    if (t.id == "nya_insatser" && !named) {
      a.reason = "Ny förändringsinsats utan egen rad i Tjänster i kunder.xlsx: fördelas inte.";
    } else if (!match.key) {
      a.reason = "Ingen fördelningsnyckel: varken Tjänster i kunder.xlsx eller tabell 3.2 "
                 "anger någon känd nyckel.";
      report_missing(s, t, line, a.key_text);
    } else {
      if (c.row != nullptr && c.row->used_by) a.used_by = &*c.row->used_by;
      allocate_line(a, match);
    }
  }

  /// The line allocated by its key, or the reason it is not.
  void allocate_line(LineAllocation& out, const KeyMatch& match) {
    out.key = match.key;
    out.key_source = match.source;
    out.proposed_key = match.proposed;
    if (!match.key->usable) {
      out.reason = fmt::format("Nyckeln '{}' kan inte användas (se fynden för kunder.xlsx).",
                               match.key->name);
      return;
    }
    const KeyWeights* weights = weights_of(*match.key, out.used_by);
    if (weights == nullptr) {
      out.reason = out.used_by != nullptr
                       ? fmt::format("Nyckeln '{}' väljer ingen av kunderna som använder "
                                     "tjänsten ('Används av': {}).",
                                     match.key->name, out.used_by->text)
                       : fmt::format("Nyckeln '{}' kan inte användas.", match.key->name);
      return;
    }
    out.charging = Charging::by_key;
    out.allocation = allocate(out.amount_kr, *match.key, *weights, kunder_);
    if (detail_ == Detail::totals) out.allocation->steps = {};
    if (match.proposed && match.proposed->usable) {
      if (const KeyWeights* proposed = weights_of(*match.proposed, out.used_by)) {
        out.proposed = allocate(out.amount_kr, *match.proposed, *proposed, kunder_);
        if (detail_ == Detail::totals) out.proposed->steps = {};
      }
    }
  }

  /// The key weighed against the register (and restricted to a service's users), once per
  /// key and users; nullptr when it cannot be used.
  const KeyWeights* weights_of(const Key& key, const UsedBy* used_by) {
    auto it = weights_.find({&key, used_by});
    if (it != weights_.end()) return it->second ? &*it->second : nullptr;
    std::optional<KeyWeights> w;
    if (used_by == nullptr) {
      w = weigh(key, kunder_, nullptr);
    } else if (const KeyWeights* all = weights_of(key, nullptr)) {
      w = restrict_to(*all, *used_by);
    }
    it = weights_.emplace(std::pair{&key, used_by}, std::move(w)).first;
    return it->second ? &*it->second : nullptr;
  }

  void report_missing(const analys::Submission& s, const Table& t, const Line& line,
                      const std::string& key_text) {
    std::string said = key_text.empty() ? std::string("tabell 3.2 anger ingen nyckel")
                                        : fmt::format("tabell 3.2 anger '{}'", key_text);
    findings_.push_back(Finding{
        "KEY_MISSING", Level::fel, label_cell(s, t, line),
        fmt::format("Tjänsten '{}' har ingen fördelningsnyckel: den saknas i bladet Tjänster i "
                    "kunder.xlsx och {}, som inte är namnet eller aliaset för någon nyckel.",
                    line.label, said),
        std::nullopt, std::nullopt});
  }

  void count(const LineAllocation& a) {
    switch (a.charging) {
      case Charging::by_key:
      case Charging::to_customer:
        result_.allocated_kr += a.amount_kr;
        totals_.add(a.allocation->customers_kr);
        proposed_totals_.add(a.proposed ? a.proposed->customers_kr : a.allocation->customers_kr);
        return;
      case Charging::to_supplier:
        result_.to_suppliers_kr += a.amount_kr;
        return;
      case Charging::invoiced:
        result_.invoiced_kr += a.amount_kr;
        return;
      case Charging::kommunbidrag:
        result_.kommunbidrag_kr += a.amount_kr;
        return;
      case Charging::none:
        result_.unallocated_kr += a.amount_kr;
        return;
    }
  }

  int year_;
  KronorSum totals_, proposed_totals_;  // added to result_'s maps by take()
  const Kunder& kunder_;
  const Catalogue& catalogue_;
  Findings& findings_;
  Detail detail_;
  RoundAllocation result_;
  std::map<std::pair<const Key*, const UsedBy*>, std::optional<KeyWeights>> weights_;
};

}  // namespace

// Last year's figures are allocated by the same keys: its budget (Y-1), else its outcome.
const analys::Column* year_column(const analys::Table& t, int year, std::size_t* index) {
  ColumnKind now = t.id == "nya_insatser" ? ColumnKind::kostnad : ColumnKind::prognos;
  for (ColumnKind wanted : {now, ColumnKind::budget, ColumnKind::utfall}) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].kind == wanted && t.columns[i].year == year) {
        *index = i;
        return &t.columns[i];
      }
    }
  }
  return nullptr;
}

std::string key_text_for(const analys::Submission& s, std::string_view service) {
  const Table* t = s.table("nycklar");
  if (!t) return {};
  std::size_t col = 0;
  for (std::size_t i = 0; i < t->columns.size(); ++i) {
    if (name_key(t->columns[i].heading).find("nuvarande") != std::string::npos) {
      col = i;
      break;
    }
  }
  std::string wanted = name_key(service);
  for (const Line& line : t->lines) {
    if (name_key(line.label) != wanted || col >= line.texts.size()) continue;
    return line.texts[col];
  }
  return {};
}

RoundAllocation allocate_round(const std::vector<analys::Submission>& submissions, int year,
                               const Kunder& kunder, Findings& findings, Detail detail) {
  Catalogue catalogue(&kunder, supplier_names(submissions));
  RoundAllocator allocator(year, kunder, catalogue, findings, detail);
  for (const auto& s : submissions) allocator.add(s);
  return allocator.take();
}

}  // namespace arsanalys::fordelning

#include "fordelning/bridge.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <set>
#include <tuple>

#include "analys/normalise.h"
#include "core/text.h"
#include "fordelning/catalogue.h"
#include "fordelning/engine.h"

namespace arsanalys::fordelning {

BridgeParts& BridgeParts::operator+=(const BridgeParts& o) {
  index += o.index;
  kostnad += o.kostnad;
  nyckel += o.nyckel;
  egen_volym += o.egen_volym;
  andras_volym += o.andras_volym;
  ny_eller_upphord += o.ny_eller_upphord;
  katalog += o.katalog;
  return *this;
}

std::int64_t part(const BridgeParts& p, int i) {
  switch (i) {
    case 0: return p.index;
    case 1: return p.kostnad;
    case 2: return p.nyckel;
    case 3: return p.egen_volym;
    case 4: return p.andras_volym;
    case 5: return p.ny_eller_upphord;
    default: return p.katalog;
  }
}

const char* base_json(BridgeBase base) {
  return base == BridgeBase::resultat ? "resultat" : "omrakning";
}

std::string bridge_line_key(std::string_view supplier, std::string_view table,
                            std::string_view area, std::string_view service) {
  return name_key(supplier) + '\x1f' + std::string(table) + '\x1f' + area_key(area) + '\x1f' +
         name_key(service);
}

namespace {

using analys::Line;
using analys::Submission;
using analys::Table;
using Kronor = std::map<std::string, std::int64_t>;

/// What one year's register says of a line: its catalogue row and its key.
struct Rule {
  LineClass cls;
  KeyMatch match;
  bool catalogue = false;  // the register has a catalogue
};

/// A line's amount of `year` (0 when none), as allocate_round() reads it.
std::int64_t amount_of(const Table& t, const Line& line, int year) {
  std::size_t col = 0;
  if (!year_column(t, year, &col) || col >= line.values.size()) return 0;
  const auto& v = line.values[col];
  if (!v || v->amount.kind != analys::Amount::Kind::amount) return 0;
  return v->amount.kronor;
}

/// Keys weighed against registers (and restricted to users), once each.
class Weights {
 public:
  const KeyWeights* of(const Key& key, const UsedBy* used_by, const Kunder& reg) {
    auto id = std::tuple{&key, used_by, &reg};
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second ? &*it->second : nullptr;
    std::optional<KeyWeights> w;
    if (used_by == nullptr) {
      w = weigh(key, reg, nullptr);
    } else if (const KeyWeights* all = of(key, nullptr, reg)) {
      w = restrict_to(*all, *used_by);
    }
    it = cache_.emplace(id, std::move(w)).first;
    return it->second ? &*it->second : nullptr;
  }
  /// Forgets the weights of a register about to be destroyed.
  void forget(const Kunder& reg) {
    std::erase_if(cache_, [&](const auto& e) { return std::get<2>(e.first) == &reg; });
  }

 private:
  std::map<std::tuple<const Key*, const UsedBy*, const Kunder*>, std::optional<KeyWeights>>
      cache_;
};

/// A line charged as round_allocation.cc charges it, with the catalogue row of `cat` (category,
/// financing, users, receiver) and the key of `key`, weighed on the customers of `reg`.
/// `by_key` is set when a key split the amount.
Kronor charge(std::int64_t amount, std::string_view table, const Rule& cat, const Rule& key,
              const Kunder& reg, Weights& weights, bool* by_key = nullptr) {
  if (by_key != nullptr) *by_key = false;
  if (amount == 0) return {};
  const LineClass& c = cat.cls;
  if (cat.catalogue && (c.row == nullptr || c.category == Category::okand)) return {};
  switch (c.receiver.kind) {
    case Receiver::Kind::unknown:
    case Receiver::Kind::supplier:
      return {};
    case Receiver::Kind::customer:
      return {{c.receiver.name, amount}};
    case Receiver::Kind::none:
      break;
  }
  if (c.financing != Financing::kostnadsfordelning) return {};
  const KeyMatch& m = key.match;
  if (table == "nya_insatser" && m.source != KeySource::tjanst) return {};
  if (m.key == nullptr) return {};
  const UsedBy* used_by = c.row != nullptr && c.row->used_by ? &*c.row->used_by : nullptr;
  const KeyWeights* w = weights.of(*m.key, used_by, reg);
  if (w == nullptr) return {};
  if (by_key != nullptr) *by_key = true;
  Allocation a = allocate(amount, *m.key, *w, reg);
  return a.customers_kr.to_map();
}

/// E of the bridge: the customer's kronor of `amount` split by `w`, per step its exact share of
/// the step's kronor (the steps split by the largest remainder, as allocate() does) rounded half
/// away from zero. Not the largest remainder among the customers: E is one customer's figure in
/// a state of its own, and so it is worked out from its own weight and the step's total alone.
std::int64_t rounded_share(std::int64_t amount, const KeyWeights& w, const std::string& id) {
  std::vector<std::int64_t> step_kr = split(amount, w.andel);
  std::int64_t out = 0;
  for (std::size_t s = 0; s < w.steps.size(); ++s) {
    const StepWeights& sw = w.steps[s];
    auto it = std::lower_bound(sw.customers.begin(), sw.customers.end(), id,
                               [](const Customer* c, const std::string& x) { return c->id < x; });
    if (it == sw.customers.end() || (*it)->id != id) continue;
    const auto i = static_cast<std::size_t>(it - sw.customers.begin());
    out += round_div(Int128{step_kr[s]} * sw.weights[i], sw.total);
  }
  return out;
}

/// The customer's place in a weighed step, or -1.
std::ptrdiff_t place_in(const StepWeights& sw, const std::string& id) {
  auto it = std::lower_bound(sw.customers.begin(), sw.customers.end(), id,
                             [](const Customer* c, const std::string& x) { return c->id < x; });
  return it != sw.customers.end() && (*it)->id == id ? it - sw.customers.begin() : -1;
}

/// rounded_share() on the register `hybrid` with only customer `id`'s data changed to `now`'s
/// (`mine`; nullptr when it is not a customer this year), without weighing that register: from
/// the key weighed on `hybrid` (`w`; restricted to `used_by`), its step totals less the
/// customer's weight there plus its weight from its own data, in the same units. nullopt when
/// that is not enough to know the figure, and the register must be weighed (own_register()):
/// a step that gains its first or loses its last weight (the steps' split changes), a key that
/// would refuse the register (an Urval naming the customer gone, a measure it lacks), or a
/// number too large.
std::optional<std::int64_t> own_share(std::int64_t amount, const Key& key, const UsedBy* used_by,
                                      const KeyWeights* w, const std::string& id,
                                      const Customer* mine, const Kunder& now) {
  if (w == nullptr || w->steps.size() != key.steps.size()) return std::nullopt;
  std::vector<std::int64_t> step_kr = split(amount, w->andel);
  std::int64_t out = 0;
  for (std::size_t s = 0; s < w->steps.size(); ++s) {
    const Step& step = key.steps[s];
    const StepWeights& sw = w->steps[s];
    Int128 before = 0;  // its weight on `hybrid`
    if (std::ptrdiff_t i = place_in(sw, id); i >= 0) before = sw.weights[static_cast<std::size_t>(i)];
    ExactWeight mine_w;  // its weight from this year's data, in the step's units
    if (mine == nullptr) {
      if (step.urval.kind == Urval::Kind::kund) {
        Customer gone;
        gone.id = id;
        if (selects(step.urval, gone)) return std::nullopt;  // the key would name nobody
      }
    } else if (selects(step.urval, *mine) && (used_by == nullptr || uses(*used_by, *mine))) {
      if (sw.total == 0) return std::nullopt;  // a step dropped on `hybrid`
      std::optional<ExactWeight> x = weight_in(step, sw, *mine, now);
      if (!x) return std::nullopt;
      mine_w = *x;
    }
    // The step's total with its weight changed, in units of 1/den of the step's: the register
    // weighed would have the same shares, and a total no larger (its common divisor is at
    // least that unit), so a total that fits 63 bits is one weigh() accepts.
    Int128 total = 0;
    if (__builtin_mul_overflow(Int128{sw.total} - before, mine_w.den, &total) ||
        __builtin_add_overflow(total, mine_w.num, &total)) {
      return std::nullopt;
    }
    if ((sw.total > 0) != (total > 0)) return std::nullopt;
    if (total > Int128{std::numeric_limits<std::int64_t>::max()}) return std::nullopt;
    if (mine_w.num != 0) out += round_div(Int128{step_kr[s]} * mine_w.num, total);
  }
  return out;
}

std::int64_t at(const Kronor& k, const std::string& id) {
  auto it = k.find(id);
  return it == k.end() ? 0 : it->second;
}

/// The customer `c` of `from` as a customer of a register whose measures are `names` (matched by
/// name_key), its values taken from `c`.
Customer renamed(const Customer& c, const std::vector<Measure>& names) {
  Customer out = c;
  out.measures.clear();
  for (const auto& [name, value] : c.measures) {
    std::string wanted = name_key(name);
    auto m = std::find_if(names.begin(), names.end(),
                          [&](const Measure& x) { return name_key(x.name) == wanted; });
    out.measures[m != names.end() ? m->name : name] = value;
  }
  return out;
}

/// The register of S3: this year's keys and catalogue, last year's customers and measures (a
/// measure last year's register lacks keeps this year's value).
Kunder hybrid_register(const Kunder& now, const Kunder& before) {
  Kunder h = now;
  for (const Measure& m : before.measures) {
    if (h.measure(m.name) == nullptr) h.measures.push_back(Measure{m.name, 0});
  }
  h.customers.clear();
  for (const Customer& b : before.customers) {
    Customer c = renamed(b, h.measures);
    if (const Customer* n = now.customer(b.id)) {
      for (const auto& [name, value] : n->measures) c.measures.try_emplace(name, value);
    }
    h.customers.push_back(std::move(c));
  }
  return h;
}

/// True when the customer's data (presence, Typ, measures) differ between two registers.
bool differs(const Customer* a, const Customer* b) {
  if ((a == nullptr) != (b == nullptr)) return true;
  if (a == nullptr) return false;
  return fold(a->typ) != fold(b->typ) || a->measures != b->measures;
}

/// The S3 register with only customer `id`'s data as this year's.
Kunder own_register(const Kunder& hybrid, const Kunder& now, const std::string& id) {
  Kunder r = hybrid;
  std::erase_if(r.customers, [&](const Customer& c) { return c.id == id; });
  if (const Customer* n = now.customer(id)) r.customers.push_back(*n);
  return r;
}

/// What the catalogue changed for a line between two years, in Swedish ("" nothing).
std::string catalogue_change(const LineClass& a, const LineClass& b) {
  std::vector<std::string> parts;
  if (a.category != b.category) {
    parts.push_back(fmt::format("kategori {} → {}", category_text(a.category),
                                category_text(b.category)));
  }
  if (a.financing != b.financing) {
    parts.push_back(fmt::format("finansiering {} → {}", financing_text(a.financing),
                                financing_text(b.financing)));
  }
  auto users = [](const LineClass& c) {
    return c.row != nullptr && c.row->used_by ? c.row->used_by->text : std::string();
  };
  if (fold(users(a)) != fold(users(b))) {
    parts.push_back(users(b).empty() ? fmt::format("används inte längre bara av {}", users(a))
                                     : fmt::format("används av {}", users(b)));
  }
  if (fold(a.receiver.name) != fold(b.receiver.name)) {
    parts.push_back(b.receiver.name.empty()
                        ? fmt::format("levereras inte längre till {}", a.receiver.name)
                        : fmt::format("levereras till {}", b.receiver.name));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::vector<std::string> supplier_names(const std::vector<Submission>& submissions) {
  std::vector<std::string> out;
  for (const Submission& s : submissions) out.push_back(s.supplier);
  return out;
}

class BridgeMaker {
 public:
  explicit BridgeMaker(const BridgeInput& in)
      : in_(in),
        cat_now_(&in.now, supplier_names(in.submissions)),
        cat_before_(&in.before, supplier_names(in.submissions)),
        hybrid_(hybrid_register(in.now, in.before)) {
    result_.year = in.current.year;
    result_.base = in.charged != nullptr ? BridgeBase::resultat : BridgeBase::omrakning;
    result_.before = &in.before;
    // Customers whose own data changed: E is worked out on a register of their own.
    std::set<std::string> ids;
    for (const Customer& c : hybrid_.customers) ids.insert(c.id);
    for (const Customer& c : in.now.customers) ids.insert(c.id);
    for (const std::string& id : ids) {
      if (differs(hybrid_.customer(id), in.now.customer(id))) changed_.insert(id);
      result_.customers[id];
    }
    if (in.charged != nullptr) {
      for (std::size_t i = 0; i < in.charged->size(); ++i) {
        const ChargedLine& l = (*in.charged)[i];
        charged_[bridge_line_key(l.supplier, l.table, l.area, l.service)].push_back(i);
      }
    }
  }

  Bridge make() {
    std::size_t current = 0;  // this year's lines, in allocate_round()'s order
    for (const Submission& s : in_.submissions) {
      for (const char* id : {"forvaltning", "utveckling", "nya_insatser"}) {
        const Table* t = s.table(id);
        if (t == nullptr) continue;
        for (const Line& line : t->lines) {
          if (line.kind != analys::LineKind::row) continue;
          std::int64_t now = amount_of(*t, line, in_.current.year);
          std::int64_t budget = amount_of(*t, line, in_.current.year - 1);
          std::optional<std::size_t> index;
          if (now != 0) index = current++;
          if (now == 0 && budget == 0) continue;
          add_line(s, *t, line, now, budget, index);
        }
      }
    }
    own_volumes();
    add_ended_charges();
    for (const BridgeLine& l : result_.lines) {
      for (const auto& [id, c] : l.customers) {
        CustomerBridge& b = result_.customers[id];
        b.last_year_kr += c.last_kr;
        b.this_year_kr += c.this_kr;
        b.parts += c.parts;
      }
    }
    return std::move(result_);
  }

 private:
  Rule rule(const Catalogue& cat, const Kunder& reg, const Submission& s, const Table& t,
            const Line& line, const std::string& key_text) {
    Rule r;
    r.cls = cat.classify(s, t, line);
    r.match = match_key(s.supplier, analys::line_area(s, t, line), line.label, key_text, reg);
    r.catalogue = cat.present();
    return r;
  }

  /// Last year's charged line of a line of this year: by its own name, else (a service renamed
  /// since) by the name or an alias of its catalogue row, this year's or last year's. end()
  /// when none is left.
  std::map<std::string, std::vector<std::size_t>>::iterator charged_line(const Submission& s,
                                                                         const Table& t,
                                                                         const Line& line) {
    std::vector<std::string_view> names{line.label};
    const std::string area = analys::line_area(s, t, line);
    for (const Catalogue* cat : {&cat_now_, &cat_before_}) {
      const ServiceRow* row = cat->row(s.supplier, area, line.label);
      if (row == nullptr || row->rest() || !row->area().empty()) continue;
      names.push_back(row->service);
      for (const std::string& alias : row->aliases) names.push_back(alias);
    }
    for (std::string_view name : names) {
      auto it = charged_.find(bridge_line_key(s.supplier, t.id, line.area, name));
      if (it != charged_.end() && !it->second.empty()) return it;
    }
    return charged_.end();
  }

  void add_line(const Submission& s, const Table& t, const Line& line, std::int64_t now,
                std::int64_t budget, std::optional<std::size_t> current) {
    BridgeLine b;
    b.supplier = s.supplier;
    b.table = t.id;
    b.area = line.area;
    b.service = line.label;
    b.current = current;
    b.amount_kr = now;
    b.budget_kr = budget;
    const std::string key_text = key_text_for(s, line.label);
    Rule before = rule(cat_before_, in_.before, s, t, line, key_text);
    Rule then = rule(cat_now_, in_.now, s, t, line, key_text);
    b.key_before = before.match.key;
    b.key_now = then.match.key;
    b.catalogue_change = catalogue_change(before.cls, then.cls);

    // This year's charge as allocated (S5), and last year's (S0, S0').
    Kronor s5;
    if (current && *current < in_.current.lines.size()) {
      const LineAllocation& a = in_.current.lines[*current];
      if (a.allocation) s5 = a.allocation->customers_kr.to_map();
    }
    Kronor s0p = charge(budget, t.id, before, before, in_.before, weights_);
    Kronor s0 = s0p;
    bool last_year = budget != 0;
    if (in_.charged != nullptr) {
      last_year = false;
      s0.clear();
      auto it = charged_line(s, t, line);
      if (it != charged_.end()) {
        const ChargedLine& c = (*in_.charged)[it->second.front()];
        it->second.erase(it->second.begin());
        s0 = c.customers_kr;
        b.charged_kr = c.amount_kr;
        last_year = true;
      }
    }
    b.in_last_year = last_year;
    b.in_this_year = now != 0;
    if (!(b.in_last_year && b.in_this_year)) {
      std::set<std::string> ids;
      for (const Kronor* k : {&s0, &s5}) {
        for (const auto& [id, kr] : *k) {
          if (kr != 0) ids.insert(id);
        }
      }
      for (const std::string& id : ids) {
        CustomerLineBridge& c = b.customers[id];
        c.last_kr = at(s0, id);
        c.this_kr = at(s5, id);
        c.parts.ny_eller_upphord = c.this_kr - c.last_kr;
      }
      result_.lines.push_back(std::move(b));
      return;
    }
    std::int64_t uplifted = budget;
    if (t.id == "forvaltning") {
      auto idx = in_.index.find(s.supplier);
      if (idx != in_.index.end()) {
        b.index = idx->second;
        uplifted = uplift(budget, idx->second);
      }
    }
    Kronor s1 = uplifted == budget ? s0p : charge(uplifted, t.id, before, before, in_.before,
                                                 weights_);
    Kronor s2 = charge(now, t.id, before, before, in_.before, weights_);
    bool by_key = false;
    Kronor s3 = charge(now, t.id, before, then, hybrid_, weights_, &by_key);
    Kronor s4 = charge(now, t.id, before, then, in_.now, weights_);

    std::set<std::string> ids;
    for (const Kronor* k : {&s0, &s0p, &s1, &s2, &s3, &s4, &s5}) {
      for (const auto& [id, kr] : *k) {
        if (kr != 0) ids.insert(id);
      }
    }
    for (const std::string& id : ids) {
      CustomerLineBridge& c = b.customers[id];
      c.last_kr = at(s0, id);
      c.this_kr = at(s5, id);
      BridgeParts& p = c.parts;
      p.index = at(s1, id) - at(s0p, id);
      p.kostnad = at(s2, id) - at(s1, id) + at(s0p, id) - at(s0, id);
      p.nyckel = at(s3, id) - at(s2, id);
      std::int64_t volym = at(s4, id) - at(s3, id);
      // egen_volym is worked out per customer once every line is in (own_volumes()).
      p.egen_volym = 0;
      p.andras_volym = volym;
      p.katalog = at(s5, id) - at(s4, id);
    }
    if (by_key) {
      volumes_.push_back(VolumeJob{result_.lines.size(), now, std::string(t.id), before, then});
    }
    result_.lines.push_back(std::move(b));
  }

  /// egen_volym = E − S3 of every customer whose own data changed, on each line split by a key.
  /// E is worked out from the key weighed on S3's register (own_share()), so the bridge stays
  /// linear in the customers; only where that is not enough is a register of the customer's own
  /// made (S3's with only its data this year's), used for all its lines and dropped, so memory
  /// stays one register.
  void own_volumes() {
    for (const std::string& id : changed_) {
      std::optional<Kunder> own;
      const Customer* mine = in_.now.customer(id);
      for (const VolumeJob& job : volumes_) {
        BridgeLine& line = result_.lines[job.line];
        auto c = line.customers.find(id);
        if (c == line.customers.end()) continue;
        const LineClass& cls = job.before.cls;
        const UsedBy* used_by = cls.row != nullptr && cls.row->used_by ? &*cls.row->used_by
                                                                       : nullptr;
        const Key& key = *job.then.match.key;
        std::optional<std::int64_t> e =
            own_share(job.amount, key, used_by, weights_.of(key, used_by, hybrid_), id, mine,
                      in_.now);
        if (!e) {
          if (!own) own = own_register(hybrid_, in_.now, id);
          const KeyWeights* w = weights_.of(key, used_by, *own);
          e = w != nullptr ? rounded_share(job.amount, *w, id) : 0;
        }
        BridgeParts& p = c->second.parts;
        const std::int64_t volym = p.egen_volym + p.andras_volym;
        const std::int64_t s3 = c->second.this_kr - p.katalog - volym;  // S5 − katalog − volym
        p.egen_volym = *e - s3;
        p.andras_volym = volym - p.egen_volym;
      }
      if (own) weights_.forget(*own);
    }
  }

  /// Last year's charged lines that match no line of this year: ended.
  void add_ended_charges() {
    if (in_.charged == nullptr) return;
    std::vector<std::size_t> left;
    for (const auto& [key, indices] : charged_) left.insert(left.end(), indices.begin(), indices.end());
    std::sort(left.begin(), left.end());
    for (std::size_t i : left) {
      const ChargedLine& l = (*in_.charged)[i];
      BridgeLine b;
      b.supplier = l.supplier;
      b.table = l.table;
      b.area = l.area;
      b.service = l.service;
      b.charged_kr = l.amount_kr;
      b.in_last_year = true;
      for (const auto& [id, kr] : l.customers_kr) {
        if (kr == 0) continue;
        CustomerLineBridge& c = b.customers[id];
        c.last_kr = kr;
        c.parts.ny_eller_upphord = -kr;
        result_.customers[id];
      }
      result_.lines.push_back(std::move(b));
    }
  }

  /// A line split by a key, for own_volumes().
  struct VolumeJob {
    std::size_t line = 0;      // index into result_.lines
    std::int64_t amount = 0;   // this year's amount
    std::string table;
    Rule before, then;         // last year's and this year's register on the line
  };

  const BridgeInput& in_;
  Catalogue cat_now_, cat_before_;
  Kunder hybrid_;
  Weights weights_;
  std::set<std::string> changed_;
  std::vector<VolumeJob> volumes_;
  std::map<std::string, std::vector<std::size_t>> charged_;  // line key -> charged lines left
  Bridge result_;
};

}  // namespace

/// Customers by Kund-id and measures' sums of a register, for the words.
void index_register(const Kunder& reg, std::map<std::string, const Customer*>& by_id,
                    std::map<std::string, MeasureSum>& totals) {
  for (const Customer& c : reg.customers) {
    by_id.emplace(c.id, &c);
    for (const auto& [name, v] : c.measures) {
      MeasureSum& t = totals[name_key(name)];
      const int scale = std::max(t.scale, v.scale);
      t.units = t.units * pow10(scale - t.scale) + scaled(v, scale);
      t.scale = scale;
    }
  }
}

std::vector<Customer> departed_customers(const Bridge& bridge, const Kunder& now) {
  std::vector<Customer> out;
  for (const auto& [id, b] : bridge.customers) {  // a std::map: in Kund-id byte order
    if (now.customer(id) != nullptr) continue;
    if (b.last_year_kr == 0 && b.parts == BridgeParts{}) continue;  // nothing to account for
    auto it = bridge.before_by_id.find(id);
    if (it != bridge.before_by_id.end()) {
      out.push_back(*it->second);
    } else {
      Customer c;
      c.id = id;
      out.push_back(std::move(c));
    }
  }
  return out;
}

Bridge compute_bridge(const BridgeInput& in) {
  Bridge b = BridgeMaker(in).make();
  index_register(in.before, b.before_by_id, b.before_totals);
  index_register(in.now, b.now_by_id, b.now_totals);
  return b;
}

}  // namespace arsanalys::fordelning

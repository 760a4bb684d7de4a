#pragma once
// The round's service catalogue applied to the suppliers' lines (contract: kunder.xlsx,
// `Tjänster`): which row of the catalogue a line is, so what category and financing it has,
// whether it is inside the frames the strategic group prioritises, and to whom it is charged.
// Pure: the catalogue is read by inputs/kunder.h, the lines by analys/.
//
// A line finds its row as the contract says: the most specific wins, the service's own row
// (by its name or an alias), then its area's row (`Område: <area>`), then the supplier's `*`.
// Names are compared by name_key(), areas by area_key(), suppliers by name_key().
//
// Inside the frames (Tabell 1 and 2, the alternatives, the annex's service lists and counts):
// a line whose row is a bastjänst or digital infrastruktur and not delivered to another
// supplier or customer (`Levereras till`). Everything else is outside, with its reason, and is
// still shown, so that a submission's total always reconciles.
//
// Without a catalogue (no `Kategori` column, or no kunder.xlsx) every line is inside the
// frames, digital infrastruktur when its area is "Digital infrastruktur", else a bastjänst,
// and allocated by its key: the behaviour before the catalogue, said once by CATALOGUE_MISSING.

#include <string>
#include <string_view>
#include <vector>

#include "analys/submission.h"
#include "core/finding.h"
#include "fordelning/customers.h"

namespace arsanalys::fordelning {

/// Whom a `Levereras till` names.
struct Receiver {
  enum class Kind { none, supplier, customer, unknown };
  Kind kind = Kind::none;          // none: not delivered to anyone else
  std::string name;                // the supplier's name as the round has it, or the Kund-id
  const Customer* customer = nullptr;  // Kind::customer: the customer
};

/// What the catalogue says about one line of a submission.
struct LineClass {
  const ServiceRow* row = nullptr;      // the row that applies; nullptr: none (or no catalogue)
  Category category = Category::okand;  // okand: not in the catalogue, or its row unreadable
  Financing financing = Financing::kostnadsfordelning;
  Receiver receiver;                    // `Levereras till`, resolved
  bool in_frames = false;               // counted in the frames
  std::string reason;                   // Swedish: why outside the frames ("" when inside)
};

/// The catalogue applied to one round's suppliers.
class Catalogue {
 public:
  /// `kunder` may be null (no register): every line is then classified as without a catalogue.
  /// `suppliers`: the names of the round's suppliers, for `Levereras till`.
  Catalogue(const Kunder* kunder, std::vector<std::string> suppliers);

  /// True when the round has a catalogue (a `Kategori` column).
  bool present() const { return kunder_ != nullptr && kunder_->catalogue; }

  /// The row for a line, most specific first; nullptr when none.
  const ServiceRow* row(std::string_view supplier, std::string_view area,
                        std::string_view service) const;

  /// Classifies a line of `supplier` (its area and label as recognised).
  LineClass classify(std::string_view supplier, std::string_view area,
                     std::string_view service) const;
  /// The same for a line of a submission's table, its area as 3.1a has it (analys::line_area).
  LineClass classify(const analys::Submission& s, const analys::Table& t,
                     const analys::Line& line) const;

  /// Whom a row's `Levereras till` names (Kind::none when the cell is empty).
  Receiver receiver(const ServiceRow& row) const;

  /// The catalogue's rows of one service (not `Område:` or `*`) of a supplier that the strategic
  /// group prioritises, in sheet order: the annex's service lists and counts.
  std::vector<const ServiceRow*> prioritised_services(std::string_view supplier) const;

 private:
  const Kunder* kunder_;
  std::vector<std::string> suppliers_;
};

/// The catalogue's findings for a round, each once: CATALOGUE_MISSING (info, a register
/// without catalogue; without any register the missing file is reported instead);
/// SERVICE_UNCATALOGUED (fel) at the label of every line with an amount that no row covers;
/// SERVICE_NOT_REPORTED (varning) at the row of every prioritised service of a supplier in the
/// round that its submission does not mention; REGISTER_INVALID (fel) at a `Levereras till`
/// naming neither a supplier of the round nor a Kund-id, or the supplier itself.
void check_catalogue(const Catalogue& catalogue, const Kunder* kunder,
                     const std::vector<analys::Submission>& submissions, Findings& findings);

/// True when a line of a table carries money: a non-zero amount in any column.
bool carries_amount(const analys::Line& line);

}  // namespace arsanalys::fordelning

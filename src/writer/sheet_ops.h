#pragma once
// What every sheet writer builds on its cell primitives, whichever library writes the file:
// kronor, paragraphs, merged headings, row heights in lines and the draft banner. Free of
// libxlsxwriter and of the domain.

#include <algorithm>
#include <cstdint>
#include <string>

#include "writer/style.h"
#include "writer/workbook.h"

namespace arsanalys::writer {

/// `Derived` (alloc::Sheet, LeanSheet, StreamSheet) provides text(), number(), blank(),
/// merge_range(), row_height() and header().
template <class Derived>
class SheetOps {
 public:
  /// Whole kronor as a number in the kronor format (`look.number` is replaced).
  void kronor(Row row, Col col, std::int64_t kr, style::Look look = {}) {
    look.number = style::kKronor;
    self().number(row, col, static_cast<double>(kr), look);
  }
  /// A heading over columns first..last (merged when more than one).
  void merged(Row row, Col first, Col last, const std::string& text, const style::Look& look) {
    if (first == last) {
      self().text(row, first, text, look);
    } else {
      self().merge_range(row, first, last, text, look);
    }
  }
  /// `text` across columns first..last of a row, wrapped, the row as high as it needs
  /// (`chars`: the width of the columns together, in characters).
  void paragraph(Row row, Col first, Col last, const std::string& text, double chars,
                 style::Look look = {}) {
    look.wrap = true;
    merged(row, first, last, text, look);
    height(row, lines_needed(text, chars));
  }
  /// The height of `lines` lines of text (nothing for one; at most 25).
  void height(Row row, std::size_t lines) {
    if (lines <= 1) return;
    self().row_height(row, kLineHeight * static_cast<double>(std::min<std::size_t>(lines, 25)));
  }
  /// Marks the sheet as a draft when `draft`: a banner in row 0 (returns 1, the first free
  /// row) and "UTKAST" in the printed header; returns 0 otherwise.
  Row banner(bool draft, Col last_col) {
    if (!draft) return 0;
    const style::Look look = style::banner_look();
    for (Col c = 1; c <= last_col; ++c) self().blank(0, c, look);
    self().text(0, 0, style::draft_banner(style::kDraftAmounts), look);
    self().header(style::kDraftHeader);
    return 1;
  }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

}  // namespace arsanalys::writer

#pragma once
// The cell formats (styles.xml) of the lean writers' workbooks, made from the looks of
// writer/style.h as libxlsxwriter makes its formats from them (writer::Formats), so a
// statement looks like the workbooks libxlsxwriter writes.
//
// Free of libxlsxwriter and of the domain.

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "writer/style.h"

namespace arsanalys::writer {

/// The looks of a workbook numbered as Excel's cell formats (cellXfs): an id on first use, and
/// the format's index on first appearance in the written XML, as Excel and libxlsxwriter
/// number them. Shared by LeanSheet and StreamBook.
class LookTable {
 public:
  std::uint32_t id(const style::Look& look);
  /// The cellXfs index of look `id` (1, 2, … in order of appearance; 0 is Excel's default).
  std::uint32_t xf(std::uint32_t id);
  /// styles.xml of the formats given an index so far.
  std::string styles() const;

 private:
  /// Cheap: the flags, the fill, the size and the format code's length and last character
  /// (the few looks of a workbook differ there); equal looks are then compared whole.
  static std::uint64_t hash(const style::Look& l);
  std::deque<style::Look> kept_;            // by id
  std::vector<std::uint64_t> hashes_;       // by id: a workbook has a few dozen looks at most,
                                            // so a scan of these beats a hash table's lookup
  /// The look last found at an address, checked against the look before use: the writers pass
  /// the same few looks cell after cell, mostly from the same places.
  struct Recent {
    const style::Look* at = nullptr;
    std::uint32_t id = 0;
  };
  std::array<Recent, 64> recent_{};
  std::vector<std::uint32_t> xfs_;            // by id: the cellXfs index, 0 until shown
  std::vector<const style::Look*> in_order_;  // by cellXfs index - 1
};

}  // namespace arsanalys::writer

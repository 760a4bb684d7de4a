#pragma once
// A workbook's shared strings (sharedStrings.xml) for the lean writers.
//
// Free of libxlsxwriter and of the domain.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace arsanalys::writer {

/// A workbook's shared strings in order of first use, each kept once: the texts in blocks of
/// memory of the table's own, found through an open-addressing hash table (a statement adds
/// two new texts a line, the service and the source cell, and a node, a copy and a rehash
/// each cost more than the lookup).
class SharedStrings {
 public:
  /// The index of `text`, added when new.
  std::uint32_t index(std::string_view text);
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](std::uint32_t i) const { return strings_[i]; }
  auto begin() const { return strings_.begin(); }
  auto end() const { return strings_.end(); }

 private:
  std::string_view keep(std::string_view text);
  void rehash(std::size_t slots);

  std::vector<std::string_view> strings_;       // into blocks_
  std::vector<std::uint64_t> hashes_;           // by index
  std::vector<std::uint32_t> slots_;            // index + 1, 0 free; a power of two long
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;                        // bytes free at free_
};

}  // namespace arsanalys::writer

#include "writer/shared_strings.h"

#include <algorithm>
#include <cstring>

namespace arsanalys::writer {

namespace {

/// A hash of a text, 8 bytes at a time (the texts are ours or the suppliers'; nothing here
/// depends on it beyond speed).
std::uint64_t text_hash(std::string_view t) {
  auto mix = [](std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ t.size();
  std::size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, t.data() + i, 8);
    h = mix(h, v);
  }
  if (i < t.size()) {
    std::uint64_t v = 0;
    std::memcpy(&v, t.data() + i, t.size() - i);
    h = mix(h, v);
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

}  // namespace

std::string_view SharedStrings::keep(std::string_view text) {
  if (text.size() > left_) {
    const std::size_t size = std::max<std::size_t>(std::size_t{64} << 10, text.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    free_ = blocks_.back().get();
    left_ = size;
  }
  if (!text.empty()) std::memcpy(free_, text.data(), text.size());
  std::string_view kept(free_, text.size());
  free_ += text.size();
  left_ -= text.size();
  return kept;
}

void SharedStrings::rehash(std::size_t slots) {
  slots_.assign(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::uint32_t i = 0; i < strings_.size(); ++i) {
    std::size_t at = hashes_[i] & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = i + 1;
  }
}

std::uint32_t SharedStrings::index(std::string_view text) {
  if (slots_.empty()) rehash(4096);
  const std::uint64_t h = text_hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = h & mask;
  for (; slots_[at] != 0; at = (at + 1) & mask) {
    const std::uint32_t i = slots_[at] - 1;
    if (hashes_[i] == h && strings_[i] == text) return i;
  }
  const auto i = static_cast<std::uint32_t>(strings_.size());
  strings_.push_back(keep(text));
  hashes_.push_back(h);
  slots_[at] = i + 1;
  if (strings_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return i;
}

}  // namespace arsanalys::writer

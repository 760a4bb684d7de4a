#include "core/names.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/text.h"

namespace arsanalys {
namespace {

/// The length of `text` cut to at most `max` bytes at a character boundary.
std::size_t boundary(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text.size();
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

/// Whether Windows reserves `part` (a name up to its first '.') for a device.
bool reserved_device(std::string_view part) {
  std::string upper = upper_ascii(part);
  while (!upper.empty() && upper.back() == ' ') upper.pop_back();
  static constexpr std::array<std::string_view, 6> kPlain = {"CON", "PRN",    "AUX",
                                                             "NUL", "CONIN$", "CONOUT$"};
  if (std::find(kPlain.begin(), kPlain.end(), upper) != kPlain.end()) return true;
  if (upper.size() < 4 || (!upper.starts_with("COM") && !upper.starts_with("LPT"))) return false;
  std::string_view digit = std::string_view(upper).substr(3);
  // COM0-COM9, and the superscripts ¹ ² ³ Windows counts as digits too.
  return (digit.size() == 1 && digit[0] >= '0' && digit[0] <= '9') || digit == "\xC2\xB9" ||
         digit == "\xC2\xB2" || digit == "\xC2\xB3";
}

}  // namespace

std::uint64_t name_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string shortened(std::string_view name, std::size_t max_bytes) {
  if (name.size() <= max_bytes) return std::string(name);
  max_bytes = std::max<std::size_t>(max_bytes, 16);
  std::string out(name.substr(0, boundary(name, max_bytes - 9)));
  return out + fmt::format("~{:08x}", static_cast<std::uint32_t>(name_hash(name)));
}

std::string portable_file_name(std::string_view stem, std::string_view extension,
                               std::string_view also_unsafe, bool* shortened_out) {
  std::string name = cleaned(stem);
  std::string safe;
  safe.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    auto u = static_cast<unsigned char>(c);
    bool unsafe = u < 0x20 || u == 0x7F ||
                  std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos ||
                  also_unsafe.find(c) != std::string_view::npos;
    // U+FFFD, which cleaned() left for what could not be shown, as '_' too.
    if (name.compare(i, 3, "\xEF\xBF\xBD") == 0) {
      safe += '_';
      i += 2;
      continue;
    }
    safe += unsafe ? '_' : c;
  }
  // No hidden file, no "." or "..", no Excel lock file, no trailing dot or space.
  if (!safe.empty() && safe.front() == '.') safe.front() = '_';
  if (safe.starts_with("~$")) safe.front() = '_';
  while (!safe.empty() && safe.back() == ' ') safe.pop_back();
  if (!safe.empty() && safe.back() == '.') safe.back() = '_';
  if (safe.empty()) safe = "_";
  std::size_t dot = safe.find('.');
  if (reserved_device(std::string_view(safe).substr(0, dot))) {
    safe.insert(dot == std::string::npos ? safe.size() : dot, "_");
  }
  const std::size_t room = kMaxNameBytes > extension.size() ? kMaxNameBytes - extension.size() : 16;
  if (shortened_out != nullptr) *shortened_out = safe.size() > room;
  return shortened(safe, room) + std::string(extension);
}

std::string unique_file_name(std::string name, std::set<std::string>& taken) {
  std::size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string::npos) dot = name.size();
  const std::string stem = name.substr(0, dot), ext = name.substr(dot);
  for (int n = 2; taken.count(fold(name)) != 0; ++n) name = fmt::format("{}-{}{}", stem, n, ext);
  taken.insert(fold(name));
  return name;
}

}  // namespace arsanalys

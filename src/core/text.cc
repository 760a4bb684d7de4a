#include "core/text.h"

namespace arsanalys {
namespace {

/// The length of the white space starting at text[i] (0 when none): ASCII white space, U+00A0,
/// U+202F and U+2000..U+200A.
std::size_t space_at(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\n' || c == '\r' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if (d == 0xAF || (d >= 0x80 && d <= 0x8A)) return 3;
  }
  return 0;
}

/// Collapses white space as tidy() does; `lower` folds letters to lower case too.
std::string collapse(std::string_view text, bool lower) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::size_t n = space_at(text, i)) {
      space = !out.empty();
      i += n - 1;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (lower && c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (lower && c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 capitals U+00C0..U+00DE (but not U+00D7 ×) are 0xC3 0x80..0x9E.
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

std::string fold(std::string_view text) { return collapse(text, true); }

std::string tidy(std::string_view text) { return collapse(text, false); }

std::string name_key(std::string_view text) {
  std::string s = fold(text);
  while (!s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == ';' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

std::string area_key(std::string_view area) {
  std::string f = fold(area);
  for (char& c : f) {
    if (c == '/' || c == ',') c = ' ';
  }
  std::string out;
  std::size_t i = 0;
  while (i < f.size()) {
    std::size_t j = f.find(' ', i);
    if (j == std::string::npos) j = f.size();
    std::string_view word = std::string_view(f).substr(i, j - i);
    if (!word.empty() && word != "och") {
      if (!out.empty()) out += ' ';
      out += word;
    }
    i = j + 1;
  }
  return out;
}

std::string count_phrase(long long n, std::string_view one, std::string_view many) {
  if (n == 1) return std::string(one);
  return std::to_string(n) + " " + std::string(many);
}

std::string quoted_sheet(std::string_view sheet) {
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

}  // namespace arsanalys

#include "core/text.h"

#include <cstdio>

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

namespace arsanalys {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Whether a byte may stand for itself without a look at its neighbours.
bool plain_byte(unsigned char c) {
  return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

/// The length of the valid UTF-8 sequence at text[i] and its code point, or 0 when invalid.
std::size_t utf8_at(std::string_view text, std::size_t i, char32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c > 0xF4 || c == 0xC0 || c == 0xC1 || i + n > text.size()) return 0;
  char32_t v = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

}  // namespace

std::string TextRepairs::describe() const {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += "; ";
    out += part;
  };
  if (line_breaks > 0) {
    add("radbrytningar som Word lämnat som styrtecken (U+000B/U+000C) ersatta med vanliga "
        "radbrytningar");
  }
  if (controls > 0) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(first_control));
    add(std::string(controls == 1 ? "ett styrtecken (" : "styrtecken (") + hex +
        (controls == 1 ? ") ersatt med �" : " m.fl.) ersatta med �"));
  }
  if (invalid_utf8 > 0) add("bytes som inte är giltig UTF-8 ersatta med �");
  return out;
}

TextRepairs clean_text(std::string& text) {
  TextRepairs r;
  std::size_t i = 0;
  while (i < text.size() && plain_byte(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return r;
  std::string out(text, 0, i);
  out.reserve(text.size() + 8);
  auto control = [&](char32_t cp) {
    if (r.controls++ == 0) r.first_control = cp;
    out += kReplacement;
  };
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (plain_byte(c)) {
      out += static_cast<char>(c);
      ++i;
    } else if (c == 0x0B || c == 0x0C) {
      out += '\n';
      ++r.line_breaks;
      ++i;
    } else if (c < 0x80) {
      control(c);
      ++i;
    } else {
      char32_t cp = 0;
      std::size_t n = utf8_at(text, i, &cp);
      if (n == 0) {
        out += kReplacement;
        ++r.invalid_utf8;
        ++i;
      } else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
        control(cp);
        i += n;
      } else {
        out.append(text, i, n);
        i += n;
      }
    }
  }
  text = std::move(out);
  return r;
}

std::string cleaned(std::string_view text) {
  std::string s(text);
  clean_text(s);
  return s;
}

}  // namespace arsanalys

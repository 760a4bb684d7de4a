#include "core/json_writer.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace arsanalys {

namespace {

/// The length of the longest start of a UTF-8 sequence at s[i] that is, or may still become,
/// valid (at least 1), and whether it is a whole character: the decoder nlohmann uses, read
/// as Unicode's "maximal subpart" rule (an invalid part becomes one U+FFFD).
struct Utf8Step {
  std::size_t length;
  bool valid;
};

Utf8Step utf8_step(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;                // continuation bytes after the first
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) low = 0xA0;   // overlong below
    if (c == 0xED) high = 0x9F;  // surrogates above
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) low = 0x90;   // overlong below
    if (c == 0xF4) high = 0x8F;  // beyond U+10FFFF above
  } else {
    return {1, false};  // a continuation byte alone, C0, C1, F5–FF
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return {k, false};
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return {k, false};
  }
  return {need + 1, true};
}

__extension__ typedef unsigned __int128 UInt128;

constexpr char kHex[] = "0123456789abcdef";

void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t plain = 0;  // start of the bytes not yet copied, which need no escaping
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      Utf8Step step = utf8_step(s, i);
      if (step.valid) {
        i += step.length;
        continue;
      }
      out.append(s.data() + plain, i - plain);
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += step.length;
      plain = i;
      continue;
    }
    out.append(s.data() + plain, i - plain);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
    plain = i;
  }
  out.append(s.data() + plain, s.size() - plain);
  out.push_back('"');
}

}  // namespace

JsonWriter::JsonWriter(std::string& out) : out_(&out) {}

JsonWriter::JsonWriter(std::function<void(std::string_view)> sink, std::size_t piece_bytes)
    : out_(&own_), sink_(std::move(sink)), piece_bytes_(piece_bytes) {
  own_.reserve(piece_bytes_ + piece_bytes_ / 4);
}

JsonWriter::JsonWriter(std::ostream& out, std::size_t piece_bytes)
    : JsonWriter([&out](std::string_view piece) {
                   out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                 },
                 piece_bytes) {}

void JsonWriter::newline_indent(std::size_t depth) {
  out_->push_back('\n');
  out_->append(2 * depth, ' ');
}

void JsonWriter::before_value() {
  if (open_.empty()) {
    if (root_done_) throw std::logic_error("JsonWriter: a second value at the top");
    return;
  }
  Open& o = open_.back();
  if (o.object) {
    if (!key_given_) throw std::logic_error("JsonWriter: a member's value without its key");
    key_given_ = false;
    return;
  }
  if (o.line) {
    if (!o.empty) *out_ += ", ";
  } else {
    if (!o.empty) out_->push_back(',');
    newline_indent(open_.size());
  }
  o.empty = false;
}

void JsonWriter::after_value() {
  if (open_.empty()) root_done_ = true;
  if (sink_ && out_->size() >= piece_bytes_) {
    sink_(*out_);
    out_->clear();
  }
}

JsonWriter& JsonWriter::key(std::string_view k) {
  if (open_.empty() || !open_.back().object || key_given_) {
    throw std::logic_error("JsonWriter: a key outside an object or without a value");
  }
  Open& o = open_.back();
  if (o.line) {
    if (!o.empty) *out_ += ", ";
  } else {
    if (!o.empty) out_->push_back(',');
    newline_indent(open_.size());
  }
  o.empty = false;
  append_string(*out_, k);
  *out_ += ": ";
  key_given_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin(bool object, Layout layout) {
  before_value();
  const bool line = layout == Layout::line || (!open_.empty() && open_.back().line);
  out_->push_back(object ? '{' : '[');
  open_.push_back({object, line, true});
  return *this;
}

JsonWriter& JsonWriter::end(bool object) {
  if (open_.empty() || open_.back().object != object || key_given_) {
    throw std::logic_error("JsonWriter: a container closed that is not open");
  }
  const Open o = open_.back();
  open_.pop_back();
  if (!o.empty && !o.line) newline_indent(open_.size());
  out_->push_back(object ? '}' : ']');
  after_value();
  return *this;
}

JsonWriter& JsonWriter::begin_object(Layout layout) { return begin(true, layout); }
JsonWriter& JsonWriter::end_object() { return end(true); }
JsonWriter& JsonWriter::begin_array(Layout layout) { return begin(false, layout); }
JsonWriter& JsonWriter::end_array() { return end(false); }

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_string(*out_, s);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  *out_ += b ? "true" : "false";
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
  before_value();
  *out_ += "null";
  after_value();
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t n) {
  before_value();
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out_->append(digits, end);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::unsigned_integer(std::uint64_t n) {
  before_value();
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out_->append(digits, end);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(Int128 n) {
  before_value();
  char digits[48];
  char* end = digits + sizeof digits;
  char* p = end;
  // Digit by digit from the right, on the magnitude as unsigned (the most negative value too).
  UInt128 m = n < 0 ? -static_cast<UInt128>(n) : static_cast<UInt128>(n);
  do {
    *--p = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  } while (m != 0);
  if (n < 0) *--p = '-';
  out_->append(p, end);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(double v) {
  if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.0e15) {
    return integer(static_cast<std::int64_t>(v));
  }
  before_value();
  if (!std::isfinite(v)) {
    *out_ += "null";
  } else {
    fmt::format_to(std::back_inserter(*out_), "{}", v);
  }
  after_value();
  return *this;
}

void JsonWriter::finish() {
  if (!open_.empty() || key_given_) {
    throw std::logic_error("JsonWriter: finished with a container open");
  }
  out_->push_back('\n');
  if (sink_) {
    if (!out_->empty()) sink_(*out_);
    out_->clear();
  }
}

}  // namespace arsanalys

#include "xlsx/xml_reader.h"

#include <cstring>

#include <fmt/format.h>

#include "core/error.h"

namespace arsanalys::xlsx {
namespace {

constexpr std::size_t npos = std::string::npos;

// Input is read in chunks of this size: large enough that refills are rare, small enough to
// stay in the cache.
constexpr std::size_t kInitialBuffer = 128u << 10;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view local_part(std::string_view qualified) {
  auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

/// Equality for element names, which are short: a plain loop beats a call to memcmp.
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// What append_decoded() decodes: text, or an attribute value, where XML also turns each
/// white-space character written as such (not as a reference) into a space.
enum class Decode { text, attribute };

/// Appends `raw` with the predefined entities and numeric references decoded and line ends
/// normalised; any other reference is kept as written.
void append_decoded(std::string_view raw, std::string& out, Decode mode) {
  out.reserve(out.size() + raw.size());
  const char line_end = mode == Decode::attribute ? ' ' : '\n';
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      out.push_back(line_end);  // XML's end-of-line handling: CR LF and lone CR become LF
                                // (then a space, in an attribute)
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      continue;
    }
    if (mode == Decode::attribute && (c == '\n' || c == '\t')) {
      out.push_back(' ');
      continue;
    }
    if (c != '&') {
      out.push_back(c);
      continue;
    }
    std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back(c);  // a stray ampersand is kept as written
      continue;
    }
    std::string_view entity = raw.substr(i + 1, semi - i - 1);
    if (entity == "lt") out.push_back('<');
    else if (entity == "gt") out.push_back('>');
    else if (entity == "amp") out.push_back('&');
    else if (entity == "quot") out.push_back('"');
    else if (entity == "apos") out.push_back('\'');
    else if (entity.size() > 1 && entity[0] == '#') {
      unsigned long cp = 0;
      bool hex = entity[1] == 'x' || entity[1] == 'X';
      std::string_view digits = entity.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char d : digits) {
        int v = hex ? hex_value(d) : (d >= '0' && d <= '9' ? d - '0' : -1);
        if (v < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
      }
      if (!ok) {
        out.append(raw.substr(i, semi - i + 1));
      } else {
        append_utf8(out, cp);
      }
    } else {
      out.append(raw.substr(i, semi - i + 1));  // unknown entity: never expanded
    }
    i = semi;
  }
}

}  // namespace

void append_utf8(std::string& out, unsigned long cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void decode_ooxml_escapes(std::string& text) {
  std::size_t at = text.find("_x");
  if (at == npos) return;
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, at);
  std::size_t i = at;
  while (i < text.size()) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int h0 = hex_value(text[i + 2]), h1 = hex_value(text[i + 3]);
      int h2 = hex_value(text[i + 4]), h3 = hex_value(text[i + 5]);
      if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
        append_utf8(out, static_cast<unsigned long>((h0 << 12) | (h1 << 8) | (h2 << 4) | h3));
        i += 7;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  text.swap(out);
}

XmlReader::XmlReader(Source source, std::string part, std::string file, XmlLimits limits)
    : source_(std::move(source)), part_(std::move(part)), file_(std::move(file)), limits_(limits) {}

void XmlReader::too_large() const {
  throw ReadError(ReadFailure::too_large,
                  fmt::format("{}: delen '{}' har ett XML-element eller en text över {} MB; "
                              "filen läses inte.",
                              file_, part_, limits_.max_token_bytes >> 20));
}

void XmlReader::fail(const std::string& what) const {
  throw ReadError(ReadFailure::malformed_xml,
                  fmt::format("{}: delen '{}' är inte korrekt XML ({}). Spara om filen i Excel "
                              "och försök igen.",
                              file_, part_, what));
}

bool XmlReader::fill() {
  if (source_done_) return false;
  std::size_t pending = size_ - pos_;  // the token being read, kept whole
  if (pending > limits_.max_token_bytes) too_large();
  // Consumed bytes are dropped by sliding the pending ones (usually part of one tag) to the
  // front; only a token longer than the buffer makes it grow.
  if (pending == capacity_) {
    std::size_t capacity = std::max<std::size_t>(kInitialBuffer, 2 * capacity_);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (pending > 0) std::memcpy(bigger.get(), buffer_.get() + pos_, pending);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  } else if (pos_ > 0 && pending > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, pending);
  }
  pos_ = 0;
  size_ = pending;
  std::size_t got = 0;
  while (size_ < capacity_) {
    std::size_t n = source_(buffer_.get() + size_, capacity_ - size_);
    if (n == 0) {
      source_done_ = true;
      break;
    }
    size_ += n;
    got += n;
  }
  return got > 0;
}

std::size_t XmlReader::find_from(std::size_t from, char c) {
  for (;;) {
    if (from < size_) {
      const char* data = buffer_.get();
      const void* hit = std::memchr(data + from, c, size_ - from);
      if (hit != nullptr) return static_cast<std::size_t>(static_cast<const char*>(hit) - data);
    }
    std::size_t scanned = size_ - pos_;  // fill() keeps offsets relative to pos_
    if (!fill()) return npos;
    from = pos_ + scanned;
  }
}

std::size_t XmlReader::find_seq(std::size_t from, std::string_view seq) {
  for (;;) {
    std::size_t hit = view(0, size_).find(seq, from);
    if (hit != npos) return hit;
    // Keep scanning where a partial match could still start.
    if (size_ >= seq.size()) from = std::max(from, size_ - seq.size() + 1);
    std::size_t offset = from - pos_;
    if (!fill()) return npos;
    from = pos_ + offset;
  }
}

std::size_t XmlReader::find_tag_end(std::size_t from) {
  // A plain loop: tags and their quoted values are short, too short to pay for memchr calls.
  char quote = 0;
  std::size_t i = from;
  for (;;) {
    const char* data = buffer_.get();
    for (; i < size_; ++i) {
      char c = data[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      } else if (c == '<') {
        fail("'<' inne i en tagg");
      }
    }
    std::size_t offset = i - pos_;
    if (!fill()) return npos;
    i = pos_ + offset;
  }
}

void XmlReader::parse_tag(std::size_t begin, std::size_t end) {
  std::string_view tag = view(begin, end);
  std::size_t i = 0;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/') ++i;
  if (i == 0) fail("tagg utan namn");
  qname_ = tag.substr(0, i);
  name_ = local_part(qname_);
  attributes_.clear();
  decoded_attributes_.clear();
  bool any_decoded = false;
  for (;;) {
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] == '/') break;
    std::size_t name_begin = i;
    while (i < tag.size() && tag[i] != '=' && !is_space(tag[i])) ++i;
    std::string_view attr_name = tag.substr(name_begin, i - name_begin);
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') fail(fmt::format("attributet '{}' saknar värde", attr_name));
    ++i;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) fail("attributvärde utan citattecken");
    char quote = tag[i++];
    std::size_t value_end = i;
    bool needs_decoding = false;  // a reference, or white space XML turns into a space
    for (; value_end < tag.size() && tag[value_end] != quote; ++value_end) {
      char c = tag[value_end];
      needs_decoding |= c == '&' || c == '\r' || c == '\n' || c == '\t';
    }
    if (value_end == tag.size()) fail("attributvärde utan slut");
    // Namespace declarations are not attributes of the element (`xmlns:r` is not `r`).
    if (attr_name != "xmlns" && !attr_name.starts_with("xmlns:")) {
      if (attributes_.size() == limits_.max_attributes) {
        throw ReadError(ReadFailure::too_large,
                        fmt::format("{}: delen '{}' har en tagg med fler än {} attribut; filen "
                                    "läses inte.",
                                    file_, part_, limits_.max_attributes));
      }
      std::string_view raw = tag.substr(i, value_end - i);
      std::string_view local = local_part(attr_name);
      Attribute a{local, raw, npos, 0, local.size() != attr_name.size()};
      if (needs_decoding) {
        // Decoded into one string that may still grow: the view is made once it no longer
        // moves, below.
        a.decoded_offset = decoded_attributes_.size();
        append_decoded(raw, decoded_attributes_, Decode::attribute);
        a.decoded_size = decoded_attributes_.size() - a.decoded_offset;
        any_decoded = true;
      }
      attributes_.push_back(a);
    }
    i = value_end + 1;
  }
  if (any_decoded) {
    for (Attribute& a : attributes_) {
      if (a.decoded_offset != npos) {
        a.value = std::string_view(decoded_attributes_).substr(a.decoded_offset, a.decoded_size);
      }
    }
  }
}

void XmlReader::set_text(std::string_view raw) {
  // Most runs (numbers, shared-string indexes) have nothing to decode and are handed out as
  // they lie in the buffer.
  for (char c : raw) {
    if (c == '&' || c == '\r') {
      decoded_text_.clear();
      append_decoded(raw, decoded_text_, Decode::text);
      text_ = decoded_text_;
      return;
    }
  }
  text_ = raw;
}

XmlEvent XmlReader::next() {
  if (pending_end_) {
    // The empty element's name still lies in the buffer: nothing was read since its start.
    pending_end_ = false;
    --depth_;
    return event_ = XmlEvent::end;
  }
  for (;;) {
    if (pos_ >= size_ && !fill()) {
      if (depth_ != 0) fail("filen tar slut mitt i ett element");
      if (!started_) fail("delen är tom");
      return event_ = XmlEvent::eof;
    }
    if (!started_ && view(pos_, size_).starts_with("\xEF\xBB\xBF")) {
      pos_ += 3;  // UTF-8 byte-order mark
      continue;
    }
    if (!started_ && (view(pos_, size_).starts_with("\xFF\xFE") ||
                      view(pos_, size_).starts_with("\xFE\xFF"))) {
      fail("kodad i UTF-16; bara UTF-8, som Excel skriver, läses");
    }
    if (buffer_[pos_] != '<') {
      std::size_t end = find_from(pos_, '<');
      if (end == npos) end = size_;
      std::string_view raw = view(pos_, end);
      if (depth_ == 0) {
        // Only white space may stand outside the root element.
        for (char c : raw) {
          if (!is_space(c)) fail("text utanför rotelementet");
        }
        pos_ = end;
        continue;
      }
      set_text(raw);
      pos_ = end;
      return event_ = XmlEvent::text;
    }
    while (size_ - pos_ < 9 && fill()) {
    }
    if (size_ - pos_ < 2) fail("filen tar slut mitt i en tagg");
    std::string_view rest = view(pos_, size_);
    char kind = rest[1];
    if (kind == '?') {
      std::size_t end = find_seq(pos_ + 2, "?>");
      if (end == npos) fail("processinstruktion utan slut");
      pos_ = end + 2;
      continue;
    }
    if (kind == '!') {
      if (rest.starts_with("<!--")) {
        std::size_t end = find_seq(pos_ + 4, "-->");
        if (end == npos) fail("kommentar utan slut");
        pos_ = end + 3;
        continue;
      }
      if (rest.starts_with("<![CDATA[")) {
        std::size_t end = find_seq(pos_ + 9, "]]>");
        if (end == npos) fail("CDATA utan slut");
        text_ = view(pos_ + 9, end);  // taken literally
        pos_ = end + 3;
        return event_ = XmlEvent::text;
      }
      if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!ENTITY")) {
        throw ReadError(ReadFailure::forbidden_xml,
                        fmt::format("{}: delen '{}' innehåller en DOCTYPE-deklaration, som Excel "
                                    "aldrig skriver (XML-bomb eller extern entitet?); filen läses "
                                    "inte.",
                                    file_, part_));
      }
      fail("okänd deklaration '<!'");
    }
    if (kind == '/') {
      std::size_t end = find_from(pos_, '>');
      if (end == npos) fail("sluttagg utan slut");
      std::string_view tag = view(pos_ + 2, end);
      while (!tag.empty() && is_space(tag.back())) tag.remove_suffix(1);
      if (depth_ == 0) fail("sluttagg utan starttagg");
      if (!same_name(open_[depth_ - 1], tag)) {
        fail(fmt::format("sluttaggen </{}> stänger inte <{}>", tag, open_[depth_ - 1]));
      }
      --depth_;
      name_ = local_part(tag);
      pos_ = end + 1;
      return event_ = XmlEvent::end;
    }
    std::size_t end = find_tag_end(pos_ + 1);
    if (end == npos) fail("tagg utan slut");
    bool empty = buffer_[end - 1] == '/';
    parse_tag(pos_ + 1, empty ? end - 1 : end);
    if (depth_ == 0 && started_) fail("mer än ett rotelement");
    started_ = true;
    if (++depth_ > limits_.max_depth) fail("för djup nästling av element");
    if (empty) {
      pending_end_ = true;
    } else {
      // The open elements' names, kept to check end tags; strings reused across elements.
      if (open_.size() < depth_) open_.resize(depth_);
      open_[depth_ - 1].assign(qname_);
    }
    pos_ = end + 1;
    return event_ = XmlEvent::start;
  }
}

}  // namespace arsanalys::xlsx

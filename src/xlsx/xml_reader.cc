#include "xlsx/xml_reader.h"

#include <cstring>

#include <fmt/format.h>

#include "core/error.h"

namespace arsanalys::xlsx {
namespace {

constexpr std::size_t npos = std::string::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view local_part(std::string_view qualified) {
  auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
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

void XmlReader::fail(const std::string& what) const {
  throw ReadError(ReadFailure::malformed_xml,
                  fmt::format("{}: delen '{}' är inte korrekt XML ({}). Spara om filen i Excel "
                              "och försök igen.",
                              file_, part_, what));
}

bool XmlReader::fill(std::size_t wanted) {
  if (source_done_) return false;
  if (buffer_.size() - pos_ > limits_.max_token_bytes) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: delen '{}' har ett XML-element eller en text över {} MB; "
                                "filen läses inte.",
                                file_, part_, limits_.max_token_bytes >> 20));
  }
  std::size_t chunk = std::max<std::size_t>({wanted, 64 * 1024, buffer_.size() - pos_});
  std::size_t old = buffer_.size();
  buffer_.resize(old + chunk);
  std::size_t got = 0;
  while (got < chunk) {
    std::size_t n = source_(buffer_.data() + old + got, chunk - got);
    if (n == 0) {
      source_done_ = true;
      break;
    }
    got += n;
  }
  buffer_.resize(old + got);
  return got > 0;
}

std::size_t XmlReader::find_from(std::size_t from, char c) {
  for (;;) {
    if (from < buffer_.size()) {
      const void* hit = std::memchr(buffer_.data() + from, c, buffer_.size() - from);
      if (hit != nullptr) return static_cast<const char*>(hit) - buffer_.data();
      from = buffer_.size();
    }
    if (!fill(0)) return npos;
  }
}

std::size_t XmlReader::find_seq(std::size_t from, std::string_view seq) {
  for (;;) {
    std::size_t hit = buffer_.find(seq, from);
    if (hit != npos) return hit;
    // Keep scanning where a partial match could still start.
    if (buffer_.size() >= seq.size()) from = std::max(from, buffer_.size() - seq.size() + 1);
    if (!fill(0)) return npos;
  }
}

std::size_t XmlReader::find_tag_end(std::size_t from) {
  char quote = 0;
  std::size_t i = from;
  for (;;) {
    for (; i < buffer_.size(); ++i) {
      char c = buffer_[i];
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
    if (!fill(0)) return npos;
  }
}

void XmlReader::parse_tag(std::size_t begin, std::size_t end) {
  std::string_view tag(buffer_.data() + begin, end - begin);
  std::size_t i = 0;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '/') ++i;
  if (i == 0) fail("tagg utan namn");
  qname_ = tag.substr(0, i);
  name_ = local_part(qname_);
  attributes_.clear();
  for (;;) {
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] == '/') return;
    std::size_t name_begin = i;
    while (i < tag.size() && tag[i] != '=' && !is_space(tag[i])) ++i;
    std::string_view attr_name = tag.substr(name_begin, i - name_begin);
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') fail(fmt::format("attributet '{}' saknar värde", attr_name));
    ++i;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) fail("attributvärde utan citattecken");
    char quote = tag[i++];
    std::size_t value_end = tag.find(quote, i);
    if (value_end == std::string_view::npos) fail("attributvärde utan slut");
    // Namespace declarations are not attributes of the element (`xmlns:r` is not `r`).
    if (attr_name != "xmlns" && !attr_name.starts_with("xmlns:")) {
      attributes_.push_back({local_part(attr_name), tag.substr(i, value_end - i)});
    }
    i = value_end + 1;
  }
}

void XmlReader::decode_into(std::string_view raw, std::string& out) const {
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      out.push_back('\n');  // XML end-of-line handling: CR LF and lone CR become LF
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
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

std::string XmlReader::attr(std::string_view local, bool* found) const {
  for (const Attribute& a : attributes_) {
    if (a.local == local) {
      if (found != nullptr) *found = true;
      std::string out;
      if (a.raw.find('&') == std::string_view::npos) return std::string(a.raw);
      decode_into(a.raw, out);
      return out;
    }
  }
  if (found != nullptr) *found = false;
  return {};
}

XmlEvent XmlReader::next() {
  if (pending_end_) {
    pending_end_ = false;
    name_ = pending_name_;
    --depth_;
    return event_ = XmlEvent::end;
  }
  // Drop what was consumed, so the buffer holds only the current token and what follows.
  if (pos_ > (256u << 10) || (pos_ > 0 && pos_ == buffer_.size())) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  for (;;) {
    if (pos_ >= buffer_.size() && !fill(0)) {
      if (depth_ != 0) fail("filen tar slut mitt i ett element");
      if (!started_) fail("delen är tom");
      return event_ = XmlEvent::eof;
    }
    if (!started_ && buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) {
      pos_ += 3;  // UTF-8 byte-order mark
      continue;
    }
    if (buffer_[pos_] != '<') {
      std::size_t end = find_from(pos_, '<');
      if (end == npos) end = buffer_.size();
      std::string_view raw(buffer_.data() + pos_, end - pos_);
      if (depth_ == 0) {
        // Only white space may stand outside the root element.
        for (char c : raw) {
          if (!is_space(c)) fail("text utanför rotelementet");
        }
        pos_ = end;
        continue;
      }
      decode_into(raw, text_);
      pos_ = end;
      return event_ = XmlEvent::text;
    }
    while (buffer_.size() - pos_ < 9 && fill(0)) {
    }
    if (buffer_.size() - pos_ < 2) fail("filen tar slut mitt i en tagg");
    char kind = buffer_[pos_ + 1];
    if (kind == '?') {
      std::size_t end = find_seq(pos_ + 2, "?>");
      if (end == npos) fail("processinstruktion utan slut");
      pos_ = end + 2;
      continue;
    }
    if (kind == '!') {
      if (buffer_.compare(pos_, 4, "<!--") == 0) {
        std::size_t end = find_seq(pos_ + 4, "-->");
        if (end == npos) fail("kommentar utan slut");
        pos_ = end + 3;
        continue;
      }
      if (buffer_.compare(pos_, 9, "<![CDATA[") == 0) {
        std::size_t end = find_seq(pos_ + 9, "]]>");
        if (end == npos) fail("CDATA utan slut");
        text_.assign(buffer_, pos_ + 9, end - pos_ - 9);
        pos_ = end + 3;
        return event_ = XmlEvent::text;
      }
      if (buffer_.compare(pos_, 9, "<!DOCTYPE") == 0) {
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
      std::string_view tag(buffer_.data() + pos_ + 2, end - pos_ - 2);
      while (!tag.empty() && is_space(tag.back())) tag.remove_suffix(1);
      if (depth_ == 0) fail("sluttagg utan starttagg");
      if (open_[depth_ - 1] != tag) {
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
      pending_name_.assign(name_);
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

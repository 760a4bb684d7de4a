#pragma once
// The streaming (pull) XML reader every part of a workbook is read with: worksheets, shared
// strings, the workbook, relationships and styles. It holds only the current token in memory,
// matches element and attribute names by their local part (so `x:c` is `c`), never expands
// entities beyond the five predefined ones and numeric references, and refuses DOCTYPE and
// entity declarations outright: the reader's one XML parser and its one guard.
//
// Why not pugixml, the field-standard library, which read the small parts until issue 17
// (docs/performance.md, "Ett XML-läsverktyg"): its DOM of the 1,000,000-cell benchmark sheet
// took some 200 MB beside the whole decompressed part (this reader holds 128 KiB), and several
// times this reader's CPU time to build and walk.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arsanalys::xlsx {

/// What next() found.
enum class XmlEvent { start, end, text, eof };

/// Limits against hostile input, the same for every part. The reader holds no tree, so nothing
/// grows with the number of elements: what the elements make (cells, strings) is counted by the
/// workbook reader's own limits (ReadLimits).
struct XmlLimits {
  std::size_t max_token_bytes = 64u << 20;  // one tag or text run, and the text of one value
                                            // (a cell's value, formula or string item) in all
  std::size_t max_depth = 4096;             // element nesting
  std::size_t max_attributes = 1024;        // attributes of one tag (Excel's have under 40)
};

/// Pull reader over a byte source. Views it hands out (names, attribute values, text) stay valid
/// until the next call to next(): they point into the input buffer wherever nothing had to be
/// decoded, so a worksheet's millions of short values are never copied.
///
///   XmlReader xml(source, "xl/worksheets/sheet1.xml", "bok.xlsx");
///   while (xml.next() != XmlEvent::eof) if (xml.is_start("c")) ...
class XmlReader {
 public:
  /// Fills a buffer with up to n bytes; returns 0 at the end.
  using Source = std::function<std::size_t(char*, std::size_t)>;

  XmlReader(Source source, std::string part, std::string file, XmlLimits limits = {});

  /// Advances to the next start tag, end tag or text run. An empty element gives a start and
  /// then an end. Comments and processing instructions are skipped; CDATA is text.
  XmlEvent next();

  /// Local name of the current start or end tag (prefix removed).
  std::string_view name() const { return name_; }
  bool is_start(std::string_view local) const { return event_ == XmlEvent::start && name_ == local; }
  bool is_end(std::string_view local) const { return event_ == XmlEvent::end && name_ == local; }
  /// Decoded text of the current text event.
  std::string_view text() const { return text_; }
  /// Decoded value of the first attribute of the current start tag with this local name; empty
  /// if absent. `found` tells absent from empty. Inline: called with literal names for every
  /// cell, it then compares without calling memcmp.
  std::string_view attr(std::string_view local, bool* found = nullptr) const {
    for (const Attribute& a : attributes_) {
      if (a.local == local) {
        if (found != nullptr) *found = true;
        return a.value;
      }
    }
    if (found != nullptr) *found = false;
    return {};
  }
  /// The value of the first attribute with this local name whose name has a namespace prefix:
  /// the relationship id `r:id`, not a plain `id`.
  std::string_view prefixed_attr(std::string_view local) const {
    for (const Attribute& a : attributes_) {
      if (a.prefixed && a.local == local) return a.value;
    }
    return {};
  }
  /// Element depth after the current event (the root's start is depth 1).
  std::size_t depth() const { return depth_; }

  const XmlLimits& limits() const { return limits_; }

  /// Throws ReadError(malformed_xml) naming the part and `what`.
  [[noreturn]] void fail(const std::string& what) const;
  /// Throws ReadError(too_large): an element or text over limits().max_token_bytes.
  [[noreturn]] void too_large() const;

 private:
  struct Attribute {
    std::string_view local;  // name without prefix
    std::string_view value;  // decoded (points into the buffer when nothing needed decoding)
    std::size_t decoded_offset;  // where a decoded value lies in decoded_attributes_, or npos
    std::size_t decoded_size;
    bool prefixed;  // the name had a prefix (`r:id`)
  };

  // The input buffer holds the current token and what follows it. Offsets into it are only
  // taken relative to pos_: fill() may slide the unconsumed bytes to the front or move them to
  // a larger buffer, and keeps everything from pos_ on.
  bool fill();  // appends input; false at end of source
  std::size_t find_from(std::size_t from, char c);  // position of c at/after from (refills)
  std::size_t find_tag_end(std::size_t from);       // position of '>' ending a tag
  std::size_t find_seq(std::size_t from, std::string_view seq);
  std::string_view view(std::size_t begin, std::size_t end) const {
    return {buffer_.get() + begin, end - begin};
  }
  void parse_tag(std::size_t begin, std::size_t end);
  void set_text(std::string_view raw);

  Source source_;
  std::string part_;
  std::string file_;
  XmlLimits limits_;
  std::unique_ptr<char[]> buffer_;  // not zero-filled: only [0, size_) is ever read
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  std::size_t pos_ = 0;  // start of the first unconsumed byte
  bool source_done_ = false;
  XmlEvent event_ = XmlEvent::eof;
  bool pending_end_ = false;  // an empty element's end is due
  std::string_view name_;
  std::string_view qname_;          // name with prefix, of the last start tag
  std::vector<std::string> open_;   // qualified names of the open elements, by depth
  std::vector<Attribute> attributes_;
  std::string decoded_attributes_;  // values of attributes that held references, decoded
  std::string_view text_;
  std::string decoded_text_;  // text_ when the run held references or CRs
  std::size_t depth_ = 0;
  bool started_ = false;
};

/// Decodes `_xHHHH_` escapes (OOXML's way of storing control characters) in place;
/// `_x005F_` escapes the underscore itself.
void decode_ooxml_escapes(std::string& text);

/// Appends the UTF-8 encoding of a code point; invalid ones become U+FFFD.
void append_utf8(std::string& out, unsigned long code_point);

}  // namespace arsanalys::xlsx

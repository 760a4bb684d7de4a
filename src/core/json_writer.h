#pragma once
// The one way the program writes JSON (resultat.json, slutreglering.json, `validate --json`,
// `inspect --json`): a streaming writer that never holds the document as a tree, so a
// city-scale resultat.json (hundreds of megabytes) is written as it is made.
//
// The text is the one these outputs have always had, nlohmann::json's dump(2): containers
// written `Layout::block` put each member on its own line, indented two spaces a level, with
// `"key": value`; empty ones are `{}` and `[]`. `Layout::line` keeps a container on one line,
// `{"ref": "A1", "value": 3}` (inspect's cells). Strings are UTF-8 passed through, `"` `\` and
// control characters escaped as nlohmann escapes them (\b \f \n \r \t, others \u00XX), and
// invalid UTF-8 replaced by U+FFFD, one for each maximal invalid subpart (as nlohmann's
// error_handler_t::replace does), so a broken workbook never makes invalid JSON.
//
// The writer writes keys in the order given. The outputs have their keys in byte order (the
// order nlohmann's objects keep), so their writers give them in that order.
//
//   std::string text;
//   JsonWriter w(text);
//   w.begin_object();
//   w.key("year").value(2025);
//   w.key("lines").begin_array().value("a").end_array();
//   w.end_object();
//   w.finish();  // text == "{\n  \"year\": 2025,\n  \"lines\": [\n    \"a\"\n  ]\n}\n"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/exact.h"

namespace arsanalys {

class JsonWriter {
 public:
  /// How a container is laid out. A container inside a `line` one is on that line too.
  enum class Layout {
    block,  // one member a line, indented: dump(2)
    line,   // {"a": 1, "b": [2, 3]}
  };

  /// Appends to `out`.
  explicit JsonWriter(std::string& out);
  /// Hands the text to `sink` in pieces of about `piece_bytes` (and the rest at finish()).
  explicit JsonWriter(std::function<void(std::string_view)> sink,
                      std::size_t piece_bytes = std::size_t{1} << 16);
  /// Writes to `out` in pieces of about `piece_bytes`.
  explicit JsonWriter(std::ostream& out, std::size_t piece_bytes = std::size_t{1} << 16);

  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object(Layout layout = Layout::block);
  JsonWriter& end_object();
  JsonWriter& begin_array(Layout layout = Layout::block);
  JsonWriter& end_array();

  /// The key of the next member of the object open; its value follows.
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::nullptr_t);
  JsonWriter& value(Int128 n);
  /// Integers of any width, as their decimal digits.
  template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, char8_t>)
  JsonWriter& value(T n) {
    if constexpr (std::is_signed_v<T>) {
      return integer(static_cast<std::int64_t>(n));
    } else {
      return unsigned_integer(static_cast<std::uint64_t>(n));
    }
  }
  /// A number: integral values below 9e15 as integers, others in the shortest form that reads
  /// back the same; NaN and infinities (which JSON lacks) as null.
  JsonWriter& value(double v);
  /// The value, or null when there is none.
  template <class T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : value(nullptr);
  }

  /// key(k).value(v).
  template <class T>
  JsonWriter& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

  /// Ends the document: every container closed, a final newline, everything handed on. Throws
  /// std::logic_error when a container is still open.
  void finish();

 private:
  struct Open {
    bool object;
    bool line;   // Layout::line, or inside one
    bool empty;  // no member yet
  };

  JsonWriter& integer(std::int64_t n);
  JsonWriter& unsigned_integer(std::uint64_t n);
  /// Before a value: the separator and indent an array's element takes; checks that a value
  /// may come here.
  void before_value();
  /// After a value: hands a full piece on.
  void after_value();
  JsonWriter& begin(bool object, Layout layout);
  JsonWriter& end(bool object);
  void newline_indent(std::size_t depth);

  std::string own_;        // the buffer, unless writing to a caller's string
  std::string* out_;       // where the text goes
  std::function<void(std::string_view)> sink_;  // empty when writing to a caller's string
  std::size_t piece_bytes_ = 0;
  std::vector<Open> open_;
  bool key_given_ = false;  // a key waits for its value
  bool root_done_ = false;
};

}  // namespace arsanalys

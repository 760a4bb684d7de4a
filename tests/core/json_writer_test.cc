// The JSON writer: the text of nlohmann's dump(2) (the outputs' format), escaping, the
// one-line layout, large integers, streaming in pieces and its misuse refused.
#include "core/json_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

using arsanalys::Int128;
using arsanalys::JsonWriter;
using nlohmann::json;

namespace {

std::string dump2(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

/// One string value as the writer writes it, without the final newline.
std::string written(std::string_view s) {
  std::string out;
  JsonWriter w(out);
  w.value(s);
  w.finish();
  out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("json writer: nesting as dump(2) prints it", "[core][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a").begin_array();
  w.value(1).value("två").begin_object().member("x", nullptr).member("y", true).end_object();
  w.begin_array().end_array();
  w.begin_object().end_object();
  w.begin_array().begin_array().value(false).end_array().end_array();
  w.end_array();
  w.key("b").begin_object().key("c").begin_object().member("d", std::int64_t{-7}).end_object();
  w.end_object();
  w.member("e", std::string("slut"));
  w.end_object();
  w.finish();
  const std::string expected = R"({
  "a": [
    1,
    "två",
    {
      "x": null,
      "y": true
    },
    [],
    {},
    [
      [
        false
      ]
    ]
  ],
  "b": {
    "c": {
      "d": -7
    }
  },
  "e": "slut"
}
)";
  CHECK(out == expected);
  CHECK(out == dump2(json::parse(out)));
}

TEST_CASE("json writer: empty containers and a lone value at the top", "[core][json]") {
  std::string a, b, c;
  JsonWriter(a).begin_object().end_object().finish();
  JsonWriter(b).begin_array().end_array().finish();
  JsonWriter(c).value(42).finish();
  CHECK(a == "{}\n");
  CHECK(b == "[]\n");
  CHECK(c == "42\n");
}

TEST_CASE("json writer: the one-line layout (inspect's cells)", "[core][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("cells").begin_array();
  w.begin_object(JsonWriter::Layout::line).member("ref", "A1").member("value", 2469).end_object();
  w.begin_object(JsonWriter::Layout::line).member("ref", "B2").end_object();
  w.end_array();
  w.key("merged").begin_array(JsonWriter::Layout::line).value("A1:C1").value("D1:E1").end_array();
  // Inside a one-line container, a container is on the line too, whatever it asks.
  w.key("tables").begin_array(JsonWriter::Layout::line);
  w.begin_object().member("table", "nycklar").key("r").begin_array().value(1).end_array();
  w.end_object();
  w.end_array();
  w.key("none").begin_array(JsonWriter::Layout::line).end_array();
  w.end_object();
  w.finish();
  CHECK(out ==
        "{\n"
        "  \"cells\": [\n"
        "    {\"ref\": \"A1\", \"value\": 2469},\n"
        "    {\"ref\": \"B2\"}\n"
        "  ],\n"
        "  \"merged\": [\"A1:C1\", \"D1:E1\"],\n"
        "  \"tables\": [{\"table\": \"nycklar\", \"r\": [1]}],\n"
        "  \"none\": []\n"
        "}\n");
  CHECK_NOTHROW(json::parse(out));
}

TEST_CASE("json writer: escaping as nlohmann escapes", "[core][json]") {
  CHECK(written("Tjänst \"A\"") == "\"Tjänst \\\"A\\\"\"");
  CHECK(written("a\\b") == "\"a\\\\b\"");
  CHECK(written("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
  CHECK(written(std::string_view("\x00\x01\x1f", 3)) == "\"\\u0000\\u0001\\u001f\"");
  CHECK(written("\x7f/") == "\"\x7f/\"");  // DEL and '/' as they are
  CHECK(written("Å 😀 €") == "\"Å 😀 €\"");  // UTF-8 passed through
  // Invalid UTF-8: one U+FFFD per maximal invalid part, the rest kept.
  CHECK(written("a\x80z") == "\"a\xEF\xBF\xBDz\"");
  CHECK(written("a\xE2\x82z") == "\"a\xEF\xBF\xBDz\"");                  // cut short
  CHECK(written("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");          // overlong
  CHECK(written("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(written("\xF4\x90\x80\x80") ==
        "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");        // beyond U+10FFFF
  CHECK(written("\xF0\x9F\x98") == "\"\xEF\xBF\xBD\"");                  // cut off at the end
  // Keys are escaped alike.
  std::string out;
  JsonWriter w(out);
  w.begin_object(JsonWriter::Layout::line).member("A\"1\t", 1).end_object();
  w.finish();
  CHECK(out == "{\"A\\\"1\\t\": 1}\n");
}

TEST_CASE("json writer: any bytes escape as nlohmann's dump does", "[core][json]") {
  // Random strings weighted to the bytes that matter (controls, quotes, UTF-8 leads and
  // continuations, invalid bytes), against nlohmann with error_handler_t::replace.
  std::mt19937 random(17);
  const unsigned char interesting[] = {0x00, 0x08, 0x0c, 0x1f, '"', '\\', 'a', 0x7f, 0x80, 0xbf,
                                       0xc2, 0xc3, 0xa5, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xee, 0xef,
                                       0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff, 0xc0, 0xe2, 0x82, 0xac};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int length = static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) {
      s.push_back(static_cast<char>(interesting[random() % sizeof interesting]));
    }
    INFO(json(std::vector<std::uint8_t>(s.begin(), s.end())).dump());
    REQUIRE(written(s) == json(s).dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

TEST_CASE("json writer: integers to 128 bits, numbers as inspect writes them", "[core][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_array(JsonWriter::Layout::line);
  w.value(std::numeric_limits<std::int64_t>::min());
  w.value(std::numeric_limits<std::int64_t>::max());
  w.value(std::numeric_limits<std::uint64_t>::max());
  w.value(Int128(std::numeric_limits<std::int64_t>::max()) * 1000);
  w.value(-(Int128(1) << 126) * 2);  // the most negative 128-bit value
  w.value(Int128(0));
  w.value(0).value(-3).value(std::size_t{12});
  w.value(1234.5).value(0.1).value(2469.0).value(-0.0).value(1e20);
  w.value(std::numeric_limits<double>::quiet_NaN()).value(std::numeric_limits<double>::infinity());
  w.value(std::optional<std::int64_t>{}).value(std::optional<std::int64_t>{5});
  w.end_array();
  w.finish();
  CHECK(out ==
        "[-9223372036854775808, 9223372036854775807, 18446744073709551615, "
        "9223372036854775807000, -170141183460469231731687303715884105728, 0, 0, -3, 12, 1234.5, "
        "0.1, 2469, 0, 1e+20, null, null, null, 5]\n");
}

TEST_CASE("json writer: streams in pieces, the same text", "[core][json]") {
  auto write = [](JsonWriter& w) {
    w.begin_object();
    w.key("customers_kr").begin_object();
    for (int i = 0; i < 1000; ++i) w.member("K" + std::to_string(i), i);
    w.end_object();
    w.end_object();
    w.finish();
  };
  std::string whole;
  JsonWriter to_string(whole);
  write(to_string);

  std::string joined;
  int pieces = 0;
  JsonWriter to_sink([&](std::string_view piece) { joined += piece; ++pieces; }, 256);
  write(to_sink);
  CHECK(joined == whole);
  CHECK(pieces > 10);  // handed on as it went, not at the end

  std::ostringstream stream;
  JsonWriter to_stream(stream, 100);
  write(to_stream);
  CHECK(stream.str() == whole);
}

TEST_CASE("json writer: misuse is refused", "[core][json]") {
  std::string out;
  {
    JsonWriter w(out);
    w.begin_object();
    CHECK_THROWS_AS(w.value(1), std::logic_error);  // a member without its key
    CHECK_THROWS_AS(w.end_array(), std::logic_error);
    CHECK_THROWS_AS(w.finish(), std::logic_error);
    w.key("a");
    CHECK_THROWS_AS(w.key("b"), std::logic_error);
    CHECK_THROWS_AS(w.end_object(), std::logic_error);  // a key without its value
  }
  {
    JsonWriter w(out);
    CHECK_THROWS_AS(w.key("a"), std::logic_error);
    w.value(1);
    CHECK_THROWS_AS(w.value(2), std::logic_error);
  }
}

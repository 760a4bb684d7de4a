#include "xlsx/xml_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "../core/test_failure.h"

using arsanalys::ReadFailure;
using arsanalys::test::failure_of;
using arsanalys::xlsx::decode_ooxml_escapes;
using arsanalys::xlsx::XmlEvent;
using arsanalys::xlsx::XmlLimits;
using arsanalys::xlsx::XmlReader;

namespace {

/// A source handing out `text` at most `step` bytes per call.
XmlReader::Source source_of(std::string text, std::size_t step = std::string::npos) {
  auto state = std::make_shared<std::pair<std::string, std::size_t>>(std::move(text), 0);
  return [state, step](char* out, std::size_t n) {
    auto& [s, pos] = *state;
    std::size_t k = std::min({n, step, s.size() - pos});
    std::copy_n(s.data() + pos, k, out);
    pos += k;
    return k;
  };
}

XmlReader reader(std::string text, XmlLimits limits = {}) {
  return XmlReader(source_of(std::move(text)), "xl/worksheets/sheet1.xml", "bok.xlsx", limits);
}

/// The events of a whole document: `<a>`, `</a>`, `'text'`, space separated.
std::string trace(std::string text, XmlLimits limits = {}) {
  XmlReader xml = reader(std::move(text), limits);
  std::string out;
  for (XmlEvent e = xml.next(); e != XmlEvent::eof; e = xml.next()) {
    if (!out.empty()) out += ' ';
    if (e == XmlEvent::start) out += "<" + std::string(xml.name()) + ">";
    if (e == XmlEvent::end) out += "</" + std::string(xml.name()) + ">";
    if (e == XmlEvent::text) out += "'" + std::string(xml.text()) + "'";
  }
  return out;
}

/// The text of the single text event inside `<r>...</r>`.
std::string text_of(const std::string& inner) {
  XmlReader xml = reader("<r>" + inner + "</r>");
  REQUIRE(xml.next() == XmlEvent::start);
  REQUIRE(xml.next() == XmlEvent::text);
  std::string text(xml.text());
  REQUIRE(xml.next() == XmlEvent::end);
  REQUIRE(xml.next() == XmlEvent::eof);
  return text;
}

std::string decoded(std::string s) {
  decode_ooxml_escapes(s);
  return s;
}

}  // namespace

TEST_CASE("XmlReader: events of a small document", "[xml]") {
  CHECK(trace("<a><b>x</b><c/><d></d></a>") == "<a> <b> 'x' </b> <c> </c> <d> </d> </a>");
  CHECK(trace("<a/>") == "<a> </a>");
  CHECK(trace("<a >  </a >") == "<a> '  ' </a>");
  CHECK(trace("<a\n  x='1'\n/>") == "<a> </a>");
}

TEST_CASE("XmlReader: depth follows the events", "[xml]") {
  XmlReader xml = reader("<a><b/><c>t</c></a>");
  CHECK(xml.depth() == 0);
  xml.next();  // <a>
  CHECK(xml.depth() == 1);
  xml.next();  // <b>
  CHECK(xml.is_start("b"));
  CHECK(xml.depth() == 2);
  xml.next();  // </b> of the empty element
  CHECK(xml.is_end("b"));
  CHECK(xml.depth() == 1);
  xml.next();  // <c>
  xml.next();  // t
  CHECK(xml.depth() == 2);
  xml.next();  // </c>
  CHECK(xml.depth() == 1);
  xml.next();  // </a>
  CHECK(xml.is_end("a"));
  CHECK_FALSE(xml.is_start("a"));
  CHECK(xml.depth() == 0);
  CHECK(xml.next() == XmlEvent::eof);
}

TEST_CASE("XmlReader: prefixes are dropped from element and attribute names", "[xml]") {
  XmlReader xml =
      reader(R"(<x:worksheet xmlns:x="urn:main"><x:c r="A1" x:t="s" s='2'/></x:worksheet>)");
  xml.next();
  CHECK(xml.is_start("worksheet"));
  xml.next();
  CHECK(xml.is_start("c"));
  CHECK(xml.name() == "c");
  CHECK(xml.attr("r") == "A1");
  CHECK(xml.attr("t") == "s");
  CHECK(xml.attr("s") == "2");
  bool found = true;
  CHECK(xml.attr("missing", &found).empty());
  CHECK_FALSE(found);
  xml.next();
  CHECK(xml.is_end("c"));
  xml.next();
  CHECK(xml.is_end("worksheet"));
}

TEST_CASE("XmlReader: attribute values", "[xml]") {
  XmlReader xml =
      reader(R"(<a empty="" gt="x>y" q='say "hi"' ent="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;" )"
             R"(spaced = "v" />)");
  xml.next();
  bool found = false;
  CHECK(xml.attr("empty", &found).empty());
  CHECK(found);
  CHECK(xml.attr("gt") == "x>y");
  CHECK(xml.attr("q") == "say \"hi\"");
  CHECK(xml.attr("ent") == "<&>\"'AB");
  CHECK(xml.attr("spaced") == "v");
}

// XML's attribute-value normalisation: white space written as such becomes a space (CR LF one
// space), white space written as a reference is kept.
TEST_CASE("XmlReader: white space in attribute values", "[xml]") {
  XmlReader xml = reader("<a x=\"1\t2\n3\r\n4\r5\" y=\"&#9;&#10;&#13;\" z=' a b '/>");
  xml.next();
  CHECK(xml.attr("x") == "1 2 3 4 5");
  CHECK(xml.attr("y") == "\t\n\r");
  CHECK(xml.attr("z") == " a b ");
}

// The relationship id of a sheet is `r:id`; a plain `id` is another attribute.
TEST_CASE("XmlReader: an attribute with a namespace prefix", "[xml]") {
  XmlReader xml = reader(R"(<s id="plain" rel:id="rId7" xmlns:rel="urn:rels"/>)");
  xml.next();
  CHECK(xml.attr("id") == "plain");
  CHECK(xml.prefixed_attr("id") == "rId7");
  CHECK(xml.prefixed_attr("rel").empty());  // the declaration xmlns:rel is no attribute
  XmlReader plain = reader(R"(<s id="plain"/>)");
  plain.next();
  CHECK(plain.prefixed_attr("id").empty());
}

// Decoded values share one string that grows while the tag is parsed; each must still read
// right once all are decoded.
TEST_CASE("XmlReader: several attributes with references in one tag", "[xml]") {
  XmlReader xml = reader(R"(<a x="&lt;1" plain="p" y="2&amp;&amp;" z="&#65;&#x42;C"/>)");
  xml.next();
  CHECK(xml.attr("x") == "<1");
  CHECK(xml.attr("plain") == "p");
  CHECK(xml.attr("y") == "2&&");
  CHECK(xml.attr("z") == "ABC");
}

// `xmlns:r` declares a prefix; it is not an attribute whose local name is `r`. Excel puts the
// declarations on the root, but other writers may declare them on any element.
TEST_CASE("XmlReader: a namespace declaration is not an attribute", "[xml]") {
  XmlReader xml = reader(R"(<c xmlns:r="urn:rels" r="B2"/>)");
  xml.next();
  CHECK(xml.attr("r") == "B2");
}

TEST_CASE("XmlReader: character and entity references in text", "[xml]") {
  CHECK(text_of("&lt;&gt;&amp;&quot;&apos;") == "<>&\"'");
  CHECK(text_of("&#65;&#x42;&#X43;&#xe5;") == "ABC\xC3\xA5");  // å
  CHECK(text_of("&#8364;") == "\xE2\x82\xAC");                 // €
  CHECK(text_of("&#x1F600;") == "\xF0\x9F\x98\x80");           // 4-byte UTF-8
  CHECK(text_of("&amp;lt;") == "&lt;");                        // decoded once only
  CHECK(text_of("&nbsp;x&unknown;") == "&nbsp;x&unknown;");    // never expanded
  CHECK(text_of("a & b") == "a & b");                          // stray ampersand kept
  CHECK(text_of("&#;&#x;&#xZZ;&#12a;") == "&#;&#x;&#xZZ;&#12a;");
  CHECK(text_of("&#xD800;") == "\xEF\xBF\xBD");    // a lone surrogate becomes U+FFFD
  CHECK(text_of("&#x110000;") == "\xEF\xBF\xBD");  // beyond Unicode
  CHECK(text_of("&#65") == "&#65");                // no ';'
}

TEST_CASE("XmlReader: end-of-line handling", "[xml]") {
  CHECK(text_of("a\r\nb\rc\nd") == "a\nb\nc\nd");
  CHECK(text_of("\r\n\r\n") == "\n\n");
}

TEST_CASE("XmlReader: CDATA is text, taken literally", "[xml]") {
  CHECK(text_of("<![CDATA[a<b>&amp;]]]]>") == "a<b>&amp;]]");
  CHECK(trace("<r>x<![CDATA[y]]>z</r>") == "<r> 'x' 'y' 'z' </r>");
  CHECK(trace("<r><![CDATA[]]></r>") == "<r> '' </r>");
}

TEST_CASE("XmlReader: declarations, comments and processing instructions are skipped", "[xml]") {
  CHECK(trace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
              "<!-- före -->\n<a><!-- <b>inte</b> --><?pi x > y?><c/></a>\n<!-- efter -->\n") ==
        "<a> <c> </c> </a>");
  CHECK(trace("<a>x<!--c-->y</a>") == "<a> 'x' 'y' </a>");
}

TEST_CASE("XmlReader: a UTF-8 byte-order mark is skipped", "[xml]") {
  CHECK(trace("\xEF\xBB\xBF<?xml version=\"1.0\"?><a>å</a>") == "<a> 'å' </a>");
  CHECK(trace("\xEF\xBB\xBF<a/>") == "<a> </a>");
}

TEST_CASE("XmlReader: DOCTYPE is forbidden", "[xml]") {
  auto o = failure_of(
      [] { trace("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><a>&lol;</a>"); });
  CHECK(o == ReadFailure::forbidden_xml);
  CHECK_THAT(o.message, Catch::StartsWith("bok.xlsx: delen 'xl/worksheets/sheet1.xml'"));
  CHECK(failure_of([] { trace("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>"); }) ==
        ReadFailure::forbidden_xml);
  // An entity declaration without its DOCTYPE, before the root or inside it.
  CHECK(failure_of([] { trace("<!ENTITY e \"x\"><a/>"); }) == ReadFailure::forbidden_xml);
  CHECK(failure_of([] { trace("<a><!ENTITY e \"x\"></a>"); }) == ReadFailure::forbidden_xml);
}

TEST_CASE("XmlReader: UTF-16 is refused as malformed, by name", "[xml]") {
  for (std::string bom : {"\xFF\xFE", "\xFE\xFF"}) {
    auto o = failure_of([&] { trace(bom + std::string("<\0a\0/\0>\0", 8)); });
    CHECK(o == ReadFailure::malformed_xml);
    CHECK_THAT(o.message, Catch::Contains("UTF-16"));
  }
}

TEST_CASE("XmlReader: malformed documents are malformed_xml", "[xml]") {
  auto bad = GENERATE(as<std::string>{},
                      "",                       // nothing at all
                      "   \n",                  // white space only
                      "<a>",                    // truncated: element not closed
                      "<a><b></b>",             //
                      "<a>text",                //
                      "<a",                     // truncated tag
                      "<a x=\"1",               // truncated attribute
                      "<a><!-- x",              // truncated comment
                      "<a><![CDATA[x",          // truncated CDATA
                      "<?xml version=\"1.0\"",  // truncated declaration
                      "</a>",                   // end without start
                      "<a/></a>",               //
                      "<a/><b/>",               // two roots
                      "x<a/>",                  // text before the root
                      "<a/>x",                  // text after the root
                      "<a x></a>",              // attribute without value
                      "<a x=1></a>",            // unquoted value
                      "<a <b>></a>",            // '<' inside a tag
                      "<>x</>",                 // no name
                      "<a><!ELEMENT a ANY></a>");
  CAPTURE(bad);
  auto o = failure_of([&] { trace(bad); });
  CHECK(o == ReadFailure::malformed_xml);
  CHECK_THAT(o.message, Catch::StartsWith("bok.xlsx: delen 'xl/worksheets/sheet1.xml' är inte "
                                          "korrekt XML ("));
}

// A well-formed document closes each element with its own name; a reader that only counts
// depth reads `<c><v>1</c></v>` as if it were fine and attributes later content to the wrong
// element.
TEST_CASE("XmlReader: a mismatched end tag is malformed", "[xml]") {
  CHECK(failure_of([] { trace("<a><b></c></a>"); }) == ReadFailure::malformed_xml);
}

TEST_CASE("XmlReader: the depth limit", "[xml][limits]") {
  XmlLimits limits;
  limits.max_depth = 3;
  CHECK(trace("<a><b><c/></b></a>", limits) == "<a> <b> <c> </c> </b> </a>");
  CHECK(trace("<a><b><c>x</c></b></a>", limits) == "<a> <b> <c> 'x' </c> </b> </a>");
  CHECK(failure_of([&] { trace("<a><b><c><d/></c></b></a>", limits); }) ==
        ReadFailure::malformed_xml);
  // A deep document under the default limit is fine; past it, refused without a stack overflow.
  std::string deep;
  for (int i = 0; i < 4096; ++i) deep += "<a>";
  for (int i = 0; i < 4096; ++i) deep += "</a>";
  CHECK_NOTHROW(trace(deep));
  CHECK(failure_of([&] { trace("<a>" + deep + "</a>"); }) == ReadFailure::malformed_xml);
}

TEST_CASE("XmlReader: the attribute-count limit", "[xml][limits]") {
  XmlLimits limits;
  limits.max_attributes = 3;
  CHECK(trace(R"(<a x="1" y="2" xmlns:p="urn:p" p:z="3"/>)", limits) == "<a> </a>");
  auto o = failure_of([&] { trace(R"(<a x="1" y="2" z="3" w="4"/>)", limits); });
  CHECK(o == ReadFailure::too_large);
  CHECK(o.message ==
        "bok.xlsx: delen 'xl/worksheets/sheet1.xml' har en tagg med fler än 3 attribut; filen "
        "läses inte.");
  // Under the default limit a tag of a million attributes is refused before it is held.
  std::string many = "<a";
  for (int i = 0; i < 1'000'000; ++i) many += " b=\"\"";
  CHECK(failure_of([&] { trace(many + "/>"); }) == ReadFailure::too_large);
}

TEST_CASE("XmlReader: the token-size limit", "[xml][limits]") {
  XmlLimits limits;
  limits.max_token_bytes = 1024;
  const std::string big(1 << 20, 'x');
  CHECK(failure_of([&] { trace("<a>" + big + "</a>", limits); }) == ReadFailure::too_large);
  CHECK(failure_of([&] { trace("<a v=\"" + big + "\"/>", limits); }) == ReadFailure::too_large);
  CHECK(failure_of([&] { trace("<a><!--" + big + "--></a>", limits); }) == ReadFailure::too_large);
  // Many small tokens add up to far more than the limit and are fine.
  std::string many = "<a>";
  for (int i = 0; i < 20000; ++i) many += "<b>12345678</b>";
  many += "</a>";
  XmlReader xml = reader(many, limits);
  int texts = 0;
  for (XmlEvent e = xml.next(); e != XmlEvent::eof; e = xml.next()) {
    texts += e == XmlEvent::text && xml.text() == "12345678" ? 1 : 0;
  }
  CHECK(texts == 20000);
}

TEST_CASE("XmlReader: tokens across buffer refills", "[xml]") {
  // ~600 kB in pieces of odd sizes: tags, entities and text straddle every refill boundary and
  // the reader's periodic compaction of its buffer.
  std::string doc = "<?xml version=\"1.0\"?><rows>";
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    doc += "<c r=\"A" + std::to_string(i + 1) + "\" t=\"s&amp;\"><v>x&lt;" + std::to_string(i) +
           "&#229;</v></c>";
  }
  doc += "</rows>";
  REQUIRE(doc.size() > 600'000);
  for (std::size_t step : {std::size_t{1}, std::size_t{7}, std::size_t{4093}, doc.size()}) {
    CAPTURE(step);
    XmlReader xml(source_of(doc, step), "p", "f");
    int cells = 0, good = 0;
    while (xml.next() != XmlEvent::eof) {
      if (xml.is_start("c")) {
        good += xml.attr("r") == "A" + std::to_string(cells + 1) && xml.attr("t") == "s&";
        ++cells;
      }
      if (xml.is_start("v")) {
        REQUIRE(xml.next() == XmlEvent::text);
        good += xml.text() == "x<" + std::to_string(cells - 1) + "\xC3\xA5";
      }
    }
    CHECK(cells == n);
    CHECK(good == 2 * n);
  }
}

TEST_CASE("XmlReader: tokens longer than the read buffer", "[xml]") {
  // The buffer starts at 128 KiB and grows only for a token that does not fit; the tokens
  // before and after must come through whole, whatever the source's step.
  const std::string long_text(300'000, 't');
  const std::string long_value(200'000, 'v');
  std::string doc = "<r><a>x</a><b k=\"" + long_value + "&amp;\" m=\"1\">" + long_text +
                    "&lt;</b><c>y</c></r>";
  for (std::size_t step : {std::size_t{4093}, doc.size()}) {
    CAPTURE(step);
    XmlReader xml(source_of(doc, step), "p", "f");
    std::string events;
    for (XmlEvent e = xml.next(); e != XmlEvent::eof; e = xml.next()) {
      if (xml.is_start("b")) {
        CHECK(xml.attr("k") == long_value + "&");
        CHECK(xml.attr("m") == "1");
      }
      if (e == XmlEvent::text) {
        CHECK((xml.text() == "x" || xml.text() == "y" || xml.text() == long_text + "<"));
        events += xml.text().size() > 1 ? "T" : std::string(xml.text());
      }
    }
    CHECK(events == "xTy");
  }
}

TEST_CASE("XmlReader::fail names the file and the part", "[xml]") {
  XmlReader xml = reader("<a/>");
  auto o = failure_of([&] { xml.fail("något gick fel"); });
  CHECK(o == ReadFailure::malformed_xml);
  CHECK(o.message ==
        "bok.xlsx: delen 'xl/worksheets/sheet1.xml' är inte korrekt XML (något gick fel). "
        "Spara om filen i Excel och försök igen.");
}

TEST_CASE("decode_ooxml_escapes", "[xml]") {
  CHECK(decoded("") == "");
  CHECK(decoded("plain text") == "plain text");
  CHECK(decoded("a_x000D_b") == "a\rb");
  CHECK(decoded("_x000D__x000A_") == "\r\n");
  CHECK(decoded("tab_x0009_") == "tab\t");
  CHECK(decoded("_x00e5_") == "\xC3\xA5");  // lower-case hex
  CHECK(decoded("_x00C5_") == "\xC3\x85");
  // `_x005F_` is an escaped underscore: what follows is literal text.
  CHECK(decoded("_x005F_x000D_") == "_x000D_");
  CHECK(decoded("_x005F_") == "_");
  // Not escapes: left as written.
  CHECK(decoded("_xZZZZ_") == "_xZZZZ_");
  CHECK(decoded("_x000D") == "_x000D");
  CHECK(decoded("_x00D_") == "_x00D_");
  CHECK(decoded("_X000D_") == "_X000D_");
  CHECK(decoded("x000D_") == "x000D_");
  CHECK(decoded("__x0041_") == "_A");
  CHECK(decoded("my_var_x") == "my_var_x");
}

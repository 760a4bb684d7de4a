#include "xlsx/ole.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../core/test_failure.h"
#include "test_zip.h"

using arsanalys::ReadFailure;
using arsanalys::test::bytes_of;
using arsanalys::test::failure_of;
using arsanalys::xlsx::require_zip_signature;

namespace {

/// The UTF-16LE form of an ASCII name, as OLE directory entries store it.
std::string utf16(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

/// An OLE compound-file header followed by padding and the given directory-entry names.
std::string ole_with(std::initializer_list<std::string_view> names) {
  std::string out("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  out.append(504, '\0');  // rest of the 512-byte header
  for (std::string_view name : names) {
    out += utf16(name);
    out.append(64 - 2 * name.size(), '\0');
  }
  return out;
}

arsanalys::test::Outcome check(std::string_view content) {
  auto bytes = bytes_of(content);
  return failure_of([&] { require_zip_signature(bytes, "underlag.xlsx"); });
}

}  // namespace

TEST_CASE("require_zip_signature: zip archives pass", "[ole]") {
  CHECK(check(std::string("PK\x03\x04rest", 8)).ok());
  CHECK(check(std::string("PK\x05\x06", 4)).ok());  // an empty archive
  auto zip = arsanalys::test::make_zip({{"a", "b"}});
  CHECK(failure_of([&] { require_zip_signature(zip, "a.xlsx"); }).ok());
}

TEST_CASE("require_zip_signature: an empty file", "[ole]") {
  auto o = check("");
  CHECK(o == ReadFailure::empty);
  CHECK(o.message == "underlag.xlsx: filen är tom (0 byte). Spara arbetsboken igen från Excel.");
}

TEST_CASE("require_zip_signature: OLE containers", "[ole]") {
  SECTION("an encrypted OOXML package") {
    auto o = check(ole_with({"Root Entry", "EncryptionInfo", "EncryptedPackage"}));
    CHECK(o == ReadFailure::encrypted);
    CHECK_THAT(o.message, Catch::StartsWith("underlag.xlsx: arbetsboken är lösenordsskyddad"));
  }
  SECTION("EncryptedPackage alone is enough") {
    CHECK(check(ole_with({"Root Entry", "EncryptedPackage"})) == ReadFailure::encrypted);
  }
  SECTION("a legacy .xls (BIFF8 stream 'Workbook')") {
    auto o = check(ole_with({"Root Entry", "Workbook", "\x05SummaryInformation"}));
    CHECK(o == ReadFailure::legacy_xls);
    CHECK_THAT(o.message, Catch::Contains(".xls") && Catch::Contains("underlag.xlsx"));
  }
  SECTION("a BIFF5 workbook (stream 'Book')") {
    CHECK(check(ole_with({"Root Entry", "Book"})) == ReadFailure::legacy_xls);
  }
  SECTION("a Word 97 document") {
    CHECK(check(ole_with({"Root Entry", "WordDocument", "1Table"})) == ReadFailure::ole_other);
  }
  SECTION("the name in ASCII rather than UTF-16 does not count") {
    std::string ole = ole_with({"Root Entry"}) + "EncryptedPackage Workbook";
    CHECK(check(ole) == ReadFailure::ole_other);
  }
  SECTION("only the bare 8-byte signature") {
    CHECK(check(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) == ReadFailure::ole_other);
  }
}

TEST_CASE("require_zip_signature: other formats are not_zip, saying what they are", "[ole]") {
  struct Case {
    std::string content;
    const char* what;
  };
  auto c = GENERATE(values<Case>({
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "en PDF-fil"},
      {"{\\rtf1\\ansi\\deff0 hej}", "ett RTF-dokument"},
      {"<?xml version=\"1.0\"?><Workbook/>", "en XML- eller HTML-fil"},  // SpreadsheetML 2003
      {"<html><body><table></table></body></html>", "en XML- eller HTML-fil"},
      {"Tjänst;Belopp\r\nIT-arbetsplats;130964\r\n", "en textfil (CSV?)"},
      {"a\tb\n1\t2\n", "en textfil (CSV?)"},
      {std::string("PK\x01\x02garbage", 11), "ett skadat zip-arkiv"},
      {std::string("\x00\x01\x02\x03", 4), "okänt format"},
      {std::string("\xFF\xFE"
                   "a\0b\0",
                   6),
       "okänt format"},  // UTF-16 text has NULs
  }));
  CAPTURE(c.content);
  auto o = check(c.content);
  CHECK(o == ReadFailure::not_zip);
  CHECK(o.message == std::string("underlag.xlsx: filen är ingen Excel-arbetsbok (.xlsx) utan ") +
                         c.what + ". Spara underlaget som Excel-arbetsbok (.xlsx).");
}

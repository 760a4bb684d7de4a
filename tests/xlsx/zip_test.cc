#include "xlsx/zip.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../core/test_failure.h"
#include "test_zip.h"

using arsanalys::ReadFailure;
using arsanalys::test::deflate_zeros;
using arsanalys::test::failure_of;
using arsanalys::test::make_zip;
using arsanalys::test::ZipEntry;
using arsanalys::xlsx::ZipArchive;
using arsanalys::xlsx::ZipLimits;

namespace {

constexpr std::uint64_t kNoLimit = std::uint64_t{1} << 40;

/// Reads a part through open() in small steps, to exercise the stream.
std::string read_in_steps(const ZipArchive& zip, std::string_view part, std::size_t step) {
  auto stream = zip.open(part);
  std::string out;
  std::vector<char> buffer(step);
  while (std::size_t n = stream->read(buffer.data(), buffer.size())) out.append(buffer.data(), n);
  return out;
}

/// 0, 1, 2, ... 255, 0, 1, ... : content that is not one repeated byte.
std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>(i * 7 % 251);
  return s;
}

}  // namespace

TEST_CASE("test helper crc32 gives the standard check value", "[zip][helper]") {
  CHECK(arsanalys::test::crc32("123456789") == 0xCBF43926u);
  CHECK(arsanalys::test::crc32("") == 0u);
}

TEST_CASE("zip: stored and deflated parts read back byte for byte", "[zip]") {
  const std::string big = pattern(70'000);  // two stored deflate blocks
  auto bytes = make_zip({{"a.txt", "hej"},
                         {"xl/workbook.xml", "<workbook/>", 8},
                         {"big.bin", big, 8},
                         {"empty.txt", ""},
                         {"empty-deflated.txt", "", 8}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(zip.file_name() == "bok.xlsx");
  CHECK(zip.read("a.txt", kNoLimit) == "hej");
  CHECK(zip.read("xl/workbook.xml", kNoLimit) == "<workbook/>");
  CHECK(zip.read("big.bin", kNoLimit) == big);
  CHECK(read_in_steps(zip, "big.bin", 1000) == big);
  CHECK(read_in_steps(zip, "a.txt", 1) == "hej");
  CHECK(zip.read("empty.txt", kNoLimit).empty());
  CHECK(zip.read("empty-deflated.txt", kNoLimit).empty());
}

TEST_CASE("zip: the hand-made fixed-Huffman run of zeros decompresses exactly", "[zip][helper]") {
  // Lengths around the 258-byte match and the 3-byte minimum match.
  for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 258u, 259u, 260u, 261u, 262u, 517u, 1000u, 100'000u}) {
    CAPTURE(n);
    auto bytes = make_zip({{"z", std::string(n, '\0'), 8, deflate_zeros(n)}});
    ZipArchive zip(bytes, "z.zip");
    CHECK(zip.read("z", kNoLimit) == std::string(n, '\0'));
  }
}

TEST_CASE("zip: entries with a data descriptor, as streaming writers make them", "[zip]") {
  const std::string big = pattern(100'000);
  auto bytes = make_zip({{"a.xml", "<a/>", 8, std::nullopt, std::nullopt, 8},
                         {"b.bin", big, 0, std::nullopt, std::nullopt, 8}});
  ZipArchive zip(bytes, "stream.xlsx");
  CHECK(zip.read("a.xml", kNoLimit) == "<a/>");
  CHECK(zip.read("b.bin", kNoLimit) == big);
}

TEST_CASE("zip: part names are looked up as OPC says", "[zip]") {
  auto bytes = make_zip({{"xl/Workbook.xml", "wb"}, {"xl/worksheets/Sheet1.xml", "s1"}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(zip.contains("xl/Workbook.xml"));
  CHECK(zip.contains("xl/workbook.xml"));
  CHECK(zip.contains("XL/WORKBOOK.XML"));
  CHECK(zip.contains("/xl/workbook.xml"));
  CHECK(zip.contains("xl\\worksheets\\sheet1.xml"));
  CHECK(zip.read("/XL/WORKSHEETS/SHEET1.XML", kNoLimit) == "s1");
  CHECK_FALSE(zip.contains("xl/workbook"));
  CHECK_FALSE(zip.contains("workbook.xml"));
  CHECK_FALSE(zip.contains(""));
}

TEST_CASE("zip: normalise gives the canonical key", "[zip]") {
  CHECK(ZipArchive::normalise("/XL\\Worksheets\\Sheet1.XML") == "xl/worksheets/sheet1.xml");
  CHECK(ZipArchive::normalise("//a") == "a");
  CHECK(ZipArchive::normalise("[Content_Types].xml") == "[content_types].xml");
  // Only ASCII letters are folded: UTF-8 bytes pass through.
  CHECK(ZipArchive::normalise("Blad\xC3\x85.xml") == "blad\xC3\x85.xml");
}

TEST_CASE("zip: two entries of one name (case folded) are refused as ambiguous", "[zip]") {
  auto bytes = make_zip({{"Doc.xml", "first"}, {"doc.xml", "second"}});
  auto o = failure_of([&] { ZipArchive zip(bytes, "x.zip"); });
  CHECK(o.failure == ReadFailure::corrupt_zip);
  CHECK(o.message ==
        "x.zip: delen 'doc.xml' finns två gånger i zip-arkivet, så det går inte att avgöra vilken "
        "som gäller. Spara om filen i Excel.");
}

TEST_CASE("zip: an empty archive opens and holds nothing", "[zip]") {
  auto bytes = make_zip({});
  REQUIRE(bytes.size() == 22);  // just the end-of-central-directory record
  ZipArchive zip(bytes, "tom.zip");
  CHECK_FALSE(zip.contains("xl/workbook.xml"));
}

TEST_CASE("zip: a missing part is missing_part, naming the file and the part", "[zip]") {
  auto bytes = make_zip({{"a.txt", "hej"}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK_FALSE(zip.contains("b.txt"));
  auto o = failure_of([&] { zip.open("xl/styles.xml"); });
  CHECK(o == ReadFailure::missing_part);
  CHECK_THAT(o.message, Catch::Contains("bok.xlsx") && Catch::Contains("'xl/styles.xml'"));
  CHECK(failure_of([&] { zip.read("b.txt", kNoLimit); }) == ReadFailure::missing_part);
}

TEST_CASE("zip: read() stops at its own byte limit", "[zip][limits]") {
  auto bytes = make_zip({{"p", std::string(100, 'x')}, {"d", std::string(100, 'y'), 8}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(zip.read("p", 100) == std::string(100, 'x'));
  CHECK(failure_of([&] { zip.read("p", 99); }) == ReadFailure::too_large);
  CHECK(zip.read("d", 100) == std::string(100, 'y'));
  CHECK(failure_of([&] { zip.read("d", 99); }) == ReadFailure::too_large);
}

TEST_CASE("zip: the per-part limit counts decompressed bytes", "[zip][limits]") {
  ZipLimits limits;
  limits.max_part_bytes = 1000;
  auto bytes = make_zip({{"ok", std::string(1000, 'a'), 8},
                         {"big", std::string(1001, 'b'), 8},
                         {"lying", std::string(5000, 'c')}});
  ZipArchive zip(bytes, "bok.xlsx", limits);
  CHECK(zip.read("ok", kNoLimit).size() == 1000);
  CHECK(failure_of([&] { zip.read("big", kNoLimit); }) == ReadFailure::too_large);
  CHECK(failure_of([&] { read_in_steps(zip, "lying", 10); }) == ReadFailure::too_large);
}

TEST_CASE("zip: the total limit counts every part read", "[zip][limits]") {
  ZipLimits limits;
  limits.max_total_bytes = 1000;
  auto bytes = make_zip({{"a", std::string(600, 'a')}, {"b", std::string(600, 'b')}});
  ZipArchive zip(bytes, "bok.xlsx", limits);
  CHECK(zip.read("a", kNoLimit).size() == 600);
  auto o = failure_of([&] { zip.read("b", kNoLimit); });
  CHECK(o == ReadFailure::too_large);
  CHECK_THAT(o.message, Catch::Contains("bok.xlsx"));
}

TEST_CASE("zip: a zip bomb stops at the compression-ratio limit", "[zip][limits]") {
  const std::size_t n = 1 << 20;  // 1 MiB of zeros in about 6.5 kB: ratio above 150
  const std::string zeros = deflate_zeros(n);
  REQUIRE(zeros.size() < n / 150);
  auto bytes = make_zip({{"bomb", std::string(n, '\0'), 8, zeros},
                         {"small-bomb", std::string(60'000, '\0'), 8, deflate_zeros(60'000)},
                         {"plain", pattern(n)}});
  ZipLimits limits;
  limits.ratio_check_after = 64 << 10;
  limits.max_ratio = 100;
  ZipArchive zip(bytes, "bomb.xlsx", limits);
  CHECK(failure_of([&] { zip.read("bomb", kNoLimit); }) == ReadFailure::too_large);
  // Below ratio_check_after the ratio is not looked at.
  CHECK(zip.read("small-bomb", kNoLimit) == std::string(60'000, '\0'));
  // A stored part has ratio 1.
  CHECK(zip.read("plain", kNoLimit).size() == n);

  ZipLimits lenient = limits;
  lenient.max_ratio = 1000;
  ZipArchive zip2(bytes, "bomb.xlsx", lenient);
  CHECK(zip2.read("bomb", kNoLimit) == std::string(n, '\0'));
}

TEST_CASE("zip: a wrong CRC is corrupt_zip", "[zip][corrupt]") {
  auto bytes = make_zip({{"stored", "hej hopp", 0, std::nullopt, 0x12345678u},
                         {"deflated", "hej hopp", 8, std::nullopt, 0x12345678u}});
  ZipArchive zip(bytes, "bok.xlsx");
  auto o = failure_of([&] { zip.read("stored", kNoLimit); });
  CHECK(o == ReadFailure::corrupt_zip);
  CHECK_THAT(o.message, Catch::Contains("bok.xlsx") && Catch::Contains("'stored'"));
  CHECK(failure_of([&] { zip.read("deflated", kNoLimit); }) == ReadFailure::corrupt_zip);
}

TEST_CASE("zip: damaged deflate data is corrupt_zip", "[zip][corrupt]") {
  // BTYPE=11 is reserved: every inflater rejects it.
  auto bytes = make_zip({{"bad", "hej", 8, std::string("\x07\xFF\xFF\xFF", 4)}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(failure_of([&] { zip.read("bad", kNoLimit); }) == ReadFailure::corrupt_zip);
}

TEST_CASE("zip: a truncated or foreign archive is corrupt_zip", "[zip][corrupt]") {
  auto whole = make_zip({{"a.txt", std::string(200, 'a')}, {"b.txt", std::string(200, 'b')}});
  for (std::size_t keep : {std::size_t{4}, std::size_t{30}, whole.size() / 2, whole.size() - 1}) {
    CAPTURE(keep);
    std::vector<std::byte> cut(whole.begin(), whole.begin() + static_cast<long>(keep));
    CHECK(failure_of([&] { ZipArchive zip(cut, "bok.xlsx"); }) == ReadFailure::corrupt_zip);
  }
  auto text = arsanalys::test::bytes_of("Tjänst;Belopp\nIT;100\n");
  CHECK(failure_of([&] { ZipArchive zip(text, "bok.xlsx"); }) == ReadFailure::corrupt_zip);
  // The message says which: cut off, or no zip at all.
  std::vector<std::byte> half(whole.begin(), whole.begin() + static_cast<long>(whole.size() / 2));
  CHECK_THROWS_WITH(ZipArchive(half, "bok.xlsx"),
                    Catch::Contains("bok.xlsx: filen börjar som ett zip-arkiv men är trasig eller "
                                    "avkortad"));
  CHECK_THROWS_WITH(ZipArchive(text, "bok.xlsx"), Catch::Contains("filen är inget zip-arkiv"));
}

// read_workbook() refuses zero bytes before it gets here (require_zip_signature), but
// ZipArchive's own contract says it throws when the bytes are not a readable archive; libzip
// opens a zero-length source as a new, empty archive.
TEST_CASE("zip: zero bytes are not an archive", "[zip][corrupt]") {
  std::vector<std::byte> none;
  CHECK(failure_of([&] { ZipArchive zip(none, "tom.xlsx"); }) == ReadFailure::corrupt_zip);
}

TEST_CASE("zip: an encrypted entry is encrypted", "[zip]") {
  // Traditional PKWARE encryption: flag bit 0, a 12-byte header before the data.
  auto bytes = make_zip({{"xl/workbook.xml", "<workbook/>", 0,
                          std::string(12, '\x5A') + "<workbook/>", std::nullopt, 1}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(zip.contains("xl/workbook.xml"));
  CHECK(failure_of([&] { zip.read("xl/workbook.xml", kNoLimit); }) == ReadFailure::encrypted);
}

TEST_CASE("zip: an unknown compression method is not read", "[zip][corrupt]") {
  auto bytes = make_zip({{"odd", "hej", 7, std::string("hej")}});
  ZipArchive zip(bytes, "bok.xlsx");
  CHECK(failure_of([&] { zip.read("odd", kNoLimit); }) == ReadFailure::corrupt_zip);
}

// ZipWriter and its deflate (libdeflate, whole or in chunks joined into one stream): every
// stream inflates with zlib to the bytes given (the edges of deflate's lengths and window
// included, and chunks of every small size), packages read back with the reader's zip (which
// checks each part's CRC), the same parts give the same bytes in memory and in a file.
#include "writer/zip_writer.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <span>
#include <string>

#include "../fuzz/deflate_roundtrip.h"
#include "xlsx/zip.h"

using arsanalys::writer::deflate_raw;
using arsanalys::writer::ZipWriter;

namespace {

/// zlib's inflate of a raw deflate stream; "(ogiltig)" when zlib refuses it or it does not end.
std::string inflate_raw(const std::string& packed, std::size_t expected) {
  std::string out(expected + 16, '\0');
  z_stream s{};
  REQUIRE(inflateInit2(&s, -15) == Z_OK);
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  s.avail_in = static_cast<uInt>(packed.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&s, Z_FINISH);
  const bool whole = rc == Z_STREAM_END && s.avail_in == 0;
  out.resize(s.total_out);
  inflateEnd(&s);
  return whole ? out : std::string("(ogiltig)");
}

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

/// XML of the statements' shape: rows of cells, numbers and shared-string indices.
std::string sheet_like(int rows) {
  std::string s = "<sheetData>";
  for (int r = 1; r <= rows; ++r) {
    s += "<row r=\"" + std::to_string(r) + "\" ht=\"30\" customHeight=\"1\"><c s=\"7\" t=\"s\"><v>" +
         std::to_string(r * 7 % 1000) + "</v></c><c s=\"5\"><v>" + std::to_string(r * 104729L) +
         "</v></c><c s=\"5\"><f>H" + std::to_string(r) + "-I" + std::to_string(r) +
         "</f><v>" + std::to_string(r % 13) + "</v></c></row>";
  }
  return s + "</sheetData>";
}

std::span<const std::byte> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

}  // namespace

TEST_CASE("deflate: zlib inflates every stream to the bytes given", "[output][zip]") {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
  std::string period_window;  // a repeat exactly as far back as deflate may reach
  std::string period_beyond;  // and one byte farther
  {
    const std::string block = random_bytes(32768, 7);
    period_window = block + block + block.substr(0, 5000);
    const std::string longer = random_bytes(32769, 8);
    period_beyond = longer + longer.substr(0, 5000);
  }
  const std::string inputs[] = {
      "",
      "a",
      "abc",
      "abcd",
      "abcdabcdabcdabcd",
      all_bytes + all_bytes,
      std::string(1 << 20, 'x'),          // matches of the longest length, distance 1
      std::string(259, 'y') + "z",        // one byte more than the longest match
      random_bytes(100000, 1),            // incompressible: every byte a literal
      period_window,
      period_beyond,
      sheet_like(5000),
  };
  for (const std::string& in : inputs) {
    CAPTURE(in.size());
    const std::string packed = deflate_raw(in);
    CHECK(inflate_raw(packed, in.size()) == in);
  }
  // Regular XML deflates to a fraction of its size.
  const std::string xml = sheet_like(5000);
  CHECK(deflate_raw(xml).size() < xml.size() / 4);
}

TEST_CASE("deflate: chunks of any size join into one stream", "[output][zip]") {
  // Chunks ending at every bit position of a byte, stored blocks (random bytes) and one-byte
  // chunks; the joins are where a final block is made not final and a stored block aligns.
  const std::string inputs[] = {"abcdabcdabcdabcdx", sheet_like(300), random_bytes(20000, 5),
                                sheet_like(200) + random_bytes(3000, 6) + sheet_like(100)};
  for (const std::string& in : inputs) {
    for (std::size_t chunk : {1u, 2u, 3u, 7u, 100u, 999u, 4096u, 65536u}) {
      CAPTURE(in.size(), chunk);
      std::string packed;
      int calls = 0;
      deflate_raw(in, packed, [&](std::string&, std::size_t) { ++calls; }, chunk);
      CHECK(calls == static_cast<int>((in.size() + chunk - 1) / chunk));
      CHECK(inflate_raw(packed, in.size()) == in);
    }
  }
  // Large chunks cost little: a few bytes a join.
  const std::string xml = sheet_like(20000);
  std::string chunked;
  deflate_raw(xml, chunked, {}, 1 << 20);
  CHECK(chunked.size() < deflate_raw(xml).size() * 101 / 100);
}

TEST_CASE("deflate: the same stream whether gathered or flushed as it goes",
          "[output][zip]") {
  const std::string in = sheet_like(60000) + random_bytes(3 << 20, 3);  // several MiB out
  const std::string whole = deflate_raw(in);
  std::string pieces, out;
  int flushes = 0;
  std::size_t last_consumed = 0;
  deflate_raw(in, out, [&](std::string& gathered, std::size_t consumed) {
    ++flushes;
    CHECK(consumed > last_consumed);
    CHECK(consumed <= in.size());
    last_consumed = consumed;
    pieces += gathered;
    gathered.clear();
  });
  pieces += out;
  CHECK(flushes > 2);
  CHECK(pieces == whole);
  CHECK(inflate_raw(whole, in.size()) == in);
  // A table kept from an earlier call does not leak matches into the next one.
  const std::string next = in.substr(1000, 200000);
  CHECK(inflate_raw(deflate_raw(next), next.size()) == next);
}

TEST_CASE("zip writer: packages read back part for part, the same bytes every time",
          "[output][zip]") {
  const std::string xml = sheet_like(40000);       // over 1 MiB: written to a file in pieces
  const std::string noise = random_bytes(5000, 9);  // stored: deflate would not shrink it
  auto write = [&](std::FILE* file) {
    ZipWriter zip("Testet", file);
    zip.add("[Content_Types].xml", "<Types/>");
    zip.add("xl/worksheets/sheet1.xml", xml);
    zip.add("xl/media/noise.bin", noise);
    zip.add("xl/empty.xml", "");
    return zip.finish();
  };
  const std::string memory = write(nullptr);
  CHECK(memory == write(nullptr));

  arsanalys::xlsx::ZipArchive archive(bytes_of(memory), "test.zip");
  CHECK(archive.read("[Content_Types].xml", 1 << 20) == "<Types/>");
  CHECK(archive.read("xl/worksheets/sheet1.xml", 64u << 20) == xml);
  CHECK(archive.read("xl/media/noise.bin", 1 << 20) == noise);
  CHECK(archive.read("xl/empty.xml", 1 << 20).empty());
  CHECK(memory.size() < xml.size() / 4 + noise.size() + 1000);

  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  CHECK(write(file).empty());
  std::string from_file(static_cast<std::size_t>(std::ftell(file)), '\0');
  std::rewind(file);
  CHECK(std::fread(from_file.data(), 1, from_file.size(), file) == from_file.size());
  std::fclose(file);
  CHECK(from_file == memory);
}

TEST_CASE("fuzz regressions: deflate inputs round-trip", "[fuzz][zip]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::path(ARSANALYS_TEST_DATA).parent_path() / "fuzz" / "regressions" / "fuzz_deflate";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file() || e.path().filename() == ".gitkeep") continue;
    INFO(e.path().filename().string());
    std::ifstream in(e.path(), std::ios::binary);
    const std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(arsanalys::test::deflate_round_trips(data));
  }
  // And the kinds of input the fuzzer starts from.
  CHECK(arsanalys::test::deflate_round_trips(""));
  CHECK(arsanalys::test::deflate_round_trips(sheet_like(300)));
  CHECK(arsanalys::test::deflate_round_trips(random_bytes(70000, 11)));
}

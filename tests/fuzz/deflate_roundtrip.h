#pragma once
// What fuzz_deflate checks, and the Catch2 suite replays on its saved inputs: the bytes,
// deflated by writer::deflate_raw (libdeflate) whole and in chunks of a size the input picks
// (so that the joining of chunks is fuzzed too), inflate with zlib to the same bytes, and a
// package of them written by writer::ZipWriter reads back through the reader's zip (which
// checks the CRC).
#include <zlib.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "writer/zip_writer.h"
#include "xlsx/zip.h"

namespace arsanalys::test {

/// zlib's inflate of `packed` (raw deflate) gives exactly `in`, and the stream ends there.
inline bool inflates_to(const std::string& packed, std::string_view in) {
  std::string back(in.size() + 1, '\0');
  z_stream s{};
  if (inflateInit2(&s, -15) != Z_OK) return false;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  s.avail_in = static_cast<uInt>(packed.size());
  s.next_out = reinterpret_cast<Bytef*>(back.data());
  s.avail_out = static_cast<uInt>(back.size());
  const int rc = inflate(&s, Z_FINISH);
  const bool whole = rc == Z_STREAM_END && s.avail_in == 0 && s.total_out == in.size();
  inflateEnd(&s);
  return whole && std::string_view(back.data(), in.size()) == in;
}

inline bool deflate_round_trips(std::string_view in) {
  if (!inflates_to(writer::deflate_raw(in), in)) return false;
  // In chunks of 256 bytes to 16 KiB, as the first byte says.
  const std::size_t chunk = 256 + (in.empty() ? 0 : static_cast<unsigned char>(in[0]) * 64u);
  std::string chunked;
  writer::deflate_raw(in, chunked, {}, chunk);
  if (!inflates_to(chunked, in)) return false;

  writer::ZipWriter zip("fuzz");
  zip.add("part.bin", in);
  const std::string package = zip.finish();
  xlsx::ZipArchive archive(
      std::span<const std::byte>(reinterpret_cast<const std::byte*>(package.data()),
                                 package.size()),
      "fuzz.zip");
  return archive.read("part.bin", in.size() + 1) == in;
}

}  // namespace arsanalys::test

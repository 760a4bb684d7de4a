#pragma once
// What fuzz_deflate checks, and the Catch2 suite replays on its saved inputs: the bytes, deflated
// by output::fast_deflate, inflate with zlib to the same bytes, and a package of them written
// by output::ZipWriter reads back through the reader's zip (which checks the CRC).
#include <zlib.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "output/zip_writer.h"
#include "xlsx/zip.h"

namespace arsanalys::test {

inline bool deflate_round_trips(std::string_view in) {
  const std::string packed = output::fast_deflate(in);
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
  if (!whole || std::string_view(back.data(), in.size()) != in) return false;

  output::ZipWriter zip("fuzz");
  zip.add("part.bin", in);
  const std::string package = zip.finish();
  xlsx::ZipArchive archive(
      std::span<const std::byte>(reinterpret_cast<const std::byte*>(package.data()),
                                 package.size()),
      "fuzz.zip");
  return archive.read("part.bin", in.size() + 1) == in;
}

}  // namespace arsanalys::test

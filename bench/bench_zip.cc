// Zips the parts of one workbook again, for the deflate measurements in docs/performance.md
// ("Hela körningen", deflate): writer::ZipWriter as the writers use it, and beside it the raw
// deflate of the same parts by zlib and libdeflate at levels 1 and 6. Prints one line per
// encoder: the bytes of all parts deflated (the package, for ZipWriter) and the median time of
// REPS rounds, in microseconds.
//
//   arsanalys_bench_zip ut/kunder/K0001.xlsx [REPS]     (REPS default 200)

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/file_io.h"
#include "writer/zip_writer.h"
#include "xlsx/zip.h"

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

/// The parts our writers make, those the file has.
Parts read_parts(const char* path) {
  static const char* kNames[] = {
      "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml",
      "xl/sharedStrings.xml", "xl/styles.xml", "docProps/core.xml", "docProps/app.xml"};
  const std::vector<std::byte> bytes = arsanalys::read_file(path, path);
  arsanalys::xlsx::ZipArchive zip(bytes, path);
  Parts parts;
  std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  for (int i = 1; i <= 64; ++i) names.push_back("xl/worksheets/sheet" + std::to_string(i) + ".xml");
  for (const std::string& name : names) {
    if (zip.contains(name)) parts.emplace_back(name, zip.read(name, std::uint64_t{1} << 32));
  }
  return parts;
}

/// Median microseconds of `reps` calls of `round`, which returns the bytes it made.
std::pair<double, std::size_t> timed(int reps, const std::function<std::size_t()>& round) {
  std::vector<double> us;
  std::size_t bytes = 0;
  for (int r = 0; r < reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    bytes = round();
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() -
                                                           start)
                     .count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], bytes};
}

std::size_t zlib_raw(const Parts& parts, int level) {
  std::size_t total = 0;
  std::string out;
  for (const auto& [name, in] : parts) {
    z_stream s{};
    deflateInit2(&s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    out.resize(deflateBound(&s, in.size()));
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    total += s.total_out;
    deflateEnd(&s);
  }
  return total;
}

std::size_t libdeflate_raw(const Parts& parts, libdeflate_compressor* c) {
  std::size_t total = 0;
  std::string out;
  for (const auto& [name, in] : parts) {
    out.resize(libdeflate_deflate_compress_bound(c, in.size()));
    total += libdeflate_deflate_compress(c, in.data(), in.size(), out.data(), out.size());
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: arsanalys_bench_zip FILE.xlsx [REPS]\n");
    return 2;
  }
  const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
  try {
    const Parts parts = read_parts(argv[1]);
    std::size_t in = 0;
    for (const auto& p : parts) in += p.second.size();
    std::printf("%s: %zu parts, %zu bytes of XML; median of %d rounds\n", argv[1], parts.size(),
                in, reps);
    auto line = [](const char* what, std::pair<double, std::size_t> r) {
      std::printf("%-34s %10zu bytes %10.1f us\n", what, r.second, r.first);
    };
    line("writer::ZipWriter (the package)", timed(reps, [&] {
           arsanalys::writer::ZipWriter zip("bench");
           for (const auto& [name, bytes] : parts) zip.add(name, bytes);
           return zip.finish().size();
         }));
    for (int level : {1, 6}) {
      line(level == 1 ? "zlib level 1 (raw deflate)" : "zlib level 6 (raw deflate)",
           timed(reps, [&] { return zlib_raw(parts, level); }));
      libdeflate_compressor* c = libdeflate_alloc_compressor(level);
      line(level == 1 ? "libdeflate level 1 (raw deflate)" : "libdeflate level 6 (raw deflate)",
           timed(reps, [&] { return libdeflate_raw(parts, c); }));
      libdeflate_free_compressor(c);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fel: %s\n", e.what());
    return 1;
  }
  return 0;
}

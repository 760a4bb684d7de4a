#pragma once
// Zip packages as our xlsx writers need them, deflated by libdeflate (Debian's libdeflate-dev).
//
// The workbooks made by the thousand (the statements) and fordelning.xlsx are XML of a very
// regular shape; libdeflate at level 1 deflates them about as fast as zlib's level 1 is slow,
// and smaller (docs/performance.md). libdeflate takes whole buffers only, so a part larger than
// a chunk (4 MiB) is deflated chunk by chunk and the chunks are joined into one stream: a sheet
// of tens of megabytes needs a chunk's memory at a time, read once, in order. Every stream is
// standard deflate; zlib inflates it (tested, and fuzzed), so Excel, LibreOffice and openpyxl
// read it.
//
//   ZipWriter zip("Kundbeskedet");
//   zip.add("xl/workbook.xml", workbook_xml);
//   std::string bytes = zip.finish();
//
// Only for output/*.cc.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace arsanalys::writer {

/// How much of a part is deflated at a time.
constexpr std::size_t kDeflateChunk = std::size_t{4} << 20;

/// Told after each chunk: the stream so far (to write away and clear, if the caller wants) and
/// how many bytes of the input are done; the bytes before that are not read again.
using DeflateDone = std::function<void(std::string& out, std::size_t consumed)>;

/// `in` as one raw deflate stream (RFC 1951; no zlib or gzip wrapper) appended to `out`:
/// libdeflate at level 1, in independent chunks of `chunk` bytes (the last may be shorter).
/// Every chunk but the last has its final block made not final and is followed by an empty
/// stored block, so that the next starts on a byte boundary (as zlib's Z_SYNC_FLUSH does).
/// `done` is called after each chunk.
void deflate_raw(std::string_view in, std::string& out, const DeflateDone& done = {},
                 std::size_t chunk = kDeflateChunk);

/// The same, kept in memory.
std::string deflate_raw(std::string_view in);

/// A zip package written part by part, into memory or into a file the caller owns. Names are
/// plain ASCII paths; every entry has the zip format's earliest date (1980-01-01 00:00), so the
/// same parts give the same bytes. Stays within the classic zip format (no Zip64): a part or a
/// package of 4 GiB or more is refused with a RunError naming `subject`.
class ZipWriter {
 public:
  /// Into memory; finish() returns the bytes.
  explicit ZipWriter(std::string subject);
  /// Into `file` (opened for writing, at its start), closed by the caller after finish().
  ZipWriter(std::string subject, std::FILE* file);

  /// Adds a part, deflated (or, under 1 MiB, stored when deflate would not make it smaller).
  /// `done(n)`, when given and writing into a file, is told after each chunk that bytes before
  /// `n` will not be read again (so that a caller can let go of a large part's pages).
  void add(std::string_view name, std::string_view bytes,
           const std::function<void(std::size_t)>& done = {});
  /// Writes the central directory; returns the package when written into memory.
  std::string finish();

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc = 0;
    std::uint64_t packed = 0, size = 0, offset = 0;
    std::uint16_t method = 0;
  };
  void write(std::string_view bytes);
  void write_header(const Entry& e, bool central);
  /// Where the next byte goes.
  std::uint64_t position() const { return written_ + buffer_.size(); }
  void flush();
  void check_size(std::uint64_t n, std::string_view what) const;

  std::string subject_;
  std::FILE* file_ = nullptr;
  std::string buffer_;         // everything, in memory; or what is not yet in file_
  std::uint64_t written_ = 0;  // bytes already in file_
  std::vector<Entry> entries_;
};

}  // namespace arsanalys::writer

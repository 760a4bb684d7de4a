#pragma once
// Zip packages as our xlsx writers need them, with a deflate of our own.
//
// The workbooks made by the thousand (the statements) and fordelning.xlsx are XML of a very
// regular shape. zlib's fastest level still spent a third of a run's time deflating them; this
// deflate is greedy LZ77 with one hash probe and Huffman's fixed codes (RFC 1951, 3.2.6): about
// twice zlib's level 1 in speed, the parts about a quarter larger. Every stream it writes is
// standard deflate; zlib inflates it (tested), so Excel, LibreOffice and openpyxl read it.
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

namespace arsanalys::output {

/// `in` as a raw deflate stream (no zlib or gzip wrapper), one block, fixed Huffman codes,
/// appended to `out`; `flush(out, consumed)`, when given, is called whenever more than about
/// 1 MiB has gathered there (to write it away and clear it), with how many bytes of `in` are
/// done: the bytes more than 32 KiB before that are not read again. What is left at the end
/// stays in `out`.
void fast_deflate(std::string_view in, std::string& out,
                  const std::function<void(std::string&, std::size_t)>& flush = {});

/// The same, kept in memory.
std::string fast_deflate(std::string_view in);

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
  /// `done(n)`, when given and writing into a file, is told now and then that bytes before `n`
  /// will not be read again (so that a caller can let go of a large part's pages).
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

}  // namespace arsanalys::output

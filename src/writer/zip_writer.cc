#include "writer/zip_writer.h"

#include <libdeflate.h>
#include <zlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <stdexcept>
#include <utility>

#include "core/error.h"

namespace arsanalys::writer {
namespace {

// --- Deflate (RFC 1951) by libdeflate --------------------------------------------------------

constexpr std::size_t kFlushAt = std::size_t{1} << 20;

/// This thread's libdeflate compressor at level 1 (statements are zipped on every core).
libdeflate_compressor* compressor() {
  struct Owned {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    ~Owned() { libdeflate_free_compressor(c); }
  };
  thread_local Owned owned;
  if (owned.c == nullptr) throw std::bad_alloc();
  return owned.c;
}

/// `in` deflated by libdeflate as a whole stream of its own (its last block final), in this
/// thread's scratch buffer: valid until the next call. (Not straight into the caller's string:
/// sizing that to libdeflate's bound would clear the whole bound for every small part.)
std::span<char> deflate_whole(std::string_view in) {
  thread_local std::unique_ptr<char[]> buffer;
  thread_local std::size_t capacity = 0;
  libdeflate_compressor* c = compressor();
  const std::size_t bound = libdeflate_deflate_compress_bound(c, in.size());
  if (bound > capacity) {
    buffer.reset();
    buffer.reset(new char[bound]);
    capacity = bound;
  }
  const std::size_t n = libdeflate_deflate_compress(c, in.data(), in.size(), buffer.get(), bound);
  if (n == 0) throw std::logic_error("internt fel i deflate: libdeflates gräns räckte inte");
  return {buffer.get(), n};
}

/// Where a whole deflate stream's last block begins and where the stream ends, in bits from
/// the stream's start. libdeflate does not say, so zlib's inflate finds them: with Z_BLOCK it
/// stops at every block boundary and tells (data_type) how many bits of the last byte it has
/// not used yet (zlib.h, "Z_BLOCK ... assists in appending to or combining deflate streams").
/// Throws when `stream` does not inflate to `size` bytes.
std::pair<std::uint64_t, std::uint64_t> last_block(std::string_view stream, std::size_t size) {
  thread_local std::vector<unsigned char> scratch(std::size_t{64} << 10);
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) throw std::bad_alloc();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.data()));
  z.avail_in = static_cast<uInt>(stream.size());
  std::uint64_t header = 0;  // the current block's first bit
  std::optional<std::uint64_t> end;
  while (!end) {
    z.next_out = scratch.data();
    z.avail_out = static_cast<uInt>(scratch.size());
    const int rc = inflate(&z, Z_BLOCK);
    if (rc != Z_OK && rc != Z_BUF_ERROR) break;  // Z_STREAM_END too: Z_BLOCK stops before
    if ((z.data_type & 128) != 0) {                // at a block boundary
      const std::uint64_t at = std::uint64_t{z.total_in} * 8 - (z.data_type & 7);
      if ((z.data_type & 64) != 0) {
        end = at;  // after the last block's end-of-block code
      } else {
        header = at;
      }
    } else if (rc == Z_BUF_ERROR && z.avail_out != 0) {
      break;  // no progress: not a whole stream
    }
  }
  const bool whole = end && z.total_out == size && z.total_in == stream.size();
  inflateEnd(&z);
  if (!whole) throw std::logic_error("internt fel i deflate: en bit packas inte upp till sig själv");
  return {header, *end};
}

}  // namespace

void deflate_raw(std::string_view in, std::string& out, const DeflateDone& done,
                 std::size_t chunk) {
  chunk = std::max<std::size_t>(chunk, 1);
  std::size_t at = 0;
  do {
    const std::string_view part = in.substr(at, chunk);
    at += part.size();
    const std::span<char> packed = deflate_whole(part);
    if (at == in.size()) {  // the last chunk: its last block ends the stream
      out.append(packed.data(), packed.size());
    } else {
      // A chunk of its own, then joined: its final block made not final, and an empty stored
      // block (RFC 1951, 3.2.4: BFINAL 0, BTYPE 00, to a byte boundary, LEN 0, NLEN 0xFFFF) so
      // that the next chunk starts on a byte boundary. Each chunk has its own 32 KiB window;
      // only matches across a boundary are lost.
      const auto [header, end] = last_block({packed.data(), packed.size()}, part.size());
      char& bfinal = packed[header / 8];
      if ((bfinal & (1 << (header % 8))) == 0) {
        throw std::logic_error("internt fel i deflate: sista blocket är inte markerat som sista");
      }
      bfinal = static_cast<char>(bfinal & ~(1 << (header % 8)));
      const std::uint64_t unused = std::uint64_t{packed.size()} * 8 - end;  // 0..7
      packed.back() = static_cast<char>(packed.back() & ((1 << (8 - unused)) - 1));
      out.append(packed.data(), packed.size());
      // The stored block's three header bits are zeros: in the last byte's unused bits when
      // at least three are left, else in one more byte.
      if (unused < 3) out.push_back('\0');
      out.append("\x00\x00\xFF\xFF", 4);
    }
    if (done) done(out, at);
  } while (at < in.size());
}

std::string deflate_raw(std::string_view in) {
  std::string out;
  deflate_raw(in, out);
  return out;
}

// --- ZipWriter --------------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint16_t kVersion = 20;                      // 2.0: deflate

void put16(std::string& s, std::uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& s, std::uint64_t v) {
  put16(s, static_cast<std::uint32_t>(v & 0xFFFF));
  put16(s, static_cast<std::uint32_t>((v >> 16) & 0xFFFF));
}

/// The CRC-32 of `bytes` continued from `crc` (libdeflate's, the zip polynomial).
std::uint32_t crc_of(std::string_view bytes, std::uint32_t crc = 0) {
  return libdeflate_crc32(crc, bytes.data(), bytes.size());
}

}  // namespace

ZipWriter::ZipWriter(std::string subject) : subject_(std::move(subject)) {}

ZipWriter::ZipWriter(std::string subject, std::FILE* file)
    : subject_(std::move(subject)), file_(file) {}

void ZipWriter::check_size(std::uint64_t n, std::string_view what) const {
  if (n >= kMax32) {
    throw RunError(fmt::format("{} kunde inte skapas: {} blir 4 GiB eller större, mer än ett "
                               "zip-arkiv utan Zip64 rymmer.",
                               subject_, what));
  }
}

void ZipWriter::flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw RunError(fmt::format("{} kunde inte skrivas: {}.", subject_, system_error_text(errno)));
  }
  written_ += buffer_.size();
  buffer_.clear();
}

void ZipWriter::write(std::string_view bytes) {
  buffer_.append(bytes);
  if (file_ != nullptr && buffer_.size() >= kFlushAt) flush();
}

void ZipWriter::write_header(const Entry& e, bool central) {
  std::string h;
  put32(h, central ? 0x02014b50 : 0x04034b50);
  if (central) put16(h, kVersion);  // made by: MS-DOS attributes, 2.0
  put16(h, kVersion);
  put16(h, 0);  // flags: none (the names are ASCII)
  put16(h, e.method);
  put16(h, 0);  // 00:00
  put16(h, kDosDate);
  put32(h, e.crc);
  put32(h, e.packed);
  put32(h, e.size);
  put16(h, static_cast<std::uint32_t>(e.name.size()));
  put16(h, 0);  // extra field
  if (central) {
    put16(h, 0);  // comment
    put16(h, 0);  // disk
    put16(h, 0);  // internal attributes
    put32(h, 0);  // external attributes
    put32(h, e.offset);
  }
  h += e.name;
  write(h);
}

void ZipWriter::add(std::string_view name, std::string_view bytes,
                    const std::function<void(std::size_t)>& done) {
  check_size(bytes.size(), fmt::format("delen {}", name));
  if (entries_.size() >= 0xFFFF) {
    throw RunError(
        fmt::format("{} kunde inte skapas: fler än 65 534 delar, mer än ett zip-arkiv "
                    "utan Zip64 rymmer.",
                    subject_));
  }
  Entry e;
  e.name = std::string(name);
  e.size = bytes.size();
  e.offset = position();
  e.method = 8;
  write_header(e, false);  // sizes and crc patched below
  const std::uint64_t data = position();
  if (bytes.size() < kFlushAt) {
    e.crc = crc_of(bytes);
    // Stored instead when deflate would not make it smaller (so in memory and in a file alike).
    std::string packed = deflate_raw(bytes);
    if (packed.size() >= bytes.size()) {
      e.method = 0;
      write(bytes);
    } else {
      write(packed);
    }
  } else {
    // Chunk by chunk, the CRC with it, so that the bytes are read once, in order; into a file,
    // each chunk is written away as it is done and the caller may let go of its pages.
    std::size_t crc_done = 0;
    deflate_raw(bytes, buffer_, [&](std::string&, std::size_t consumed) {
      e.crc = crc_of(bytes.substr(crc_done, consumed - crc_done), e.crc);
      crc_done = consumed;
      if (file_ == nullptr) return;
      flush();
      if (done) done(consumed);
    });
  }
  e.packed = position() - data;
  check_size(e.packed, fmt::format("delen {}", name));
  check_size(position(), "paketet");
  // The local header's method, crc and sizes.
  std::string fields;
  put16(fields, e.method);
  put16(fields, 0);
  put16(fields, kDosDate);
  put32(fields, e.crc);
  put32(fields, e.packed);
  put32(fields, e.size);
  const std::uint64_t at = e.offset + 8;
  if (at >= written_) {
    buffer_.replace(at - written_, fields.size(), fields);
  } else {
    flush();
    if (std::fseek(file_, static_cast<long>(at), SEEK_SET) != 0 ||
        std::fwrite(fields.data(), 1, fields.size(), file_) != fields.size() ||
        std::fseek(file_, 0, SEEK_END) != 0) {
      throw RunError(fmt::format("{} kunde inte skrivas: {}.", subject_, system_error_text(errno)));
    }
  }
  entries_.push_back(std::move(e));
}

std::string ZipWriter::finish() {
  const std::uint64_t start = position();
  for (const Entry& e : entries_) write_header(e, true);
  const std::uint64_t size = position() - start;
  check_size(position() + 22, "paketet");
  std::string end;
  put32(end, 0x06054b50);
  put16(end, 0);  // this disk
  put16(end, 0);  // the directory's disk
  put16(end, static_cast<std::uint32_t>(entries_.size()));
  put16(end, static_cast<std::uint32_t>(entries_.size()));
  put32(end, size);
  put32(end, start);
  put16(end, 0);  // comment
  write(end);
  if (file_ == nullptr) return std::move(buffer_);
  flush();
  return {};
}

}  // namespace arsanalys::writer

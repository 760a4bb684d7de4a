#include "output/zip_writer.h"

#include <zlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>

#include "core/error.h"

namespace arsanalys::output {
namespace {

// --- Deflate (RFC 1951) -----------------------------------------------------------------------

constexpr std::size_t kWindow = 32768;  // the farthest a match may reach back
constexpr std::size_t kMinMatch = 4;    // what the hash covers (deflate allows 3)
constexpr std::size_t kMaxMatch = 258;
constexpr int kHashBits = 15;
constexpr std::size_t kFlushAt = std::size_t{1} << 20;

std::uint32_t reversed(std::uint32_t code, int bits) {
  std::uint32_t r = 0;
  for (int i = 0; i < bits; ++i, code >>= 1) r = (r << 1) | (code & 1u);
  return r;
}

/// The fixed Huffman codes (RFC 1951, 3.2.6), bit-reversed as they are written, and the length
/// and distance codes with their extra bits (3.2.5).
struct Codes {
  std::array<std::uint16_t, 288> lit_code{};
  std::array<std::uint8_t, 288> lit_bits{};
  // By match length 0..258 (3..258 used): the whole length code (symbol's code and the extra
  // bits above it) and its bit count.
  std::array<std::uint32_t, kMaxMatch + 1> len_code{};
  std::array<std::uint8_t, kMaxMatch + 1> len_bits{};
  std::array<std::uint8_t, 30> dist_code{};

  Codes() {
    for (std::uint32_t s = 0; s < 288; ++s) {
      std::uint32_t code = 0;
      int bits = 0;
      if (s < 144) {
        code = 0x30 + s, bits = 8;
      } else if (s < 256) {
        code = 0x190 + s - 144, bits = 9;
      } else if (s < 280) {
        code = s - 256, bits = 7;
      } else {
        code = 0xC0 + s - 280, bits = 8;
      }
      lit_code[s] = static_cast<std::uint16_t>(reversed(code, bits));
      lit_bits[s] = static_cast<std::uint8_t>(bits);
    }
    static constexpr std::uint16_t kBase[29] = {3,  4,  5,  6,  7,  8,  9,  10,  11,  13,
                                                15, 17, 19, 23, 27, 31, 35, 43,  51,  59,
                                                67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr std::uint8_t kExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    for (std::size_t len = 3; len <= kMaxMatch; ++len) {
      int i = 28;
      while (kBase[i] > len) --i;
      const std::uint32_t sym = 257 + static_cast<std::uint32_t>(i);
      len_code[len] = lit_code[sym] | static_cast<std::uint32_t>(len - kBase[i]) << lit_bits[sym];
      len_bits[len] = static_cast<std::uint8_t>(lit_bits[sym] + kExtra[i]);
    }
    for (std::uint32_t d = 0; d < 30; ++d) dist_code[d] = static_cast<std::uint8_t>(reversed(d, 5));
  }
};

const Codes& codes() {
  static const Codes c;
  return c;
}

/// A distance's code 0..29 (distance 1..32768).
int distance_code(std::uint32_t d) {
  if (d <= 4) return static_cast<int>(d) - 1;
  const int b = 31 - __builtin_clz(d - 1);  // d - 1 >= 4, so b >= 2
  return 2 * b + static_cast<int>(((d - 1) >> (b - 1)) & 1u);
}

constexpr std::uint32_t kDistBase[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                         33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                         1025, 1537, 2049, 3073, 4097, 6145,  8193,  12289, 16385,
                                         24577};
constexpr int kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/// Bits into bytes, least significant first, as deflate packs them.
class BitOut {
 public:
  explicit BitOut(std::string& out) : out_(out) {}
  /// `bits` <= 32 bits of `value` (nothing above them set).
  void put(std::uint64_t value, int bits) {
    buf_ |= value << count_;
    count_ += bits;
    if (count_ >= 32) {
      char b[4] = {static_cast<char>(buf_), static_cast<char>(buf_ >> 8),
                   static_cast<char>(buf_ >> 16), static_cast<char>(buf_ >> 24)};
      out_.append(b, 4);
      buf_ >>= 32;
      count_ -= 32;
    }
  }
  void finish() {
    for (; count_ > 0; count_ -= 8, buf_ >>= 8) out_.push_back(static_cast<char>(buf_));
    count_ = 0;
  }

 private:
  std::string& out_;
  std::uint64_t buf_ = 0;
  int count_ = 0;
};

std::uint32_t load32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

std::uint64_t load64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/// The hash of the 4 bytes at p (the byte order does not matter: it only has to be the same
/// for the same bytes).
std::uint32_t hash4(const unsigned char* p) {
  return (load32(p) * 2654435761u) >> (32 - kHashBits);
}

/// Length of the common run of a and b, at most `limit` bytes, both readable that far.
std::size_t common(const unsigned char* a, const unsigned char* b, std::size_t limit) {
  std::size_t n = 0;
  while (n + 8 <= limit) {
    const std::uint64_t x = load64(a + n) ^ load64(b + n);
    if (x != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return n + static_cast<std::size_t>(__builtin_ctzll(x) >> 3);
      } else {
        return n + static_cast<std::size_t>(__builtin_clzll(x) >> 3);
      }
    }
    n += 8;
  }
  while (n < limit && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

void fast_deflate(std::string_view in, std::string& out,
                  const std::function<void(std::string&, std::size_t)>& flush) {
  const Codes& c = codes();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  // The last position of each hash, as base + position + 1; a value not above base is from an
  // earlier call. One table per thread, kept from call to call: clearing 128 KiB for each of a
  // statement's small parts would cost more than deflating them.
  thread_local std::vector<std::uint32_t> head;
  thread_local std::uint64_t next_base = 0;
  if (head.empty() || next_base + n + 2 > std::numeric_limits<std::uint32_t>::max()) {
    head.assign(std::size_t{1} << kHashBits, 0);
    next_base = 0;
  }
  const auto base = static_cast<std::uint32_t>(next_base);
  next_base += n + 1;
  BitOut bits(out);
  bits.put(1, 1);  // BFINAL: the only block
  bits.put(1, 2);  // BTYPE 01: fixed Huffman codes
  auto literal = [&](unsigned char ch) { bits.put(c.lit_code[ch], c.lit_bits[ch]); };
  std::size_t i = 0;
  while (i + kMinMatch <= n) {
    std::uint32_t& slot = head[hash4(p + i)];
    const std::uint32_t seen = slot;
    slot = base + static_cast<std::uint32_t>(i + 1);
    const std::size_t from = seen > base ? seen - base - 1 : i;  // i: none
    if (from < i && i - from <= kWindow && load32(p + from) == load32(p + i)) {
      const std::size_t limit = std::min(kMaxMatch, n - i);
      const std::size_t len = kMinMatch + common(p + from + kMinMatch, p + i + kMinMatch,
                                                 limit - kMinMatch);
      bits.put(c.len_code[len], c.len_bits[len]);
      const auto d = static_cast<std::uint32_t>(i - from);
      const int dc = distance_code(d);
      bits.put(c.dist_code[dc], 5);
      if (kDistExtra[dc] > 0) bits.put(d - kDistBase[dc], kDistExtra[dc]);
      i += len;
    } else {
      literal(p[i++]);
    }
    if (flush && out.size() >= kFlushAt) flush(out, i);
  }
  while (i < n) literal(p[i++]);
  bits.put(c.lit_code[256], c.lit_bits[256]);  // end of block
  bits.finish();
}

std::string fast_deflate(std::string_view in) {
  std::string out;
  out.reserve(in.size() / 4 + 64);
  fast_deflate(in, out);
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

/// The CRC-32 of `bytes` continued from `crc`.
std::uint32_t crc_of(std::string_view bytes, std::uint32_t crc = 0) {
  return static_cast<std::uint32_t>(
      crc32_z(crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
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
    std::string packed = fast_deflate(bytes);
    if (packed.size() >= bytes.size()) {
      e.method = 0;
      write(bytes);
    } else {
      write(packed);
    }
  } else if (file_ == nullptr) {
    e.crc = crc_of(bytes);
    fast_deflate(bytes, buffer_);
  } else {
    // Into the file as deflate goes, and the CRC with it, so that the bytes are read once, in
    // order.
    std::size_t crc_done = 0;
    auto crc_to = [&](std::size_t upto) {
      e.crc = crc_of(bytes.substr(crc_done, upto - crc_done), e.crc);
      crc_done = upto;
    };
    fast_deflate(bytes, buffer_, [&](std::string&, std::size_t consumed) {
      crc_to(consumed);
      flush();  // nothing in memory; into a file
      if (done && consumed > kWindow) done(consumed - kWindow);
    });
    crc_to(bytes.size());
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

}  // namespace arsanalys::output

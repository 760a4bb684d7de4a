#pragma once
// Read-only access to the parts of a zip archive held in memory. Wraps libzip once; every
// libzip error becomes a ReadError with a Swedish message. Decompressed bytes are counted here,
// not trusted from the archive's headers, so a zip bomb stops at the limit.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

struct zip;
struct zip_file;

namespace arsanalys::xlsx {

/// Limits on decompression; the defaults let a genuine 50 MB workbook through.
struct ZipLimits {
  std::uint64_t max_part_bytes = std::uint64_t{1} << 30;   // one part, decompressed
  std::uint64_t max_total_bytes = std::uint64_t{4} << 30;  // all parts read, decompressed
  std::uint64_t ratio_check_after = 32u << 20;  // ratio is checked once a part exceeds this
  std::uint64_t max_ratio = 250;                // decompressed / compressed bytes of one part
};

class ZipArchive;

/// A part being decompressed; read() hands out bytes in chunks and enforces the limits.
class ZipPartStream {
 public:
  ~ZipPartStream();
  ZipPartStream(const ZipPartStream&) = delete;
  ZipPartStream& operator=(const ZipPartStream&) = delete;

  /// Reads up to `size` bytes into `out`; returns 0 at the end of the part.
  std::size_t read(char* out, std::size_t size);
  /// The uncompressed size the archive states (0 unknown). A hint for reserving memory only:
  /// a hostile file may state anything, and read() enforces the real limits.
  std::uint64_t stated_size() const { return stated_size_; }

 private:
  friend class ZipArchive;
  ZipPartStream(const ZipArchive& archive, zip_file* file, std::string name,
                std::uint64_t compressed_size, std::uint64_t stated_size, std::uint64_t max_bytes);
  const ZipArchive& archive_;
  zip_file* file_;
  std::string name_;
  std::uint64_t compressed_size_;
  std::uint64_t stated_size_;
  std::uint64_t max_bytes_;
  std::uint64_t read_ = 0;
};

/// An opened archive. Part names are looked up the way OPC says: without regard to case, and
/// with a leading '/' or backslashes tolerated.
class ZipArchive {
 public:
  /// Opens an archive over `bytes`, which must outlive the archive. `file_name` is only used in
  /// messages. Throws ReadError when the bytes are not a readable zip archive.
  ZipArchive(std::span<const std::byte> bytes, std::string file_name, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// True when a part of this name exists.
  bool contains(std::string_view part) const;
  /// The whole part, at most `max_bytes` decompressed (ReadError too_large beyond that).
  std::string read(std::string_view part, std::uint64_t max_bytes) const;
  /// A stream over the part; ReadError missing_part when it does not exist. Beyond
  /// `max_bytes` decompressed, its read() throws ReadError too_large (the limits' caps apply
  /// whatever `max_bytes` says).
  std::unique_ptr<ZipPartStream> open(std::string_view part,
                                      std::uint64_t max_bytes = UINT64_MAX) const;
  /// The name used in messages.
  const std::string& file_name() const { return file_name_; }

  /// Canonical lookup key of a part name: no leading '/', forward slashes, ASCII lower case.
  static std::string normalise(std::string_view part);

 private:
  friend class ZipPartStream;
  void count(std::uint64_t bytes) const;

  zip* zip_ = nullptr;
  std::string file_name_;
  ZipLimits limits_;
  std::unordered_map<std::string, std::uint64_t> index_;  // normalised name -> entry index
  mutable std::uint64_t total_read_ = 0;                  // decompressed bytes handed out
};

}  // namespace arsanalys::xlsx

#include "xlsx/zip.h"

#include <zip.h>

#include <fmt/format.h>

#include <cstring>

#include "core/error.h"

namespace arsanalys::xlsx {
namespace {

std::string zip_error_text(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "filen är inget zip-arkiv";
    case ZIP_ER_INCONS:
      return "zip-arkivets innehållsförteckning är inkonsekvent";
    case ZIP_ER_READ:
    case ZIP_ER_EOF:
      return "arkivet tar slut för tidigt (avkortad fil?)";
    case ZIP_ER_CRC:
      return "kontrollsumman stämmer inte (skadad fil)";
    case ZIP_ER_COMPNOTSUPP:
      return "arkivet använder en komprimering som inte stöds";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "arkivets delar är krypterade";
    case ZIP_ER_MEMORY:
      return "minnet räckte inte";
    default:
      return fmt::format("libzip-fel {}", code);
  }
}

[[noreturn]] void throw_corrupt(const std::string& file, const std::string& what) {
  throw ReadError(ReadFailure::corrupt_zip,
                  fmt::format("{}: {}. Spara om filen som Excel-arbetsbok (.xlsx) och försök igen.",
                              file, what));
}

}  // namespace

std::string ZipArchive::normalise(std::string_view part) {
  std::string key;
  key.reserve(part.size());
  for (char c : part) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    key.push_back(c);
  }
  while (!key.empty() && key.front() == '/') key.erase(key.begin());
  return key;
}

ZipArchive::ZipArchive(std::span<const std::byte> bytes, std::string file_name, ZipLimits limits)
    : file_name_(std::move(file_name)), limits_(limits) {
  if (bytes.empty()) throw_corrupt(file_name_, "filen är tom");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    throw_corrupt(file_name_, zip_error_text(code));
  }
  zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip_ == nullptr) {
    int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    // A zip whose end (the table of contents) is missing: a file cut off while copied or saved.
    static constexpr unsigned char kLocalHeader[] = {'P', 'K', 3, 4};
    bool starts_as_zip = bytes.size() >= 4 && std::memcmp(bytes.data(), kLocalHeader, 4) == 0;
    throw_corrupt(file_name_, code == ZIP_ER_NOZIP && starts_as_zip
                                  ? "filen börjar som ett zip-arkiv men är trasig eller avkortad "
                                    "(innehållsförteckningen i slutet saknas)"
                                  : zip_error_text(code));
  }
  zip_error_fini(&error);
  zip_int64_t entries = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    std::string key = normalise(name);
    bool directory = !key.empty() && key.back() == '/';
    if (!index_.emplace(key, static_cast<std::uint64_t>(i)).second && !directory) {
      // Two parts of one name: readers disagree on which one counts (a known way to show one
      // thing to a checker and another to Excel), so the file is refused rather than guessed.
      std::string message =
          fmt::format("{}: delen '{}' finns två gånger i zip-arkivet, så det går inte att avgöra "
                      "vilken som gäller. Spara om filen i Excel.",
                      file_name_, std::string(name));
      zip_discard(zip_);  // frees `name` too
      zip_ = nullptr;
      throw ReadError(ReadFailure::corrupt_zip, message);
    }
  }
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) zip_discard(zip_);
}

bool ZipArchive::contains(std::string_view part) const {
  return index_.find(normalise(part)) != index_.end();
}

std::unique_ptr<ZipPartStream> ZipArchive::open(std::string_view part,
                                                std::uint64_t max_bytes) const {
  auto it = index_.find(normalise(part));
  if (it == index_.end()) {
    throw ReadError(ReadFailure::missing_part,
                    fmt::format("{}: delen '{}' saknas i arbetsboken. Filen är ofullständig; "
                                "spara om den i Excel och försök igen.",
                                file_name_, part));
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, it->second, 0, &stat) != 0) {
    throw_corrupt(file_name_, fmt::format("delen '{}' går inte att läsa", part));
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    throw ReadError(ReadFailure::encrypted,
                    fmt::format("{}: delen '{}' är krypterad. Ta bort lösenordet och spara om "
                                "filen som .xlsx.",
                                file_name_, part));
  }
  zip_file* file = zip_fopen_index(zip_, it->second, 0);
  if (file == nullptr) {
    throw_corrupt(file_name_, fmt::format("delen '{}' går inte att öppna: {}", part,
                                          zip_error_text(zip_error_code_zip(zip_get_error(zip_)))));
  }
  std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  std::uint64_t size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  return std::unique_ptr<ZipPartStream>(
      new ZipPartStream(*this, file, std::string(part), compressed, size, max_bytes));
}

std::string ZipArchive::read(std::string_view part, std::uint64_t max_bytes) const {
  auto stream = open(part, max_bytes);
  std::string out;
  char buffer[64 * 1024];
  while (std::size_t n = stream->read(buffer, sizeof buffer)) out.append(buffer, n);
  return out;
}

void ZipArchive::count(std::uint64_t bytes) const {
  total_read_ += bytes;
  if (total_read_ > limits_.max_total_bytes) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: arbetsboken packas upp till mer än {} MB (zip-bomb?); filen "
                                "läses inte.",
                                file_name_, limits_.max_total_bytes >> 20));
  }
}

ZipPartStream::ZipPartStream(const ZipArchive& archive, zip_file* file, std::string name,
                             std::uint64_t compressed_size, std::uint64_t stated_size,
                             std::uint64_t max_bytes)
    : archive_(archive),
      file_(file),
      name_(std::move(name)),
      compressed_size_(compressed_size),
      stated_size_(stated_size),
      max_bytes_(max_bytes) {}

ZipPartStream::~ZipPartStream() { zip_fclose(file_); }

std::size_t ZipPartStream::read(char* out, std::size_t size) {
  zip_int64_t n = zip_fread(file_, out, size);
  if (n < 0) {
    throw_corrupt(archive_.file_name(),
                  fmt::format("delen '{}' är skadad: {}", name_,
                              zip_error_text(zip_error_code_zip(zip_file_get_error(file_)))));
  }
  auto got = static_cast<std::uint64_t>(n);
  read_ += got;
  const ZipLimits& limits = archive_.limits_;
  if (read_ > limits.max_part_bytes) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: delen '{}' packas upp till mer än {} MB; filen läses inte.",
                                archive_.file_name(), name_, limits.max_part_bytes >> 20));
  }
  if (read_ > limits.ratio_check_after &&
      read_ > limits.max_ratio * std::max<std::uint64_t>(compressed_size_, 1)) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: delen '{}' packas upp mer än {} gånger (zip-bomb?); filen "
                                "läses inte.",
                                archive_.file_name(), name_, limits.max_ratio));
  }
  archive_.count(got);
  if (read_ > max_bytes_) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: delen '{}' är större än {} MB; filen läses inte.",
                                archive_.file_name(), name_, max_bytes_ >> 20));
  }
  return static_cast<std::size_t>(got);
}

}  // namespace arsanalys::xlsx

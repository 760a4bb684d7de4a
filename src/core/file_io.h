#pragma once
// The program's only contact with the disk for whole files: reading inputs (never modifying
// them) and writing outputs atomically (a temporary file beside the target, then rename).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace arsanalys {

/// Largest input file read (a genuine workbook is far smaller).
constexpr std::uint64_t kMaxInputBytes = std::uint64_t{1} << 30;

/// The whole file. Throws ReadError(io) when it cannot be read, ReadError(too_large) when it is
/// larger than `max_bytes`. `display` names the file in messages.
std::vector<std::byte> read_file(const std::filesystem::path& path, std::string_view display,
                                 std::uint64_t max_bytes = kMaxInputBytes);

/// Writes `data` to `path` so that readers see either the old file or the whole new one:
/// a temporary file in the same folder, flushed, then renamed over the target. Throws RunError
/// with a Swedish message on failure, leaving no temporary file behind.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

/// Writes all of `data` to the open file descriptor `fd`, retrying when interrupted; 0, or the
/// errno of the write that failed.
int write_all(int fd, std::string_view data);

/// A file written atomically in pieces, for outputs too large to hold whole: write() appends
/// to a temporary beside the target; commit() flushes it to disk and renames it over the
/// target. Destroyed without commit() (an exception on the way), the temporary is removed and
/// the target is untouched. Throws RunError with a Swedish message.
///
///   AtomicFile out(dir / "resultat.json");
///   for (const auto& piece : pieces) out.write(piece);
///   out.commit();
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void write(std::string_view data);
  void commit();
  /// Closes the temporary (flushed to disk when `sync`) and hands it over without renaming:
  /// the caller renames it (rename_over) or removes it.
  std::filesystem::path close(bool sync);
  /// The temporary's path, for a library that writes only to a file name (it may reopen and
  /// truncate it); empty after close().
  const std::filesystem::path& temp_path() const { return tmp_; }

 private:
  [[noreturn]] void fail(int err);

  std::filesystem::path path_, tmp_;
  int fd_ = -1;
};

/// Renames a temporary over its target; on failure removes the temporary and throws RunError.
void rename_over(const std::filesystem::path& tmp, const std::filesystem::path& path);

/// Many files written atomically together, as write_file_atomic() would each but with one
/// flush to disk for all (an fsync per file costs milliseconds; a round writes thousands of
/// customer statements). add() writes a temporary beside the target and may be called from
/// several threads at once; commit() flushes the file system once and renames every temporary
/// over its target. Temporaries not committed are removed when the batch is destroyed.
///
///   FileBatch batch;
///   parallel_for(n, [&](std::size_t i) { batch.add(paths[i], render(i)); });
///   batch.commit();
class FileBatch {
 public:
  FileBatch() = default;
  FileBatch(const FileBatch&) = delete;
  FileBatch& operator=(const FileBatch&) = delete;
  ~FileBatch();

  void add(const std::filesystem::path& path, std::string_view data);
  /// The same for a file that `write(tmp)` writes by name to the temporary `tmp` (a library
  /// that writes only to a file name), so that it is never held in memory.
  void add_written(const std::filesystem::path& path,
                   const std::function<void(const std::filesystem::path& tmp)>& write);
  void commit();
  /// Files renamed into place so far.
  int committed() const { return committed_; }

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // tmp, target
  int committed_ = 0;
};

}  // namespace arsanalys

namespace arsanalys {

/// True for the name of a temporary write_file_atomic() makes: `.<name>.tmp-<8 hex>`.
bool is_temporary_name(std::string_view name);

/// True for Excel's lock files (`~$name.xlsx`), left beside a workbook while it is open.
bool is_lock_file(const std::filesystem::path& path);
}  // namespace arsanalys

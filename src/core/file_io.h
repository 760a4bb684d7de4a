#pragma once
// The program's only contact with the disk for whole files: reading inputs (never modifying
// them) and writing outputs atomically (a temporary file beside the target, then rename).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
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

}  // namespace arsanalys

namespace arsanalys {
/// Removes the temporary files write_file_atomic() leaves behind when a process is killed
/// between creating and renaming one (`.<name>.tmp-<8 hex>`), in `dir` and its sub-folders.
/// Returns how many were removed. Other files are never touched.
int remove_stale_temporaries(const std::filesystem::path& dir);

/// True for Excel's lock files (`~$name.xlsx`), left beside a workbook while it is open.
bool is_lock_file(const std::filesystem::path& path);
}  // namespace arsanalys

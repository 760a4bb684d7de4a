#include "core/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <random>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/memory.h"
#include "core/names.h"

namespace arsanalys {
namespace fs = std::filesystem;

std::vector<std::byte> read_file(const fs::path& path, std::string_view display,
                                 std::uint64_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw ReadError(ReadFailure::io, fmt::format("{}: är en mapp, ingen fil.", display));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ReadError(ReadFailure::io, fmt::format("{}: filen går inte att öppna ({}).", display,
                                                 system_error_text(errno)));
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) {
    throw ReadError(ReadFailure::io, fmt::format("{}: filen går inte att läsa.", display));
  }
  if (static_cast<std::uint64_t>(size) > max_bytes) {
    throw ReadError(ReadFailure::too_large,
                    fmt::format("{}: filen är större än {} MB och läses inte.", display,
                                max_bytes >> 20));
  }
  std::vector<std::byte> bytes;
  bytes.reserve(static_cast<std::size_t>(size));
  advise_huge_pages(bytes.data(), bytes.capacity());  // before resize() touches the pages
  bytes.resize(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size)) {
    throw ReadError(ReadFailure::io, fmt::format("{}: filen går inte att läsa.", display));
  }
  return bytes;
}

AtomicFile::AtomicFile(fs::path path) : path_(std::move(path)) {
  fs::path dir = path_.parent_path().empty() ? fs::path(".") : path_.parent_path();
  std::random_device rd;
  // ".<name>.tmp-1234abcd", the name shortened so that the whole stays within 255 bytes.
  tmp_ = dir / fmt::format(".{}.tmp-{:08x}", shortened(path_.filename().string(), kMaxNameBytes),
                           rd());
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    int err = errno;
    tmp_.clear();  // not ours: nothing to remove
    fail(err);
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicFile::fail(int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  tmp_.clear();
  throw RunError(fmt::format("Kan inte skriva {}: {}.", path_.string(), system_error_text(err)));
}

int write_all(int fd, std::string_view data) {
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return 0;
}

void AtomicFile::write(std::string_view data) {
  if (int err = write_all(fd_, data); err != 0) fail(err);
}

fs::path AtomicFile::close(bool sync) {
  int synced = !sync || ::fsync(fd_) == 0 ? 0 : errno;
  int closed = ::close(fd_) == 0 ? 0 : errno;
  fd_ = -1;
  if (synced != 0 || closed != 0) fail(synced != 0 ? synced : closed);
  return std::exchange(tmp_, fs::path());
}

void AtomicFile::commit() { rename_over(close(true), path_); }

void rename_over(const fs::path& tmp, const fs::path& path) {
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw RunError(fmt::format("Kan inte skriva {}: {}.", path.string(), system_error_text(err)));
  }
}

void write_file_atomic(const fs::path& path, std::string_view data) {
  AtomicFile file(path);
  file.write(data);
  file.commit();
}

FileBatch::~FileBatch() {
  for (const auto& [tmp, path] : staged_) ::unlink(tmp.c_str());
}

void FileBatch::add(const fs::path& path, std::string_view data) {
  AtomicFile file(path);
  file.write(data);
  fs::path tmp = file.close(false);  // flushed to disk by commit()
  std::lock_guard lock(mutex_);
  staged_.emplace_back(std::move(tmp), path);
}

void FileBatch::add_written(const fs::path& path,
                            const std::function<void(const fs::path& tmp)>& write) {
  AtomicFile file(path);
  write(file.temp_path());  // the temporary is removed by `file` if this throws
  fs::path tmp = file.close(false);
  std::lock_guard lock(mutex_);
  staged_.emplace_back(std::move(tmp), path);
}

void FileBatch::commit() {
  std::lock_guard lock(mutex_);
  if (staged_.empty()) return;
  // One syncfs() for the whole batch: every temporary is on disk before any is renamed.
  fs::path dir = staged_.front().second.parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int err = fd < 0 ? errno : (::syncfs(fd) == 0 ? 0 : errno);
  if (fd >= 0) ::close(fd);
  if (err != 0) {
    throw RunError(fmt::format("Kan inte skriva {}: {}.", staged_.front().second.string(),
                               system_error_text(err)));
  }
  std::sort(staged_.begin(), staged_.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  while (!staged_.empty()) {
    auto [tmp, path] = std::move(staged_.back());
    staged_.pop_back();
    rename_over(tmp, path);
    ++committed_;
  }
}

}  // namespace arsanalys

namespace arsanalys {
bool is_temporary_name(std::string_view name) {
  std::size_t at = name.rfind(".tmp-");
  if (name.size() < 2 || name[0] != '.' || at == std::string_view::npos) return false;
  if (name.size() - at != 5 + 8) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(at) + 5, name.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_lock_file(const std::filesystem::path& path) {
  return path.filename().string().rfind("~$", 0) == 0;
}
}  // namespace arsanalys

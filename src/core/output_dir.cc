#include "core/output_dir.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <random>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/file_io.h"
#include "core/names.h"

namespace arsanalys {
namespace fs = std::filesystem;
namespace {

/// Whether `path` is `folder` or lies below it (both absolute and without links).
bool within(const fs::path& path, const fs::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (f->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

/// `path` absolute, with links resolved as far as it exists; "" when that fails.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return {};
  fs::path out = fs::weakly_canonical(abs, ec);
  if (ec) return {};
  // No trailing separator: "ut/" is the folder "ut".
  return out.has_filename() || !out.has_parent_path() ? out : out.parent_path();
}

/// "ut" or, when links lead elsewhere, "ut (via en länk: /data/ut)".
std::string shown(const fs::path& given, const fs::path& real) {
  std::error_code ec;
  fs::path abs = fs::absolute(given, ec).lexically_normal();
  if (!abs.has_filename() && abs.has_parent_path()) abs = abs.parent_path();
  if (ec || abs == real) return given.string();
  return fmt::format("{} (via en länk: {})", given.string(), real.string());
}

std::string random_tag() {
  std::random_device rd;
  return fmt::format("{:08x}", rd());
}

[[noreturn]] void fail(std::string_view doing, const fs::path& path, int err) {
  throw RunError(fmt::format("{} {}: {}.", doing, path.string(), system_error_text(err)));
}

/// Flushes the file system holding `dir` to disk.
int sync_folder(const fs::path& dir, bool whole_file_system) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = (whole_file_system ? ::syncfs(fd) : ::fsync(fd)) == 0 ? 0 : errno;
  ::close(fd);
  return err;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// InputSet

void InputSet::add_file(const fs::path& file) {
  Input in{file, resolved(file), 0, 0, false};
  struct stat st {};
  if (in.canonical.empty() || ::stat(file.c_str(), &st) != 0) return;
  in.dev = st.st_dev;
  in.ino = st.st_ino;
  inputs_.push_back(std::move(in));
}

void InputSet::add_folder(const fs::path& dir) {
  Input in{dir, resolved(dir), 0, 0, true};
  if (!in.canonical.empty()) inputs_.push_back(std::move(in));
}

std::string InputSet::refuse_folder(const fs::path& dir) const {
  const fs::path real = resolved(dir);
  if (real.empty()) return {};
  const std::string name = shown(dir, real);
  for (const Input& in : inputs_) {
    if (in.folder && within(real, in.canonical)) {
      return fmt::format("Resultatmappen {} ligger i mappen med indata {}: där skrivs aldrig "
                         "några resultat. Välj en mapp utanför den med -o.",
                         name, in.given.string());
    }
    if (!in.folder && real == in.canonical) {
      return fmt::format("{} är en indatafil, ingen resultatmapp: välj en mapp med -o.", name);
    }
    if (within(in.canonical, real)) {
      return fmt::format("Resultatmappen {} innehåller indata ({}): resultaten skrivs aldrig "
                         "där indata finns. Välj en annan mapp med -o.",
                         name, in.given.string());
    }
  }
  return {};
}

std::string InputSet::refuse_file(const fs::path& file) const {
  const fs::path real = resolved(file);
  struct stat st {};
  const bool exists = ::stat(file.c_str(), &st) == 0;
  for (const Input& in : inputs_) {
    bool same = in.folder ? within(real, in.canonical)
                          : real == in.canonical ||
                                (exists && st.st_dev == in.dev && st.st_ino == in.ino);
    if (same) {
      return fmt::format("{} är indata ({}) och skrivs aldrig över: välj en annan mapp med -o.",
                         shown(file, real), in.given.string());
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// OutputLock

std::string helper_prefix(const fs::path& target) {
  std::string name = target.filename().string();
  if (name.empty()) name = target.parent_path().filename().string();
  return "." + shortened(name, 64) + ".arsanalys-";
}

OutputLock::OutputLock(const fs::path& given) {
  fs::path target = resolved(given);
  if (target.empty()) target = given;
  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  path_ = parent / (helper_prefix(target) + "lock");
  for (int attempt = 0; attempt < 100; ++attempt) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) fail("Kan inte låsa resultatmappen, låsfilen", path_, errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      int err = errno;
      char pid[32] = {};
      ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
      // The holder writes its process id just after taking the lock: a moment's patience, so
      // that the message can name it.
      for (int wait = 0; err == EWOULDBLOCK && n <= 0 && wait < 20; ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        n = ::pread(fd_, pid, sizeof pid - 1, 0);
      }
      ::close(fd_);
      fd_ = -1;
      if (err != EWOULDBLOCK) fail("Kan inte låsa resultatmappen, låsfilen", path_, err);
      std::string holder(pid, n > 0 ? static_cast<std::size_t>(n) : 0);
      holder.erase(std::remove_if(holder.begin(), holder.end(),
                                  [](char c) { return c < '0' || c > '9'; }),
                   holder.end());
      throw RunError(fmt::format(
          "En annan körning av arsanalys{} skriver redan till {}. Vänta tills den är klar och "
          "försök sedan igen (två körningar mot samma resultatmapp skulle förstöra varandras "
          "resultat).",
          holder.empty() ? "" : " (process " + holder + ")", given.string()));
    }
    // The holder before us may have removed the file while we waited for it: then ours is
    // no longer the lock, and we take the new one.
    struct stat held {}, named {};
    if (::fstat(fd_, &held) == 0 && ::lstat(path_.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      std::string pid = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] ssize_t w = ::pwrite(fd_, pid.data(), pid.size(), 0);
      }
      return;
    }
    ::close(fd_);
    fd_ = -1;
  }
  throw RunError(fmt::format("Kan inte låsa resultatmappen {}: låsfilen {} byts hela tiden ut.",
                             target.string(), path_.string()));
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still holding it, so nobody takes a lock being removed
  ::close(fd_);
}

// ---------------------------------------------------------------------------------------------
// StagedOutput

StagedOutput::StagedOutput(const fs::path& target, const InputSet& inputs,
                           std::vector<std::string> own, std::vector<std::string> others)
    : own_(std::move(own)), others_(std::move(others)) {
  target_ = resolved(target);
  if (target_.empty() || !target_.has_parent_path() || target_ == target_.root_path()) {
    throw RunError(fmt::format("Kan inte skapa resultatmappen {}: ange en vanlig mapp.",
                               target.string()));
  }
  if (std::string why = inputs.refuse_folder(target); !why.empty()) throw RunError(why);
  std::error_code ec;
  fs::file_status status = fs::status(target_, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw RunError(fmt::format("Kan inte skapa resultatmappen {}: det finns en fil med det "
                               "namnet.",
                               target.string()));
  }
  fs::path here = resolved(".");
  if (!here.empty() && within(here, target_)) {
    throw RunError(fmt::format(
        "Resultatmappen {} är den aktuella mappen eller en mapp ovanför den. Varje körning "
        "ersätter hela resultatmappen; ange en egen mapp för resultaten, t.ex. -o ut.",
        shown(target, target_)));
  }
  const fs::path parent = target_.parent_path();
  fs::create_directories(parent, ec);
  if (ec) fail("Kan inte skapa resultatmappen", target, ec.value());
  prefix_ = helper_prefix(target_);
  lock_ = std::make_unique<OutputLock>(target_);
  recover();
  check_previous();
  staging_ = parent / (prefix_ + "staging-" + random_tag());
  if (::mkdir(staging_.c_str(), 0777) != 0) {
    int err = errno;
    staging_.clear();
    fail("Kan inte skapa resultatmappen", target, err);
  }
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) ::chmod(staging_.c_str(), st.st_mode & 07777);
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!published_ && !staging_.empty()) fs::remove_all(staging_, ec);
}

void StagedOutput::recover() {
  const fs::path parent = target_.parent_path();
  std::error_code ec;
  bool present = fs::exists(fs::symlink_status(target_, ec));
  std::vector<fs::path> left;
  for (auto it = fs::directory_iterator(parent, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with(prefix_) && name != prefix_ + "lock") left.push_back(it->path());
  }
  std::sort(left.begin(), left.end());
  for (const fs::path& p : left) {
    // A run killed between moving the previous output aside and putting the new one in place
    // (only where the file system cannot exchange two folders): the previous one goes back.
    if (!present && p.filename().string().starts_with(prefix_ + "previous-") &&
        ::rename(p.c_str(), target_.c_str()) == 0) {
      present = true;
      continue;
    }
    fs::remove_all(p, ec);
  }
}

void StagedOutput::check_previous() {
  std::error_code ec;
  if (!fs::is_directory(target_, ec)) return;
  for (auto it = fs::directory_iterator(target_, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (std::find(own_.begin(), own_.end(), name) != own_.end() || is_temporary_name(name)) {
      continue;
    }
    fs::file_status s = it->symlink_status(ec);
    if (fs::is_regular_file(s) || fs::is_symlink(s) ||
        (fs::is_directory(s) && std::find(others_.begin(), others_.end(), name) != others_.end())) {
      carried_.push_back(name);
      continue;
    }
    throw RunError(fmt::format(
        "Resultatmappen {} innehåller {} '{}', som arsanalys inte skriver. Varje körning "
        "ersätter hela resultatmappen och behåller bara egna filer där; flytta bort '{}' eller "
        "välj en annan mapp med -o.",
        target_.string(), fs::is_directory(s) ? "mappen" : "filen", name, name));
  }
  if (ec) fail("Kan inte läsa resultatmappen", target_, ec.value());
}

namespace {

/// `from` (a file, link or folder) as `to`: links copied, files hard-linked (copied where the
/// file system cannot), folders made and filled the same way, so the previous output stays as
/// it was until the new one is in place.
void carry(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::file_status s = fs::symlink_status(from, ec);
  if (!fs::exists(s)) return;  // removed meanwhile
  if (fs::is_symlink(s)) {
    fs::copy_symlink(from, to, ec);
  } else if (fs::is_directory(s)) {
    fs::create_directory(to, ec);
    for (auto it = fs::directory_iterator(from, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      carry(it->path(), to / it->path().filename());
    }
  } else if (::link(from.c_str(), to.c_str()) != 0) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  }
  if (ec) {
    throw RunError(fmt::format("Kan inte behålla {} i den nya resultatmappen: {}.",
                               from.string(), system_error_text(ec.value())));
  }
}

}  // namespace

void StagedOutput::carry_over() {
  for (const std::string& name : carried_) carry(target_ / name, staging_ / name);
}

void StagedOutput::publish() {
  carry_over();
  if (int err = sync_folder(staging_, true)) fail("Kan inte skriva resultatmappen", target_, err);
  const fs::path parent = target_.parent_path();
  std::error_code ec;
  fs::path old;
  if (!fs::exists(fs::symlink_status(target_, ec))) {
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      fail("Kan inte lägga resultatmappen på plats:", target_, errno);
    }
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(),
                         RENAME_EXCHANGE) == 0) {
    old = staging_;  // the previous output, now under the staging folder's name
  } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
    // A file system that cannot exchange two folders: the previous output aside, the new one
    // in; a crash between the two is undone by the next run (recover()).
    old = parent / (prefix_ + "previous-" + random_tag());
    if (::rename(target_.c_str(), old.c_str()) != 0) {
      fail("Kan inte lägga resultatmappen på plats:", target_, errno);
    }
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      int err = errno;
      ::rename(old.c_str(), target_.c_str());
      fail("Kan inte lägga resultatmappen på plats:", target_, err);
    }
  } else {
    fail("Kan inte lägga resultatmappen på plats:", target_, errno);
  }
  published_ = true;
  sync_folder(parent, false);
  if (!old.empty()) fs::remove_all(old, ec);  // else the next run's recover() does
}

// ---------------------------------------------------------------------------------------------
// Plain files in a staging folder

FileWriter::FileWriter(fs::path path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) fail(errno);
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void FileWriter::fail(int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  throw RunError(fmt::format("Kan inte skriva {}: {}.", path_.filename().string(),
                             system_error_text(err)));
}

void FileWriter::write(std::string_view data) {
  if (int err = write_all(fd_, data); err != 0) fail(err);
}

void FileWriter::close() {
  int fd = std::exchange(fd_, -1);
  if (fd >= 0 && ::close(fd) != 0) fail(errno);
}

void write_file(const fs::path& path, std::string_view data) {
  FileWriter out(path);
  out.write(data);
  out.close();
}

}  // namespace arsanalys

#include "writer/pdf_print.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <system_error>
#include <utility>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/file_io.h"

extern char** environ;

namespace arsanalys::writer {
namespace fs = std::filesystem;
namespace {

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

/// A fresh, private folder under TMPDIR; empty when none can be made.
fs::path make_profile(const fs::path& scratch) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      scratch.empty() ? fmt::format("{}/arsanalys-chromium-XXXXXX",
                                    tmp != nullptr && *tmp != '\0' ? tmp : "/tmp")
                      : (scratch / ".chromium-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  return ::mkdtemp(buf.data()) != nullptr ? fs::path(buf.data()) : fs::path();
}

/// Starts `argv` in its own process group with stdin, stdout and stderr on /dev/null, killed
/// with this process, so a killed run leaves no printer behind. Its pid, or 0.
///
/// By vfork(), not fork(): a fork copies the page tables of a run holding hundreds of megabytes
/// and write-protects every page, so the run then takes a page fault for each page it writes
/// again; at 8,000 customers that cost the run about 2 s of CPU time (docs/performance.md).
/// vfork shares the memory and suspends this thread until the child runs its program, so the
/// child makes only system calls, on what the parent prepared.
pid_t start_quietly(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  char* const* const program = args.data();
  const pid_t parent = ::getpid();
  const pid_t pid = ::vfork();
  if (pid < 0) return 0;
  if (pid == 0) {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
    int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      ::dup2(null, 0);
      ::dup2(null, 1);
      ::dup2(null, 2);
    }
    ::execve(program[0], program, environ);
    ::_exit(127);
  }
  return pid;
}

/// Waits for `pid` until `deadline`, then kills its group. The exit status, or -1 (it could
/// not run its program) or -2 (timed out).
int wait_for(pid_t pid, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    int status = 0;
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      ::kill(-pid, SIGKILL);  // helpers Chromium left behind
      if (WIFEXITED(status)) return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
      return 128 + WTERMSIG(status);
    }
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

fs::path find_chromium() {
  if (const char* forced = std::getenv("ARSANALYS_CHROMIUM")) {
    return *forced != '\0' && executable(forced) ? fs::path(forced) : fs::path();
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = std::min(dirs.find(':', start), dirs.size());
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && executable(candidate)) return candidate;
      start = end + 1;
    }
  }
  return {};
}

PdfPrint::PdfPrint(fs::path html, fs::path pdf, std::chrono::seconds timeout, fs::path scratch)
    : pdf_(std::move(pdf)), timeout_(timeout) {
  std::string name = pdf_.filename().string();
  fs::path chromium = find_chromium();
  if (chromium.empty()) {
    const char* forced = std::getenv("ARSANALYS_CHROMIUM");
    const std::string why =
        forced == nullptr ? "Chromium saknas (Debian-paketet chromium)"
        : *forced == '\0' ? "PDF är avstängd (ARSANALYS_CHROMIUM är tom)"
                           : fmt::format("ARSANALYS_CHROMIUM pekar på {}, som inte är ett program "
                                         "som går att köra",
                                         forced);
    result_ = PdfResult{PdfResult::Status::no_chromium,
                        fmt::format("{} skrevs inte: {}. HTML och xlsx är skrivna.", name, why)};
    return;
  }
  profile_ = make_profile(scratch);
  if (profile_.empty()) {
    result_ = PdfResult{PdfResult::Status::failed,
                        fmt::format("{} skrevs inte: ingen tillfällig mapp för Chromium kunde "
                                    "skapas.",
                                    name)};
    return;
  }
  AtomicFile out(pdf_);
  tmp_ = out.close(false);
  std::error_code ec;
  fs::path absolute = fs::absolute(html, ec);
  std::vector<std::string> argv = {
      chromium.string(), "--headless", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile_.string(),
      "--no-pdf-header-footer", "--print-to-pdf=" + tmp_.string(),
      "file://" + absolute.string()};
  if (::geteuid() == 0) argv.insert(argv.begin() + 1, "--no-sandbox");  // Chromium's demand as root
  deadline_ = std::chrono::steady_clock::now() + timeout;
  pid_ = start_quietly(argv);
  if (pid_ == 0) {
    result_ = PdfResult{PdfResult::Status::failed,
                        fmt::format("{} skrevs inte: Chromium kunde inte startas. HTML och xlsx "
                                    "är skrivna.",
                                    name)};
  }
}

PdfPrint::~PdfPrint() {
  std::error_code ec;
  if (pid_ != 0) {
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (!tmp_.empty()) fs::remove(tmp_, ec);
  if (!profile_.empty()) fs::remove_all(profile_, ec);
}

PdfResult PdfPrint::finish() {
  if (result_) return *result_;
  int status = wait_for(pid_, deadline_);
  pid_ = 0;
  std::error_code ec;
  fs::remove_all(profile_, ec);
  profile_.clear();
  std::uintmax_t size = fs::file_size(tmp_, ec);
  if (status != 0 || ec || size == 0) {
    std::string why = status == -1   ? "Chromium kunde inte startas"
                      : status == -2 ? fmt::format("Chromium svarade inte på {} s", timeout_.count())
                      : status != 0  ? fmt::format("Chromium avslutades med kod {}", status)
                                     : std::string("Chromium skrev ingen fil");
    result_ = PdfResult{PdfResult::Status::failed,
                        fmt::format("{} skrevs inte: {}. HTML och xlsx är skrivna.",
                                    pdf_.filename().string(), why)};
    return *result_;
  }
  fs::path tmp = std::exchange(tmp_, fs::path());
  rename_over(tmp, pdf_);
  result_ = PdfResult{PdfResult::Status::written, ""};
  return *result_;
}

PdfResult print_pdf(const fs::path& html, const fs::path& pdf, std::chrono::seconds timeout) {
  return PdfPrint(html, pdf, timeout).finish();
}

}  // namespace arsanalys::writer

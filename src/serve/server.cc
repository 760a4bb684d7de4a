#include "serve/server.h"

#include <httplib.h>
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/vfs.h>

#include <cerrno>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <span>
#include <thread>

#include "analys/template_def.h"
#include "inputs/ingest.h"
#include "output/review_writer.h"
#include "serve/page.h"

namespace arsanalys::serve {
namespace {

namespace fs = std::filesystem;

constexpr long kTmpfsMagic = 0x01021994;  // statfs f_type of a tmpfs (linux/magic.h)
constexpr const char* kHtml = "text/html; charset=utf-8";

/// A private folder in memory (a tmpfs, /dev/shm) for the scratch files libxlsxwriter needs
/// to make a review copy; removed with everything in it when the server stops. Empty when
/// there is no tmpfs: the page then offers no review copy rather than write an upload's
/// contents to a disk.
class RamScratch {
 public:
  RamScratch() {
    std::string pattern = "/dev/shm/arsanalys-serve-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) return;
    struct statfs info {};
    if (::statfs(pattern.c_str(), &info) != 0 || info.f_type != kTmpfsMagic) {
      std::error_code ec;
      fs::remove(pattern, ec);
      return;
    }
    dir_ = pattern;
  }
  ~RamScratch() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  RamScratch(const RamScratch&) = delete;
  RamScratch& operator=(const RamScratch&) = delete;
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

/// What a check gives the page: the part to show, and one line for the page's status region.
struct Outcome {
  std::string html;
  std::string summary;
};

/// What the handlers share with the checks they start, which may outlive a request that gave
/// up waiting for them.
struct State {
  ServerOptions options;
  const analys::TemplateDef& def = analys::builtin_template();
  fs::path scratch;  // empty: no review copies
  std::counting_semaphore<1024> slots{0};
  std::mutex log;
};

/// A file name as the page may show it: the last part of a path, no control characters, at
/// most 200 bytes; "underlag.xlsx" when none is given.
std::string clean_name(std::string name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (name.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name.empty() ? std::string("underlag.xlsx") : name;
}

/// "Klart: 1 fel, 16 varningar, 0 info." for the page's status region.
std::string summary_of(const inputs::Checked& c) {
  if (!c.in) return "Filen kunde inte läsas.";
  int fel = 0, varning = 0, info = 0;
  for (const Finding& f : c.findings) {
    (f.level == Level::fel ? fel : f.level == Level::varning ? varning : info) += 1;
  }
  return fmt::format("Klart: {} fel, {} {}, {} info.", fel, varning,
                     varning == 1 ? "varning" : "varningar", info);
}

/// Checks one upload and makes its page part and review copy. Never throws.
Outcome check_upload(const State& st, const std::string& bytes, const std::string& name) {
  try {
    auto data = std::as_bytes(std::span<const char>(bytes.data(), bytes.size()));
    inputs::Checked c = inputs::check_bytes(data, name, st.def);
    Shown shown{name, &c, std::nullopt, {}};
    if (c.in && st.scratch.empty()) {
      shown.review_note =
          "Granskningskopian erbjuds inte på den här servern: den kan inte göras utan att "
          "skriva till disk (ingen /dev/shm).";
    } else if (c.in) {
      try {
        shown.review = output::review_workbook(st.def, c.in->submission, c.in->workbook,
                                               c.findings, st.scratch);
      } catch (const RunError& e) {
        shown.review_note = fmt::format("Granskningskopian kunde inte göras: {}", e.what());
      }
    }
    return {result_html(st.def, shown), summary_of(c)};
  } catch (const std::exception& e) {
    return {problem_html("Kontrollen misslyckades",
                         fmt::format("Filen kunde inte kontrolleras: {}", e.what())),
            "Kontrollen misslyckades."};
  }
}

/// URL-encoding for a header value (the page decodes it with decodeURIComponent).
std::string url_encode(std::string_view text) {
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

/// The page part, or the whole page for a form posted without the page's script.
void reply(const httplib::Request& req, httplib::Response& res, const State& st, int status,
           const std::string& part, const std::string& summary) {
  res.status = status;
  bool fragment = req.has_header("X-Sjalvkontroll");
  res.set_content(fragment ? part : page_html(part, st.options.max_upload), kHtml);
  res.set_header("X-Sammanfattning", url_encode(summary));
  res.set_header("Cache-Control", "no-store");
}

void handle_check(const httplib::Request& req, httplib::Response& res,
                  const std::shared_ptr<State>& st) {
  auto bytes = std::make_shared<std::string>();
  std::string name;
  if (req.is_multipart_form_data()) {
    if (req.has_file("fil")) {
      httplib::MultipartFormData file = req.get_file_value("fil");
      *bytes = std::move(file.content);
      name = file.filename;
    }
  } else {
    *bytes = req.body;
    name = req.get_param_value("namn");
  }
  if (bytes->empty()) {
    reply(req, res, *st, 400,
          problem_html("Ingen fil", "Välj den ifyllda mallen (.xlsx) och tryck på Kontrollera."),
          "Ingen fil.");
    return;
  }
  name = clean_name(name);
  if (!st->slots.try_acquire_for(st->options.queue_time)) {
    res.set_header("Retry-After", "30");
    reply(req, res, *st, 503,
          problem_html("Självkontrollen är upptagen",
                       "Många kontrollerar sina filer just nu. Försök igen om en liten stund."),
          "Upptagen.");
    return;
  }
  // The check runs on a thread of its own that keeps its slot until it is done, so a file
  // that takes too long neither holds up the answer nor lets more checks run than allowed.
  auto promise = std::make_shared<std::promise<Outcome>>();
  std::future<Outcome> future = promise->get_future();
  std::thread([st, bytes, name, promise] {
    promise->set_value(check_upload(*st, *bytes, name));
    st->slots.release();
  }).detach();
  if (future.wait_for(st->options.check_time) != std::future_status::ready) {
    reply(req, res, *st, 503,
          problem_html("Kontrollen tog för lång tid",
                       fmt::format("Filen kunde inte kontrolleras inom {} sekunder. En ifylld "
                                   "mall tar en bråkdel av en sekund; kontrollera att det är "
                                   "rätt fil, eller försök igen om en stund.",
                                   st->options.check_time.count())),
          "Kontrollen tog för lång tid.");
    return;
  }
  Outcome o = future.get();
  reply(req, res, *st, 200, o.html, o.summary);
}

/// The page for an error the server itself gives (too large, not found), unless the handler
/// already wrote one.
httplib::Server::HandlerResponse handle_error(const httplib::Request& req,
                                              httplib::Response& res, const State& st) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  std::string part;
  if (res.status == 413) {
    part = problem_html("Filen är för stor",
                        fmt::format("Självkontrollen tar emot filer på högst {} MB. En ifylld "
                                    "mall är mycket mindre: kontrollera att det är rätt fil.",
                                    st.options.max_upload / (1024 * 1024)));
  } else if (res.status == 400 || res.status == 411) {
    part = problem_html("Ingen fil", "Välj den ifyllda mallen (.xlsx) och tryck på Kontrollera.");
  } else if (res.status == 404) {
    part = problem_html("Sidan finns inte", "Självkontrollen finns på sidans startadress.");
  } else {
    part = problem_html("Något gick fel",
                        fmt::format("Servern kunde inte svara (status {}). Försök igen.",
                                    res.status));
  }
  bool fragment = req.has_header("X-Sjalvkontroll");
  res.set_content(fragment ? part : page_html(part, st.options.max_upload), kHtml);
  return httplib::Server::HandlerResponse::Handled;
}

/// Waits for SIGINT or SIGTERM (blocked in every thread) and stops the server.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& server) {
    sigset_t set = signals();
    pthread_sigmask(SIG_BLOCK, &set, &old_);
    thread_ = std::thread([&server, set] {
      int sig = 0;
      sigwait(&set, &sig);
      server.stop();
    });
  }
  ~StopOnSignal() {
    pthread_kill(thread_.native_handle(), SIGTERM);  // harmless when it has already stopped
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  static sigset_t signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
  }
  sigset_t old_{};
  std::thread thread_;
};

}  // namespace

ExitCode run_server(const ServerOptions& options, std::ostream& out, std::ostream& err) {
  ::signal(SIGPIPE, SIG_IGN);
  RamScratch scratch;
  auto st = std::make_shared<State>();
  st->options = options;
  st->scratch = scratch.dir();
  st->slots.release(std::max(1, options.max_checks));

  httplib::Server server;
  int threads = std::max(2, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_upload);
  server.set_read_timeout(options.io_time);
  server.set_write_timeout(options.io_time);
  server.set_keep_alive_timeout(2);
  // httplib's default also sets SO_REUSEPORT, with which a second server would share a port
  // in use instead of being told it cannot listen: only SO_REUSEADDR here.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });
  server.Get("/", [st](const httplib::Request&, httplib::Response& res) {
    res.set_content(page_html("", st->options.max_upload), kHtml);
  });
  server.Get("/stil.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(stylesheet()), "text/css; charset=utf-8");
  });
  server.Get("/sida.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(script()), "text/javascript; charset=utf-8");
  });
  server.Get("/favicon.ico",
             [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.Post("/granska", [st](const httplib::Request& req, httplib::Response& res) {
    handle_check(req, res, st);
  });
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [st](const httplib::Request& req, httplib::Response& res) {
        return handle_error(req, res, *st);
      }));
  server.set_exception_handler(
      [st](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        reply(req, res, *st, 500,
              problem_html("Något gick fel", "Servern kunde inte kontrollera filen. Försök igen."),
              "Fel.");
      });
  server.set_logger([st, &out](const httplib::Request& req, const httplib::Response& res) {
    std::lock_guard lock(st->log);
    out << fmt::format("{} {} {}\n", req.method, req.path, res.status) << std::flush;
  });

  int port = options.port;
  errno = 0;
  bool bound = port == 0 ? (port = server.bind_to_any_port(options.bind)) > 0
                         : server.bind_to_port(options.bind, port);
  if (!bound) {
    int e = errno;
    err << fmt::format("fel: kan inte lyssna på {}:{}{}. Välj en annan port med --port, eller "
                       "en adress som datorn har med --bind.\n",
                       options.bind, options.port,
                       e != 0 ? fmt::format(" ({})", system_error_text(e)) : std::string());
    return ExitCode::failed;
  }
  std::string host = options.bind.find(':') != std::string::npos
                         ? fmt::format("[{}]", options.bind)
                         : options.bind;
  out << fmt::format("Självkontrollen är igång på http://{}:{}/ (avsluta med Ctrl+C).\n", host,
                     port)
      << std::flush;
  if (scratch.dir().empty()) {
    err << "varning: inget minnesbaserat filsystem (/dev/shm); sidan erbjuder ingen "
           "granskningskopia, så att inget av en uppladdad fil skrivs till disk.\n";
  }
  {
    StopOnSignal stop(server);
    server.listen_after_bind();
  }
  // Checks still running keep their state alive; wait for them before the scratch goes.
  for (int i = 0; i < std::max(1, options.max_checks); ++i) {
    if (!st->slots.try_acquire_for(options.check_time)) break;
  }
  out << "Självkontrollen har stängts.\n";
  return ExitCode::ok;
}

}  // namespace arsanalys::serve

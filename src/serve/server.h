#pragma once
// `arsanalys serve`: the suppliers' self-check as a web page, on Debian's cpp-httplib. An
// upload is checked in memory exactly as `validate` checks a file (inputs::check_bytes), shown as
// a page (serve/page.h) with its review copy made in memory; nothing of it is kept.
//
// Safe by default: it listens on 127.0.0.1 unless told otherwise, refuses uploads beyond a
// size limit, checks at most a few uploads at once (others wait their turn, then are told the
// server is busy), gives each check a time limit, sends a Content Security Policy that allows
// nothing from elsewhere, and escapes every text taken from a workbook.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>

#include "core/error.h"

namespace arsanalys::serve {

/// How the server runs; the defaults are the safe ones.
struct ServerOptions {
  std::string bind = "127.0.0.1";             // address to listen on
  int port = 8080;                            // 0: any free port (printed on start)
  std::size_t max_upload = 20 * 1024 * 1024;  // bytes; a filled template is well below 1 MB
  int max_checks = 4;                         // uploads checked at once
  std::chrono::seconds check_time{30};        // longest check of one upload
  std::chrono::seconds queue_time{60};        // longest wait for a free check
  std::chrono::seconds io_time{20};           // longest pause while receiving or sending
  int threads = 16;                           // connections served at once
};

/// Runs the server until SIGINT or SIGTERM. Prints the address it listens on to `out`
/// ("Självkontrollen är igång på http://127.0.0.1:8080/"), one line per request to `out`
/// (method, path, status, time; never a file's name or content), problems to `err`.
/// Returns ExitCode::failed when it cannot listen.
ExitCode run_server(const ServerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace arsanalys::serve

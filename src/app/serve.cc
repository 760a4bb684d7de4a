// `arsanalys serve`: the suppliers' self-check as a web page (src/serve/).

#include "app/commands.h"
#include "serve/server.h"

namespace arsanalys::app {

ExitCode serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  serve::ServerOptions server;
  server.bind = options.bind;
  server.port = options.port;
  return serve::run_server(server, out, err);
}

}  // namespace arsanalys::app

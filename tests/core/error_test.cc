// What the user reads when the operating system refuses: Swedish, or the system's own text
// with its number when there is no Swedish one.
#include "core/error.h"

#include <catch2/catch.hpp>
#include <cerrno>

TEST_CASE("system errors in Swedish", "[core]") {
  using arsanalys::system_error_text;
  CHECK(system_error_text(ENOSPC) == "disken är full");
  CHECK(system_error_text(EACCES) == "åtkomst nekad");
  CHECK(system_error_text(EROFS) == "filsystemet är skrivskyddat");
  CHECK(system_error_text(ENOENT) == "filen eller mappen finns inte");
  CHECK(system_error_text(EPROTO).rfind("felkod ", 0) == 0);
}

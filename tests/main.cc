// The test runner. Outputs are written without their PDF unless a test asks for it: printing
// with Chromium takes seconds, and the PDF has its own tests (tests/output/annex_pdf.py).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  ::setenv("ARSANALYS_CHROMIUM", "", 0);  // an empty value: no Chromium (kept when set)
  return Catch::Session().run(argc, argv);
}

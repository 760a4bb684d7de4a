// The shared pieces of the xlsx writers: valid sheet names and one way to keep them unique.

#include "writer/xlsx_writer.h"

#include <catch2/catch.hpp>

using arsanalys::writer::sheet_name;
using arsanalys::writer::sheet_ref;
using arsanalys::writer::SheetNames;

TEST_CASE("sheet_name: what Excel accepts", "[xlsx_writer]") {
  CHECK(sheet_name("3.1a Förvaltning") == "3.1a Förvaltning");
  CHECK(sheet_name("A/B: [x]?*\\") == "A-B- -x----");
  CHECK(sheet_name("'citat'") == "citat");
  CHECK(sheet_name("") == "Blad");
  CHECK(sheet_name("Åååååååååååååååååååååååååååååååååå") == "Ååååååååååååååååååååååååååååååå");  // 31
}

TEST_CASE("SheetNames: unique without regard to case, Swedish letters too", "[xlsx_writer]") {
  SheetNames names{"Översikt", "Fynd"};
  CHECK(names.claim("översikt") == "översikt (2)");
  CHECK(names.claim("ÖVERSIKT") == "ÖVERSIKT (3)");
  CHECK(names.claim("Kunder") == "Kunder");
  CHECK(names.claim("kunder") == "kunder (2)");
  // A long name that clashes is shortened so its number fits in 31 characters.
  const std::string wanted = "Nämnden för demokrati och medborgarservice";
  const std::string first = names.claim(wanted);
  const std::string second = names.claim(wanted);
  CHECK(first == "Nämnden för demokrati och medbo");
  CHECK(second == "Nämnden för demokrati och m (2)");
  CHECK(second != first);
}

TEST_CASE("sheet_ref: quoted, apostrophes doubled", "[xlsx_writer]") {
  CHECK(sheet_ref("Fynd", "A1") == "'Fynd'!A1");
  CHECK(sheet_ref("Kundens 'egna'", "B2") == "'Kundens ''egna'''!B2");
}

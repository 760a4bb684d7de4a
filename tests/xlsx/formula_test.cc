#include "xlsx/formula.h"

#include <catch2/catch.hpp>
#include <string>

using arsanalys::xlsx::shift_formula;

TEST_CASE("shift_formula: the documented example", "[formula]") {
  CHECK(shift_formula("SUM(A1:B1)*$C$1", 2, 0) == "SUM(A3:B3)*$C$1");
}

TEST_CASE("shift_formula: relative references move, absolute parts stay", "[formula]") {
  struct Case {
    const char* master;
    long rows, cols;
    const char* shifted;
  };
  auto c = GENERATE(values<Case>({
      {"A1", 0, 0, "A1"},
      {"A1", 1, 0, "A2"},
      {"A1", 0, 1, "B1"},
      {"A1+B2", 1, 1, "B2+C3"},
      {"B2*2", 3, 0, "B5*2"},
      {"Z9", 0, 1, "AA9"},
      {"AA10", -1, -1, "Z9"},
      {"$A1", 1, 1, "$A2"},
      {"A$1", 1, 1, "B$1"},
      {"$A$1", 5, 5, "$A$1"},
      {"$A$1", -5, -5, "$A$1"},  // absolute: never off the grid
      {"a1+b1", 1, 0, "A2+B2"},  // written in lower case
      {"SUM(A1:A3)", 1, 0, "SUM(A2:A4)"},
      {"SUM(A1:A3)", 0, 2, "SUM(C1:C3)"},
      {"SUM($A1:A$3)", 1, 1, "SUM($A2:B$3)"},
      {"SUM(A:A)", 5, 1, "SUM(B:B)"},  // whole column: rows do not apply
      {"SUM($A:$A)", 5, 1, "SUM($A:$A)"},
      {"SUM(1:1)", 1, 3, "SUM(2:2)"},  // whole row: columns do not apply
      {"SUM($1:$2)", 1, 3, "SUM($1:$2)"},
      {"A1:B2 B1:C3", 1, 0, "A2:B3 B2:C4"},  // intersection
      {"-A1%", 1, 0, "-A2%"},
      {"A1#", 1, 0, "A2#"},  // spill reference
      {"IF(A1>0,B1,C1)", 2, 0, "IF(A3>0,B3,C3)"},
  }));
  CAPTURE(c.master, c.rows, c.cols);
  CHECK(shift_formula(c.master, c.rows, c.cols) == c.shifted);
}

TEST_CASE("shift_formula: what is not a reference is copied", "[formula]") {
  struct Case {
    const char* master;
    const char* shifted;  // after moving 1 row down and 1 column right
  };
  auto c = GENERATE(values<Case>({
      {"\"A1\"&A1", "\"A1\"&B2"},                          // text in quotes
      {"\"say \"\"A1\"\"\"&A1", "\"say \"\"A1\"\"\"&B2"},  // doubled quotes inside text
      {"'Blad 1'!A1", "'Blad 1'!B2"},                      // quoted sheet name, reference moves
      {"'A1'!A1", "'A1'!B2"},                              // a sheet named like a cell
      {"'O''Brien'!A1", "'O''Brien'!B2"},
      {"Blad1!A1", "Blad1!B2"},              // unquoted sheet name
      {"SUM1!A1", "SUM1!B2"},                // sheet named like a cell: not moved
      {"Blad1:Blad3!A1", "Blad1:Blad3!B2"},  // 3-D reference
      {"[1]Blad1!A1", "[1]Blad1!B2"},        // external book index
      {"LOG10(A1)", "LOG10(B2)"},            // LOG10 would be a cell
      {"ATAN2(A1,B1)", "ATAN2(B2,C2)"},
      {"DEC2HEX(A1)", "DEC2HEX(B2)"},
      {"SUM(A1)*100+1.5E+3", "SUM(B2)*100+1.5E+3"},  // numbers
      {"TRUE", "TRUE"},
      {"Tabell1[Belopp]", "Tabell1[Belopp]"},  // structured reference
      {"SUM(Tabell1[[#Data],[Kol A1]])", "SUM(Tabell1[[#Data],[Kol A1]])"},
      {"Moms*A1", "Moms*B2"},  // a defined name
      {"_xlfn.XLOOKUP(A1,B1:B3,C1:C3)", "_xlfn.XLOOKUP(B2,C2:C4,D2:D4)"},
      {"#REF!+A1", "#REF!+B2"},
      {"ABCDE1", "ABCDE1"},          // five letters: a name
      {"A123456789", "A123456789"},  // nine digits: a name
      {"XFE1", "XFE1"},              // beyond XFD: a name
      {"", ""},
  }));
  CAPTURE(c.master);
  CHECK(shift_formula(c.master, 1, 1) == c.shifted);
}

TEST_CASE("shift_formula: a reference pushed off the grid becomes #REF!", "[formula]") {
  CHECK(shift_formula("A1", -1, 0) == "#REF!");
  CHECK(shift_formula("A1", 0, -1) == "#REF!");
  CHECK(shift_formula("A1+B5", -2, 0) == "#REF!+B3");
  CHECK(shift_formula("XFD1", 0, 1) == "#REF!");
  CHECK(shift_formula("A1048576", 1, 0) == "#REF!");
  CHECK(shift_formula("A$1048576", 1, 0) == "A$1048576");
  CHECK(shift_formula("SUM(A1:B2)", -1, 0) == "SUM(#REF!)");
  CHECK(shift_formula("SUM(A:B)", 0, 16383) == "SUM(#REF!)");
  CHECK(shift_formula("SUM(1:2)", 1048575, 0) == "SUM(#REF!)");
  CHECK(shift_formula("XFC1", 0, 1) == "XFD1");
}

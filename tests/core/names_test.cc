// File names made from users' words, and text made fit for every output (issue 16).
#include "core/names.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/text.h"

using arsanalys::clean_text;
using arsanalys::kMaxNameBytes;
using arsanalys::portable_file_name;
using arsanalys::shortened;
using arsanalys::TextRepairs;
using arsanalys::unique_file_name;

TEST_CASE("portable_file_name: names Windows reserves, lock files, hidden files", "[names]") {
  CHECK(portable_file_name("aux.txt", ".xlsx") == "aux_.txt.xlsx");
  CHECK(portable_file_name("AUX", ".xlsx") == "AUX_.xlsx");
  CHECK(portable_file_name("nul", ".xlsx") == "nul_.xlsx");
  CHECK(portable_file_name("Com1", ".xlsx") == "Com1_.xlsx");
  CHECK(portable_file_name("LPT9.x", ".xlsx") == "LPT9_.x.xlsx");
  CHECK(portable_file_name("COM\xC2\xB9", ".xlsx") == "COM\xC2\xB9_.xlsx");  // COM¹
  CHECK(portable_file_name("CONIN$", ".xlsx") == "CONIN$_.xlsx");
  CHECK(portable_file_name("COM10", ".xlsx") == "COM10.xlsx");  // not a device
  CHECK(portable_file_name("console", ".xlsx") == "console.xlsx");
  CHECK(portable_file_name("~$lock", ".xlsx") == "_$lock.xlsx");
  CHECK(portable_file_name("~lock", ".xlsx") == "~lock.xlsx");
  CHECK(portable_file_name(".dold", ".xlsx") == "_dold.xlsx");
  CHECK(portable_file_name("slut. ", ".xlsx") == "slut_.xlsx");
  CHECK(portable_file_name("a/b\\c:d*e?f\"g<h>i|j", ".xlsx") == "a_b_c_d_e_f_g_h_i_j.xlsx");
  CHECK(portable_file_name("a b", ".xlsx") == "a b.xlsx");
  CHECK(portable_file_name("a b", ".xlsx", " ") == "a_b.xlsx");
  CHECK(portable_file_name("", ".xlsx") == "_.xlsx");
  // Control characters and invalid UTF-8 never reach a file name.
  CHECK(portable_file_name(std::string("a\x01" "b\xFF" "c"), ".xlsx") == "a_b_c.xlsx");
  CHECK(portable_file_name("Göteborg", ".xlsx") == "Göteborg.xlsx");
}

TEST_CASE("portable_file_name: a name too long is shortened with a hash of the whole",
          "[names]") {
  bool cut = false;
  std::string id(237, 'k');
  std::string name = portable_file_name(id, ".xlsx", "", &cut);
  CHECK(cut);
  CHECK(name.size() == kMaxNameBytes);
  CHECK(name.ends_with(".xlsx"));
  CHECK(name.starts_with(std::string(180, 'k')));
  // Another long name with the same start gets another name.
  CHECK(portable_file_name(std::string(236, 'k') + "x", ".xlsx") != name);
  // Never cut inside a character.
  std::string swedish;
  for (int i = 0; i < 150; ++i) swedish += "å";
  std::string s = portable_file_name(swedish, ".xlsx", "", &cut);
  CHECK(cut);
  CHECK(s.size() <= kMaxNameBytes);
  std::string copy = s;
  CHECK_FALSE(clean_text(copy).any());
  portable_file_name("kort", ".xlsx", "", &cut);
  CHECK_FALSE(cut);
}

TEST_CASE("shortened and unique_file_name", "[names]") {
  CHECK(shortened("kort", 40) == "kort");
  std::string s = shortened(std::string(300, 'a'), 40);
  CHECK(s.size() == 40);
  CHECK(s[31] == '~');
  std::set<std::string> taken;
  CHECK(unique_file_name("AB.xlsx", taken) == "AB.xlsx");
  CHECK(unique_file_name("ab.xlsx", taken) == "ab-2.xlsx");
  CHECK(unique_file_name("Ab.xlsx", taken) == "Ab-3.xlsx");
  CHECK(unique_file_name("x.y.xlsx", taken) == "x.y.xlsx");
  CHECK(unique_file_name("X.Y.xlsx", taken) == "X.Y-2.xlsx");
}

TEST_CASE("clean_text: control characters and invalid UTF-8 made fit for XML and HTML",
          "[names][text]") {
  std::string plain = "Göteborg – 1 200 tkr\ttab\r\nrad";
  std::string copy = plain;
  CHECK_FALSE(clean_text(copy).any());
  CHECK(copy == plain);

  std::string vt = "Rad 1\vRad 2\fRad 3";  // Word's line and page breaks
  TextRepairs r = clean_text(vt);
  CHECK(vt == "Rad 1\nRad 2\nRad 3");
  CHECK(r.line_breaks == 2);
  CHECK(r.controls == 0);

  std::string ctl = std::string("a\x01" "b") + '\0' + "c\x7F" "d\xC2\x85" "e\xEF\xBF\xBF";
  r = clean_text(ctl);
  CHECK(ctl == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBD");
  CHECK(r.controls == 5);
  CHECK(static_cast<unsigned>(r.first_control) == 1u);

  // Invalid bytes: a lone continuation, a cut sequence, an overlong form, a surrogate.
  std::string bad = "x\x80y\xC3" "z\xC0\xAF\xED\xA0\x80";
  r = clean_text(bad);
  CHECK(r.invalid_utf8 == 7);
  std::string again = bad;
  CHECK_FALSE(clean_text(again).any());
  CHECK(bad.starts_with("x\xEF\xBF\xBDy\xEF\xBF\xBDz"));

  std::string emoji = "ok \xF0\x9F\x98\x80";
  CHECK_FALSE(clean_text(emoji).any());

  TextRepairs both;
  both.line_breaks = 1;
  both.controls = 2;
  both.first_control = 1;
  CHECK(both.describe() ==
        "radbrytningar som Word lämnat som styrtecken (U+000B/U+000C) ersatta med vanliga "
        "radbrytningar; styrtecken (U+0001 m.fl.) ersatta med �");
}

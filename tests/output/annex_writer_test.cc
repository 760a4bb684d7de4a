// The decision annex (beslutsbilaga.html and .xlsx) of a round built by hand from the figures
// of the real 2024 annex (docs/seed-2024.md §6): the figures, headings and escaping of the HTML,
// and the same content read back from the xlsx with our own reader.
#include "output/annex_writer.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <span>
#include <string>

#include "core/file_io.h"
#include "output/annex_doc.h"
#include "writer/html.h"
#include "xlsx/reader.h"
#include "xlsx/zip.h"
#include "annex_fixture.h"

namespace fs = std::filesystem;
using arsanalys::Findings;
using arsanalys::output::AnnexInput;
using arsanalys::output::beslutsbilaga_html;
using arsanalys::output::beslutsbilaga_xlsx;
using arsanalys::xlsx::Cell;
using arsanalys::xlsx::CellType;
using arsanalys::xlsx::Sheet;
using arsanalys::xlsx::Workbook;
namespace annex = arsanalys::output::annex;
namespace fx = arsanalys::test::annex;

namespace {

struct Fixture {
  arsanalys::sammanstallning::Round round = fx::seed_round();
  std::vector<arsanalys::sammanstallning::AlternativeEffect> effects = fx::seed_effects();
  arsanalys::fordelning::Kunder kunder = fx::seed_kunder();
  Findings findings = fx::seed_findings();
  AnnexInput input() const { return AnnexInput{round, effects, &kunder, findings, true, nullptr}; }
};

/// The text of the HTML without tags and with entities of the escaped characters undone, white
/// space collapsed: what a reader sees.
std::string visible(const std::string& html) {
  std::string body = html.substr(html.find("<body>"));
  body = std::regex_replace(body, std::regex("<[^>]*>"), " ");
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                          {"&#39;", "'"}, {"&amp;", "&"}}) {
    body = std::regex_replace(body, std::regex(from), to);
  }
  return std::regex_replace(body, std::regex("\\s+"), " ");
}

Workbook read_back(const std::string& bytes) {
  return arsanalys::xlsx::read_workbook(
      std::as_bytes(std::span<const char>(bytes.data(), bytes.size())), "beslutsbilaga.xlsx");
}

/// The first cell of a sheet whose text is `text`, or nullptr.
const Cell* find_text(const Workbook& wb, const Sheet& s, const std::string& text) {
  for (const Cell& c : s.cells)
    if (c.type == CellType::string && wb.text(c) == text) return &c;
  return nullptr;
}

double number_at(const Sheet& s, std::uint32_t row, std::uint32_t col) {
  const Cell* c = s.find(row, col);
  REQUIRE(c != nullptr);
  REQUIRE(c->type == CellType::number);
  return c->number;
}

}  // namespace

TEST_CASE("annex formatting: rounding to hundreds of tkr, groups, percentages", "[annex]") {
  CHECK(annex::tkr_hundreds(77'617'000) == 77'600);
  CHECK(annex::tkr_hundreds(119'676'000) == 119'700);
  CHECK(annex::tkr_hundreds(77'550'000) == 77'600);   // half away from zero
  CHECK(annex::tkr_hundreds(-77'550'000) == -77'600);
  CHECK(annex::group(1'025'900) == "1 025 900");
  CHECK(annex::group(-26) == "\u221226");  // a minus sign, not a hyphen (issue 13)
  CHECK(annex::group(0) == "0");
  CHECK(annex::percent_text(2'200, 28'500) == "7,7 %");
  CHECK(annex::percent_text(-1'810, 7'000) == "\u221225,9 %");
  CHECK(annex::percent_text(39'800, 1'137'100) == "3,5 %");
  CHECK(annex::percent_text(1, 0).empty());
  CHECK(annex::short_name("Nämnden för inköp och upphandling") == "Inköp och upphandling");
  CHECK(annex::short_name("Nämnden för Intraservice") == "Intraservice");
  CHECK(annex::short_name("Inköp och upphandlingsnämnden") == "Inköp och upphandlingsnämnden");
  CHECK(arsanalys::writer::html::escape("A & <B> \"c\" 'd'") ==
        "A &amp; &lt;B&gt; &quot;c&quot; &#39;d&#39;");
  // Issue 16: no control character and no invalid UTF-8 reaches the HTML.
  CHECK(arsanalys::writer::html::escape(std::string("a\x01" "b\vc\xFF")) ==
        "a\xEF\xBF\xBD" "b\nc\xEF\xBF\xBD");
}

TEST_CASE("annex HTML: the annex's headings, in order, and a draft marked UTKAST", "[annex]") {
  Fixture f;
  std::string html = beslutsbilaga_html(f.input());
  CHECK(html.find("<title>UTKAST – Underlag till strategisk samordningsgrupps värdering och "
                  "prioritering av digital utveckling och förvaltning 2024</title>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"utkast\">UTKAST: körningen har fynd av nivån fel. De 2 felen ska "
                  "rättas") != std::string::npos);
  std::size_t at = 0;
  for (const char* heading :
       {"<h1>Förslag till rekommendation</h1>", "<h2>Bastjänsterna 2024</h2>",
        "<h2>Digital infrastruktur 2024</h2>", "<h1>Storleksmässiga skillnader</h1>",
        "<h1>Kostnadsutveckling 2022–2024</h1>",
        "<h2>Ekonomisk analys av förvaltningskostnad</h2>",
        "<h2>Ekonomisk analys av utvecklingskostnad</h2>",
        "<h1>Beredningsfunktionens flaggor</h1>",
        "<h1>Ekonomiska ramar per leverantör – en sammanställning</h1>",
        "<h1>Demokrati och medborgarservice</h1>", "<h2>Kort summering från årlig analys</h2>",
        "<h3>Alternativ A: Godkänna leverantörens hela förslag</h3>",
        "<h3>Alternativ B: Godkänna leverantörens förslag med justering</h3>",
        "<h1>Inköp och upphandling</h1>",
        "<h3>Alternativ C: Minskning av ramar – leverantören prioriterar</h3>",
        "<h1>Intraservice</h1>", "<h3>Alternativ D: Minskning av ramar – med medskick</h3>"}) {
    std::size_t found = html.find(heading, at);
    INFO(heading);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  // Self-contained: no scripts, no links to anything outside, A4 print styles.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("break-inside: avoid") != std::string::npos);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);

  AnnexInput clean{f.round, f.effects, &f.kunder, f.findings, false, nullptr};
  std::string final_html = beslutsbilaga_html(clean);
  CHECK(final_html.find("UTKAST") == std::string::npos);
}

TEST_CASE("annex HTML: recommendation frames '77 600 tkr + index', without index", "[annex]") {
  Fixture f;
  std::string text = visible(beslutsbilaga_html(f.input()));
  // DMS: 77 617 -> 77 600, 5 190 -> 5 200; INK 30 700 / 10 300; IS four frames.
  CHECK(text.find("Nämnden för demokrati och medborgarservice Ekonomisk ram "
                  "Ekonomisk ram för förvaltning av bastjänster 77 600 tkr + index "
                  "Ekonomisk ram för utveckling av bastjänster 5 200 tkr + index") !=
        std::string::npos);
  CHECK(text.find("Nämnden för inköp och upphandling Ekonomisk ram "
                  "Ekonomisk ram för förvaltning av bastjänster 30 700 tkr + index "
                  "Ekonomisk ram för utveckling av bastjänster 10 300 tkr + index") !=
        std::string::npos);
  CHECK(text.find("Ekonomisk ram för förvaltning av digital infrastruktur 782 600 tkr + index "
                  "Ekonomisk ram för utveckling av digital infrastruktur 63 400 tkr + index") !=
        std::string::npos);
  CHECK(text.find("Rekommendationen bygger på kostnaderna för 2024 i detta dokument och är utan "
                  "index") != std::string::npos);
  CHECK(text.find("Med KF:s index") == std::string::npos);
  // B: 5 190 − 300 = 4 890 -> 4 900; C: 8 900.
  CHECK(text.find("Ekonomisk ram för utveckling av bastjänster 4 900 tkr + index") !=
        std::string::npos);
  CHECK(text.find("Ekonomisk ram för utveckling av bastjänster 8 900 tkr + index") !=
        std::string::npos);
}

TEST_CASE("annex HTML: with KF's index the frames are also shown uplifted", "[annex]") {
  Fixture f;
  f.round.settings.kf_index = arsanalys::sammanstallning::Rational{33, 10};
  std::string text = visible(beslutsbilaga_html(f.input()));
  // 77 617 × 1,033 = 80 178,4 -> 80 200; 5 190 × 1,033 = 5 361,3 -> 5 400.
  CHECK(text.find("Ekonomisk ram Med KF:s index 3,3 % "
                  "Ekonomisk ram för förvaltning av bastjänster 77 600 tkr + index 80 200 tkr "
                  "Ekonomisk ram för utveckling av bastjänster 5 200 tkr + index 5 400 tkr") !=
        std::string::npos);
  CHECK(text.find("uppräknad med kommunfullmäktiges index, 3,3 %") != std::string::npos);
}

TEST_CASE("annex HTML: Tabell 1 and 2 as the annex shows them", "[annex]") {
  Fixture f;
  std::string html = beslutsbilaga_html(f.input());
  std::string text = visible(html);
  // Tabell 1: Intraservice by area, the effect in parentheses; HR 119 676 -> 119 700.
  CHECK(html.find("<tr><td class=\"omrade\">HR</td><td class=\"num\">99 300</td><td class=\"num\">119 700</td>"
                  "<td class=\"num\">131 900 (12 200)</td>"
                  "<td class=\"num\" data-skillnad=\"1,3 1,2\">12 200</td>"
                  "<td class=\"num\">10,2 %</td></tr>") != std::string::npos);
  CHECK(text.find("Ekonomi 32 600 45 900 45 900 0 0,0 %") != std::string::npos);
  CHECK(text.find("Ledning och styrning 23 000 33 000 42 000 (9 000)") != std::string::npos);
  CHECK(text.find("Digital infrastruktur 596 200 736 900 782 600 (45 700)") != std::string::npos);
  CHECK(text.find("Totalt Intraservice 773 800 958 500 1 025 900 67 400 7,0 %") !=
        std::string::npos);
  // DMS: the +30 effect vanishes in the rounding (no parentheses), as in the annex.
  CHECK(text.find("Demokrati och medborgarservice 43 800 77 600 77 600 0 0,0 %") !=
        std::string::npos);
  CHECK(text.find("Inköp och upphandling 20 900 28 500 30 700 (2 200) 2 200 7,7 %") !=
        std::string::npos);
  CHECK(text.find("Totalt 838 500 1 064 600 1 134 200 69 600 6,5 %") != std::string::npos);
  // Issue 13: "Skillnad förvaltningskostnad budget 2023/2024 är" is no Swedish sentence.
  CHECK(text.find("Tabell 1. Förvaltningskostnaden är 69 600 tkr högre i föreslagen budget 2024 "
                  "än i budget 2023, och 226 100 tkr högre i budget 2023 än i utfall 2022.") !=
        std::string::npos);
  // Tabell 2.
  CHECK(text.find("Totalt Intraservice 70 300 90 500 111 200 20 700 22,9 %") !=
        std::string::npos);
  CHECK(text.find("Demokrati och medborgarservice 0 7 000 5 200 \u22121 800 \u221225,7 %") !=
        std::string::npos);
  CHECK(text.find("Totalt 75 900 107 100 126 700 19 600 18,3 %") != std::string::npos);
  CHECK(text.find("Tabell 2. Utvecklingskostnaden är 19 600 tkr högre i föreslagen budget 2024 "
                  "än i budget 2023, och 31 200 tkr högre i budget 2023 än i utfall 2022.") !=
        std::string::npos);
}

TEST_CASE("annex HTML: sizes, supplier frames, years and diagrams", "[annex]") {
  Fixture f;
  std::string html = beslutsbilaga_html(f.input());
  std::string text = visible(html);
  // Storleksmässiga skillnader: 243 300 + 77 600 + 30 700 = 351 600 (the annex's 349 400 used
  // INK's budget, F10); development 63 300; DI 782 600 + 63 400 = 846 000.
  CHECK(text.find("Antal tjänster 28 22 Förvaltningskostnad 351 600 tkr 782 600 tkr "
                  "Utvecklingskostnad 63 300 tkr 63 400 tkr Total föreslagen budget 2024 "
                  "414 900 tkr 846 000 tkr") != std::string::npos);
  CHECK(text.find("Den digitala infrastrukturen är kostnadsmässigt 2,0 gånger så stor") !=
        std::string::npos);
  CHECK(text.find("Demokrati och medborgarservice – bastjänster 82 800 tkr") != std::string::npos);
  CHECK(text.find("Inköp och upphandling – bastjänster 41 000 tkr") != std::string::npos);
  CHECK(text.find("Intraservice – bastjänster och digital infrastruktur 1 137 100 tkr") !=
        std::string::npos);
  // The years (Diagram 1 and 2's data) and the growth 2022 -> 2023 of 28 procent.
  CHECK(text.find("Bastjänster 292 600 386 900 414 900 Digital infrastruktur 621 800 784 800 "
                  "846 000") != std::string::npos);
  CHECK(text.find("Totalt 914 400 1 171 700 1 260 900") != std::string::npos);
  CHECK(text.find("Totalt i 2024 års priser 984 000 1 210 400 1 260 900") != std::string::npos);
  CHECK(text.find("Den totala kostnaden ökade med 28 procent mellan utfall 2022 och budget "
                  "2023. Med föreslagen budget 2024 ökar den totala kostnaden med 8 procent "
                  "jämfört med budget 2023.") != std::string::npos);
  CHECK(html.find("<figure>\n<svg viewBox") != std::string::npos);
  CHECK(html.find("<figcaption>Diagram 1. Summorna är den totala kostnadsmassan för samtliga 28 "
                  "bastjänster från de tre leverantörerna och de 22 infrastrukturtjänsterna.") !=
        std::string::npos);
  CHECK(html.find("<figcaption>Diagram 2.") != std::string::npos);
  CHECK(html.find(">1 260 900</text>") != std::string::npos);  // a column's total in the SVG
  CHECK(html.find(">Utfall 2022</text>") != std::string::npos);
}

TEST_CASE("annex HTML: per-supplier summaries and the preparers' flags", "[annex]") {
  Fixture f;
  std::string text = visible(beslutsbilaga_html(f.input()));
  CHECK(text.find("Bastjänster kostnad förvaltning 177 600 221 600 243 300 "
                  "Bastjänster kostnad utveckling 44 700 42 600 47 800 "
                  "Bastjänster summerad kostnad 222 300 264 200 291 100 "
                  "Digital infrastruktur, kostnad förvaltning 596 200 736 900 782 600 "
                  "Digital infrastruktur, kostnad utveckling 25 600 47 900 63 400 "
                  "Digital infrastruktur summerad kostnad 621 800 784 800 846 000") !=
        std::string::npos);
  CHECK(text.find("Totalkostnad förvaltning 20 900 28 500 30 700 Totalkostnad utveckling 5 600 "
                  "9 600 10 300 Totalkostnad för tjänsterna 26 500 38 100 41 000") !=
        std::string::npos);
  // Issue 13: the genitive, and the figures as the tables print them (DMS's 77 600 -> 77 600
  // is "oförändrat", not "30 tkr högre" above a table that shows no change).
  CHECK(text.find("Inköp och upphandlings förslag till ekonomisk ram för digital förvaltning "
                  "2024 innebär en kostnadsökning med 8 procent (2 200 tkr) jämfört med budget "
                  "2023 (exklusive indexökning).") != std::string::npos);
  CHECK(text.find("Demokrati och medborgarservices förslag till ekonomisk ram för digital "
                  "förvaltning 2024 är oförändrat jämfört med budget 2023 (exklusive "
                  "indexökning).") != std::string::npos);
  CHECK(text.find("Demokrati och medborgarservices förslag till ekonomisk ram för digital "
                  "utveckling 2024 innebär en kostnadsminskning med 26 procent") !=
        std::string::npos);
  CHECK(text.find("Intraservices förslag till ekonomisk ram för digital förvaltning 2024 "
                  "innebär en kostnadsökning med 7 procent") != std::string::npos);
  // No program internals in the body (issue 13): the settings' lines are in "Om underlaget".
  CHECK(text.find("Index 2023–2024 för Intraservice: 3,3 % (det index beredningen räknar med "
                  "för leverantören).") != std::string::npos);
  // Flags.
  CHECK(text.find("7 av 8 förslag till nya förändringsinsatser saknar uppgifter som mallen "
                  "kräver, till exempel informationsklassning, riskanalys") != std::string::npos);
  CHECK(text.find("12 av 12 förslag") != std::string::npos);
  CHECK(text.find("Sammanlagt saknas beskrivning av vad som ska genomföras för 3,5 % av "
                  "kostnaderna i föreslagna ekonomiska ramar 2024 (39 800 tkr av 1 137 100 tkr") !=
        std::string::npos);
  CHECK(text.find("Kontrollerna hittade 2 fel i underlaget: summor, index eller tabeller som "
                  "inte stämmer.") != std::string::npos);
  CHECK(text.find("Kontrollerna hittade inga fel i underlaget.") != std::string::npos);
  CHECK(text.find(".xlsx", text.find("Förslag till rekommendation")) >
        text.find("Om underlaget"));
  CHECK(text.find("Underlaget föreslår inga nya förändringsinsatser.") != std::string::npos);
  CHECK(text.find("Demokrati och medborgarservice 8 7 0 0,0 % 2 1") != std::string::npos);
  CHECK(text.find("Intraservice 12 12 39 800 3,5 % 0 0") != std::string::npos);
}

TEST_CASE("annex HTML: alternative D's two variants, and its examples of X", "[annex]") {
  // Issue 13: D as the 2024 annex has it, not one variant per percentage.
  Fixture f;
  std::string text = visible(beslutsbilaga_html(f.input()));
  CHECK(text.find("Variant 1 av alternativ D – minskning av ramar, med medskick") !=
        std::string::npos);
  CHECK(text.find("Ekonomisk ram för förvaltning av bastjänster och digital infrastruktur "
                  "918 500 tkr* + index Ekonomisk ram för utveckling av bastjänster och digital "
                  "infrastruktur 90 500 tkr* + index *Beloppen är en sammanslagning av "
                  "bastjänster och digital infrastruktur.") != std::string::npos);
  CHECK(text.find("Variant 2 av alternativ D – minskning av ramar, med medskick") !=
        std::string::npos);
  CHECK(text.find("918 500 tkr* minus X % + index") != std::string::npos);
  // The examples on 958 500, Utfall 2022 among them, each against A (1 025 900 tkr).
  CHECK(text.find("Budget 2023 958 500 −67 400 −6,6 % Minskning av budget 2023 med 7 % 891 405 "
                  "−134 495 −13,1 %") != std::string::npos);
  CHECK(text.find("Utfall 2022 773 800 −252 100 −24,6 % Minskning av budget 2023 med 22 % "
                  "747 630 −278 270 −27,1 %") != std::string::npos);
  CHECK(text.find("Variant 3") == std::string::npos);
  // The group's medskick, once for both variants, before them.
  const std::string medskick =
      "Mot bakgrund av ovanstående ska Intraservice beakta följande medskick i sin prioritering: "
      "Säkerställa IT-säkerheten för staden. Säkerställa avtalsefterlevnad.";
  const std::size_t at = text.find(medskick);
  CHECK(at != std::string::npos);
  CHECK(at < text.find("Variant 1 av alternativ D"));
  CHECK(text.find(medskick, at + 1) == std::string::npos);
}

TEST_CASE("annex HTML: what each alternative means per customer", "[annex]") {
  Fixture f;
  std::string text = visible(beslutsbilaga_html(f.input()));
  // DMS B: 300 tkr, GSF carries 30 % = 90 tkr of A's 24 842 tkr (30 % of 82 807).
  // (Issue 13: "minskar med 0 tkr" and the file and sheet names left the annex's text.)
  CHECK(text.find("Jämfört med alternativ A är förvaltningsramen oförändrad och "
                  "utvecklingsramen 300 tkr lägre.") != std::string::npos);
  CHECK(text.find("Kund Under alternativ A (tkr) Minskning (tkr) Efter minskning (tkr) "
                  "Minskning i % av A Grundskoleförvaltningen (GSF) 24 842 90 24 752 0,4 %") !=
        std::string::npos);
  // Ten customers shown, the two least affected summed, the total is the cut.
  CHECK(text.find("Övriga 2 kunder") != std::string::npos);
  CHECK(text.find("Totalt 82 807 300 82 507 0,4 %") != std::string::npos);
  CHECK(text.find("De 10 kunder som påverkas mest står var för sig och de övriga 2 tillsammans; "
                  "varje kund redovisas i bilagans kalkylblad.") != std::string::npos);
  // IS D variant 1: förvaltning 1 025 900 − 918 500 = 107 400, utveckling 111 200 − 90 500.
  CHECK(text.find("är förvaltningsramen 107 400 tkr lägre och utvecklingsramen 20 700 tkr "
                  "lägre") != std::string::npos);
}

TEST_CASE("annex HTML: without a complete Utfall Y-2 no Y-2 totals, growth or bars", "[annex]") {
  Fixture f;
  f.round.suppliers[2].forvaltning[0].figures.utfall.reset();  // Intraservice, Ekonomi
  std::string html = beslutsbilaga_html(f.input());
  std::string text = visible(html);
  CHECK(text.find("Ekonomi – 45 900 45 900") != std::string::npos);
  CHECK(text.find("HR 99 300 119 700 131 900 (12 200)") != std::string::npos);
  CHECK(text.find("Totalt Intraservice – 958 500 1 025 900") != std::string::npos);
  CHECK(text.find("Totalt – 1 064 600 1 134 200 69 600") != std::string::npos);
  CHECK(text.find("högre i budget 2023 än i utfall 2022") != std::string::npos);  // Tabell 2 only
  CHECK(text.find("Utfall 2022 saknas i underlagen för Intraservice; summorna för 2022 visas "
                  "därför inte.") != std::string::npos);
  // Issue 13: a year missing for some suppliers is left out, not a column of dashes.
  CHECK(text.find("Bastjänster 386 900 414 900") != std::string::npos);
  CHECK(text.find("ökade med 28 procent") == std::string::npos);
  CHECK(html.find(">Utfall 2022</text>") == std::string::npos);  // not a bar in the diagrams
  CHECK(html.find(">Budget 2023</text>") != std::string::npos);
}

TEST_CASE("annex HTML: text from user files is escaped", "[annex]") {
  Fixture f;
  f.round.suppliers[1].name = "Nämnden för <inköp> & \"upphandling\"";
  f.round.suppliers[1].alternatives[0].frames[0].label = "Ram <b>fet</b> & 'citat'";
  for (auto& e : f.effects)
    if (e.name == 'C') e.supplier = f.round.suppliers[1].name;
  f.round.suppliers[2].lines[0].service = "Stöd <script>alert(1)</script>";
  f.round.suppliers[2].services[0].name = f.round.suppliers[2].lines[0].service;
  std::string html = beslutsbilaga_html(f.input());
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>fet") == std::string::npos);
  CHECK(html.find("<inköp>") == std::string::npos);
  CHECK(html.find("Nämnden för &lt;inköp&gt; &amp; &quot;upphandling&quot;") != std::string::npos);
  CHECK(html.find("<h1>&lt;inköp&gt; &amp; &quot;upphandling&quot;</h1>") != std::string::npos);
  CHECK(html.find("Ram &lt;b&gt;fet&lt;/b&gt; &amp; &#39;citat&#39;") != std::string::npos);
  CHECK(html.find("Stöd &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Kultur &amp; fritid &lt;Test&gt; &quot;AB&quot; (KUF)") != std::string::npos);
}

TEST_CASE("annex HTML and xlsx are the same bytes for the same round", "[annex]") {
  Fixture f;
  CHECK(beslutsbilaga_html(f.input()) == beslutsbilaga_html(f.input()));
  CHECK(beslutsbilaga_xlsx(f.input()) == beslutsbilaga_xlsx(f.input()));
}

TEST_CASE("annex xlsx: printed and viewed as the other workbooks", "[annex]") {
  Fixture f;
  std::string bytes = beslutsbilaga_xlsx(f.input());
  arsanalys::xlsx::ZipArchive zip(std::as_bytes(std::span<const char>(bytes.data(), bytes.size())),
                                  "beslutsbilaga.xlsx");
  Workbook wb = read_back(bytes);
  for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
    INFO(wb.sheets[i].name);
    std::string xml = zip.read(fmt::format("xl/worksheets/sheet{}.xml", i + 1), 1 << 24);
    // The draft mark in the printed header, the page in the footer.
    CHECK(xml.find("<oddHeader>&amp;C&amp;\"-,Bold\"UTKAST</oddHeader>") != std::string::npos);
    CHECK(xml.find("Sida &amp;P av &amp;N</oddFooter>") != std::string::npos);
    if (wb.sheets[i].name == "Per kund") {
      // Every table has the same columns: the first table's headings stay in view and are
      // printed on every page; the filter covers its customers, not its total.
      CHECK(xml.find("<pane ySplit=") != std::string::npos);
      CHECK(xml.find("<autoFilter ref=") != std::string::npos);
    }
    if (wb.sheets[i].name == "Kostnadsutveckling") {
      // Tables of different columns: nothing frozen that would head the wrong table.
      CHECK(xml.find("<pane ") == std::string::npos);
    }
  }
  std::string names = zip.read("xl/workbook.xml", 1 << 24);
  CHECK(names.find("_xlnm.Print_Titles") != std::string::npos);
}

TEST_CASE("annex xlsx: sheets, figures as numbers, totals as formulas", "[annex]") {
  Fixture f;
  Workbook wb = read_back(beslutsbilaga_xlsx(f.input()));
  std::vector<std::string> names;
  for (const Sheet& s : wb.sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Rekommendation", "Kostnadsutveckling", "Flaggor",
                                          "Alternativen", "Demokrati och medborgarservice",
                                          "Inköp och upphandling", "Intraservice", "Per kund",
                                          "Om underlaget"});

  SECTION("every sheet says UTKAST at the top") {
    for (const Sheet& s : wb.sheets) {
      const Cell* c = s.find(0, 0);
      REQUIRE(c != nullptr);
      CHECK(wb.text(*c).rfind("UTKAST: körningen har fynd av nivån fel. De 2 felen ska rättas",
                              0) == 0);
    }
  }
  SECTION("Rekommendation: frames as numbers in a tkr format, '+ index' beside") {
    const Sheet& s = *wb.sheet("Rekommendation");
    const Cell* label = find_text(wb, s, "Ekonomisk ram för förvaltning av bastjänster");
    REQUIRE(label != nullptr);
    CHECK(number_at(s, label->row, 1) == 77'600);
    CHECK(wb.format(*s.find(label->row, 1)).code == "#,##0 \"tkr\"");
    CHECK(wb.text(*s.find(label->row, 2)) == "+ index");
    CHECK(number_at(s, label->row + 1, 1) == 5'200);
    CHECK(find_text(wb, s, "Nämnden för Intraservice") != nullptr);
  }
  SECTION("Kostnadsutveckling: Tabell 1 rows, the effect column, live totals") {
    const Sheet& s = *wb.sheet("Kostnadsutveckling");
    const Cell* hr = nullptr;
    for (const Cell& c : s.cells)  // HR of Tabell 1 (the first HR with an effect beside it)
      if (c.type == CellType::string && wb.text(c) == "HR" && s.find(c.row, 4) != nullptr &&
          hr == nullptr)
        hr = &c;
    REQUIRE(hr != nullptr);
    CHECK(number_at(s, hr->row, 1) == 99'300);
    CHECK(number_at(s, hr->row, 2) == 119'700);
    CHECK(number_at(s, hr->row, 3) == 131'900);
    CHECK(number_at(s, hr->row, 4) == 12'200);
    CHECK(wb.formula(*s.find(hr->row, 5)) ==
          arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{hr->row, 3}) + "-" +
              arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{hr->row, 2}));
    const Cell* total = find_text(wb, s, "Totalt Intraservice");
    REQUIRE(total != nullptr);
    const Cell* sum = s.find(total->row, 3);
    REQUIRE(sum != nullptr);
    CHECK(sum->number == 1'025'900);
    std::string first = arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{total->row - 5, 3});
    std::string last = arsanalys::xlsx::to_string(arsanalys::xlsx::CellRef{total->row - 1, 3});
    CHECK(wb.formula(*sum) == "SUM(" + first + ":" + last + ")");
    CHECK(find_text(wb, s, "Storleksmässiga skillnader") != nullptr);
    CHECK(find_text(wb, s, "Kostnadsutveckling 2022–2024") != nullptr);
    const Cell* bas = find_text(wb, s, "Bastjänster");
    REQUIRE(bas != nullptr);
  }
  SECTION("Intraservice: D's table of examples and the frames") {
    const Sheet& s = *wb.sheet("Intraservice");
    const Cell* base = nullptr;  // the label, not the summary's column heading
    for (const Cell& c : s.cells)
      if (c.col == 0 && c.type == CellType::string && wb.text(c) == "Budget 2023") base = &c;
    REQUIRE(base != nullptr);
    CHECK(number_at(s, base->row, 1) == 958'500);
    CHECK(number_at(s, base->row + 1, 1) == 891'405);
    CHECK(number_at(s, base->row + 2, 1) == 843'480);
    CHECK(number_at(s, base->row + 3, 1) == 795'555);
    CHECK(wb.text(*s.find(base->row + 4, 0)) == "Utfall 2022");
    CHECK(number_at(s, base->row + 4, 1) == 773'800);
    CHECK(number_at(s, base->row + 5, 1) == 747'630);
  }
  SECTION("Per kund: every customer of every alternative, exact, with a live total") {
    const Sheet& s = *wb.sheet("Per kund");
    const Cell* gsf = find_text(wb, s, "GSF");
    REQUIRE(gsf != nullptr);
    CHECK(wb.text(*s.find(gsf->row, 1)) == "Grundskoleförvaltningen");
    CHECK(number_at(s, gsf->row, 2) == 24'842);  // whole tkr, stored as shown
    CHECK(number_at(s, gsf->row, 3) == 90);
    CHECK(find_text(wb, s, "REN") != nullptr);  // the twelfth, shown only here
    const Cell* total = nullptr;
    for (const Cell& c : s.cells)
      if (c.type == CellType::string && wb.text(c) == "Totalt" && c.row > gsf->row) {
        total = &c;
        break;
      }
    REQUIRE(total != nullptr);
    const Cell* cut = s.find(total->row, 3);
    REQUIRE(cut != nullptr);
    CHECK(cut->number == Approx(300));
    CHECK(wb.formula(*cut).rfind("SUM(", 0) == 0);
  }
  SECTION("Flaggor: counts per supplier") {
    const Sheet& s = *wb.sheet("Flaggor");
    const Cell* is = find_text(wb, s, "Intraservice");
    REQUIRE(is != nullptr);
    CHECK(number_at(s, is->row, 1) == 12);
    CHECK(number_at(s, is->row, 2) == 12);
    CHECK(number_at(s, is->row, 3) == 39'800);
    CHECK(number_at(s, is->row, 4) == Approx(0.035).epsilon(0.01));
    const Cell* dms = find_text(wb, s, "Demokrati och medborgarservice");
    REQUIRE(dms != nullptr);
    CHECK(number_at(s, dms->row, 5) == 2);
  }
}

// Writes the fixture's annex for tests/output/annex_outputs.py (Chromium, openpyxl,
// LibreOffice). Hidden: run only as `arsanalys_tests "[annex_files]"` with ARSANALYS_ANNEX_OUT.
TEST_CASE("annex files for the print and spreadsheet tests", "[.][annex_files]") {
  const char* out = std::getenv("ARSANALYS_ANNEX_OUT");
  REQUIRE(out != nullptr);
  Fixture f;
  fs::create_directories(out);
  arsanalys::write_file_atomic(fs::path(out) / "beslutsbilaga.html",
                               beslutsbilaga_html(f.input()));
  arsanalys::write_file_atomic(fs::path(out) / "beslutsbilaga.xlsx",
                               beslutsbilaga_xlsx(f.input()));
}

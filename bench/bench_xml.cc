// The reader's XML parser against pugixml on the same parts (docs/performance.md, "Ett
// XML-läsverktyg", issue 17): which of the two should read every part of a workbook. Each XML
// file (a part unzipped beforehand, e.g. a worksheet) is read REPS times by
//
//   - pull: the reader's XmlReader, fed from memory in 64 KiB chunks as the zip stream feeds it;
//   - dom:  pugixml, parsed in place (escapes, end-of-line handling, CDATA, a value's text held
//           by its element, white space kept only where it is an element's whole text: what
//           the reader would need), then walked;
//
// and both walks touch the same things: every element's local name, the attributes r, t and s
// of each `c`, and every text's bytes. Prints, per file, the median CPU time of each (this
// thread's, so a loaded machine inflates it less than wall time), pugixml's parse alone, and
// what each holds: the DOM's bytes (counted through pugixml's allocation hook) beside the part
// itself, which a DOM needs whole; the pull reader holds one buffer of 128 KiB.
//
//   arsanalys_bench_xml REPS FILE.xml...

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "xlsx/xml_reader.h"

namespace {

using arsanalys::xlsx::XmlEvent;
using arsanalys::xlsx::XmlReader;

// pugixml's allocations, counted: the DOM's size, exactly.
std::size_t dom_bytes = 0;
void* counting_allocate(std::size_t size) {
  // A header keeps each block's size so that freeing it can be counted too.
  auto* block = static_cast<std::size_t*>(std::malloc(size + sizeof(std::max_align_t)));
  if (block == nullptr) return nullptr;
  *block = size;
  dom_bytes += size;
  return reinterpret_cast<char*>(block) + sizeof(std::max_align_t);
}
void counting_deallocate(void* p) {
  if (p == nullptr) return;
  auto* block = reinterpret_cast<std::size_t*>(static_cast<char*>(p) - sizeof(std::max_align_t));
  dom_bytes -= *block;
  std::free(block);
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::string_view local(std::string_view name) {
  auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// Text counts unless it is white space only: the DOM keeps such text only as an element's
/// whole content.
std::size_t text_size(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos ? 0 : text.size();
}

/// What a walk saw; both parsers must agree on it.
struct Seen {
  std::size_t elements = 0, cells = 0, attribute_bytes = 0, text_bytes = 0;
  bool operator==(const Seen&) const = default;
};

Seen walk_pull(const std::string& text) {
  std::size_t pos = 0;
  XmlReader xml(
      [&](char* out, std::size_t n) {
        std::size_t k = std::min({n, std::size_t{64} << 10, text.size() - pos});
        std::memcpy(out, text.data() + pos, k);
        pos += k;
        return k;
      },
      "part", "bench");
  Seen seen;
  for (XmlEvent e = xml.next(); e != XmlEvent::eof; e = xml.next()) {
    if (e == XmlEvent::start) {
      ++seen.elements;
      if (xml.name() == "c") {
        ++seen.cells;
        seen.attribute_bytes += xml.attr("r").size() + xml.attr("t").size() + xml.attr("s").size();
      }
    } else if (e == XmlEvent::text) {
      seen.text_bytes += text_size(xml.text());
    }
  }
  return seen;
}

constexpr unsigned kDomFlags = pugi::parse_minimal | pugi::parse_escapes | pugi::parse_eol |
                               pugi::parse_cdata | pugi::parse_ws_pcdata_single |
                               pugi::parse_embed_pcdata;

Seen walk_dom(const pugi::xml_document& doc) {
  Seen seen;
  // Depth first without recursion: a hostile depth must not overflow the stack.
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (node.type() == pugi::node_element) {
      ++seen.elements;
      if (local(node.name()) == "c") {
        ++seen.cells;
        for (pugi::xml_attribute a : node.attributes()) {
          std::string_view name = local(a.name());
          if (name == "r" || name == "t" || name == "s") {
            seen.attribute_bytes += std::strlen(a.value());
          }
        }
      }
      seen.text_bytes += text_size(node.value());  // embedded text (parse_embed_pcdata)
    } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      seen.text_bytes += text_size(node.value());
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  return seen;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: arsanalys_bench_xml REPS FILE.xml...\n");
    return 2;
  }
  const int reps = std::max(1, std::atoi(argv[1]));
  pugi::set_memory_management_functions(counting_allocate, counting_deallocate);
  std::printf("| part | MB | elements | pull CPU ms | dom CPU ms (parse) | dom/pull | "
              "dom MB + part MB | dom bytes/element |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  try {
    for (int f = 2; f < argc; ++f) {
      std::ifstream in(argv[f], std::ios::binary);
      const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      std::vector<double> pull_ms, dom_ms, parse_ms;
      Seen pull_seen, dom_seen;
      std::size_t dom_peak = 0;
      for (int r = 0; r < reps; ++r) {
        double t0 = cpu_ms();
        pull_seen = walk_pull(text);
        pull_ms.push_back(cpu_ms() - t0);

        std::string copy = text;  // parsed in place; the copy is not timed
        pugi::xml_document doc;
        dom_bytes = 0;
        t0 = cpu_ms();
        pugi::xml_parse_result ok =
            doc.load_buffer_inplace(copy.data(), copy.size(), kDomFlags, pugi::encoding_utf8);
        double t1 = cpu_ms();
        if (!ok) {
          std::fprintf(stderr, "%s: pugixml: %s at %td\n", argv[f], ok.description(), ok.offset);
          return 1;
        }
        dom_seen = walk_dom(doc);
        dom_ms.push_back(cpu_ms() - t0);
        parse_ms.push_back(t1 - t0);
        dom_peak = std::max(dom_peak, dom_bytes);
      }
      if (!(pull_seen == dom_seen)) {
        std::fprintf(stderr, "%s: the walks disagree (elements %zu/%zu, text %zu/%zu)\n", argv[f],
                     pull_seen.elements, dom_seen.elements, pull_seen.text_bytes,
                     dom_seen.text_bytes);
        return 1;
      }
      const double mb = 1024.0 * 1024.0;
      std::printf("| %s | %.1f | %zu | %.1f | %.1f (%.1f) | %.1fx | %.1f + %.1f | %.0f |\n", argv[f],
                  static_cast<double>(text.size()) / mb, pull_seen.elements, median(pull_ms),
                  median(dom_ms), median(parse_ms), median(dom_ms) / median(pull_ms),
                  static_cast<double>(dom_peak) / mb, static_cast<double>(text.size()) / mb,
                  static_cast<double>(dom_peak) / static_cast<double>(pull_seen.elements));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}

#include "writer/xlsx_styles.h"

#include <fmt/format.h>

#include <algorithm>

#include "writer/xlsx_parts.h"

namespace arsanalys::writer {
namespace {

using style::Look;
using xlsx_parts::Out;
using xlsx_parts::kXmlHead;
using xlsx_parts::kMainNs;

/// Excel's built-in number formats that our looks use, by code.
int builtin_format(std::string_view code) {
  static constexpr std::pair<std::string_view, int> kBuiltin[] = {
      {"", 0},         {"0", 1},     {"0.00", 2},  {"#,##0", 3},
      {"#,##0.00", 4}, {"0%", 9},    {"0.00%", 10}, {"0.00E+00", 11}};
  for (const auto& [c, id] : kBuiltin) {
    if (c == code) return id;
  }
  return -1;
}

/// A cell's borders: 0 none, 1 thin, 2 double, by side.
struct Borders {
  int left = 0, right = 0, top = 0, bottom = 0;
  auto operator<=>(const Borders&) const = default;
};

Borders borders_of(const Look& l) {
  Borders b;
  if (l.boxed) b = {1, 1, 1, 1};
  if (l.rule) b.top = 1;
  if (l.double_under) b.bottom = 2;
  return b;
}

/// styles.xml for the looks in cellXfs order (index 1 onwards; 0 is Excel's default), as
/// libxlsxwriter writes it for the same looks through writer::Formats.
std::string styles_part(const std::vector<const Look*>& xf_looks) {
  // Fonts, fills, borders and number formats of the looks, each once, in order of first use.
  struct FontKey {
    bool bold, italic, underline;
    double size;
    style::Color color;  // kNoFill: the default
    auto operator<=>(const FontKey&) const = default;
  };
  std::vector<FontKey> fonts{{false, false, false, 11, style::kNoFill}};
  std::vector<style::Color> fills{style::kNoFill, style::kNoFill};  // none, gray125
  std::vector<Borders> borders{Borders{}};
  std::vector<std::string_view> codes;
  auto index_of = [](auto& list, const auto& value, std::size_t from) {
    auto it = std::find(list.begin() + static_cast<std::ptrdiff_t>(from), list.end(), value);
    if (it == list.end()) {
      list.push_back(value);
      return list.size() - 1;
    }
    return static_cast<std::size_t>(it - list.begin());
  };
  struct Xf {
    std::size_t num, font, fill, border;
    const Look* look;
  };
  std::vector<Xf> xfs;
  for (const Look* look : xf_looks) {
    Xf x{0, 0, 0, 0, look};
    int builtin = builtin_format(look->number);
    x.num = builtin >= 0 ? static_cast<std::size_t>(builtin)
                         : 164 + index_of(codes, look->number, 0);
    x.font = index_of(fonts,
                      FontKey{look->bold, look->italic, look->link,
                              look->size > 0 ? look->size : 11,
                              look->link ? style::kLinkColor : look->color},
                      0);
    x.fill = look->fill == style::kNoFill ? 0 : index_of(fills, look->fill, 2);
    x.border = index_of(borders, borders_of(*look), 0);
    xfs.push_back(x);
  }

  Out out;
  out << kXmlHead << "<styleSheet xmlns=\"" << kMainNs << "\">";
  if (!codes.empty()) {
    out << "<numFmts count=\"" << static_cast<std::uint64_t>(codes.size()) << "\">";
    for (std::size_t i = 0; i < codes.size(); ++i) {
      out << "<numFmt numFmtId=\"" << static_cast<std::uint64_t>(164 + i) << "\" formatCode=\"";
      out.escaped(codes[i], true) << "\"/>";
    }
    out << "</numFmts>";
  }
  out << "<fonts count=\"" << static_cast<std::uint64_t>(fonts.size()) << "\">";
  for (const FontKey& f : fonts) {
    out << "<font>" << (f.bold ? "<b/>" : "") << (f.italic ? "<i/>" : "")
        << (f.underline ? "<u/>" : "") << "<sz val=\"";
    out.num(f.size) << "\"/>";
    if (f.color != style::kNoFill) out << "<color rgb=\"" << fmt::format("FF{:06X}", f.color) << "\"/>";
    out << "<name val=\"Calibri\"/><family val=\"2\"/></font>";
  }
  out << "</fonts><fills count=\"" << static_cast<std::uint64_t>(fills.size())
      << "\"><fill><patternFill patternType=\"none\"/></fill>"
         "<fill><patternFill patternType=\"gray125\"/></fill>";
  for (std::size_t i = 2; i < fills.size(); ++i) {
    out << "<fill><patternFill patternType=\"solid\"><fgColor rgb=\""
        << fmt::format("FF{:06X}", fills[i])
        << "\"/><bgColor indexed=\"64\"/></patternFill></fill>";
  }
  out << "</fills><borders count=\"" << static_cast<std::uint64_t>(borders.size()) << "\">";
  auto side = [&](std::string_view name, int kind) {
    if (kind == 0) {
      out << '<' << name << "/>";
    } else {
      out << '<' << name << (kind == 2 ? " style=\"double\"" : " style=\"thin\"")
          << "><color auto=\"1\"/></" << name << '>';
    }
  };
  for (const Borders& b : borders) {
    out << "<border>";
    side("left", b.left);
    side("right", b.right);
    side("top", b.top);
    side("bottom", b.bottom);
    out << "<diagonal/></border>";
  }
  out << "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
         "borderId=\"0\"/></cellStyleXfs><cellXfs count=\""
      << static_cast<std::uint64_t>(xfs.size() + 1)
      << "\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";
  for (const Xf& x : xfs) {
    const Look& l = *x.look;
    out << "<xf numFmtId=\"" << static_cast<std::uint64_t>(x.num) << "\" fontId=\""
        << static_cast<std::uint64_t>(x.font) << "\" fillId=\""
        << static_cast<std::uint64_t>(x.fill) << "\" borderId=\""
        << static_cast<std::uint64_t>(x.border) << "\" xfId=\"0\"";
    if (x.num != 0) out << " applyNumberFormat=\"1\"";
    if (x.font != 0) out << " applyFont=\"1\"";
    if (x.fill != 0) out << " applyFill=\"1\"";
    if (x.border != 0) out << " applyBorder=\"1\"";
    out << " applyAlignment=\"1\"";
    if (l.unlocked) out << " applyProtection=\"1\"";
    // As libxlsxwriter: the last horizontal alignment set wins, and an indent without one is
    // to the left.
    std::string_view horizontal = l.left     ? "left"
                                  : l.right  ? "right"
                                  : l.center ? "center"
                                  : l.indent ? "left"
                                             : "";
    out << "><alignment";
    if (!horizontal.empty()) out << " horizontal=\"" << horizontal << '"';
    out << (l.middle ? " vertical=\"center\"" : " vertical=\"top\"");
    if (l.indent > 0) out << " indent=\"" << static_cast<std::uint32_t>(l.indent) << '"';
    out << (l.wrap ? " wrapText=\"1\"" : "") << "/>";
    if (l.unlocked) out << "<protection locked=\"0\"/>";
    out << "</xf>";
  }
  out << "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" "
         "builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" "
         "defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>"
         "</styleSheet>";
  return out.take();
}

}  // namespace

// --- LookTable --------------------------------------------------------------------------------

std::uint64_t LookTable::hash(const Look& l) {
  std::size_t flags = (l.bold ? 1u : 0u) | (l.italic ? 2u : 0u) | (l.wrap ? 4u : 0u) |
                      (l.rule ? 8u : 0u) | (l.boxed ? 16u : 0u) | (l.center ? 32u : 0u) |
                      (l.link ? 64u : 0u) | (l.right ? 128u : 0u) | (l.left ? 256u : 0u) |
                      (l.middle ? 512u : 0u) | (l.double_under ? 1024u : 0u) |
                      (l.unlocked ? 2048u : 0u) | static_cast<std::size_t>(l.indent) << 12;
  std::size_t code = l.number.size() << 8 |
                     (l.number.empty() ? 0u : static_cast<unsigned char>(l.number.back()));
  std::size_t h = flags ^ code << 20 ^ static_cast<std::size_t>(l.fill) << 23 ^
                  static_cast<std::size_t>(l.color) << 27 ^
                  static_cast<std::size_t>(l.size * 4) << 48;
  return h * 0x9E3779B97F4A7C15ull >> 17;
}

std::uint32_t LookTable::id(const Look& look) {
  Recent& recent = recent_[(reinterpret_cast<std::uintptr_t>(&look) >> 4) % recent_.size()];
  if (recent.at == &look && kept_[recent.id] == look) return recent.id;
  const std::uint64_t h = hash(look);
  for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
    if (hashes_[id] == h && kept_[id] == look) {
      recent = {&look, id};
      return id;
    }
  }
  const auto id = static_cast<std::uint32_t>(kept_.size());
  kept_.push_back(look);
  hashes_.push_back(h);
  recent = {&look, id};
  return id;
}

std::uint32_t LookTable::xf(std::uint32_t id) {
  if (id >= xfs_.size()) xfs_.resize(kept_.size(), 0);
  std::uint32_t& xf = xfs_[id];
  if (xf == 0) {
    in_order_.push_back(&kept_[id]);
    xf = static_cast<std::uint32_t>(in_order_.size());
  }
  return xf;
}

std::string LookTable::styles() const { return styles_part(in_order_); }

}  // namespace arsanalys::writer

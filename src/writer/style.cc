#include "writer/style.h"

#include <array>
#include <string>

namespace arsanalys::writer::style {

std::string_view decimals_format(int decimals) {
  static const std::array<std::string, 16> kFormats = [] {
    std::array<std::string, 16> f;
    for (std::size_t d = 0; d < f.size(); ++d) {
      f[d] = std::string(kWhole) + (d > 0 ? "." + std::string(d, '0') : "");
    }
    return f;
  }();
  const auto d = static_cast<std::size_t>(decimals < 0 ? 0 : decimals > 15 ? 15 : decimals);
  return kFormats[d];
}

std::string draft_banner(std::string_view then) {
  std::string text = "UTKAST: körningen har fynd av nivån fel.";
  if (!then.empty()) text += ' ';
  text += then;
  return text;
}

Look title_look() { return {.bold = true, .size = 14}; }
Look subtitle_look() { return {.bold = true, .size = 12}; }
Look heading_look() { return {.bold = true, .fill = kHeadingFill, .wrap = true, .boxed = true}; }
Look bold_look() { return {.bold = true}; }
Look note_look() { return {.italic = true}; }
Look kronor_look(bool total) {
  return {.bold = total, .number = kKronor, .fill = total ? kSubtleFill : kNoFill, .rule = total};
}
Look percent_look(bool total) {
  return {.bold = total, .number = kShare, .fill = total ? kSubtleFill : kNoFill, .rule = total};
}
Look total_text_look() { return {.bold = true, .fill = kSubtleFill, .rule = true}; }
Look banner_look() { return {.bold = true, .fill = kDraftFill, .size = 12, .color = kDraftText}; }
Look input_look() { return {.fill = kInputFill, .boxed = true, .unlocked = true}; }
Look link_look() { return {.link = true}; }

}  // namespace arsanalys::writer::style

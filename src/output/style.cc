#include "output/style.h"

namespace arsanalys::output::style {

Look title_look() { return {.bold = true, .size = 14}; }
Look heading_look() { return {.bold = true, .fill = kHeadingFill, .wrap = true, .boxed = true}; }
Look bold_look() { return {.bold = true}; }
Look kronor_look(bool total) {
  return {.bold = total, .number = std::string(kKronor), .fill = total ? kSubtleFill : kNoFill,
          .rule = total};
}
Look percent_look(bool total) {
  return {.bold = total, .number = std::string(kShare), .fill = total ? kSubtleFill : kNoFill,
          .rule = total};
}
Look total_text_look() { return {.bold = true, .fill = kSubtleFill, .rule = true}; }

}  // namespace arsanalys::output::style

#pragma once
// Small pieces for writing self-contained HTML: escaping text from user files, and a stacked
// column chart as inline SVG (no scripts, no external resources).

#include <string>
#include <string_view>
#include <vector>

namespace arsanalys::writer::html {

/// Text escaped for HTML element content and attribute values: & < > " '.
///
///   escape("A & <B>") == "A &amp; &lt;B&gt;"
std::string escape(std::string_view text);

/// One series of a stacked column chart: its name and one value per category.
struct Series {
  std::string name;
  std::vector<double> values;  // same length as the categories; negatives are drawn as 0
};

/// A stacked column chart as an `<svg>` element: one column per category, series stacked from
/// the bottom in order, each segment labelled with `labels[s][c]` when it is tall enough, the
/// column's total label above it, a legend on the right. Values in any unit (the labels say
/// which); `axis_label` names it ("tkr"). `title` becomes the SVG's <title> for readers.
std::string stacked_columns(const std::vector<std::string>& categories,
                            const std::vector<Series>& series,
                            const std::vector<std::vector<std::string>>& labels,
                            const std::vector<std::string>& total_labels,
                            std::string_view title, std::string_view axis_label,
                            std::string (*axis_text)(double));

}  // namespace arsanalys::writer::html

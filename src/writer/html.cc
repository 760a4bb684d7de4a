#include "writer/html.h"

#include <fmt/format.h>

#include "core/text.h"
#include "writer/style.h"

#include <algorithm>
#include <cmath>

namespace arsanalys::writer::html {

std::string escape(std::string_view raw) {
  // Text fit for HTML first: no control character, no invalid UTF-8 (clean_text()).
  const std::string text = cleaned(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// The chart fills (style.h), and the text on each.
std::string fill_of(std::size_t series) {
  return fmt::format("#{:06x}", style::kChartFills[series % style::kChartFills.size()]);
}
constexpr const char* kTextOn[] = {"#ffffff", "#000000", "#ffffff", "#000000"};

/// A "nice" axis step (1, 2 or 5 × 10^k) giving about `ticks` steps up to `max`.
double nice_step(double max, int ticks) {
  if (max <= 0) return 1;
  double raw = max / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * mag) return m * mag;
  }
  return 10 * mag;
}

/// Coordinates with one decimal, the same on every machine.
std::string num(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

std::string stacked_columns(const std::vector<std::string>& categories,
                            const std::vector<Series>& series,
                            const std::vector<std::vector<std::string>>& labels,
                            const std::vector<std::string>& total_labels,
                            std::string_view title, std::string_view axis_label,
                            std::string (*axis_text)(double)) {
  constexpr double kWidth = 640, kHeight = 300;
  constexpr double kLeft = 78, kRight = 470, kTop = 28, kBottom = 258;
  std::size_t n = categories.size();
  std::vector<double> totals(n, 0);
  for (const Series& s : series)
    for (std::size_t c = 0; c < n && c < s.values.size(); ++c) totals[c] += std::max(0.0, s.values[c]);
  double max = n == 0 ? 0 : *std::max_element(totals.begin(), totals.end());
  double step = nice_step(max, 5);
  double top = std::max(step, std::ceil(max / step) * step);
  auto y_of = [&](double v) { return kBottom - (kBottom - kTop) * v / top; };

  std::string out = fmt::format(
      "<svg viewBox=\"0 0 {} {}\" role=\"img\" "
      "font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"11\">\n"
      "<title>{}</title>\n<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      kWidth, kHeight, escape(title), kWidth, kHeight);
  // Grid lines and the axis.
  for (double v = 0; v <= top + step / 2; v += step) {
    double y = y_of(v);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#bfbfbf\" stroke-width=\"0.6\"/>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
        num(kLeft), num(y), num(kRight), num(y), num(kLeft - 6), num(y + 4),
        escape(axis_text(v)));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text>\n", num(4),
                     num(kTop - 12), escape(axis_label));
  // Columns.
  double slot = n == 0 ? 0 : (kRight - kLeft) / static_cast<double>(n);
  double bar = std::min(90.0, slot * 0.55);
  for (std::size_t c = 0; c < n; ++c) {
    double x = kLeft + slot * (static_cast<double>(c) + 0.5) - bar / 2;
    double base = 0;
    for (std::size_t s = 0; s < series.size(); ++s) {
      double v = c < series[s].values.size() ? std::max(0.0, series[s].values[c]) : 0;
      double y0 = y_of(base), y1 = y_of(base + v);
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#000000\" "
          "stroke-width=\"0.4\"/>\n",
          num(x), num(y1), num(bar), num(y0 - y1), fill_of(s));
      if (y0 - y1 >= 14 && s < labels.size() && c < labels[s].size()) {
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
            num(x + bar / 2), num((y0 + y1) / 2 + 4), kTextOn[s % 4], escape(labels[s][c]));
      }
      base += v;
    }
    if (c < total_labels.size()) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n",
          num(x + bar / 2), num(y_of(base) - 5), escape(total_labels[c]));
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       num(x + bar / 2), num(kBottom + 18), escape(categories[c]));
  }
  out += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000000\" stroke-width=\"1\"/>\n",
      num(kLeft), num(kBottom), num(kRight), num(kBottom));
  // Legend, top series first as the stack reads.
  double ly = kTop + 10;
  for (std::size_t k = series.size(); k-- > 0;) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000000\" "
        "stroke-width=\"0.4\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
        num(kRight + 22), num(ly), fill_of(k), num(kRight + 42), num(ly + 11),
        escape(series[k].name));
    ly += 22;
  }
  out += "</svg>";
  return out;
}

}  // namespace arsanalys::writer::html

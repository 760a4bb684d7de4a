// `arsanalys validate`: a supplier's self-check. Reads each file, recognises its tables, runs
// the checks and prints the findings grouped by file and table (or the contract's JSON).

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "analys/recognise.h"
#include "app/commands.h"
#include "app/round_inputs.h"
#include "inputs/ingest.h"
#include "core/names.h"
#include "core/output_dir.h"
#include "output/result_json.h"
#include "output/review_writer.h"

namespace arsanalys::app {
namespace {

std::string table_heading(const analys::Table& t) {
  return fmt::format("{} (blad '{}' {})", analys::table_name(t.id).title, t.sheet,
                     xlsx::to_string(t.range));
}

/// The table a finding's cell lies in, or nullptr.
const analys::Table* table_of(const Finding& f, const analys::Submission& s) {
  auto ref = xlsx::parse_cell_ref(f.where.cell);
  if (!ref) return nullptr;
  auto inside = [&](const analys::Table& t) {
    return t.sheet == f.where.sheet && ref->row >= t.range.first.row &&
           ref->row <= t.range.last.row && ref->col >= t.range.first.col &&
           ref->col <= t.range.last.col;
  };
  for (const auto& t : s.tables) {
    if (inside(t)) return &t;
  }
  for (const auto& t : s.summaries) {
    if (inside(t)) return &t;
  }
  return nullptr;
}

void print_finding(const Finding& f, std::ostream& out) {
  std::string where = f.where.cell.empty() ? f.where.sheet : f.where.cell;
  out << fmt::format("    {:<8} {:<6} {:<20} {}\n", level_name(f.level), where, f.code, f.message);
}

void print_report(const std::vector<std::string>& files,
                  const std::vector<analys::Submission>& submissions, const Findings& findings,
                  std::ostream& out) {
  for (const std::string& file : files) {
    auto s = std::find_if(submissions.begin(), submissions.end(),
                          [&](const auto& x) { return x.file == file; });
    std::vector<const Finding*> mine;
    for (const Finding& f : findings) {
      if (f.where.file == file) mine.push_back(&f);
    }
    if (s == submissions.end()) {
      out << fmt::format("{}\n", file);
      for (const Finding* f : mine) print_finding(*f, out);
      out << "\n";
      continue;
    }
    out << fmt::format("{}: {}{}\n", file, s->supplier,
                       s->year ? fmt::format(", analysår {}", s->year) : std::string());
    std::vector<const analys::Table*> tables;
    for (const auto& t : s->tables) tables.push_back(&t);
    for (const auto& t : s->summaries) tables.push_back(&t);
    for (const analys::Table* t : tables) {
      out << fmt::format("  {}\n", table_heading(*t));
      for (const Finding* f : mine) {
        if (table_of(*f, *s) == t) print_finding(*f, out);
      }
    }
    bool other = std::any_of(mine.begin(), mine.end(),
                             [&](const Finding* f) { return table_of(*f, *s) == nullptr; });
    if (other) {
      out << fmt::format("  Övrigt ({} förslag enligt 2.2)\n", s->proposals.size());
      for (const Finding* f : mine) {
        if (table_of(*f, *s) == nullptr) print_finding(*f, out);
      }
    }
    out << "\n";
  }
  out << fmt::format("Summering: {}.\n", count_levels(findings));
}

/// The review copy's name of a file shown as `name` ("a/inkop.xlsx" -> "a_inkop.xlsx").
std::string review_name(std::string name, std::set<std::string>& taken) {
  std::replace(name.begin(), name.end(), '/', '_');
  return unique_file_name(output::review_file_name(name), taken);
}

}  // namespace

ExitCode validate(const ValidateOptions& options, std::ostream& out,
                  [[maybe_unused]] std::ostream& err) {
  const analys::TemplateDef& def = analys::builtin_template();
  Findings findings;
  std::vector<analys::Submission> submissions;
  std::vector<std::string> files;
  std::vector<std::filesystem::path> reviews;  // review copies written (-o)
  // One file named twice is checked once; two files of one name get names that tell them
  // apart ("a/inkop.xlsx", "b/inkop.xlsx"), so their findings and review copies never mix.
  std::vector<Named> named = name_files(options.files, findings);
  std::optional<OutputLock> lock;
  std::set<std::string> taken;
  if (options.out_dir) {
    InputSet inputs;
    for (const Named& n : named) inputs.add_file(n.path);
    const std::filesystem::path folder = *options.out_dir / "granskning";
    for (const auto& dir : {*options.out_dir, folder}) {
      if (std::string why = inputs.refuse_folder(dir); !why.empty()) throw RunError(why);
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      throw RunError(fmt::format("Kan inte skapa mappen {}: {}.", folder.string(),
                                 system_error_text(ec.value())));
    }
    lock.emplace(*options.out_dir);
    for (const Named& n : named) {
      std::filesystem::path review = folder / review_name(n.name, taken);
      if (std::string why = inputs.refuse_file(review); !why.empty()) throw RunError(why);
    }
    taken.clear();
  }
  for (const Named& n : named) {
    files.push_back(n.name);
    // The same check as the self-check web page's (check_bytes).
    Checked c = check_file(n.path, def, n.name);
    if (c.in && options.out_dir) {
      reviews.push_back(*options.out_dir / "granskning" / review_name(n.name, taken));
      output::write_review(def, c.in->submission, c.in->workbook, c.findings, reviews.back());
    }
    if (c.in) submissions.push_back(std::move(c.in->submission));
    findings.insert(findings.end(), c.findings.begin(), c.findings.end());
  }
  if (options.json) {
    output::write_validate_json(submissions, findings, out);
  } else {
    print_report(files, submissions, findings, out);
    for (const auto& review : reviews) {
      out << fmt::format("Granskningskopia: {}\n", review.string());
    }
  }
  if (submissions.empty()) return ExitCode::failed;
  bool errors = std::any_of(findings.begin(), findings.end(),
                            [](const Finding& f) { return f.level == Level::fel; });
  return errors ? ExitCode::has_errors : ExitCode::ok;
}

}  // namespace arsanalys::app

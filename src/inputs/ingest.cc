#include "inputs/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analys/recognise.h"
#include "checks/checks.h"
#include "core/error.h"
#include "core/file_io.h"
#include "core/names.h"
#include "core/text.h"
#include "xlsx/reader.h"

namespace arsanalys::inputs {
namespace fs = std::filesystem;

namespace {

Finding file_finding(std::string code, Level level, const std::string& name, std::string message) {
  return Finding{std::move(code), level, {name, "", ""}, std::move(message), std::nullopt,
                 std::nullopt};
}

bool workbook_extension(const fs::path& path) {
  std::string ext = fold(path.extension().string());
  return ext == ".xlsx" || ext == ".xlsm";
}

/// Names made unique in a folder: a second "a�.xlsx" (two names alike once cleaned) becomes
/// "a�~2.xlsx".
void make_unique(std::vector<Listed>& listed) {
  std::map<std::string, int> seen;
  for (Listed& l : listed) {
    if (int n = ++seen[l.name]; n > 1) {
      fs::path p(l.name);
      l.name = fmt::format("{}~{}{}", p.stem().string(), n, p.extension().string());
    }
  }
}

/// The finding for an entry of leverantorer/ that is not a regular file, or nullopt for one.
std::optional<Finding> odd_entry(const fs::directory_entry& entry, const std::string& name) {
  std::error_code ec;
  fs::file_status own = entry.symlink_status(ec);
  const bool workbook = workbook_extension(entry.path());
  if (fs::is_symlink(own)) {
    std::string target = cleaned(fs::read_symlink(entry.path(), ec).string());
    fs::file_status to = fs::status(entry.path(), ec);
    if (ec && ec.value() == ELOOP) {
      return file_finding("FILE_UNREADABLE", Level::fel, name,
                          fmt::format("Länken leder runt i en slinga (den pekar till slut på sig "
                                      "själv, via '{}'): den läses inte. Ta bort länken.",
                                      target));
    }
    if (!fs::exists(to)) {
      return file_finding("FILE_UNREADABLE", Level::fel, name,
                          fmt::format("Länken pekar på '{}', som inte finns: den läses inte. Ta "
                                      "bort länken eller lägg in själva filen.",
                                      target));
    }
    if (!workbook && !fs::is_regular_file(to)) {
      return file_finding("FILE_SKIPPED", Level::info, name,
                          fmt::format("En länk till '{}' läses inte: bara filer direkt i "
                                      "leverantorer/ är underlag.",
                                      target));
    }
    return file_finding("FILE_UNREADABLE", Level::fel, name,
                        fmt::format("Är en symbolisk länk till '{}' och läses inte: omgången "
                                    "läser bara filer som ligger i leverantorer/. Lägg in själva "
                                    "filen i stället för länken.",
                                    target));
  }
  if (fs::is_directory(own)) {
    if (workbook) {
      return file_finding("FILE_UNREADABLE", Level::fel, name,
                          "Är en mapp, ingen arbetsbok: den läses inte. Ta bort den eller byt "
                          "namn på den.");
    }
    return file_finding("FILE_SKIPPED", Level::info, name,
                        "Mappen läses inte: bara filer direkt i leverantorer/ är underlag.");
  }
  if (!fs::is_regular_file(own)) {
    std::string_view kind = fs::is_fifo(own)     ? "en namngiven rörledning (FIFO)"
                            : fs::is_socket(own) ? "en socket"
                            : fs::is_block_file(own) || fs::is_character_file(own)
                                ? "en enhetsfil"
                                : "ingen vanlig fil";
    return file_finding("FILE_UNREADABLE", Level::fel, name,
                        fmt::format("Är {}, ingen vanlig fil: den läses inte. Ta bort den ur "
                                    "leverantorer/.",
                                    kind));
  }
  if (name.starts_with(".")) {
    if (workbook) {
      return file_finding("FILE_SKIPPED", Level::varning, name,
                          "En dold fil (namnet börjar med en punkt) läses inte. Är den ett "
                          "underlag, byt namn så att namnet inte börjar med en punkt.");
    }
    return file_finding("FILE_SKIPPED", Level::info, name,
                        "En dold fil (namnet börjar med en punkt) läses inte.");
  }
  return std::nullopt;
}

/// The reader's message as a finding's: without the file name it starts with, capitalised.
std::string finding_text(const ReadError& e, const std::string& name) {
  std::string message = e.what();
  if (message.starts_with(name + ": ")) message.erase(0, name.size() + 2);
  if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') message[0] -= 'a' - 'A';
  return message;
}

}  // namespace

std::optional<Ingested> ingest_file(const fs::path& path, const analys::TemplateDef& def,
                                    Findings& findings, std::string name) {
  if (name.empty()) name = cleaned(path.filename().string());
  if (is_lock_file(path)) {
    findings.push_back({"FILE_SKIPPED", Level::info, {name, "", ""},
                        "Excels låsfil (skapas medan arbetsboken är öppen i Excel); hoppas över.",
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
  try {
    auto bytes = read_file(path, name);
    return ingest_bytes(bytes, name, def, findings);
  } catch (const ReadError& e) {
    findings.push_back({"FILE_UNREADABLE", Level::fel, {name, "", ""}, finding_text(e, name),
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
}

std::vector<Listed> list_submissions(const fs::path& dir, Findings& findings) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    throw RunError(
        fmt::format("Kan inte läsa mappen {}: {}.", dir.string(), system_error_text(ec.value())));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  std::vector<Listed> listed;
  for (const fs::directory_entry& entry : entries) {
    std::string name = cleaned(entry.path().filename().string());
    if (std::optional<Finding> f = odd_entry(entry, name)) {
      findings.push_back(std::move(*f));
      continue;
    }
    listed.push_back({entry.path(), name, workbook_extension(entry.path())});
  }
  make_unique(listed);
  return listed;
}

std::vector<Named> name_files(const std::vector<fs::path>& files, Findings& findings) {
  struct File {
    fs::path path;
    std::vector<std::string> parts;  // of its full path, links resolved, last first
  };
  std::vector<File> unique;
  std::set<std::pair<dev_t, ino_t>> seen_ids;
  std::set<fs::path> seen_paths;
  for (const fs::path& path : files) {
    std::error_code ec;
    fs::path full = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) full = fs::absolute(path, ec).lexically_normal();
    struct stat st {};
    bool again = ::stat(path.c_str(), &st) == 0 ? !seen_ids.insert({st.st_dev, st.st_ino}).second
                                                : !seen_paths.insert(full).second;
    if (again) {
      std::string name = cleaned(path.string());
      findings.push_back(file_finding("FILE_SKIPPED", Level::info, name,
                                      "Filen är angiven mer än en gång och kontrolleras en gång."));
      continue;
    }
    File f{path, {}};
    for (const auto& part : full) {
      if (!part.empty() && part != "/") f.parts.insert(f.parts.begin(), cleaned(part.string()));
    }
    if (f.parts.empty()) f.parts.push_back(cleaned(path.filename().string()));
    unique.push_back(std::move(f));
  }
  auto suffix = [](const File& f, std::size_t n) {
    std::string out;
    for (std::size_t i = std::min(n, f.parts.size()); i-- > 0;) {
      out += f.parts[i];
      if (i > 0) out += '/';
    }
    return out;
  };
  std::vector<Named> out;
  for (const File& f : unique) {
    // As many folders as it takes to tell this file from every other of its name.
    std::size_t n = 1;
    for (const File& g : unique) {
      if (&g == &f || f.parts.front() != g.parts.front()) continue;
      while (n < f.parts.size() && suffix(f, n) == suffix(g, n)) ++n;
    }
    out.push_back({f.path, suffix(f, n)});
  }
  return out;
}

Finding misnamed_workbook(const std::string& name) {
  return file_finding("FILE_UNREADABLE", Level::fel, name,
                      "Är en arbetsbok, men namnet slutar inte på .xlsx (en säkerhetskopia?): "
                      "den används inte. Ska den vara med, byt namn till .xlsx; annars ta bort "
                      "den ur leverantorer/.");
}

std::vector<std::size_t> duplicate_submissions(const std::vector<Ingested>& ingested,
                                               Findings& findings) {
  // Files of one supplier: the same supplier's name or the same bytes, joined transitively.
  std::vector<std::size_t> group(ingested.size());
  std::iota(group.begin(), group.end(), 0);
  auto root = [&](std::size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  std::map<std::string, std::size_t> by_name;
  std::map<std::uint64_t, std::size_t> by_bytes;
  for (std::size_t i = 0; i < ingested.size(); ++i) {
    for (std::size_t j : {by_name.emplace(fold(ingested[i].submission.supplier), i).first->second,
                          by_bytes.emplace(ingested[i].digest, i).first->second}) {
      group[root(i)] = root(j);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < ingested.size(); ++i) groups[root(i)].push_back(i);
  std::vector<std::size_t> dropped;
  for (const auto& [r, members] : groups) {
    if (members.size() < 2) continue;
    std::vector<std::string> files;
    for (std::size_t j : members) files.push_back(ingested[j].submission.file);
    for (std::size_t i : members) {
      const analys::Submission& s = ingested[i].submission;
      bool alike = std::any_of(members.begin(), members.end(), [&](std::size_t j) {
        return j != i && ingested[j].digest == ingested[i].digest;
      });
      findings.push_back(file_finding(
          "SUPPLIER_DUPLICATE", Level::fel, s.file,
          fmt::format("Leverantören '{}' har fler än ett underlag: {}{}. Inget av dem används "
                      "förrän bara ett finns kvar i leverantorer/.",
                      s.supplier, fmt::join(files, " och "),
                      alike ? " (filer med samma innehåll)" : "")));
      dropped.push_back(i);
    }
  }
  std::sort(dropped.begin(), dropped.end());
  return dropped;
}

std::optional<Ingested> ingest_bytes(std::span<const std::byte> bytes, const std::string& name,
                                     const analys::TemplateDef& def, Findings& findings,
                                     std::optional<ReadFailure>* failure) {
  try {
    Ingested in{xlsx::read_workbook(bytes, name), {}, 0};
    std::string_view all(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    in.digest = name_hash(all) ^ (static_cast<std::uint64_t>(bytes.size()) << 1);
    in.submission = analys::recognise(in.workbook, def, findings);
    return in;
  } catch (const ReadError& e) {
    if (failure != nullptr) *failure = e.failure();
    findings.push_back({"FILE_UNREADABLE", Level::fel, {name, "", ""}, finding_text(e, name),
                        std::nullopt, std::nullopt});
    return std::nullopt;
  }
}

namespace {

/// The checks of `validate`: no round settings, so the year and index are as read.
void check(Checked& c, const analys::TemplateDef& def) {
  if (c.in) checks::check_submission(c.in->submission, def, {}, c.findings);
  clean_findings(c.findings);
  sort_findings(c.findings);
}

}  // namespace

Checked check_file(const std::filesystem::path& path, const analys::TemplateDef& def,
                   std::string name) {
  Checked c;
  c.in = ingest_file(path, def, c.findings, std::move(name));
  check(c, def);
  return c;
}

Checked check_bytes(std::span<const std::byte> bytes, const std::string& name,
                    const analys::TemplateDef& def) {
  Checked c;
  c.in = ingest_bytes(bytes, cleaned(name), def, c.findings, &c.failure);
  check(c, def);
  return c;
}

}  // namespace arsanalys::inputs

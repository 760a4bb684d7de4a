#include "writer/xlsx_parts.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <ctime>

#include "core/error.h"
#include "writer/zip_writer.h"
#include "xlsx/cell_ref.h"

namespace arsanalys::writer::xlsx_parts {

namespace {

/// A sheet name as a formula writes it: quoted unless plain letters, digits and underscores.
std::string quoted_sheet(std::string_view name) {
  bool plain = !name.empty() && std::isdigit(static_cast<unsigned char>(name.front())) == 0 &&
               std::all_of(name.begin(), name.end(), [](char c) {
                 return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
               });
  if (plain) return std::string(name);
  std::string q = "'";
  for (char c : name) {
    q += c;
    if (c == '\'') q += '\'';
  }
  return q + "'";
}

std::string iso_time(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace

double stored_width(double chars) {
  if (chars <= 0) return 0;
  double pixels = chars < 1 ? std::floor(chars * 12 + 0.5)
                            : std::floor(chars * 7 + 0.5) + 5;
  return std::floor(pixels / 7 * 256) / 256;
}

std::string zip_parts(std::vector<ZipPart>& parts, const std::string& subject,
                      const std::filesystem::path& file) {
  std::FILE* out = nullptr;
  auto fail = [&](std::string_view doing, int err) {
    return RunError(
        fmt::format("{} kunde inte skapas ({}): {}.", subject, doing, system_error_text(err)));
  };
  try {
    if (!file.empty()) {
      out = std::fopen(file.c_str(), "wb");
      if (out == nullptr) throw fail("öppna filen", errno);
    }
    ZipWriter zip(subject, out);
    for (ZipPart& part : parts) {
      if (part.file == nullptr) {
        zip.add(part.name, part.bytes);
        continue;
      }
      // A part in a temporary file (a sheet of a StreamBook): deflated from a mapping of it.
      struct stat st {};
      if (std::fflush(part.file) != 0 || fstat(fileno(part.file), &st) != 0) {
        throw fail("läsa en temporär fil", errno);
      }
      const auto size = static_cast<std::size_t>(st.st_size);
      void* map = size == 0 ? nullptr
                            : mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fileno(part.file), 0);
      if (map == MAP_FAILED) throw fail("läsa en temporär fil", errno);
      // Pages deflate is done with are let go as it goes: a sheet of fordelning.xlsx is tens of
      // megabytes at 8,000 customers, and the mapping would otherwise count that much more.
      std::size_t released = 0;
      auto done = [&](std::size_t before) {
        const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        const std::size_t upto = before / page * page;
        if (upto > released) {
          madvise(static_cast<char*>(map) + released, upto - released, MADV_DONTNEED);
          released = upto;
        }
      };
      try {
        zip.add(part.name, std::string_view(static_cast<const char*>(map), size), done);
      } catch (...) {
        if (map != nullptr) munmap(map, size);
        throw;
      }
      if (map != nullptr) munmap(map, size);
      std::fclose(std::exchange(part.file, nullptr));
    }
    std::string bytes = zip.finish();
    if (out != nullptr && std::fclose(std::exchange(out, nullptr)) != 0) {
      throw fail("skriva filen", errno);
    }
    return bytes;
  } catch (...) {
    for (ZipPart& part : parts) {
      if (part.file != nullptr) std::fclose(std::exchange(part.file, nullptr));
    }
    if (out != nullptr) std::fclose(out);
    throw;
  }
}

namespace {

/// A sheet's name of Excel's (the filter range, the print titles) in workbook.xml.
struct DefinedName {
  std::string_view name;  // "_xlnm._FilterDatabase" or "_xlnm.Print_Titles"
  std::size_t sheet;      // localSheetId
  bool hidden;
  std::string value;      // 'Blad'!$A$5:$H$9
  std::string app_name;   // 'Blad'!Print_Titles, as app.xml lists it
};

/// The sheets' defined names in the order Excel writes them (and libxlsxwriter, for that
/// reason): by name without "_xlnm.", then by sheet name as quoted, both in lower case.
std::vector<DefinedName> defined_names(const std::vector<SheetEntry>& sheets) {
  std::vector<DefinedName> names;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const SheetEntry& e = sheets[i];
    const std::string sheet = quoted_sheet(e.name);
    if (!e.filter.empty()) {
      names.push_back({"_xlnm._FilterDatabase", i, true, sheet + "!" + e.filter,
                       sheet + "!_FilterDatabase"});
    }
    if (e.print_titles) {
      names.push_back({"_xlnm.Print_Titles", i, false,
                       fmt::format("{}!${}:${}", sheet, e.repeat_first + 1, e.repeat_last + 1),
                       sheet + "!Print_Titles"});
    }
  }
  auto lower = [](std::string_view t) {
    std::string l(t);
    for (char& c : l) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // ASCII only, as Excel's sort
    }
    return l;
  };
  std::stable_sort(names.begin(), names.end(), [&](const DefinedName& a, const DefinedName& b) {
    const std::string x = lower(a.name.substr(6)), y = lower(b.name.substr(6));
    return x != y ? x < y : lower(a.app_name) < lower(b.app_name);
  });
  return names;
}

std::string workbook_part(const std::vector<SheetEntry>& sheets) {
  Out out;
  out << kXmlHead << "<workbook xmlns=\"" << kMainNs << "\" xmlns:r=\"" << kRelNs
      << "\"><workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" "
         "windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews><sheets>";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    out << "<sheet name=\"";
    out.escaped(sheets[i].name, true) << "\" sheetId=\"" << static_cast<std::uint64_t>(i + 1)
                                       << "\" r:id=\"rId" << static_cast<std::uint64_t>(i + 1)
                                       << "\"/>";
  }
  out << "</sheets>";
  std::string names;
  for (const DefinedName& d : defined_names(sheets)) {
    names += fmt::format("<definedName name=\"{}\" localSheetId=\"{}\"{}>", d.name, d.sheet,
                         d.hidden ? " hidden=\"1\"" : "");
    Out v;
    v.escaped(d.value);
    names += v.take() + "</definedName>";
  }
  if (!names.empty()) out << "<definedNames>" << names << "</definedNames>";
  out << "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
  return out.take();
}

std::string core_part(const BookProperties& properties) {
  Out out;
  out << kXmlHead
      << "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  if (!properties.title.empty()) {
    out << "<dc:title>";
    out.escaped(properties.title) << "</dc:title>";
  }
  if (!properties.subject.empty()) {
    out << "<dc:subject>";
    out.escaped(properties.subject) << "</dc:subject>";
  }
  const std::string when = iso_time(properties.created);
  out << "<dc:creator>arsanalys</dc:creator><cp:lastModifiedBy>arsanalys</cp:lastModifiedBy>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
      << when << "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" << when
      << "</dcterms:modified></cp:coreProperties>";
  return out.take();
}

std::string app_part(const std::vector<SheetEntry>& sheets) {
  std::vector<std::string> titles;  // the print titles' names, in workbook.xml's order
  for (DefinedName& d : defined_names(sheets)) {
    if (d.name == "_xlnm.Print_Titles") titles.push_back(std::move(d.app_name));
  }
  Out out;
  out << kXmlHead
      << "<Properties "
         "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
         "<Application>arsanalys</Application><DocSecurity>0</DocSecurity>"
         "<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\""
      << (titles.empty() ? "2" : "4")
      << "\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
         "<vt:variant><vt:i4>"
      << static_cast<std::uint64_t>(sheets.size()) << "</vt:i4></vt:variant>";
  if (!titles.empty()) {
    out << "<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>"
        << static_cast<std::uint64_t>(titles.size()) << "</vt:i4></vt:variant>";
  }
  out << "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\""
      << static_cast<std::uint64_t>(sheets.size() + titles.size()) << "\" baseType=\"lpstr\">";
  for (const SheetEntry& e : sheets) {
    out << "<vt:lpstr>";
    out.escaped(e.name) << "</vt:lpstr>";
  }
  for (const std::string& t : titles) {
    out << "<vt:lpstr>";
    out.escaped(t) << "</vt:lpstr>";
  }
  out << "</vt:vector></TitlesOfParts><Company>Göteborgs Stad</Company>"
         "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
         "<HyperlinksChanged>false</HyperlinksChanged></Properties>";
  return out.take();
}

}  // namespace

std::vector<ZipPart> package(const std::vector<SheetEntry>& entries, std::vector<ZipPart> sheets,
                             std::optional<std::string> strings, std::string styles,
                             const BookProperties& properties) {
  constexpr std::string_view kType = "application/vnd.openxmlformats-";
  std::string types = fmt::format(
      "{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"{}package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"{}officedocument.extended-properties+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" ContentType=\"{}package.core-properties+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.styles+xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"{}officedocument.spreadsheetml.sheet.main+xml\"/>",
      kXmlHead, kType, kType, kType, kType, kType);
  constexpr std::string_view kRels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::string book_rels = fmt::format("{}{}", kXmlHead, kRels);
  for (std::size_t i = 1; i <= sheets.size(); ++i) {
    types += fmt::format("<Override PartName=\"/xl/worksheets/sheet{}.xml\" "
                         "ContentType=\"{}officedocument.spreadsheetml.worksheet+xml\"/>",
                         i, kType);
    book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/worksheet\" "
                             "Target=\"worksheets/sheet{}.xml\"/>",
                             i, kRelNs, i);
  }
  book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/styles\" Target=\"styles.xml\"/>",
                           sheets.size() + 1, kRelNs);
  if (strings) {
    types += fmt::format("<Override PartName=\"/xl/sharedStrings.xml\" "
                         "ContentType=\"{}officedocument.spreadsheetml.sharedStrings+xml\"/>",
                         kType);
    book_rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/sharedStrings\" "
                             "Target=\"sharedStrings.xml\"/>",
                             sheets.size() + 2, kRelNs);
  }
  types += "</Types>";
  book_rels += "</Relationships>";
  std::string root_rels = fmt::format(
      "{}{}<Relationship Id=\"rId1\" Type=\"{}/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "<Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"{}/extended-properties\" Target=\"docProps/app.xml\"/>"
      "</Relationships>",
      kXmlHead, kRels, kRelNs, kRelNs);

  std::vector<ZipPart> parts;
  parts.push_back({"[Content_Types].xml", std::move(types)});
  parts.push_back({"_rels/.rels", std::move(root_rels)});
  parts.push_back({"xl/_rels/workbook.xml.rels", std::move(book_rels)});
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    sheets[i].name = fmt::format("xl/worksheets/sheet{}.xml", i + 1);
    parts.push_back(std::move(sheets[i]));
  }
  parts.push_back({"xl/workbook.xml", workbook_part(entries)});
  if (strings) parts.push_back({"xl/sharedStrings.xml", std::move(*strings)});
  parts.push_back({"xl/styles.xml", std::move(styles)});
  parts.push_back({"docProps/core.xml", core_part(properties)});
  parts.push_back({"docProps/app.xml", app_part(entries)});
  return parts;
}

void check_cell(const std::string& subject, const std::string& sheet, Row row,
                Col col) {
  if (row >= kMaxRows || col >= kMaxCols) {
    throw RunError(fmt::format("{} kunde inte skapas: cellen på rad {}, kolumn {} ligger utanför "
                               "bladet '{}'.",
                               subject, static_cast<std::uint64_t>(row) + 1,
                               static_cast<unsigned>(col) + 1, sheet));
  }
}

void check_text(const std::string& subject, const std::string& sheet, Row row,
                Col col, const std::string& text) {
  if (text.size() > kMaxTextChars && text_length(text) > kMaxTextChars) {  // bytes >= chars
    throw RunError(fmt::format("{} kunde inte skapas (skriva text): texten i {} på bladet '{}' är "
                               "längre än de {} tecken en cell rymmer.",
                               subject, xlsx::to_string(xlsx::CellRef{row, col}), sheet,
                               kMaxTextChars));
  }
}

}  // namespace arsanalys::writer::xlsx_parts

#pragma once
// Test helpers: zip archives and small OOXML packages assembled in memory, so reader tests need
// no files on disk and no zip library of their own. Entries are stored, or deflated with the
// hand-written encoders below (stored deflate blocks, or a fixed-Huffman run of zeros for
// compression-ratio tests).
//
//   auto bytes = make_zip({{"a.txt", "hej"}});
//   ZipArchive zip(bytes, "a.zip");

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace arsanalys::test {

/// One entry of an archive being built: `{name, data}`, `{name, data, 8}` (deflated), or with
/// raw compressed bytes, a wrong CRC or flags for damaged archives.
struct ZipEntry {
  ZipEntry(std::string name_, std::string data_, std::uint16_t method_ = 0,
           std::optional<std::string> compressed_ = std::nullopt,
           std::optional<std::uint32_t> crc_ = std::nullopt, std::uint16_t flags_ = 0)
      : name(std::move(name_)),
        data(std::move(data_)),
        method(method_),
        compressed(std::move(compressed_)),
        crc(crc_),
        flags(flags_) {}

  std::string name;                       // part name as stored
  std::string data;                       // uncompressed content
  std::uint16_t method = 0;               // 0 = stored, 8 = deflated
  std::optional<std::string> compressed;  // bytes stored as the entry's data; default: `data`
                                          // (stored) or deflate_stored(data) (deflated)
  std::optional<std::uint32_t> crc;       // CRC-32 written in the headers; default: the real one
  std::uint16_t flags = 0;                // general-purpose bit flags: 1 = encrypted,
                                          // 8 = sizes in a data descriptor after the data
};

/// CRC-32 (the zip/zlib polynomial) of the bytes.
std::uint32_t crc32(std::string_view data);
/// A valid raw deflate stream holding `data` in stored (uncompressed) blocks.
std::string deflate_stored(std::string_view data);
/// A raw deflate stream (one fixed-Huffman block) decompressing to `count` zero bytes; about
/// 13 bits per 258 bytes, so a megabyte of zeros takes some 6.5 kB.
std::string deflate_zeros(std::size_t count);
/// A zip archive of the entries, in order, with a central directory.
std::vector<std::byte> make_zip(const std::vector<ZipEntry>& entries);
/// The bytes of a string.
std::vector<std::byte> bytes_of(std::string_view text);

/// A worksheet part around the given `<sheetData>` content; `after` follows `</sheetData>`
/// (e.g. `<mergeCells>`).
std::string worksheet_xml(std::string_view sheet_data, std::string_view after = "");
/// A shared-string table of plain strings (`<si><t>..</t></si>`, text inserted as is).
std::string shared_strings_xml(const std::vector<std::string>& strings);

/// The parts of a minimal .xlsx: [Content_Types].xml, _rels/.rels, xl/workbook.xml,
/// xl/_rels/workbook.xml.rels and xl/worksheets/sheetN.xml per sheet, plus styles and shared
/// strings when given. Tests change or drop entries before make_zip() to build broken files.
struct XlsxSpec {
  std::vector<std::pair<std::string, std::string>> sheets;  // tab name, worksheet XML
  std::string shared_strings;                               // sharedStrings.xml; "" = none
  std::string styles;                                       // styles.xml; "" = none
  std::string workbook_pr;                                  // e.g. `<workbookPr date1904="1"/>`
};
std::vector<ZipEntry> xlsx_entries(const XlsxSpec& spec);
/// make_zip(xlsx_entries(spec)).
std::vector<std::byte> make_xlsx(const XlsxSpec& spec);

/// A styles part whose cellXfs are the given numFmtIds, in order (xf 0 first), with the given
/// custom formats (id, code; code inserted as is, so escape `"` as `&quot;`).
std::string styles_xml(const std::vector<std::uint32_t>& xf_format_ids,
                       const std::vector<std::pair<std::uint32_t, std::string>>& custom = {});

}  // namespace arsanalys::test

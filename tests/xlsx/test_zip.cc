#include "test_zip.h"

#include <algorithm>
#include <array>

namespace arsanalys::test {
namespace {

void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

/// Writes bits least-significant first, as deflate packs them.
class BitWriter {
 public:
  void bits(std::uint32_t value, int count) {
    for (int i = 0; i < count; ++i) bit((value >> i) & 1u);
  }
  /// A Huffman code, which deflate stores most-significant bit first.
  void code(std::uint32_t value, int length) {
    for (int i = length - 1; i >= 0; --i) bit((value >> i) & 1u);
  }
  std::string finish() {
    if (used_ > 0) out_.push_back(static_cast<char>(current_));
    return out_;
  }

 private:
  void bit(std::uint32_t b) {
    current_ |= b << used_;
    if (++used_ == 8) {
      out_.push_back(static_cast<char>(current_));
      current_ = 0;
      used_ = 0;
    }
  }
  std::string out_;
  std::uint32_t current_ = 0;
  int used_ = 0;
};

/// A literal/length symbol in the fixed Huffman code of RFC 1951 section 3.2.6.
void fixed_symbol(BitWriter& w, std::uint32_t symbol) {
  if (symbol <= 143)
    w.code(0x30 + symbol, 8);
  else if (symbol <= 255)
    w.code(0x190 + symbol - 144, 9);
  else if (symbol <= 279)
    w.code(symbol - 256, 7);
  else
    w.code(0xC0 + symbol - 280, 8);
}

/// A match of `length` (3..258) at distance 1.
void fixed_match(BitWriter& w, std::size_t length) {
  static constexpr std::array<std::uint32_t, 29> base = {
      3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static constexpr std::array<int, 29> extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  std::size_t k = 28;
  if (length != 258) {
    k = 27;
    while (base[k] > length) --k;
  }
  fixed_symbol(w, 257 + static_cast<std::uint32_t>(k));
  w.bits(static_cast<std::uint32_t>(length) - base[k], extra[k]);
  w.code(0, 5);  // distance code 0: distance 1
}

}  // namespace

std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string deflate_stored(std::string_view data) {
  std::string out;
  std::size_t pos = 0;
  do {
    std::size_t n = std::min<std::size_t>(data.size() - pos, 65535);
    bool last = pos + n == data.size();
    out.push_back(last ? 1 : 0);  // BFINAL, BTYPE=00, then padding to the byte
    put16(out, static_cast<std::uint32_t>(n));
    put16(out, static_cast<std::uint32_t>(~n & 0xFFFF));
    out.append(data.substr(pos, n));
    pos += n;
  } while (pos < data.size());
  return out;
}

std::string deflate_zeros(std::size_t count) {
  BitWriter w;
  w.bits(1, 1);  // BFINAL
  w.bits(1, 2);  // BTYPE=01: fixed Huffman codes
  std::size_t left = count;
  if (left > 0) {
    fixed_symbol(w, 0);
    --left;
  }
  while (left >= 258) {
    fixed_match(w, 258);
    left -= 258;
  }
  if (left >= 3) {
    fixed_match(w, left);
    left = 0;
  }
  for (; left > 0; --left) fixed_symbol(w, 0);
  fixed_symbol(w, 256);  // end of block
  return w.finish();
}

std::vector<std::byte> make_zip(const std::vector<ZipEntry>& entries) {
  std::string out, central;
  for (const ZipEntry& e : entries) {
    std::string body =
        e.compressed ? *e.compressed : (e.method == 8 ? deflate_stored(e.data) : e.data);
    std::uint32_t crc = e.crc ? *e.crc : crc32(e.data);
    auto offset = static_cast<std::uint32_t>(out.size());
    auto name_size = static_cast<std::uint32_t>(e.name.size());
    // Local file header.
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, e.flags);
    put16(out, e.method);
    put16(out, 0);     // time 00:00
    put16(out, 0x21);  // date 1980-01-01
    // With flag 8 (as streaming writers do) the sizes and CRC follow the data instead.
    const bool descriptor = (e.flags & 8u) != 0;
    put32(out, descriptor ? 0 : crc);
    put32(out, descriptor ? 0 : static_cast<std::uint32_t>(body.size()));
    put32(out, descriptor ? 0 : static_cast<std::uint32_t>(e.data.size()));
    put16(out, name_size);
    put16(out, 0);
    out += e.name;
    out += body;
    if (descriptor) {
      put32(out, 0x08074b50);
      put32(out, crc);
      put32(out, static_cast<std::uint32_t>(body.size()));
      put32(out, static_cast<std::uint32_t>(e.data.size()));
    }
    // Its central directory record.
    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, e.flags);
    put16(central, e.method);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, static_cast<std::uint32_t>(body.size()));
    put32(central, static_cast<std::uint32_t>(e.data.size()));
    put16(central, name_size);
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += e.name;
  }
  auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);
  return bytes_of(out);
}

std::vector<std::byte> bytes_of(std::string_view text) {
  std::vector<std::byte> bytes(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) bytes[i] = static_cast<std::byte>(text[i]);
  return bytes;
}

std::string worksheet_xml(std::string_view sheet_data, std::string_view after) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)";
  out += "<sheetData>";
  out += sheet_data;
  out += "</sheetData>";
  out += after;
  out += "</worksheet>";
  return out;
}

std::string shared_strings_xml(const std::vector<std::string>& strings) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=")" +
      std::to_string(strings.size()) + R"(" uniqueCount=")" + std::to_string(strings.size()) +
      R"(">)";
  for (const std::string& s : strings) out += "<si><t>" + s + "</t></si>";
  out += "</sst>";
  return out;
}

std::string styles_xml(const std::vector<std::uint32_t>& xf_format_ids,
                       const std::vector<std::pair<std::uint32_t, std::string>>& custom) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  if (!custom.empty()) {
    out += R"(<numFmts count=")" + std::to_string(custom.size()) + R"(">)";
    for (const auto& [id, code] : custom) {
      out += R"(<numFmt numFmtId=")" + std::to_string(id) + R"(" formatCode=")" + code + R"("/>)";
    }
    out += "</numFmts>";
  }
  out += R"(<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>)";
  out += R"(<cellXfs count=")" + std::to_string(xf_format_ids.size()) + R"(">)";
  for (std::uint32_t id : xf_format_ids) {
    out += R"(<xf numFmtId=")" + std::to_string(id) +
           R"(" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)";
  }
  out += "</cellXfs></styleSheet>";
  return out;
}

std::vector<ZipEntry> xlsx_entries(const XlsxSpec& spec) {
  std::vector<ZipEntry> entries;
  entries.push_back(
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?>)"
       R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
       R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
       R"(<Default Extension="xml" ContentType="application/xml"/>)"
       R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
       R"(</Types>)"});
  entries.push_back(
      {"_rels/.rels",
       R"(<?xml version="1.0" encoding="UTF-8"?>)"
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
       R"(</Relationships>)"});
  std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)";
  workbook += spec.workbook_pr;
  workbook += "<sheets>";
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    workbook += R"(<sheet name=")" + spec.sheets[i].first + R"(" sheetId=")" + n +
                R"(" r:id="rId)" + n + R"("/>)";
    rels += R"(<Relationship Id="rId)" + n + R"(" Type=")" + type +
            R"(worksheet" Target="worksheets/sheet)" + n + R"(.xml"/>)";
  }
  workbook += "</sheets></workbook>";
  if (!spec.styles.empty()) {
    rels += R"(<Relationship Id="rIdStyles" Type=")" + type + R"(styles" Target="styles.xml"/>)";
  }
  if (!spec.shared_strings.empty()) {
    rels += R"(<Relationship Id="rIdStrings" Type=")" + type +
            R"(sharedStrings" Target="sharedStrings.xml"/>)";
  }
  rels += "</Relationships>";
  entries.push_back({"xl/workbook.xml", workbook});
  entries.push_back({"xl/_rels/workbook.xml.rels", rels});
  if (!spec.styles.empty()) entries.push_back({"xl/styles.xml", spec.styles});
  if (!spec.shared_strings.empty()) {
    entries.push_back({"xl/sharedStrings.xml", spec.shared_strings});
  }
  for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
    // Deflated like Excel's own parts, to exercise that path in every reader test.
    entries.push_back(
        {"xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", spec.sheets[i].second, 8});
  }
  return entries;
}

std::vector<std::byte> make_xlsx(const XlsxSpec& spec) { return make_zip(xlsx_entries(spec)); }

}  // namespace arsanalys::test

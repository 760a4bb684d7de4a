#include "xlsx/ole.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <fmt/format.h>

namespace arsanalys::xlsx {
namespace {

bool starts_with(std::span<const std::byte> bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

/// True when the UTF-16LE form of `ascii` occurs in the bytes (OLE directory entry names).
bool contains_utf16(std::span<const std::byte> bytes, std::string_view ascii) {
  std::string needle;
  for (char c : ascii) {
    needle.push_back(c);
    needle.push_back('\0');
  }
  const char* begin = reinterpret_cast<const char*>(bytes.data());
  const char* end = begin + bytes.size();
  return std::search(begin, end, needle.begin(), needle.end()) != end;
}

}  // namespace

void require_zip_signature(std::span<const std::byte> bytes, std::string_view file) {
  if (bytes.empty()) {
    throw ReadError(ReadFailure::empty,
                    fmt::format("{}: filen är tom (0 byte). Spara arbetsboken igen från Excel.",
                                file));
  }
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return;
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo")) {
      throw ReadError(ReadFailure::encrypted,
                      fmt::format("{}: arbetsboken är lösenordsskyddad (krypterad) och kan inte "
                                  "läsas. Ta bort lösenordet i Excel (Arkiv > Info > Skydda "
                                  "arbetsbok > Kryptera med lösenord) och spara igen.",
                                  file));
    }
    if (contains_utf16(bytes, "Workbook") || contains_utf16(bytes, "Book")) {
      throw ReadError(ReadFailure::legacy_xls,
                      fmt::format("{}: filen är en äldre Excel-arbetsbok (.xls, Excel 97-2003), "
                                  "som inte läses. Öppna den i Excel och spara som "
                                  "Excel-arbetsbok (.xlsx).",
                                  file));
    }
    throw ReadError(ReadFailure::ole_other,
                    fmt::format("{}: filen är ett äldre Office-dokument (OLE) men ingen "
                                "Excel-arbetsbok. Spara underlaget som Excel-arbetsbok (.xlsx).",
                                file));
  }
  std::string what = "okänt format";
  if (starts_with(bytes, "%PDF")) what = "en PDF-fil";
  else if (starts_with(bytes, "{\\rtf")) what = "ett RTF-dokument";
  else if (starts_with(bytes, "<")) what = "en XML- eller HTML-fil";
  else if (starts_with(bytes, "PK")) what = "ett skadat zip-arkiv";
  else {
    auto looks_text = std::all_of(bytes.begin(), bytes.begin() + std::min<std::size_t>(bytes.size(), 512),
                                  [](std::byte b) {
                                    auto c = static_cast<unsigned char>(b);
                                    return c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
                                  });
    if (looks_text) what = "en textfil (CSV?)";
  }
  throw ReadError(ReadFailure::not_zip,
                  fmt::format("{}: filen är ingen Excel-arbetsbok (.xlsx) utan {}. Spara "
                              "underlaget som Excel-arbetsbok (.xlsx).",
                              file, what));
}

}  // namespace arsanalys::xlsx

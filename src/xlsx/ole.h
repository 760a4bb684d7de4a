#pragma once
// Recognising what a file is before treating it as a zip: empty, an OLE container (legacy .xls
// or an encrypted workbook), a PDF, or something else. Only looks at bytes.

#include <cstddef>
#include <span>
#include <string_view>

#include "core/error.h"

namespace arsanalys::xlsx {

/// Throws ReadError with a Swedish message saying what the file is and what to do, unless the
/// bytes start like a zip archive.
void require_zip_signature(std::span<const std::byte> bytes, std::string_view file_name);

}  // namespace arsanalys::xlsx

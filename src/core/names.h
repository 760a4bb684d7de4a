#pragma once
// File names the program makes from its users' words (a Kund-id, a supplier's file name) and
// for its own temporaries: valid on every file system the outputs travel to (Linux, Windows,
// macOS, a network share), never longer than the 255 bytes a name may have, never a name
// Windows reserves or one that looks like Excel's lock file.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace arsanalys {

/// Longest file name the program makes: below the usual limit of 255 bytes, leaving room for
/// a suffix such as "-2" or the ".tmp-1234abcd" of a temporary.
inline constexpr std::size_t kMaxNameBytes = 200;

/// A 64-bit FNV-1a hash of `text`: a short, stable stand-in for a long name.
std::uint64_t name_hash(std::string_view text);

/// `name` when it has at most `max_bytes` bytes; else its start, cut at a character boundary,
/// then '~' and 8 hex digits of name_hash(name), `max_bytes` in all (at least 16).
///
///   shortened(std::string(300, 'a'), 40) -> "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa~1b2c3d4e"
std::string shortened(std::string_view name, std::size_t max_bytes);

/// A file name for `stem` + `extension` that every file system accepts and no program
/// mistakes: characters Windows forbids (`/\:*?"<>|`), control characters, invalid UTF-8 and
/// those in `also_unsafe` become '_'; no leading '.' (hidden), no leading "~$" (Excel's lock
/// files), no trailing '.' or space (Windows drops them); a name Windows reserves for a device
/// (CON, PRN, AUX, NUL, COM0-9, LPT0-9, CONIN$, CONOUT$, with any extension) gets a '_' after
/// its first part; at most kMaxNameBytes in all (shortened()). Sets `*shortened_out` when the
/// name had to be shortened.
///
///   portable_file_name("aux.txt", ".xlsx") -> "aux_.txt.xlsx"
///   portable_file_name("~$lock", ".xlsx")  -> "_$lock.xlsx"
std::string portable_file_name(std::string_view stem, std::string_view extension,
                               std::string_view also_unsafe = "", bool* shortened_out = nullptr);

/// `name` or, when a name in `taken` is the same but for case (one file on Windows and macOS),
/// `<stem>-2<ext>`, `-3`… ; the name returned is added to `taken` (folded).
///
///   unique_file_name("AB.xlsx", taken);  // "AB.xlsx"
///   unique_file_name("ab.xlsx", taken);  // "ab-2.xlsx"
std::string unique_file_name(std::string name, std::set<std::string>& taken);

}  // namespace arsanalys

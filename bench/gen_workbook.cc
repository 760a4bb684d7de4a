// Writes a generated workbook for the reader benchmark (bench/run_reader_bench.sh).
//
//   arsanalys_gen_workbook OUT.xlsx [ROWS=50000] [COLS=20] [--strings=shared|inline]
//
// One sheet of ROWS data rows (plus a header row) and COLS columns, so ROWS*COLS cells plus
// COLS header cells. The columns cycle through kinds a real export has: integer ids, amounts with
// decimals, repeated category strings (a few hundred distinct values, like a status or a unit),
// dates with a date format, and formulas with cached numeric results.
//
// --strings=shared (the default) writes strings to the shared string table, as Excel itself
// does; libxlsxwriter then keeps the sheet in memory until it is closed. --strings=inline uses
// libxlsxwriter's constant-memory mode, which writes each row as it goes and stores strings
// inline in the sheet (t="inlineStr"). The data is deterministic (a fixed LCG), so every run of
// the benchmark reads the same bytes.

#include <clocale>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <xlsxwriter.h>

namespace {

struct Lcg {
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
};

const char* const kUnits[] = {"Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås",
                              "Örebro", "Linköping", "Helsingborg", "Jönköping", "Norrköping"};
const char* const kStatus[] = {"Öppen", "Pågående", "Avslutad", "Väntar på svar", "Makulerad"};

int usage() {
  std::fprintf(stderr, "usage: arsanalys_gen_workbook OUT.xlsx [ROWS] [COLS] "
                       "[--strings=shared|inline]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_NUMERIC, "C");  // libxlsxwriter prints numbers with printf
  std::vector<std::string> positional;
  bool inline_strings = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--strings=inline") == 0) {
      inline_strings = true;
    } else if (std::strcmp(argv[i], "--strings=shared") == 0) {
      inline_strings = false;
    } else if (argv[i][0] == '-') {
      return usage();
    } else {
      positional.emplace_back(argv[i]);
    }
  }
  if (positional.empty() || positional.size() > 3) return usage();
  const std::string out = positional[0];
  const long rows = positional.size() > 1 ? std::strtol(positional[1].c_str(), nullptr, 10) : 50000;
  const long cols = positional.size() > 2 ? std::strtol(positional[2].c_str(), nullptr, 10) : 20;
  if (rows < 1 || rows > 1'048'575 || cols < 1 || cols > 16'384) return usage();

  lxw_workbook_options options{};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(out.c_str(), &options);
  if (wb == nullptr) {
    std::fprintf(stderr, "cannot create %s\n", out.c_str());
    return 1;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Ärenden");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "# ##0.00");

  // Shared-ish strings: a few hundred distinct values repeated over the sheet.
  std::vector<std::string> handlers;
  for (int i = 0; i < 300; ++i) handlers.push_back("Handläggare " + std::to_string(i + 1));

  for (long c = 0; c < cols; ++c) {
    std::string h = "Kolumn " + std::to_string(c + 1);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h.c_str(), bold);
  }

  Lcg rng;
  std::vector<double> values(static_cast<std::size_t>(cols), 0.0);
  char formula[64];
  char col_name[8];
  for (long r = 1; r <= rows; ++r) {
    const auto row = static_cast<lxw_row_t>(r);
    for (long c = 0; c < cols; ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      switch (c % 10) {
        case 0:  // id
          worksheet_write_number(ws, row, col, static_cast<double>(r), nullptr);
          break;
        case 1:  // date
        case 6: {
          lxw_datetime dt{};
          std::uint32_t v = rng.next();
          dt.year = 2018 + static_cast<int>(v % 7);
          dt.month = 1 + static_cast<int>((v >> 3) % 12);
          dt.day = 1 + static_cast<int>((v >> 7) % 28);
          worksheet_write_datetime(ws, row, col, &dt, date);
          break;
        }
        case 2:  // unit
          worksheet_write_string(ws, row, col, kUnits[rng.next() % 10], nullptr);
          break;
        case 3:  // status
          worksheet_write_string(ws, row, col, kStatus[rng.next() % 5], nullptr);
          break;
        case 4:  // amount
        case 8:
          values[c] = (rng.next() % 10'000'000) / 100.0;
          worksheet_write_number(ws, row, col, values[c], money);
          break;
        case 5:  // handler
          worksheet_write_string(ws, row, col, handlers[rng.next() % handlers.size()].c_str(),
                                 nullptr);
          break;
        case 7:  // count
          worksheet_write_number(ws, row, col, rng.next() % 1000, nullptr);
          break;
        case 9: {  // formula over the two amounts before it, with its cached value
          // Column letters of c-5 and c-1 (both amounts when c % 10 == 9).
          auto name = [&](long cc) {
            lxw_col_to_name(col_name, static_cast<lxw_col_t>(cc), 0);
            return std::string(col_name);
          };
          std::snprintf(formula, sizeof formula, "=%s%ld+%s%ld", name(c - 5).c_str(), r + 1,
                        name(c - 1).c_str(), r + 1);
          worksheet_write_formula_num(ws, row, col, formula, money, values[c - 5] + values[c - 1]);
          break;
        }
      }
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::fprintf(stderr, "cannot write %s: %s\n", out.c_str(), lxw_strerror(err));
    return 1;
  }
  return 0;
}

// Reads a workbook with the library's reader and touches every cell, for the reader benchmark
// (bench/run_reader_bench.sh). Prints one line: cells, sheets, number sum, string bytes and the
// elapsed wall time of read_file + read_workbook + the walk, in milliseconds.
//
//   arsanalys_bench_read FILE.xlsx

#include <chrono>
#include <cstdio>
#include <exception>

#include "core/file_io.h"
#include "xlsx/reader.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: arsanalys_bench_read FILE.xlsx\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  try {
    auto bytes = arsanalys::read_file(argv[1], argv[1]);
    const auto read_done = Clock::now();
    arsanalys::xlsx::Workbook wb = arsanalys::xlsx::read_workbook(bytes, argv[1]);
    const auto parse_done = Clock::now();
    unsigned long long cells = 0, strings = 0, string_bytes = 0, formulas = 0, dates = 0;
    double sum = 0;
    for (const auto& sheet : wb.sheets) {
      for (const auto& cell : sheet.cells) {
        ++cells;
        switch (cell.type) {
          case arsanalys::xlsx::CellType::string:
          case arsanalys::xlsx::CellType::error:
            ++strings;
            string_bytes += wb.text(cell).size();
            break;
          case arsanalys::xlsx::CellType::date:
            ++dates;
            sum += cell.number;
            break;
          default:
            sum += cell.number;
        }
        if (!wb.formula(cell).empty()) ++formulas;
      }
    }
    const auto end = Clock::now();
    auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::printf("cells=%llu sheets=%zu strings=%llu string_bytes=%llu dates=%llu formulas=%llu "
                "sum=%.2f file_ms=%.1f parse_ms=%.1f walk_ms=%.1f total_ms=%.1f\n",
                cells, wb.sheets.size(), strings, string_bytes, dates, formulas, sum,
                ms(read_done - start), ms(parse_done - read_done), ms(end - parse_done),
                ms(end - start));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}

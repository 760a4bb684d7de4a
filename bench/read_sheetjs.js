#!/usr/bin/env node
// Reference reader for the reader benchmark (bench/run_reader_bench.sh): SheetJS (npm `xlsx`,
// pinned in bench/package.json), reading the whole file and touching every cell the way
// bench_read.cc does (sum numbers, count strings). `npm ci` in bench/ first.
//
//   node bench/read_sheetjs.js FILE.xlsx
'use strict';
const XLSX = require('xlsx');

function main() {
  if (process.argv.length !== 3) {
    console.error('usage: read_sheetjs.js FILE.xlsx');
    return 2;
  }
  const start = process.hrtime.bigint();
  // Defaults, except dense mode off and formulas kept (as we keep them); no date conversion,
  // so date cells stay serial numbers with their format, as in our model.
  const wb = XLSX.readFile(process.argv[2], { cellFormula: true, cellDates: false });
  let cells = 0, strings = 0, stringBytes = 0, formulas = 0, sum = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const key in ws) {
      if (key.charCodeAt(0) === 33) continue;  // '!ref', '!margins', ...
      const cell = ws[key];
      ++cells;
      if (cell.f !== undefined) ++formulas;
      if (cell.t === 's') {
        ++strings;
        stringBytes += Buffer.byteLength(cell.v, 'utf8');
      } else if (cell.t === 'n' || cell.t === 'b') {
        sum += Number(cell.v);
      }
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`cells=${cells} strings=${strings} string_bytes=${stringBytes} ` +
              `formulas=${formulas} sum=${sum.toFixed(2)} total_ms=${ms.toFixed(1)}`);
  return 0;
}

process.exitCode = main();

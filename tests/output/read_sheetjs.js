#!/usr/bin/env node
// SheetJS (npm `xlsx`, pinned in tests/package.json; `npm ci` in tests/ first) as one of the
// readers of tests/output/reader_agreement.py: prints, as one JSON document, what it reads in
// each workbook given: the sheets in tab order, every cell that has a value (formulas as their
// cached values), the defined names, each sheet's autofilter and the notes on its cells.
//
//   node tests/output/read_sheetjs.js FILE.xlsx...
'use strict';
const XLSX = require('xlsx');

function readBook(file) {
  // No date conversion and no formatted text: the values as stored.
  const wb = XLSX.readFile(file, { cellDates: false, cellNF: false, cellText: false });
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const cells = {};
    const notes = {};
    for (const ref of Object.keys(ws)) {
      if (ref.charCodeAt(0) === 33) continue;  // '!ref', '!merges', ...
      const c = ws[ref];
      if (c.c) notes[ref] = c.c.map((n) => n.t).join('\n');
      switch (c.t) {
        case 'n': cells[ref] = ['n', c.v]; break;
        case 'b': cells[ref] = ['b', c.v]; break;
        case 's': if (c.v !== '') cells[ref] = ['s', c.v]; break;
        case 'e': cells[ref] = ['e', c.w !== undefined ? c.w : String(c.v)]; break;
        case 'd': cells[ref] = ['d', c.v instanceof Date ? c.v.toISOString() : String(c.v)]; break;
        default: break;  // 'z': a blank cell with a format
      }
    }
    const filter = ws['!autofilter'] ? ws['!autofilter'].ref : null;
    return { name, cells, notes, filter };
  });
  const names = ((wb.Workbook || {}).Names || []).map((n) => ({
    name: n.Name, sheet: n.Sheet === undefined ? null : n.Sheet, ref: n.Ref, hidden: !!n.Hidden,
  }));
  return { sheets, names };
}

const out = {};
for (const file of process.argv.slice(2)) out[file] = readBook(file);
process.stdout.write(JSON.stringify(out));

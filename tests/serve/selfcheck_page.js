#!/usr/bin/env node
// The self-check web page in a real browser: starts `arsanalys serve` on a free local port and
// drives Debian's Chromium headless with puppeteer-core (pinned in tests/package.json, installed
// by `npm ci` in tests/). It uploads each sample submission and files that are no workbook (a
// PDF, an .xls, an encrypted workbook, a broken zip), checks what a person sees against
// `arsanalys validate --json` of the same file, checks that every text from a workbook is
// shown as text, that "Kontrollera igen" keeps the page, that the page loads nothing from
// elsewhere and works with the keyboard; keeps screenshots in WORK_DIR; then sends 20 uploads
// at once and checks that every answer is complete and right; and that a second server on a
// port in use exits 2.
//
// Usage: selfcheck_page.js ARSANALYS_BINARY SAMPLE_ROUND_DIR WORK_DIR
// Exit 77 = skipped: Chromium is missing (node itself is checked by the CMake test's shell).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const [binary, round, work] = process.argv.slice(2);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (!CHROMIUM) {
  console.log('Chromium saknas (Debian: chromium); hoppar över');
  process.exit(77);
}
let puppeteer, XLSX;
try {
  puppeteer = require(path.join(__dirname, '..', 'node_modules', 'puppeteer-core'));
  XLSX = require(path.join(__dirname, '..', 'node_modules', 'xlsx'));
} catch (e) {
  console.log('FEL: puppeteer-core eller xlsx saknas i tests/node_modules: kör `npm ci` i tests/ ' +
              '(scripts/test.sh gör det)');
  process.exit(1);
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  return ok;
}

// --- Files to upload ----------------------------------------------------------------------

const samples = ['demokrati', 'inkop', 'intraservice'].map((n) =>
  path.join(round, 'leverantorer', n + '.xlsx'));
const expected = {};  // file name -> validate --json
for (const file of samples) {
  const r = spawnSync(binary, ['validate', '--json', file], { encoding: 'utf8' });
  expected[path.basename(file)] = JSON.parse(r.stdout);
}

function write(name, bytes) {
  const p = path.join(work, name);
  fs.writeFileSync(p, bytes);
  return p;
}
// Not workbooks: what suppliers send by mistake.
const pdf = write('analys.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const ole = (marker) => {
  const b = Buffer.alloc(4096);
  Buffer.from([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).copy(b);
  Buffer.from(marker, 'utf16le').copy(b, 1024);
  return b;
};
const xls = write('gammal.xls', ole('Workbook'));
const encrypted = write('losenord.xlsx', ole('EncryptedPackage'));
const broken = write('trasig.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
// A workbook whose texts would be markup if they were not escaped.
const hostileBook = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(hostileBook, XLSX.utils.aoa_to_sheet([
  ['Förvaltningskostnader (tkr)'],
  ['Tjänst', 'Utfall 2023', 'Budget 2024', 'Prognos budget 2025'],
  ['<img src=x onerror="window.__xss=1">', 1, 100, 103],
  ['<script>window.__xss=2</script>', 2, 200, 206],
  ['Totalkostnad', 3, 300, 999],
]), '3.1a <b>Förvaltning<b>');
const hostile = write('<i>elak<i>.xlsx', XLSX.write(hostileBook, { type: 'buffer', bookType: 'xlsx' }));

// --- The server ---------------------------------------------------------------------------

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ child, port: Number(m[1]), log: () => out, errors: () => err });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => reject(new Error(`serve avslutades (${code}): ${err}`)));
  });
}

function countsOf(result) {
  const c = { fel: 0, varning: 0, info: 0 };
  for (const f of result.findings) c[f.level] += 1;
  return c;
}

async function main() {
  const server = await startServer(['--port', '0']);
  const base = `http://127.0.0.1:${server.port}/`;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'arsanalys-chromium-')),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=sv-SE'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    const foreign = [], problems = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => problems.push('sidfel: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('konsol: ' + m.text()); });
    page.on('dialog', async (d) => { problems.push('dialog: ' + d.message()); await d.dismiss(); });

    await page.goto(base, { waitUntil: 'networkidle0' });
    check((await page.title()).includes('Självkontroll av Årlig analys'), 'sidans titel');
    check(await page.$eval('html', (h) => h.lang === 'sv' && h.classList.contains('js')),
          'lang=sv och skriptet laddat');
    await page.evaluate(() => { window.__samma = true; });

    // The keyboard: Tab reaches the skip link, then the file chooser and the button.
    const focused = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement.id ||
                                              document.activeElement.className));
    }
    check(focused.includes('fil') && focused.includes('kontrollera'),
          `tangentbordet når filväljaren och knappen: ${focused}`);

    async function upload(file) {
      await page.evaluate(() => { document.getElementById('resultat').innerHTML = ''; });
      const input = await page.$('#fil');
      await input.uploadFile(file);  // the change event sends it
      await page.waitForSelector('#resultat h2', { timeout: 60000 });
      await page.waitForFunction(() => !document.getElementById('kontrollera').disabled);
      return page.$eval('#resultat', (r) => r.innerText);
    }

    // Each sample submission: what a person sees against validate --json.
    for (const file of samples) {
      const name = path.basename(file);
      const want = expected[name];
      const text = await upload(file);
      const c = countsOf(want);
      check(text.includes(`Resultat för ${name}`), `${name}: rubriken`);
      check(text.includes(want.suppliers[0].name), `${name}: leverantören`);
      check(text.includes('Analysår\n2024') || text.includes('Analysår\t2024') ||
            /Analysår\s+2024/.test(text), `${name}: analysåret läst ur arbetsboken`);
      const shown = await page.$$eval('.raknare li', (li) => li.map((x) => x.textContent));
      check(shown.join('|') === `${c.fel} fel|${c.varning} ${c.varning === 1 ? 'varning' : 'varningar'}|${c.info} info`,
            `${name}: antalen ${shown} mot validate ${JSON.stringify(c)}`);
      const items = await page.$$eval('.fyndlista > li', (li) => li.map((x) => ({
        level: x.classList.contains('fel') ? 'fel' : x.classList.contains('varning') ? 'varning' : 'info',
        text: x.querySelector('.text').textContent })));
      check(items.length === want.findings.length, `${name}: ${items.length} fynd mot ${want.findings.length}`);
      const ranks = items.map((i) => ({ fel: 0, varning: 1, info: 2 }[i.level]));
      check(ranks.every((r, i) => i === 0 || ranks[i - 1] <= r), `${name}: de allvarligaste först`);
      for (const f of want.findings) {
        check(items.some((i) => i.text === f.message), `${name}: fyndet "${f.message}" visas`);
      }
      // Findings beside their cells: every finding in a table marks its cell.
      const marked = await page.$$eval('.tabell .har-fynd', (c) => c.length);
      const inTables = want.findings.filter((f) => /^[A-Z]+[0-9]+$/.test(f.cell) &&
                                               f.code !== 'PROPOSAL_INCOMPLETE').length;
      check(marked > 0 || inTables === 0, `${name}: markerade celler (${marked})`);
      // Each table as read, amounts in tkr.
      const tables = await page.$$eval('.tabell h4', (h) => h.map((x) => x.textContent));
      for (const t of ['3.1a Förvaltningskostnader', '3.1b Utvecklingskostnader',
                       '3.1c Nya förändringsinsatser', '3.2 Fördelningsnycklar']) {
        check(tables.some((h) => h.startsWith(t)), `${name}: tabellen ${t} visas`);
      }
      const line = want.suppliers[0].lines.find((l) => l.table === 'forvaltning');
      const y = Object.keys(line.amounts_kr).find((k) => line.amounts_kr[k] !== null);
      const tkr = (line.amounts_kr[y] / 1000).toLocaleString('sv-SE').replace(/\s/g, '\u202F')
        .replace('-', '\u2212');
      check(text.replace(/\s/g, ' ').includes(tkr.replace(/\s/g, ' ')),
            `${name}: ${line.service} ${y} visas i tkr (${tkr})`);
      // The review copy, made in memory, as a download.
      const href = await page.$eval('a.ladda-ned', (a) => a.href).catch(() => '');
      const bytes = Buffer.from(href.split('base64,')[1] || '', 'base64');
      check(bytes.slice(0, 4).toString('latin1') === 'PK\x03\x04' && bytes.length > 2000,
            `${name}: granskningskopian`);
      if (bytes.length) {
        const review = XLSX.read(bytes, { type: 'buffer' });
        check(review.SheetNames.includes('Fynd'), `${name}: granskningskopians blad`);
      }
      await page.screenshot({ path: path.join(work, `${path.parse(name).name}.png`) });
    }
    // The full page of one result, kept for the README and for people to look at.
    await upload(samples[0]);
    await page.screenshot({ path: path.join(work, 'sjalvkontroll-hela.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(work, 'sjalvkontroll.png') });
    // The result as a person on a laptop first sees it (docs/sjalvkontroll.png is one of these).
    await page.setViewport({ width: 1140, height: 660 });
    await page.$eval('#lasta-rubrik', (t) => t.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -16));
    await page.screenshot({ path: path.join(work, 'sjalvkontroll-resultat.png') });
    await page.setViewport({ width: 1366, height: 768 });
    for (const [selector, name] of [['.fynd-alla', 'fynd'], ['.tabell', 'tabell-3.1a'],
                                    ['.forslag', 'forslag']]) {
      const part = await page.$(selector);
      if (check(part !== null, `delen ${selector} finns`)) {
        await part.screenshot({ path: path.join(work, `del-${name}.png`) });
      }
    }

    // "Kontrollera igen" checks the same file again without leaving the page.
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.click('button[data-gor="igen"]');
    await page.waitForFunction(() => /^Klart/.test(document.getElementById('status').textContent),
                               { timeout: 60000 });
    check(await page.evaluate(() => window.__samma === true), 'Kontrollera igen behåller sidan');
    check((await page.$eval('#resultat', (r) => r.innerText)).includes('Resultat för demokrati.xlsx'),
          'Kontrollera igen visar resultatet igen');

    // Files that are no workbook: a clear page, in Swedish.
    for (const [file, words] of [[pdf, 'PDF'], [xls, '.xls'], [encrypted, 'lösenord'],
                                 [broken, 'zip']]) {
      const text = await upload(file);
      check(text.includes('Filen kunde inte läsas') && text.includes(words),
            `${path.basename(file)}: "${text.slice(0, 160)}"`);
      await page.screenshot({ path: path.join(work, `olasbar-${path.basename(file)}.png`) });
    }

    // Every text from a workbook is text on the page.
    const text = await upload(hostile);
    check(text.includes('<img src=x onerror="window.__xss=1">') &&
          text.includes('<script>window.__xss=2</script>') && text.includes('<i>elak<i>.xlsx'),
          'texter ur arbetsboken visas som text');
    check(await page.evaluate(() => window.__xss === undefined &&
            document.querySelectorAll('#resultat script, #resultat img, #resultat i').length === 0),
          'ingen markup ur arbetsboken körs');

    check(foreign.length === 0, `förfrågningar till andra adresser: ${foreign}`);
    check(problems.length === 0, `fel i sidan: ${problems}`);
    await page.close();
  } finally {
    await browser.close();
  }

  // 20 uploads at once: every answer complete and right.
  const jobs = [];
  for (let i = 0; i < 20; i++) {
    const file = samples[i % samples.length];
    const name = path.basename(file);
    jobs.push(fetch(`${base}granska?namn=${encodeURIComponent(name)}`, {
      method: 'POST', body: fs.readFileSync(file),
      headers: { 'Content-Type': 'application/octet-stream', 'X-Sjalvkontroll': '1' },
    }).then(async (r) => ({ name, status: r.status, html: await r.text(),
                            summary: decodeURIComponent(r.headers.get('x-sammanfattning') || '') })));
  }
  const answers = await Promise.all(jobs);
  for (const a of answers) {
    const c = countsOf(expected[a.name]);
    const want = `Klart: ${c.fel} fel, ${c.varning} ${c.varning === 1 ? 'varning' : 'varningar'}, ${c.info} info.`;
    const items = (a.html.match(/<li class="fynd [a-z]+" id="f\d+"/g) || []).length;
    const review = (a.html.match(/base64,([A-Za-z0-9+/=]+)"/) || [])[1] || '';
    const zip = Buffer.from(review, 'base64');
    check(a.status === 200 && a.summary === want && items === expected[a.name].findings.length &&
          a.html.includes(expected[a.name].suppliers[0].name) &&
          a.html.trimEnd().endsWith('</section>') &&
          zip.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06])),
          `samtidig uppladdning av ${a.name}: ${a.status} "${a.summary}" ${items} fynd`);
  }

  // Safe by default: on 127.0.0.1 only; a second server on the same port exits 2.
  check(/127\.0\.0\.1/.test(server.log()), 'lyssnar på 127.0.0.1');
  const second = spawnSync(binary, ['serve', '--port', String(server.port)], { encoding: 'utf8',
                                                                               timeout: 10000 });
  check(second.status === 2 && /kan inte lyssna/.test(second.stderr),
        `andra servern på samma port: ${second.status} ${second.stderr}`);
  // The log names no file.
  check(!/demokrati|intraservice|inkop|elak/.test(server.log()), 'loggen nämner inga filer');

  server.child.kill('SIGTERM');
  const code = await new Promise((resolve) => server.child.on('exit', resolve));
  check(code === 0, `serve avslutas med 0 på SIGTERM, fick ${code}`);
}

main().then(() => {
  for (const f of failures) console.log('FEL:', f);
  console.log(failures.length ? `${failures.length} fel` : `ok (skärmbilder i ${work})`);
  process.exit(failures.length ? 1 : 0);
}, (e) => {
  console.log('FEL:', e.stack || e);
  process.exit(1);
});

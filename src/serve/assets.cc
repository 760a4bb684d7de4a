// The self-check page's style sheet and script, served by the program itself: no external
// scripts, fonts or styles, so the page works on a closed network and under a strict Content
// Security Policy (no inline script or style anywhere on the page).
#include "serve/page.h"

namespace arsanalys::serve {

std::string_view stylesheet() {
  static constexpr std::string_view kCss = R"css(
:root {
  --bla: #00548f; --bla-ljus: #e6f0f8; --text: #1b1b1b; --gra: #5b5b5b; --linje: #c8ccd0;
  --fel: #a4081b; --fel-bg: #fde8ea; --varning: #7a4d00; --varning-bg: #fff3d1;
  --info: #0b5394; --info-bg: #e6f0fb; --klart: #1d6b2f; --klart-bg: #e5f4e8;
  --fokus: #ffbf47;
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0; color: var(--text); background: #f6f7f8;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--bla); }
a:focus-visible, button:focus-visible, input:focus-visible, .tabellram:focus-visible,
.resultat:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--fokus); outline-offset: 2px;
}
.hoppa { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.hoppa:focus { left: 1rem; z-index: 10; }
.sidhuvud { background: var(--bla); color: #fff; padding: 1rem 1.5rem 1.25rem; }
.sidhuvud h1 { margin: 0; font-size: 1.75rem; line-height: 1.2; }
.avsandare { margin: 0 0 .25rem; font-size: .95rem; opacity: .9; }
main { max-width: 84rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h2 { font-size: 1.4rem; margin: 0 0 .75rem; }
h3 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--linje); padding-bottom: .25rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
h5 { font-size: 1rem; margin: 0 0 .5rem; }
.ladda, .resultat:not(:empty) {
  background: #fff; border: 1px solid var(--linje); border-radius: 6px;
  padding: 1.25rem 1.5rem; margin-top: 1rem;
}
.ladda p { max-width: 60rem; }
form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0 .5rem; }
.slapp {
  flex: 1 1 28rem; border: 2px dashed var(--bla); border-radius: 6px; padding: .9rem 1rem;
  background: var(--bla-ljus); display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
}
.slapp.over { background: #cfe3f3; border-style: solid; }
.slapp label { font-weight: 600; }
input[type=file] { font: inherit; max-width: 100%; }
button, .ladda-ned {
  font: inherit; font-weight: 600; border-radius: 4px; padding: .55rem 1.1rem; cursor: pointer;
  border: 2px solid var(--bla); background: var(--bla); color: #fff; text-decoration: none;
  display: inline-block;
}
button.annan, button.igen { background: #fff; color: var(--bla); }
button[disabled] { opacity: .6; cursor: progress; }
.forlopp { display: flex; align-items: center; gap: 1rem; margin: .5rem 0; min-height: 1.5rem; }
.forlopp progress { width: 16rem; height: 1.1rem; }
[hidden] { display: none !important; }
.resultat:focus { outline: none; }
.integritet { color: var(--gra); font-size: .95rem; margin-bottom: 0; }
.bara-js { display: none !important; }
.js .bara-js { display: inline-block !important; }
.js .utan-js { display: none; }
.fil { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .95em; }
.fakta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
.fakta dt { font-weight: 600; }
.fakta dd { margin: 0; }
.not { color: var(--gra); font-size: .95rem; }
.utslag { font-size: 1.1rem; font-weight: 600; padding: .6rem .9rem; border-radius: 4px; border-left: 6px solid; }
.utslag.fel { background: var(--fel-bg); border-color: var(--fel); color: var(--fel); }
.utslag.varning { background: var(--varning-bg); border-color: #c98a00; color: var(--varning); }
.utslag.klart { background: var(--klart-bg); border-color: var(--klart); color: var(--klart); }
.raknare { list-style: none; padding: 0; margin: .5rem 0; display: flex; gap: .5rem; flex-wrap: wrap; }
.raknare li { padding: .15rem .7rem; border-radius: 999px; font-weight: 600; font-size: .95rem; }
li.fel, .markor.fel { background: var(--fel-bg); color: var(--fel); }
li.varning, .markor.varning { background: var(--varning-bg); color: var(--varning); }
li.info, .markor.info { background: var(--info-bg); color: var(--info); }
.atgarder { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0 .25rem; }
.problem h2 { color: var(--fel); }
.problem { border-left: 6px solid var(--fel); padding-left: 1rem; }
.fyndlista, .tabellfynd ol { padding-left: 0; list-style: none; margin: 0; }
li.fynd { background: none; color: var(--text); border-left: 4px solid; padding: .35rem .75rem; margin: .4rem 0; }
.fynd.fel { border-color: var(--fel); }
.fynd.varning { border-color: #c98a00; }
.fynd.info { border-color: var(--info); }
.fynd .niva { font-weight: 700; margin-right: .25rem; }
.fynd.fel .niva { color: var(--fel); }
.fynd.varning .niva { color: var(--varning); }
.fynd.info .niva { color: var(--info); }
.fynd::before { content: counter(list-item) ". "; font-weight: 700; color: var(--gra); }
.fynd .var { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9rem; margin-right: .35rem; }
.fynd .kod { font-size: .75rem; color: var(--gra); letter-spacing: .02em; }
.fynd .text { display: block; }
.fynd:target, tr:target, td:target, th:target { outline: 3px solid var(--fokus); }
.kalla { color: var(--gra); font-size: .95rem; margin: 0 0 .5rem; }
.bredvid { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 1100px) {
  .bredvid:not(.bred) { grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); align-items: start; }
  .bredvid:not(.bred) .tabellfynd { position: sticky; top: 1rem; }
}
.tabellram { overflow-x: auto; border: 1px solid var(--linje); border-radius: 4px; background: #fff; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid #e3e5e8; vertical-align: top; text-align: left; }
thead th { background: #eef0f2; position: sticky; top: 0; font-weight: 600; }
th.belopp, td.belopp { text-align: right; font-variant-numeric: tabular-nums; }
td.belopp { white-space: nowrap; }
th.belopp { min-width: 7rem; }
td.text { min-width: 12rem; }
.radnr { color: var(--gra); font-size: .85rem; text-align: right; width: 3rem; }
th.etikett { font-weight: 400; min-width: 14rem; }
tr.grupp th, tr.grupp td { background: #f3f4f6; font-weight: 600; }
tr.delsumma th, tr.delsumma td { font-style: italic; border-top: 1px solid var(--linje); }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--text); }
.har-fynd.fel { background: var(--fel-bg); box-shadow: inset 3px 0 0 var(--fel); }
.har-fynd.varning { background: var(--varning-bg); box-shadow: inset 3px 0 0 #c98a00; }
.har-fynd.info { background: var(--info-bg); box-shadow: inset 3px 0 0 var(--info); }
.markor {
  display: inline-block; min-width: 1.5rem; padding: 0 .3rem; border-radius: 999px; text-align: center;
  font-size: .8rem; font-weight: 700; text-decoration: none; font-style: normal; border: 1px solid currentColor;
}
.ej-tal, .skrivet { color: var(--gra); font-style: italic; }
.saknas { color: var(--fel); font-weight: 600; }
.klart { color: var(--klart); font-weight: 600; }
.forslag ul { margin: 0; padding-left: 0; list-style: none; }
.forslag li { margin: .15rem 0; }
.tabellfynd { background: #fafbfc; border: 1px solid var(--linje); border-radius: 4px; padding: .75rem; }
.sidfot { max-width: 84rem; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--gra); font-size: .9rem; }
.upptagen { cursor: progress; }
@media print {
  .ladda, .atgarder, .hoppa, .markor { display: none !important; }
  .bredvid { display: block; }
}
)css";
  return kCss;
}

std::string_view script() {
  static constexpr std::string_view kJs = R"js('use strict';
// The self-check page: sends the chosen file to POST /granska and puts the answer in the page,
// with progress while the file is sent and checked. Without the script the form posts the
// file and the server answers with the whole page.
(function () {
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('formular');
    var input = document.getElementById('fil');
    var drop = document.getElementById('slapp');
    var button = document.getElementById('kontrollera');
    var progress = document.getElementById('forlopp');
    var meter = document.getElementById('matare');
    var status = document.getElementById('status');
    var result = document.getElementById('resultat');
    var max = parseInt(form.getAttribute('data-max'), 10);
    var current = null;  // the file last sent, for "Kontrollera igen"

    progress.hidden = false;
    meter.hidden = true;

    function busy(on) {
      button.disabled = on;
      input.disabled = on;
      document.body.classList.toggle('upptagen', on);
      result.setAttribute('aria-busy', on ? 'true' : 'false');
      meter.hidden = !on;  // the status line stays: it says what happened last
    }

    function show(html, message) {
      result.innerHTML = html;  // the server escapes every text it takes from a workbook
      busy(false);
      status.textContent = message;
      result.focus();
    }

    function problem(title, text) {
      var box = document.createElement('div');
      box.className = 'problem';
      box.setAttribute('role', 'alert');
      var h = document.createElement('h2');
      h.id = 'resultat-rubrik';
      h.textContent = title;
      var p = document.createElement('p');
      p.textContent = text;
      box.appendChild(h);
      box.appendChild(p);
      result.innerHTML = '';
      result.appendChild(box);
      busy(false);
      status.textContent = title;
      result.focus();
    }

    function send(file) {
      if (!file) return;
      if (file.size > max) {
        problem('Filen är för stor',
                file.name + ' är ' + Math.ceil(file.size / 1048576) + ' MB; självkontrollen tar emot högst ' +
                Math.floor(max / 1048576) + ' MB. En ifylld mall är mycket mindre: kontrollera att det är rätt fil.');
        return;
      }
      current = file;
      busy(true);
      meter.value = 0;
      status.textContent = 'Skickar ' + file.name + ' …';
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/granska?namn=' + encodeURIComponent(file.name));
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('X-Sjalvkontroll', '1');
      xhr.timeout = 120000;
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          meter.value = Math.round(100 * e.loaded / e.total);
          status.textContent = 'Skickar ' + file.name + ' … ' + meter.value + ' %';
        }
      };
      xhr.upload.onload = function () {
        meter.removeAttribute('value');  // indeterminate while the server checks
        status.textContent = 'Kontrollerar ' + file.name + ' …';
      };
      xhr.onload = function () {
        var done = xhr.getResponseHeader('X-Sammanfattning');
        show(xhr.responseText, done ? decodeURIComponent(done) : 'Klart.');
      };
      xhr.onerror = function () {
        problem('Filen kunde inte skickas',
                'Servern svarade inte, eller filen kunde inte läsas (har den ändrats sedan den valdes? Välj den i så fall igen). Försök igen om en stund.');
      };
      xhr.ontimeout = function () {
        problem('Inget svar i tid', 'Servern svarade inte inom två minuter. Försök igen om en stund.');
      };
      xhr.send(file);
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      send(input.files[0]);
    });
    input.addEventListener('change', function () { send(input.files[0]); });
    ['dragenter', 'dragover'].forEach(function (type) {
      drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer.files.length) send(e.dataTransfer.files[0]);
    });
    // "Kontrollera igen" sends the same file again (as it is now on disk), "Välj en annan fil"
    // opens the file chooser; the page stays as it is until the answer is in.
    result.addEventListener('click', function (e) {
      var what = e.target.getAttribute && e.target.getAttribute('data-gor');
      if (what === 'igen' && current) {
        current.slice(0, 1).arrayBuffer().then(function () { send(current); }, function () {
          status.textContent = 'Filen har ändrats sedan den valdes. Välj den igen.';
          input.value = '';
          input.click();
        });
      } else if (what === 'igen' || what === 'valj') {
        input.value = '';
        input.click();
      }
    });
  });
})();
)js";
  return kJs;
}

}  // namespace arsanalys::serve

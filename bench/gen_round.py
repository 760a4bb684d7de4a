#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Writes a city-scale round folder for the whole-run benchmark (docs/performance.md,
"Hela körningen").

    /usr/bin/python3 bench/gen_round.py OUT_DIR N [SERVICES_PER_AREA]

OUT_DIR gets omgang.toml, leverantorer/ (three filled Årlig analys workbooks in the shape of
`arsanalys template`: a cover sheet with Leverantör and Analysår, 2.1 text, one 2.2 form per
new initiative, 3.1a/3.1b/3.1c on one sheet, 3.2 on its own) and kunder.xlsx with N customers
(sheets Kunder, Nycklar, Tjänster as contract.md describes them).

Every figure is invented; nothing is real but the suppliers' names. Each supplier has 200
services in 10 areas (SERVICES_PER_AREA, 20 unless given: 5 to 40, for measuring how the cost
grows with the lines) (an area label row, its services, an unlabelled subtotal row; then
Totalkostnad), 50 of them with development costs in 3.1b, 10 new initiatives in 3.1c (half
of them named in Tjänster, so allocated) and a 3.2 key text for every service. Amounts are
whole tkr, forecasts are budget × 1.033 rounded (the round's index), totals are exact sums.
The keys use every shape the contract allows: `lika`, one measure, `Typ=` selections with
shares, `Kund=` fixed shares, weighted sums of measures; services find them through a
`Tjänster` row, a supplier's `*` row, or their 3.2 text (key name or alias).

Deterministic: a fixed seed, fixed document properties and fixed zip timestamps, so the same
N gives the same bytes. Needs openpyxl (Debian's /usr/bin/python3).
"""

import datetime
import math
import os
import random
import sys

from openpyxl.styles import Font, PatternFill

# The sample round's generator: its byte-stable workbook helpers are shared.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "2024"))
import make_samples  # noqa: E402

YEAR = 2025                     # analysår Y
INDEX = 1.033                   # the round's index, 3,3 %
FIXED_TIME = datetime.datetime(2025, 3, 10, 0, 0, 0)
ZIP_TIME = (2025, 3, 10, 0, 0, 0)
CREATOR = "arsanalys bench/gen_round.py"
SEED = 20250310
SERVICES_PER_AREA = 20
services_per_area = SERVICES_PER_AREA  # main() may change it
DEV_SERVICES = 50               # services with a 3.1b row
NEW_INITIATIVES = 10            # 3.1c rows (and 2.2 forms) per supplier

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")

IS = "Nämnden för Intraservice"
INK = "Nämnden för inköp och upphandling"
DMS = "Nämnden för demokrati och medborgarservice"

# Supplier, file, areas (10), typical budget Y-1 per service in tkr (log-normal median)
SUPPLIERS = [
    (IS, "intraservice.xlsx", [
        "Digital infrastruktur", "Arbetsplats och kommunikation", "Ekonomi", "HR",
        "Ledning och styrning", "Inköp", "Informationssäkerhet", "Verksamhetssystem",
        "Integration och data", "Support och service"], 4200),
    (INK, "inkop.xlsx", [
        "Inköpsstöd", "Upphandling", "E-handel", "Leverantörsfakturor", "Avtalshantering",
        "Uppföljning och analys", "Hållbar upphandling", "Stöd till bolag",
        "Systemförvaltning", "Utbildning och kompetens"], 420),
    (DMS, "demokrati.xlsx", [
        "Kontaktcenter", "goteborg.se", "Öppna data", "E-tjänster", "Digital delaktighet",
        "Tillgänglighet", "Tolk och översättning", "Medborgardialog", "Arkiv och diarium",
        "Konsumentvägledning"], 380),
]

# Service names: a noun of the list, then the area ("Drift och övervakning – Ekonomi").
NOUNS = [
    "Förvaltning av systemstöd", "Licenser", "Drift och övervakning", "Användarstöd",
    "Integrationer", "Behörighetsstyrning", "Rapportering", "Utbildning för användare",
    "Dokumenthantering", "Mobil åtkomst", "Säkerhetskopiering", "Tillgänglighetsanpassning",
    "Analys och statistik", "Arkivering", "Avtalsförvaltning", "Kvalitetsuppföljning",
    "Konfiguration och test", "Nätverk och kommunikation", "Telefoni", "Webbplattform",
    "E-tjänsteplattform", "Beställningsportal", "Masterdata", "Ärendehantering",
    "Informationshantering", "Processautomation", "Identitet och åtkomst", "Databashotell",
    "Applikationsplattform", "Kundtjänst", "Leverantörsstöd", "Självservice",
    "Digital signering", "Utskrift och skanning", "Videomöten", "Samarbetsytor",
    "Sökfunktion", "Kartor och geodata", "Besöksbokning", "Enkäter och uppföljning",
]

MEASURES = ["Antal anställda", "Administrativa datorer", "Antal beställare",
            "Digitala fakturor", "Pappersfakturor", "Anknytningar", "Ärendetid",
            "Stadshus AB-nyckel"]

F, B, S = "Förvaltning", "Bolag", "Stiftelse"

# Named customers first (the suppliers are customers too); the rest are generated.
NAMED = [("DMS", "Demokrati och medborgarservice", F), ("INK", "Inköp och upphandling", F),
         ("IS", "Intraservice", F), ("SLK", "Stadsledningskontoret", F),
         ("AVO", "Äldre samt vård- och omsorgsförvaltningen", F),
         ("FFS", "Förvaltningen för funktionsstöd", F), ("SFC", "Socialförvaltningen Centrum", F),
         ("SFH", "Socialförvaltningen Hisingen", F), ("SFNO", "Socialförvaltningen Nordost", F),
         ("SFSV", "Socialförvaltningen Sydväst", F), ("GSAB", "Göteborgs Stadshus AB", B)]
F_NAMES = ["Förskoleenhet", "Grundskoleområde", "Äldreboende", "Hemtjänstgrupp",
           "Socialkontor", "Fritidsgård", "Bibliotek", "Kulturhus", "Idrottsanläggning",
           "Parkförvaltning", "Miljöenhet", "Bygglovsenhet", "Gymnasieskola", "Vuxenutbildning"]
B_NAMES = ["Bostäder", "Fastigheter", "Energi", "Hamn", "Parkering", "Event", "Leasing",
           "Spårvägar", "Teater", "Turism", "Vatten", "Avfall"]
S_NAMES = ["Stiftelsen för kultur", "Stiftelsen för idrott", "Stiftelsen för forskning"]
AREAS_SV = ["Centrum", "Hisingen", "Nordost", "Sydväst", "Angered", "Majorna", "Örgryte",
            "Lundby", "Askim", "Biskopsgården", "Torslanda", "Kortedala", "Tuve", "Frölunda"]

# Keys: Nyckel, Andel, Urval, Mått, Alias. `Kund=` ids are the named customers above.
K_LIKA = "Lika fördelning"
K_ANST = "Antal anställda"
K_DATORER = "Administrativa datorer"
K_DATORER_ALLA = "Datorer alla kunder"
K_BEST = "Antal beställare"
K_FAKT = "Leverantörsfakturor"
K_7525 = "Förvaltningar 75 % och bolag 25 %"
K_KC = "Kontaktcenter"
K_ULA = "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %"
K_IS_GT = "Intraservice gemensamma tjänster"
K_VO = "Vård och omsorg (fasta andelar)"
K_MIX = "Datorer och anställda"
KEYS = [
    (K_LIKA, 100, "alla", "lika", "Lika delar per kund"),
    (K_ANST, 100, "alla", "Antal anställda", "Fördelas efter antal anställda."),
    (K_DATORER, 100, "Typ=Förvaltning", "Administrativa datorer",
     "Fördelas efter antal administrativa datorer (nämnderna)"),
    (K_DATORER_ALLA, 100, "alla", "Administrativa datorer", ""),
    (K_BEST, 100, "alla", "Antal beställare", "Fördelas på antal beställare."),
    (K_FAKT, 100, "alla", "Digitala fakturor + 3 * Pappersfakturor",
     "Fördelas utifrån antal fakturor, uppdelat på digitala fakturor respektive pappersfakturor."),
    (K_7525, 75, "Typ=Förvaltning", "Antal anställda",
     "75 % till förvaltningarna efter antal anställda, 25 % till bolagen efter Stadshus AB:s "
     "fördelningsnyckel"),
    (K_7525, 25, "Typ=Bolag", "Stadshus AB-nyckel", ""),
    (K_KC, 20, "Typ=Förvaltning", "lika",
     "Grundbelopp, antal anknytningar och ärendetid till kontaktcenter"),
    (K_KC, 40, "Typ=Förvaltning", "Anknytningar", ""),
    (K_KC, 40, "Typ=Förvaltning", "Ärendetid", ""),
    (K_ULA, 15, "Kund=INK", "lika", ""),
    (K_ULA, 63.75, "Typ=Förvaltning", "Antal anställda", ""),
    (K_ULA, 21.25, "Typ=Bolag", "Stadshus AB-nyckel", ""),
    (K_IS_GT, 80, "Typ=Förvaltning", "Antal anställda", ""),
    (K_IS_GT, 20, "Typ=Bolag,Stiftelse", "Antal anställda", ""),
    (K_VO, 8.6, "Kund=SFNO", "lika", ""),
    (K_VO, 7.0, "Kund=SFC", "lika", ""),
    (K_VO, 6.3, "Kund=SFH", "lika", ""),
    (K_VO, 4.2, "Kund=SFSV", "lika", ""),
    (K_VO, 40.6, "Kund=AVO", "lika", ""),
    (K_VO, 33.3, "Kund=FFS", "lika", ""),
    (K_MIX, 100, "alla", "Administrativa datorer + 0,5 * Antal anställda",
     "Fördelas efter datorer och anställda"),
]

# The 3.2 text a service's key goes by: the key's name or one of its aliases.
KEY_TEXT = {k: (alias or k) for k, _, _, _, alias in KEYS if alias} | {
    K_DATORER_ALLA: K_DATORER_ALLA}

FORM_LABELS = [
    "Namn på förändringsinsats", "Behovsbeskrivning",
    "Kopplat till befintlig bastjänst eller infratjänst", "Nytta", "Effektmål",
    "Intern - extern nytta", "Effektivitet - innovation",
    "Kommer arbetet bedrivas i projektform? JA / NEJ",
    "Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)",
    "Bedömning förändringsinsatsens komplexitet - kundperspektiv",
    "Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv",
    "Är informationsklassning genomförd? JA / NEJ",
    "Tröskel- och konsekvensanalys genomförd? JA / NEJ",
    "Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? "
    "JA / NEJ",
    "Är arkitekturbedömning genomförd? JA / NEJ",
    "Får påverkan på digital infrastruktur? JA / NEJ",
    "Total projektbudget (tkr)",
    f"Påverkan förvaltningskostnad {YEAR}, {YEAR + 1}, {YEAR + 2} (nivå per år, tkr)",
    "Kundgrupp som finansierar", "Förslag fördelningsnyckel",
]
INITIATIVES = ["Ny plattform för", "Automatisering av", "Införande av AI-stöd i",
               "Modernisering av", "Konsolidering av", "Mobil lösning för",
               "Förstudie om", "Säkrare inloggning i", "Självservice för",
               "Digital tvilling för", "Öppna gränssnitt för", "Ersättning av"]


def tkr_round(x):
    return int(math.floor(x + 0.5))


def lognormal(rng, median, sigma, lo, hi):
    return min(hi, max(lo, median * math.exp(rng.gauss(0, sigma))))


# --- The suppliers' lines ------------------------------------------------------------------

def supplier_lines(rng, areas, median):
    """Per area: [(service, utfall, budget, prognos)]; then 3.1b and 3.1c rows."""
    services = []
    for area in areas:
        nouns = rng.sample(NOUNS, services_per_area)
        rows = []
        for noun in nouns:
            budget = tkr_round(lognormal(rng, median, 1.0, median / 40, median * 40))
            utfall = tkr_round(budget * rng.uniform(0.86, 1.04))
            prognos = tkr_round(budget * INDEX)
            rows.append((f"{noun} – {area}", utfall, budget, prognos))
        services.append((area, rows))
    flat = [(area, r) for area, rows in services for r in rows]
    dev = sorted(rng.sample(range(len(flat)), DEV_SERVICES))
    development = []  # (area, service, utfall, budget, prognos, nivå Y, Y+1, Y+2)
    for i in dev:
        area, (name, _, budget, _) = flat[i]
        b = tkr_round(budget * rng.uniform(0.05, 0.3)) + 1
        u = tkr_round(b * rng.uniform(0.6, 1.2))
        p = tkr_round(b * rng.uniform(0.8, 1.5))
        eff = tkr_round(p * rng.uniform(0.0, 0.2))
        development.append((area, name, u, b, p, 0, eff, eff))
    initiatives = []  # (name, service, år Y, Y+1, Y+2, nivå Y, Y+1, Y+2)
    for k in range(NEW_INITIATIVES):
        area, (service, *_) = flat[rng.randrange(len(flat))]
        name = f"{rng.choice(INITIATIVES)} {service.split(' – ')[0].lower()} ({area})"
        y0 = tkr_round(lognormal(rng, median * 0.8, 0.8, 50, median * 20))
        y1 = tkr_round(y0 * rng.uniform(0.3, 1.0))
        y2 = tkr_round(y1 * rng.uniform(0.0, 0.6))
        eff = tkr_round((y0 + y1) * rng.uniform(0.02, 0.1))
        initiatives.append((f"{k + 1}. {name}", service, y0, y1, y2, 0, eff, eff))
    return services, development, initiatives


def key_plan(rng, supplier, services):
    """Per service its key (for Tjänster or 3.2) and how it is found; Tjänster rows."""
    names = [r[0] for _, rows in services for r in rows]
    by_area = {area: [r[0] for r in rows] for area, rows in services}
    keys = {}
    tjanster = []  # (supplier, service, key, proposed)
    if supplier == IS:
        # Digital infrastruktur by all customers' computers (explicit rows), Arbetsplats by the
        # weighted mix, the rest through the `*` row; a few proposed keys.
        for s in by_area["Digital infrastruktur"]:
            keys[s] = K_DATORER_ALLA
            tjanster.append((supplier, s, K_DATORER_ALLA, K_MIX if rng.random() < 0.2 else ""))
        for s in by_area["Arbetsplats och kommunikation"]:
            keys[s] = K_MIX
            tjanster.append((supplier, s, K_MIX, ""))
        for s in names:
            keys.setdefault(s, K_IS_GT)
        tjanster.append((supplier, "*", K_IS_GT, ""))
    elif supplier == INK:
        # No `*` row: most services get their key from the 3.2 text (name or alias).
        area_keys = {"Inköpsstöd": K_BEST, "Upphandling": K_7525, "E-handel": K_BEST,
                     "Leverantörsfakturor": K_FAKT, "Avtalshantering": K_7525,
                     "Uppföljning och analys": K_ANST, "Hållbar upphandling": K_LIKA,
                     "Stöd till bolag": K_7525, "Systemförvaltning": K_ANST,
                     "Utbildning och kompetens": K_LIKA}
        for area, ss in by_area.items():
            for s in ss:
                keys[s] = area_keys[area]
        for s in by_area["Upphandling"][:8]:
            tjanster.append((supplier, s, K_7525, K_ULA))
        for s in by_area["Leverantörsfakturor"][:5]:
            tjanster.append((supplier, s, K_FAKT, ""))
    else:
        for s in by_area["Kontaktcenter"]:
            keys[s] = K_KC
            tjanster.append((supplier, s, K_KC, ""))
        for s in by_area["Tolk och översättning"]:
            keys[s] = K_VO
            tjanster.append((supplier, s, K_VO, ""))
        for s in names:
            keys.setdefault(s, K_DATORER)
        tjanster.append((supplier, "*", K_DATORER, ""))
    return keys, tjanster


# --- Workbooks -----------------------------------------------------------------------------

def new_workbook(title):
    return make_samples.new_workbook(title, creator=CREATOR, time=FIXED_TIME)


def save(wb, path):
    """Saves atomically and byte-stable (fixed timestamps in the zip archive)."""
    make_samples.save(wb, path, zip_time=ZIP_TIME)


def header(ws, row, values, col=1):
    for j, v in enumerate(values):
        c = ws.cell(row=row, column=col + j, value=v)
        c.font = BOLD
        c.fill = HEADER_FILL


def grouped_table(ws, row, title, heads, groups, ncols):
    """A table with area groups: label row, rows, unlabelled subtotal; then Totalkostnad.

    groups: [(area, [(label, v1, v2, …)])]. Returns the next free row."""
    ws.cell(row=row, column=1, value=title).font = BOLD
    row += 1
    for group_row in heads[:-1]:  # group headings: (first column, text, columns spanned)
        for col, text, span in group_row:
            ws.cell(row=row, column=col, value=text).font = BOLD
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
        row += 1
    header(ws, row, heads[-1])
    row += 1
    total = [0] * ncols
    for area, rows in groups:
        ws.cell(row=row, column=1, value=area).font = BOLD
        row += 1
        sub = [0] * ncols
        for label, *values in rows:
            ws.cell(row=row, column=1, value=label)
            for j, v in enumerate(values):
                ws.cell(row=row, column=2 + j, value=v).number_format = "#,##0"
                sub[j] += v
            row += 1
        for j, v in enumerate(sub):
            c = ws.cell(row=row, column=2 + j, value=v)
            c.number_format = "#,##0"
            c.font = BOLD
            total[j] += v
        row += 1
    ws.cell(row=row, column=1, value="Totalkostnad").font = BOLD
    for j, v in enumerate(total):
        c = ws.cell(row=row, column=2 + j, value=v)
        c.number_format = "#,##0"
        c.font = BOLD
    return row + 3


def build_supplier(path, supplier, areas, median, rng):
    services, development, initiatives = supplier_lines(rng, areas, median)
    keys, tjanster = key_plan(rng, supplier, services)
    wb = new_workbook(f"Årlig analys {YEAR} – {supplier}")

    ws = wb.create_sheet("Instruktioner")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60
    ws["A1"] = f"Årlig analys av digital utveckling och förvaltning {YEAR}"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A3"], ws["B3"] = "Leverantör", supplier
    ws["A4"], ws["B4"] = "Analysår", YEAR
    ws["A3"].font = ws["A4"].font = BOLD
    ws["A6"] = "Alla belopp anges i tkr (tusentals kronor)."

    ws = wb.create_sheet("2.1 Portföljanalys")
    ws.column_dimensions["A"].width = 100
    ws["A1"] = "2.1 Framåtsyftande portföljanalys"
    ws["A1"].font = BOLD
    ws["A3"] = "Leverantörens analys"
    ws["A3"].font = BOLD
    ws["A4"] = (f"{supplier} förvaltar {sum(len(r) for _, r in services)} tjänster inom "
                f"{len(services)} verksamhetsområden. Förändringsinsatserna i 2.2 prioriteras "
                "tillsammans med kunderna i strategisk samordningsgrupp.")

    ws = wb.create_sheet("2.2 Förslag")
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 40
    ws["A1"] = "2.2 Föreslagna förändringsinsatser"
    ws["A1"].font = BOLD
    row = 3
    for n, (name, service, y0, y1, y2, e0, e1, e2) in enumerate(initiatives, start=1):
        header(ws, row, [f"Föreslagen förändringsinsats {n}", "Svar", "Kommentar"])
        row += 1
        values = [
            name, f"Behov av {name.split('. ', 1)[1].lower()} enligt kundernas önskemål.",
            service, "Lägre kostnad per användare och bättre service.",
            "Minskad handläggningstid med 20 procent till år " + str(YEAR + 2) + ".",
            "Intern", "Effektivitet", "JA", "KF budget: digitalisering av stadens service",
            "Mindre påverkan", "Måttlig påverkan", "JA", "JA", "JA", "JA", "NEJ",
            y0 + y1 + y2, f"{e0}, {e1}, {e2}", "Stadens nämnder och styrelser",
            "Enligt nuvarande nyckel för tjänsten"]
        for label, value in zip(FORM_LABELS, values):
            ws.cell(row=row, column=1, value=label)
            ws.cell(row=row, column=2, value=value)
            row += 1
        row += 1

    ws = wb.create_sheet("3.1 Kostnader")
    for col, w in zip("ABCDEFG", [60, 14, 14, 18, 12, 12, 12]):
        ws.column_dimensions[col].width = w
    row = grouped_table(
        ws, 1,
        "3.1a Förvaltningskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)",
        [["Tjänst", f"Utfall {YEAR - 2}", f"Budget {YEAR - 1}", f"Prognos budget {YEAR}"]],
        services, 3)
    dev_groups = []
    for area, name, *values in development:
        if not dev_groups or dev_groups[-1][0] != area:
            dev_groups.append((area, []))
        dev_groups[-1][1].append((name, *values))
    effect = "Påverkan förvaltningskostnad (nivå per år)"
    row = grouped_table(
        ws, row,
        "3.1b Utvecklingskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)",
        [[(2, "Utvecklingskostnad", 3), (5, effect, 3)],
         ["Tjänst", f"Utfall {YEAR - 2}", f"Budget {YEAR - 1}", f"Prognos budget {YEAR}",
          f"Nivå {YEAR}", f"Nivå {YEAR + 1}", f"Nivå {YEAR + 2}"]],
        dev_groups, 6)
    # 3.1c: flat, one row per initiative.
    ws.cell(row=row, column=1,
            value="3.1c Kostnader för nya förändringsinsatser, ej befintlig tjänst (tkr)").font = BOLD
    row += 1
    for col, text in ((2, "Kostnad för insatsen"), (5, effect)):
        ws.cell(row=row, column=col, value=text).font = BOLD
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 2)
    row += 1
    header(ws, row, ["Förändringsinsats", f"År {YEAR}", f"År {YEAR + 1}", f"År {YEAR + 2}",
                     f"Nivå {YEAR}", f"Nivå {YEAR + 1}", f"Nivå {YEAR + 2}"])
    row += 1
    total = [0] * 6
    for name, _, *values in initiatives:
        ws.cell(row=row, column=1, value=name)
        for j, v in enumerate(values):
            ws.cell(row=row, column=2 + j, value=v).number_format = "#,##0"
            total[j] += v
        row += 1
    ws.cell(row=row, column=1, value="Totalkostnad").font = BOLD
    for j, v in enumerate(total):
        ws.cell(row=row, column=2 + j, value=v).number_format = "#,##0"

    ws = wb.create_sheet("3.2 Fördelningsnycklar")
    for col, w in zip("ABCD", [60, 60, 40, 50]):
        ws.column_dimensions[col].width = w
    ws["A1"] = "3.2 Förslag justering av fördelningsnycklar"
    ws["A1"].font = BOLD
    header(ws, 2, ["Tjänst", "Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"])
    proposed = {s: p for _, s, _, p in tjanster if p}
    row = 3
    for _, rows in services:
        for name, *_ in rows:
            ws.cell(row=row, column=1, value=name)
            ws.cell(row=row, column=2, value=KEY_TEXT.get(keys[name], keys[name]))
            if name in proposed:
                ws.cell(row=row, column=3, value=proposed[name])
                ws.cell(row=row, column=4, value="Speglar bättre hur kunderna använder tjänsten.")
            row += 1
    save(wb, path)
    # Half of the new initiatives are named in Tjänster (so they are allocated).
    for name, service, *_ in initiatives[::2]:
        tjanster.append((supplier, name, keys[service], ""))
    return tjanster


def build_kunder(path, n, rng, tjanster):
    wb = new_workbook(f"Kunder, volymmått och fördelningsnycklar {YEAR} – {n} kunder")
    ws = wb.create_sheet("Kunder")
    header(ws, 1, ["Kund-id", "Namn", "Typ"] + MEASURES)
    customers = list(NAMED)
    counts = {F: 0, B: 0, S: 0}
    while len(customers) < n:
        u = rng.random()
        typ = F if u < 0.62 else B if u < 0.96 else S
        counts[typ] += 1
        k = counts[typ]
        area = AREAS_SV[k % len(AREAS_SV)]
        if typ == F:
            customers.append((f"F{k:05d}", f"{rng.choice(F_NAMES)} {area} {k}", F))
        elif typ == B:
            customers.append((f"B{k:05d}", f"{area} {rng.choice(B_NAMES)} AB {k}", B))
        else:
            customers.append((f"S{k:05d}", f"{rng.choice(S_NAMES)} i {area} {k}", S))
    for r, (kid, name, typ) in enumerate(customers, start=2):
        staff = tkr_round(lognormal(rng, 120, 1.1, 3, 20000))
        computers = max(1, tkr_round(staff * rng.uniform(0.4, 1.0)))
        orderers = tkr_round(staff * rng.uniform(0.0, 0.08))
        digital = tkr_round(staff * rng.uniform(2, 40))
        paper = tkr_round(digital * rng.uniform(0.0, 0.08))
        row = [kid, name, typ, staff, computers, orderers, digital, paper]
        if typ == F:
            row += [tkr_round(staff * rng.uniform(0.5, 1.2)),
                    round(staff * rng.uniform(0.1, 0.6), 1), None]
        elif typ == B:
            row += [None, None, round(rng.uniform(0.01, 3.0), 3)]
        else:
            row += [None, None, None]
        for j, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=j, value=v)

    ws = wb.create_sheet("Nycklar")
    header(ws, 1, ["Nyckel", "Andel", "Urval", "Mått", "Alias"])
    for r, row in enumerate(KEYS, start=2):
        for j, v in enumerate(row, start=1):
            if v != "":
                ws.cell(row=r, column=j, value=v)

    ws = wb.create_sheet("Tjänster")
    header(ws, 1, ["Leverantör", "Tjänst", "Nyckel", "Förslag nyckel"])
    for r, row in enumerate(tjanster, start=2):
        for j, v in enumerate(row, start=1):
            if v != "":
                ws.cell(row=r, column=j, value=v)
    save(wb, path)


OMGANG = f"""# Generated by bench/gen_round.py: a city-scale round for the benchmark. Invented figures.
analysar = {YEAR}

[index]
procent = 3.3

[leverantor."{IS}"]
paverkan = "niva"

[leverantor."{INK}"]
paverkan = "niva"

[leverantor."{DMS}"]
paverkan = "niva"
"""


def main():
    global services_per_area
    args = sys.argv[1:]
    if (len(args) not in (2, 3) or not all(a.isdigit() for a in args[1:])
            or int(args[1]) < len(NAMED) or (len(args) == 3 and not 5 <= int(args[2]) <= 40)):
        sys.exit(f"usage: {sys.argv[0]} OUT_DIR N [SERVICES_PER_AREA]   "
                 f"(N >= {len(NAMED)} customers; 5 to 40 services per area, 20 unless given)")
    out, n = args[0], int(args[1])
    if len(args) == 3:
        services_per_area = int(args[2])
    rng = random.Random(SEED)
    tjanster = []
    for supplier, file, areas, median in SUPPLIERS:
        tjanster += build_supplier(os.path.join(out, "leverantorer", file), supplier, areas,
                                   median, rng)
    # Customers from their own generator, so the suppliers are the same for every N.
    build_kunder(os.path.join(out, "kunder.xlsx"), n, random.Random(SEED + n), tjanster)
    tmp = os.path.join(out, "omgang.toml.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(OMGANG)
    os.replace(tmp, os.path.join(out, "omgang.toml"))


if __name__ == "__main__":
    main()

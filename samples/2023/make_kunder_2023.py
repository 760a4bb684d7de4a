#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Bygger samples/2023/kunder.xlsx: en PÅHITTAD föregående omgång till exempelomgången 2024.

    /usr/bin/python3 samples/2023/make_kunder_2023.py

Utgår från samples/2024/kunder.xlsx och ändrar, reproducerbart (inga slumptal):
- volymmåtten: varje mått för varje kund är 2024 års värde delat med (1 + g), där g går
  från −3 % till +7 % efter kundens rad och måttets kolumn (Stadshus AB-nyckeln är oförändrad);
- en nyckel: "Intraservice gemensamma tjänster" var 85 % förvaltningar / 15 % bolag 2023
  (80 / 20 år 2024);
- tjänstekatalogen: "Stöd i arbetet med utbildningsportalen" användes 2023 av alla kunder
  (2024 bara av förvaltningarna), och "Datorhjälpen" fördelades 2023 med nyckeln
  "Administrativa datorer" (2024 "Intraservice digital infrastruktur");
- kunderna: 2024 års sista kund, Göteborgs Stads Leasing AB (LEAS), fanns inte 2023; i dess
  ställe fanns ett påhittat bolag, Avvecklingsbolaget i Göteborg AB (ALF), som inte finns 2024.
  Så visar exemplet både en ny kund och en kund som lämnat registret (med eget kundbesked).

Inget av detta finns i något underlag: det finns för att exemplets kundbesked ska kunna visa
"Varför ändras beloppet". samples/2024/omgang.toml pekar hit med [foregaende].
Kräver openpyxl (/usr/bin/python3). Utdata är bytestabil.
"""

import importlib.util
import os

from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES_2024 = os.path.join(HERE, "..", "2024")

spec = importlib.util.spec_from_file_location("make_samples",
                                              os.path.join(SAMPLES_2024, "make_samples.py"))
make_samples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_samples)

KEY_CHANGED = "Intraservice gemensamma tjänster"
USERS_CHANGED = "Stöd i arbetet med utbildningsportalen"
SERVICE_KEY_CHANGED = ("Datorhjälpen", "Administrativa datorer")
NEW_IN_2024 = "LEAS"
DEPARTED = ("ALF", "Avvecklingsbolaget i Göteborg AB")  # påhittat: bara 2023


def last_year(value, row, col):
    """2024 års mått tillbaka till 2023: delat med 1 + g, g från −3 % till +7 %."""
    if not isinstance(value, (int, float)) or value == 0:
        return value
    g = ((row * 7 + col * 3) % 11 - 3) / 100
    return int(round(value / (1 + g)))


def main():
    wb = load_workbook(os.path.join(SAMPLES_2024, "kunder.xlsx"))
    kunder = wb["Kunder"]
    header = [c.value for c in kunder[1]]
    for row in kunder.iter_rows(min_row=2):
        for cell in row[3:]:
            if header[cell.column - 1] == "Stadshus AB-nyckel":
                continue
            cell.value = last_year(cell.value, cell.row, cell.column)
        if row[0].value == NEW_IN_2024:
            row[0].value, row[1].value = DEPARTED
    nycklar = wb["Nycklar"]
    for row in nycklar.iter_rows(min_row=2):
        if row[0].value == KEY_CHANGED and row[2].value == "Typ=Förvaltning":
            row[1].value = 85
        elif row[0].value == KEY_CHANGED and row[2].value == "Typ=Bolag":
            row[1].value = 15
    tjanster = wb["Tjänster"]
    heads = [c.value for c in tjanster[1]]
    users = heads.index("Används av")
    key = heads.index("Nyckel")
    for row in tjanster.iter_rows(min_row=2):
        if row[1].value == USERS_CHANGED:
            row[users].value = None
        if row[1].value == SERVICE_KEY_CHANGED[0]:
            row[key].value = SERVICE_KEY_CHANGED[1]
    about = wb["Om uppgifterna"]
    about.insert_rows(1, 2)
    about.cell(1, 1).value = ("PÅHITTAD FÖREGÅENDE OMGÅNG (2023) till exempelomgången 2024, byggd av "
                              "samples/2023/make_kunder_2023.py ur samples/2024/kunder.xlsx.")
    about.cell(2, 1).value = ("Måtten är 2024 års delade med 1 + g (g från −3 % till +7 %); "
                              "nyckeln Intraservice gemensamma tjänster var 85/15; Stöd i arbetet "
                              "med utbildningsportalen användes av alla; Datorhjälpen fördelades "
                              "på administrativa datorer; Göteborgs Stads Leasing AB (ny 2024) fanns inte, "
                              "men det påhittade Avvecklingsbolaget i Göteborg AB (ALF) fanns. "
                              "Inget av det finns i något underlag.")
    p = wb.properties
    p.created = make_samples.FIXED_TIME
    p.modified = make_samples.FIXED_TIME
    p.title = "Kunder 2023 (påhittad föregående omgång)"
    make_samples.save(wb, os.path.join(HERE, "kunder.xlsx"))


if __name__ == "__main__":
    main()

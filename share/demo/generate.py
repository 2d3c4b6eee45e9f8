#!/usr/bin/env python3
"""Generate the demo municipality: Egekær Kommune, Budget 2028-2031.

Writes areas.tsv, lines.tsv, goals.tsv and goal_lines.tsv next to this
script (or into the directory given as the only argument).  The output is
committed, so building budgetlab never needs Python; run this again only
when the demo should change, and commit what it writes.

Deterministic: a fixed seed, no clock, no environment, so running it twice
gives byte-identical files.  Standard library only.

Egekær Kommune is fictional: about 60,000 inhabitants, in the Danish
municipal structure (udvalg -> serviceområde -> ydelse) with function
numbers in the style of the Danish municipal chart of accounts.  Amounts are
whole kroner at fixed 2028 prices.  The outline years drift with a
demographic trend (more elderly, fewer children), and the capital projects
follow their own profiles.  The budget balances in 2028 and shows a
deficit in one outline year (2030, the peak of the construction projects),
so that the balance gate has something to say.  See README.md.
"""

import os
import random
import sys

SEED = 2028
YEARS = (2028, 2029, 2030, 2031)

# Yearly real growth by demographic driver (prices are fixed).
TRENDS = {
    "flat": 0.0,
    "small_children": -0.015,  # 0-5 year olds: fewer each year
    "school": -0.010,          # 6-16 year olds
    "youth": -0.005,
    "adults": 0.002,
    "elderly": 0.035,          # 80+: the largest growth
    "older": 0.020,            # 65+
    "health": 0.015,           # health care follows age, a little slower
    "tax": 0.004,              # the tax base grows a little with jobs
}

# Balance (income - expenses) to aim for, per year, in kroner.  The line
# "Kommunal udligning" takes up the difference, as equalisation does in a
# real budget where it is the last figure the ministry sends.
TARGET_BALANCE = (41_300_000, 8_700_000, -38_400_000, 4_200_000)

rng = random.Random(SEED)

AREAS = []   # (code, parent, name)
LINES = []   # dict(code, title, area, kind, dir, amounts, desc)
GOALS = []   # (key, area, title, description)
GOAL_LINES = []  # (goal, line)

_codes = set()


def area(code, parent, name):
    AREAS.append((code, parent, name))


def round_k(v):
    """Round to whole thousand kroner (how budgets are written)."""
    return int(round(v / 1000.0)) * 1000


def line(code, title, area_code, mio, trend="flat", kind="operation",
         direction="expense", desc="", amounts=None):
    """Add a budget line.  mio: the 2028 amount in millions of kroner;
    the outline years follow the trend with a little noise (rounded to
    thousands).  amounts: explicit kroner per year instead (capital
    projects, elections)."""
    assert code not in _codes, code
    _codes.add(code)
    if amounts is None:
        g = TRENDS[trend]
        base = mio * 1_000_000
        amounts = []
        for i in range(len(YEARS)):
            # Fixed prices: a line without a demographic driver stays
            # put; the others wobble a little around their trend.
            noise = 1.0 + rng.uniform(-0.004, 0.004) if i and g else 1.0
            amounts.append(round_k(base * (1.0 + g) ** i * noise))
    else:
        amounts = [int(a) for a in amounts]
    assert len(amounts) == len(YEARS)
    LINES.append(dict(code=code, title=title, area=area_code, kind=kind,
                      dir=direction, amounts=amounts, desc=desc))
    return code


def capital(code, title, area_code, mio_per_year, direction="expense",
            desc=""):
    return line(code, title, area_code, 0, kind="capital",
                direction=direction, desc=desc,
                amounts=[round_k(m * 1_000_000) for m in mio_per_year])


def income(code, title, area_code, mio, trend="flat", desc=""):
    return line(code, title, area_code, mio, trend, direction="income",
                desc=desc)


def goal(key, area_code, title, desc, lines):
    assert 1 <= len(lines) <= 4, key
    GOALS.append((key, area_code, title, desc))
    for l in lines:
        assert l in _codes, l
        GOAL_LINES.append((key, l))


def vary(lo, hi):
    """A size between lo and hi million kroner, to one decimal."""
    return round(rng.uniform(lo, hi), 1)


# ---------------------------------------------------------------------------
# Økonomiudvalget
area("ØU", "", "Økonomiudvalget")

area("ØU.01", "ØU", "Politisk organisation")
area("ØU.01.01", "ØU.01", "Byråd og udvalg")
line("6.42.41.001", "Vederlag til byrådets medlemmer", "ØU.01.01", 8.9)
line("6.42.41.002", "Pension til tidligere borgmestre", "ØU.01.01", 0.9)
line("6.42.40.001", "Politisk organisation, fælles formål", "ØU.01.01", 1.2)
area("ØU.01.02", "ØU.01", "Valg, råd og nævn")
line("6.42.43.001", "Valg", "ØU.01.02", 0,
     amounts=(350_000, 2_150_000, 300_000, 1_120_000),
     desc="Kommunal- og regionsrådsvalg samt Europa-Parlamentsvalg 2029, "
          "folketingsvalg senest 2031.")
line("6.42.42.001", "Kommissioner, råd og nævn", "ØU.01.02", 1.4)
line("6.42.42.002", "Ældreråd og handicapråd", "ØU.01.02", 0.35)
line("6.42.42.003", "Ungdomsråd", "ØU.01.02", 0.15)

area("ØU.02", "ØU", "Administration")
area("ØU.02.01", "ØU.02", "Sekretariat og forvaltninger")
line("6.45.51.001", "Borgmesterens kontor og direktion", "ØU.02.01", 14.2)
line("6.45.51.002", "Økonomi og analyse", "ØU.02.01", 27.8)
line("6.45.51.003", "HR, løn og arbejdsmiljø", "ØU.02.01", 21.6)
line("6.45.51.004", "Borgerservice", "ØU.02.01", 25.9)
line("6.45.51.005", "Digitalisering og velfærdsteknologi", "ØU.02.01", 9.1)
line("6.45.51.006", "Jura og indkøb", "ØU.02.01", 12.3)
line("6.45.51.008", "Revision", "ØU.02.01", 1.6)
line("6.45.51.009", "Kontingent til KL", "ØU.02.01", 2.4)
line("6.45.51.010", "Tolkebistand", "ØU.02.01", 0.9)
line("6.45.51.007", "Kommunikation og borgerinddragelse", "ØU.02.01", 5.4,
     desc="Herunder sekretariat for borgerråd og budgetlabs.")
line("6.45.57.001", "Administration, voksen-, ældre- og handicapområdet",
     "ØU.02.01", 18.4)
line("6.45.58.001", "Administration, det specialiserede børneområde",
     "ØU.02.01", 15.1)
area("ØU.02.02", "ØU.02", "Fælles IT og telefoni")
line("6.45.52.001", "IT-drift og licenser", "ØU.02.02", 47.5)
line("6.45.52.002", "Telefoni", "ØU.02.02", 3.5)
line("6.45.52.003", "Informationssikkerhed", "ØU.02.02", 4.1)
area("ØU.02.03", "ØU.02", "Administrationsbygninger")
L_RAADHUS = line("6.45.50.001", "Egekær Rådhus, bygningsdrift", "ØU.02.03", 11.2)
line("6.45.50.002", "Administrationscenter Fjordby, bygningsdrift",
     "ØU.02.03", 3.8)

area("ØU.03", "ØU", "Personale og puljer")
area("ØU.03.01", "ØU.03", "Tjenestemandspension")
line("6.52.72.001", "Tjenestemandspensioner", "ØU.03.01", 33.6, "flat")
line("6.52.72.002", "Præmie til pensionsforsikring", "ØU.03.01", 6.2)
area("ØU.03.02", "ØU.03", "Puljer")
line("6.52.70.001", "Lønpulje og barselsfond", "ØU.03.02", 18.0)
line("6.52.74.001", "Forsikringer", "ØU.03.02", 7.3)
line("6.52.74.002", "Arbejdsskader, selvforsikring", "ØU.03.02", 4.9)
line("6.52.70.002", "Elever og lærlinge, uddannelsespulje", "ØU.03.02", 6.4)
line("6.52.76.001", "Rammebesparelse, effektivisering", "ØU.03.02", 0,
     amounts=(-6_000_000, -12_000_000, -18_000_000, -18_000_000),
     desc="Negativ udgift: effektiviseringskrav, fordeles på udvalgene "
          "ved 2. behandling.")
area("ØU.03.03", "ØU.03", "Udvikling og inddragelse")
L_UDVPULJE = line(
    "6.52.76.010", "Udviklingspulje for bæredygtighed", "ØU.03.03", 0,
    amounts=(5_000_000,) * 4,
    desc="Indhegnet pulje, kun til udvikling: 5 mio. kr. årligt, i alt "
         "20 mio. kr. i budgetperioden.")
L_BORGERBUDGET = line(
    "6.52.76.011", "Borgerbudget i lokalsamfundene", "ØU.03.03", 0,
    amounts=(2_000_000,) * 4,
    desc="Borgerne foreslår og stemmer om projekter i eget lokalsamfund.")
L_BORGERRAAD = line(
    "6.52.76.012", "Borgerråd om Velfærd 2035", "ØU.03.03", 0,
    amounts=(800_000, 600_000, 0, 0),
    desc="Tilfældigt udtrukket, repræsentativt borgerråd; tre møder og "
         "anbefalinger til byrådet.")

area("ØU.04", "ØU", "Ejendomme og beredskab")
area("ØU.04.01", "ØU.04", "Kommunale ejendomme")
line("0.25.11.001", "Udlejningsboliger, drift", "ØU.04.01", 2.1)
income("0.25.11.002", "Udlejningsboliger, huslejeindtægter", "ØU.04.01", 2.6)
line("0.25.13.001", "Andre faste ejendomme", "ØU.04.01", 4.2)
L_BYGDRIFT = line("0.25.13.002", "Energistyring og forbrug, kommunale bygninger",
                  "ØU.04.01", 38.5, desc="El, varme og vand i skoler, "
                  "institutioner og rådhuse.")
line("0.25.19.001", "Ældreboliger, drift", "ØU.04.01", 3.1, "older")
income("0.25.19.002", "Ældreboliger, huslejeindtægter", "ØU.04.01", 2.4, "older")
area("ØU.04.02", "ØU.04", "Redningsberedskab")
line("0.72.99.001", "Bidrag til det fælleskommunale beredskab", "ØU.04.02", 17.9)
line("0.72.99.002", "Frivillige brandværn og beredskabsforbund", "ØU.04.02", 0.7)
area("ØU.04.03", "ØU.04", "Energi og klima i egne bygninger")
L_ENERGIRENO = capital(
    "0.25.13.301", "Energirenovering af kommunale bygninger", "ØU.04.03",
    (12, 15, 15, 10),
    desc="Efterisolering, ventilation og varmepumper i skoler og "
         "institutioner.")
L_SOLCELLER = capital("0.25.13.302", "Solceller på kommunale tage",
                      "ØU.04.03", (4, 4, 2, 0))

area("ØU.05", "ØU", "Finansiering")
area("ØU.05.01", "ØU.05", "Skatter")
income("7.68.90.001", "Kommunal indkomstskat", "ØU.05.01", 2894.6, "tax",
       desc="Udskrivningsprocent 25,1 af et udskrivningsgrundlag på "
            "11,5 mia. kr. (statsgaranti).")
income("7.68.92.001", "Selskabsskat", "ØU.05.01", 41.2, "tax")
income("7.68.94.001", "Skat af dødsboer", "ØU.05.01", 1.6)
income("7.68.96.001", "Grundskyld", "ØU.05.01", 236.8, "tax",
       desc="Grundskyldspromille 24,0.")
income("7.68.97.001", "Dækningsafgift af offentlige ejendomme", "ØU.05.01", 7.1)
income("7.68.97.002", "Dækningsafgift af erhvervsejendomme", "ØU.05.01", 9.3)
area("ØU.05.02", "ØU.05", "Tilskud og udligning")
L_UDLIGNING = income("7.62.80.001", "Kommunal udligning", "ØU.05.02", 0)
income("7.62.81.001", "Statstilskud til kommuner (bloktilskud)", "ØU.05.02",
       812.4, "flat")
income("7.62.82.001", "Udligning vedrørende udlændinge", "ØU.05.02", 12.3)
income("7.62.86.001", "Beskæftigelsestilskud", "ØU.05.02", 158.7)
line("7.65.87.001", "Bidrag til regionen (udviklingsbidrag)", "ØU.05.02", 8.2)
area("ØU.05.03", "ØU.05", "Renter")
income("7.22.05.001", "Renter af likvide aktiver", "ØU.05.03", 6.1)
line("7.55.79.001", "Renter af langfristet gæld", "ØU.05.03", 13.8)
income("7.58.80.001", "Garantiprovision", "ØU.05.03", 3.2)

# ---------------------------------------------------------------------------
# Børne- og Skoleudvalget
area("BSU", "", "Børne- og Skoleudvalget")

area("BSU.01", "BSU", "Folkeskoler")
area("BSU.01.01", "BSU.01", "Skoler")
SCHOOLS = [
    ("Egeskolen", 52.4), ("Egekær Skole, afdeling Nord", 44.8),
    ("Egekær Skole, afdeling Syd", 41.2), ("Bøgeskov Skole", 38.6),
    ("Fjordby Skole", 36.9), ("Lyngå Skole", 29.3),
    ("Nørre Ege Skole", 27.5), ("Sønderkær Skole", 31.8),
    ("Mølleby Skole", 22.4), ("Kildebjerg Skole", 25.7),
    ("Havrehøj Skole", 19.6), ("Ålunde Skole", 17.2),
]
school_lines = []
for i, (name, mio) in enumerate(SCHOOLS, 1):
    school_lines.append(line("3.22.01.%03d" % i, name, "BSU.01.01", mio,
                             "school"))
area("BSU.01.02", "BSU.01", "Fællesudgifter for skolevæsenet")
L_SKOLEUDV = line("3.22.02.001", "Pulje til skoleudvikling og trivsel",
                  "BSU.01.02", 11.8, "school",
                  desc="Trivselsmålinger, AKT-vejledere og "
                       "inklusionsindsats.")
line("3.22.02.002", "IT i folkeskolen", "BSU.01.02", 9.2, "school")
line("3.22.02.003", "Vikarpulje og barsel", "BSU.01.02", 6.1, "school")
line("3.22.09.001", "Befordring af elever i grundskolen", "BSU.01.02", 14.3,
     "school")
area("BSU.01.03", "BSU.01", "Skolefritidsordninger")
for i, (name, mio) in enumerate(SCHOOLS, 1):
    line("3.22.05.%03d" % i, "SFO, " + name, "BSU.01.03", round(mio * 0.19, 1),
         "school")
income("3.22.05.090", "Forældrebetaling, SFO", "BSU.01.03", 31.4, "school")
area("BSU.01.04", "BSU.01", "Specialundervisning")
line("3.22.08.001", "Egekær Specialskole", "BSU.01.04", 31.7, "school")
line("3.22.12.001", "Specialklasser i folkeskolen", "BSU.01.04", 14.2, "school")
line("3.22.06.001", "Betaling til andre kommuner, specialundervisning",
     "BSU.01.04", 18.4, "school")
line("3.22.17.001", "Specialpædagogisk bistand til voksne", "BSU.01.04", 4.1)
income("3.22.07.001", "Indtægter fra den centrale refusionsordning",
       "BSU.01.04", 8.9)
area("BSU.01.05", "BSU.01", "Frie skoler og efterskoler")
line("3.22.10.001", "Bidrag til statslige og private skoler", "BSU.01.05",
     68.2, "school")
line("3.22.16.001", "Bidrag til efterskoler og ungdomskostskoler",
     "BSU.01.05", 17.6, "youth")
area("BSU.01.06", "BSU.01", "Skolebyggeri")
L_BOEGESKOV = capital(
    "3.22.01.301", "Udvidelse af Bøgeskov Skole", "BSU.01.06", (14, 32, 28, 0),
    desc="Ny indskolingsfløj og faglokaler til det nye boligområde "
         "Bøgeskov Vest; svanemærket byggeri.")
L_SKOLEGAARD = capital("3.22.01.302", "Skolegårde og udeundervisning",
                       "BSU.01.06", (3, 3, 3, 3),
                       desc="Grønne skolegårde der også forsinker regnvand.")

area("BSU.02", "BSU", "Dagtilbud")
area("BSU.02.01", "BSU.02", "Dagpleje")
line("5.25.11.001", "Dagplejen, distrikt Nord", "BSU.02.01", 12.3,
     "small_children")
line("5.25.11.002", "Dagplejen, distrikt Syd", "BSU.02.01", 10.8,
     "small_children")
line("5.25.11.003", "Dagplejen, distrikt Vest", "BSU.02.01", 8.9,
     "small_children")
area("BSU.02.02", "BSU.02", "Daginstitutioner")
INSTITUTIONS = [
    "Børnehuset Egebladet", "Mælkebøtten", "Skovtrolden", "Solsikken",
    "Regnbuen", "Lærkereden", "Spiren", "Troldehøjen", "Myretuen",
    "Bøgebladet", "Fjordstjernen", "Åkanden", "Mariehønen", "Søstjernen",
    "Kildevæld", "Græshoppen", "Havrehøj Børnehus", "Mølleby Børnehus",
    "Lyngå Børnehus", "Nørre Ege Børneby", "Sønderkær Børnehus",
    "Ålunde Naturbørnehave",
]
inst_lines = []
for i, name in enumerate(INSTITUTIONS, 1):
    inst_lines.append(line("5.25.14.%03d" % i, name, "BSU.02.02",
                           vary(7.5, 15.5), "small_children"))
area("BSU.02.03", "BSU.02", "Forældrebetaling og tilskud")
income("5.25.10.001", "Forældrebetaling, dagtilbud", "BSU.02.03", 96.4,
       "small_children")
line("5.25.10.002", "Økonomisk friplads", "BSU.02.03", 23.8, "small_children")
line("5.25.10.003", "Tilskud til privat pasning og private institutioner",
     "BSU.02.03", 21.6, "small_children")
line("5.25.10.004", "Søskendetilskud", "BSU.02.03", 6.2, "small_children")
area("BSU.02.04", "BSU.02", "Fælles formål, dagtilbud")
L_SPROG = line("5.25.10.010", "Pædagogisk udvikling og sprogvurdering",
               "BSU.02.04", 4.3, "small_children")
line("5.25.17.001", "Særlige dagtilbud", "BSU.02.04", 18.7, "small_children")
line("5.25.10.011", "Frokostordning i dagtilbud", "BSU.02.04", 15.9,
     "small_children")
income("5.25.10.012", "Forældrebetaling, frokostordning", "BSU.02.04", 12.2,
       "small_children")

area("BSU.03", "BSU", "Børn og unge med særlige behov")
area("BSU.03.01", "BSU.03", "Forebyggelse")
L_FOREB = line("5.28.21.001", "Forebyggende foranstaltninger for børn og unge",
               "BSU.03.01", 57.6, "school")
L_FAMBEH = line("5.28.21.002", "Familiebehandling", "BSU.03.01", 21.9, "school")
L_TIDLIG = line("5.28.21.003", "Tidlig indsats i skoler og dagtilbud",
                "BSU.03.01", 7.2, "school",
                desc="Socialrådgivere og psykologer på skoler og i "
                     "dagtilbud, før problemerne vokser.")
area("BSU.03.02", "BSU.03", "Anbringelser")
L_PLEJEFAM = line("5.28.22.001", "Plejefamilier", "BSU.03.02", 46.3, "school")
L_DOEGN = line("5.28.23.001", "Døgninstitutioner for børn og unge", "BSU.03.02",
               36.1, "school")
line("5.28.20.001", "Opholdssteder for børn og unge", "BSU.03.02", 38.4,
     "school")
line("5.28.24.001", "Sikrede døgninstitutioner", "BSU.03.02", 4.8)
area("BSU.03.03", "BSU.03", "Børn med handicap")
line("5.28.21.010", "Tabt arbejdsfortjeneste", "BSU.03.03", 15.7)
line("5.28.21.011", "Merudgifter til børn med handicap", "BSU.03.03", 6.9)
line("5.28.23.010", "Aflastning", "BSU.03.03", 8.8)
area("BSU.03.04", "BSU.03", "Unge og uddannelse")
line("5.25.16.001", "Fritids- og ungdomsklubber", "BSU.03.04", 13.8, "youth")
for i, town in enumerate(("Fjordby", "Bøgeskov", "Lyngå", "Sønderkær"), 2):
    line("5.25.16.%03d" % i, "Ungdomsklubben i " + town, "BSU.03.04",
         vary(0.9, 1.8), "youth")
L_UNGDOMSSKOLE = line("3.38.78.001", "Egekær Ungdomsskole", "BSU.03.04", 14.6,
                      "youth")
L_UU = line("3.22.14.001", "Ungdommens Uddannelsesvejledning", "BSU.03.04", 6.3,
            "youth")
L_FGU = line("3.30.45.001", "Bidrag til forberedende grunduddannelse (FGU)",
             "BSU.03.04", 11.2, "youth")

area("BSU.04", "BSU", "Sundhed for børn og unge")
area("BSU.04.01", "BSU.04", "Sundhedspleje")
L_SUNDPLEJE = line("4.62.89.001", "Sundhedsplejen", "BSU.04.01", 16.2,
                   "small_children")
line("4.62.89.002", "Skolelæger", "BSU.04.01", 2.1, "school")
area("BSU.04.02", "BSU.04", "Tandpleje")
line("4.62.85.001", "Børne- og ungdomstandpleje", "BSU.04.02", 25.8, "school")
line("4.62.85.003", "Specialtandpleje", "BSU.04.02", 3.1)
income("4.62.85.004", "Egenbetaling, specialtandpleje", "BSU.04.02", 0.3)

# ---------------------------------------------------------------------------
# Social- og Sundhedsudvalget
area("SSU", "", "Social- og Sundhedsudvalget")

area("SSU.01", "SSU", "Ældrepleje")
area("SSU.01.01", "SSU.01", "Hjemmepleje")
L_HJEM = []
for i, (d, mio) in enumerate((("Nord", 62.3), ("Syd", 57.9), ("Vest", 51.4),
                              ("Øst", 44.2)), 1):
    L_HJEM.append(line("5.32.32.%03d" % i, "Hjemmeplejen, distrikt " + d,
                       "SSU.01.01", mio, "elderly"))
line("5.32.32.005", "Private leverandører af praktisk hjælp (frit valg)",
     "SSU.01.01", 17.8, "elderly")
line("5.32.32.006", "Madservice til hjemmeboende", "SSU.01.01", 13.6, "elderly")
line("5.32.32.008", "Nattevagt og natpleje", "SSU.01.01", 16.4, "elderly")
line("5.32.32.009", "Demenskoordinatorer og demensvenner", "SSU.01.01", 3.3,
     "elderly")
line("5.32.32.010", "Pårørendestøtte og aflastning", "SSU.01.01", 2.6, "elderly")
income("5.32.32.007", "Betaling for madservice", "SSU.01.01", 7.1, "elderly")
area("SSU.01.02", "SSU.01", "Plejecentre")
NURSING = [("Egelund", 54.8), ("Bøgehaven", 47.1), ("Fjordly", 42.6),
           ("Lyngbo", 38.2), ("Kildegården", 35.9), ("Solgården", 33.4),
           ("Mølleparken", 29.7), ("Åhusene", 24.3)]
for i, (name, mio) in enumerate(NURSING, 101):
    line("5.32.32.%03d" % i, "Plejecenter " + name, "SSU.01.02", mio, "elderly")
income("5.32.32.120", "Beboernes betaling for ydelser på plejecentre",
       "SSU.01.02", 18.3, "elderly")
area("SSU.01.03", "SSU.01", "Sygepleje og rehabilitering")
line("5.32.32.201", "Hjemmesygepleje", "SSU.01.03", 67.8, "elderly")
line("5.32.32.202", "Akutteam", "SSU.01.03", 9.2, "elderly")
L_MIDL = line("5.32.32.203", "Midlertidige pladser og rehabilitering",
              "SSU.01.03", 21.4, "elderly")
L_GENOPTR = line("4.62.82.001", "Kommunal genoptræning og vedligeholdelsestræning",
                 "SSU.01.03", 38.3, "older")
line("4.62.84.001", "Vederlagsfri fysioterapi", "SSU.01.03", 12.1, "health")
area("SSU.01.04", "SSU.01", "Forebyggelse og aktivitet")
L_FOREBHJEM = line("5.32.33.001", "Forebyggende hjemmebesøg", "SSU.01.04", 3.2,
                   "elderly")
line("5.32.33.002", "Aktivitetscentre og daghjem", "SSU.01.04", 14.1, "elderly")
line("5.32.33.003", "Frivillighed og værdighed", "SSU.01.04", 4.4, "older")
line("5.32.37.001", "Plejevederlag og pasning af døende", "SSU.01.04", 2.2,
     "older")
area("SSU.01.05", "SSU.01", "Hjælpemidler")
L_HJAELPEM = line("5.32.35.001", "Hjælpemidler og forbrugsgoder", "SSU.01.05",
                  41.9, "elderly")
line("5.32.35.002", "Boligindretning", "SSU.01.05", 6.3, "elderly")
line("5.32.35.003", "Individuel befordring", "SSU.01.05", 4.8, "older")
line("5.32.35.004", "Hjælpemiddeldepot", "SSU.01.05", 8.1, "older")
area("SSU.01.06", "SSU.01", "Byggeri og velfærdsteknologi")
L_NYTPLEJE = capital(
    "5.32.32.301", "Nyt plejecenter i Kildebjerg, 72 pladser", "SSU.01.06",
    (6, 42, 86, 24),
    desc="Servicearealer til 72 nye plejeboliger; flere ældre over 80 år "
         "fra 2030.")
L_VELFTEK = capital("5.32.32.302", "Velfærdsteknologi", "SSU.01.06",
                    (3.5, 3.5, 3.5, 3.5))

area("SSU.02", "SSU", "Sundhed")
area("SSU.02.01", "SSU.02", "Finansiering af sundhedsvæsenet")
L_MEDFIN = line("4.62.81.001", "Kommunal medfinansiering af sundhedsvæsenet",
                "SSU.02.01", 236.4, "health")
line("4.62.81.002", "Færdigbehandlede patienter", "SSU.02.01", 1.2, "health")
area("SSU.02.02", "SSU.02", "Forebyggelse og sundhedsfremme")
L_SUNDCENTER = line("4.62.88.001", "Sundhedscenter Egekær", "SSU.02.02", 11.3,
                    "adults")
line("4.62.88.002", "Rygestop og forebyggelse", "SSU.02.02", 2.2)
line("4.62.90.001", "Andre sundhedsudgifter", "SSU.02.02", 3.1)
line("4.62.85.002", "Omsorgstandpleje", "SSU.02.02", 2.9, "elderly")
area("SSU.02.03", "SSU.02", "Misbrug")
line("5.38.45.001", "Behandling af stofmisbrugere", "SSU.02.03", 13.8)
line("5.38.44.001", "Alkoholbehandling", "SSU.02.03", 5.9)

area("SSU.03", "SSU", "Handicap og psykiatri")
area("SSU.03.01", "SSU.03", "Botilbud")
line("5.38.50.001", "Botilbud til længerevarende ophold", "SSU.03.01", 96.2,
     "adults")
line("5.38.52.001", "Botilbud til midlertidigt ophold", "SSU.03.01", 57.8,
     "adults")
line("5.38.50.002", "Egekær Bo- og Aktivitetscenter", "SSU.03.01", 22.4,
     "adults")
line("5.38.42.001", "Forsorgshjem og herberg", "SSU.03.01", 11.6)
income("5.38.50.010", "Salg af pladser til andre kommuner", "SSU.03.01", 19.2)
area("SSU.03.02", "SSU.03", "Støtte i eget hjem")
line("5.38.51.001", "Socialpædagogisk støtte", "SSU.03.02", 43.7, "adults")
line("5.38.53.001", "Kontaktperson- og ledsageordninger", "SSU.03.02", 5.8)
line("5.38.53.002", "Borgerstyret personlig assistance", "SSU.03.02", 28.1,
     "adults")
area("SSU.03.03", "SSU.03", "Beskæftigelse og samvær")
line("5.38.58.001", "Beskyttet beskæftigelse", "SSU.03.03", 17.9)
line("5.38.59.001", "Aktivitets- og samværstilbud", "SSU.03.03", 23.6)
line("5.38.59.002", "Væresteder og rådgivning", "SSU.03.03", 3.1)
line("5.38.59.003", "Bostøtte til unge med psykiske vanskeligheder",
     "SSU.03.03", 4.4, "youth")
line("5.38.58.002", "Egekær Værksteder", "SSU.03.03", 6.7)
income("5.38.58.003", "Salg af varer og ydelser, Egekær Værksteder",
       "SSU.03.03", 1.3)
area("SSU.03.04", "SSU.03", "Refusioner")
income("5.22.07.001", "Indtægter fra den centrale refusionsordning",
       "SSU.03.04", 31.3)

# ---------------------------------------------------------------------------
# Beskæftigelsesudvalget
area("BEU", "", "Beskæftigelsesudvalget")

area("BEU.01", "BEU", "Forsørgelse")
area("BEU.01.01", "BEU.01", "Kontanthjælp og uddannelseshjælp")
line("5.57.73.001", "Kontanthjælp", "BEU.01.01", 117.8)
line("5.57.73.002", "Uddannelseshjælp", "BEU.01.01", 38.2, "youth")
line("5.57.73.003", "Selvforsørgelses- og hjemrejseydelse", "BEU.01.01", 15.9)
line("5.57.72.001", "Enkeltydelser", "BEU.01.01", 9.1)
income("5.57.73.090", "Statsrefusion, kontanthjælp og uddannelseshjælp",
       "BEU.01.01", 32.4)
area("BEU.01.02", "BEU.01", "Førtidspension")
line("5.57.75.001", "Førtidspension, tilkendt før 2003", "BEU.01.02", 0,
     amounts=(58_400_000, 53_100_000, 48_200_000, 43_600_000),
     desc="Falder i takt med at modtagerne overgår til folkepension.")
line("5.57.75.002", "Førtidspension, tilkendt efter 2003", "BEU.01.02", 189.3,
     "adults")
line("5.48.67.001", "Personlige tillæg", "BEU.01.02", 10.3, "older")
income("5.57.75.090", "Statsrefusion, førtidspension", "BEU.01.02", 54.8)
area("BEU.01.03", "BEU.01", "Dagpenge")
line("5.57.78.001", "Dagpenge til forsikrede ledige", "BEU.01.03", 139.8)
line("5.57.71.001", "Sygedagpenge", "BEU.01.03", 127.9)
income("5.57.71.090", "Statsrefusion, sygedagpenge", "BEU.01.03", 41.7)
area("BEU.01.04", "BEU.01", "Boligstøtte")
line("5.57.76.001", "Boligydelse til pensionister", "BEU.01.04", 33.8, "older")
line("5.57.77.001", "Boligsikring", "BEU.01.04", 18.9)
area("BEU.01.05", "BEU.01", "Fleksjob og ressourceforløb")
L_FLEKS = line("5.58.82.001", "Løntilskud til personer i fleksjob", "BEU.01.05",
               118.3, "adults")
line("5.57.74.001", "Ledighedsydelse", "BEU.01.05", 25.7)
L_RESSOURCE = line("5.58.81.001", "Ressourceforløb og jobafklaring", "BEU.01.05",
                   51.6)
line("5.58.80.001", "Revalidering", "BEU.01.05", 6.2)
income("5.58.82.090", "Statsrefusion, fleksjob og ressourceforløb",
       "BEU.01.05", 35.2)

area("BEU.02", "BEU", "Beskæftigelsesindsats")
area("BEU.02.01", "BEU.02", "Jobcenter")
L_JOBCENTER = line("6.45.53.001", "Jobcenter Egekær", "BEU.02.01", 47.6)
L_BESKINDS = line("5.68.90.001", "Driftsudgifter til den kommunale "
                  "beskæftigelsesindsats", "BEU.02.01", 33.9)
line("5.68.91.001", "Beskæftigelsesindsats for forsikrede ledige", "BEU.02.01",
     12.1)
line("5.68.98.001", "Mentorer og voksenlærlinge", "BEU.02.01", 8.2)
line("5.68.97.001", "Seniorjob", "BEU.02.01", 6.8)
line("5.68.96.001", "Skånejob og særligt tilrettelagte job", "BEU.02.01", 2.7)
line("5.68.90.002", "Virksomhedsrettet indsats og jobformidling", "BEU.02.01",
     4.6)
area("BEU.02.02", "BEU.02", "Unge")
L_UNGEINDS = line("5.68.90.010", "Ungeindsats og brobygning til uddannelse",
                  "BEU.02.02", 9.3, "youth")
line("5.68.95.001", "Løntilskud til forsikrede ledige", "BEU.02.02", 4.1)
area("BEU.02.03", "BEU.02", "Integration")
L_INTRO = line("5.46.60.001", "Introduktionsprogram og integrationsgrunduddannelse",
               "BEU.02.03", 7.1)
L_DANSK = line("5.46.61.001", "Danskuddannelse for voksne udlændinge",
               "BEU.02.03", 8.8)
line("5.46.65.001", "Repatriering", "BEU.02.03", 0.3)
area("BEU.02.04", "BEU.02", "Erhverv og turisme")
L_ERHVERV = line("6.48.67.001", "Erhvervsservice og iværksætteri", "BEU.02.04",
                 5.1)
line("6.48.68.001", "Turisme og Fjordbyens Turistkontor", "BEU.02.04", 2.9)

# ---------------------------------------------------------------------------
# Teknik- og Miljøudvalget
area("TMU", "", "Teknik- og Miljøudvalget")

area("TMU.01", "TMU", "Veje og grønne områder")
area("TMU.01.01", "TMU.01", "Veje")
line("2.28.11.001", "Vejvedligeholdelse, belægninger", "TMU.01.01", 31.8)
line("2.28.14.001", "Vintertjeneste", "TMU.01.01", 15.9)
line("2.28.12.001", "Vejbelysning", "TMU.01.01", 10.7)
line("2.28.11.002", "Broer og bygværker", "TMU.01.01", 3.2)
line("2.28.11.003", "Trafiksikkerhed og skiltning", "TMU.01.01", 4.1)
line("2.28.11.005", "Vejafvanding og rabatter", "TMU.01.01", 3.9)
line("2.28.11.006", "Gadefejning og renholdelse", "TMU.01.01", 5.6)
L_STIER = line("2.28.11.004", "Fortove, cykelstier og stier", "TMU.01.01", 6.4)
income("2.28.11.090", "Parkeringsindtægter", "TMU.01.01", 2.7)
area("TMU.01.02", "TMU.01", "Grønne områder")
L_PARKER = line("0.28.20.001", "Parker og grønne områder", "TMU.01.02", 17.8)
line("0.28.20.002", "Legepladser", "TMU.01.02", 3.1)
line("0.28.20.003", "Træpleje og bytræer", "TMU.01.02", 2.2)
line("0.28.20.004", "Kommunale skove", "TMU.01.02", 1.3)
line("0.28.23.001", "Strande og badevand", "TMU.01.02", 1.5)
area("TMU.01.03", "TMU.01", "Materielgård")
line("2.22.01.001", "Materielgård og driftsbygninger", "TMU.01.03", 13.9)
area("TMU.01.04", "TMU.01", "Anlæg, veje og stier")
L_CYKELSTI = capital("2.28.22.301", "Cykelsti Egekær–Fjordby", "TMU.01.04",
                     (6, 14, 4, 0),
                     desc="7,2 km dobbeltrettet cykelsti langs Fjordvejen.")
L_SKOLEVEJ = capital("2.28.22.302", "Trafiksikker skolevej i Mølleby",
                     "TMU.01.04", (2, 3, 0, 0))
capital("2.28.20.301", "Asfaltpulje", "TMU.01.04", (8, 8, 8, 8))
capital("2.28.22.303", "Udskiftning til LED-vejbelysning", "TMU.01.04",
        (4, 4, 4, 0))

area("TMU.02", "TMU", "Kollektiv trafik")
area("TMU.02.01", "TMU.02", "Busdrift")
L_BUS = line("2.32.31.001", "Busdrift, lokale ruter", "TMU.02.01", 38.2,
             desc="Bybusser i Egekær og lokalruter til landsbyerne.")
line("2.32.31.002", "Bidrag til trafikselskabet, regionale ruter", "TMU.02.01",
     21.7)
line("2.32.30.001", "Flextrafik og handicapkørsel", "TMU.02.01", 8.9, "older")
L_NATBUS = line("2.32.31.003", "Weekendbus og natbus for unge", "TMU.02.01", 1.4)
area("TMU.02.02", "TMU.02", "Havne")
line("2.35.40.001", "Fjordby Lystbådehavn", "TMU.02.02", 2.1)
income("2.35.40.002", "Havneafgifter og bådpladsleje", "TMU.02.02", 2.4)

area("TMU.03", "TMU", "Natur, miljø og klima")
area("TMU.03.01", "TMU.03", "Natur og vandløb")
line("0.48.61.001", "Vandløbsvedligeholdelse", "TMU.03.01", 5.8)
L_NATUR = line("0.52.80.001", "Naturprojekter og biodiversitet", "TMU.03.01", 2.9)
L_SKOVREJS = line("0.52.82.001", "Skovrejsning", "TMU.03.01", 1.8)
area("TMU.03.02", "TMU.03", "Miljø")
line("0.52.85.001", "Miljøtilsyn med virksomheder", "TMU.03.02", 4.2)
income("0.52.85.002", "Gebyrer for miljøtilsyn", "TMU.03.02", 1.1)
line("0.52.87.001", "Jordforurening", "TMU.03.02", 1.5)
line("0.52.90.001", "Skadedyrsbekæmpelse", "TMU.03.02", 2.4)
income("0.52.90.002", "Gebyrer for skadedyrsbekæmpelse", "TMU.03.02", 2.4)
area("TMU.03.03", "TMU.03", "Klima")
L_KLIMAPLAN = line("0.55.95.001", "Klimaplan og klimasekretariat", "TMU.03.03",
                   3.4)
L_KLIMATILP = capital(
    "0.52.89.301", "Klimatilpasning i Lyngå Ådal", "TMU.03.03", (5, 18, 22, 6),
    desc="Skybrudssikring af Lyngå by: regnvandsbassiner, vådområde og "
         "hævede diger.")
L_BASSIN = capital("0.52.89.302", "Regnvandsbassiner i Egekær Syd",
                   "TMU.03.03", (3, 6, 0, 0))

area("TMU.04", "TMU", "Affald (brugerfinansieret)")
area("TMU.04.01", "TMU.04", "Affaldsordninger")
WASTE = [("1.38.60", "Affald, fælles formål", 4.1),
         ("1.38.61", "Dagrenovation og restaffald", 38.4),
         ("1.38.62", "Storskrald og haveaffald", 9.2),
         ("1.38.63", "Genbrugspladser", 16.3),
         ("1.38.64", "Glas, papir, pap og emballage", 12.1),
         ("1.38.66", "Farligt affald", 2.5)]
L_AFFALD = []
for fn, title, mio in WASTE:
    L_AFFALD.append(line(fn + ".001", title, "TMU.04.01", mio))
    income(fn + ".002", title + ", gebyrer", "TMU.04.01", round(mio * 1.01, 1))

# ---------------------------------------------------------------------------
# Kultur- og Fritidsudvalget
area("KFU", "", "Kultur- og Fritidsudvalget")

area("KFU.01", "KFU", "Biblioteker")
area("KFU.01.01", "KFU.01", "Hovedbibliotek")
L_HOVEDBIB = line("3.32.50.001", "Egekær Hovedbibliotek", "KFU.01.01", 23.9)
line("3.32.50.002", "Medier og e-ressourcer", "KFU.01.01", 5.1)
income("3.32.50.003", "Salg og udlejning af lokaler, bibliotek", "KFU.01.01",
       0.4)
area("KFU.01.02", "KFU.01", "Lokalbiblioteker")
L_LOKALBIB = []
for i, (name, mio) in enumerate((("Fjordby Bibliotek", 3.2),
                                 ("Bøgeskov Bibliotek", 2.6),
                                 ("Lyngå Bibliotek", 2.1),
                                 ("Mølleby Bibliotek, selvbetjent", 0.8),
                                 ("Bogbussen", 1.9)), 11):
    L_LOKALBIB.append(line("3.32.50.%03d" % i, name, "KFU.01.02", mio))

area("KFU.02", "KFU", "Kultur")
area("KFU.02.01", "KFU.02", "Museer og kulturarv")
line("3.35.60.001", "Egekær Museum, driftstilskud", "KFU.02.01", 7.1)
line("3.35.60.002", "Lokalhistoriske arkiver", "KFU.02.01", 1.2)
line("3.35.64.001", "Pulje til bevaringsværdige bygninger", "KFU.02.01", 0.8)
area("KFU.02.02", "KFU.02", "Musik og scenekunst")
line("3.35.63.001", "Egekær Musikskole", "KFU.02.02", 9.6, "school")
income("3.35.63.002", "Elevbetaling, musikskole", "KFU.02.02", 2.6, "school")
line("3.35.62.001", "Egnsteater, driftstilskud", "KFU.02.02", 3.5)
line("3.35.63.003", "Spillestedet Remisen", "KFU.02.02", 2.2)
line("3.35.64.002", "Kulturhuset Fjordsalen", "KFU.02.02", 6.5)
income("3.35.64.003", "Kulturhuset Fjordsalen, billetsalg og udlejning",
       "KFU.02.02", 2.1)
area("KFU.02.03", "KFU.02", "Kulturpuljer")
L_KULTURPULJE = line("3.35.64.010", "Kulturpulje", "KFU.02.03", 1.5)
line("3.35.64.011", "Byfester og arrangementer", "KFU.02.03", 1.2)
line("3.35.64.012", "Kunst i det offentlige rum", "KFU.02.03", 0.4)

area("KFU.03", "KFU", "Idræt og fritid")
area("KFU.03.01", "KFU.03", "Idrætsanlæg")
line("0.32.31.001", "Egekær Idrætscenter", "KFU.03.01", 12.2)
L_HALLER = line("0.32.31.002", "Haller i lokalsamfundene, driftstilskud",
                "KFU.03.01", 9.1)
line("0.32.31.003", "Kunstgræsbaner", "KFU.03.01", 1.4)
line("0.32.31.004", "Egekær Svømmehal", "KFU.03.01", 14.1)
income("0.32.31.005", "Egekær Svømmehal, entré og udlejning", "KFU.03.01", 4.8)
line("0.32.35.001", "Stier, shelters og friluftsliv", "KFU.03.01", 1.5)
capital("0.32.31.301", "Renovering af Egekær Svømmehal", "KFU.03.01",
        (0, 5, 18, 12),
        desc="Nyt bassinvandanlæg og tag; svømmehallen lukker i 4 måneder "
             "i 2030.")
area("KFU.03.02", "KFU.03", "Folkeoplysning")
line("3.38.70.001", "Folkeoplysning, fælles formål", "KFU.03.02", 1.2)
line("3.38.72.001", "Folkeoplysende voksenundervisning", "KFU.03.02", 6.1)
L_FORENING = line("3.38.73.001", "Tilskud til frivilligt folkeoplysende "
                  "foreningsarbejde", "KFU.03.02", 11.8, "youth")
L_LOKALETILSKUD = line("3.38.76.001", "Lokaletilskud", "KFU.03.02", 9.2)
line("3.38.77.001", "Fritidsaktiviteter uden for folkeoplysningsloven",
     "KFU.03.02", 1.4)
line("3.38.72.002", "Folkeuniversitetet i Egekær", "KFU.03.02", 0.5)
line("3.38.74.001", "Daghøjskole og ungdomshøjskole", "KFU.03.02", 1.1)
area("KFU.03.03", "KFU.03", "Frivillighed")
L_FRIVSOC = line("5.72.99.001", "Tilskud til frivilligt socialt arbejde",
                 "KFU.03.03", 3.1)
L_FRIVCENTER = line("5.72.99.002", "Frivilligcenter Egekær", "KFU.03.03", 1.2)

# ---------------------------------------------------------------------------
# Plan- og Boligudvalget: no goals yet (see below).
area("PBU", "", "Plan- og Boligudvalget")

area("PBU.01", "PBU", "Planlægning og byggeri")
area("PBU.01.01", "PBU.01", "Plan og byudvikling")
line("0.22.01.001", "Kommuneplan og lokalplaner", "PBU.01.01", 7.9)
line("0.22.01.002", "Byudvikling, Egekær bymidte", "PBU.01.01", 2.5)
area("PBU.01.02", "PBU.01", "Byggesagsbehandling")
line("6.45.56.001", "Byggesagsbehandling", "PBU.01.02", 11.2)
income("6.45.56.002", "Byggesagsgebyrer", "PBU.01.02", 3.2)
area("PBU.01.03", "PBU.01", "Jordforsyning")
capital("0.22.02.301", "Byggemodning af Bøgeskov Vest", "PBU.01.03",
        (4, 8, 6, 2))
capital("0.22.02.302", "Salg af byggegrunde, Bøgeskov Vest", "PBU.01.03",
        (0, 6, 14, 12), direction="income")
area("PBU.02", "PBU", "Boliger")
area("PBU.02.01", "PBU.02", "Almene boliger og byfornyelse")
line("0.25.18.001", "Driftssikring af boligbyggeri", "PBU.02.01", 2.8)
line("0.25.15.001", "Byfornyelse og boligforbedring", "PBU.02.01", 3.1)
line("0.25.17.001", "Boligsocial helhedsplan, Egekær Øst", "PBU.02.01", 1.9)
capital("0.25.18.301", "Grundkapital til almene boliger", "PBU.02.01",
        (6, 10, 4, 4),
        desc="Kommunens indskud i 84 almene familie- og ungdomsboliger.")

# ---------------------------------------------------------------------------
# Goals: the three pillars of sustainability, with the SDGs as the frame.
# Every committee but Plan- og Boligudvalget has 1-3 goals, so that the gate
# "every committee has a goal" fails and names PBU.

goal("G01", "ØU", "Et budget i balance i alle fire år",
     "Økonomisk bæredygtighed. Verdensmål 16.6: effektive og ansvarlige "
     "institutioner. Driften skal kunne bære anlæg og afdrag i hele "
     "budgetperioden.",
     ["6.52.76.001", L_UDLIGNING])
goal("G02", "ØU.04", "CO2-udledningen fra kommunens bygninger halveres inden 2030",
     "Miljømæssig bæredygtighed. Verdensmål 7.3 og 13.2. Nulpunktsmåling "
     "2026; energiforbruget følges månedligt.",
     [L_ENERGIRENO, L_SOLCELLER, L_BYGDRIFT, L_RAADHUS])
goal("G03", "ØU.03", "Flere borgere er med i budgetprocessen",
     "Social bæredygtighed. Verdensmål 16.7: inddragende og repræsentative "
     "beslutninger. Borgerråd og labs skal afspejle befolkningen på alder, "
     "køn, etnicitet og uddannelse.",
     [L_BORGERBUDGET, L_BORGERRAAD, L_UDVPULJE])

goal("G04", "BSU", "Flere børn i trivsel",
     "Social bæredygtighed. Verdensmål 3.4 og 4.1. Andelen af elever med høj "
     "trivsel i den nationale trivselsmåling skal stige hvert år.",
     [L_SKOLEUDV, L_TIDLIG, L_SUNDPLEJE, L_SPROG])
goal("G05", "BSU.03", "Færre børn anbringes uden for hjemmet",
     "Social og økonomisk bæredygtighed. Verdensmål 10.2. Forebyggelse "
     "før anbringelse: flere familier får hjælp tidligt.",
     [L_FOREB, L_FAMBEH, L_PLEJEFAM, L_DOEGN])
goal("G06", "BSU.03.04", "Alle unge får en ungdomsuddannelse",
     "Social bæredygtighed. Verdensmål 4.1 og 8.6. 95 pct. af en årgang "
     "har en ungdomsuddannelse som 25-årige.",
     [L_UU, L_FGU, L_UNGDOMSSKOLE])

goal("G07", "SSU.01", "Ældre bor længere i eget hjem",
     "Social bæredygtighed. Verdensmål 3.8. Rehabilitering og hjælpemidler "
     "før plejebolig, så flere klarer sig selv længere.",
     [L_GENOPTR, L_FOREBHJEM, L_HJAELPEM, L_MIDL])
goal("G08", "SSU.02", "Færre indlæggelser, der kunne være forebygget",
     "Social og økonomisk bæredygtighed. Verdensmål 3.4. Færre "
     "genindlæggelser af borgere over 65 år.",
     [L_MEDFIN, L_SUNDCENTER, L_HJEM[0]])

goal("G09", "BEU", "Flere i job eller uddannelse",
     "Økonomisk og social bæredygtighed. Verdensmål 8.5. Færre borgere på "
     "offentlig forsørgelse, flest mulige i ordinære timer.",
     [L_JOBCENTER, L_RESSOURCE, L_FLEKS, L_UNGEINDS])
goal("G10", "BEU.02.03", "Flygtninge og indvandrere kommer i arbejde",
     "Social bæredygtighed. Verdensmål 8.5 og 10.2.",
     [L_INTRO, L_DANSK])

goal("G11", "TMU.02", "Flere ture på cykel og med bus",
     "Miljømæssig bæredygtighed. Verdensmål 11.2. Cykel og bus skal være "
     "det nemme valg mellem byerne.",
     [L_CYKELSTI, L_BUS, L_STIER, L_SKOLEVEJ])
goal("G12", "TMU.03", "Ingen boliger oversvømmes ved skybrud",
     "Miljømæssig bæredygtighed. Verdensmål 11.5 og 13.1. Klimatilpasning "
     "dimensioneret til en 100-års hændelse.",
     [L_KLIMATILP, L_BASSIN, L_KLIMAPLAN])
goal("G13", "TMU", "Mere natur og biodiversitet i kommunen",
     "Miljømæssig bæredygtighed. Verdensmål 15.1 og 15.5. 10 pct. af "
     "kommunens areal er natur i 2031.",
     [L_NATUR, L_SKOVREJS, L_PARKER])

goal("G14", "KFU", "Flere borgere er aktive i foreningslivet",
     "Social bæredygtighed. Verdensmål 3.4 og 11.7. Fællesskaber for alle "
     "aldre, også i de mindre lokalsamfund.",
     [L_FORENING, L_LOKALETILSKUD, L_HALLER, L_FRIVCENTER])
goal("G15", "KFU.01", "Biblioteket er mødested i alle lokalsamfund",
     "Social bæredygtighed. Verdensmål 4.7 og 16.10. Åbne biblioteker med "
     "plads til borgermøder og labs.",
     [L_HOVEDBIB] + L_LOKALBIB[:3])


# ---------------------------------------------------------------------------
def balance_with_equalisation():
    """Set "Kommunal udligning" so each year's balance hits its target."""
    udl = next(l for l in LINES if l["code"] == L_UDLIGNING)
    for i in range(len(YEARS)):
        inc = sum(l["amounts"][i] for l in LINES
                  if l["dir"] == "income" and l is not udl)
        exp = sum(l["amounts"][i] for l in LINES if l["dir"] == "expense")
        udl["amounts"][i] = exp - inc + TARGET_BALANCE[i]
        assert udl["amounts"][i] > 0, "udligning must be income"


def check():
    codes = {a[0] for a in AREAS}
    for code, parent, name in AREAS:
        assert parent == "" or parent in codes, code
    leaves = {a[0] for a in AREAS if a[0].count(".") == 2}
    for l in LINES:
        assert l["area"] in leaves, l["code"]
    committees = {a[0] for a in AREAS if a[1] == ""}
    with_goal = {g[1].split(".")[0] for g in GOALS}
    assert committees - with_goal == {"PBU"}, committees - with_goal
    assert 300 <= len(LINES) <= 400, len(LINES)


def field(s):
    assert "\t" not in s and "\n" not in s and "\r" not in s, s
    return s


def write(dirpath, name, header, rows):
    with open(os.path.join(dirpath, name), "w", encoding="utf-8",
              newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(field(str(x)) for x in r) + "\n")


def summary():
    for i, y in enumerate(YEARS):
        inc = sum(l["amounts"][i] for l in LINES if l["dir"] == "income")
        exp = sum(l["amounts"][i] for l in LINES if l["dir"] == "expense")
        cap = sum(l["amounts"][i] for l in LINES
                  if l["dir"] == "expense" and l["kind"] == "capital")
        udl = next(l for l in LINES if l["code"] == L_UDLIGNING)["amounts"][i]
        print("%d  income %7.1f  expenses %7.1f (capital %5.1f)  "
              "balance %+6.1f  udligning %5.1f mio. kr."
              % (y, inc / 1e6, exp / 1e6, cap / 1e6, (inc - exp) / 1e6,
                 udl / 1e6), file=sys.stderr)
    print("%d areas, %d lines, %d goals, %d goal links"
          % (len(AREAS), len(LINES), len(GOALS), len(GOAL_LINES)),
          file=sys.stderr)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    balance_with_equalisation()
    check()
    write(out, "areas.tsv", ("code", "parent", "name"), AREAS)
    write(out, "lines.tsv",
          ("code", "title", "area", "kind", "direction")
          + tuple(str(y) for y in YEARS) + ("description",),
          ([l["code"], l["title"], l["area"], l["kind"], l["dir"]]
           + l["amounts"] + [l["desc"]] for l in LINES))
    write(out, "goals.tsv", ("goal", "area", "title", "description"), GOALS)
    write(out, "goal_lines.tsv", ("goal", "line"), GOAL_LINES)
    summary()


if __name__ == "__main__":
    main()

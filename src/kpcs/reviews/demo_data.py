"""The 2004 peer review situation of the Gatineau communiqué, as demo data. The figures are the seed's (8 visits
done, 7 more before the end of 2004, 33 of 43 participants invited, a roster of more than 60 experts); which
participants were visited when, and every expert's name, are illustrative and fictional."""

from __future__ import annotations

import datetime as dt

D = dt.date
GATINEAU = D(2004, 10, 29)

# Visited before Gatineau: (participant, window opens, window closes, days, expertise).
DONE_2004 = [
    ("CA", D(2004, 2, 2), D(2004, 3, 12), 5, ["statistics", "customs"]),
    ("SL", D(2004, 2, 16), D(2004, 4, 2), 7, ["mining", "trade"]),
    ("MU", D(2004, 3, 15), D(2004, 4, 30), 5, ["customs", "legal"]),
    ("BW", D(2004, 4, 5), D(2004, 5, 21), 6, ["mining", "statistics"]),
    ("ZA", D(2004, 5, 3), D(2004, 6, 25), 6, ["mining", "valuation"]),
    ("IN", D(2004, 6, 7), D(2004, 7, 30), 6, ["trade", "customs"]),
    ("RU", D(2004, 7, 5), D(2004, 8, 27), 7, ["statistics", "valuation"]),
    ("EU", D(2004, 8, 30), D(2004, 10, 8), 6, ["customs", "trade"]),
]
# Planned for the rest of 2004.
PLANNED_2004 = [
    ("AO", D(2004, 11, 1), D(2004, 11, 26), 7, ["mining", "legal"]),
    ("CD", D(2004, 11, 1), D(2004, 12, 3), 7, ["mining", "statistics"]),
    ("CN", D(2004, 11, 8), D(2004, 12, 10), 5, ["customs", "statistics"]),
    ("IL", D(2004, 11, 8), D(2004, 12, 10), 5, ["trade", "valuation"]),
    ("AE", D(2004, 11, 15), D(2004, 12, 17), 5, ["trade", "customs"]),
    ("NA", D(2004, 11, 15), D(2004, 12, 17), 6, ["mining", "statistics"]),
    ("GY", D(2004, 11, 22), D(2004, 12, 17), 5, ["mining", "legal"]),
]
# The review mission of 2004 (credible indications of non-compliance; the Republic of Congo was removed in July).
MISSION_2004 = ("CG", D(2004, 5, 10), D(2004, 6, 18), 6, ["statistics", "mining"], ["fr"])
# Invited, in the provisional schedule for 2005-2006: (participant, window opens, weeks, days, expertise).
SCHEDULE_2005_2006 = [
    ("US", D(2005, 2, 7), 8, 5, ["customs", "trade"]),
    ("GH", D(2005, 3, 7), 8, 5, ["mining", "customs"]),
    ("CH", D(2005, 3, 21), 8, 5, ["trade", "legal"]),
    ("BR", D(2005, 4, 11), 8, 6, ["mining", "legal"]),
    ("GN", D(2005, 5, 2), 8, 7, ["mining", "statistics"]),
    ("UA", D(2005, 6, 6), 8, 5, ["customs", "legal"]),
    ("AU", D(2005, 8, 29), 8, 5, ["mining", "statistics"]),
    ("CI", D(2005, 9, 12), 8, 6, ["customs", "legal"]),
    ("JP", D(2005, 10, 3), 8, 5, ["customs", "trade"]),
    ("TZ", D(2006, 1, 16), 8, 7, ["mining", "statistics"]),
    ("CF", D(2006, 2, 6), 8, 7, ["mining", "trade"]),
    ("KR", D(2006, 3, 6), 8, 5, ["customs", "statistics"]),
    ("LS", D(2006, 4, 3), 8, 5, ["mining", "legal"]),
    ("VE", D(2006, 5, 8), 8, 6, ["mining", "statistics"]),
    ("SG", D(2006, 6, 5), 8, 5, ["trade", "customs"]),
    ("MY", D(2006, 8, 28), 8, 5, ["customs", "legal"]),
    ("NO", D(2006, 9, 18), 8, 5, ["customs", "trade"]),
    ("ZW", D(2006, 10, 9), 8, 7, ["mining", "statistics"]),
]
# The ten participants that had not invited a visit at Gatineau.
NOT_INVITED = ["AM", "BG", "BY", "HR", "LA", "LK", "RO", "TG", "TH", "VN"]

# Roster: (nominated by, kind, languages, expertise, cap per period). Names are generated and fictional.
ROSTER = [
    ("ZA", "government", ["en", "af"], ["mining", "statistics"], 3),
    ("CA", "government", ["en", "fr"], ["statistics", "customs"], 3),
    ("CA", "government", ["en", "fr"], ["legal", "trade"], 2),
    ("BW", "government", ["en"], ["mining", "valuation"], 3),
    ("US", "government", ["en", "es"], ["customs", "legal"], 3),
    ("US", "government", ["en"], ["trade", "statistics"], 2),
    ("EU", "government", ["en", "fr", "nl"], ["customs", "trade"], 3),
    ("EU", "government", ["en", "de"], ["statistics", "valuation"], 2),
    ("EU", "government", ["en", "pt"], ["legal", "customs"], 3),
    ("EU", "government", ["en", "es", "fr"], ["trade", "mining"], 2),
    ("EU", "government", ["en", "fr"], ["statistics", "legal"], 2),
    ("RU", "government", ["ru", "en"], ["mining", "statistics"], 3),
    ("RU", "government", ["ru", "en"], ["customs", "valuation"], 2),
    ("IN", "government", ["en", "hi"], ["trade", "valuation"], 2),
    ("IL", "government", ["en", "he"], ["trade", "customs"], 2),
    ("AU", "government", ["en"], ["mining", "legal"], 2),
    ("NA", "government", ["en"], ["mining", "customs"], 2),
    ("SL", "government", ["en"], ["mining", "statistics"], 2),
    ("AO", "government", ["pt", "en"], ["mining", "legal"], 2),
    ("BR", "government", ["pt", "en", "es"], ["mining", "customs"], 3),
    ("CD", "government", ["fr"], ["mining", "statistics"], 2),
    ("GN", "government", ["fr", "en"], ["mining", "customs"], 2),
    ("CI", "government", ["fr"], ["legal", "trade"], 2),
    ("CH", "government", ["fr", "de", "en"], ["trade", "customs"], 3),
    ("UA", "government", ["ru", "uk", "en"], ["customs", "statistics"], 2),
    ("VE", "government", ["es", "en"], ["mining", "legal"], 2),
    ("CN", "government", ["zh", "en"], ["customs", "trade"], 2),
    ("JP", "government", ["ja", "en"], ["customs", "statistics"], 2),
    ("GH", "government", ["en"], ["mining", "trade"], 2),
    ("TZ", "government", ["sw", "en"], ["mining", "legal"], 2),
    ("MU", "government", ["en", "fr"], ["customs", "legal"], 2),
    ("NO", "government", ["no", "en"], ["statistics", "customs"], 2),
    ("AE", "government", ["ar", "en"], ["trade", "valuation"], 2),
    ("SG", "government", ["en", "zh"], ["customs", "trade"], 2),
    ("WDC", "industry", ["en", "fr"], ["valuation", "trade"], 3),
    ("WDC", "industry", ["en", "nl"], ["valuation", "customs"], 3),
    ("WDC", "industry", ["en", "he"], ["trade", "valuation"], 2),
    ("WDC", "industry", ["en", "ru"], ["mining", "valuation"], 3),
    ("WDC", "industry", ["en", "pt"], ["mining", "trade"], 2),
    ("WDC", "industry", ["en", "fr"], ["mining", "statistics"], 3),
    ("WDC", "industry", ["en", "hi"], ["trade", "statistics"], 2),
    ("WDC", "industry", ["en", "es"], ["valuation", "legal"], 2),
    ("WDC", "industry", ["en"], ["mining", "customs"], 2),
    ("WDC", "industry", ["en", "ar"], ["trade", "customs"], 2),
    ("WDC", "industry", ["en", "de"], ["valuation", "statistics"], 2),
    ("ZA", "industry", ["en", "af"], ["mining", "valuation"], 2),
    ("EU", "industry", ["en", "fr", "nl"], ["trade", "valuation"], 2),
    ("RU", "industry", ["ru", "en"], ["mining", "valuation"], 2),
    ("CSC", "civil_society", ["en", "fr"], ["legal", "statistics"], 3),
    ("CSC", "civil_society", ["en"], ["mining", "legal"], 3),
    ("CSC", "civil_society", ["en", "pt"], ["legal", "trade"], 3),
    ("CSC", "civil_society", ["fr", "en"], ["mining", "statistics"], 3),
    ("CSC", "civil_society", ["en", "es"], ["legal", "customs"], 2),
    ("CSC", "civil_society", ["en", "ru"], ["statistics", "legal"], 2),
    ("GW", "civil_society", ["en", "fr"], ["trade", "legal"], 3),
    ("GW", "civil_society", ["en"], ["statistics", "trade"], 2),
    ("GW", "civil_society", ["en", "pt"], ["mining", "customs"], 2),
    ("PAC", "civil_society", ["en", "fr"], ["mining", "legal"], 3),
    ("PAC", "civil_society", ["en"], ["statistics", "customs"], 2),
    ("PAC", "civil_society", ["en", "fr"], ["legal", "trade"], 2),
    ("CA", "civil_society", ["en", "fr"], ["legal", "statistics"], 2),
    ("EU", "civil_society", ["en", "de"], ["trade", "valuation"], 2),
]

FIRST = ["Amara", "Bruno", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kofi", "Lena",
         "Mateus", "Nadia", "Olu", "Priya", "Quentin", "Rosa", "Sipho", "Tamar", "Ursula", "Viktor", "Wanjiru",
         "Xavier", "Yusuf", "Zanele", "Aiko", "Boris", "Carmen", "Dawit", "Esther"]
LAST = ["Abara", "Bergmann", "Castillo", "Dlamini", "Eriksen", "Fontaine", "Gakuru", "Haddad", "Ivanova", "Jansen",
        "Kamara", "Lindqvist", "Mensah", "Novak", "Okafor", "Pereira", "Quist", "Rahman", "Sokolov", "Tembo",
        "Uchida", "Vasquez", "Weiss", "Yilmaz", "Zulu"]


def expert_name(i: int) -> str:
    """A fictional name, different for each roster line."""
    return f"{FIRST[(i * 7) % len(FIRST)]} {LAST[(i * 11 + i // len(LAST)) % len(LAST)]}"


def invitation_date(i: int, total: int) -> dt.date:
    """Spread the 33 invitations between November 2003 and October 2004."""
    return D(2003, 11, 3) + dt.timedelta(days=(i * 340) // max(1, total - 1))

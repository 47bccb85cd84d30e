"""Statistics maths for the KP Working Group on Statistics.

Pure Python: no Django, no database. Callers (the ``statistics`` Django app, the CLI, notebooks) pass
plain records in and get plain, JSON-ready dicts back. All amounts are :class:`decimal.Decimal`; published
figures have 2 decimals, rounded half up. See ``docs/statistics.md`` for the rules and thresholds.

Modules:

- :mod:`.periods` — reporting periods (year, half-year, quarter) and due dates.
- :mod:`.amounts` — parsing, rounding and formatting of amounts.
- :mod:`.records` — the figure record every other module reads.
- :mod:`.readers` — CSV and XLSX submission files to rows of strings.
- :mod:`.rows` — validating submission rows, and file-level consistency.
- :mod:`.problems` — the problem dict (row, code, params, message).
- :mod:`.summary` — the annual summary contract.
- :mod:`.timeliness` — the reporting calendar and on-time / late / missing.
- :mod:`.anomalies` — swings, unit-value outliers, unexplained exports, certificate counts.
- :mod:`.mirror` — mirror statistics with a likely cause for each gap.
- :mod:`.valuation` — declared vs confirmed values, US$/carat and its spread.
- :mod:`.sdmx` — SDMX-CSV 2.0 output.
- :mod:`.messages` — English message templates by code.
"""

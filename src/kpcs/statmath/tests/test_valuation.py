from decimal import Decimal

from kpcs.statmath.tests.helpers import fig
from kpcs.statmath.valuation import CertificateValue, declared_vs_confirmed, unit_value_spread, unit_values

D = Decimal


def test_declared_vs_confirmed_on_the_same_certificates() -> None:
    certificates = [
        CertificateValue("BW0000001", "BW", "EU", D("1000"), D("1100")),
        CertificateValue("BW0000002", "BW", "EU", D("2000"), D("2100")),
        CertificateValue("BW0000003", "BW", "EU", D("500")),  # not confirmed yet
        CertificateValue("ZA0000001", "ZA", "EU", D("700")),
    ]
    assert declared_vs_confirmed(certificates) == [
        {
            "exporter": "BW",
            "importer": "EU",
            "certificates": 3,
            "confirmed": 2,
            "declared_usd": "3000.00",
            "confirmed_usd": "3200.00",
            "difference": "200.00",
            "difference_pct": "6.67",
            "unconfirmed_declared_usd": "500.00",
        },
        {
            "exporter": "ZA",
            "importer": "EU",
            "certificates": 1,
            "confirmed": 0,
            "declared_usd": "0.00",
            "confirmed_usd": "0.00",
            "difference": "0.00",
            "difference_pct": None,
            "unconfirmed_declared_usd": "700.00",
        },
    ]


def test_unit_values_by_participant_hs_and_origin() -> None:
    records = [
        fig("BW", "2007-Q1", "export", "100", "10000", partner="EU", hs_code="710231", origin="BW"),
        fig("BW", "2007-Q1", "export", "100", "5000", partner="ZA", hs_code="710231", origin="BW"),
        fig("BW", "2007-Q1", "export", "3", "1", partner="ZA", hs_code="710221", origin="BW"),
        fig("BW", "2007-Q1", "export", "0", "0", partner="ZA", hs_code="710210", origin="BW"),
    ]
    assert [(u["hs_code"], u["carats"], u["usd"], u["usd_per_carat"]) for u in unit_values(records)] == [
        ("710210", "0.00", "0.00", None),
        ("710221", "3.00", "1.00", "0.33"),
        ("710231", "200.00", "15000.00", "75.00"),
    ]


def test_spread_across_participants() -> None:
    records = [
        fig("BW", "2007-Q1", "export", "10", "1000", hs_code="710231"),
        fig("ZA", "2007-Q1", "export", "10", "2000", hs_code="710231"),
        fig("RU", "2007-Q1", "export", "10", "3000", hs_code="710231"),
        fig("CA", "2007-Q1", "export", "10", "9999", hs_code="710221"),  # alone in its group
        fig("EU", "2007-Q1", "export", "10", "9999"),  # no HS code
    ]
    assert unit_value_spread(records) == [
        {
            "flow": "export",
            "period": "2007-Q1",
            "hs_code": "710231",
            "origin": None,
            "participants": 3,
            "min": "100.00",
            "min_participant": "BW",
            "max": "300.00",
            "max_participant": "RU",
            "median": "200.00",
            "mean": "200.00",
            # population standard deviation sqrt(20000 / 3) = 81.6497 -> 40.82 % of 200
            "cv_pct": "40.82",
        }
    ]
    assert len(unit_value_spread(records, min_participants=1)) == 2

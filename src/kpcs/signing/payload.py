"""The signed certificate payload and its CBOR map (text keys, canonical encoding)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kpcs.signing.cbor import canonical_dumps, canonical_order, loads, require_canonical
from kpcs.signing.errors import MalformedError
from kpcs.signing.fields import (
    check_amount,
    check_code,
    check_date,
    check_text,
    expect_list,
    expect_map,
    expect_str,
    format_amount,
    parse_amount,
    parse_date,
)

PAYLOAD_VERSION = 1
_NO_AMOUNT = Decimal("0.00")
KP_HS_CODES = frozenset({"7102.10", "7102.21", "7102.31"})
_HUNDRED = Decimal(100)
_KEYS = frozenset(
    {"v", "no", "iss", "exp", "xp", "dst", "auth", "exporter", "importer"}
    | {"origin", "mixed", "parcels", "lines", "ct", "usd"}
)
_PARTY_KEYS = frozenset({"name", "country"})
_ORIGIN_KEYS = frozenset({"c", "share"})
_LINE_KEYS = frozenset({"hs", "ct", "usd"})
_ORDER, _PARTY_ORDER, _ORIGIN_ORDER, _LINE_ORDER = map(
    canonical_order, (_KEYS, _PARTY_KEYS, _ORIGIN_KEYS, _LINE_KEYS)
)


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    country: str

    def __post_init__(self) -> None:
        check_text(self.name, "party name")
        check_code(self.country, "party country")


@dataclass(frozen=True, slots=True)
class Origin:
    country: str
    share: Decimal | None = None  # percent of the shipment; None when not declared

    def __post_init__(self) -> None:
        check_code(self.country, "origin country")
        if self.share is not None:
            share = check_amount(self.share, "origin share")
            if not Decimal(0) < share <= _HUNDRED:
                raise MalformedError("origin share must be in (0, 100]")
            object.__setattr__(self, "share", share)


@dataclass(frozen=True, slots=True)
class Line:
    hs_code: str
    carats: Decimal
    value_usd: Decimal

    def __post_init__(self) -> None:
        if self.hs_code not in KP_HS_CODES:
            raise MalformedError(f"HS code must be one of {sorted(KP_HS_CODES)}")
        carats, value = check_amount(self.carats, "carats"), check_amount(self.value_usd, "value")
        if carats <= 0:
            raise MalformedError("carats must be positive")
        object.__setattr__(self, "carats", carats)
        object.__setattr__(self, "value_usd", value)


@dataclass(frozen=True, slots=True)
class CertificatePayload:
    """What a KP certificate asserts. Construction validates; invalid data raises MalformedError.

    Totals are derived from the lines, so a payload can never carry inconsistent totals.
    """

    number: str
    issue_date: date
    expiry_date: date
    exporting_participant: str
    destination_participant: str
    authority: str
    exporter: Party
    importer: Party
    origins: tuple[Origin, ...]
    mixed: bool
    parcels: int
    lines: tuple[Line, ...]
    # Derived in __post_init__ (once: verification reads them twice).
    total_carats: Decimal = field(init=False, repr=False, compare=False)
    total_usd: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_text(self.number, "certificate number")
        check_date(self.issue_date, "issue date")
        check_date(self.expiry_date, "expiry date")
        if self.expiry_date < self.issue_date:
            raise MalformedError("expiry date is before issue date")
        check_code(self.exporting_participant, "exporting participant")
        check_code(self.destination_participant, "destination participant")
        check_text(self.authority, "authority")
        if not isinstance(self.exporter, Party) or not isinstance(self.importer, Party):
            raise MalformedError("exporter and importer must be parties")
        object.__setattr__(self, "origins", _items(self.origins, Origin, "origin"))
        object.__setattr__(self, "lines", _items(self.lines, Line, "line"))
        if type(self.mixed) is not bool:
            raise MalformedError("mixed must be a boolean")
        if not self.mixed and len(self.origins) != 1:
            raise MalformedError("a shipment that is not mixed must have exactly one origin")
        if len({o.country for o in self.origins}) != len(self.origins):
            raise MalformedError("origin countries must not repeat")
        if type(self.parcels) is not int or self.parcels < 1:
            raise MalformedError("parcels must be an integer >= 1")
        total_carats = total_usd = _NO_AMOUNT
        for line in self.lines:
            total_carats += line.carats
            total_usd += line.value_usd
        check_amount(total_carats, "total carats")
        check_amount(total_usd, "total value")
        object.__setattr__(self, "total_carats", total_carats)
        object.__setattr__(self, "total_usd", total_usd)

    def to_map(self) -> dict[str, object]:
        """The payload as the wire map (JSON-compatible too: dates and amounts are strings)."""
        return {
            "v": PAYLOAD_VERSION,
            "no": self.number,
            "iss": self.issue_date.isoformat(),
            "exp": self.expiry_date.isoformat(),
            "xp": self.exporting_participant,
            "dst": self.destination_participant,
            "auth": self.authority,
            "exporter": {"name": self.exporter.name, "country": self.exporter.country},
            "importer": {"name": self.importer.name, "country": self.importer.country},
            "origin": [
                {"c": o.country, "share": None if o.share is None else format_amount(o.share)}
                for o in self.origins
            ],
            "mixed": self.mixed,
            "parcels": self.parcels,
            "lines": [
                {"hs": ln.hs_code, "ct": format_amount(ln.carats), "usd": format_amount(ln.value_usd)}
                for ln in self.lines
            ],
            "ct": format_amount(self.total_carats),
            "usd": format_amount(self.total_usd),
        }

    def to_cbor(self) -> bytes:
        return canonical_dumps(self.to_map())

    @classmethod
    def from_map(cls, data: object) -> CertificatePayload:
        m = expect_map(data, _KEYS, "payload")
        if type(m["v"]) is not int or m["v"] != PAYLOAD_VERSION:
            raise MalformedError(f"unsupported payload version {m['v']!r}")
        payload = cls(
            number=expect_str(m["no"], "no"),
            issue_date=parse_date(m["iss"], "iss"),
            expiry_date=parse_date(m["exp"], "exp"),
            exporting_participant=expect_str(m["xp"], "xp"),
            destination_participant=expect_str(m["dst"], "dst"),
            authority=expect_str(m["auth"], "auth"),
            exporter=_party(m["exporter"], "exporter"),
            importer=_party(m["importer"], "importer"),
            origins=tuple(_origin(o) for o in expect_list(m["origin"], "origin")),
            mixed=m["mixed"],
            parcels=m["parcels"],
            lines=tuple(_line(ln) for ln in expect_list(m["lines"], "lines")),
        )
        if parse_amount(m["ct"], "ct") != payload.total_carats:
            raise MalformedError("total carats (ct) is not the sum of the lines")
        if parse_amount(m["usd"], "usd") != payload.total_usd:
            raise MalformedError("total value (usd) is not the sum of the lines")
        return payload

    @classmethod
    def from_cbor(cls, data: bytes) -> CertificatePayload:
        value = loads(data, "payload")
        payload = cls.from_map(value)
        # from_map accepted `value`, so it holds only text, integers, booleans, null, arrays and maps
        # with exactly the keys of the four kinds of map, which is what require_canonical needs.
        require_canonical(value, data, "payload", keys_in_order=_keys_in_canonical_order(value))
        return payload


def _keys_in_canonical_order(m: dict) -> bool:
    return (
        tuple(m) == _ORDER
        and tuple(m["exporter"]) == tuple(m["importer"]) == _PARTY_ORDER
        and all(tuple(origin) == _ORIGIN_ORDER for origin in m["origin"])
        and all(tuple(line) == _LINE_ORDER for line in m["lines"])
    )


def _items(values: object, kind: type, what: str) -> tuple:
    # tuple and list first: they are what callers pass, and the Sequence ABC check is slow.
    if not isinstance(values, tuple | list | Sequence) or isinstance(values, str) or not values:
        raise MalformedError(f"at least one {what} is required")
    if not all(isinstance(v, kind) for v in values):
        raise MalformedError(f"every {what} must be a {kind.__name__}")
    return tuple(values)


def _party(value: object, what: str) -> Party:
    m = expect_map(value, _PARTY_KEYS, what)
    return Party(
        name=expect_str(m["name"], f"{what}.name"), country=expect_str(m["country"], f"{what}.country")
    )


def _origin(value: object) -> Origin:
    m = expect_map(value, _ORIGIN_KEYS, "origin entry")
    share = None if m["share"] is None else parse_amount(m["share"], "origin share")
    return Origin(country=expect_str(m["c"], "origin country"), share=share)


def _line(value: object) -> Line:
    m = expect_map(value, _LINE_KEYS, "line")
    return Line(
        hs_code=expect_str(m["hs"], "hs"),
        carats=parse_amount(m["ct"], "ct"),
        value_usd=parse_amount(m["usd"], "usd"),
    )

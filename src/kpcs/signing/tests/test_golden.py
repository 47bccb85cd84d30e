"""The worked example in docs/certificate-format.md, pinned: the format must not drift."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpcs.signing.issue import sign_certificate
from kpcs.signing.qr import cose_from_qr_text
from kpcs.signing.tests.factories import fixed_key, sample_payload, trust_list_for
from kpcs.signing.verify import verify_qr_text

EXAMPLE_COSE_HEX = (
    "d2844da20127044821fe31dfa154a261a0590166af617601626374663136302e3530626e6f6e5a412d323032352d3030"
    "30313233627870625a4163647374624555636578706a323032352d30342d3330636973736a323032352d30332d303163"
    "757364693235313233342e353064617574687833536f757468204166726963616e204469616d6f6e6420616e64205072"
    "6563696f7573204d6574616c7320526567756c61746f72656c696e657382a3626374663132302e353062687367373130"
    "322e333163757364693235303030302e3030a36263746534302e303062687367373130322e3231637573646731323334"
    "2e3530656d69786564f4666f726967696e81a26163625a41657368617265f66770617263656c7302686578706f727465"
    "72a2646e616d6578184578616d706c65204d696e696e67202850747929204c746467636f756e747279625a4168696d70"
    "6f72746572a2646e616d65734578616d706c65204469616d6f6e6473204e5667636f756e7472796242455840a7b2e03a"
    "a210878f38143b063fa93fe873f7c1ca2e788418bb90b72d7808ba7df4395fcbb003fb1fefe7224ce76b9fb9d0561b38"
    "6146860472e5119b67972905"
)
EXAMPLE_QR_TEXT = (
    "KP1:NCFOXN%TSMAHO.JNQ8O9KB2W$A4-C2/R893LI0A+OC0H9JB9/Q6JEQ5X6USPVAQBNESW6846-.Q646A468G60NLU79AK"
    "ET*9E%5$IEZY93+LUFP189IFTIJ3K1DF.2%LNCNNZ1H2/KTB5--8 58R$45TK3E2ZM92H5TUG7HGYLG IB .C1LCALGK.CQ/"
    "D$.BAG8812KR2L%4 6T5 2OJV6:I+3TWJ5G.K69J6S4Q$SZ/K0YC7*K+/6KZ01UPI-TL HLWEAL8LK4QQC-V4T7PHFTH43V*"
    "Q.NJ58B2W4/6CDMTQ3BW5T+.A52L E9*16/V9-$PUVB:9J *UOKDI+80GAMBN-NGUQKN*Q9LC$Q1KBNIRHQJA$%2+$S67T%+"
    "AUDN-T4A+2-XK5IVV5T57T.L52Q0AUAKJ5RZI%XKMCTY6TUP2.F0AHP3$PC4R/R1$G0YFCULGQ33/.MTQDWYOHX9:XL9A18C"
    "VTAH6XMP9MD4GA:VAFSC/N9%2U.RR5NX-AG-TL1W2A35JF*YU1RV-AQ.XFP5DEBSJ94.PR$MQ +HQITPJSC/U-OJN3005PE5"
)
DOC = Path(__file__).resolve().parents[4] / "docs" / "certificate-format.md"


def test_reference_encoder_reproduces_the_example() -> None:
    assert sign_certificate(sample_payload(), fixed_key()).hex() == EXAMPLE_COSE_HEX


def test_example_qr_text_decodes_and_verifies() -> None:
    # zlib output may differ between zlib builds, so the QR text is checked by decoding, not encoding.
    assert cose_from_qr_text(EXAMPLE_QR_TEXT).hex() == EXAMPLE_COSE_HEX
    result = verify_qr_text(EXAMPLE_QR_TEXT, trust_list_for(fixed_key()), today=date(2025, 3, 2))
    assert result.valid
    assert result.payload == sample_payload()


def test_document_shows_the_example() -> None:
    if not DOC.exists():
        pytest.skip("docs/ is not shipped with an installed package")
    text = DOC.read_text(encoding="utf-8")
    assert EXAMPLE_COSE_HEX in "".join(text.split())
    assert EXAMPLE_QR_TEXT in text.splitlines()

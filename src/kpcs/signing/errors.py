"""Exceptions raised by the signing core."""


class MalformedError(ValueError):
    """Data (QR text, COSE bytes, CBOR payload) does not follow the certificate format.

    The message says which rule was broken; it is meant for logs and reports, not for
    deciding anything (callers only need the exception type).
    """


class TrustListError(ValueError):
    """A trust list document is invalid."""


class KeyDecryptionError(ValueError):
    """A sealed private key could not be opened (wrong key-encryption key or corrupt data)."""

"""Ed25519 signing keys, key ids, and sealing of private keys at rest."""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kpcs.signing.errors import KeyDecryptionError

RAW_KEY_LENGTH = 32
KID_LENGTH = 8
KEK_LENGTH = 32

SEAL_VERSION = 1
_NONCE_LENGTH = 12
# Bound into the AEAD so a sealed blob cannot be passed off as some other kind of secret.
_SEAL_AAD = b"kpcs/signing/sealed-ed25519-private-key"
_KEK_INFO = b"kpcs/signing/kek/v1"
_KEK_SALT = b"kpcs/signing/kek-salt/v1"

_RAW = serialization.Encoding.Raw


def key_id(public_raw: bytes) -> bytes:
    """The key id ("kid"): first 8 bytes of SHA-256 over the raw 32-byte public key."""
    _check_length(public_raw, RAW_KEY_LENGTH, "public key")
    return hashlib.sha256(public_raw).digest()[:KID_LENGTH]


class SigningKey:
    """An Ed25519 private key. Its repr and str never show key material."""

    __slots__ = ("_key", "_public_raw")

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self._public_raw = private_key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_raw(cls, private_raw: bytes) -> SigningKey:
        _check_length(private_raw, RAW_KEY_LENGTH, "private key")
        return cls(Ed25519PrivateKey.from_private_bytes(private_raw))

    def private_raw(self) -> bytes:
        """The raw 32-byte private key (a method, not a property, so it is never shown by accident)."""
        return self._key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())

    @property
    def public_raw(self) -> bytes:
        return self._public_raw

    @property
    def kid(self) -> bytes:
        return key_id(self._public_raw)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def __repr__(self) -> str:
        return f"SigningKey(kid={self.kid.hex()}, private=<redacted>)"

    __str__ = __repr__

    def __reduce__(self) -> object:
        raise TypeError("SigningKey cannot be pickled; seal it with seal_private_key()")


def load_public_key(public_raw: bytes) -> Ed25519PublicKey:
    """The key object for a raw 32-byte public key (any 32 bytes load; bad points fail to verify)."""
    _check_length(public_raw, RAW_KEY_LENGTH, "public key")
    return Ed25519PublicKey.from_public_bytes(public_raw)


def verify_raw(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    """Plain Ed25519 verification with a raw 32-byte public key."""
    return verify_with_key(load_public_key(public_raw), signature, message)


def verify_with_key(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    """Plain Ed25519 verification with a loaded key (see TrustList, which loads each key once)."""
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def derive_kek(secret: str) -> bytes:
    """Derive the 32-byte key-encryption key from a configuration secret.

    HKDF is not a password hash: the secret must already be high-entropy (e.g. 32+ random bytes,
    encoded), not a human-chosen password.
    """
    if not secret:
        raise ValueError("the KEK secret must not be empty")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEK_LENGTH, salt=_KEK_SALT, info=_KEK_INFO)
    return hkdf.derive(secret.encode("utf-8"))


def seal_private_key(private_raw: bytes, kek: bytes) -> bytes:
    """Encrypt a raw private key: version byte || 12-byte nonce || AES-256-GCM ciphertext+tag."""
    _check_length(private_raw, RAW_KEY_LENGTH, "private key")
    _check_length(kek, KEK_LENGTH, "key-encryption key")
    prefix = bytes([SEAL_VERSION])
    nonce = os.urandom(_NONCE_LENGTH)
    return prefix + nonce + AESGCM(kek).encrypt(nonce, private_raw, prefix + _SEAL_AAD)


def open_private_key(sealed: bytes, kek: bytes) -> bytes:
    """Inverse of seal_private_key; raises KeyDecryptionError on a wrong KEK or any corruption."""
    _check_length(kek, KEK_LENGTH, "key-encryption key")
    if len(sealed) < 1 + _NONCE_LENGTH or sealed[0] != SEAL_VERSION:
        raise KeyDecryptionError("unsupported or truncated sealed key")
    prefix, nonce, ciphertext = sealed[:1], sealed[1 : 1 + _NONCE_LENGTH], sealed[1 + _NONCE_LENGTH :]
    try:
        private_raw = AESGCM(kek).decrypt(nonce, ciphertext, prefix + _SEAL_AAD)
    except InvalidTag:
        raise KeyDecryptionError("wrong key-encryption key or corrupt sealed key") from None
    if len(private_raw) != RAW_KEY_LENGTH:
        raise KeyDecryptionError("sealed data is not a 32-byte private key")
    return private_raw


def _check_length(value: bytes, length: int, what: str) -> None:
    if not isinstance(value, bytes) or len(value) != length:
        raise ValueError(f"{what} must be {length} bytes")

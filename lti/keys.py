"""The tool's own RSA key pair, one per registration."""

from __future__ import annotations

import json

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK


def new_key_pair() -> tuple[str, str, str]:
    """(private PEM, public PEM, key id) of a fresh 2048-bit RSA key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    # The key id pylti1p3 puts in the header of what it signs: the key's thumbprint.
    return private_pem, public_pem, JWK.from_pem(public_pem.encode()).thumbprint()


def public_jwk(public_pem: str, key_id: str) -> dict:
    """The public key as a JSON Web Key, as platforms read it from the key-set URL."""
    jwk = json.loads(JWK.from_pem(public_pem.encode()).export_public())
    return {**jwk, "kid": key_id, "alg": "RS256", "use": "sig"}

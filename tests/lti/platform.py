"""A small LTI 1.3 platform for the tests: its own keys, a key set, a token and a gradebook endpoint.

It runs as a real HTTP server in a thread, so the tool fetches the key set
and sends scores over HTTP as it does in production.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

ISSUER = "https://platform.test"
CLIENT_ID = "cyberaware-client"
DEPLOYMENT_ID = "deployment-1"
CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class TestPlatform:
    def __init__(self) -> None:
        self.key = rsa_key()
        self.kid = "platform-key-1"
        self.scores: list[dict] = []
        self.token_requests: list[dict] = []
        self.fail_scores = False
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet test output
                pass

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/jwks":
                    self._answer(200, {"keys": [platform.public_jwk()]})
                else:
                    self._answer(404, {})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.path == "/token":
                    platform.token_requests.append(parse_qs(body))
                    self._answer(
                        200,
                        {
                            "access_token": "platform-token",
                            "token_type": "Bearer",
                            "expires_in": 3600,
                        },
                    )
                elif self.path == "/lineitems/7/scores":
                    if platform.fail_scores:
                        self._answer(503, {})
                        return
                    platform.scores.append(
                        {
                            "authorization": self.headers.get("Authorization"),
                            "content_type": self.headers.get("Content-Type"),
                            "score": json.loads(body),
                        }
                    )
                    self._answer(200, {})
                else:
                    self._answer(404, {})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def public_jwk(self, key=None, kid=None) -> dict:
        public = (
            (key or self.key)
            .public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        jwk = json.loads(JWK.from_pem(public).export_public())
        return {**jwk, "kid": kid or self.kid, "alg": "RS256", "use": "sig"}

    @property
    def lineitem(self) -> str:
        return f"{self.url}/lineitems/7"

    def registration_fields(self) -> dict:
        return {
            "issuer": ISSUER,
            "client_id": CLIENT_ID,
            "deployment_ids": DEPLOYMENT_ID,
            "auth_login_url": f"{self.url}/auth",
            "auth_token_url": f"{self.url}/token",
            "key_set_url": f"{self.url}/jwks",
        }

    def sign(self, claims: dict, key=None) -> str:
        return jwt.encode(
            claims, pem(key or self.key), algorithm="RS256", headers={"kid": self.kid}
        )

    def claims(
        self, nonce: str, *, module_key=None, locale="en", sub="moodle-user-42", **extra
    ) -> dict:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "name": "Kati Karu",
            "locale": locale,
            CLAIM + "deployment_id": DEPLOYMENT_ID,
            CLAIM + "message_type": "LtiResourceLinkRequest",
            CLAIM + "version": "1.3.0",
            CLAIM + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            CLAIM + "resource_link": {"id": "resource-link-1"},
            CLAIM + "target_link_uri": "http://testserver/lti/launch/",
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
                "scope": [SCORE_SCOPE, LINEITEM_SCOPE],
                "lineitem": self.lineitem,
            },
        }
        if module_key:
            claims[CLAIM + "custom"] = {"module": str(module_key)}
        claims.update(extra)
        return claims

    def deep_linking_claims(self, nonce: str, **extra) -> dict:
        claims = self.claims(nonce, **extra)
        del claims[CLAIM + "resource_link"]
        del claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"]
        claims[CLAIM + "message_type"] = "LtiDeepLinkingRequest"
        claims[CLAIM + "roles"] = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
        claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
            "deep_link_return_url": f"{self.url}/deep-link-return",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "accept_multiple": True,
            "data": "platform-data-1",
        }
        return claims

    # -- the browser's part: login initiation, then the form post of the id_token ----

    def login(
        self, client, *, target="http://testserver/lti/launch/", client_id=CLIENT_ID, issuer=ISSUER
    ):
        """Start a launch as the platform does; returns (response, auth request params)."""
        response = client.post(
            "/lti/login/",
            {
                "iss": issuer,
                "login_hint": "user-42",
                "target_link_uri": target,
                "client_id": client_id,
                "lti_deployment_id": DEPLOYMENT_ID,
                "lti_message_hint": "hint-1",
            },
        )
        if response.status_code != 302:
            return response, None
        location = urlsplit(response["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == f"{self.url}/auth"
        return response, {key: values[0] for key, values in parse_qs(location.query).items()}

    def post_id_token(self, client, auth: dict, id_token: str):
        return client.post(
            urlsplit(auth["redirect_uri"]).path, {"id_token": id_token, "state": auth["state"]}
        )

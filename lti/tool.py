"""pylti1p3 wired to our registrations, with every refusal given a reason learners can read.

pylti1p3 leaves three checks to the tool, which this module adds: the id_token's
audience (it decodes with `verify_aud` off), a nonce that may serve once only
(it only checks that the nonce exists), and telling an expired token from a
forged one.
"""

from __future__ import annotations

import jwt
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.deployment import Deployment
from pylti1p3.exception import LtiException
from pylti1p3.registration import Registration as PyltiRegistration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from .models import Registration

# Why a launch is refused: reason -> (HTTP status, what the learner reads).
REASONS = {
    "unknown_platform": (
        403,
        _("This learning platform is not registered with CyberAware. Ask its administrator."),
    ),
    "unknown_deployment": (
        403,
        _(
            "This installation of the tool is not registered with CyberAware. Ask the platform's administrator."
        ),
    ),
    "audience": (403, _("This launch was meant for another tool.")),
    "signature": (403, _("The launch could not be verified: its signature is not valid.")),
    "expired": (
        403,
        _("The launch has expired. Go back to your course and open the activity again."),
    ),
    "replayed": (
        403,
        _("This launch was used already. Go back to your course and open the activity again."),
    ),
    "session": (
        400,
        _("The launch could not be completed. Go back to your course and open the activity again."),
    ),
    # Not 404: Django's locale middleware would redirect a 404 outside the
    # language prefixes to the same path under /en/.
    "content": (400, _("The course links to training that is not available. Ask your teacher.")),
}


class LaunchRefused(LtiException):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def as_pylti_registration(registration: Registration) -> PyltiRegistration:
    return (
        PyltiRegistration()
        .set_issuer(registration.issuer)
        .set_client_id(registration.client_id)
        .set_auth_login_url(registration.auth_login_url)
        .set_auth_token_url(registration.auth_token_url)
        .set_key_set_url(registration.key_set_url)
        .set_tool_private_key(registration.private_key)
        .set_tool_public_key(registration.public_key)
    )


class ToolConf(ToolConfAbstract):
    """Registrations come from the database; an issuer may have several client IDs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: Registration | None = None

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args, **kwargs):
        raise LaunchRefused("unknown_platform")

    def find_registration_by_params(self, iss: str, client_id: str | None, *args, **kwargs):
        platforms = Registration.objects.filter(issuer=iss, active=True)
        if client_id is None and len(platforms) == 1:
            self.found = platforms[0]
        else:
            self.found = next((p for p in platforms if p.client_id == client_id), None)
        if self.found is None:
            # A known platform naming a client that is not ours: the token was
            # made for someone else.
            launch = kwargs.get("jwt_body") is not None
            raise LaunchRefused("audience" if launch and platforms else "unknown_platform")
        return as_pylti_registration(self.found)

    def find_deployment(self, iss: str, deployment_id: str):
        raise LaunchRefused("unknown_deployment")

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str, *args, **kwargs
    ):
        if self.found is None or deployment_id not in self.found.deployments:
            raise LaunchRefused("unknown_deployment")
        return Deployment().set_deployment_id(deployment_id)

    def get_jwks(self, iss: str | None = None, client_id: str | None = None, **kwargs) -> dict:
        return {"keys": [r.jwk() for r in Registration.objects.filter(active=True)]}


def data_storage() -> DjangoCacheDataStorage:
    return DjangoCacheDataStorage(cache_name="default")


class OIDCLogin(DjangoOIDCLogin):
    def __init__(self, request: HttpRequest, tool_conf: ToolConf) -> None:
        super().__init__(request, tool_conf, launch_data_storage=data_storage())


class MessageLaunch(DjangoMessageLaunch):
    def __init__(self, request: HttpRequest, tool_conf: ToolConf, **kwargs) -> None:
        # pylti1p3's `from_cache` passes its own services by keyword.
        kwargs["launch_data_storage"] = kwargs.get("launch_data_storage") or data_storage()
        super().__init__(request, tool_conf, **kwargs)

    def validate_state(self):
        try:
            return super().validate_state()
        except LaunchRefused:
            raise
        except LtiException as error:
            raise LaunchRefused("session") from error

    def validate_jwt_format(self):
        try:
            return super().validate_jwt_format()
        except LtiException as error:
            raise LaunchRefused("signature") from error

    def validate_nonce(self):
        nonce = self._get_jwt_body().get("nonce")
        storage = self._session_service.data_storage
        # Deleting is the check: of two launches with one nonce, one deletes it.
        key = storage._prepare_key(self._session_service._get_key("nonce", nonce or ""))
        if not nonce or not cache.delete(key):
            raise LaunchRefused("replayed")
        return self

    def validate_registration(self):
        super().validate_registration()
        body = self._get_jwt_body()
        audience = body.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        client_id = self._registration.get_client_id()
        if client_id not in audiences or (len(audiences) > 1 and body.get("azp") != client_id):
            raise LaunchRefused("audience")
        return self

    def validate_jwt_signature(self):
        try:
            public_key, algorithm = self.get_public_key()
        except LtiException as error:
            raise LaunchRefused("signature") from error
        try:
            jwt.decode(
                self._get_id_token(),
                public_key,
                algorithms=[algorithm],
                audience=self._registration.get_client_id(),
                options={"require": ["exp", "iat"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise LaunchRefused("expired") from error
        except jwt.InvalidAudienceError as error:
            raise LaunchRefused("audience") from error
        except jwt.InvalidTokenError as error:
            raise LaunchRefused("signature") from error
        return self

    def validate_message(self):
        try:
            return super().validate_message()
        except LtiException as error:
            raise LaunchRefused("session") from error

    def registration(self) -> Registration:
        return self._tool_config.found

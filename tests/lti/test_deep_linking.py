"""A teacher picks CyberAware modules or a programme; the platform gets them back in a signed JWT."""

from __future__ import annotations

import jwt
from jwcrypto.jwk import JWK

from lti.models import PlatformAccount
from tests.factories import make_module, make_programme
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, ISSUER

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


def deep_linking_launch(client, platform, **claims):
    _response, auth = platform.login(client, target="http://testserver/lti/deep-link/")
    assert auth["redirect_uri"] == "http://testserver/lti/deep-link/"
    token = platform.sign(platform.deep_linking_claims(auth["nonce"], **claims))
    return platform.post_id_token(client, auth, token)


def form_action(html: str) -> str:
    return html.split('<form method="post" action="', 1)[1].split('"', 1)[0]


def test_the_teacher_picks_modules_and_the_platform_gets_them_signed(
    client, platform, registration, site_pages, module
):
    home, index = site_pages
    second = make_module(index, "Passwords at the office")
    programme = make_programme(home, [module, second])
    draft = make_module(index, "Not yet published")
    draft.unpublish()
    picker = deep_linking_launch(client, platform, locale="en")
    assert picker.status_code == 200
    html = picker.content.decode()
    for title in ("Phishing at the utility", "Passwords at the office", "Water programme"):
        assert title in html
    assert "Not yet published" not in html
    assert "frame-ancestors https://platform.test" in picker["Content-Security-Policy"]
    # Teachers choosing content get no learner account.
    assert not PlatformAccount.objects.exists()

    answer = client.post(
        form_action(html),
        {"item": [f"module:{module.translation_key}", f"programme:{programme.translation_key}"]},
    )
    assert answer.status_code == 200
    body = answer.content.decode()
    assert f'action="{platform.url}/deep-link-return"' in body
    token = body.split('name="JWT" value="', 1)[1].split('"', 1)[0]
    assert f"form-action 'self' {platform.url}" in answer["Content-Security-Policy"]

    # Verified with the tool's public key, as the platform does from the key-set URL.
    key_set = client.get("/lti/jwks.json").json()
    kid = jwt.get_unverified_header(token)["kid"]
    jwk = next(key for key in key_set["keys"] if key["kid"] == kid)
    public = JWK(**jwk).export_to_pem()
    claims = jwt.decode(token, public, algorithms=["RS256"], audience=ISSUER)
    assert claims["iss"] == CLIENT_ID
    assert claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] == DEPLOYMENT_ID
    assert (
        claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] == "LtiDeepLinkingResponse"
    )
    assert claims[DL + "data"] == "platform-data-1"
    items = claims[DL + "content_items"]
    assert [(i["type"], i["title"], i["custom"]) for i in items] == [
        ("ltiResourceLink", "Phishing at the utility", {"module": str(module.translation_key)}),
        ("ltiResourceLink", "Water programme", {"programme": str(programme.translation_key)}),
    ]
    assert items[0]["url"] == "http://testserver/lti/launch/"
    assert items[0]["lineItem"] == {
        "scoreMaximum": 100,
        "label": "Phishing at the utility",
        "resourceId": str(module.translation_key),
    }
    assert "lineItem" not in items[1]

    # The answer is given once: the launch cannot post another.
    again = client.post(form_action(html), {"item": [f"module:{module.translation_key}"]})
    assert again.status_code == 400


def test_choosing_nothing_asks_again(client, platform, registration, module):
    html = deep_linking_launch(client, platform).content.decode()
    response = client.post(form_action(html), {"item": ["module:not-a-key"]})
    assert response.status_code == 400
    assert "Choose at least one module or programme." in response.content.decode()


def test_a_deep_linking_answer_without_a_launch_is_refused(client, registration):
    response = client.post("/lti/deep-link/made-up-launch/", {"item": []})
    assert response.status_code == 400
    assert "The launch was refused" in response.content.decode()


def test_the_key_set_lists_each_registrations_public_key_only(client, registration):
    keys = client.get("/lti/jwks.json").json()["keys"]
    assert [key["kid"] for key in keys] == [registration.key_id]
    assert {"n", "e"} <= set(keys[0]) and "d" not in keys[0]

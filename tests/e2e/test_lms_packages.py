"""A module's package runs in an LMS: the quiz reports its score and status through
SCORM 1.2's API and through cmi5's xAPI statements.

The package is extracted into a temporary directory and served, with a stand-in
LMS written here, from one made-up origin through Playwright's routing: nothing
of the site is reachable from the package, as inside a real LMS.
"""

from __future__ import annotations

import json
import mimetypes
import zipfile
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree as ET

from playwright.sync_api import expect

from modules.models import ModulePage
from packages.building import CMI5, build_package
from tests.e2e.test_accessibility import FAILING_IMPACTS, describe, run_axe
from tests.factories import make_module, make_site

LMS = "http://lms.test"

# A minimal SCORM 1.2 LMS: the API object on the parent frame records every call
# and the values set, and the SCO runs in an iframe.
SCORM_STUB = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title>
<script>
window.lmsCalls = [];
window.lmsValues = {"cmi.core.lesson_status": "not attempted"};
function record(name, args) { window.lmsCalls.push([name].concat(Array.prototype.slice.call(args))); }
window.API = {
  LMSInitialize: function () { record("LMSInitialize", arguments); return "true"; },
  LMSFinish: function () { record("LMSFinish", arguments); return "true"; },
  LMSGetValue: function (key) { record("LMSGetValue", arguments); return window.lmsValues[key] || ""; },
  LMSSetValue: function (key, value) {
    record("LMSSetValue", arguments); window.lmsValues[key] = String(value); return "true";
  },
  LMSCommit: function () { record("LMSCommit", arguments); return "true"; },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head>
<body><iframe id="sco" title="Module" src="package/LAUNCH" style="width:100%;height:800px"></iframe></body>
</html>"""


def assert_accessible(page) -> None:
    serious = [v for v in run_axe(page)["violations"] if v["impact"] in FAILING_IMPACTS]
    assert not serious, "\n".join(describe(v) for v in serious)


def extract(content: bytes, directory: Path) -> Path:
    archive = directory / "package.zip"
    archive.write_bytes(content)
    with zipfile.ZipFile(archive) as package:
        package.extractall(directory / "package")
    return directory / "package"


def serve_package(route, request, root: Path) -> None:
    path = urlsplit(request.url).path.removeprefix("/package/")
    file = (root / path).resolve()
    if root.resolve() not in file.parents or not file.is_file():
        route.fulfill(status=404, body="not in the package")
        return
    route.fulfill(
        status=200,
        body=file.read_bytes(),
        content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream",
    )


def answer(frame, module, *, right: bool) -> None:
    for question in module.quiz_definition.questions:
        if right:
            chosen = sorted(question.correct_ids)
        else:
            chosen = [next(c.id for c in question.choices if not c.is_correct)]
        for choice_id in chosen:
            frame.locator(f'label[for="q-{question.id}-{choice_id}"]').click()
    frame.get_by_role("button", name="Submit answers").click()


def test_a_scorm_package_from_the_admin_reports_failed_then_passed(demo, page, tmp_path):
    module = ModulePage.objects.get(
        slug="phishing-at-the-water-utility", locale__language_code="en"
    )
    page.goto(f"{demo.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("cyberaware-demo")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{demo.url}/admin/modules/{module.pk}/package/")
    expect(page.locator("#answers-warning")).to_contain_text(
        "The right answers are inside the package."
    )
    assert_accessible(page)
    page.get_by_label("SCORM 1.2").check()
    page.get_by_label("Eesti").uncheck()
    page.get_by_label("Français").uncheck()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename == "phishing-at-the-water-utility-en-scorm12.zip"
    root = extract(Path(download.value.path()).read_bytes(), tmp_path)

    manifest = ET.parse(root / "imsmanifest.xml").getroot()  # noqa: S314 - the package just made
    launch = next(e for e in manifest.iter() if e.tag.endswith("}resource")).get("href")
    stub = SCORM_STUB.replace("LAUNCH", launch)

    def lms(route, request):
        if urlsplit(request.url).path == "/lms.html":
            route.fulfill(status=200, body=stub, content_type="text/html")
        else:
            serve_package(route, request, root)

    page.route(f"{LMS}/**", lms)
    page.goto(f"{LMS}/lms.html")
    sco = page.frame_locator("#sco")
    expect(sco.locator("h1")).to_have_text(module.title)
    page.wait_for_function("window.lmsCalls.some(call => call[0] === 'LMSInitialize')")
    assert page.evaluate("window.lmsValues['cmi.core.lesson_status']") == "incomplete"
    # The LMS's own navigation leaves a SCO: no button of the package's.
    expect(sco.get_by_role("button", name="Leave the module")).to_be_hidden()

    # Nothing answered: the learner is told, the LMS is not.
    sco.get_by_role("button", name="Submit answers").click()
    expect(sco.locator("#quiz-result")).to_contain_text("Answer every question before you submit.")
    assert "cmi.core.score.raw" not in page.evaluate("window.lmsValues")

    answer(sco, module, right=False)
    expect(sco.locator("#quiz-result")).to_contain_text("Your score: 0 %")
    page.wait_for_function("window.lmsValues['cmi.core.lesson_status'] === 'failed'")
    assert page.evaluate("window.lmsValues['cmi.core.score.raw']") == "0"

    sco.get_by_role("button", name="Try again").click()
    answer(sco, module, right=True)
    expect(sco.locator("#quiz-result")).to_contain_text("Your score: 100 %")
    page.wait_for_function("window.lmsValues['cmi.core.lesson_status'] === 'passed'")
    values = page.evaluate("window.lmsValues")
    assert values["cmi.core.score.raw"] == "100"
    assert (values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("0", "100")

    # Leaving the module ends the session.
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("window.lmsCalls.some(call => call[0] === 'LMSFinish')")
    calls = [call[0] for call in page.evaluate("window.lmsCalls")]
    assert calls.count("LMSInitialize") == 1
    assert calls.index("LMSInitialize") < calls.index("LMSCommit") < calls.index("LMSFinish")


def test_a_cmi5_package_sends_the_statements_cmi5_requires(page, tmp_path):
    _home, index = make_site()
    module = make_module(index, "Invoice fraud", pass_mark=70)
    root = extract(build_package([module], CMI5).content, tmp_path)
    structure = ET.parse(root / "cmi5.xml").getroot()  # noqa: S314 - the package just made
    au = next(e for e in structure if e.tag.endswith("}au"))
    launch = next(e for e in au if e.tag.endswith("}url")).text
    activity_id = au.get("id")
    assert au.get("masteryScore") == "0.70"

    token = "bGVhcm5lcjpzZWNyZXQ="
    session = "https://example.org/session/1"
    actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "mari"}}
    registration = "2f0b7c3e-7a55-4a41-9d27-1f1a0c8e9b10"
    statements: list[dict] = []
    authorisations: set[str] = set()

    def lms(route, request):
        path = urlsplit(request.url).path
        if path == "/lrs/fetch" and request.method == "POST":
            route.fulfill(status=200, json={"auth-token": token})
        elif path == "/lrs/activities/state":
            authorisations.add(request.headers.get("authorization", ""))
            route.fulfill(
                status=200,
                json={
                    "contextTemplate": {
                        "extensions": {
                            "https://w3id.org/xapi/cmi5/context/extensions/sessionid": session
                        }
                    },
                    "launchMode": "Normal",
                    "masteryScore": 0.7,
                    "moveOn": "CompletedAndPassed",
                    "returnURL": f"{LMS}/elsewhere",
                },
            )
        elif path == "/lrs/statements" and request.method == "POST":
            authorisations.add(request.headers.get("authorization", ""))
            assert request.headers.get("x-experience-api-version") == "1.0.3"
            statement = json.loads(request.post_data)
            statements.append(statement)
            route.fulfill(status=200, json=[statement["id"]])
        elif path == "/elsewhere":
            route.fulfill(
                status=200, body="<!DOCTYPE html><title>LMS</title>", content_type="text/html"
            )
        else:
            serve_package(route, request, root)

    page.route(f"{LMS}/**", lms)
    query = urlencode(
        {
            "endpoint": f"{LMS}/lrs/",
            "fetch": f"{LMS}/lrs/fetch",
            "actor": json.dumps(actor),
            "registration": registration,
            "activityId": activity_id,
        }
    )
    page.goto(f"{LMS}/package/{launch}?{query}")
    expect(page.locator("h1")).to_have_text("Invoice fraud")
    page.wait_for_function("document.readyState === 'complete'")
    wait_for(page, lambda: len(statements) == 1)

    answer(page, module, right=False)
    expect(page.locator("#quiz-result")).to_contain_text("Your score: 0 %")
    wait_for(page, lambda: len(statements) == 3)
    page.get_by_role("button", name="Try again").click()
    answer(page, module, right=True)
    expect(page.locator("#quiz-result")).to_contain_text("Your score: 100 %")
    wait_for(page, lambda: len(statements) == 4)
    assert_accessible(page)

    # Leaving sends terminated, then returns to the LMS.
    page.get_by_role("button", name="Leave the module").click()
    expect(page).to_have_url(f"{LMS}/elsewhere")
    wait_for(page, lambda: len(statements) == 5)

    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs == ["initialized", "completed", "failed", "passed", "terminated"]
    assert authorisations == {f"Basic {token}"}
    for statement in statements:
        assert statement["actor"] == actor
        assert statement["object"]["id"] == activity_id
        context = statement["context"]
        assert context["registration"] == registration
        assert (
            context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
            == session
        )
        categories = {c["id"] for c in context["contextActivities"]["category"]}
        assert "https://w3id.org/xapi/cmi5/context/categories/cmi5" in categories
        moves_on = statement["verb"]["id"].rsplit("/", 1)[1] in ("completed", "passed", "failed")
        assert ("https://w3id.org/xapi/cmi5/context/categories/moveon" in categories) == moves_on
    failed, passed = statements[2], statements[3]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1
    mastery = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
    assert (
        failed["context"]["extensions"][mastery] == passed["context"]["extensions"][mastery] == 0.7
    )
    assert statements[1]["result"]["completion"] is True


def wait_for(page, condition, timeout_ms: int = 10_000) -> None:
    """Let the page run (and the routes answer) until `condition` holds."""
    waited = 0
    while not condition():
        assert waited < timeout_ms, "timed out waiting for the LMS"
        page.wait_for_timeout(100)
        waited += 100

"""xAPI 1.0.3 statements built from a learner's records.

Everything here is a pure function of our records and settings: the same
record always gives the same statement, with the same id (a uuid5 of the
record's id under a namespace of this site), so sending one again is
harmless and the LRS stores it once.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings

XAPI_VERSION = "1.0.3"
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
VERBS = ("launched", "answered", "passed", "failed", "completed")
MODULE_TYPE = "http://adlnet.gov/expapi/activities/module"
QUESTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
PLATFORM = "CyberAware"


def site_root() -> str:
    """This site's root URL, the home page of the actors' accounts and of every activity id."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _namespace(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_root()}/xapi/{name}")


def statement_id(kind: str, *record_ids: object) -> uuid.UUID:
    """The id of the statement about these records: the same every time it is built."""
    return uuid.uuid5(_namespace("statements"), ":".join([kind, *map(str, record_ids)]))


def actor_name(user_id: int) -> str:
    """An opaque id of the learner, stable for this site and secret.

    A uuid5 of the user id in a namespace derived from `XAPI_ACTOR_KEY` (by
    default the site's SECRET_KEY), so nobody without the key can tell which
    account it is, and the id stays the same as long as the key does.
    """
    key = (settings.XAPI_ACTOR_KEY or settings.SECRET_KEY).encode()
    digest = hmac.new(key, b"cyberaware.xapi.actor", hashlib.sha256).digest()
    return str(uuid.uuid5(uuid.UUID(bytes=digest[:16]), str(user_id)))


def actor(user) -> dict:
    """The learner as the LRS sees them: an opaque account, or their e-mail where agreed."""
    if settings.XAPI_SEND_EMAIL and user.email:
        return {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
    return {
        "objectType": "Agent",
        "account": {"homePage": site_root(), "name": actor_name(user.pk)},
    }


def module_iri(module_key: uuid.UUID | str) -> str:
    """The module's activity id: its translation key, the same in every language."""
    return f"{site_root()}/xapi/modules/{module_key}"


def _verb(name: str) -> dict:
    return {"id": ADL_VERBS + name, "display": {"en-US": name}}


def _time(value: datetime) -> str:
    return value.isoformat()


def _module_activity(module_key, title: str, language: str) -> dict:
    return {
        "objectType": "Activity",
        "id": module_iri(module_key),
        "definition": {"type": MODULE_TYPE, "name": {language: title}},
    }


def _context(language: str, registration: uuid.UUID, module_key=None) -> dict:
    context = {
        "registration": str(registration),
        "language": language,
        "platform": PLATFORM,
    }
    if module_key is not None:
        context["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": module_iri(module_key)}]
        }
    return context


def _statement(
    kind: str, record_ids: Iterable[object], user, verb: str, obj: dict, context: dict, when
) -> dict:
    return {
        "id": str(statement_id(kind, *record_ids)),
        "actor": actor(user),
        "verb": _verb(verb),
        "object": obj,
        "context": context,
        "timestamp": _time(when),
        "version": XAPI_VERSION,
    }


def _registration(progress_id: int) -> uuid.UUID:
    """One registration per learner and module: their progress row."""
    return statement_id("registration", progress_id)


def _score(percent: int) -> dict:
    return {"scaled": round(percent / 100, 4), "raw": percent, "min": 0, "max": 100}


def launched(progress, user, title: str) -> dict:
    """The first visit of a module, in the language of the version opened."""
    language = progress.started_language
    return _statement(
        "launched",
        [progress.pk],
        user,
        "launched",
        _module_activity(progress.module_key, title, language),
        _context(language, _registration(progress.pk)),
        progress.started_at,
    )


def _question_activity(module_key, question: dict, language: str) -> dict:
    definition = {
        "type": QUESTION_TYPE,
        "name": {language: question["prompt"]},
        "correctResponsesPattern": [
            "[,]".join(c["id"] for c in question["choices"] if c["is_correct"])
        ],
    }
    if question["kind"] == "true_false":
        definition["interactionType"] = "true-false"
    else:
        definition["interactionType"] = "choice"
        definition["choices"] = [
            {"id": c["id"], "description": {language: c["text"]}} for c in question["choices"]
        ]
    return {
        "objectType": "Activity",
        "id": f"{module_iri(module_key)}#{question['id']}",
        "definition": definition,
    }


def attempt_statements(attempt, user, *, completed: bool) -> list[dict]:
    """One `answered` per question, then `passed` or `failed`, then `completed` if it completed the module.

    Questions and choices come from the attempt's snapshot, as the learner saw
    them; their ids are the same in every language of the module.
    """
    language = attempt.language
    registration = _registration(attempt.progress_id)
    snapshot = attempt.snapshot
    statements = []
    for question in snapshot["questions"]:
        chosen = attempt.answers.get(question["id"], [])
        correct = {c["id"] for c in question["choices"] if c["is_correct"]}
        statement = _statement(
            "answered",
            [attempt.pk, question["id"]],
            user,
            "answered",
            _question_activity(attempt.module_key, question, language),
            _context(language, registration, attempt.module_key),
            attempt.submitted_at,
        )
        statement["result"] = {"response": "[,]".join(chosen), "success": set(chosen) == correct}
        statements.append(statement)
    module = _module_activity(attempt.module_key, snapshot["title"], language)
    verb = "passed" if attempt.passed else "failed"
    outcome = _statement(
        "outcome",
        [attempt.pk],
        user,
        verb,
        module,
        _context(language, registration),
        attempt.submitted_at,
    )
    outcome["result"] = {
        "score": _score(attempt.score),
        "success": attempt.passed,
        "completion": attempt.passed,
    }
    statements.append(outcome)
    if completed:
        done = _statement(
            "completed",
            [attempt.progress_id],
            user,
            "completed",
            module,
            _context(language, registration),
            attempt.submitted_at,
        )
        done["result"] = {"score": _score(attempt.score), "success": True, "completion": True}
        statements.append(done)
    return statements


def marked_done(progress, user, title: str) -> dict:
    """A module without a quiz completed."""
    language = progress.completed_language
    statement = _statement(
        "completed",
        [progress.pk],
        user,
        "completed",
        _module_activity(progress.module_key, title, language),
        _context(language, _registration(progress.pk)),
        progress.completed_at,
    )
    statement["result"] = {"completion": True}
    return statement

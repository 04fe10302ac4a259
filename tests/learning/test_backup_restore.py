"""The restore drill of docs/operations.md, automated: dump, restore, verify.

Learner data is dumped with pg_dump (custom format), restored with
pg_restore into a fresh database, and `manage.py verify_records` runs
against the restored copy in a separate process, as an operator would.
PostgreSQL only; .ci/run provides one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from demo.synthetic import generate_activity
from tests.factories import SectorFactory, make_learner, make_module, make_site, record_attempt

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL; .ci/run provides it"
    ),
    pytest.mark.django_db(transaction=True),
]

TABLES = [
    "auth_user",
    "learning_learnerprofile",
    "learning_organisation",
    "learning_moduleprogress",
    "learning_quizattempt",
    "learning_questionresult",
    "learning_certificate",
    "wagtailcore_page",
]


def postgres_tool(name: str) -> str:
    """The client tool of the server's major version: next to initdb, as scripts/postgres.sh finds it."""
    initdb = shutil.which("initdb")
    candidates = [Path(os.path.realpath(initdb)).parent] if initdb else []
    candidates.append(Path("/usr/lib/postgresql/15/bin"))
    for directory in candidates:
        if (directory / name).exists():
            return str(directory / name)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is needed for the backup test (apt-get install postgresql-15)")
    return found


def conninfo(dbname: str) -> str:
    db = settings.DATABASES["default"]
    parts = {
        "dbname": dbname,
        "host": db.get("HOST") or "127.0.0.1",
        "port": str(db.get("PORT") or 5432),
        "user": db.get("USER") or "postgres",
    }
    return " ".join(f"{k}={v}" for k, v in parts.items())


def database_url(dbname: str) -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db.get('USER') or 'postgres'}{password}@{db.get('HOST') or '127.0.0.1'}"
        f":{db.get('PORT') or 5432}/{dbname}"
    )


def row_counts(dbname: str) -> dict[str, int]:
    with psycopg.connect(conninfo(dbname)) as conn:
        return {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in TABLES
        }


def environment() -> dict[str, str]:
    env = dict(os.environ)
    password = settings.DATABASES["default"].get("PASSWORD")
    if password:
        env["PGPASSWORD"] = password
    return env


def verify_records(dbname: str) -> subprocess.CompletedProcess:
    """`manage.py verify_records` against that database, in its own process as an operator runs it."""
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "verify_records"],
        cwd=settings.BASE_DIR,
        env={
            **environment(),
            "DATABASE_URL": database_url(dbname),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        },
        capture_output=True,
        text=True,
    )


@pytest.fixture
def restored_name():
    name = f"cyberaware_restore_{uuid.uuid4().hex[:8]}"
    yield name
    with psycopg.connect(conninfo("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_restores_into_a_fresh_database_with_consistent_records(tmp_path, restored_name):
    _home, index = make_site()
    water = SectorFactory(slug="water")
    module = make_module(index, sectors=[water], attempt_limit=None)
    learner = make_learner(sector=water)
    record_attempt(learner, module, passed=False)
    record_attempt(learner, module, passed=True)
    generate_activity(learners=40, seed=11, prefix="backup")

    source = settings.DATABASES["default"]["NAME"]
    before = row_counts(source)
    assert before["learning_quizattempt"] > 40

    dump = tmp_path / "cyberaware.dump"
    env = environment()
    subprocess.run(  # noqa: S603 - fixed arguments
        [postgres_tool("pg_dump"), "--format=custom", f"--file={dump}", conninfo(source)],
        check=True,
        env=env,
    )
    with psycopg.connect(conninfo("postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{restored_name}"')
    subprocess.run(  # noqa: S603
        [
            postgres_tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            f"--dbname={conninfo(restored_name)}",
            str(dump),
        ],
        check=True,
        env=env,
    )

    assert row_counts(restored_name) == before
    verify = verify_records(restored_name)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "Progress rows agree with the attempts." in verify.stdout

    # The check is real: a restored copy that lost an attempt is caught.
    with psycopg.connect(conninfo(restored_name), autocommit=True) as conn:
        lost = conn.execute(
            "SELECT id FROM learning_quizattempt ORDER BY submitted_at LIMIT 1"
        ).fetchone()[0]
        conn.execute("DELETE FROM learning_questionresult WHERE attempt_id = %s", [lost])
        conn.execute("DELETE FROM learning_quizattempt WHERE id = %s", [lost])
    broken = verify_records(restored_name)
    assert broken.returncode == 1
    assert "attempt_count" in broken.stdout

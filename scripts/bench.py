"""`make bench`: the production stack on this machine, measured with wrk on loopback.

Run through `make bench` (which starts a throwaway PostgreSQL and Redis and
exports DATABASE_URL and REDIS_URL), or by hand with both set:

    python scripts/bench.py [--learners 10000] [--duration 10] [--connections 16]

Steps: migrate, collect static files, load the demo content and
`generate_load_data` volumes, create the benchmark learners
(`bench_fixtures`), start gunicorn with gunicorn.conf.py and the production
settings plus the demo app and its instruments
(`config.settings.production_demo`, BENCH_INSTRUMENTS=1), sign the learners
in over HTTP, then run wrk against each target for a fixed time (including
the team page of an organisation with 500 members). Prints a table and
writes it to bench-results/bench.md, followed by the statistics benchmark
(`manage.py bench_statistics`) on the same data and the reminder job over
100,000 organisation members (`manage.py bench_reminders`). See
docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "bench-Secret-4821"  # noqa: S105 - throwaway accounts in a throwaway database
QUIZ_LEARNERS = 32
# demo/bench.py: what every signed-in page pays before its own work.
FLOOR = "/bench/signed-in/"
MY_LEARNING_MODULES = 20

# What each measurement should reach (docs/performance.md), throughput as a share of the
# bare view's in the same run: absolute figures move with the machine's other load,
# ratios much less.
TARGETS = {
    "bare": "ceiling",
    "signed_in_floor": "ceiling of signed-in pages",
    "anonymous": "≥ 50% of bare",
    "signed_in": "≤ 10 SQL, p99 < 100 ms, ≥ 25%",
    "my_learning": "≤ 10 SQL, p99 < 100 ms, ≥ 25%",
    "quiz": "≥ 20%, 0 errors, each attempt once",
    "team": "≤ 10 SQL",
    "programme": "≤ 10 SQL",
    "manager_home": "≤ 10 SQL",
}
# Measured again at ten times the learners.
GROWTH_TARGETS = ("signed_in_floor", "signed_in", "my_learning", "programme", "manager_home")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"bench: unexpected response from the stack: {message}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stack_environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        # Production settings plus the demo app (seed_demo, load data, the
        # commands below) and the instruments: a bare view, a query count.
        DJANGO_SETTINGS_MODULE="config.settings.production_demo",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # wrk speaks plain HTTP on loopback and says the proxy saw HTTPS.
        SECURE_SSL_REDIRECT="0",
        BENCH_INSTRUMENTS="1",
        CONN_MAX_AGE=env.get("CONN_MAX_AGE", "600"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="",
        LOG_LEVEL="WARNING",
        # No worker recycling mid-measurement (gunicorn.conf.py recycles
        # every ~2,000 requests in production, which a 10 s run would hit).
        GUNICORN_MAX_REQUESTS="0",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    shown = args[:1] if args[0] == "bench_fixtures" else args
    print(f"== manage.py {' '.join(shown)}", flush=True)
    result = subprocess.run(  # noqa: S603 - fixed commands, no outside input
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def manage_json(env: dict[str, str], *args: str) -> dict:
    """Run a command that prints one JSON line last, and return it."""
    return json.loads(manage(env, *args, capture=True).strip().splitlines()[-1])


def count_attempts(env: dict[str, str]) -> int:
    return manage_json(env, "bench_counts")["attempts"]


@dataclass
class Client:
    """A visitor over plain HTTP that says it came through an HTTPS proxy."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": self.host, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{self.host}{path}"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response, content

    def sign_in(self, email: str) -> None:
        path = "/en/accounts/login/"
        response, _ = self.request("GET", path)
        check(response.status == 200, f"sign-in page: {response.status}")
        token = self.cookies["csrftoken"]
        response, _ = self.request(
            "POST", path, {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        check(
            response.status == 302 and "sessionid" in self.cookies,
            f"sign-in of {email} failed: {response.status}",
        )

    def admin_sign_in(self, username: str, otp_key: str) -> None:
        """Sign in to the admin and pass the second step with a code from the device's key."""
        from django_otp.oath import totp

        path = "/admin/login/"
        response, _ = self.request("GET", path)
        check(response.status == 200, f"admin sign-in page: {response.status}")
        response, _ = self.request(
            "POST",
            path,
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        check(response.status == 302, f"admin sign-in of {username} failed: {response.status}")
        verify = "/admin/two-factor/verify/"
        self.request("GET", verify)
        code = f"{totp(bytes.fromhex(otp_key)):06d}"
        response, _ = self.request(
            "POST", verify, {"token": code, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        )
        check(response.status == 302, f"second step of {username} failed: {response.status}")

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())


LUA_COMMON = r"""
wrk.headers["X-Forwarded-Proto"] = "https"
local threads = {}
function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def lua_get(cookie: str) -> str:
    script = LUA_COMMON
    if cookie:
        script += f'wrk.headers["Cookie"] = {json.dumps(cookie)}\n'
    return script


def lua_quiz(host: str, path: str, answers: dict, pool: list[tuple[str, str]]) -> str:
    answer_body = urllib.parse.urlencode(answers, doseq=True)
    entries = ",\n".join(
        f"  {{cookie = {json.dumps(cookie)}, csrf = {json.dumps(token)}}}" for cookie, token in pool
    )
    stamp = int(time.time()) % (16**8)
    return (
        LUA_COMMON
        + f"""
local pool = {{
{entries}
}}
local answers = {json.dumps(answer_body)}
local counter = 0
function request()
  counter = counter + 1
  local learner = pool[((thread_number or 1) * 7 + counter) % #pool + 1]
  -- A fresh, unique attempt token per request: run stamp, thread, counter.
  local token = string.format("%08x-0000-4000-a%03x-%012x", {stamp}, thread_number or 0, counter)
  local body = answers .. "&csrfmiddlewaretoken=" .. learner.csrf .. "&attempt_token=" .. token
  return wrk.format("POST", {json.dumps(path)}, {{
    ["Cookie"] = learner.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = "https://{host}{path}",
    ["X-Forwarded-Proto"] = "https",
  }}, body)
end
local reported = false
function response(status, headers, body)
  if status >= 400 and not reported then
    reported = true
    io.write("first failed submission: HTTP " .. status .. "\\n" .. string.sub(body or "", 1, 400) .. "\\n")
  end
end
"""
    )


@dataclass
class Result:
    name: str
    label: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    queries: str
    requests: int
    # CPU milliseconds per request, by part of the stack (see `cpu_seconds_by_part`).
    cpu_ms: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


STACK_PARTS = ("app", "PostgreSQL", "Redis")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds_by_part(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by each part of the stack on this machine: gunicorn's
    master and workers (the session it was started in), PostgreSQL's processes and
    Redis's. Their connections stay open through a run, so no process that worked
    during a measurement has gone before it is read again."""
    used = dict.fromkeys(STACK_PARTS, 0.0)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        # proc(5): after the command, field 3 is the state; 6 the session, 14 and 15
        # the user and system time in clock ticks.
        fields = stat[stat.rindex(")") + 2 :].split()
        session, ticks = int(fields[3]), int(fields[11]) + int(fields[12])
        if session == server_pid:
            part = "app"
        elif command.startswith("postgres"):
            part = "PostgreSQL"
        elif command.startswith("redis-server"):
            part = "Redis"
        else:
            continue
        used[part] += ticks / CLOCK_TICKS
    return used


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_wrk(
    name: str,
    label: str,
    url: str,
    script: str,
    args,
    queries: str,
    workdir: Path,
    warmup: bool = True,
    server_pid: int | None = None,
) -> Result:
    path = workdir / f"{name}.lua"
    path.write_text(script)
    command = [
        "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={args.duration}s",
        "--timeout=10s",
        f"--script={path}",
        url,
    ]
    print(f"== wrk {label}", flush=True)
    if warmup and args.warmup:
        # Warm the workers (imports, connections, caches) before measuring.
        warmup = [*command[:3], f"--duration={args.warmup}s", *command[4:]]
        subprocess.run(warmup, check=True, capture_output=True)  # noqa: S603 - fixed command
    stack_before = cpu_seconds_by_part(server_pid) if server_pid else {}
    wrk_before = children_cpu_seconds()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603 - fixed commands, no outside input
    wrk_seconds = children_cpu_seconds() - wrk_before
    stack_after = cpu_seconds_by_part(server_pid) if server_pid else {}
    if "first failed" in output:
        print(output[output.index("first failed") :][:600])
    found = re.search(r"BENCH (\{.*\})", output)
    check(found is not None, f"wrk gave no summary for {label}:\n{output[-2000:]}")
    data = json.loads(found.group(1))
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    used = {part: stack_after[part] - stack_before[part] for part in stack_before}
    used["wrk"] = wrk_seconds
    requests = max(1, data["requests"])
    return Result(
        name=name,
        label=label,
        requests_per_second=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=errors,
        queries=queries,
        requests=data["requests"],
        cpu_ms={part: 1000 * seconds / requests for part, seconds in used.items()},
        seconds=data["duration_us"] / 1e6,
    )


def start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    print("== gunicorn -c gunicorn.conf.py config.wsgi", flush=True)
    process = subprocess.Popen(  # noqa: S603 - fixed commands, no outside input
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            response, _ = Client(port).request("GET", "/bench/bare/")
            if response.status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}"


def table(results: list[Result], bare_rps: float) -> str:
    lines = [
        "| measured | requests/s | p50 ms | p99 ms | errors | SQL/request | ratio to bare | target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        ratio = f"{100 * r.requests_per_second / bare_rps:.0f}%" if bare_rps else "-"
        lines.append(
            f"| {r.label} | {r.requests_per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{r.errors} | {r.queries} | {ratio} | {TARGETS.get(r.name, '')} |"
        )
    return "\n".join(lines)


@dataclass
class Page:
    """A page measured with wrk as a signed-in person (or anonymously)."""

    name: str
    label: str
    path: str
    client: Client | None
    queries: str = ""


def signed_in_pages(port: int, fixtures: dict) -> list[Page]:
    """The signed-in targets, each visitor signed in and each page fetched twice (the
    second time to count its queries after warm-up)."""
    reader = Client(port)
    reader.sign_in("bench.reader@example.com")
    dashboard = Client(port)
    dashboard.sign_in("bench.dashboard@example.com")
    team = Client(port)
    team.sign_in(fixtures["team_admin"])
    manager = Client(port)
    manager.admin_sign_in(fixtures["manager"], fixtures["manager_otp_key"])
    pages = [
        Page("signed_in_floor", "signed-in floor (session and user, no page)", FLOOR, reader),
        Page("signed_in", "signed-in module page", fixtures["module_url"], reader),
        Page(
            "my_learning",
            f"My learning ({fixtures['dashboard_modules']} modules in progress)",
            "/en/learn/",
            dashboard,
        ),
        Page("programme", "signed-in programme page", fixtures["programme_url"], reader),
        Page(
            "team",
            f"team page ({fixtures['team_members']} members, first page)",
            fixtures["team_url"],
            team,
        ),
        Page("manager_home", "manager's home (admin dashboard, one region)", "/admin/", manager),
    ]
    for page in pages:
        page.client.request("GET", page.path)
        response, _ = page.client.request("GET", page.path)
        check(response.status == 200, f"{page.label}: {response.status}")
        page.queries = response.getheader("X-SQL-Queries")
    return pages


def quiz_pool(port: int, fixtures: dict) -> list[tuple[Client, str]]:
    pool = []
    for email in fixtures["quiz_learners"]:
        learner = Client(port)
        learner.sign_in(email)
        pool.append((learner, learner.cookies["csrftoken"]))
    return pool


def probe_submission(pool, quiz_path: str, fixtures: dict) -> str:
    """One submission outside wrk, to count its queries and check it is accepted."""
    probe, token = pool[0]
    response, _ = probe.request(
        "POST",
        quiz_path,
        {
            **fixtures["answers"],
            "csrfmiddlewaretoken": token,
            "attempt_token": os.urandom(16).hex(),
        },
    )
    check(response.status == 302, f"quiz submission: {response.status}")
    return response.getheader("X-SQL-Queries")


def measure(env: dict[str, str], port: int, args, fixtures: dict, *, everything: bool):
    """Start gunicorn and run wrk against the targets: all of them, or (`everything`
    false) the bare view, the signed-in pages and the submissions only. Returns the
    results, the submissions' result and the attempts recorded during them."""
    server = start_gunicorn(env, port)
    results: list[Result] = []
    try:
        base = f"http://127.0.0.1:{port}"
        module_url = fixtures["module_url"]
        response, _ = Client(port).request("GET", "/bench/bare/")
        bare_queries = response.getheader("X-SQL-Queries")
        if everything:
            Client(port).request("GET", module_url)  # fills the page cache
            response, _ = Client(port).request("GET", module_url)
            check(response.status == 200, f"anonymous module page: {response.status}")
            anonymous_queries = response.getheader("X-SQL-Queries")
            cache_state = response.getheader("X-Page-Cache")
        pages = signed_in_pages(port, fixtures)
        if not everything:
            pages = [p for p in pages if p.name in GROWTH_TARGETS]
        quiz_path = f"/en/learn/modules/{fixtures['module_id']}/submit/"
        pool = quiz_pool(port, fixtures)
        quiz_queries = probe_submission(pool, quiz_path, fixtures)

        workdir = Path(tempfile.mkdtemp(prefix="cyberaware-bench-"))

        def bare(label: str) -> Result:
            url = f"{base}/bench/bare/"
            return run_wrk(
                "bare", label, url, lua_get(""), args, bare_queries, workdir, server_pid=server.pid
            )

        results.append(bare("bare Django view"))
        if everything:
            results.append(
                run_wrk(
                    "anonymous",
                    f"anonymous module page (cache {cache_state})",
                    base + module_url,
                    lua_get(""),
                    args,
                    anonymous_queries,
                    workdir,
                    server_pid=server.pid,
                )
            )
        for page in pages:
            results.append(
                run_wrk(
                    page.name,
                    page.label,
                    base + page.path,
                    lua_get(page.client.cookie_header()),
                    args,
                    page.queries,
                    workdir,
                    server_pid=server.pid,
                )
            )
        before = count_attempts(env)
        quiz = run_wrk(
            "quiz",
            "quiz submission (fresh attempt each)",
            base + quiz_path,
            lua_quiz(
                f"127.0.0.1:{port}",
                quiz_path,
                fixtures["answers"],
                [(c.cookie_header(), t) for c, t in pool],
            ),
            args,
            quiz_queries,
            workdir,
            # Every submission is counted against the attempts recorded.
            warmup=False,
            server_pid=server.pid,
        )
        results.append(quiz)
        # The ceiling again, last: on a shared machine the load of other work
        # drifts, and the ratios use the mean of both measurements.
        results.append(bare("bare Django view (again)"))
        shutil.rmtree(workdir, ignore_errors=True)
    finally:
        stop(server)
    # Every request wrk completed is one attempt; requests still in flight when
    # wrk stopped (at most one per connection) may be recorded without being counted.
    recorded = count_attempts(env) - before
    return results, quiz, recorded


def quiz_check(env: dict[str, str], args, quiz: Result, recorded: int) -> str:
    verify = subprocess.run(  # noqa: S603 - fixed commands, no outside input
        [PYTHON, "manage.py", "verify_records"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    # Attempt tokens are unique in the database, so none can be recorded twice;
    # no more than the requests in flight (one per connection) may be uncounted.
    exactly_once = quiz.requests - quiz.errors <= recorded <= quiz.requests + args.connections
    records = (
        "every progress row matches its attempts" if verify.returncode == 0 else "DIFFERENCES FOUND"
    )
    text = (
        f"Quiz submissions: {quiz.requests:,} responses, {recorded:,} attempts recorded "
        f"({'each exactly once' if exactly_once else 'MISMATCH'}: tokens are unique in the "
        f"database and at most {args.connections} requests were still in flight when wrk "
        f"stopped); `manage.py verify_records`: {records}."
    )
    if verify.returncode != 0:
        text += "\n\n```\n" + (verify.stdout + verify.stderr)[-3000:] + "\n```"
    return text


def cpu_table(results: list[Result]) -> str:
    """Where each request's CPU went while wrk ran: the figures that say what a
    ratio to the bare view can reach on this machine, since every part shares
    the same cores."""
    cores = os.cpu_count() or 1
    lines = [
        "CPU per request while each target was measured, in milliseconds, by part of "
        f"the stack ({cores} cores; the last column is the cores' time no part used: other work on the machine, or idle):",
        "",
        "| measured | app (gunicorn) | PostgreSQL | Redis | wrk | all parts | other or idle |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if not r.cpu_ms:
            continue
        total = sum(r.cpu_ms.values())
        idle = max(0.0, 1000 * cores * r.seconds / max(1, r.requests) - total)
        parts = " | ".join(f"{r.cpu_ms.get(part, 0):.2f}" for part in (*STACK_PARTS, "wrk"))
        lines.append(f"| {r.label} | {parts} | {total:.2f} | {idle:.2f} |")
    return "\n".join(lines)


def bare_mean(results: list[Result]) -> float:
    bare = [r.requests_per_second for r in results if r.name == "bare"]
    return sum(bare) / len(bare)


def growth_table(small: list[Result], small_rows: int, large: list[Result], large_rows: int) -> str:
    """Each signed-in target at both sizes: requests/s as a share of bare, p99 and SQL."""
    lines = [
        f"| target | {small_rows:,} rows: ratio to bare | p99 ms | SQL "
        f"| {large_rows:,} rows: ratio to bare | p99 ms | SQL |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    small_bare, large_bare = bare_mean(small), bare_mean(large)
    found = {r.name: r for r in large}
    for r in small:
        other = found.get(r.name)
        if r.name == "bare" or other is None:
            continue
        lines.append(
            f"| {r.label} | {100 * r.requests_per_second / small_bare:.0f}% | {r.p99_ms:.1f} "
            f"| {r.queries} | {100 * other.requests_per_second / large_bare:.0f}% "
            f"| {other.p99_ms:.1f} | {other.queries} |"
        )
    return "\n".join(lines)


def load(env: dict[str, str], args, learners: int) -> None:
    # Learners already generated are kept: a larger number adds the difference.
    manage(
        env,
        "generate_load_data",
        "--learners",
        str(learners),
        "--extra-modules",
        str(args.extra_modules),
        "--modules-per-learner",
        "5",
        "15",
        "--batch-size",
        "5000",
    )


def fixtures_for(env: dict[str, str]) -> dict:
    return manage_json(
        env,
        "bench_fixtures",
        "--password",
        PASSWORD,
        "--my-learning-modules",
        str(MY_LEARNING_MODULES),
        "--quiz-learners",
        str(QUIZ_LEARNERS),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=10_000, help="generate_load_data learners")
    parser.add_argument("--extra-modules", type=int, default=15)
    parser.add_argument("--duration", type=int, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=3, help="seconds of load before each target")
    parser.add_argument("--skip-load", action="store_true", help="data already loaded")
    parser.add_argument("--skip-statistics", action="store_true")
    parser.add_argument("--skip-reminders", action="store_true")
    parser.add_argument(
        "--growth",
        type=int,
        default=10,
        help="measure the signed-in targets again with this many times the learners (0: no)",
    )
    parser.add_argument(
        "--reminder-learners", type=int, default=100_000, help="members for bench_reminders"
    )
    parser.add_argument("--output", default="bench-results/bench.md")
    args = parser.parse_args()
    for variable in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(variable):
            raise SystemExit(f"{variable} is not set: run `make bench`.")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    port = free_port()
    env = stack_environment(port)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    if not args.skip_load:
        manage(env, "seed_demo")
        load(env, args, args.learners)
    fixtures = fixtures_for(env)
    rows = manage_json(env, "bench_counts")["progress_rows"]
    results, quiz, recorded = measure(env, port, args, fixtures, everything=True)
    report = "\n\n".join(
        [
            "# make bench",
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}; "
            f"PostgreSQL, Redis, gunicorn (gunicorn.conf.py, WEB_CONCURRENCY="
            f"{os.environ.get('WEB_CONCURRENCY', 'default')}); wrk {args.threads} threads, "
            f"{args.connections} connections, {args.duration} s per target, on loopback; "
            f"{rows:,} progress rows.",
            table(results, bare_mean(results)),
            cpu_table(results),
            quiz_check(env, args, quiz, recorded),
        ]
    )
    print("\n" + report + "\n")
    output = ROOT / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report + "\n")
    if not args.skip_statistics:
        statistics = ROOT / "bench-results" / "statistics-bench.md"
        # Its requests go through Django's test client, whose host is "testserver".
        statistics_env = {**env, "ALLOWED_HOSTS": env["ALLOWED_HOSTS"] + ",testserver"}
        manage(statistics_env, "bench_statistics", "--repeat", "3", "--output", str(statistics))
        with output.open("a") as handle:
            handle.write("\n## Statistics reports (`manage.py bench_statistics`)\n\n")
            handle.write(statistics.read_text())
    if not args.skip_reminders:
        timing = manage_json(env, "bench_reminders", "--learners", str(args.reminder_learners))
        first, second = timing["first_run"], timing["second_run"]
        text = (
            f"\n## The reminder job (`manage.py bench_reminders`)\n\n"
            f"`send_reminders` over {timing['members']:,} members of "
            f"{timing['organisations']:,} organisations, every one due a reminder today: "
            f"{first['seconds']} s for {first['due']:,} e-mails queued; run again at once: "
            f"{second['seconds']} s, {second['due']:,} e-mails (each is sent once).\n"
        )
        print(text)
        with output.open("a") as handle:
            handle.write(text)
    if args.growth > 1:
        # The same signed-in targets with ten times the learners: a request's cost
        # should not grow with the data.
        load(env, args, args.learners * args.growth)
        large_rows = manage_json(env, "bench_counts")["progress_rows"]
        large, large_quiz, large_recorded = measure(
            env, port, args, fixtures_for(env), everything=False
        )
        text = "\n\n".join(
            [
                f"\n## Growth: {rows:,} and {large_rows:,} progress rows",
                growth_table(results, rows, large, large_rows),
                quiz_check(env, args, large_quiz, large_recorded),
            ]
        )
        print(text)
        with output.open("a") as handle:
            handle.write(text + "\n")
    print(f"Written to {output}")


if __name__ == "__main__":
    main()

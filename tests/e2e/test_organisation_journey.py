"""An Estonian SME from registration to a verified team training record, in a real browser.

Four people, each in their own browser: the firm's contact person, who
registers it and becomes its administrator; the Estonian programme manager,
who approves it in the admin; an invited colleague, on a phone, who joins
from the e-mail's link and passes a quiz; and an auditor, who checks the
team training record's code. E-mails are read from Django's in-memory
outbox: the live server runs in this process.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from learning.models import Organisation, OrganisationSize
from modules.models import ModulePage, ProgrammePage, Region, Sector
from organisations.models import Enrolment, Invitation, TrainingRecord
from organisations.reminders import send_reminders
from tests.e2e.conftest import DESKTOP, PHONE, _new_page
from tests.e2e.test_accessibility import Axe
from tests.e2e.test_journeys import answer

ET = "et"
PASSWORD = "vesi-on-elu-2026"
DEMO_PASSWORD = "cyberaware-demo"
FIRM = "Emajõe Vesi OÜ"
CONTACT = ("Maris Mägi", "maris.magi@emajoe-vesi.example")
INVITEE = ("Tõnu Kuusk", "tonu.kuusk@emajoe-vesi.example")
NOT_JOINED = ["anne.allik@emajoe-vesi.example", "priit.pihl@emajoe-vesi.example"]
WATER_PROGRAMME = "water-industry-sme-cyber-resilience-estonia"
PHISHING = "phishing-at-the-water-utility"


def t(message: str) -> str:
    """The Estonian interface text."""
    with translation.override(ET):
        return gettext(message)


def nt(singular: str, plural: str, count: int) -> str:
    with translation.override(ET):
        return ngettext(singular, plural, count)


def path(name: str, *args) -> str:
    with translation.override(ET):
        return reverse(name, args=args)


def shown_date(day) -> str:
    with translation.override(ET):
        return formats.date_format(day, "DATE_FORMAT")


def starts(text: str) -> re.Pattern:
    """An accessible name that begins with `text` (required fields add "(kohustuslik)").

    For get_by_role only: get_by_label matches a regular expression against
    the label's text before its white space is trimmed.
    """
    return re.compile("^" + re.escape(text))


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in(message, fragment: str) -> str:
    found = re.search(r"https?://\S*" + re.escape(fragment) + r"\S*", message.body)
    assert found, f"no link containing {fragment!r} in:\n{message.body}"
    return found.group(0)


@pytest.fixture
def contact_page(browser, request):
    yield from _new_page(browser, request, DESKTOP, locale="et-EE", person="contact")


@pytest.fixture
def manager_page(browser, request):
    yield from _new_page(browser, request, DESKTOP, locale="et-EE", person="manager")


@pytest.fixture
def invitee_page(browser, request):
    yield from _new_page(browser, request, PHONE, locale="et-EE", person="invitee")


@pytest.fixture
def auditor_page(browser, request):
    yield from _new_page(browser, request, DESKTOP, locale="et-EE", person="auditor")


def test_sme_registers_is_approved_invites_its_team_and_proves_the_training(
    demo, settings, contact_page, manager_page, invitee_page, auditor_page
):
    base = demo.url
    # E-mails link to the public site: here, the live server.
    settings.WAGTAILADMIN_BASE_URL = base
    estonia = Region.objects.get(code="EE")
    water = Sector.objects.get(slug="water")
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code=ET)
    module = ModulePage.objects.get(slug=PHISHING, locale__language_code=ET)
    today = timezone.localdate()
    due_date = today + timedelta(days=30)
    axe = Axe(contact_page)
    assert t("Register your organisation") != "Register your organisation", (
        "Estonian messages are not compiled: run `make compilemessages`."
    )

    # 1. The contact person registers the firm and gets an account with it.
    page = contact_page
    page.goto(base + path("organisations:register"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Register your organisation"))
    axe.check("registration, empty")
    page.get_by_role("button", name=t("Register the organisation")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe.check("registration, with errors")

    page.get_by_role("textbox", name=starts(t("Name of the organisation"))).fill(FIRM)
    page.get_by_role("textbox", name=starts(t("Business registry code"))).fill("16123456")
    page.get_by_role("combobox", name=starts(t("Region"))).select_option(label=estonia.name_in(ET))
    page.get_by_role("combobox", name=starts(t("Sector"))).select_option(label=water.name_in(ET))
    with translation.override(ET):
        small = str(OrganisationSize.SMALL.label)
    page.get_by_role("combobox", name=starts(t("Size"))).select_option(label=small)
    page.get_by_role("textbox", name=starts(t("Your name"))).fill(CONTACT[0])
    page.get_by_role("textbox", name=starts(t("Your e-mail address"))).fill(CONTACT[1])
    page.get_by_label(t("Password")).fill(PASSWORD)
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=t("Register the organisation")).click()
    page.wait_for_url("**" + path("organisations:registration_status"))
    expect(page.locator("main")).to_contain_text(
        t("%(name)s is waiting for approval.") % {"name": FIRM}
    )
    organisation = Organisation.objects.get(name=FIRM)
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.language == ET
    # The region's manager is told that a registration is waiting.
    (received,) = [m for m in sent_to("manager.ee@example.com") if FIRM in m.body]
    review_url = f"{base}/admin/organisations/review/{organisation.pk}/"
    assert link_in(received, "/admin/organisations/") == review_url

    # 2. The Estonian programme manager approves it from the Organisations menu.
    admin = manager_page
    admin.goto(f"{base}/admin/login/")
    # Wagtail's sign-in form: the user name's label is Django's ("kasutajatunnus"),
    # the password's is not translated by Wagtail.
    admin.get_by_role("textbox", name=re.compile(t("username"), re.I)).fill("manager.ee")
    admin.get_by_label("Password").fill(DEMO_PASSWORD)
    admin.get_by_role("button", name=t("Sign in")).click()
    admin.wait_for_url(f"{base}/admin/")
    admin.get_by_role("link", name=t("Organisations")).first.click()
    admin.wait_for_url(f"{base}/admin/organisations/**")
    axe_admin = Axe(admin)
    axe_admin.check("admin: organisations")
    row = admin.get_by_role("row").filter(has_text=FIRM)
    expect(row).to_contain_text(t("Waiting for approval"))
    # The row's "More options" menu (its label is Wagtail's) holds the review.
    row.get_by_role("button").click()
    admin.locator(".w-dropdown__content").get_by_role("link", name=t("Review")).click()
    admin.wait_for_url(review_url)
    expect(admin.locator("main")).to_contain_text(CONTACT[1])
    axe_admin.check("admin: review")
    admin.get_by_role("radio", name=t("Approve")).check()
    admin.get_by_role("button", name=t("Save the decision")).click()
    admin.wait_for_url(f"{base}/admin/organisations/")
    expect(admin.get_by_role("status").first).to_contain_text(FIRM)
    axe_admin.assert_clean()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.APPROVED
    # The contact person is told, in Estonian, with a link to the team page.
    (approved,) = [m for m in sent_to(CONTACT[1]) if FIRM in m.subject]
    assert link_in(approved, "/organisation/") == base + path("organisations:team")

    # 3. The contact, now administrator, enrols the firm and invites three people.
    page.reload()
    expect(page.locator("main")).to_contain_text(t("%(name)s is approved.") % {"name": FIRM})
    page.get_by_role("link", name=t("Go to your team")).click()
    page.wait_for_url("**" + path("organisations:team"))
    page.get_by_role("link", name=t("Programmes and due dates")).click()
    page.wait_for_url("**" + path("organisations:enrolments"))
    page.get_by_role("combobox", name=starts(t("Programme"))).select_option(label=programme.title)
    page.get_by_label(t("Due date")).fill(due_date.isoformat())
    page.get_by_role("button", name=t("Enrol"), exact=True).click()
    expect(page.get_by_role("row").filter(has_text=programme.title)).to_be_visible()
    enrolment = Enrolment.objects.get(organisation=organisation)
    assert enrolment.due_date == due_date
    assert enrolment.programme_key == programme.translation_key

    page.get_by_role("link", name=t("Back to the team page")).click()
    page.get_by_role("link", name=t("Invite people")).first.click()
    page.wait_for_url("**" + path("organisations:invite"))
    invited = [INVITEE[1], *NOT_JOINED]
    page.get_by_role("textbox", name=starts(t("E-mail addresses"))).fill(
        f"{invited[0]}\n{invited[1]}, {invited[2]}"
    )
    page.get_by_role("button", name=t("Check the list")).click()
    page.wait_for_url("**" + path("organisations:invite_confirm"))
    axe.check("invitation preview")
    for address in invited:
        expect(page.get_by_role("row").filter(has_text=address)).to_be_visible()
    page.get_by_role(
        "button",
        name=nt("Send %(count)s invitation", "Send %(count)s invitations", 3) % {"count": 3},
    ).click()
    page.wait_for_url("**" + path("organisations:team"))
    expect(page.locator("main")).to_contain_text(
        nt("%(count)d invitation sent.", "%(count)d invitations sent.", 3) % {"count": 3}
    )
    for address in invited:
        assert len(sent_to(address)) == 1, address

    # 4. One colleague opens the e-mail's link on a phone, signs up, joins and passes a quiz.
    phone = invitee_page
    phone.goto(link_in(sent_to(INVITEE[1])[0], "/invitation/"))
    join = t("Join %(organisation)s") % {"organisation": FIRM}
    expect(phone.get_by_role("heading", level=1)).to_have_text(join)
    axe_phone = Axe(phone)
    axe_phone.check("accepting an invitation, phone")
    # The address is the invited one, and region, sector and size come from the firm.
    expect(phone.get_by_role("textbox", name=starts(t("E-mail address")))).to_have_value(INVITEE[1])
    expect(phone.get_by_role("combobox", name=starts(t("Region")))).to_have_count(0)
    phone.get_by_role("textbox", name=starts(t("Your name"))).fill(INVITEE[0])
    phone.get_by_label(t("Password")).fill(PASSWORD)
    phone.get_by_role(
        "button", name=t("Create account and join %(organisation)s") % {"organisation": FIRM}
    ).click()
    phone.wait_for_url("**" + path("learning:dashboard"))
    expect(phone.locator("main")).to_contain_text(
        t("Welcome! You are now a member of %(organisation)s.") % {"organisation": FIRM}
    )
    phone.goto(base + programme.url)
    phone.get_by_role("link", name=module.title).first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(module.title)
    answer(phone, module, right=True)
    phone.get_by_role("button", name=t("Submit answers")).click()
    expect(phone.get_by_role("status").first).to_contain_text("100")
    axe_phone.assert_clean()

    # 5. The team page: the colleague completed the module; the others have not joined.
    page.goto(base + path("organisations:team"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(FIRM)
    grid = page.get_by_role("table").filter(has_text=programme.title)
    member = grid.get_by_role("row").filter(has_text=INVITEE[0])
    # The first module column is the phishing module, the one passed.
    expect(grid.get_by_role("columnheader").nth(1)).to_have_text(module.title)
    expect(member.get_by_role("cell").first).to_contain_text(t("Completed"))
    expect(member.get_by_role("cell").first).to_contain_text(shown_date(today))
    invitations = page.get_by_role("table", name=t("Invitations sent"))
    expect(invitations.get_by_role("row").filter(has_text=INVITEE[1])).to_contain_text(
        t("Accepted")
    )
    for address in NOT_JOINED:
        expect(invitations.get_by_role("row").filter(has_text=address)).to_contain_text(t("Sent"))
    members = page.get_by_role("table").filter(has=page.locator("#members-caption"))
    expect(members.get_by_role("row")).to_have_count(3)  # heading row, the contact, the colleague
    for address in NOT_JOINED:
        expect(members).not_to_contain_text(address)
    axe.check("team page")

    # The team training record: today's figures, then generated with a code.
    page.get_by_role("link", name=t("Team training records")).click()
    page.wait_for_url("**" + path("organisations:records"))
    page.get_by_role("link", name=t("Open the team training record")).click()
    page.wait_for_url("**" + path("organisations:record", programme.translation_key))
    figures = page.get_by_role("row").filter(has_text=module.title)
    expect(figures).to_contain_text(t("%(done)s of %(total)s") % {"done": 1, "total": 2})
    expect(figures).to_contain_text("50%")
    page.get_by_role("button", name=t("Generate the record")).click()
    expect(page.locator("main")).to_contain_text(t("The team training record has been generated."))
    record = TrainingRecord.objects.get(organisation=organisation)
    expect(page.locator(".certificate__code")).to_have_text(record.code)
    axe.check("team training record")

    # Anyone holding the code checks it: the firm and the figures, nobody's name.
    auditor = auditor_page
    auditor.goto(base + path("organisations:record_verify_form"))
    auditor.get_by_role("textbox", name=t("Verification code")).fill(record.code.lower())
    auditor.get_by_role("button", name=t("Verify")).click()
    auditor.wait_for_url("**" + path("organisations:record_verify", record.code))
    expect(auditor.get_by_role("status")).to_contain_text(
        t("This team training record is genuine.")
    )
    expect(auditor.get_by_role("status")).to_contain_text(FIRM)
    checked = auditor.get_by_role("row").filter(has_text=module.title)
    expect(checked).to_contain_text(t("%(done)s of %(total)s") % {"done": 1, "total": 2})
    expect(checked).to_contain_text("50%")
    main = auditor.locator("main")
    for name in (CONTACT[0], INVITEE[0], "Maris", "Tõnu"):
        expect(main).not_to_contain_text(name)
    axe_auditor = Axe(auditor)
    axe_auditor.check("team training record verified")
    axe_auditor.assert_clean()
    axe.assert_clean()

    # 6. The reminder job, run twice on a day a reminder is due, sends each e-mail once.
    reminder_day = due_date - timedelta(days=3)
    people = [CONTACT[1], *invited]
    before = {address: len(sent_to(address)) for address in people}
    first = send_reminders(today=reminder_day)
    second = send_reminders(today=reminder_day)
    assert first.due >= 2
    assert second.total == 0
    added = {address: sent_to(address)[before[address] :] for address in people}
    # Each member is reminded once; the administrator also gets the weekly digest.
    (reminder,) = added[INVITEE[1]]
    assert FIRM in reminder.body
    assert reminder.subject.startswith(programme.title)
    assert "List-Unsubscribe" in reminder.extra_headers
    digest, due = sorted(added[CONTACT[1]], key=lambda m: programme.title in m.subject)
    assert FIRM in digest.subject
    assert due.subject == reminder.subject
    for address in NOT_JOINED:
        assert added[address] == [], "people who have not joined are not reminded"

    # Today, a month before the due date, the scheduled command has no reminder to
    # send: only this week's digest, to the administrator.
    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())
    after = {address: sent_to(address)[before[address] :] for address in people}
    assert after[INVITEE[1]] == [reminder]
    assert len(after[CONTACT[1]]) == 3
    assert all(after[address] == [] for address in NOT_JOINED)

    # The colleague follows the reminder's link back to the programme.
    programme_link = link_in(reminder, programme.url)
    assert programme_link == base + programme.url
    phone.goto(programme_link)
    expect(phone.get_by_role("heading", level=1)).to_have_text(programme.title)
    assert Invitation.objects.filter(organisation=organisation, status="sent").count() == 2

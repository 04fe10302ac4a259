"""Load the demo content: regions, sectors, pages in seven languages, demo users.

The content is data in demo/data/ (demo/content.py reads it): English pages
are built from YAML, their translations imported from PO files through
wagtail-localize. Idempotent: what exists already is left as it is, so
running it twice changes nothing and editors' changes to demo pages survive
a re-run.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site

from demo import content
from demo.impact import ensure_demo_impact
from demo.logos import agency_logo
from demo.lti import ensure_demo_lti_registration
from demo.organisations import ensure_demo_organisations
from demo.streams import DEMO_NAMESPACE, lesson_stream, quiz_stream, survey_stream
from demo.synthetic import assign_subregions, generate_activity
from home.models import HomePage
from learning.models import LearnerProfile, ManagerRegions, MembershipRole, Organisation
from learning.recording import record_module_start, submit_quiz
from modules.models import (
    KnowledgeCheckPage,
    ModuleIndexPage,
    ModulePage,
    ProgrammeModule,
    ProgrammePage,
    Region,
    Sector,
    SubRegion,
    SurveyPage,
    Topic,
)
from modules.permissions import (
    admin_access_permission,
    ensure_language_editor_group,
    submit_translation_permission,
)
from modules.translation import import_po
from reporting.models import ProgrammeTarget

DEMO_PASSWORD = "cyberaware-demo"  # noqa: S105 - printed for the local demo only

DEMO_STATISTICS_LEARNERS = 240
# Learners who came for the water programme: they take all the modules, most of
# them in Estonia, so its knowledge checks have figures above the threshold there.
DEMO_WATER_LEARNERS = 80
DEMO_WATER_PREFIX = "demo-water"
# How the anonymous learners spread over the sub-regions of their region
# (weights; 1 for those not named), and the share who give none: a few large
# counties show figures in "By sub-region", the small ones are hidden.
DEMO_SUBREGION_WEIGHTS = {
    "EE-37": 40,
    "EE-79": 25,
    "EE-45": 10,
    "EE-68": 8,
    "FR-35": 3,
    "FR-29": 2,
    "IT-FI": 4,
    "IT-PI": 2,
    "ES-VA": 3,
    "ES-LE": 2,
}
DEMO_WITHOUT_SUBREGION = 0.15

DEMO_LEARNER = {
    "email": "learner@example.com",
    "full_name": "Mari Maasikas",
    "region": "EE",
    "subregion": "EE-79",
    "sector": "water",
    "organisation": "Tartu Veevärk",
    "organisation_size": "medium",
    "language": "et",
}

DEMO_USERS = [
    # username, e-mail, superuser, groups
    ("admin", "admin@example.com", True, []),
    ("editor", "editor@example.com", False, ["Editors"]),
    ("manager.ee", "manager.ee@example.com", False, ["Programme managers"]),
    ("coordinator", "coordinator@example.com", False, ["Coordinators"]),
]


DEMO_DRAFT = {
    "title": "USB sticks and removable media",
    "slug": "usb-sticks-and-removable-media",
    "summary": "Why a found USB stick must never go into a control-room computer.",
    "lesson": "<p>Attackers leave infected USB sticks where staff will find them.</p>",
}


class Command(BaseCommand):
    help = "Create the demo regions, sectors, modules, programmes and users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--languages",
            default="",
            help="Comma-separated language codes to create (default: all). English is always made.",
        )
        parser.add_argument(
            "--without-activity",
            action="store_true",
            help="Skip the demo learner's history and the anonymous statistics learners.",
        )

    def handle(self, *args, **options):
        wanted = {code.strip() for code in options["languages"].split(",") if code.strip()}
        self.languages = [
            code
            for code, _name in settings.LANGUAGES
            if code == "en" or not wanted or code in wanted
        ]
        # No transaction around the whole run: wagtail-localize publishes each
        # translation when its own transaction commits, and a parent page
        # published after its children were added would lose track of them.
        # Each step is idempotent, so an interrupted run is completed by the next.
        self.locales = self.ensure_locales()
        self.ensure_taxonomy()
        homes = self.ensure_home_pages()
        indexes = self.ensure_module_indexes(homes)
        modules = self.ensure_modules(indexes)
        self.ensure_programmes(homes, modules)
        self.ensure_measures(homes)
        self.ensure_programme_targets()
        self.ensure_groups_and_users()
        self.ensure_language_editors(homes)
        self.ensure_editor_draft(indexes["en"])
        ensure_demo_lti_registration()
        if not options["without_activity"]:
            self.ensure_learner_history()
            # After the learner: her employer gets an administrator and a team.
            ensure_demo_organisations(DEMO_PASSWORD)
            self.ensure_statistics_demo()
            # After the statistics learners: they take the checks and answer the surveys.
            ensure_demo_impact(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    # -- reference data ---------------------------------------------------

    def ensure_locales(self) -> dict[str, Locale]:
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }

    def ensure_taxonomy(self) -> None:
        for index, sector in enumerate(content.sectors()):
            names = dict(sector["names"])
            Sector.objects.get_or_create(
                slug=sector["slug"],
                defaults={"name": names.pop("en"), "names": names, "sort_order": index},
            )
        for topic in content.topics():
            names = dict(topic["names"])
            english = names.pop("en")
            row, created = Topic.objects.get_or_create(
                slug=topic["slug"], defaults={"name": english, "names": names}
            )
            # Topics tagged before they had names (named by their slug) get them;
            # edits are kept.
            if not created and not row.names and row.name == row.slug:
                Topic.objects.filter(pk=row.pk).update(name=english, names=names)
        for region in content.regions():
            names = dict(region["names"])
            contact = region.get("contact", {})
            agency = dict(region.get("issuing_agency", {}))
            if agency:
                agency_name = agency.pop("en")
                contact = {
                    **contact,
                    "issuing_agency": agency_name,
                    "issuing_agency_names": agency,
                    "agency_logo": agency_logo(agency_name, region["code"], (7, 55, 99)),
                }
            row, _created = Region.objects.get_or_create(
                code=region["code"],
                defaults={
                    "name": names.pop("en"),
                    "names": names,
                    "country": region["country"],
                    "default_language": region["default_language"],
                    **contact,
                },
            )
            # Regions seeded before they had contacts get them; edits are kept.
            missing = {field: value for field, value in contact.items() if not getattr(row, field)}
            if missing:
                Region.objects.filter(pk=row.pk).update(**missing)
        regions = {region.code: region for region in Region.objects.all()}
        for subregion in content.subregions():
            names = dict(subregion["names"])
            SubRegion.objects.get_or_create(
                code=subregion["code"],
                defaults={
                    "region": regions[subregion["region"]],
                    "name": names.pop("en"),
                    "names": names,
                },
            )

    # -- pages ------------------------------------------------------------

    def translate(self, source: Page, code: str, slug: str) -> Page:
        """`source`'s translation into `code`, imported from the demo's PO file if missing."""
        existing = source.get_translation_or_none(self.locales[code])
        if existing is not None:
            return existing.specific
        po = content.translation(code, slug)
        if po is None:
            raise CommandError(f"demo/data/translations/{code}/{slug}.po is missing.")
        return import_po(source, po, self.locales[code])

    def publish_child(self, parent: Page, page: Page) -> Page:
        page.locale = parent.locale
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def ensure_home_pages(self) -> dict[str, HomePage]:
        english = self.locales["en"]
        text = content.site()["home"]
        home = HomePage.objects.filter(locale=english, depth=2).first()
        if home is None:
            # The placeholder page Wagtail creates on install is of no use here
            # (deleting it deletes the site that points at it; one is made below).
            for placeholder in Page.objects.filter(depth=2, slug="home"):
                if placeholder.specific_class is Page and not placeholder.get_children().exists():
                    placeholder.delete()
            home = HomePage(
                title=text["title"],
                slug=text["slug"],
                intro=text["intro"],
                programmes_heading=text["programmes_heading"],
                sectors_heading=text["sectors_heading"],
                locale=english,
            )
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=english)
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="CyberAware",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        homes = {"en": home}
        for code in self.languages[1:]:
            homes[code] = self.translate(home, code, text["slug"])
        return homes

    def ensure_module_indexes(self, homes) -> dict[str, ModuleIndexPage]:
        text = content.site()["module_index"]
        english = ModuleIndexPage.objects.child_of(homes["en"]).first()
        if english is None:
            english = self.publish_child(
                homes["en"],
                ModuleIndexPage(title=text["title"], slug=text["slug"], intro=text["intro"]),
            )
        indexes = {"en": english}
        for code in self.languages[1:]:
            indexes[code] = self.translate(english, code, text["slug"])
        return indexes

    def ensure_modules(self, indexes) -> dict[str, ModulePage]:
        sectors = {s.slug: s for s in Sector.objects.all()}
        topics = {t.slug: t for t in Topic.objects.all()}
        modules = {}
        for module in content.modules():
            slug = module["slug"]
            english = ModulePage.objects.child_of(indexes["en"]).filter(slug=slug).first()
            if english is None:
                english = ModulePage(
                    title=module["title"],
                    slug=slug,
                    summary=module["summary"],
                    estimated_minutes=module["estimated_minutes"],
                    level=module["level"],
                    body=lesson_stream(slug, module["body"]),
                    quiz=quiz_stream(slug, module["quiz"]),
                    pass_mark=module["pass_mark"],
                    attempt_limit=module["attempt_limit"],
                )
                english.sectors = [sectors[sector] for sector in module["sectors"]]
                english.topics.add(*[topics[topic] for topic in module["topics"]])
                english = self.publish_child(indexes["en"], english)
            self.translate_into_demo_languages(english, slug)
            modules[slug] = english
        return modules

    def ensure_programmes(self, homes, modules) -> None:
        sectors = {s.slug: s for s in Sector.objects.all()}
        regions = {r.code: r for r in Region.objects.all()}
        for programme in content.programmes():
            slug = programme["slug"]
            english = ProgrammePage.objects.child_of(homes["en"]).filter(slug=slug).first()
            if english is None:
                english = ProgrammePage(
                    title=programme["title"],
                    slug=slug,
                    intro=programme["intro"],
                    audience=programme["audience"],
                )
                if programme.get("issuing_agency"):
                    english.issuing_agency = programme["issuing_agency"]
                    english.agency_logo = agency_logo(
                        programme["issuing_agency"], "RIA", (0, 94, 110)
                    )
                english.regions = [regions[code] for code in programme["regions"]]
                english.sectors = [sectors[sector] for sector in programme["sectors"]]
                english.programme_modules = [
                    ProgrammeModule(module=modules[module], sort_order=position)
                    for position, module in enumerate(programme["modules"])
                ]
                english = self.publish_child(homes["en"], english)
            self.translate_into_demo_languages(english, slug)

    def ensure_measures(self, homes) -> None:
        """The water programme's knowledge check and survey, and the surveys under the home page."""
        for programme in content.programmes():
            parent = ProgrammePage.objects.get(slug=programme["slug"], locale=self.locales["en"])
            if programme.get("knowledge_check"):
                self.ensure_knowledge_check(parent, programme["knowledge_check"])
            for slug in programme.get("surveys", []):
                self.ensure_survey(parent, slug)
        for slug in content.site().get("surveys", []):
            self.ensure_survey(homes["en"], slug)

    def ensure_knowledge_check(self, programme: ProgrammePage, slug: str) -> None:
        english = KnowledgeCheckPage.objects.child_of(programme).first()
        if english is None:
            data = content.measure(slug)
            english = self.publish_child(
                programme,
                KnowledgeCheckPage(
                    title=data["title"],
                    slug=slug,
                    intro=data["intro"],
                    questions=quiz_stream(slug, data["questions"], "questions"),
                    questions_per_check=data["questions_per_check"],
                    retention_weeks=data.get("retention_weeks"),
                ),
            )
        self.translate_into_demo_languages(english, slug)

    def ensure_survey(self, parent: Page, slug: str) -> None:
        english = SurveyPage.objects.child_of(parent).filter(slug=slug).first()
        if english is None:
            data = content.measure(slug)
            english = self.publish_child(
                parent,
                SurveyPage(
                    title=data["title"],
                    slug=slug,
                    intro=data["intro"],
                    questions=survey_stream(slug, data["questions"]),
                    anonymous=data["anonymous"],
                    placement=data["placement"],
                    thank_you=data["thank_you"],
                ),
            )
        self.translate_into_demo_languages(english, slug)

    def translate_into_demo_languages(self, english: Page, slug: str) -> None:
        """Every translation the demo data has of this page, in the languages being seeded."""
        for code in content.languages(slug):
            if code != "en" and code in self.languages:
                self.translate(english, code, slug)

    # -- people -----------------------------------------------------------

    def ensure_groups_and_users(self) -> None:
        access_admin = admin_access_permission()
        editors, _created = Group.objects.get_or_create(name="Editors")
        snippet_perms = Permission.objects.filter(
            content_type__app_label="modules",
            codename__in=[
                f"{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in ("region", "sector", "topic")
            ],
        )
        submit_translation = submit_translation_permission()
        editors.permissions.add(access_admin, submit_translation, *snippet_perms)
        # Editors publish their own modules; Wagtail's default Editors group cannot.
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=Page.get_first_root_node(),
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for name, codename in (
            ("Programme managers", "view_statistics"),
            ("Coordinators", "view_all_regions"),
        ):
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(
                access_admin,
                Permission.objects.get(content_type__app_label="learning", codename=codename),
            )

        user_model = get_user_model()
        for username, email, is_superuser, groups in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"email": email, "is_staff": is_superuser, "is_superuser": is_superuser},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.groups.set(Group.objects.filter(name__in=groups))
        manager = user_model.objects.get(username="manager.ee")
        assignment, _created = ManagerRegions.objects.get_or_create(user=manager)
        if not assignment.regions.exists():
            assignment.regions.set(Region.objects.filter(code="EE"))

    def ensure_language_editors(self, homes) -> None:
        """One editor group per language, limited to that language's pages; an Estonian editor."""
        for code, home in homes.items():
            group = ensure_language_editor_group(code, home)
            if code == "et":
                user, created = get_user_model().objects.get_or_create(
                    username="editor.et", defaults={"email": "editor.et@example.com"}
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                    user.groups.add(group)

    def ensure_programme_targets(self) -> None:
        """The programmes' targets per region, as their funding agreements set them."""
        for programme in content.programmes():
            page = ProgrammePage.objects.get(slug=programme["slug"], locale=self.locales["en"])
            for target in programme.get("targets", []):
                ProgrammeTarget.objects.get_or_create(
                    programme_key=page.translation_key,
                    region=Region.objects.get(code=target["region"]),
                    defaults={
                        "learners_completed": target.get("learners_completed"),
                        "organisations_trained": target.get("organisations_trained"),
                        "due_date": target["due_date"],
                    },
                )

    def ensure_editor_draft(self, index: ModuleIndexPage) -> None:
        """A module the editor started and has not finished: a lesson without a quiz
        or sectors yet, never published, so the editor's dashboard has work to show."""
        if ModulePage.objects.filter(slug=DEMO_DRAFT["slug"], locale=index.locale).exists():
            return
        editor = get_user_model().objects.get(username="editor")
        module = ModulePage(
            title=DEMO_DRAFT["title"],
            slug=DEMO_DRAFT["slug"],
            summary=DEMO_DRAFT["summary"],
            body=[{"type": "paragraph", "value": DEMO_DRAFT["lesson"]}],
            estimated_minutes=5,
            live=False,
            locale=index.locale,
        )
        index.add_child(instance=module)
        module.save_revision(user=editor)

    def ensure_learner_history(self) -> None:
        """A learner in Estonia with some history: one module failed then passed, one started.

        With a learning record store configured (XAPI_ENDPOINT), her history
        is sent to it as xAPI statements, as a learner's would be.
        """
        user_model = get_user_model()
        data = DEMO_LEARNER
        user, created = user_model.objects.get_or_create(
            username=data["email"], defaults={"email": data["email"]}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        region = Region.objects.get(code=data["region"])
        subregion = SubRegion.objects.get(code=data["subregion"])
        sector = Sector.objects.get(slug=data["sector"])
        organisation, _created = Organisation.objects.get_or_create(
            name=data["organisation"],
            region=region,
            defaults={
                "subregion": subregion,
                "sector": sector,
                "size": data["organisation_size"],
                "status": Organisation.Status.APPROVED,
                "language": data["language"],
            },
        )
        LearnerProfile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": data["full_name"],
                "region": region,
                "subregion": subregion,
                "sector": sector,
                "organisation": organisation,
                "organisation_role": MembershipRole.MEMBER,
                "organisation_joined_at": timezone.now(),
                "organisation_size": data["organisation_size"],
                "preferred_language": data["language"],
                "statistics_consent": True,
                "statistics_consent_at": timezone.now(),
            },
        )
        phishing = ModulePage.objects.get(
            slug="phishing-at-the-water-utility", locale__language_code=data["language"]
        )
        # Fixed submission tokens: a second run finds these attempts and adds none.
        for attempt, right in enumerate((False, True)):
            answers = {
                q.id: sorted(q.correct_ids)
                if right
                else [next(c.id for c in q.choices if not c.is_correct)]
                for q in phishing.quiz_definition.questions
            }
            submit_quiz(
                user, phishing, answers, uuid.uuid5(DEMO_NAMESPACE, f"demo-attempt-{attempt}")
            )
        started = ModulePage.objects.get(
            slug="remote-access-and-ot-hygiene", locale__language_code=data["language"]
        )
        record_module_start(user, started)

    def ensure_statistics_demo(self) -> None:
        """Enough anonymous activity for the statistics to show figures above k."""
        counts = generate_activity(
            learners=DEMO_STATISTICS_LEARNERS,
            seed=2026,
            prefix="demo-learner",
            region_weights={
                "EE": 8,
                "FR-BRE": 2,
                "SK-KI": 2,
                "IT-52": 2,
                "BE-WAL": 1,
                "SI": 1,
                "ES-CL": 2,
            },
            subregion_weights=DEMO_SUBREGION_WEIGHTS,
            without_subregion=DEMO_WITHOUT_SUBREGION,
        )
        if counts.learners:
            self.stdout.write(
                f"Generated {counts.learners} demo learners with {counts.progress} module records."
            )
        water = generate_activity(
            learners=DEMO_WATER_LEARNERS,
            seed=2027,
            prefix=DEMO_WATER_PREFIX,
            region_weights={
                "EE": 30,
                "FR-BRE": 1,
                "SK-KI": 1,
                "IT-52": 1,
                "BE-WAL": 1,
                "SI": 1,
                "ES-CL": 1,
            },
            subregion_weights=DEMO_SUBREGION_WEIGHTS,
            without_subregion=DEMO_WITHOUT_SUBREGION,
            modules_per_learner=(5, 5),
        )
        if water.learners:
            self.stdout.write(
                f"Generated {water.learners} learners of the water programme "
                f"with {water.progress} module records."
            )
        # Learners generated before the demo had sub-regions get theirs.
        assign_subregions(
            prefix="demo-learner",
            seed=2026,
            weights=DEMO_SUBREGION_WEIGHTS,
            without=DEMO_WITHOUT_SUBREGION,
        )

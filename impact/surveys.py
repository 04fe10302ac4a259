"""Answering a survey: the form a respondent sees, checking what comes back, recording it.

A survey form posts one field per question, `q-<question id>`: a rating 1–5
for a statement, an option id (or several, for multiple choice), or a text.
What a browser can only send when someone tampered with the form (questions
of another survey, options of another question, ratings off the scale, a text
longer than its limit) refuses the whole submission and records nothing; a
required question left unanswered sends the form back with the answers kept.

An anonymous survey's responses carry no account and never a link to one,
even for a signed-in respondent; the form asks instead, optionally, for the
region, sector and organisation size the results are split by. A signed-in
survey copies these from the respondent's profile and takes one response per
person. Each form carries a one-time token: the same form sent twice is
recorded once.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.forms import check_subregion, offer_subregions, subregion_field
from learning.models import LearnerProfile, OrganisationSize
from learning.widgets import PlainSelect
from modules.models import ProgrammePage, Region, Sector
from modules.models.measures import SurveyPage
from modules.survey import (
    FREE_TEXT,
    LIKERT,
    LIKERT_LABELS,
    LIKERT_VALUES,
    SURVEY_MULTIPLE_CHOICE,
    Survey,
    SurveyQuestion,
)

from .models import SurveyAnswer, SurveyResponse

ANSWER_PREFIX = "q-"
TOKEN_FIELD = "survey_token"  # noqa: S105 - a field's name, not a secret


# A survey form without free text is a few kilobytes. A free text may be sent
# percent-encoded, up to twelve bytes a character (a four-byte character as
# %XX four times), so each text question adds that much room.
BASE_SUBMISSION_BYTES = 64 * 1024
ENCODED_BYTES_PER_CHARACTER = 12


class InvalidSurveySubmission(ValueError):
    """The submission is not one the survey's form could have sent: refused whole."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AlreadyAnswered(Exception):
    """The signed-in respondent has answered this survey already."""

    def __init__(self, response: SurveyResponse):
        super().__init__(str(response.pk))
        self.response = response


def max_submission_bytes(survey: Survey) -> int:
    """The largest request body the survey's form can honestly send."""
    text_room = sum(q.max_length for q in survey.questions if q.kind == FREE_TEXT)
    return BASE_SUBMISSION_BYTES + ENCODED_BYTES_PER_CHARACTER * text_room


def normalise_text(text: str) -> str:
    """A free text as its writer typed it: browsers send line breaks as CR LF
    but count them as one character against the field's limit."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# The form as shown.


@dataclass(frozen=True)
class ShownOption:
    id: str
    text: str
    checked: bool


@dataclass(frozen=True)
class ShownQuestion:
    id: str
    kind: str
    number: int
    prompt: str
    required: bool
    options: tuple[ShownOption, ...] = ()
    text: str = ""
    max_length: int = 0
    error: str = ""

    @property
    def is_likert(self) -> bool:
        return self.kind == LIKERT

    @property
    def is_free_text(self) -> bool:
        return self.kind == FREE_TEXT

    @property
    def allows_many(self) -> bool:
        return self.kind == SURVEY_MULTIPLE_CHOICE

    @property
    def first_input_id(self) -> str:
        """Where the error summary's link for this question leads."""
        if self.is_free_text:
            return f"q-{self.id}-text"
        return f"q-{self.id}-{self.options[0].id}" if self.options else f"q-{self.id}"

    @property
    def text_length(self) -> int:
        return len(self.text)


def shown_questions(
    survey: Survey,
    answers: Mapping[str, Sequence[str]] | None = None,
    errors: Mapping[str, str] | None = None,
) -> list[ShownQuestion]:
    """The survey's questions as the form shows them, with the answers given kept."""
    answers = answers or {}
    errors = errors or {}
    shown = []
    for number, question in enumerate(survey.questions, start=1):
        given = [str(value) for value in answers.get(question.id, ())]
        if question.kind == LIKERT:
            options = tuple(
                ShownOption(str(value), str(LIKERT_LABELS[value]), str(value) in given)
                for value in LIKERT_VALUES
            )
        else:
            options = tuple(
                ShownOption(option.id, option.text, option.id in given)
                for option in question.options
            )
        shown.append(
            ShownQuestion(
                id=question.id,
                kind=question.kind,
                number=number,
                prompt=question.prompt,
                required=question.required,
                options=options,
                text=normalise_text(given[0]) if question.kind == FREE_TEXT and given else "",
                max_length=question.max_length,
                error=errors.get(question.id, ""),
            )
        )
    return shown


class SituationForm(forms.Form):
    """What an anonymous respondent may tell of where they stand, all optional:
    the dimensions survey results are split by. The same choices as the
    learner profile's."""

    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=gettext_lazy("Prefer not to say"),
        widget=PlainSelect(),
    )
    subregion = subregion_field(gettext_lazy("Prefer not to say"))
    sector = forms.ModelChoiceField(
        label=gettext_lazy("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=gettext_lazy("Prefer not to say"),
        widget=PlainSelect(),
    )
    organisation_size = forms.ChoiceField(
        label=gettext_lazy("Organisation size"),
        choices=[("", gettext_lazy("Prefer not to say"))] + list(OrganisationSize.choices),
        required=False,
        widget=PlainSelect(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_subregions(self.fields["subregion"])

    def clean(self):
        cleaned = super().clean()
        check_subregion(self)
        return cleaned

    def situation(self) -> dict:
        data = self.cleaned_data
        return {
            "region": data.get("region"),
            "subregion": data.get("subregion"),
            "sector": data.get("sector"),
            "organisation_size": data.get("organisation_size") or "",
        }


# Reading a submission.


def answers_from(post) -> dict[str, list[str]]:
    """The submitted answers by question id, as posted."""
    return {
        key[len(ANSWER_PREFIX) :]: post.getlist(key)
        for key in post
        if key.startswith(ANSWER_PREFIX)
    }


@dataclass
class CheckedAnswers:
    # One SurveyAnswer's fields per row.
    rows: list[dict] = field(default_factory=list)
    # question id -> message: what the respondent can put right in the form.
    errors: dict[str, str] = field(default_factory=dict)


def _missing_message(question: SurveyQuestion) -> str:
    if question.kind == LIKERT:
        return _("Choose how much you agree with this statement.")
    if question.kind == SURVEY_MULTIPLE_CHOICE:
        return _("Choose at least one answer.")
    return _("Choose an answer.")


def check_answers(survey: Survey, answers: Mapping[str, Sequence[str]]) -> CheckedAnswers:
    """The answers as rows to record, and what is missing; raises
    InvalidSurveySubmission for what no honest form sends."""
    known = {question.id for question in survey.questions}
    if any(question_id not in known for question_id in answers):
        raise InvalidSurveySubmission(
            _(
                "The answers refer to questions that are not in this survey. "
                "Reload the page and try again."
            )
        )
    checked = CheckedAnswers()
    for question in survey.questions:
        given = [value for value in answers.get(question.id, ()) if value != ""]
        if question.kind == FREE_TEXT:
            _check_text(question, given, checked)
            continue
        if question.kind != SURVEY_MULTIPLE_CHOICE and len(given) > 1:
            raise InvalidSurveySubmission(
                _(
                    "A question that takes one answer received several. Reload the page and try again."
                )
            )
        if question.kind == LIKERT:
            _check_rating(question, given, checked)
        else:
            _check_options(question, given, checked)
        if not given and question.required:
            checked.errors[question.id] = _missing_message(question)
    return checked


def _check_rating(question: SurveyQuestion, given: list[str], checked: CheckedAnswers) -> None:
    for value in given:
        if value not in {str(v) for v in LIKERT_VALUES}:
            raise InvalidSurveySubmission(
                _(
                    "A rating must be one of the five points of the scale, from "
                    "“Strongly disagree” to “Strongly agree”. Reload the page and try again."
                )
            )
        checked.rows.append({"question_id": question.id, "value": int(value)})


def _check_options(question: SurveyQuestion, given: list[str], checked: CheckedAnswers) -> None:
    for option_id in dict.fromkeys(given):  # a repeated tick counts once
        if question.option(option_id) is None:
            raise InvalidSurveySubmission(
                _("An answer does not belong to its question. Reload the page and try again.")
            )
        checked.rows.append({"question_id": question.id, "option_id": option_id})


def _check_text(question: SurveyQuestion, given: list[str], checked: CheckedAnswers) -> None:
    if len(given) > 1:
        raise InvalidSurveySubmission(
            _("A question that takes one answer received several. Reload the page and try again.")
        )
    text = normalise_text(given[0]) if given else ""
    if len(text) > question.max_length:
        raise InvalidSurveySubmission(
            _(
                "An answer is %(length)s characters long; this question takes at most "
                "%(limit)s. Nothing was recorded: go back, shorten it and send the form again."
            )
            % {"length": len(text), "limit": question.max_length}
        )
    if text:
        checked.rows.append({"question_id": question.id, "text": text})


def parse_token(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError, AttributeError) as error:
        raise InvalidSurveySubmission(
            _("This survey form is incomplete. Reload the page and try again.")
        ) from error


# Recording.


def programme_key_of(page: SurveyPage):
    """The translation key of the programme a placed survey is asked before or after."""
    if not page.placement:
        return None
    parent = page.get_parent()
    if parent is None or parent.specific_class is not ProgrammePage:
        return None
    return parent.translation_key


def earlier_response(page: SurveyPage, token: uuid.UUID, user) -> SurveyResponse | None:
    """The response this form (or, signed in, this person) recorded before; raises
    InvalidSurveySubmission for a token another survey's or another person's form used."""
    rows = SurveyResponse.objects.filter(token=token)
    if not page.anonymous and user.is_authenticated:
        rows = rows | SurveyResponse.objects.filter(user=user, survey_key=page.translation_key)
    found = list(rows.only("pk", "token", "user_id", "survey_key", "created_at")[:2])
    same_token = next((row for row in found if row.token == token), None)
    if same_token is not None:
        other_person = not page.anonymous and same_token.user_id != getattr(user, "pk", None)
        if same_token.survey_key != page.translation_key or other_person:
            raise InvalidSurveySubmission(
                _("This survey form is incomplete. Reload the page and try again.")
            )
        return same_token
    if found:
        raise AlreadyAnswered(found[0])
    return None


@dataclass(frozen=True)
class RecordOutcome:
    response: SurveyResponse
    # False when the same form had been sent before and that response is returned.
    created: bool


def record_response(
    page: SurveyPage,
    rows: Iterable[dict],
    token: uuid.UUID,
    user,
    situation: Mapping | None = None,
) -> RecordOutcome:
    """Record the response and its answers together, or nothing.

    `situation` is what an anonymous respondent told (anonymous surveys);
    a signed-in survey copies it from the respondent's profile instead.
    Raises AlreadyAnswered when the signed-in respondent answered before.
    """
    earlier = earlier_response(page, token, user)
    if earlier is not None:
        return RecordOutcome(earlier, created=False)
    response = SurveyResponse(
        survey_key=page.translation_key,
        survey_page=page,
        token=token,
        programme_key=programme_key_of(page),
        language=page.locale.language_code,
        created_at=timezone.now(),
    )
    if page.anonymous:
        for name, value in (situation or {}).items():
            setattr(response, name, value)
        # Nobody is named, so every anonymous response counts.
        response.counts_in_statistics = True
    else:
        response.user = user
        profile = LearnerProfile.objects.for_user(user)
        if profile is not None:
            response.copy_situation(profile)
    try:
        with transaction.atomic():
            response.save(force_insert=True)
            SurveyAnswer.objects.bulk_create(SurveyAnswer(response=response, **row) for row in rows)
    except IntegrityError:
        # The same form, or the same person, won a race with this request.
        earlier = earlier_response(page, token, user)
        if earlier is None:
            raise
        return RecordOutcome(earlier, created=False)
    return RecordOutcome(response, created=True)


def signed_in_response(page: SurveyPage, user) -> SurveyResponse | None:
    """The signed-in respondent's response to a signed-in survey, if any."""
    if page.anonymous or not user.is_authenticated:
        return None
    return (
        SurveyResponse.objects.filter(user=user, survey_key=page.translation_key)
        .only("pk", "created_at")
        .first()
    )


# An anonymous survey's answer is remembered by the respondent's browser only:
# a signed cookie saying when this browser answered, so its pages stop inviting
# to the survey. The server keeps no trace of who answered.
ANSWERED_COOKIE_SALT = "impact.survey-answered"
ANSWERED_COOKIE_AGE = 2 * 365 * 24 * 60 * 60


def answered_cookie_name(survey_key) -> str:
    return f"survey-{uuid.UUID(str(survey_key)).hex}"


def remember_answered_here(http_response, survey_key, when: datetime.datetime) -> None:
    http_response.set_signed_cookie(
        answered_cookie_name(survey_key),
        when.date().isoformat(),
        salt=ANSWERED_COOKIE_SALT,
        max_age=ANSWERED_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def answered_here(request, survey_key) -> datetime.date | None:
    """When this browser answered the anonymous survey, or None."""
    value = request.get_signed_cookie(
        answered_cookie_name(survey_key), default=None, salt=ANSWERED_COOKIE_SALT
    )
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None

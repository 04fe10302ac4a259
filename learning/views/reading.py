"""Where a learner stopped reading a module: saved by the lesson page's script."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from modules.models import ModulePage

from ..models import LearnerProfile
from ..recording import QUIZ_POSITION, record_reading_position

# A heading block id is a UUID; anything much longer is not one.
MAX_SECTION_LENGTH = 64


def _refuse(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def save_position(request: HttpRequest, page_id: int) -> JsonResponse:
    """Record the lesson section the learner is reading (or the quiz).

    Answers in JSON because the page's script calls it in the background: a
    refusal says why in words, and nothing is written unless every check passes.
    """
    if not request.user.is_authenticated:
        return _refuse(_("Sign in to have your place in the module remembered."), 403)
    if LearnerProfile.objects.for_user(request.user) is None:
        return _refuse(_("Complete your learner profile to have your place remembered."), 403)
    page = ModulePage.objects.live().filter(pk=page_id).first()
    if page is None:
        return _refuse(_("This module does not exist or is not published."), 404)
    section = request.POST.get("section", "").strip()
    if not section or len(section) > MAX_SECTION_LENGTH:
        return _refuse(_("Say which section of the module you are reading."), 400)
    if section != QUIZ_POSITION and section not in page.lesson_sections():
        return _refuse(_("This section is not part of the module."), 400)
    progress = record_reading_position(request.user, page, section)
    return JsonResponse({"section": progress.last_section})

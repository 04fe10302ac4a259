"""Which check records and survey responses a person may count.

The rule of the learners' statistics (`learning.statistics.scope`): consenting
learners of the person's regions; a coordinator, every region. Anonymous survey
responses always count and may carry no region at all (a visitor who was not
signed in): only someone who sees every region counts those.
"""

from __future__ import annotations

from django.db.models import QuerySet

from learning.statistics.scope import region_ids_in_scope

from ..models import KnowledgeRecord, SurveyResponse


def records_in_scope(user) -> QuerySet[KnowledgeRecord]:
    regions = region_ids_in_scope(user)
    found = KnowledgeRecord.objects.filter(counts_in_statistics=True)
    if regions is None:
        return found.filter(region__isnull=False)
    return found.filter(region_id__in=regions)


def responses_in_scope(user) -> QuerySet[SurveyResponse]:
    regions = region_ids_in_scope(user)
    found = SurveyResponse.objects.filter(counts_in_statistics=True)
    if regions is None:
        return found
    return found.filter(region_id__in=regions)

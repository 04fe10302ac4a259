"""Content authored by editors: the taxonomy and the page types.

Callers import from here (`from modules.models import ModulePage`); the
submodules keep taxonomy and pages apart.
"""

from .measures import KnowledgeCheckPage, SurveyPage, SurveyPlacement
from .pages import ModuleIndexPage, ModulePage, ProgrammeModule, ProgrammePage
from .taxonomy import Region, Sector, SubRegion, Topic, TopicTaggedModule

__all__ = [
    "KnowledgeCheckPage",
    "SurveyPage",
    "SurveyPlacement",
    "ModuleIndexPage",
    "ModulePage",
    "ProgrammeModule",
    "ProgrammePage",
    "Region",
    "Sector",
    "SubRegion",
    "Topic",
    "TopicTaggedModule",
]

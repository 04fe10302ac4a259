"""What learners do: profiles, organisations, progress, attempts, certificates.

Callers import from here; each submodule holds one idea.
"""

from .access import ManagerRegions
from .attempts import QuestionResult, QuizAttempt
from .certificates import Certificate
from .organisations import MembershipRole, Organisation, OrganisationSize
from .profiles import LearnerProfile
from .progress import ModuleProgress
from .statistics import (
    StatisticsLearnerCell,
    StatisticsModuleCell,
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsProgrammeCell,
    StatisticsProgrammeModule,
    StatisticsQuestionCell,
    StatisticsSituationCell,
    StatisticsSummaryState,
)

__all__ = [
    "Certificate",
    "ManagerRegions",
    "LearnerProfile",
    "MembershipRole",
    "ModuleProgress",
    "Organisation",
    "OrganisationSize",
    "QuestionResult",
    "QuizAttempt",
    "StatisticsLearnerCell",
    "StatisticsModuleCell",
    "StatisticsOptionCell",
    "StatisticsPeriodCell",
    "StatisticsProgrammeCell",
    "StatisticsProgrammeModule",
    "StatisticsQuestionCell",
    "StatisticsSituationCell",
    "StatisticsSummaryState",
]

from advices.lifecycle.statuses import (
    AdviceKind,
    DuePrecision,
    FollowUpState,
    LetterStatus,
    PublicStatus,
    Verdict,
)

from .archive import SentLetterPdf
from .archive_settings import ArchiveSettings
from .decisions import Decision, DecisionOutcome
from .errata import Erratum
from .followup import (
    Assessment,
    Commitment,
    CouncilAssessment,
    FollowUp,
)
from .layout import LetterSettings
from .letters import AdviceLetter
from .recommendations import Recommendation
from .reminders import ReminderLog
from .requests import AdviceRequest, RequestDocument, RequestDocumentKind
from .responses import CollegeResponse, RecommendationAnswer
from .subscriptions import FollowTarget, Subscription

__all__ = [
    "ArchiveSettings",
    "Assessment",
    "CollegeResponse",
    "Commitment",
    "CouncilAssessment",
    "Decision",
    "DecisionOutcome",
    "AdviceRequest",
    "RequestDocument",
    "RequestDocumentKind",
    "DuePrecision",
    "FollowUp",
    "FollowUpState",
    "PublicStatus",
    "RecommendationAnswer",
    "ReminderLog",
    "Verdict",
    "AdviceKind",
    "AdviceLetter",
    "Erratum",
    "LetterSettings",
    "LetterStatus",
    "Recommendation",
    "SentLetterPdf",
    "FollowTarget",
    "Subscription",
]

# Last: the guards connect to the models above.
from . import guards  # noqa: E402, F401  # isort: skip

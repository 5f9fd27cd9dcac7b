from .archive import SentLetterPdf
from .errata import Erratum
from .followup import (
    Assessment,
    Commitment,
    CouncilAssessment,
    DuePrecision,
    FollowUp,
    FollowUpState,
)
from .layout import LetterSettings
from .letters import AdviceKind, AdviceLetter, LetterStatus
from .pages import AdviceIndexPage
from .recommendations import Recommendation
from .reminders import ReminderLog
from .responses import CollegeResponse, RecommendationAnswer, Verdict
from .subscriptions import FollowTarget, Subscription
from .tracker import RecommendationIndexPage

__all__ = [
    "AdviceIndexPage",
    "Assessment",
    "CollegeResponse",
    "Commitment",
    "CouncilAssessment",
    "DuePrecision",
    "FollowUp",
    "FollowUpState",
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
    "RecommendationIndexPage",
]

from advices.lifecycle.statuses import (
    AdviceKind,
    FollowUpState,
    LetterStatus,
    PublicStatus,
    Verdict,
)

# Last: the guards connect to the models above.
from . import guards  # noqa: E402, F401
from .archive import SentLetterPdf
from .errata import Erratum
from .followup import (
    Assessment,
    Commitment,
    CouncilAssessment,
    DuePrecision,
    FollowUp,
)
from .layout import LetterSettings
from .letters import AdviceLetter
from .pages import AdviceIndexPage
from .recommendations import Recommendation
from .reminders import ReminderLog
from .responses import CollegeResponse, RecommendationAnswer
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
    "RecommendationIndexPage",
]

from advices.lifecycle.statuses import (
    AdviceKind,
    DuePrecision,
    FollowUpState,
    LetterStatus,
    PublicStatus,
    Verdict,
)

from .archive import SentLetterPdf
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
from .responses import CollegeResponse, RecommendationAnswer
from .subscriptions import FollowTarget, Subscription

# isort: off
# The guards connect to the models above. The page models are Wagtail pages: models and
# views at once, so they live with the public pages (advices.pages) and import the PDF and
# query layers; Django finds every model through this package, so they are imported here,
# after the data models they build on.
from . import guards  # noqa: E402, F401
from advices.pages.advice_index import AdviceIndexPage  # noqa: E402
from advices.pages.tracker import RecommendationIndexPage  # noqa: E402

# isort: on

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

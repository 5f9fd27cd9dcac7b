from .council import CouncilSettings
from .pages import HomePage, StandardPage
from .meetings import MeetingIndexPage, MeetingPage, MeetingParticipantGroup, MeetingType
from .themes import Theme

__all__ = [
    "CouncilSettings",
    "HomePage",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingParticipantGroup",
    "MeetingType",
    "StandardPage",
    "Theme",
]

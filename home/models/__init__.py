from .accessibility import AccessibilityStatement, ComplianceStatus
from .council import CouncilSettings
from .meetings import MeetingIndexPage, MeetingPage, MeetingParticipantGroup, MeetingType
from .pages import HomePage, StandardPage
from .themes import Theme

__all__ = [
    "AccessibilityStatement",
    "ComplianceStatus",
    "CouncilSettings",
    "HomePage",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingParticipantGroup",
    "MeetingType",
    "StandardPage",
    "Theme",
]

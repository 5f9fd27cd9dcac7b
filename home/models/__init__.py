from .accessibility import AccessibilityStatement, ComplianceStatus
from .council import CouncilSettings
from .meetings import MeetingIndexPage, MeetingPage, MeetingParticipantGroup, MeetingType
from .named_people import NamedPerson
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
    "NamedPerson",
    "StandardPage",
    "Theme",
]

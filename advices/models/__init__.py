from .archive import SentLetterPdf
from .errata import Erratum
from .layout import LetterSettings
from .letters import AdviceKind, AdviceLetter, LetterStatus
from .pages import AdviceIndexPage
from .recommendations import Recommendation

__all__ = [
    "AdviceIndexPage",
    "AdviceKind",
    "AdviceLetter",
    "Erratum",
    "LetterSettings",
    "LetterStatus",
    "Recommendation",
    "SentLetterPdf",
]

from .errata import Erratum
from .letters import AdviceKind, AdviceLetter, LetterStatus
from .pages import AdviceIndexPage as AdviceIndexPage
from .recommendations import Recommendation

__all__ = ["AdviceKind", "AdviceLetter", "Erratum", "LetterStatus", "Recommendation"]

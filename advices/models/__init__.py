from .errata import Erratum
from .letters import AdviceKind, AdviceLetter, LetterStatus
from .recommendations import Recommendation

__all__ = ["AdviceKind", "AdviceLetter", "Erratum", "LetterStatus", "Recommendation"]

"""Every write of the advice cycle, as an action: ``check()`` then ``execute()``.

- ``steps``: the letter's lifecycle steps; ``sending``: the send step, whose PDF is rendered
  in a background task; ``letters``: editing, restoring a version, errata;
- ``college``: the municipality's records (reply, verdicts, commitments, progress) and the
  council's assessment, which move the letter to *beantwoord*/*afgerond*;
- ``conflicts``: of two parallel saves one wins, the other is told who saved first;
- ``events``: what the actions report after their commit (``advices.notify`` listens).

Admin views, public views, commands, the demo loader and the tests share these paths.
"""

from advices.actions.sending import SendLetter
from advices.actions.steps import TransitionLetter
from advices.lifecycle.transitions import SEND


def letter_transition(letter, action, user, reason="", at=None, loaded_version=None):
    """The action that takes lifecycle step ``action`` on ``letter``."""
    action_class = SendLetter if action == SEND else TransitionLetter
    return action_class(letter, action, user, reason=reason, at=at, loaded_version=loaded_version)


def transition(letter, action, user, reason="", at=None, loaded_version=None):
    """Take lifecycle step ``action`` on ``letter``: the only way its status ever changes.
    ``at`` dates a step taken before the letter was entered here (an archive of earlier
    years); ``loaded_version`` is the edit number a confirmation screen showed
    (``TransitionLetter``). Returns the letter as stored afterwards."""
    return letter_transition(
        letter, action, user, reason=reason, at=at, loaded_version=loaded_version
    ).execute()

"""The mails to the public quote letters, requests and reports (subjects, recommendation
titles, statuses, excerpts): a name the secretariat chose to hide shows there as its role,
as on the public pages (``home.named_people``).

The list is read once per batch of mails, and fresh: a mail worker runs outside a request,
where ``home.named_people.current_choices`` may keep a list for up to a minute, and a name
hidden just now must not go out in a mail.
"""

from home.named_people import NameChoices


def with_public_names(messages):
    """``messages`` (``EmailMessage``s) with each hidden name in the subject and the body
    replaced by its role. One query, whatever the number of messages; none for none."""
    if not messages:
        return messages
    choices = NameChoices.load()
    for message in messages:
        message.subject = choices.apply(message.subject)
        message.body = choices.apply(message.body)
    return messages

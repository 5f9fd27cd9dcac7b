"""Who hears of what, by email. Nothing here runs inside an action or a web request's
transaction: the actions report what happened (``advices.actions.events``) after they commit,
``receivers`` turns each report into background tasks (``tasks``, django-tasks), and the tasks
compose and send the mail.

- ``subscriptions``: following by email without an account: subscribe, confirm, unsubscribe,
  the signed links, and what can be followed (``Target``, ``find_target``).
- ``follower_mail``: the mails to followers: the confirmation link, and one mail per address
  about a status change, and about each new request for advice.
- ``secretariat``: the secretariat's addresses, its mail when the college replies, and the
  daily reminders of what is late and of requests' deadlines.
- ``tasks``: the background tasks that send those mails.
- ``receivers``: listens to ``status_changed``, ``reply_recorded`` and ``request_registered``
  and enqueues the tasks (connected in ``AdvicesConfig.ready``).
"""

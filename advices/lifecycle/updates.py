"""The latest update of a recommendation or commitment: by date, then by the order it was
recorded (two updates on one day: the one recorded last counts)."""


def latest(follow_ups):
    """The most recent of ``follow_ups`` (Python), or None."""
    return max(follow_ups, key=lambda f: (f.date, f.pk or 0), default=None)


def latest_update_ordering():
    """``latest`` as an ordering (SQL): the first row is the latest."""
    return ("-date", "-pk")

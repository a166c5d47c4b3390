"""The Python reference engine for the parity check: kokoro-onnx renders phoneme strings.

Run with the venv of the test cache (`npm run fetch:real-model -- --venv`); `parity.ts` drives it. Reads one JSON
object from stdin:

    {"model": path, "voices": dir of <name>.bin packs, "out": dir,
     "jobs": [{"id": str, "phonemes": [str, ...], "voice": [[name, weight], ...], "speed": float}]}

and for each job renders every phoneme string with `Kokoro.create(..., is_phonemes=True, trim=False)` (no silence
trimming, no pauses added: the model's own output), joins the results and writes them as float32 to
`<out>/<id>.f32`. Blends are the weighted mean of whole packs, as kokoro-onnx's own examples make them. Prints one
JSON line per job: {"id", "samples", "batches"}, where batches is how many inferences kokoro-onnx ran.
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
        pieces, batches = [], 0
        for phonemes in job["phonemes"]:
            audio, _ = kokoro.create(phonemes, voice=style, speed=job["speed"], is_phonemes=True, trim=False)
            pieces.append(np.asarray(audio, dtype=np.float32))
            batches += len(split_phonemes(" ".join(phonemes.split())))
        audio = np.concatenate(pieces)
        audio.tofile(os.path.join(request["out"], f"{job['id']}.f32"))
        print(json.dumps({"id": job["id"], "samples": int(audio.shape[0]), "batches": batches}), flush=True)


if __name__ == "__main__":
    main()

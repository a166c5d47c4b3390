"""kokoro-onnx as the benchmark peer (`npm run bench -- real`), run with the test cache's venv.

Reads {"model", "voices" (dir of <name>.bin packs), "voice", "text", "runs", "totalRuns", "tmp"} as JSON on
stdin; one fresh process per paragraph, so its first request is the first after the model loaded. kokoro-onnx speaks text through its
own G2P (espeak-ng via phonemizer) and the same model file. Measures:
- TTFA: `create_stream` called → its first chunk (its first batch rendered), the first request after load ("first")
  and `runs` more ("warm");
- total (`totalRuns` times): `create` wall time for the whole paragraph, and the audio length (RTF = total / audio);
- RSS (VmRSS from /proc) after load (idle) and after speaking.
Prints one JSON object on stdout.
"""

import asyncio
import json
import os
import sys
import time

import numpy as np
from kokoro_onnx import Kokoro


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


async def first_chunk_ms(kokoro: Kokoro, text: str, voice) -> float:
    start = time.perf_counter()
    stream = kokoro.create_stream(text, voice=voice, speed=1.0, lang="en-us")
    async for _ in stream:
        elapsed = (time.perf_counter() - start) * 1000
        break
    await stream.aclose()
    return elapsed


def main() -> None:
    request = json.load(sys.stdin)
    voice = np.fromfile(os.path.join(request["voices"], f"{request['voice']}.bin"), dtype="<f4").reshape(510, 1, 256)
    empty_archive = os.path.join(request["tmp"], "no-voices.npz")
    np.savez(empty_archive)
    start = time.perf_counter()
    kokoro = Kokoro(request["model"], empty_archive)
    load_ms = (time.perf_counter() - start) * 1000
    idle_rss = rss_bytes()
    text = request["text"]
    first = asyncio.run(first_chunk_ms(kokoro, text, voice))
    warm = [asyncio.run(first_chunk_ms(kokoro, text, voice)) for _ in range(request["runs"])]
    totals, audio_seconds = [], 0.0
    for _ in range(request["totalRuns"]):
        start = time.perf_counter()
        audio, rate = kokoro.create(text, voice=voice, speed=1.0, lang="en-us")
        totals.append((time.perf_counter() - start) * 1000)
        audio_seconds = len(audio) / rate
    result = {
        "loadMs": load_ms,
        "idleRssBytes": idle_rss,
        "speakingRssBytes": rss_bytes(),
        "firstTtfaMs": first,
        "warmTtfaMs": warm,
        "totalMs": totals,
        "audioSeconds": audio_seconds,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Writes the kokoro-onnx int8 graph in the onnx-community layout kokoro-js loads, for the peer benchmark only.

Usage: onnx_community_layout.py <model.onnx> <model directory>. The weights stay the same bytes; only the interface
changes: transformers.js feeds `input_ids` and reads `waveform`, where this export has `tokens` and `audio`. Identity
nodes bridge the names (nothing inside the graph is renamed). Also writes config.json, tokenizer.json and
tokenizer_config.json, made from Kokoro's phoneme vocabulary (read from kokoro-onnx's own config.json): one token
per symbol, `$` (id 0) as the pad around every sequence, as Kokoro's tokenizer does.
"""

import json
import os
import sys

import kokoro_onnx
import onnx
from onnx import helper


def rename_interface(source: str, target: str) -> None:
    model = onnx.load(source)
    graph = model.graph
    tokens = next(value for value in graph.input if value.name == "tokens")
    audio = next(value for value in graph.output if value.name == "audio")
    tokens.name = "input_ids"
    graph.node.insert(0, helper.make_node("Identity", ["input_ids"], ["tokens"], name="input_ids_to_tokens"))
    graph.node.append(helper.make_node("Identity", ["audio"], ["waveform"], name="audio_to_waveform"))
    audio.name = "waveform"
    onnx.save(model, target)


def write_tokenizer(directory: str) -> None:
    with open(os.path.join(os.path.dirname(kokoro_onnx.__file__), "config.json"), encoding="utf-8") as file:
        vocab = dict(json.load(file)["vocab"])
    vocab["$"] = 0
    pad = {"id": "$", "type_id": 0}
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": 0, "content": "$", "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
        ],
        "normalizer": None,
        "pre_tokenizer": {"type": "Split", "pattern": {"Regex": ""}, "behavior": "Isolated", "invert": False},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": pad}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": pad}],
            "pair": [{"SpecialToken": pad}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": pad}],
            "special_tokens": {"$": {"id": "$", "ids": [0], "tokens": ["$"]}},
        },
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "$"},
    }
    with open(os.path.join(directory, "tokenizer.json"), "w", encoding="utf-8") as file:
        json.dump(tokenizer, file, ensure_ascii=False)
    with open(os.path.join(directory, "tokenizer_config.json"), "w", encoding="utf-8") as file:
        json.dump({"model_max_length": 512, "pad_token": "$", "unk_token": "$"}, file)
    with open(os.path.join(directory, "config.json"), "w", encoding="utf-8") as file:
        json.dump({"model_type": "style_text_to_speech_2", "architectures": ["StyleTextToSpeech2Model"]}, file)


def main() -> None:
    source, directory = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(directory, "onnx"), exist_ok=True)
    rename_interface(source, os.path.join(directory, "onnx", "model_quantized.onnx"))
    write_tokenizer(directory)


if __name__ == "__main__":
    main()

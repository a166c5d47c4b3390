/**
 * The oracle for speech rendered by the stand-in model: what the audio says the model was fed, and what the text
 * should have fed it. The expectation runs the text front end and G2P here, sentence by sentence, on the whole text,
 * independently of the segmenter, the synthesizer, the player and the sink: a segment lost, doubled or reordered
 * anywhere between them leaves the two token sequences unequal.
 */
import { PHONEME_VOCAB } from "@kokoro-speech/protocol";
import { createEspeakFallback } from "../../daemon/src/g2p/espeak-fallback.js";
import { createG2P } from "../../daemon/src/g2p/g2p.js";
import type { Variant } from "../../daemon/src/g2p/phoneme-sets.js";
import { ensureSentenceEnd, normalizeText } from "../../daemon/src/text/normalize.js";
import { splitSentences } from "../../daemon/src/text/sentence-splitter.js";
import { compiledLexicon } from "../daemon/g2p/lexicon-fixture.js";
import { decodeStandInOutput, pcmToFloats } from "../fixtures/stand-in-model.js";

const PAD_ID = PHONEME_VOCAB.get("$") ?? 0;
const SPACE_ID = PHONEME_VOCAB.get(" ");

/**
 * Where segments meet, word spaces and punctuation depend on how sentences were grouped (a merged segment joins
 * them with a space, a split one ends on its own): compare the sounds, ids of word spaces left out.
 */
function withoutSpaces(ids: readonly number[]): number[] {
  return ids.filter((id) => id !== SPACE_ID);
}

/** Token ids the stand-in model received, in order, read from its s16le audio; the pads around inferences dropped. */
export function spokenTokenIds(pcm: Buffer): number[] {
  const ids = decodeStandInOutput(pcmToFloats(pcm)).map((frame) => frame.tokenId);
  return withoutSpaces(ids.filter((id) => id !== PAD_ID));
}

/** Vocabulary ids of a phoneme string, looked up here rather than by the engine's tokenizer. */
function vocabIds(phonemes: string): number[] {
  return Array.from(phonemes).flatMap((symbol) => {
    const id = PHONEME_VOCAB.get(symbol);
    return id === undefined ? [] : [id];
  });
}

/** The token ids `text` should reach the model as: each sentence normalised, phonemised (espeak for the rest). */
export async function expectedTokenIds(text: string, variant: Variant): Promise<number[]> {
  const fallback = createEspeakFallback();
  try {
    const g2p = createG2P({ lexicons: { [variant]: compiledLexicon(variant) }, fallback });
    const ids: number[] = [];
    for (const sentence of splitSentences(text)) {
      const spoken = ensureSentenceEnd(normalizeText(text.slice(sentence.start, sentence.end)));
      if (spoken !== "") ids.push(...vocabIds((await g2p.phonemize(spoken, variant)).phonemes));
    }
    return withoutSpaces(ids);
  } finally {
    await fallback.close();
  }
}

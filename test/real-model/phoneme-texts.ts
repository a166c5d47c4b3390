/**
 * Misaki (en-us) phoneme strings for the real-model suite and the parity script, fixed here so the engine is tested
 * apart from the G2P. Eight ordinary sentences; together they exceed one inference's 510-token limit.
 */
import { PHONEME_VOCAB } from "@kokoro-speech/protocol";

/** "The quick brown fox jumps over the lazy dog, and then it runs away into the forest." */
export const SENTENCE_PHONEMES =
  "ðə kwˈɪk bɹˈWn fˈɑks ʤˈʌmps ˈOvəɹ ðə lˈAzi dˈɔɡ, ænd ðˈɛn ɪt ɹˈʌnz əwˈA ɪntu ðə fˈɔɹəst.";

/** Eight sentences (the first is `SENTENCE_PHONEMES`), 600-odd tokens when joined with spaces. */
export const LONG_PARAGRAPH_PHONEMES: readonly string[] = [
  SENTENCE_PHONEMES,
  "ˈɛvəɹi mˈɔɹnɪŋ, ʃi wˈɔkt əlˈɔŋ ðə ɹˈɪvəɹ tə wˈɑʧ ðə bˈOts dɹˈɪft slˈOli təwˈɔɹd ðə hˈɑɹbəɹ.",
  "ðə lˈIbɹɛɹi klˈOzᵻz ˈɜɹli ɑn fɹˈIdiz, sˈO plˈiz ɹɪtˈɜɹn jʊɹ bˈʊks bɪfˈɔɹ fˈɔɹ əklˈɑk.",
  "hˌi wˈʌndəɹd wˈɛðəɹ ði ˈOld bɹˈɪʤ wʊd səɹvˈIv ənˈʌðəɹ wˈɪntəɹ ʌv stˈɔɹmz ænd hˈɛvi snˈO.",
  "ˈWəɹ tˈim fˈɪnɪʃt ðə pɹˈɑʤɛkt əhˈɛd ʌv skˈɛʤʊl, wˈɪʧ səɹpɹˈIzd ˈɛvɹiwˌʌn ɪn ði ˈɔfɪs.",
  "ɐ ʤˈɛntᵊl bɹˈiz kˈæɹid ðə smˈɛl ʌv fɹˈɛʃ bɹˈɛd fɹʌm ðə bˈAkəɹi əkɹˈɔs ðə kwˈIət stɹˈit.",
  "ðˌA dˌɪsˈIdᵻd tə pˈAnt ðə kˈɪʧən ɐ wˈɔɹm jˈɛlO, hˈOpɪŋ ɪt wʊd fˈil bɹˈITəɹ ɪn ði ˈivnɪŋz.",
  "ˈæftəɹ dˈɪnəɹ, ðə ʧˈɪldɹən ɡˈæðəɹd əɹˈWnd ðə fˈIəɹ ænd lˈɪsənd tə ðɛɹ ɡɹˈændfˌɑðəɹz stˈɔɹiz.",
];

/** Symbols of `phonemes` that are in Kokoro's vocabulary: the tokens one inference receives (pads excluded). */
export function symbolCount(phonemes: string): number {
  return Array.from(phonemes).filter((symbol) => PHONEME_VOCAB.has(symbol)).length;
}

/**
 * Builds the real lexicons (Misaki's committed table, then CMUdict) in memory, so G2P tests do not depend on the
 * asset build step.
 */

import { dictionary } from "cmu-pronouncing-dictionary";
import { compileLexicon } from "../../../daemon/src/g2p/build/compile-lexicon.js";
import { readMisakiTable } from "../../../daemon/src/g2p/build/misaki-table.js";
import { parseLexicon, serializeLexicon, type Lexicon } from "../../../daemon/src/g2p/lexicon.js";
import type { Variant } from "../../../daemon/src/g2p/phoneme-sets.js";

const cache = new Map<Variant, Lexicon>();

export function compiledLexicon(variant: Variant): Lexicon {
  let lexicon = cache.get(variant);
  if (!lexicon) {
    lexicon = parseLexicon(serializeLexicon(compileLexicon(dictionary, variant, readMisakiTable(variant))), variant);
    cache.set(variant, lexicon);
  }
  return lexicon;
}

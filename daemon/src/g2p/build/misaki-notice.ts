/** The notice that travels with every asset derived from Misaki's lexicons (Apache-2.0, §4). */
export const MISAKI_NOTICE = `Pronunciations from Misaki's English lexicons (us_gold, us_silver, gb_gold, gb_silver), \
Copyright hexgrad, licensed under the Apache License, Version 2.0; a copy of the licence is in \
assets/misaki/LICENSE. Converted to this format by daemon/src/g2p/build/import-misaki.ts; gold and silver merged, \
gold winning.`;

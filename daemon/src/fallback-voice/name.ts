/** The name status and events show while the fallback voice speaks (apart, so naming it loads nothing else). */
export const FALLBACK_SYNTHESIZER_NAME = "fallback";

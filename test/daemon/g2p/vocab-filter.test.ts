import { describe, expect, it } from "vitest";
import { filterToVocab } from "../../../daemon/src/g2p/vocab-filter.js";

describe("filterToVocab", () => {
  it("keeps vocabulary symbols, including uppercase phonemes and the space", () => {
    expect(filterToVocab("ˈA ɪz ðə T.")).toEqual({ phonemes: "ˈA ɪz ðə T.", unknownSymbols: [] });
  });

  it("removes and reports each foreign code point once, ASCII g included", () => {
    expect(filterToVocab("gɡ^g-«")).toEqual({ phonemes: "ɡ", unknownSymbols: ["g", "^", "-", "«"] });
  });
});

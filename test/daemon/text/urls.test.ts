import { describe, expect, it } from "vitest";
import { emailWords, expandAddresses, urlWords } from "../../../daemon/src/text/urls.js";

describe("expandAddresses", () => {
  it.each([
    ["https://www.example.com", "example dot com"],
    ["https://example.com/docs/getting-started?x=1#top", "example dot com slash docs slash getting started"],
    ["visit example.com.", "visit example dot com."],
    ["see github.io/kokoro, then", "see github dot io slash kokoro, then"],
    ["jane.doe@example.com", "jane dot doe at example dot com"],
    ["mail me: ops+tts@mail.example.org.", "mail me: ops dot tts at mail dot example dot org."],
    ["#ThrowbackThursday", "hashtag Throwback Thursday"],
    ["#TypeScript rocks", "hashtag Type Script rocks"],
    ["thanks @ana_b", "thanks at ana b"],
    ["issue #42", "issue number 42"],
  ])("reads %s as %s", (input, expected) => {
    expect(expandAddresses(input)).toBe(expected);
  });

  it("reads a host with its port, as engineers say it", () => {
    expect(urlWords("http://localhost.dev:8080")).toBe("localhost dot dev port eighty eighty");
  });

  it("separates the local part of an address at dots, dashes and underscores", () => {
    expect(emailWords("first_last-x@a.io")).toBe("first dot last dot x at a dot io");
  });
});

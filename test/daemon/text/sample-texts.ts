/** Real texts shared by the text-stage tests. */

/** Panel text from the original project's washing bug (lessons §5.2): 11 lines, soft wraps inside sentences. */
export const WASHING_TEXT = [
  "Cycle for normal, regular, or typical",
  "use for washing up to a full load",
  "of normally soiled cotton clothing.",
  "Choose the Heavy or Extra",
  "Heavy soil level selection and",
  "Warm or Hot water temperature",
  "selection as appropriate for your",
  "clothes load for a higher degree of",
  "cleaning. Incorporates multi-stage",
  "fills and wash periods to provide",
  "optimal fabric care.",
].join("\n");

/** A Markdown note with a heading, a list, a code fence, a link and inline code. */
export const MARKDOWN_NOTE = [
  "# Release notes",
  "",
  "Version v2.3.1 ships today. See [the changelog](https://example.com/changes) for details.",
  "",
  "- Faster start-up",
  "- Fixed the `speak` command",
  "1. Install it",
  "2. Run it",
  "",
  "```sh",
  "npm install. Then run it.",
  "```",
  "",
  "Questions? Mail support@example.com.",
].join("\n");

/** Prose with abbreviations, numbers, quotes and an ellipsis. */
export const PROSE =
  "Dr. Smith arrived at 3:05pm on Jan. 3rd, 2024. He paid $5.50 (about 5% more than usual) for 2.5 kg of apples. " +
  '"Is that all?" she asked. "Yes… for now." The U.S. Then the U.K. followed, e.g. in 1990 and again in the 1980s. ' +
  "Visit www.example.com/docs. Call (555) 123-4567!\n\nA new paragraph starts here";

/** Ten paragraphs of ordinary prose, for timing-free laziness checks and property tests. */
export const TEN_PARAGRAPHS = Array.from(
  { length: 10 },
  (_, index) =>
    `Paragraph ${index + 1} begins with a short clause, then keeps going for a while so that it reads like prose. ` +
    `It mentions Dr. Jones, 42 apples and the year 1999. Nothing here is special, which is the point.`,
).join("\n\n");

/**
 * Keyboard shortcuts read as people say them: "⌘⇧P" → "Command Shift P", "Ctrl+Alt+Del" → "Control Alt Delete",
 * "CTRL-R" → "Control R". Symbols run before character cleanup (some, like ↩, count as emoji); written combinations
 * run after Markdown, so `<kbd>` tags are gone.
 */

/** Modifier and key symbols as printed on Apple keyboards and in menus. */
const KEY_SYMBOLS: Readonly<Record<string, string>> = {
  "⌘": "Command",
  "⌥": "Option",
  "⇧": "Shift",
  "⌃": "Control",
  "↩": "Return",
  "⏎": "Return",
  "⌅": "Enter",
  "⌫": "Delete",
  "⌦": "Forward Delete",
  "⎋": "Escape",
  "⇥": "Tab",
  "⇪": "Caps Lock",
  "⏏": "Eject",
};

const MODIFIER_SYMBOLS = "⌘⌥⇧⌃";
const ARROW_KEYS: Readonly<Record<string, string>> = { "←": "Left", "→": "Right", "↑": "Up", "↓": "Down" };

/** Written key names → spoken names (matched case-insensitively). */
const KEY_NAMES: Readonly<Record<string, string>> = {
  ctrl: "Control",
  control: "Control",
  cmd: "Command",
  command: "Command",
  alt: "Alt",
  option: "Option",
  opt: "Option",
  shift: "Shift",
  meta: "Meta",
  super: "Super",
  win: "Windows",
  fn: "Function",
  hyper: "Hyper",
  del: "Delete",
  delete: "Delete",
  esc: "Escape",
  escape: "Escape",
  enter: "Enter",
  return: "Return",
  tab: "Tab",
  space: "Space",
  backspace: "Backspace",
  home: "Home",
  end: "End",
  pgup: "Page Up",
  pgdn: "Page Down",
  pageup: "Page Up",
  pagedown: "Page Down",
  ins: "Insert",
  insert: "Insert",
  up: "Up",
  down: "Down",
  left: "Left",
  right: "Right",
};

const MODIFIERS = "ctrl|control|cmd|command|alt|option|opt|shift|meta|super|win|hyper|fn";
const PUNCTUATION_KEYS: Readonly<Record<string, string>> = {
  "/": "slash",
  "\\": "backslash",
  ",": "comma",
  ".": "period",
  ";": "semicolon",
  "'": "quote",
  "`": "backtick",
  "[": "left bracket",
  "]": "right bracket",
  "-": "minus",
  "=": "equals",
  "+": "plus",
};
const KEY = String.raw`(?:${Object.keys(KEY_NAMES).join("|")}|F\d{1,2}|[A-Za-z0-9](?![A-Za-z0-9])|[/\\,.;'\x60\[\]=])`;
/** A modifier, then one or more "+key" or "-key" steps. */
const WRITTEN_COMBO = new RegExp(String.raw`(?<![\w+-])(?:${MODIFIERS})(?:\s?[+-]\s?${KEY})+(?![\w+])`, "gi");
const SYMBOL_RUN = new RegExp(
  String.raw`[${MODIFIER_SYMBOLS}↩⏎⌅⌫⌦⎋⇥⇪⏏]\uFE0F?(?:\s?\+?\s?[${MODIFIER_SYMBOLS}↩⏎⌅⌫⌦⎋⇥⇪⏏←→↑↓]\uFE0F?)*(?:\s?\+?\s?[A-Za-z0-9](?![A-Za-z0-9]))?`,
  "g",
);

const MODIFIER_HINT = new RegExp(MODIFIERS, "i");
const LOWER_CASE_MODIFIERS = new Set(["ctrl", "cmd", "alt", "opt"]);

function keyWord(key: string): string {
  const named = KEY_NAMES[key.toLowerCase()];
  if (named) return named;
  const punctuation = PUNCTUATION_KEYS[key];
  if (punctuation) return punctuation;
  return key.toUpperCase();
}

/** Rewrites runs of key symbols ("⌘⇧P", "⌥⌘I", "⌘↩"). */
export function expandKeySymbols(text: string): string {
  return text.replace(SYMBOL_RUN, (run) => {
    const keys = Array.from(run.replace(/\s|\+|\uFE0F/g, ""));
    const words = keys.map((key) => KEY_SYMBOLS[key] ?? ARROW_KEYS[key] ?? key.toUpperCase());
    return ` ${words.join(" ")} `;
  });
}

/** Rewrites written combinations that start with a modifier ("Ctrl+Alt+Del", "Cmd-K", "Shift + Enter"). */
export function expandKeyCombos(text: string): string {
  // Most text names no modifier: one quick scan instead of the combination pattern at every position.
  if (!MODIFIER_HINT.test(text)) return text;
  return text.replace(WRITTEN_COMBO, (combo) => {
    const [first = "", ...rest] = combo.split(/\s?[+-]\s?(?=.)/);
    // Lower case only for the short forms people type in chat ("ctrl+c"); "win-win" or "shift-based" are words.
    if (first === first.toLowerCase() && !LOWER_CASE_MODIFIERS.has(first)) return combo;
    return [keyWord(first), ...rest.map(keyWord)].join(" ");
  });
}

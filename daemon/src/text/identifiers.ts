/**
 * Names from code read as words the way developers say them: `WS_NO_BUFFER_UTIL` → "WS no buffer util",
 * `getUserById` → "get user by ID", `chalk.red.bold` → "chalk dot red dot bold", `config.json` → "config dot JSON",
 * `Node.js` → "Node JS". Acronyms stay in capitals so the initialisms step spells them (or reads "JSON" as a word).
 */
import { isKnownCapitalWord } from "./initialisms.js";

/** Short capital parts of an identifier that are spelled even though they contain a vowel. */
const ACRONYM_PARTS = new Set(
  (
    "API URL URI ID IO UI UX OS CI CD AI IP AWS EOF EOL UTF USB GPU CPU UTC IAM CLI SDK IDE ISO UUID GUID DOM " +
    "AST ABI ECMA ES OAUTH OK ACL ARN UA SEO EU US UK"
  ).split(" "),
);

/** Lower-case words inside identifiers that are acronyms ("userId", "base_url"). */
const LOWER_ACRONYMS = new Set(
  (
    "id ids url urls uri api apis http https html css json xml yaml sql ui ux io os cpu gpu tcp udp ip dns ssl tls " +
    "jwt csv svg png pdf utf ascii npm uuid db sdk cli ci"
  ).split(" "),
);

/**
 * Spoken form of common file extensions; anything else is read as its identifier words. A `Map`, not an object:
 * keys come from the text, and "x.constructor" must not find `Object.prototype.constructor`.
 */
const EXTENSIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ts: "TS",
    tsx: "TSX",
    mts: "MTS",
    cts: "CTS",
    js: "JS",
    jsx: "JSX",
    mjs: "MJS",
    cjs: "CJS",
    json: "JSON",
    jsonc: "JSONC",
    md: "MD",
    mdx: "MDX",
    py: "PY",
    rs: "RS",
    rb: "RB",
    go: "go",
    java: "java",
    kt: "KT",
    swift: "swift",
    c: "C",
    h: "H",
    cc: "CC",
    cpp: "CPP",
    hpp: "HPP",
    cs: "CS",
    php: "PHP",
    sh: "SH",
    bash: "bash",
    zsh: "ZSH",
    fish: "fish",
    ps1: "PS one",
    yml: "YAML",
    yaml: "YAML",
    toml: "toml",
    ini: "INI",
    cfg: "CFG",
    conf: "conf",
    txt: "text",
    csv: "CSV",
    tsv: "TSV",
    html: "HTML",
    htm: "HTM",
    css: "CSS",
    scss: "SCSS",
    svg: "SVG",
    png: "PNG",
    jpg: "JPEG",
    jpeg: "JPEG",
    gif: "GIF",
    webp: "web P",
    ico: "ICO",
    pdf: "PDF",
    wav: "wave",
    mp3: "MP three",
    mp4: "MP four",
    lock: "lock",
    log: "log",
    env: "env",
    exe: "EXE",
    dll: "DLL",
    so: "SO",
    dylib: "dylib",
    zip: "zip",
    gz: "GZ",
    tgz: "TGZ",
    tar: "tar",
    wasm: "wasm",
    onnx: "onnx",
    xml: "XML",
    sql: "SQL",
    vue: "view",
    svelte: "svelte",
    lua: "lua",
    dart: "dart",
    proto: "proto",
    gradle: "gradle",
    dockerfile: "dockerfile",
  }),
);

/** Libraries written in lower case with ".js" that are names, not files. */
const JS_PRODUCTS = new Set(["node", "vue", "next", "nuxt", "nest", "ember", "three", "chart", "express", "deno"]);

/** Path and identifier words with a spoken form of their own. */
const SPOKEN_PARTS: ReadonlyMap<string, string> = new Map([
  ["src", "source"],
  ["stdin", "standard in"],
  ["stdout", "standard out"],
  ["stderr", "standard error"],
  ["CTRL", "control"],
  ["CMD", "command"],
  ["STDIN", "standard in"],
  ["STDOUT", "standard out"],
  ["STDERR", "standard error"],
  ["usr", "user"],
  ["tmp", "temp"],
]);

/** Lower-case words in developer text that are spelled when they stand alone ("npm install", "cd src"). */
const SPELLED_WORDS = new Set(
  (
    "npm npx nvm pnpm tsc ssh scp cd ls rm cp mv pwd cwd jq gcc vm ui ux api apis url urls cli sdk css html sql pdf " +
    "cpu gpu dns tls ssl jwt ws tcp udp http https"
  ).split(" "),
);

const VOWEL = /[AEIOUY]/;

/** One capital part of a SCREAMING_SNAKE name: acronyms stay capitals (to be spelled), words go lower case. */
function capitalPartWords(part: string): string {
  const spoken = SPOKEN_PARTS.get(part);
  if (spoken) return spoken;
  if (ACRONYM_PARTS.has(part) || isKnownCapitalWord(part)) return part;
  if (part.length >= 2 && !VOWEL.test(part)) return part;
  return part.toLowerCase();
}

/** One part of a camelCase or snake_case name. */
function partWords(part: string): string {
  if (/^\d+$/.test(part)) return part;
  const spoken = SPOKEN_PARTS.get(part);
  if (spoken) return spoken;
  if (/^\p{Lu}{2,}$/u.test(part)) return capitalPartWords(part);
  const lower = part.toLowerCase();
  if (LOWER_ACRONYMS.has(lower)) return lower === "ids" ? "IDs" : lower.toUpperCase();
  return part.length === 1 ? part.toUpperCase() : lower;
}

/** Splits an identifier at underscores, hyphens, case changes and digits. */
export function identifierParts(name: string): string[] {
  return name
    .replace(/^[_$]+|[_$]+$/g, "")
    .split(/[_\-$]+/)
    .flatMap((chunk) => chunk.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\d+/gu) ?? [])
    .filter((part) => part !== "");
}

/** The words of one identifier: "getUserById" → "get user by ID", "WS_NO_BUFFER_UTIL" → "WS no buffer util". */
export function identifierWords(name: string): string {
  const parts = identifierParts(name);
  if (parts.length === 0) return name;
  return parts.map(partWords).join(" ");
}

/** The spoken form of a file extension, or undefined when it is not a known one. */
export function extensionWords(extension: string): string | undefined {
  return EXTENSIONS.get(extension.toLowerCase());
}

/** Reads one dotted name: each part as identifier words joined with "dot"; a known extension last is named. */
export function dottedNameWords(name: string): string {
  const parts = name.split(".");
  const last = parts.at(-1) ?? "";
  const extension = parts.length >= 2 ? extensionWords(last) : undefined;
  // "Node.js", "Vue.js", "node.js": a product with a script extension, said without "dot" ("index.js" is a file).
  const head = parts[0] ?? "";
  if (
    parts.length === 2 &&
    extension &&
    /^js$/i.test(last) &&
    (/^\p{Lu}\p{Ll}+$/u.test(head) || JS_PRODUCTS.has(head))
  ) {
    return `${head} ${extension}`;
  }
  const words = parts.map((part, index) =>
    index === parts.length - 1 && extension ? extension : part === "" ? "" : identifierWords(part),
  );
  return words.join(" dot ").trim();
}

/** Whether a bare word is written like an identifier (snake_case, camelCase, PascalCase with two humps). */
export function isIdentifier(word: string): boolean {
  if (/^_*[\p{L}\d]+(?:_+[\p{L}\d]+)+_*$/u.test(word)) return /\p{L}/u.test(word);
  if (/^__\w+__$/.test(word)) return true;
  // camelCase: at least two lower-case letters before the first capital ("iPhone", "eBay" are names).
  if (/^\p{Ll}{2,}[\p{Ll}\d]*\p{Lu}/u.test(word)) return true;
  // PascalCase with two humps of two or more letters ("WebSocket", "XMLHttpRequest"); not "McDonald", "LaTeX".
  if (/^(?:Mc|Mac)\p{Lu}/u.test(word) || /^\p{Lu}+s$/u.test(word)) return false;
  const humps = word.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}\p{Ll}+|\p{Lu}+|\d+/gu) ?? [];
  return (
    /^\p{Lu}/u.test(word) &&
    humps.join("") === word &&
    humps.length >= 2 &&
    humps.every((hump) => hump.length >= 2) &&
    humps.some((hump) => /\p{Ll}/u.test(hump) && hump.length >= 3) &&
    /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u.test(word)
  );
}

/** A dotted chain of names ("chalk.red.bold", "process.env.NODE_ENV", "config.json", "Node.js"). */
const DOTTED_NAME = /(?<![\w.@/\\-])([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$]*)+)(?![\w$]|\.\w)(-?)/g;
/** A hyphenated name with an acronym in it ("utf-8-validate", "https-proxy-agent", "isomorphic-ws"). */
const HYPHENATED_NAME = /(?<![\w.@/\\-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-]|\.\w)/g;
/** A property after a call: "keys(obj).length". */
const PROPERTY_AFTER_CALL = /(?<=\))\.([A-Za-z_$][\w$]*)/g;
/** A file name with a line and optional column ("server.ts:42", "main.rs:10:5"). */
const FILE_LINE = /(?<![\w.@/\\-])([\w.-]+\.[A-Za-z]\w*):(\d+)(?::(\d+))?(?!\d)/g;
/** A dotfile ("`.env`", ".gitignore"). */
const DOTFILE = /(?<=^|[\s("'])\.([A-Za-z][\w-]*)(?![\w]|\.\w)/g;
const ENV_REFERENCE = /(?<![\w$])\$\{?([A-Za-z_]\w*)\}?/g;
/**
 * A word that may be an identifier: it has an underscore or a case change inside. Checked by the regex engine
 * before any callback runs, since most words of prose are plain and the callback is the slow part.
 */
const IDENTIFIER_CANDIDATE =
  /(?<![\w$'’-])(?=[\p{L}\d_$]*(?:[\p{L}\d]_|\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}))[\p{L}_$][\p{L}\d_$]*(?![\w'’-])/gu;
/** Lower-case words with a spoken form of their own or to be spelled ("src", "npm"), found by one alternation. */
const SPECIAL_WORD = new RegExp(
  String.raw`(?<![\w$'’.-])(?:${[...SPOKEN_PARTS.keys(), ...SPELLED_WORDS].join("|")})(?![\w'’-])`,
  "g",
);

function isDottedName(chain: string): boolean {
  const parts = chain.split(".");
  if (/^v?\d/.test(parts[0] ?? "")) return false;
  const last = parts.at(-1) ?? "";
  if (extensionWords(last)) return (parts[0]?.length ?? 0) >= 1;
  if ((parts[0]?.length ?? 0) < 2) return false;
  return parts.every((part) => part.length >= 2);
}

/** File names with lines, dotted names, properties after calls and dotfiles; text without a dot skips them. */
function expandDottedNames(text: string): string {
  if (!text.includes(".")) return text;
  return (
    text
      .replace(FILE_LINE, (match, file = "", line = "", column: string | undefined) =>
        isDottedName(file)
          ? `${dottedNameWords(file)} line ${line}${column === undefined ? "" : `, column ${column}`}`
          : match,
      )
      // "Node.js-like": the hyphen after a name is read as a space.
      .replace(DOTTED_NAME, (match, chain = "") => (isDottedName(chain) ? ` ${dottedNameWords(chain)} ` : match))
      .replace(PROPERTY_AFTER_CALL, (_m, name = "") => ` dot ${identifierWords(name)}`)
      .replace(DOTFILE, (_m, name = "") => `dot ${extensionWords(name) ?? identifierWords(name)}`)
  );
}

/** Rewrites file names with lines, dotted names, dotfiles, `$VARS` and identifiers as words. */
export function expandIdentifiers(text: string): string {
  return expandDottedNames(text)
    .replace(HYPHENATED_NAME, (name) =>
      name.split("-").some((part) => SPELLED_WORDS.has(part) || LOWER_ACRONYMS.has(part))
        ? identifierWords(name)
        : name,
    )
    .replace(ENV_REFERENCE, (_m, name = "") => identifierWords(name))
    .replace(IDENTIFIER_CANDIDATE, (word) => (isIdentifier(word) ? identifierWords(word) : word))
    .replace(SPECIAL_WORD, (word) => {
      const spoken = SPOKEN_PARTS.get(word);
      if (spoken) return spoken;
      return word.endsWith("s") && word.length > 3 ? `${word.slice(0, -1).toUpperCase()}s` : word.toUpperCase();
    });
}

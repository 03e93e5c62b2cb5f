/**
 * A Monarch tokenizer for the Azure CLI scripts learners write (Bash or PowerShell flavour):
 * `az` and its command words, `--flags`, quoted strings, `$VARIABLES`, numbers, comments and
 * line continuations (`\` in Bash, a backtick in PowerShell). `includeLF` lets the rules see
 * each line's end, so a command ends at a line break unless the line continues.
 * Plain data: Monaco compiles it (see monaco-setup.ts); tests run it through Monaco's lexer.
 */
export const AZCLI_LANGUAGE_ID = "nsg-azcli";

export const azCliLanguage = {
  defaultToken: "",
  tokenPostfix: ".azcli",
  includeLF: true,
  tokenizer: {
    root: [
      [/#[^\n]*/, "comment"],
      [/\baz(?=[ \t\n])/, { token: "keyword", next: "@command" }],
      [/\n/, "white"],
      { include: "@common" },
    ],
    /** After `az`: the command words (network nsg rule create), up to the first argument. */
    command: [
      [/[ \t]+/, "white"],
      [/(\\|`)\n/, "keyword.operator"],
      [/\n/, { token: "white", next: "@pop" }],
      [/#[^\n]*/, { token: "comment", next: "@pop" }],
      [/[a-z][a-z0-9-]*(?=[ \t\n])/, "type.identifier"],
      [/(?=\S)/, { token: "", switchTo: "@arguments" }],
    ],
    /** Flags and values, until a line ends without a continuation. */
    arguments: [
      [/(\\|`)\n/, "keyword.operator"],
      [/\n/, { token: "white", next: "@pop" }],
      [/#[^\n]*/, "comment"],
      { include: "@common" },
    ],
    common: [
      [/[ \t]+/, "white"],
      [/(\\|`)\n/, "keyword.operator"],
      [/--?[A-Za-z][\w-]*/, "attribute.name"],
      [/\$\{?[A-Za-z_]\w*\}?/, "variable"],
      [/[A-Za-z_]\w*(?==)/, "variable"],
      [/'[^'\n]*'/, "string"],
      [/'[^'\n]*/, "string.invalid"],
      [/"/, { token: "string.quote", next: "@dstring" }],
      [/\d+(-\d+)?(?![\w./])/, "number"],
      [/[=;|&]/, "delimiter"],
      [/[^\s'"$#=;|&\\`]+/, ""],
      [/[^\n]/, ""],
    ],
    dstring: [
      [/\$\{?[A-Za-z_]\w*\}?/, "variable"],
      [/[^"$\\`]+/, "string"],
      [/[\\`]./, "string.escape"],
      [/"/, { token: "string.quote", next: "@pop" }],
      [/./, "string"],
    ],
  },
};

/** Comments and quote pairs for the editor (Monaco's LanguageConfiguration). */
export const azCliLanguageConfiguration = {
  comments: { lineComment: "#" },
  autoClosingPairs: [
    { open: "'", close: "'", notIn: ["string", "comment"] },
    { open: '"', close: '"', notIn: ["string", "comment"] },
  ],
  surroundingPairs: [
    { open: "'", close: "'" },
    { open: '"', close: '"' },
  ],
};

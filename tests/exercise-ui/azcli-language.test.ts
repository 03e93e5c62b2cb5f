import { describe, expect, it } from "vitest";
// Monaco's own Monarch compiler and lexer run in Node. They are deep imports monaco-editor
// ships without declaration files; monaco-monarch.d.ts beside this test types them.
import { compile } from "monaco-editor/editor/standalone/common/monarch/monarchCompile.js";
import { MonarchTokenizer } from "monaco-editor/editor/standalone/common/monarch/monarchLexer.js";
import type { languages } from "monaco-editor/editor/editor.api.js";
import { AZCLI_LANGUAGE_ID, azCliLanguage } from "../../src/lib/exercise-ui/azcli-language.ts";

function tokenizeLines(lines: string[]): { text: string; type: string }[][] {
  // Plain data, read by Monaco as a Monarch language: cast as monaco-setup.ts does.
  const lexer = compile(AZCLI_LANGUAGE_ID, azCliLanguage as unknown as languages.IMonarchLanguage);
  const languageService = { languageIdCodec: { encodeLanguageId: () => 1 } };
  const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };
  const tokenizer = new MonarchTokenizer(languageService, {}, AZCLI_LANGUAGE_ID, lexer, configuration);
  let state = tokenizer.getInitialState();
  return lines.map((line) => {
    const result = tokenizer.tokenize(line, true, state);
    state = result.endState;
    const tokens = result.tokens;
    return tokens
      .map((t, i) => ({
        text: line.slice(t.offset, tokens[i + 1]?.offset ?? line.length),
        type: t.type.replace(/\.azcli$/, ""),
      }))
      .filter((t) => t.text.trim() !== "");
  });
}

const typeOf = (tokens: { text: string; type: string }[], text: string) =>
  tokens.find((t) => t.text === text)?.type;

describe("the az CLI tokenizer", () => {
  it("marks az, its command words, flags, strings, numbers and variables", () => {
    const [line] = tokenizeLines([
      "az network nsg rule create --nsg-name $NSG --name 'allow ftp' --priority 300 --destination-port-ranges 20-21",
    ]);
    expect(typeOf(line!, "az")).toBe("keyword");
    for (const word of ["network", "nsg", "rule", "create"])
      expect(typeOf(line!, word)).toBe("type.identifier");
    expect(typeOf(line!, "--nsg-name")).toBe("attribute.name");
    expect(typeOf(line!, "$NSG")).toBe("variable");
    expect(typeOf(line!, "'allow ftp'")).toBe("string");
    expect(typeOf(line!, "300")).toBe("number");
    expect(typeOf(line!, "20-21")).toBe("number");
  });

  it("keeps a command going across \\ and backtick continuations, and ends it at a plain line end", () => {
    const lines = tokenizeLines([
      "az network nsg rule create \\",
      "  --name web `",
      "  --priority 100",
      "network",
    ]);
    expect(lines[0]!.at(-1)).toEqual({ text: "\\", type: "keyword.operator" });
    expect(lines[1]!.at(-1)).toEqual({ text: "`", type: "keyword.operator" });
    expect(typeOf(lines[2]!, "--priority")).toBe("attribute.name");
    // After the command ended, a bare word is no longer a command word.
    expect(typeOf(lines[3]!, "network")).toBe("");
  });

  it("reads comments, double-quoted strings with variables, and assignments", () => {
    const lines = tokenizeLines([
      "# open FTP",
      "RG=media-rg",
      'az network nsg rule create --description "for $TEAM" # trailing',
    ]);
    expect(lines[0]).toEqual([{ text: "# open FTP", type: "comment" }]);
    expect(typeOf(lines[1]!, "RG")).toBe("variable");
    expect(typeOf(lines[2]!, "$TEAM")).toBe("variable");
    expect(typeOf(lines[2]!, "# trailing")).toBe("comment");
    expect(lines[2]!.some((t) => t.type === "string.quote")).toBe(true);
  });

  it("flags an unclosed single quote", () => {
    const [line] = tokenizeLines(["az network nsg rule create --name 'oops"]);
    expect(typeOf(line!, "'oops")).toBe("string.invalid");
  });
});

/**
 * The issue codes are a public vocabulary: src/lib/issue-codes.ts and docs/issue-codes.md list
 * the same codes with the same meanings, and every code is kebab-case.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, isIssueCode } from "../../src/lib/issue-codes.ts";

const doc = readFileSync(new URL("../../docs/issue-codes.md", import.meta.url), "utf8");

/** Code → meaning, from every table row of the doc that starts with a code: | `code` | meaning | where | */
const documented = new Map(
  [...doc.matchAll(/^\| `([^`]+)` \| (.+?) \| .* \|$/gm)].map((m) => [m[1]!, m[2]!.replaceAll("`", "")]),
);
const codes = Object.keys(ISSUE_CODES);

describe("issue codes", () => {
  it("are kebab-case", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it("are all documented in docs/issue-codes.md", () => {
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });

  it("are all defined in src/lib/issue-codes.ts when documented", () => {
    expect([...documented.keys()].filter((code) => !isIssueCode(code))).toEqual([]);
  });

  it("mean the same in the doc as in the code", () => {
    for (const [code, meaning] of Object.entries(ISSUE_CODES))
      expect(documented.get(code), code).toBe(meaning);
  });

  it("are documented once each", () => {
    const rows = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(rows.length).toBe(new Set(rows).size);
  });
});

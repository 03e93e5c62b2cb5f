/**
 * Strict JSON is read with the native JSON.parse and located only when asked (strict-json.ts):
 * it must give exactly what the located reader (jsonc-parser) gives, value and places alike.
 * A trailing comment makes a text not strict, so `text + "\n//"` is the same text read located.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonTree, type DataTree } from "../../src/lib/formats/data-tree.ts";
import { MAX_NESTING } from "../../src/lib/formats/sniff.ts";
import type { IssuePath } from "../../src/lib/result.ts";

const located = (text: string) => parseJsonTree(`${text}\n//`);

/** Every path into a value, with one step past each that does not exist. */
function pathsOf(value: unknown, at: IssuePath = []): IssuePath[] {
  const paths: IssuePath[] = [at, [...at, "missing"], [...at, 99]];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...at, i])));
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...at, k]));
  return paths;
}

/** Objects as jsonc-parser makes them: no prototype at any depth. */
function prototypesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(prototypesOf);
  if (typeof value !== "object" || value === null) return [];
  return [Object.getPrototypeOf(value), ...Object.values(value).flatMap(prototypesOf)];
}

function expectSameTree(fast: DataTree, slow: DataTree) {
  expect(fast.value).toStrictEqual(slow.value);
  expect(prototypesOf(fast.value).every((p) => p === null)).toBe(true);
  for (const path of pathsOf(slow.value)) {
    expect(fast.spanAt(path)).toEqual(slow.spanAt(path));
    expect(fast.keySpanAt(path)).toEqual(slow.keySpanAt(path));
  }
}

/** JSON texts as people write them: compact, indented, with escapes and any characters in strings. */
const jsonText = fc
  .tuple(
    fc.jsonValue({ maxDepth: 4, stringUnit: "binary" }),
    fc.constantFrom(undefined, 2, "\t", "\r\n  "),
    fc.constantFrom("", " ", "\n", "\uFEFF"),
  )
  .map(([value, indent, before]) => `${before}${JSON.stringify(value, null, indent as number)}`);

describe("strict JSON read natively", () => {
  it("gives the located reader's value and places, for any JSON text", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const fast = parseJsonTree(text);
        const slow = located(text);
        expect(fast.ok && slow.ok).toBe(true);
        if (fast.ok && slow.ok) expectSameTree(fast.value, slow.value);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves a key written twice to the located reader, which says where, however it is spelled", () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '[{"rules": {"x": [], "x": []}}]',
      '{"a": 1, "\\u0061": 2}',
      '{"a:b": 1, "a:b": ":"}',
      '{"a\\"": 1, "a\\"": 2}',
      '{"b\\\\": ":", "b\\\\": 2}',
      '{"c\\\\\\":": 1, "c\\\\\\":": 2}',
    ]) {
      const tree = parseJsonTree(text);
      expect(tree.ok ? [] : tree.errors.map((e) => e.code)).toEqual(["duplicate-key", "duplicate-key"]);
    }
  });

  it("reads colons and quotes inside strings as text", () => {
    const tree = parseJsonTree('{"a:b": "c:\\"d\\":e", "f": ":"}');
    expect(tree.ok && tree.value.value).toEqual({ "a:b": 'c:"d":e', f: ":" });
  });

  it("keeps a learner's __proto__, toString and constructor as data", () => {
    const text = '{"__proto__": {"x": 1}, "toString": 2}';
    const tree = parseJsonTree(text);
    const slow = located(text);
    expect(tree.ok && slow.ok).toBe(true);
    if (!tree.ok || !slow.ok) return;
    expectSameTree(tree.value, slow.value);
    expect(Object.keys(tree.value.value as object)).toEqual(["__proto__", "toString"]);
    expect("constructor" in (tree.value.value as object)).toBe(false);
  });

  it("refuses nesting past the limit with its place, as the located reader does", () => {
    const deep = `${"[".repeat(MAX_NESTING + 1)}${"]".repeat(MAX_NESTING + 1)}`;
    const tree = parseJsonTree(deep);
    expect(tree.ok ? undefined : tree.errors[0]).toMatchObject({
      code: "nesting-too-deep",
      span: { line: 1, column: MAX_NESTING + 1 },
    });
    expect(parseJsonTree(`${"[".repeat(MAX_NESTING)}1${"]".repeat(MAX_NESTING)}`).ok).toBe(true);
  });
});

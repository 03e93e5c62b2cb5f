/**
 * One JSON slip, one error: the first syntax error, at the place to fix, with a hint that names
 * the slip. jsonc-parser goes on after an error, and what follows from one missing comma used to
 * be listed as 5 to 18 "Invalid JSON" errors.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJsonTree } from "../../src/lib/formats/data-tree.ts";
import { parseLearnerRules } from "../../src/lib/grader/parse-learner-rules.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const lesson3Rule = readFileSync(
  new URL("./fixtures/lesson-3-arm-child-resource.json", import.meta.url),
  "utf8",
);

/** The one error for `text`, with its place as "line:column-endLine:endColumn". */
function onlyError(text: string) {
  const tree = parseJsonTree(text);
  expect(tree.ok).toBe(false);
  if (tree.ok) throw new Error("parsed");
  expect(tree.errors).toHaveLength(1);
  const [error] = tree.errors;
  expect(error!.code).toBe("invalid-json");
  expect(error!.message).toMatch(/^Invalid JSON: /);
  const s = error!.span!;
  return { message: error!.message, at: `${s.line}:${s.column}-${s.endLine}:${s.endColumn}` };
}

describe("a JSON slip gives one located error with a hint", () => {
  it("a missing comma between properties is marked on the value it should follow", () => {
    const e = onlyError('{\n  "name": "a"\n  "priority": 100\n}');
    expect(e.at).toBe("2:11-2:14");
    expect(e.message).toContain('missing "," after "a"');
    expect(e.message).toContain('"priority", is at 3:3');
  });

  it("a missing comma between list items", () => {
    const e = onlyError('[\n  {"a": 1}\n  {"b": 2}\n]');
    expect(e.at).toBe("2:10-2:11");
    expect(e.message).toMatch(/missing "," after "}": list items are separated by commas/);
  });

  it("a trailing comma marks the comma itself, in objects and lists", () => {
    expect(onlyError('{\n  "name": "a",\n}')).toEqual({
      at: "2:14-2:15",
      message: 'Invalid JSON: trailing comma: JSON allows no "," before "}"; delete this comma',
    });
    expect(onlyError('["80", "443",]').message).toContain('no "," before "]"');
  });

  it("an unquoted key, an unquoted value, single quotes", () => {
    expect(onlyError('{ name: "a", priority: 1 }')).toEqual({
      at: "1:3-1:7",
      message: 'Invalid JSON: property names take double quotes: write "name"',
    });
    expect(onlyError('{ "access": Allow }').message).toContain(
      'text values take double quotes: write "Allow"',
    );
    expect(onlyError("{ 'name': 'x' }").message).toContain('not single quotes: write "name"');
    expect(onlyError("{ \"description\": 'from the office' }").message).toContain('write "from the office"');
  });

  it("True, False and None from other languages", () => {
    expect(onlyError('{ "a": True }').message).toContain("write true in lowercase");
    expect(onlyError('{ "a": None }').message).toContain("write null: JSON has no None");
  });

  it("a bracket never closed names where it was opened", () => {
    const e = onlyError('{\n  "web-nsg": [\n    { "name": "a" }\n');
    expect(e.message).toBe(
      'Invalid JSON: the "[" at 2:14 is never closed: the text ends at 3:20 without its "]"',
    );
    expect(e.at).toBe("3:19-3:20");
    expect(onlyError('{ "a": [1, 2 }').message).toBe(
      'Invalid JSON: the "[" at 1:8 is not closed: add "]" before this "}"',
    );
    expect(onlyError('[ { "a": 1 ]').message).toContain('the "{" at 1:3 is not closed: add "}"');
  });

  it("a rule whose closing brace is missing before the next rule", () => {
    expect(onlyError('[ {"a": 1 , {"b": 2} ]').message).toContain('is a "}" missing before it');
  });

  it("text after the end, and several documents", () => {
    expect(onlyError('{ "a": 1 }}').message).toContain('an extra "}": the document already ended at 1:10');
    expect(onlyError('{"a": 1}\n{"b": 2}').message).toContain("put several rules in one list");
    expect(onlyError('{"a": 1},').message).toContain('a "," after the end of the document');
  });

  it("properties pasted without their braces", () => {
    const fragment =
      '"sourceAddressPrefixes": ["203.0.113.0/24", "198.51.100.64/26"],\n"destinationPortRanges": ["80", "443"]';
    expect(onlyError(fragment)).toEqual({
      at: "1:1-1:24",
      message: "Invalid JSON: properties without the { } around them: wrap the whole text in { and }",
    });
  });

  it("a missing colon, a missing value, two commas, a leading zero, an open string", () => {
    expect(onlyError('{ "a" 1 }').message).toContain('missing ":" after the property name "a"');
    expect(onlyError('{ "a": , "b": 1 }').message).toContain('missing value after ":"');
    expect(onlyError('{"a": 1,, "b": 2}').message).toContain("two commas in a row");
    expect(onlyError('{"priority": 0100}').message).toContain("numbers cannot start with 0");
    expect(onlyError('{ "a": "abc\n}').message).toContain('the string "abc is not closed');
  });

  it("empty text, and text ending after a colon", () => {
    expect(onlyError("").message).toBe("Invalid JSON: expected a value, but the text is empty");
    expect(onlyError('{"a":').message).toContain('missing value after ":"');
  });

  it("a comment that is never closed", () => {
    expect(onlyError('{ /* a note\n "a": 1 }').message).toContain('comment is not closed (missing "*/")');
  });

  it("the lesson 3 rule with one comma deleted gives one error, not a cascade", () => {
    const slip = lesson3Rule.replace('"priority": 200,', '"priority": 200');
    expect(slip).not.toBe(lesson3Rule);
    const doc = parseLearnerRules(slip, exerciseFile("fix-shadowed-allow.yaml"), "json");
    expect(!doc.ok && doc.errors).toEqual([
      expect.objectContaining({
        code: "invalid-json",
        message:
          'Invalid JSON: missing "," after 200: properties are separated by commas (the next one, "direction", is at 8:5)',
        span: { line: 7, column: 17, endLine: 7, endColumn: 20 },
      }),
    ]);
  });

  it("many slips still give one error, the first", () => {
    const slips = "{ name: 'a', priority: 100, access: Allow, direction: Inbound, }";
    expect(onlyError(slips).at).toBe("1:3-1:7");
  });
});

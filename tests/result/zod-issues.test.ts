/** Zod's issues become ours with a code chosen from zod's own issue code, never from its message. */
import { describe, expect, it } from "vitest";
import { z } from "../../src/lib/zod.ts";
import { customIssue, fromZodError, parseSchema } from "../../src/lib/nsg/zod-issues.ts";
import { fail, issue, joinMessages, ok } from "../../src/lib/result.ts";

const schema = z
  .strictObject({ name: z.string(), count: z.number().min(1), kind: z.enum(["a", "b"]) })
  .superRefine((value, ctx) => {
    if (value.name === "taken") ctx.addIssue(customIssue("duplicate-name", "name is taken", ["name"]));
  });

describe("parseSchema", () => {
  it("returns the value when it validates", () => {
    expect(parseSchema(schema, { name: "x", count: 2, kind: "a" })).toEqual(
      ok({ name: "x", count: 2, kind: "a" }),
    );
  });

  it("tells a missing field from a wrong one, and words unknown properties itself", () => {
    const result = parseSchema(schema, { count: "2", kind: "c", colour: "red" }, ["thing"]);
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ["missing-field", ["thing", "name"]],
      ["invalid-type", ["thing", "count"]],
      ["invalid-value", ["thing", "kind"]],
      ["unknown-field", ["thing", "colour"]],
    ]);
    expect(!result.ok && result.errors[3]!.message).toBe('unknown property "colour"');
  });

  it("keeps the code a custom issue carries", () => {
    expect(parseSchema(schema, { name: "taken", count: 1, kind: "b" })).toEqual(
      fail([{ code: "duplicate-name", message: "name is taken", path: ["name"] }]),
    );
  });

  it("leaves a schema's own wording of unknown properties alone", () => {
    const worded = z.strictObject({}, { error: () => "no properties here" });
    expect(parseSchema(worded, { x: 1 })).toEqual(
      fail([{ code: "unknown-field", message: "no properties here", path: ["x"] }]),
    );
  });
});

describe("fromZodError", () => {
  it("never calls a field missing when the parse did not report its input", () => {
    const parsed = schema.safeParse({ count: 1, kind: "a" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fromZodError(parsed.error).map((e) => e.code)).toEqual(["invalid-type"]);
  });
});

describe("result helpers", () => {
  it("build issues and results", () => {
    expect(issue("invalid-json", "broken")).toEqual({ code: "invalid-json", message: "broken", path: [] });
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(joinMessages([issue("invalid-ip", "a"), issue("invalid-cidr", "b")])).toBe("a; b");
  });
});

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadExercise } from "../../src/lib/grader/index.ts";
import { exerciseJsonSchema } from "../../src/lib/grader/json-schema.ts";

const minimal = `id: tiny
title: Tiny
kind: author-rules
topology:
  vnets: [{ name: v, addressSpace: [10.0.0.0/16], subnets: [{ name: s, addressPrefix: 10.0.0.0/24 }] }]
  vms: [{ name: vm, nics: [{ name: nic, subnet: v/s, privateIp: 10.0.0.4, nsg: n }] }]
  nsgs: [{ name: n }]
editable: [n]
expectations:
  - { name: web, flow: { from: 8.8.8.8, to: vm, protocol: Tcp, port: 80 }, expect: allow }
`;

describe("loading exercise files", () => {
  it("loads a minimal exercise with defaults filled in", () => {
    const loaded = loadExercise(minimal);
    expect(loaded.ok && loaded.value).toMatchObject({ id: "tiny", subscription: "pay-as-you-go", hints: [] });
  });

  it("puts schema errors at their line and column", () => {
    const broken = minimal
      .replace("kind: author-rules", "kind: write-rules")
      .replace("port: 80 }", "port: 80, color: red }");
    const loaded = loadExercise(broken);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const where = loaded.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '3:7 kind must be "author-rules", "fix-rules", "predict" or "read-logs"',
        expect.stringMatching(/^10:\d+ unknown property "color"/),
      ]),
    );
  });

  it("puts topology reference errors at their place", () => {
    const loaded = loadExercise(minimal.replace("nsg: n }", "nsg: nope }"));
    expect(!loaded.ok && loaded.errors.map((e) => `${e.span?.line} ${e.message}`)).toEqual([
      '6 NSG "nope" is not defined in nsgs',
    ]);
    expect(!loaded.ok && loaded.errors.map((e) => e.code)).toEqual(["unknown-nsg"]);
  });

  it("refuses an editable NSG that does not exist", () => {
    const loaded = loadExercise(minimal.replace("editable: [n]", "editable: [m]"));
    expect(!loaded.ok && loaded.errors[0]).toMatchObject({
      code: "unknown-nsg",
      message: 'editable NSG "m" is not in topology.nsgs',
      span: { line: 8 },
    });
  });

  it("keeps the published JSON Schema in step with the zod schema", () => {
    const published = JSON.parse(
      readFileSync(new URL("../../public/schema/exercise.schema.json", import.meta.url), "utf8"),
    ) as ReturnType<typeof exerciseJsonSchema>;
    expect(published).toEqual(exerciseJsonSchema());
  });
});

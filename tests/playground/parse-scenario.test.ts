import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioTree } from "../../src/lib/playground/parse-scenario.ts";
import { BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { twoVmScenario, rule } from "./scenario.ts";

const at = (result: ReturnType<typeof parseScenario>) =>
  result.ok ? [] : result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`);
const codes = (result: ReturnType<typeof parseScenario>) =>
  result.ok ? [] : result.errors.map((e) => e.code);

describe("reading a scenario document", () => {
  it("reads the blank starter (YAML) with its sample flows", () => {
    const result = parseScenario(BLANK_SCENARIO);
    expect(at(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.format).toBe("yaml");
    expect(result.value.title).toBe("Two-tier starter");
    expect(result.value.topology.vms.map((v) => v.name)).toEqual(["vm-web", "vm-db"]);
    expect(result.value.flows).toHaveLength(2);
  });

  it("reads JSON, defaulting the subscription to pay-as-you-go", () => {
    const result = parseScenario(JSON.stringify({ topology: { vnets: [], vms: [], nsgs: [] } }));
    expect(result.ok && result.value.format).toBe("json");
    expect(result.ok && result.value.subscription).toBe("pay-as-you-go");
  });

  it("loads every exercise file, its expectations becoming sample flows", () => {
    for (const file of readdirSync("graders").filter((f) => f.endsWith(".yaml"))) {
      const text = readFileSync(`graders/${file}`, "utf8");
      const result = parseScenario(text);
      expect(at(result), file).toEqual([]);
      if (result.ok) expect(result.value.flows.length, file).toBeGreaterThan(0);
    }
  });

  it("locates a YAML syntax error", () => {
    const text = "topology:\n  vnets:\n    - name: v\n   bad: [\n";
    const errors = at(parseScenario(text));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^\d+:\d+ Invalid YAML/);
    expect(codes(parseScenario(text))[0]).toBe("yaml-syntax");
  });

  it("points an unknown property at its key", () => {
    const text = "topology:\n  vnets: []\n  vmz: []\n";
    expect(at(parseScenario(text))).toEqual(['3:3 unknown property "vmz"']);
    expect(codes(parseScenario(text))).toEqual(["unknown-field"]);
  });

  it("points an unknown top-level property at its key and names the known ones", () => {
    expect(at(parseScenario("topology: {}\nsubscriptoin: msdn\n"))[0]).toMatch(
      /^2:1 unknown property "subscriptoin": a scenario has title, subscription, topology and flows/,
    );
  });

  it("locates a rule error at its value", () => {
    const text = twoVmScenario({ webNic: [rule("ok", 100), rule("bad", 5000)] });
    const errors = at(parseScenario(text));
    expect(errors).toHaveLength(1);
    const line = text.split("\n").findIndex((l) => l.includes('"priority": 5000')) + 1;
    expect(errors[0]).toMatch(new RegExp(`^${line}:\\d+ priority 5000 is out of range`));
    expect(codes(parseScenario(text))).toEqual(["priority-out-of-range"]);
  });

  it("locates whole-scenario checks (a reference to an NSG that does not exist)", () => {
    const text =
      "topology:\n  vnets:\n    - name: v\n      addressSpace: [10.0.0.0/16]\n      subnets:\n        - { name: s, addressPrefix: 10.0.0.0/24, nsg: nope }\n";
    expect(at(parseScenario(text))).toEqual(['6:55 NSG "nope" is not defined in nsgs']);
    expect(codes(parseScenario(text))).toEqual(["unknown-nsg"]);
  });

  it("says what is missing when there is no topology, and when it is not nested", () => {
    expect(at(parseScenario("subscription: msdn\n"))[0]).toMatch(/topology is missing/);
    expect(at(parseScenario("vnets: []\nvms: []\n"))[0]).toMatch(
      /put vnets, vms, asgs and nsgs under a topology: key/,
    );
    expect(at(parseScenario("   \n"))[0]).toMatch(/^1:1 The scenario is empty/);
    expect(codes(parseScenario("   \n"))).toEqual(["empty-document"]);
    expect(codes(parseScenario("subscription: msdn\n"))).toEqual(["missing-field"]);
  });

  it("rejects a sample flow that is not a flow, located", () => {
    const text = "topology: {}\nflows:\n  - name: x\n    flow: { from: a, to: b, protocol: Gre }\n";
    expect(at(parseScenario(text))[0]).toMatch(/^4:\d+ protocol must be one of/);
  });
});

describe("reading one text in steps", () => {
  it("gives each step what the one before made, and reads a changed text anew", () => {
    const broken = BLANK_SCENARIO.replace("priority: 100", "priority: 99");
    const line = BLANK_SCENARIO.split("\n").findIndex((l) => l.includes("priority: 100")) + 1;
    const tree = scenarioTree(BLANK_SCENARIO);
    const first = parseScenario(BLANK_SCENARIO);
    expect(first.ok).toBe(true);
    expect(scenarioTree(BLANK_SCENARIO)).toBe(tree);
    expect(parseScenario(BLANK_SCENARIO)).toBe(first);
    // Another text in between is read on its own, then the first is read again as it was.
    const other = parseScenario(broken);
    expect(other.ok ? [] : other.errors.map((e) => [e.code, e.span?.line])).toEqual([
      ["priority-out-of-range", line],
    ]);
    expect(parseScenario(BLANK_SCENARIO)).toStrictEqual(first);
  });
});

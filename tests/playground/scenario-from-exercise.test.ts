import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseScenario } from "../../src/lib/playground/parse-scenario.ts";
import { scenarioFromExercise } from "../../src/lib/playground/scenario-from-exercise.ts";
import { loadExercise } from "../../src/lib/grader/load-exercise.ts";

describe("an exercise loaded into the playground", () => {
  const files = readdirSync("graders").filter((f) => f.endsWith(".yaml"));

  it("keeps the network and the flows, drops what would spoil the exercise", () => {
    for (const file of files) {
      const raw = readFileSync(`graders/${file}`, "utf8");
      const exercise = loadExercise(raw);
      if (!exercise.ok) throw new Error(file);
      const text = scenarioFromExercise(raw, `graders/${file}`);
      const data = parse(text) as Record<string, unknown>;
      expect(Object.keys(data).sort(), file).toEqual(expect.arrayContaining(["topology", "flows"]));
      for (const gone of ["solution", "starter", "hints", "description", "expectations", "editable"])
        expect(data, `${file} ${gone}`).not.toHaveProperty(gone);
      expect(text).toMatch(new RegExp(`^# Scenario from the exercise graders/${file}`));
      const scenario = parseScenario(text);
      if (!scenario.ok) throw new Error(`${file}: ${JSON.stringify(scenario.errors)}`);
      expect(scenario.value.topology).toEqual(exercise.value.topology);
      expect(scenario.value.subscription).toBe(exercise.value.subscription);
      expect(scenario.value.flows.map((f) => f.name)).toEqual(exercise.value.expectations.map((e) => e.name));
      expect(JSON.stringify(data.flows)).not.toMatch(/"expect"|"decidedBy"/);
    }
  });

  it("keeps comments written in the topology", () => {
    const raw =
      "id: x\ntitle: T\nkind: predict\ntopology:\n  # the lab network\n  vnets: []\nexpectations:\n  - name: n\n    flow: { from: a, to: b, protocol: Tcp, port: 1 }\n    expect: allow\n";
    const text = scenarioFromExercise(raw, "graders/x.yaml");
    expect(text).toContain("# the lab network");
    expect(text).not.toContain("expect: allow");
  });
});

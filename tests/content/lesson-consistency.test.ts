/**
 * What a lesson says agrees with itself and with the evaluator: counts match the tables they
 * introduce, and a diagram names the rule the evaluator says decides.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEvaluator } from "../../src/lib/nsg/evaluator.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const read = (path: string) => readFileSync(path, "utf8");
const NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

describe("lesson 2's example network", () => {
  const lesson = read("content/lessons/02-nsgs-and-where-they-attach.mdx");
  const section = lesson.slice(lesson.indexOf("## The example network"), lesson.indexOf("<NsgPlacement"));

  it("counts the subnets its table lists", () => {
    const subnets = new Set(
      section
        .split("\n")
        .filter((l) => /^\| `snet-/.test(l))
        .map((l) => l.split("|")[1]!.trim()),
    );
    expect(subnets.size).toBe(3);
    const said = /All (\w+) subnets belong/.exec(section)?.[1];
    expect(said, "the sentence under the table").toBe(NUMBERS[subnets.size]);
  });
});

describe("lesson 1's health probe", () => {
  const exercise = exerciseFile("new-vm-what-gets-in.yaml");
  const probe = exercise.expectations.find((e) => e.flow.from === "168.63.129.16")!;
  const built = createEvaluator(exercise.topology, exercise.subscription);
  if (!built.ok) throw new Error("lesson 1's exercise does not build");
  const verdict = built.value.evaluate(probe.flow);
  if (!verdict.ok) throw new Error("the probe flow does not evaluate");
  const last = verdict.value.steps.at(-1)!;

  it("is decided by AllowVnetInBound (65000) in the evaluator, because 168.63.129.16 is in VirtualNetwork", () => {
    expect(verdict.value.access).toBe("Allow");
    expect(last).toMatchObject({ kind: "nsg", rule: { name: "AllowVnetInBound", priority: 65000 } });
    expect(probe.decidedBy).toBe("AllowVnetInBound");
  });

  it("is drawn with that rule in the lesson's diagram", () => {
    const diagram = read("src/components/diagrams/DefaultVmExposure.astro");
    const entry = /\{[^{}]*ip: "168\.63\.129\.16"[^{}]*\}/.exec(diagram)?.[0] ?? "";
    expect(entry).toMatch(/rule: "AllowVnetInBound"/);
    expect(entry).toMatch(/priority: 65000\b/);
    expect(diagram).toMatch(
      /health probe from 168\.63\.129\.16 is allowed by AllowVnetInBound, priority 65000/,
    );
  });

  it("is explained in the lesson: the first matching default rule decides", () => {
    const lesson = read("content/lessons/01-new-vms-are-locked-down.mdx");
    expect(lesson).toMatch(/### Which rule lets the health probe in\?/);
    expect(lesson).toMatch(/stops at the first rule that matches/);
    expect(lesson).toMatch(/already matches `AllowVnetInBound` at 65000/);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { parseDataRules } from "../../src/lib/formats/parse-data-rules.ts";
import { gradeSubmission, loadExercise } from "../../src/lib/grader/index.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";

/**
 * Whatever a learner or author types or pastes, the parsers answer with a result: never an
 * exception, and every error says where it is.
 */
const ftp = exerciseFile("ftp-active.yaml");
const validJson = json([ftpRule(), ftpRule({ name: "b", priority: 310, destinationPortRange: "990" })]);
const exerciseText = readFileSync("graders/ftp-active.yaml", "utf8");

/** Mutations that keep text close to valid: deletions, insertions and replacements of slices. */
const mutated = (base: string) =>
  fc
    .tuple(
      fc.nat(base.length),
      fc.nat(40),
      fc.string({ maxLength: 12, unit: fc.constantFrom(..."{}[]\",:*-/ \n\t#`\\'az0192.".split("")) }),
    )
    .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut)));

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 300, unit: "grapheme" }),
  fc.json({ maxDepth: 4 }),
);

describe("fuzzing learner and author input", () => {
  it("JSON/YAML rule parsing never throws and locates every error", () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, mutated(validJson)),
        fc.constantFrom<"json" | "yaml" | "auto">("json", "yaml", "auto"),
        (text, format) => {
          const result = parseDataRules(text, format, { editable: ["nsg-snet-ingest"] });
          if (!result.ok) for (const e of result.errors) expect(e.span).toBeDefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it("grading any text never throws; invalid reports carry located errors", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(validJson), mutated(ftp.solution!)), (text) => {
        const report = gradeSubmission(ftp, text);
        if (report.status === "invalid") {
          expect(report.errors.length + report.warnings.length).toBeGreaterThan(0);
          for (const e of report.errors) expect(e.span, e.message).toBeDefined();
        } else expect(report.passed + report.failed).toBe(ftp.expectations.length);
      }),
      { numRuns: 300 },
    );
  });

  it("exercise files never make the loader throw, and errors are located", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(exerciseText)), (text) => {
        const loaded = loadExercise(text);
        if (!loaded.ok) for (const e of loaded.errors) expect(e.span, e.message).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("a 1 MB paste of rules is parsed and validated without stalling", () => {
    const rules = Array.from({ length: 1000 }, (_, i) =>
      ftpRule({ name: `r${i}`, priority: 100 + i, description: "x".repeat(120) }),
    );
    const text = json(rules);
    const big = text + " ".repeat(Math.max(0, 1_000_000 - text.length));
    const report = gradeSubmission(ftp, big);
    expect(report.status).toBe("graded");
  });
});

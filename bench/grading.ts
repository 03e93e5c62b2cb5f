/**
 * Grading latency as a learner meets it: the whole pipeline (parse the editor text, validate,
 * apply to the exercise, evaluate every expectation, explain misses, lint), for a typical
 * edit and for a pasted 1,000-rule NSG in both learner formats.
 */
import { readFileSync } from "node:fs";
import { exportRules } from "../src/lib/formats/export/index.ts";
import { gradeSubmission, loadExercise, type Exercise } from "../src/lib/grader/index.ts";
import { securityRuleSchema, toArmRule, type SecurityRule } from "../src/lib/nsg/index.ts";
import { generateRules } from "./generators.ts";
import { measure, ms, ratio } from "./measure.ts";
import { seeded } from "./random.ts";

/** One frame at 60 Hz: typing feels instant when a re-grade fits in it. */
const FRAME_MS = 16;
/** A pasted maximal NSG should grade in well under a second (it runs off the typing path). */
const PASTE_TARGET_MS = 1000;

function exercise(): Exercise {
  const loaded = loadExercise(readFileSync("graders/ftp-active.yaml", "utf8"));
  if (!loaded.ok) throw new Error("graders/ftp-active.yaml is invalid");
  return loaded.value;
}

function largeRules(count: number): SecurityRule[] {
  const rules = generateRules(seeded(7), count).map((r) =>
    securityRuleSchema.parse({ ...r, direction: "Inbound" }),
  );
  // Unique priorities in one direction, as Azure requires.
  return rules.map((r, i) => ({ ...r, name: `rule-${i}`, priority: 100 + i }));
}

/**
 * A grade of one pasted NSG of `count` rules in both directions (priorities unique per
 * direction): the text is written first, so that only the grade is timed.
 */
export function largePasteGrade(count: number): () => void {
  const ftp = exerciseOnce();
  const half = Math.ceil(count / 2);
  const rules = largeRules(count).map((r, i) =>
    i < half ? r : { ...r, direction: "Outbound" as const, priority: 100 + i - half },
  );
  const json = JSON.stringify({ [ftp.editable[0]!]: rules.map(toArmRule) });
  return () => {
    const report = gradeSubmission(ftp, json);
    if (report.status !== "graded")
      throw new Error(`${count}-rule paste did not grade: ${report.errors[0]?.message}`);
  };
}

let loaded: Exercise | undefined;
const exerciseOnce = (): Exercise => (loaded ??= exercise());

export function gradingBench(line: (label: string, value: string) => void): void {
  const ftp = exercise();
  const typical = ftp.solution!;
  const typicalRun = measure(() => gradeSubmission(ftp, typical), { warmup: 20, runs: 50 });

  const rules = largeRules(1000);
  const nsg = ftp.editable[0]!;
  const json = JSON.stringify({ [nsg]: rules.map(toArmRule) }, null, 2);
  const azcli = exportRules("azcli", [{ nsg, rules }], { resourceGroup: "rg-nsg-lab" });
  const check = (text: string) => {
    const report = gradeSubmission(ftp, text);
    if (report.status !== "graded")
      throw new Error(`large paste did not grade: ${report.errors[0]?.message}`);
  };
  const jsonRun = measure(() => check(json), { warmup: 1, runs: 5 });
  const cliRun = measure(() => check(azcli), { warmup: 1, runs: 5 });

  console.log(
    `\n3. Grading a submission end to end (parse, validate, evaluate ${ftp.expectations.length} checks, explain, lint)`,
  );
  line(
    "typical edit (the FTP capstone's solution)",
    `${ms(typicalRun.median)}  ${ratio(typicalRun.median, FRAME_MS)} of one 60 Hz frame`,
  );
  line(
    `1,000-rule paste as JSON (${Math.round(json.length / 1024)} KB)`,
    `${ms(jsonRun.median)}  ${ratio(jsonRun.median, PASTE_TARGET_MS)}`,
  );
  line(
    `1,000-rule paste as az CLI (${Math.round(azcli.length / 1024)} KB)`,
    `${ms(cliRun.median)}  ${ratio(cliRun.median, PASTE_TARGET_MS)}`,
  );
}

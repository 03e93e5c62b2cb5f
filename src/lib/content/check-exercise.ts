import { compareNetworks } from "../compare/compare-networks.ts";
import { applyRules } from "../grader/apply-rules.ts";
import { changesBetween, changeSummary, changeSize, changeText } from "../grader/change-size.ts";
import { gradeSubmission, gradeTopology, isComplete, loadExercise, type Exercise } from "../grader/index.ts";
import { parseLearnerRules } from "../grader/parse-learner-rules.ts";
import { referenceNetwork } from "../grader/reference.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import { checkSolutionFormats } from "./check-solution-formats.ts";
import { checkLogExercise } from "./check-log-exercise.ts";
import { unneededChanges } from "./fix-minimality.ts";
import { solutionMutants } from "./solution-mutants.ts";
import type { IssueCode } from "../issue-codes.ts";
import type { Issue, IssuePath } from "../result.ts";

/**
 * What `npm run check:content` asks of every exercise, beyond its schema: that it can be
 * solved (the reference solution passes every expectation, also once converted to each of the
 * editor's formats), that it teaches something (the starter fails at least one), and that every
 * expectation's `expect` is what Azure would do for the solution. Problems are located in the
 * exercise file where possible.
 */
export interface ExerciseCheck {
  exercise?: Exercise;
  errors: Issue[];
  /** For authors: typical wrong answers that only the comparison with the reference catches. */
  notes: string[];
}

export function checkExerciseText(text: string): ExerciseCheck {
  const loaded = loadExercise(text);
  if (!loaded.ok) return { errors: loaded.errors, notes: [] };
  const exercise = loaded.value;
  const errors: Issue[] = [];
  const at = (code: IssueCode, message: string, path: IssuePath) => errors.push({ code, message, path });

  if (exercise.kind === "predict" || exercise.kind === "read-logs") {
    checkVerdicts(exercise, at);
    if (exercise.kind === "read-logs" && errors.length === 0) checkLogExercise(exercise, at);
    return { exercise, errors, notes: [] };
  }

  if (exercise.solution === undefined)
    at("missing-field", "an author-rules exercise needs a reference solution", ["solution"]);
  else {
    const solved = gradeSubmission(exercise, exercise.solution);
    if (solved.status === "invalid")
      solved.errors.forEach((e) =>
        at(e.code, `solution ${e.span ? `line ${e.span.line}` : ""}: ${e.message}`, ["solution"]),
      );
    solved.results.forEach((r, i) => {
      if (!r.pass)
        at("solution-fails", `the solution fails "${r.name}": ${r.explanation ?? ""}`, ["expectations", i]);
    });
  }
  const notes: string[] = [];
  if (errors.length === 0) {
    const formats = checkSolutionFormats(exercise);
    errors.push(...formats.errors);
    notes.push(...formats.notes);
  }
  if (errors.length === 0) notes.push(...checkMutants(exercise, at));
  const starter = gradeSubmission(exercise, exercise.starter ?? "");
  if (isComplete(starter)) {
    at(
      "starter-passes",
      "the starter already passes every expectation: add an expectation that the starter fails",
      [exercise.starter === undefined ? "expectations" : "starter"],
    );
  }
  if (starter.status === "invalid" && exercise.starter !== undefined) {
    starter.errors.forEach((e) =>
      at(e.code, `starter ${e.span ? `line ${e.span.line}` : ""}: ${e.message}`, ["starter"]),
    );
  }
  if (exercise.kind === "fix-rules" && errors.length === 0) notes.push(...checkFix(exercise, at));
  return { exercise, errors, notes };
}

/** Every expectation's `expect` (and `decidedBy`) is what the evaluator says of the scenario as written. */
function checkVerdicts(exercise: Exercise, at: (code: IssueCode, message: string, path: IssuePath) => void) {
  const report = gradeTopology(exercise, exercise.topology);
  if (report.status === "invalid") report.errors.forEach((e) => at(e.code, `scenario: ${e.message}`, e.path));
  report.results.forEach((r, i) => {
    if (r.actual === "error")
      at("invalid-flow", `expectation "${r.name}": ${r.explanation}`, ["expectations", i, "flow"]);
    else if (!r.pass)
      at(
        "expectation-mismatch",
        `expectation "${r.name}" says ${r.expect}${r.decidedBy ? ` decided by ${r.decidedBy}` : ""} but the evaluator says ${r.actual} (${r.decider})`,
        ["expectations", i, "expect"],
      );
  });
}

/**
 * A fix-rules exercise starts from its scenario's rules (the starter, when there is one, must
 * say exactly those), and its solution is the smallest known fix: every change it makes is needed.
 */
function checkFix(exercise: Exercise, at: (code: IssueCode, message: string, path: IssuePath) => void) {
  if (exercise.starter !== undefined) {
    const doc = parseLearnerRules(exercise.starter, exercise);
    const applied = doc.ok ? applyRules(exercise, doc.value) : undefined;
    if (applied?.ok) {
      const changes = changesBetween(exercise.topology, applied.value);
      if (changes.length > 0)
        at(
          "starter-not-scenario",
          `the starter must hold the broken rules as the scenario has them, but it changes them: ${changes.map(changeText).join("; ")}`,
          ["starter"],
        );
    }
  }
  const { changes, unneeded } = unneededChanges(exercise);
  if (changes.length === 0)
    at("fix-not-minimal", "the solution changes nothing: a fix-rules solution is the smallest fix", [
      "solution",
    ]);
  for (const change of unneeded)
    at(
      "fix-not-minimal",
      `the solution's change "${changeText(change)}" is not needed: without it every check still passes and nothing differs, so a smaller fix exists; leave it out`,
      ["solution"],
    );
  return changes.length > 0 ? [`the smallest known fix: ${changeSummary(changeSize(changes))}`] : [];
}

/**
 * Grades the typical wrong answers made from the solution. One that passes while it differs from
 * the reference is an error (the grader would accept a wrong answer); one that only the
 * comparison catches is a note, so the author can add a listed check that teaches it.
 */
function checkMutants(
  exercise: Exercise,
  at: (code: IssueCode, message: string, path: IssuePath) => void,
): string[] {
  const reference = referenceNetwork(exercise);
  if (!reference?.ok) return [];
  const notes: string[] = [];
  for (const mutant of solutionMutants(reference.value.topology, exercise.editable)) {
    const report = gradeTopology(exercise, mutant.topology);
    if (report.status === "invalid") continue;
    const evaluator = createEvaluator(mutant.topology, exercise.subscription);
    const differs =
      evaluator.ok &&
      compareNetworks(evaluator.value, reference.value.evaluator, { editable: exercise.editable }).length > 0;
    if (!differs) continue; // the same network in other words: not a wrong answer
    if (isComplete(report))
      at(
        "mutant-passes",
        `a typical wrong answer passes: ${mutant.description}; add a listed check, or narrow acceptedDifferences`,
        ["solution"],
      );
    else if (report.failed === 0)
      notes.push(`only the comparison with the reference catches: ${mutant.description} (${mutant.kind})`);
  }
  return notes;
}

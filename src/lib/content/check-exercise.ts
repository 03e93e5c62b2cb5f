import { compareNetworks } from "../compare/compare-networks.ts";
import { gradeSubmission, gradeTopology, isComplete, loadExercise, type Exercise } from "../grader/index.ts";
import { referenceNetwork } from "../grader/reference.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import { checkSolutionFormats } from "./check-solution-formats.ts";
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

  if (exercise.kind === "predict") {
    const report = gradeTopology(exercise, exercise.topology);
    if (report.status === "invalid")
      report.errors.forEach((e) => at(e.code, `scenario: ${e.message}`, e.path));
    report.results.forEach((r, i) => {
      if (r.actual === "error")
        at("invalid-flow", `expectation "${r.name}": ${r.explanation}`, ["expectations", i, "flow"]);
      else if (!r.pass)
        at(
          "expectation-mismatch",
          `expectation "${r.name}" says ${r.expect} but the evaluator says ${r.actual} (${r.decider})`,
          ["expectations", i, "expect"],
        );
    });
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
  return { exercise, errors, notes };
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

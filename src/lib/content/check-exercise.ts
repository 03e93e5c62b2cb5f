import { gradeSubmission, gradeTopology, loadExercise, type Exercise } from "../grader/index.ts";
import type { IssueCode } from "../issue-codes.ts";
import type { Issue, IssuePath } from "../result.ts";

/**
 * What `npm run check:content` asks of every exercise, beyond its schema: that it can be
 * solved (the reference solution passes every expectation), that it teaches something (the
 * starter fails at least one), and that every expectation's `expect` is what Azure would do
 * for the solution. Problems are located in the exercise file where possible.
 */
export interface ExerciseCheck {
  exercise?: Exercise;
  errors: Issue[];
}

export function checkExerciseText(text: string): ExerciseCheck {
  const loaded = loadExercise(text);
  if (!loaded.ok) return { errors: loaded.errors };
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
    return { exercise, errors };
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
  const starter = gradeSubmission(exercise, exercise.starter ?? "");
  if (starter.status === "graded" && starter.failed === 0) {
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
  return { exercise, errors };
}

import { convertRules, summaryOf } from "../exercise-ui/format-conversion.ts";
import { FORMAT_LABEL, ruleFormatOf, type EditorFormat } from "../exercise-ui/editor-format.ts";
import { detectRuleFormat, gradeSubmission, writesRules, type Exercise } from "../grader/index.ts";
import { issue, type Issue } from "../result.ts";

/**
 * A learner may write an exercise in any of the editor's text formats, and switch between them
 * as they go; so the reference solution must solve it in each. This converts the solution into
 * every format with the editor's own converters and grades the result: every check must pass and
 * the semantic comparison must find no difference. A format the solution cannot be written in
 * (associations have no JSON form) is a note, with the reason the editor would give.
 */

/** The editor's text formats, in which a solution can be written and graded. */
export const SOLUTION_FORMATS = [
  "json",
  "azcli",
  "powershell",
  "form",
] as const satisfies readonly EditorFormat[];

export interface SolutionFormatsCheck {
  errors: Issue[];
  notes: string[];
}

/** The conversion the editor's format switch makes; a parameter so the check itself can be tested. */
export type Convert = typeof convertRules;

const CANNOT_EXPRESS = new Set(["not-expressible-in-json", "not-expressible-in-powershell"]);

export function checkSolutionFormats(
  exercise: Exercise,
  convert: Convert = convertRules,
): SolutionFormatsCheck {
  const errors: Issue[] = [];
  const notes: string[] = [];
  const solution = exercise.solution;
  if (!writesRules(exercise) || solution === undefined) return { errors, notes };
  const from = detectRuleFormat(solution);
  if (from === "yaml") {
    notes.push(
      "the solution is YAML, which the editor does not offer, so it is not converted to its formats",
    );
    return { errors, notes };
  }
  // The solution's own format is graded as written by checkExerciseText.
  for (const to of SOLUTION_FORMATS.filter((f) => f !== from)) {
    const as = FORMAT_LABEL[to];
    const converted = convert(exercise, solution, from, to);
    if (!converted.ok) {
      const reason = summaryOf(converted);
      if (CANNOT_EXPRESS.has(converted.errors[0]?.code ?? ""))
        notes.push(`the solution is not checked as ${as}: ${reason}`);
      else
        errors.push(
          issue("solution-format-fails", `the solution cannot be converted to ${as}: ${reason}`, [
            "solution",
          ]),
        );
      continue;
    }
    const report = gradeSubmission(exercise, converted.value.text, ruleFormatOf(to));
    if (report.status === "invalid") {
      for (const e of report.errors)
        errors.push(
          issue(
            "solution-format-fails",
            `the solution as ${as} does not read${e.span ? ` (line ${e.span.line}:${e.span.column} of the converted text)` : ""}: ${e.message}`,
            ["solution"],
          ),
        );
      continue;
    }
    report.results.forEach((r, i) => {
      if (!r.pass)
        errors.push(
          issue(
            "solution-format-fails",
            `the solution as ${as} fails "${r.name}": ${r.explanation ?? `${r.actual}, expected ${r.expect}`}`,
            ["expectations", i],
          ),
        );
    });
    for (const d of report.differences)
      errors.push(
        issue("solution-format-fails", `the solution as ${as} differs from the reference: ${d.summary}`, [
          "solution",
        ]),
      );
    if (report.comparisonProblem)
      errors.push(
        issue(
          "solution-format-fails",
          `the solution as ${as} cannot be compared: ${report.comparisonProblem}`,
          ["solution"],
        ),
      );
  }
  return { errors, notes };
}

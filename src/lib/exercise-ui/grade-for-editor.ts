import { ruleFormatOf, type EditorFormat } from "./editor-format.ts";
import { issueMarkers, lintMarkers, type EditorMarker } from "./issue-markers.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { gradeWithDocument } from "../grader/grade.ts";
import type { GradeReport } from "../grader/report.ts";

/** A grade plus the editor markers for it: plain data, so it can cross from a worker. */
export interface EditorGrade {
  report: GradeReport;
  errors: EditorMarker[];
  warnings: EditorMarker[];
}

export function gradeForEditor(exercise: Exercise, text: string, format: EditorFormat): EditorGrade {
  // Lints name rules; the parsed document says where each rule is written. Fixes are verified
  // only when the learner asks (suggestFixesFor): each costs a comparison, on every keystroke.
  const { report, doc } = gradeWithDocument(exercise, text, ruleFormatOf(format), {
    suggestFixes: false,
  });
  return {
    report,
    errors: issueMarkers(report.errors, text),
    warnings: [...issueMarkers(report.warnings, text, "warning"), ...lintMarkers(report.lints, text, doc)],
  };
}

/** The verified fix for each difference (undefined where none was found), for "Suggest a fix". */
export function suggestFixesFor(
  exercise: Exercise,
  text: string,
  format: EditorFormat,
): (string | undefined)[] {
  return gradeWithDocument(exercise, text, ruleFormatOf(format), {
    suggestFixes: true,
  }).report.differences.map((d) => d.suggestion);
}

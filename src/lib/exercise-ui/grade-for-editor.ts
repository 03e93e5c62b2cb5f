import type { EditorFormat } from "./editor-format.ts";
import { issueMarkers, lintMarkers, type EditorMarker } from "./issue-markers.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { gradeSubmission } from "../grader/grade.ts";
import { parseLearnerRules } from "../grader/parse-learner-rules.ts";
import type { GradeReport } from "../grader/report.ts";

/** A grade plus the editor markers for it: plain data, so it can cross from a worker. */
export interface EditorGrade {
  report: GradeReport;
  errors: EditorMarker[];
  warnings: EditorMarker[];
}

export function gradeForEditor(exercise: Exercise, text: string, format: EditorFormat): EditorGrade {
  const report = gradeSubmission(exercise, text, format);
  // Lints name rules; the parsed document says where each rule is written.
  const parsed = report.lints.length > 0 ? parseLearnerRules(text, exercise, format) : undefined;
  const doc = parsed?.ok ? parsed.value : undefined;
  return {
    report,
    errors: issueMarkers(report.errors, text),
    warnings: [...issueMarkers(report.warnings, text, "warning"), ...lintMarkers(report.lints, text, doc)],
  };
}

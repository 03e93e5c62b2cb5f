import { flowText } from "../exercise-ui/expectation-text.ts";
import { locateRule } from "../exercise-ui/issue-markers.ts";
import type { TraceEntry } from "../grader/trace.ts";
import { printable } from "../text/printable.ts";
import type { SourceSpan } from "../result.ts";
import type { AssignmentGrade, ExerciseGrade } from "./exercise-grade.ts";

/**
 * GitHub Actions annotations for a grading run: workflow commands
 * (`::error file=rules/x.sh,line=3,col=1,endLine=3,endColumn=40,title=…::message`) that GitHub
 * turns into marks on the rules files, at the line a problem is about. Invalid rules are marked
 * where the reader located each error; a failing check or a difference from the reference on the
 * learner's rule that decided it (the last NSG on its path the learner edits), else on that
 * NSG's rules, else on the file as a whole (a default rule decided: no line of theirs did).
 */
export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  /** Relative to the repository root, as the rules file was named; absent for a file that does not exist. */
  file?: string;
  span?: SourceSpan;
  title: string;
  message: string;
}

/** GitHub shows at most ten annotations of each level from one step (actions/toolkit, problem-matchers.md). */
export const ANNOTATIONS_PER_LEVEL = 10;

/** Escapes of the workflow-command format (actions/toolkit's command.ts): data, then properties. */
const escapeData = (text: string): string =>
  text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One annotation as the line a step prints. Text is made printable first: nothing in it can start a command of its own. */
export function workflowCommand(a: Annotation): string {
  const properties: [string, string | number][] = [];
  if (a.file !== undefined) properties.push(["file", a.file]);
  if (a.file !== undefined && a.span) {
    properties.push(["line", a.span.line], ["col", a.span.column]);
    properties.push(["endLine", a.span.endLine], ["endColumn", a.span.endColumn]);
  }
  properties.push(["title", printable(a.title)]);
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${a.level} ${props}::${escapeData(printable(a.message))}`;
}

/** Where the rule that decided a path is written, when the learner wrote it. */
function placeOf(trace: readonly TraceEntry[], g: ExerciseGrade): SourceSpan | undefined {
  if (!g.doc || !g.rules) return undefined;
  const editable = new Set(g.exercise.editable.map((n) => n.toLowerCase()));
  for (const step of [...trace].reverse()) {
    if (step.nsg === null || !editable.has(step.nsg.toLowerCase())) continue;
    return locateRule(step.nsg, step.rule, g.rules.text, g.doc) ?? g.doc.locate([step.nsg]);
  }
  return undefined;
}

const located = (file: string, span: SourceSpan | undefined) => ({ file, ...(span ? { span } : {}) });

function ofExercise(g: ExerciseGrade): Annotation[] {
  const id = g.exercise.id;
  if (g.status === "missing")
    return g.problems.map((p) => ({ level: "error", title: `${id}: no rules file`, message: p.message }));
  if (g.problems.length > 0)
    return g.problems.map((p) => ({
      level: "error",
      file: g.file,
      title: `${id}: not graded`,
      message: p.message,
    }));
  const report = g.report!;
  const issues = [...report.errors, ...report.warnings].map((i): Annotation => ({
    level: i.severity === "warning" ? "warning" : "error",
    ...located(g.file, i.span),
    title: `${id}: ${i.severity === "warning" ? "warning" : "rules not read"}`,
    message: i.message,
  }));
  if (report.status === "invalid") return issues;
  const checks = report.results.flatMap((r, i): Annotation[] => {
    if (r.pass) return [];
    const flow = g.exercise.expectations[i]?.flow;
    const decided = r.decider ? ` Decided by ${r.decider}.` : "";
    return [
      {
        level: "error",
        ...located(g.file, placeOf(r.trace, g)),
        title: `${id}: check fails: ${r.name}`,
        message: `Expected ${r.expect}, got ${r.actual}${flow ? ` for ${flowText(flow)}` : ""}.${decided}${r.explanation ? ` ${r.explanation}` : ""}`,
      },
    ];
  });
  const differences = report.differences.map((d): Annotation => ({
    level: "error",
    ...located(g.file, placeOf(d.trace, g)),
    title: `${id}: ${d.kind === "too-open" ? "too open" : "too closed"}`,
    message: `${d.summary} ${d.cause}`,
  }));
  const lints = report.lints
    .filter((l) => l.severity === "warning")
    .map((l): Annotation => ({
      level: "warning",
      ...located(g.file, g.doc && g.rules ? locateRule(l.nsg, l.rule, g.rules.text, g.doc) : undefined),
      title: `${id}: rule review`,
      message: `${l.nsg}/${l.rule}: ${l.message}`,
    }));
  return [...issues, ...checks, ...differences, ...lints];
}

export const annotationsOf = (grade: AssignmentGrade): Annotation[] => grade.exercises.flatMap(ofExercise);

/**
 * The lines to print: at most ANNOTATIONS_PER_LEVEL of each level (GitHub drops the rest
 * silently), and a notice saying how many more the job summary and the log list.
 */
export function annotationLines(grade: AssignmentGrade): string[] {
  const all = annotationsOf(grade);
  const shown: Annotation[] = [];
  const count: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of all) {
    if (count[a.level] >= ANNOTATIONS_PER_LEVEL) continue;
    count[a.level] += 1;
    shown.push(a);
  }
  const lines = shown.map(workflowCommand);
  const hidden = all.length - shown.length;
  if (hidden > 0)
    lines.push(
      workflowCommand({
        level: "notice",
        title: "More problems",
        message: `${hidden} more ${hidden === 1 ? "problem is" : "problems are"} not marked on the files (GitHub shows ten of each kind per step): the job summary and this log list every one.`,
      }),
    );
  return lines;
}

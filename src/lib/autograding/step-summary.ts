import type { ExpectationResult } from "../grader/report.ts";
import type { TraceEntry } from "../grader/trace.ts";
import { flowText, traceText } from "../exercise-ui/expectation-text.ts";
import { formatSpan } from "../formats/source-span.ts";
import type { Issue } from "../result.ts";
import type { AssignmentGrade, ExerciseGrade, ExerciseStatus } from "./exercise-grade.ts";
import { markdownText as md, tableHead, tableRow } from "./markdown.ts";

/**
 * The job summary a grading run writes to $GITHUB_STEP_SUMMARY: one row per exercise with its
 * points, then a section per exercise that is not complete, with each failing check (its flow,
 * the expected and the actual verdict, and the path that decided it), each difference from the
 * reference solution and each problem that stopped its rules being read. Every piece of text
 * from a rules file or an exercise goes through `markdownText`.
 */

/** GitHub refuses a step summary over 1 MiB (1,048,576 bytes); this leaves room to say what was cut. */
export const SUMMARY_BYTE_LIMIT = 1_000_000;
/** Sections stay readable and one huge rules file cannot crowd out the others. */
const LISTED = 50;

const ICON: Record<ExerciseStatus, string> = {
  complete: "✅",
  incomplete: "❌",
  invalid: "⚠️",
  missing: "➖",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function checksCell(g: ExerciseGrade): string {
  if (g.status === "missing") return "no rules file";
  if (!g.report || g.report.status === "invalid") return "rules not read";
  return `${g.report.passed} of ${g.report.results.length} pass`;
}

function comparedCell(g: ExerciseGrade): string {
  const report = g.report;
  if (!report || report.status === "invalid" || !report.compared) return "—";
  if (report.comparisonProblem) return "not compared";
  return report.differences.length === 0 ? "no difference" : plural(report.differences.length, "difference");
}

const verdictCell = (r: ExpectationResult, expected: boolean): string => {
  const verdict = expected ? r.expect : r.actual;
  const decided = expected && r.decidedBy ? `, decided by ${md(r.decidedBy)}` : "";
  return `${md(verdict)}${decided}`;
};

const pathCell = (trace: readonly TraceEntry[]): string =>
  trace.length === 0 ? "—" : trace.map((t) => md(traceText(t))).join(" ⟶ ");

const issueLine = (file: string, i: Issue): string =>
  `- ${md(`${file}${i.span ? `:${formatSpan(i.span)}` : ""}`)}: ${i.severity === "warning" ? "warning" : "error"}: ${md(i.message)}`;

const more = (shown: number, total: number, what: string): string[] =>
  total > shown ? [`- … and ${plural(total - shown, what)} more`] : [];

function section(g: ExerciseGrade): string[] {
  const heading = `### ${ICON[g.status]} ${md(g.exercise.title)} (${md(g.exercise.id)})`;
  const lines = [heading, ""];
  if (g.status === "missing" || g.problems.length > 0) {
    lines.push(...g.problems.slice(0, LISTED).map((p) => issueLine(g.file, p)));
    return [...lines, ""];
  }
  const report = g.report!;
  if (report.status === "invalid") {
    lines.push(`The rules in ${md(g.file)} could not be read, so no check ran:`, "");
    const issues = [...report.errors, ...report.warnings];
    lines.push(...issues.slice(0, LISTED).map((i) => issueLine(g.file, i)));
    lines.push(...more(Math.min(LISTED, issues.length), issues.length, "problem"));
    return [...lines, ""];
  }
  const failing = report.results
    .map((r, i) => ({ r, flow: g.exercise.expectations[i]?.flow }))
    .filter(({ r }) => !r.pass);
  lines.push(
    `${md(g.file)}: ${report.passed} of ${plural(report.results.length, "check")} pass` +
      (report.differences.length > 0
        ? `; ${plural(report.differences.length, "difference")} from the reference solution.`
        : "."),
    "",
  );
  if (failing.length > 0) {
    lines.push(...tableHead(["failing check", "flow", "expected", "actual", "path"]));
    for (const { r, flow } of failing.slice(0, LISTED))
      lines.push(
        tableRow([
          md(r.name),
          flow ? md(flowText(flow)) : "—",
          verdictCell(r, true),
          `**${verdictCell(r, false)}**`,
          pathCell(r.trace),
        ]),
      );
    lines.push(...more(Math.min(LISTED, failing.length), failing.length, "failing check"), "");
    const explained = failing.filter(({ r }) => r.explanation).slice(0, LISTED);
    if (explained.length > 0) {
      lines.push("Why:", "");
      for (const { r } of explained) lines.push(`- **${md(r.name)}**: ${md(r.explanation!)}`);
      lines.push("");
    }
  }
  if (report.comparisonProblem)
    lines.push(`Not compared with the reference: ${md(report.comparisonProblem)}`, "");
  if (report.differences.length > 0) {
    lines.push("Compared with the reference solution over every flow the NSGs you edit can affect:", "");
    for (const d of report.differences.slice(0, LISTED)) {
      const { from, to, protocol, port } = d.witness;
      const example = `${from} → ${to} ${String(protocol)}${port !== undefined ? ` ${port}` : ""}`;
      lines.push(`- ${md(d.summary)} ${md(d.cause)} Example: ${md(example)}; path: ${pathCell(d.trace)}`);
    }
    lines.push(
      ...more(Math.min(LISTED, report.differences.length), report.differences.length, "difference"),
      "",
    );
  }
  if (report.lints.length > 0) {
    lines.push("Rule review:", "");
    for (const l of report.lints.slice(0, LISTED))
      lines.push(`- ${md(l.severity)}: ${md(`${l.nsg}/${l.rule}`)}: ${md(l.message)}`);
    lines.push(...more(Math.min(LISTED, report.lints.length), report.lints.length, "finding"), "");
  }
  return lines;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

export function stepSummary(grade: AssignmentGrade): string {
  const head = [
    `## NSG Lab: ${grade.score} of ${plural(grade.maxScore, "point")}`,
    "",
    ...tableHead(["", "exercise", "rules file", "checks", "compared with the reference", "points"]),
    ...grade.exercises.map((g) =>
      tableRow([
        ICON[g.status],
        md(g.exercise.title),
        md(g.file),
        checksCell(g),
        comparedCell(g),
        `${g.points} / ${g.maxPoints}`,
      ]),
    ),
    "",
  ];
  const unfinished = grade.exercises.filter((g) => g.status !== "complete");
  if (unfinished.length === 0)
    head.push(
      "Every exercise is complete: each check passes and nothing differs from the reference solution.",
      "",
    );
  else
    head.push(
      "An exercise earns its points when every check passes and the rules let through exactly what the task asks (nothing more, nothing less than the reference solution).",
      "",
    );
  let text = head.join("\n");
  for (const [i, g] of unfinished.entries()) {
    const next = section(g).join("\n");
    if (bytes(text) + bytes(next) > SUMMARY_BYTE_LIMIT) {
      const left = unfinished.length - i;
      return `${text}\n_The summary is cut here to stay within GitHub's size limit: ${plural(left, "more exercise")} not shown; the log of this step has every detail._\n`;
    }
    text += `\n${next}`;
  }
  return text.endsWith("\n") ? text : `${text}\n`;
}

import { printable } from "../lib/text/printable.ts";
import { formatSpan } from "../lib/formats/source-span.ts";
import { changeSizeLine, changeText } from "../lib/grader/change-size.ts";
import { isComplete, type GradeReport } from "../lib/grader/report.ts";
import type { LogReadingReport, PartResult } from "../lib/grader/log-reading.ts";
import type { TraceEntry } from "../lib/grader/trace.ts";
import type { Issue } from "../lib/result.ts";

/** `file:line:col: message`, the form editors and CI logs make clickable. */
export function formatIssue(file: string, issue: Issue): string {
  const where = issue.span ? `${file}:${formatSpan(issue.span)}` : file;
  const path = !issue.span && issue.path.length > 0 ? ` (at ${issue.path.join(".")})` : "";
  // Messages quote the learner's text, which may hold control characters.
  return `${where}: ${issue.severity === "warning" ? "warning" : "error"}: ${printable(issue.message)}${printable(path)}`;
}

function traceLine(t: TraceEntry): string {
  if (t.level === "platform")
    return t.access === "Deny"
      ? "platform: outbound TCP 25 blocked"
      : `platform: ${t.service ?? "host service"}, not filtered by NSGs → Allow`;
  if (t.level === "stateful") return `stateful: ${t.rule}`;
  const where = t.nsg ? `${t.nsg} (${t.level}, ${t.direction})` : `no NSG on ${t.level} (${t.direction})`;
  return `${where}: ${t.rule}${t.priority !== null ? ` ${t.priority}` : ""} → ${t.access}`;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const fit = (s: string, n: number) => pad(s.length > n ? `${s.slice(0, n - 1)}…` : s, n);

/** A readable table: one row per expectation, the path and the explanation under each miss. */
export function formatReport(report: GradeReport, title: string): string {
  const lines = [`${report.exercise} — ${title}`, ""];
  const width = Math.min(48, Math.max(10, ...report.results.map((r) => r.name.length)));
  lines.push(
    `  ${pad("", 4)}  ${pad("expectation", width)}  ${pad("expect", 6)}  ${pad("actual", 6)}  decided by`,
  );
  for (const r of report.results) {
    lines.push(
      `  ${r.pass ? "PASS" : "FAIL"}  ${fit(r.name, width)}  ${pad(r.expect, 6)}  ${pad(r.actual, 6)}  ${r.decider}`,
    );
    if (!r.pass) {
      if (r.name.length > width) lines.push(`        name: ${r.name}`);
      if (r.trace.length > 0) lines.push(`        path: ${r.trace.map(traceLine).join("  ⟶  ")}`);
      if (r.explanation) lines.push(`        why:  ${r.explanation}`);
    }
  }
  if (report.compared) {
    lines.push("", "Compared with the reference solution over every flow the edited NSGs can affect:");
    if (report.comparisonProblem) lines.push(`  not compared: ${report.comparisonProblem}`);
    else if (report.differences.length === 0)
      lines.push("  no difference: your rules let through exactly what the task asks");
    for (const d of report.differences) {
      lines.push(`  ${d.kind === "too-open" ? "TOO OPEN  " : "TOO CLOSED"}  ${d.summary}`);
      lines.push(`        why:  ${d.cause}`);
      const { from, to, protocol, port } = d.witness;
      lines.push(`        e.g.: ${from} → ${to} ${String(protocol)}${port !== undefined ? ` ${port}` : ""}`);
      if (d.trace.length > 0) lines.push(`        path: ${d.trace.map(traceLine).join("  ⟶  ")}`);
    }
  }
  if (report.change) {
    lines.push("", changeSizeLine(report.change, isComplete(report)));
    for (const c of report.change.changes) lines.push(`  ${printable(changeText(c))}`);
  }
  if (report.lints.length > 0) {
    lines.push("", "Rule review:");
    for (const l of report.lints) lines.push(`  ${l.severity}: ${l.nsg}/${l.rule}: ${l.message}`);
  }
  const differences = report.differences.length;
  lines.push(
    "",
    `${report.passed} passed, ${report.failed} failed${differences > 0 ? `, ${differences} ${differences === 1 ? "difference" : "differences"} from the reference` : ""}`,
  );
  return lines.join("\n");
}

/** A read-logs exercise's answers: each question, each part, and why a wrong part is wrong. */
export function formatLogReport(report: LogReadingReport, title: string): string {
  const lines = [`${report.exercise} — ${title}`, ""];
  for (const r of report.results) {
    lines.push(`  ${r.pass ? "PASS" : "FAIL"}  ${printable(r.name)}  (${r.actual}, decided by ${r.decider})`);
    const parts: [string, PartResult | undefined][] = [
      ["verdict", r.verdict],
      ["rule", r.rule],
      ["why not", r.whyNot],
    ];
    for (const [part, result] of parts)
      if (result && !result.pass)
        lines.push(
          `        ${part}: wrong${result.explanation ? ` — ${printable(result.explanation)}` : ""}`,
        );
    if (!r.pass && r.trace.length > 0) lines.push(`        path: ${r.trace.map(traceLine).join("  ⟶  ")}`);
  }
  lines.push("", `${report.passed} passed, ${report.failed} failed`);
  return lines.join("\n");
}

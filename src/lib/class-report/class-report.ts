import type { GradeReport } from "../grader/report.ts";
import { isComplete } from "../grader/report.ts";
import type { DifferenceResult } from "../grader/semantic-check.ts";
import { parseIp } from "../nsg/ip.ts";

/**
 * What a class gets wrong, per exercise: submissions grouped by each check they fail and by each
 * difference from the reference they share ("14 of 30 let outside addresses reach vm-web on TCP
 * 22"), most common first, each with one example taken from a submission but naming no learner.
 */

export type MistakeKind = "invalid-rules" | "failed-check" | "too-open" | "too-closed";

export interface MistakeGroup {
  kind: MistakeKind;
  /** The mistake in words, completing "N of M …". */
  what: string;
  count: number;
  /** One submission's own explanation of it (anonymised: no learner name, no file). */
  example: string;
}

export interface ExerciseClassReport {
  exercise: string;
  title: string;
  submissions: number;
  complete: number;
  groups: MistakeGroup[];
}

const isAddress = (endpoint: string) => parseIp(endpoint).ok;

/** A difference by what it lets through or blocks, not by the exact range one learner opened. */
function differenceKey(d: DifferenceResult): { key: string; what: string } {
  const w = d.witness;
  const from = isAddress(w.from) ? "outside addresses" : w.from;
  const to = isAddress(w.to) ? "outside addresses" : w.to;
  const protocol = String(w.protocol).toUpperCase();
  const on = w.port !== undefined ? `${protocol} ${w.port}` : protocol;
  const what =
    d.kind === "too-open"
      ? `let ${from} reach ${to} on ${on}, which the reference solution denies`
      : `blocked ${from} from reaching ${to} on ${on}, which the task needs`;
  return { key: `${d.kind}|${from}|${to}|${on}`, what };
}

export function classReport(
  exercise: { id: string; title: string },
  reports: readonly GradeReport[],
): ExerciseClassReport {
  const groups = new Map<string, MistakeGroup>();
  const add = (key: string, kind: MistakeKind, what: string, example: string) => {
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { kind, what, count: 1, example });
  };
  for (const report of reports) {
    if (report.status === "invalid") {
      const first = report.errors[0];
      add("invalid", "invalid-rules", "handed in rules that do not parse or validate", first?.message ?? "");
      continue;
    }
    for (const r of report.results)
      if (!r.pass) add(`check|${r.name}`, "failed-check", `fail “${r.name}”`, r.explanation ?? r.decider);
    // One submission counts once per kind of difference, however many regions it has of it.
    const seen = new Set<string>();
    for (const d of report.differences) {
      const { key, what } = differenceKey(d);
      if (seen.has(key)) continue;
      seen.add(key);
      add(`diff|${key}`, d.kind, what, `${d.summary} ${d.cause}`.trim());
    }
  }
  return {
    exercise: exercise.id,
    title: exercise.title,
    submissions: reports.length,
    complete: reports.filter(isComplete).length,
    groups: [...groups.values()].sort((a, b) => b.count - a.count),
  };
}

/** The report as text, for the CLI's `--report` and the gradebook page's copy button. */
export function classReportText(reports: readonly ExerciseClassReport[]): string {
  return reports
    .map((r) => {
      const head = `${r.title} (${r.exercise}): ${r.complete} of ${r.submissions} complete`;
      const lines = r.groups.map(
        (g) => `  ${g.count} of ${r.submissions} ${g.what}\n      e.g. ${g.example}`,
      );
      return [head, ...(lines.length > 0 ? lines : ["  no mistakes in common"])].join("\n");
    })
    .join("\n\n");
}

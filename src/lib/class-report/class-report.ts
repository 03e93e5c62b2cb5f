import type { Exercise } from "../grader/exercise-schema.ts";
import { isAssociationExercise } from "../grader/reference.ts";
import type { GradeReport } from "../grader/report.ts";
import { isComplete } from "../grader/report.ts";
import { associationMistakes, type AssociationDifference } from "./association-difference.ts";
import { addressPlan, headlineDifferences } from "./difference-theme.ts";

/**
 * What a class gets wrong, per exercise: submissions grouped by each check they fail, by each
 * difference from the reference they share ("14 of 30 left SSH (TCP 22) on vm-web open to the
 * internet"), by where they associated an NSG ("9 of 30 associated nsg-web with a NIC only, not
 * with the subnet snet-web") and by rules that do not parse, most common first, each with one
 * example taken from a submission but naming no learner.
 */

export type MistakeKind = "invalid-rules" | "failed-check" | "too-open" | "too-closed" | "association";

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

/** One re-graded submission of an exercise, as the re-grade knows it. */
export interface ClassSubmission {
  report: GradeReport;
  /** Who handed it in: taken out of its example text, so no example names them. */
  learner?: string;
  /** Where its NSGs are associated, against the reference (association-difference.ts). */
  associations?: readonly AssociationDifference[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The example with the learner's name (which rule names and descriptions may carry) taken out. */
function anonymous(text: string, learner: string | undefined): string {
  const name = learner?.trim();
  if (!name || name.length < 3) return text;
  return text.replace(new RegExp(escapeRegExp(name), "gi"), "[learner]");
}

export function classReport(
  exercise: Exercise,
  submissions: readonly ClassSubmission[],
): ExerciseClassReport {
  const plan = addressPlan(exercise.topology);
  // In a task about where NSGs go, every difference in flows follows from an NSG in the wrong
  // place: the place is the mistake to group, and the flows it lets through are its example.
  const byPlace = isAssociationExercise(exercise);
  const groups = new Map<string, MistakeGroup>();
  for (const { report, learner, associations = [] } of submissions) {
    // One submission counts once per group, however many checks or regions it has of it.
    const seen = new Set<string>();
    const add = (key: string, kind: MistakeKind, what: string, example: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const group = groups.get(key);
      if (group) group.count += 1;
      else groups.set(key, { kind, what, count: 1, example: anonymous(example, learner) });
    };
    if (report.status === "invalid") {
      const first = report.errors[0];
      add("invalid", "invalid-rules", "handed in rules that do not parse or validate", first?.message ?? "");
      continue;
    }
    for (const r of report.results)
      if (!r.pass) add(`check|${r.name}`, "failed-check", `fail “${r.name}”`, r.explanation ?? r.decider);
    for (const a of associations)
      for (const m of associationMistakes(a)) add(`assoc|${m.key}`, "association", m.what, m.example);
    if (byPlace && associations.length > 0) continue;
    for (const { key, what, kind, example } of headlineDifferences(report.differences, plan))
      add(`diff|${key}`, kind, what, example);
  }
  return {
    exercise: exercise.id,
    title: exercise.title,
    submissions: submissions.length,
    complete: submissions.filter((s) => isComplete(s.report)).length,
    // Stable: equal counts keep the order they were first met in (checks, places, then flows).
    groups: [...groups.values()].sort((a, b) => b.count - a.count),
  };
}

/** The report as text, for the CLI's `--report` and the gradebook page's download. */
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

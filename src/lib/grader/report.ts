import { capIssues } from "../cap-issues.ts";
import type { RuleLint } from "../analysis/lint-rules.ts";
import type { Issue } from "../result.ts";
import type { Verdict } from "../nsg/verdict.ts";
import type { ChangeReport } from "./change-size.ts";
import type { DifferenceResult } from "./semantic-check.ts";
import type { TraceEntry } from "./trace.ts";

/** One expectation, graded. The JSON shape follows docs/exercise-format.md (plus explanation). */
export interface ExpectationResult {
  name: string;
  expect: "allow" | "deny";
  actual: "allow" | "deny" | "error";
  pass: boolean;
  decidedBy?: string;
  /** Who actually decided, e.g. "nsg-snet-ingest/Allow-FTP-Control-Studio (200)". */
  decider: string;
  trace: TraceEntry[];
  /** For a miss: what went wrong, in words a learner can act on. */
  explanation?: string;
  verdict?: Verdict;
}

export interface GradeReport {
  exercise: string;
  /** "invalid": the rules could not be read or validated; nothing was evaluated. */
  status: "graded" | "invalid";
  passed: number;
  failed: number;
  results: ExpectationResult[];
  errors: Issue[];
  warnings: Issue[];
  lints: RuleLint[];
  /**
   * Where the learner's network lets through more (too open, first) or less (too closed) than the
   * reference solution's, over every flow the edited NSGs can affect. Empty when they agree, and
   * for predict exercises and invalid rules.
   */
  differences: DifferenceResult[];
  /** True when the network was compared with a reference solution. */
  compared: boolean;
  /** Why the comparison could not be made (far too many rules): the exercise is not complete then. */
  comparisonProblem?: string;
  /** fix-rules: how much the learner's rules differ from the scenario's, and the smallest known fix. */
  change?: ChangeReport;
}

/** An exercise is complete when every listed check passes and nothing differs from the reference. */
export const isComplete = (report: GradeReport): boolean =>
  report.status === "graded" &&
  report.results.length > 0 &&
  report.failed === 0 &&
  report.differences.length === 0 &&
  report.comparisonProblem === undefined;

export function invalidReport(exercise: string, errors: Issue[]): GradeReport {
  return {
    exercise,
    status: "invalid",
    passed: 0,
    failed: 0,
    results: [],
    errors: capIssues(errors.filter((e) => e.severity !== "warning")),
    warnings: capIssues(errors.filter((e) => e.severity === "warning")),
    lints: [],
    differences: [],
    compared: false,
  };
}

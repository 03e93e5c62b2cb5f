import { describe, expect, it } from "vitest";
import { gradeWork } from "../../src/lib/exercise-ui/grade-work.ts";
import {
  buildSubmission,
  logWork,
  parseSubmission,
  predictWork,
  rulesWork,
  submissionText,
} from "../../src/lib/exercise-ui/submission-file.ts";
import { gradeLogReading, type LogAnswer } from "../../src/lib/grader/log-reading.ts";
import { detectRuleFormat } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const logs = exerciseFile("read-the-web-flow-log.yaml");
const fix = exerciseFile("fix-the-unreachable-website.yaml");
const predict = exerciseFile("subnet-then-nic.yaml");

/** The right answers, as the evaluator decides them (never written by hand). */
function rightAnswers(): LogAnswer[] {
  const truth = gradeLogReading(logs, []);
  return truth.results.map((r) => ({
    verdict: r.actual,
    rule: r.deciders[0]!,
    ...(r.whyNot ? { whyNot: r.whyNot.reasons } : {}),
  }));
}

describe("a handed-in work entry graded again", () => {
  it("grades a read-logs file's answers with the evaluator: right answers pass, a wrong rule fails", () => {
    const right = gradeWork(logs, logWork({ exercise: logs.id, answers: rightAnswers() }));
    expect(right.ok && right.kind === "read-logs" && [right.report.passed, right.report.failed]).toEqual([
      logs.expectations.length,
      0,
    ]);
    const answers = rightAnswers();
    answers[0] = { ...answers[0]!, rule: "nsg-snet-web/Allow-SSH-Office" };
    const wrong = gradeWork(logs, logWork({ exercise: logs.id, answers }));
    expect(wrong.ok && wrong.kind === "read-logs" && wrong.report.results[0]!.rule.pass).toBe(false);
  });

  it("grades rules for a fix-rules exercise like any rules, with the change size", () => {
    const rulesFormat = detectRuleFormat(fix.solution!);
    const graded = gradeWork(fix, rulesWork({ exercise: fix.id, rulesFormat, rules: fix.solution! }));
    expect(graded.ok && graded.kind).toBe("rules");
    if (graded.ok && graded.kind === "rules") {
      expect(graded.report.failed).toBe(0);
      expect(graded.report.change).toBeDefined();
    }
  });

  it("refuses work of the wrong kind, and answers for another number of flows", () => {
    expect(gradeWork(logs, predictWork({ exercise: logs.id, answers: ["allow"] }))).toEqual({
      ok: false,
      reason: `the file holds predictions, but "read-the-web-flow-log" asks for answers about a flow log`,
    });
    expect(gradeWork(predict, rulesWork({ exercise: predict.id, rulesFormat: "json", rules: "{}" }))).toEqual(
      {
        ok: false,
        reason: `the file holds rules, but "subnet-then-nic" asks for predictions`,
      },
    );
    const short = gradeWork(logs, logWork({ exercise: logs.id, answers: rightAnswers().slice(1) }));
    expect(short).toEqual({
      ok: false,
      reason: `the file answers ${logs.expectations.length - 1} flows, but "read-the-web-flow-log" has ${logs.expectations.length} now`,
    });
  });
});

describe("a read-logs submission file", () => {
  it("round-trips, keeping unanswered questions as null", () => {
    const answers: (LogAnswer | undefined)[] = [...rightAnswers().slice(0, 2), undefined, {}, undefined];
    const text = submissionText(buildSubmission({ work: [logWork({ exercise: logs.id, answers })] }));
    const parsed = parseSubmission(text);
    expect(parsed.ok && parsed.value.work[0]).toEqual({
      exercise: logs.id,
      kind: "read-logs",
      answers: [...rightAnswers().slice(0, 2), null, null, null],
    });
  });

  it.each([
    ["a verdict that is not allow or deny", [{ verdict: "maybe" }]],
    ["a reason that does not exist", [{ whyNot: ["because"] }]],
    ["a rule reference far too long", [{ rule: "x".repeat(10_000) }]],
    ["answers that are not a list", { verdict: "deny" }],
  ])("refuses %s, at the answers", (_what, answers) => {
    const text = JSON.stringify({
      format: "nsg-lab-submission",
      version: 2,
      savedAt: "2026-12-02T10:00:00.000Z",
      work: [{ exercise: logs.id, kind: "read-logs", answers }],
    });
    const parsed = parseSubmission(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.path).toEqual(["work", 0, "answers"]);
  });
});

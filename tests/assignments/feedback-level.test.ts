import { describe, expect, it } from "vitest";
import {
  checkFeedback,
  feedbackLevelOf,
  flowFeedback,
  limitedComparisonText,
  limitedScoreText,
  predictScoreText,
  showsCompletion,
  showsGuidance,
} from "../../src/lib/assignments/feedback-level.ts";
import type { ExpectationResult, GradeReport } from "../../src/lib/grader/report.ts";
import { check, choose, startSession } from "../../src/lib/exercise-ui/predict-session.ts";

const result = (pass: boolean): ExpectationResult => ({
  name: "web reachable",
  expect: "allow",
  actual: pass ? "allow" : "deny",
  pass,
  decider: "nsg/DenyAllInBound (65500)",
  trace: [],
});

const report = (over: Partial<GradeReport> = {}): GradeReport => ({
  exercise: "x",
  status: "graded",
  passed: 1,
  failed: 0,
  results: [result(true)],
  errors: [],
  warnings: [],
  lints: [],
  differences: [],
  compared: true,
  ...over,
});

describe("feedback levels", () => {
  it("reads a page's level, full unless it says verdict or none", () => {
    expect(feedbackLevelOf("verdict")).toBe("verdict");
    expect(feedbackLevelOf("none")).toBe("none");
    expect(feedbackLevelOf(undefined)).toBe("full");
    expect(feedbackLevelOf("NONE")).toBe("full");
  });

  it("shows a check fully, as a bare verdict, or only as saved", () => {
    expect(checkFeedback(result(false), "full")).toEqual({ state: "fail", label: "✗ Fail", details: true });
    expect(checkFeedback(result(false), "verdict")).toEqual({
      state: "fail",
      label: "✗ Fail",
      details: false,
    });
    expect(checkFeedback(result(true), "verdict")).toEqual({
      state: "pass",
      label: "✓ Pass",
      details: false,
    });
    expect(checkFeedback(result(true), "none")).toEqual({ state: "pending", label: "Saved", details: false });
    expect(checkFeedback(undefined, "full").state).toBe("pending");
  });

  it("limits the score and comparison lines", () => {
    expect(limitedScoreText(report(), "full")).toBeUndefined();
    expect(limitedScoreText(report(), "verdict")).toBeUndefined();
    expect(limitedScoreText(report(), "none")).toMatch(/saved/);
    expect(limitedScoreText(report({ status: "invalid" }), "none")).toBeUndefined();
    const differs = report({
      differences: [{ kind: "too-open" } as GradeReport["differences"][number]],
    });
    expect(limitedComparisonText(differs, "full")).toBeUndefined();
    expect(limitedComparisonText(differs, "verdict")).toBe(
      "But your rules do not yet do exactly what the task asks.",
    );
    expect(limitedComparisonText(report(), "verdict")).toBe("");
    expect(limitedComparisonText(differs, "none")).toBe("");
  });

  it("keeps hints and solutions for full, completion for all but none", () => {
    expect([showsGuidance("full"), showsGuidance("verdict"), showsGuidance("none")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([showsCompletion("full"), showsCompletion("verdict"), showsCompletion("none")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("shows a wrong prediction as 'not quite' without the answer at verdict, and as saved at none", () => {
    expect(flowFeedback({ kind: "shown" }, "full")).toBe("as-usual");
    expect(flowFeedback({ kind: "try-again", wrongTries: 1 }, "verdict")).toBe("not-quite");
    expect(flowFeedback({ kind: "shown" }, "verdict")).toBe("not-quite");
    expect(flowFeedback({ kind: "right" }, "verdict")).toBe("as-usual");
    expect(flowFeedback({ kind: "right" }, "none")).toBe("saved");
    expect(flowFeedback({ kind: "open" }, "none")).toBe("as-usual");
  });

  it("words a predict exercise's score at each level", () => {
    let session = choose(choose(startSession(2), 0, "allow"), 1, "deny");
    session = check(session, [true, false]);
    expect(predictScoreText(session, [true, false], "full")).toMatch(/show their answers/);
    expect(predictScoreText(session, [true, false], "verdict")).toBe(
      "1 of 2 predictions are right. Change the ones marked “Not quite” and check again.",
    );
    expect(predictScoreText(session, [true, false], "none")).toMatch(/saved/);
    expect(predictScoreText(startSession(2), [], "none")).toBeUndefined();
  });
});

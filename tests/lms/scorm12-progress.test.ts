import { describe, expect, it } from "vitest";
import type { PackageConfig } from "../../src/lib/lms/package-config.ts";
import {
  assignmentScore,
  learnerName,
  passesInSuspendData,
  scoreSentence,
  scorm12Timespan,
  scorm12Values,
  suspendData,
  type LmsStart,
} from "../../src/lib/lms/scorm12-progress.ts";

const config: PackageConfig = {
  format: "scorm12",
  title: "Week 3",
  exercises: ["smtp-relay-on-587", "ftp-active", "which-default-rule"],
  pointsPerExercise: 10,
  completion: "passed",
};
const fresh: LmsStart = { lessonStatus: "not attempted", scoreRaw: "", suspendData: "" };
const values = (passed: string[], before = fresh, c = config) =>
  Object.fromEntries(scorm12Values(c, assignmentScore(c, passed), before));

describe("assignment progress as SCORM 1.2 values", () => {
  it("starts incomplete with no points out of the assignment's total", () => {
    expect(values([])).toEqual({
      "cmi.core.score.min": "0",
      "cmi.core.score.max": "30",
      "cmi.core.score.raw": "0",
      "cmi.core.lesson_status": "incomplete",
      "cmi.suspend_data": "nsg-lab:v1:",
    });
  });

  it("scores each exercise at its own points when the assignment link gives them", () => {
    const weighted = { ...config, points: [50, 30, 20] };
    const v = values(["ftp-active", "which-default-rule"], fresh, weighted);
    expect(v["cmi.core.score.max"]).toBe("100");
    expect(v["cmi.core.score.raw"]).toBe("50");
    expect(scoreSentence(assignmentScore(weighted, ["ftp-active"]), 3)).toBe(
      "1 of 3 exercises passed: 30 of 100 points.",
    );
  });

  it("counts the passed exercises' points, in the assignment's order, ignoring others", () => {
    const v = values([
      "which-default-rule",
      "not-in-this-assignment",
      "smtp-relay-on-587",
      "smtp-relay-on-587",
    ]);
    expect(v["cmi.core.score.raw"]).toBe("20");
    expect(v["cmi.core.lesson_status"]).toBe("incomplete");
    expect(v["cmi.suspend_data"]).toBe("nsg-lab:v1:smtp-relay-on-587,which-default-rule");
  });

  it("reports the package's completion status once every exercise passed", () => {
    const all = [...config.exercises];
    expect(values(all)["cmi.core.lesson_status"]).toBe("passed");
    expect(values(all)["cmi.core.score.raw"]).toBe("30");
    expect(values(all, fresh, { ...config, completion: "completed" })["cmi.core.lesson_status"]).toBe(
      "completed",
    );
  });

  it("never takes back a status or a score the LMS already holds", () => {
    const before = { lessonStatus: "passed", scoreRaw: "30", suspendData: "" };
    expect(values([], before)["cmi.core.lesson_status"]).toBe("passed");
    expect(values([], before)["cmi.core.score.raw"]).toBe("30");
    expect(values(["ftp-active"], { ...fresh, scoreRaw: "20" })["cmi.core.score.raw"]).toBe("20");
    // A score that cannot belong to this total (another package's) is not kept.
    expect(values(["ftp-active"], { ...fresh, scoreRaw: "80" })["cmi.core.score.raw"]).toBe("10");
    expect(values(["ftp-active"], { ...fresh, scoreRaw: "oops" })["cmi.core.score.raw"]).toBe("10");
    // "failed" (set by an LMS's own mastery rule) is not ours to keep: work goes on.
    expect(values([], { ...fresh, lessonStatus: "failed" })["cmi.core.lesson_status"]).toBe("incomplete");
  });

  it("words the score for the title bar", () => {
    expect(scoreSentence(assignmentScore(config, ["ftp-active"]), 3)).toBe(
      "1 of 3 exercises passed: 10 of 30 points.",
    );
    const one = { ...config, exercises: ["ftp-active"] };
    expect(scoreSentence(assignmentScore(one, []), 1)).toBe("0 of 1 exercise passed: 0 of 10 points.");
  });

  it("tells no passes when the assignment shows no results, and the same as full at verdict", () => {
    const score = assignmentScore(config, ["ftp-active"]);
    expect(scoreSentence(score, 3, "none")).toBe(
      "Your work on the 3 exercises is saved as you go; this assignment shows no results.",
    );
    expect(scoreSentence(assignmentScore({ ...config, exercises: ["ftp-active"] }, []), 1, "none")).toBe(
      "Your work on the exercise is saved as you go; this assignment shows no results.",
    );
    expect(scoreSentence(score, 3, "verdict")).toBe(scoreSentence(score, 3));
  });
});

describe("suspend data", () => {
  it("round-trips the passed exercises and keeps only this assignment's", () => {
    expect(passesInSuspendData(suspendData(["ftp-active", "which-default-rule"]), config)).toEqual([
      "ftp-active",
      "which-default-rule",
    ]);
    expect(passesInSuspendData("nsg-lab:v1:ftp-active,other,,", config)).toEqual(["ftp-active"]);
    expect(passesInSuspendData("someone else's data", config)).toEqual([]);
    expect(passesInSuspendData("", config)).toEqual([]);
  });

  it("fits the longest assignment in SCORM 1.2's 4,096 characters", () => {
    const ids = Array.from(
      { length: 50 },
      (_, i) => `an-exercise-id-of-forty-characters-${String(i).padStart(4, "0")}`,
    );
    expect(suspendData(ids).length).toBeLessThanOrEqual(4096);
  });
});

describe("the learner's name", () => {
  it("turns SCORM 1.2's family-name-first form around", () => {
    expect(learnerName("Doe, Jane")).toBe("Jane Doe");
    expect(learnerName("  van der Berg ,  Anna Maria ")).toBe("Anna Maria van der Berg");
  });

  it("keeps other forms as written, and drops control characters", () => {
    expect(learnerName("Jane Doe")).toBe("Jane Doe");
    expect(learnerName("Doe, Jane, Jr.")).toBe("Doe, Jane, Jr.");
    expect(learnerName("Doe,")).toBe("Doe");
    expect(learnerName("Jane\u0000\nDoe")).toBe("Jane Doe");
    expect(learnerName("   ")).toBeUndefined();
  });
});

describe("session time", () => {
  it("is written as CMITimespan HHHH:MM:SS.SS", () => {
    expect(scorm12Timespan(0)).toBe("0000:00:00.00");
    expect(scorm12Timespan(62_500)).toBe("0000:01:02.50");
    expect(scorm12Timespan(3 * 3_600_000 + 59 * 60_000 + 59_990)).toBe("0003:59:59.99");
    expect(scorm12Timespan(-5)).toBe("0000:00:00.00");
    expect(scorm12Timespan(1e15)).toBe("9999:59:59.99");
  });
});

import { describe, expect, it } from "vitest";
import { assignmentGrade, ungradedExercise } from "../../src/lib/autograding/exercise-grade.ts";
import { issue } from "../../src/lib/result.ts";
import { ftp, graded } from "./fixtures.ts";

describe("grading an assignment repository's rules files", () => {
  it("gives an exercise its points only when it is complete", () => {
    expect(
      [graded.passing(), graded.failing(), graded.unparseable(), graded.differing(), graded.missing()].map(
        (g) => [g.status, g.points],
      ),
    ).toEqual([
      ["complete", 10],
      ["incomplete", 0],
      ["invalid", 0],
      ["incomplete", 0], // every listed check passes, but the network differs from the reference
      ["missing", 0],
    ]);
  });

  it("adds the points up and the maximum, missing exercises included", () => {
    const grade = assignmentGrade([graded.passing(), graded.failing(), graded.missing()]);
    expect([grade.score, grade.maxScore]).toEqual([10, 30]);
  });

  it("keeps what was graded and the parsed rules, to place annotations", () => {
    const g = graded.failing();
    expect(g.rules?.format).toBe("json");
    expect(g.doc?.nsgs.map((n) => n.name)).toEqual(["nsg-snet-ingest"]);
    expect(g.report?.failed).toBe(1);
  });

  it("calls a file that could not be read invalid, and no file missing", () => {
    expect(
      ungradedExercise(ftp, "rules/ftp-active.sh", 5, [issue("unreadable-file", "cannot be read")]).status,
    ).toBe("invalid");
    expect(graded.missing().problems.map((p) => p.code)).toEqual(["missing-rules-file"]);
  });
});

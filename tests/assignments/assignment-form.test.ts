import { describe, expect, it } from "vitest";
import { assignmentFromForm } from "../../src/lib/assignments/assignment-form.ts";

const base = { title: "Week 4", exercises: ["a", "b"], instructions: "", due: "", feedback: "full" as const };
// The instructor is in UTC+01:00.
const paris = (text: string) => new Date(`${text}+01:00`);

describe("the builder's form as an assignment", () => {
  it("gives a plain assignment when nothing more is set", () => {
    expect(assignmentFromForm(base)).toEqual({ ok: true, value: { title: "Week 4", exercises: ["a", "b"] } });
  });

  it("carries the due date in UTC, points per exercise, instructions and the feedback level", () => {
    const read = assignmentFromForm(
      {
        ...base,
        instructions: "  Do both.  ",
        due: "2026-11-20T18:00",
        points: { a: "30", b: "20" },
        feedback: "none",
      },
      paris,
    );
    expect(read).toEqual({
      ok: true,
      value: {
        title: "Week 4",
        exercises: ["a", "b"],
        instructions: "Do both.",
        due: "2026-11-20T17:00:00.000Z",
        points: [30, 20],
        feedback: "none",
      },
    });
  });

  it("names each field to fix", () => {
    const read = assignmentFromForm({
      ...base,
      exercises: [],
      instructions: "x".repeat(4001),
      due: "next week",
    });
    expect(read.ok === false && read.errors.map((e) => e.path)).toEqual([
      ["exercises"],
      ["instructions"],
      ["due"],
    ]);
    const points = assignmentFromForm({ ...base, points: { a: "0", b: "" } });
    expect(points.ok === false && points.errors.map((e) => e.message)).toEqual([
      'Points for a must be a whole number from 1 to 100, not "0".',
      'Points for b must be a whole number from 1 to 100, not "".',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { assignmentOverview } from "../../src/lib/assignments/assignment-overview.ts";
import { durationText, lateness, timeLeft } from "../../src/lib/assignments/due-date.ts";
import type { ExerciseStatus } from "../../src/lib/exercise-ui/exercise-progress.ts";

const statuses: Record<string, ExerciseStatus> = { a: "passed", b: "attempted", c: "new" };
const statusOf = (id: string) => statuses[id] ?? "new";

describe("the assignment page's overview", () => {
  it("gives each exercise its points and status, and the points earned", () => {
    const overview = assignmentOverview(
      { exercises: ["a", "b", "c"], points: [10, 20, 1] },
      statusOf,
      "full",
    );
    expect(overview.rows).toEqual([
      { id: "a", state: "passed", status: " — passed ✓", points: "10 points" },
      { id: "b", state: "attempted", status: " — started, not passed yet", points: "20 points" },
      { id: "c", state: "open", status: " — not started", points: "1 point" },
    ]);
    expect(overview.summary).toBe("1 of 3 exercises passed: 10 of 31 points.");
  });

  it("says what it always said when the link gives no points", () => {
    expect(assignmentOverview({ exercises: ["a", "c"] }, statusOf, "verdict").summary).toBe(
      "1 of 2 exercises passed.",
    );
  });

  it("tells nothing about passes at feedback none", () => {
    const overview = assignmentOverview(
      { exercises: ["a", "b", "c"], points: [10, 20, 1] },
      statusOf,
      "none",
    );
    expect(overview.rows.map((r) => r.state)).toEqual(["attempted", "attempted", "open"]);
    expect(overview.rows[0]!.status).toBe(" — started, your work is saved");
    expect(overview.summary).toBe("2 of 3 exercises started.");
  });
});

describe("due dates", () => {
  const due = "2026-11-20T17:00:00.000Z";
  it("says how long is left, or how long ago it was due", () => {
    expect(timeLeft(due, new Date("2026-11-17T13:00:00Z"))).toEqual({
      past: false,
      text: "3 days 4 hours left",
    });
    expect(timeLeft(due, new Date("2026-11-20T16:59:30Z"))).toEqual({
      past: false,
      text: "less than a minute left",
    });
    expect(timeLeft(due, new Date("2026-11-20T19:05:00Z"))).toEqual({
      past: true,
      text: "past due by 2 hours 5 minutes",
    });
    expect(durationText(60_000)).toBe("1 minute");
    expect(durationText(86_400_000)).toBe("1 day");
  });

  it("flags a hand-in saved after the due date", () => {
    expect(lateness("2026-11-20T17:30:00.000Z", due)).toBe("late by 30 minutes");
    expect(lateness("2026-11-20T16:00:00.000Z", due)).toBe("");
    expect(lateness("2026-11-20T18:00:00.000Z", undefined)).toBe("");
    expect(lateness("not a date", due)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import {
  assignmentQuery,
  readAssignment,
  MAX_INSTRUCTIONS,
  MAX_TITLE,
} from "../../src/lib/assignments/assignment-link.ts";

const known = new Set(["ftp-active", "smtp-pay-as-you-go", "fix-shadowed-allow"]);

describe("assignment links", () => {
  it("round-trips a title and an ordered list of exercises", () => {
    const query = assignmentQuery({
      title: "Week 3: ports & order",
      exercises: ["smtp-pay-as-you-go", "ftp-active"],
    });
    expect(query).toBe("?title=Week+3%3A+ports+%26+order&exercises=smtp-pay-as-you-go%2Cftp-active");
    expect(readAssignment(query, known)).toEqual({
      ok: true,
      value: {
        assignment: { title: "Week 3: ports & order", exercises: ["smtp-pay-as-you-go", "ftp-active"] },
        unknown: [],
      },
    });
  });

  it("keeps the known exercises of a stale link and reports the rest", () => {
    const read = readAssignment("?exercises=ftp-active,gone-exercise,ftp-active,<script>", known);
    expect(read).toEqual({
      ok: true,
      value: {
        assignment: { title: "Assignment", exercises: ["ftp-active"] },
        unknown: ["gone-exercise", "<script>"],
      },
    });
  });

  it("explains a link with no usable exercises", () => {
    expect(readAssignment("", known)).toMatchObject({
      ok: false,
      errors: [{ code: "assignment-empty", message: expect.stringMatching(/names no exercises/) as unknown }],
    });
    expect(readAssignment("?exercises=nope", known)).toMatchObject({
      ok: false,
      errors: [
        { code: "unknown-exercise", message: expect.stringMatching(/None of the exercises/) as unknown },
      ],
    });
  });

  it("caps an overlong title", () => {
    const read = readAssignment(`?title=${"x".repeat(500)}&exercises=ftp-active`, known);
    expect(read.ok && read.value.assignment.title.length).toBe(MAX_TITLE);
  });
});

describe("assignment links, version 2 (instructions, due date, points, feedback)", () => {
  const full = {
    title: "Week 4: the web tier",
    exercises: ["ftp-active", "smtp-pay-as-you-go"],
    instructions: "## Before you start\n\nRead [lesson 3](../lessons/processing-order/) first.",
    due: "2026-11-20T17:00:00.000Z",
    points: [30, 20],
    feedback: "verdict" as const,
  };

  it("round-trips every field, under v=2, with the due date written to the minute", () => {
    const query = assignmentQuery(full);
    const params = new URLSearchParams(query);
    expect(params.get("v")).toBe("2");
    expect(params.get("due")).toBe("2026-11-20T17:00Z");
    expect(params.get("points")).toBe("30,20");
    expect(readAssignment(query, known)).toEqual({ ok: true, value: { assignment: full, unknown: [] } });
  });

  it("keeps a plain assignment a version 1 link, which reads as before", () => {
    const query = assignmentQuery({ title: "Week 3", exercises: ["ftp-active"], feedback: "full" });
    expect(query).toBe("?title=Week+3&exercises=ftp-active");
    expect(readAssignment(query, known)).toEqual({
      ok: true,
      value: { assignment: { title: "Week 3", exercises: ["ftp-active"] }, unknown: [] },
    });
  });

  it("reads a version 1 link as it always did, ignoring version 2 fields it never had", () => {
    const read = readAssignment("?title=Old&exercises=ftp-active&points=abc&feedback=none", known);
    expect(read).toEqual({
      ok: true,
      value: { assignment: { title: "Old", exercises: ["ftp-active"] }, unknown: [] },
    });
    expect(readAssignment("?v=1&exercises=ftp-active", known).ok).toBe(true);
  });

  it("drops the points of exercises the site no longer has, keeping the rest aligned", () => {
    const read = readAssignment(
      "?v=2&exercises=gone,ftp-active,ftp-active,smtp-pay-as-you-go&points=5,10,15,20",
      known,
    );
    expect(read.ok && read.value.assignment).toMatchObject({
      exercises: ["ftp-active", "smtp-pay-as-you-go"],
      points: [10, 20],
    });
    expect(read.ok && read.value.unknown).toEqual(["gone"]);
  });

  it("refuses a link from a newer version, naming the version", () => {
    expect(readAssignment("?v=3&exercises=ftp-active", known)).toMatchObject({
      ok: false,
      errors: [
        {
          code: "unsupported-version",
          path: ["v"],
          message: expect.stringMatching(/version "3"/) as unknown,
        },
      ],
    });
  });

  it.each([
    ["points=10", "points", /points for 1 exercises but lists 2/],
    ["points=10,abc", "points", /exercise 2 \(smtp-pay-as-you-go\) are "abc"/],
    ["points=10,0", "points", /from 1 to 100/],
    ["points=10,101", "points", /from 1 to 100/],
    ["due=tomorrow", "due", /not a date and time in UTC/],
    ["due=2026-02-30T10:00Z", "due", /not a date/],
    ["due=2026-11-20T17:00", "due", /not a date/],
    ["feedback=some", "feedback", /not full, verdict or none/],
  ])("refuses a malformed field with its name: %s", (field, path, message) => {
    const read = readAssignment(`?v=2&exercises=ftp-active,smtp-pay-as-you-go&${field}`, known);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]!.path[0]).toBe(path);
    expect(read.errors[0]!.message).toMatch(message);
    expect(read.errors[0]!.message).toMatch(/Ask your instructor for a new link/);
  });

  it("refuses huge links and overlong instructions before reading them", () => {
    const huge = readAssignment(`?exercises=ftp-active&title=${"x".repeat(20_000)}`, known);
    expect(huge).toMatchObject({ ok: false, errors: [{ code: "value-too-long" }] });
    const long = readAssignment(
      `?v=2&exercises=ftp-active&instructions=${"y".repeat(MAX_INSTRUCTIONS + 1)}`,
      known,
    );
    expect(long).toMatchObject({ ok: false, errors: [{ code: "value-too-long", path: ["instructions"] }] });
  });

  it("carries script in the instructions as text: rendering makes it inert (instructions.ts)", () => {
    const read = readAssignment(
      assignmentQuery({ title: "x", exercises: ["ftp-active"], instructions: "<script>alert(1)</script>" }),
      known,
    );
    expect(read.ok && read.value.assignment.instructions).toBe("<script>alert(1)</script>");
  });
});

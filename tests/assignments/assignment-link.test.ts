import { describe, expect, it } from "vitest";
import { assignmentQuery, readAssignment, MAX_TITLE } from "../../src/lib/assignments/assignment-link.ts";

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

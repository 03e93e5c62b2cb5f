import { describe, expect, it } from "vitest";
import { assignmentFromLink } from "../../src/lib/assignments/assignment-from-link.ts";

const known = new Set(["ftp-active", "smtp-relay-on-587"]);
const week3 = { title: "Week 3", exercises: ["smtp-relay-on-587", "ftp-active"] };

describe("an assignment from the link an instructor copied", () => {
  it("reads a full address from any host and base path", () => {
    for (const link of [
      "https://someone.github.io/nsg-lab/assignment/?title=Week+3&exercises=smtp-relay-on-587%2Cftp-active",
      "  http://localhost:4321/assignment/?title=Week%203&exercises=smtp-relay-on-587,ftp-active#x\n",
    ])
      expect(assignmentFromLink(link, known)).toEqual({
        ok: true,
        value: { assignment: week3, unknown: [] },
      });
  });

  it("reads a path with its query, or the query alone", () => {
    for (const link of [
      "/nsg-lab/assignment/?title=Week+3&exercises=smtp-relay-on-587,ftp-active",
      "?title=Week+3&exercises=smtp-relay-on-587,ftp-active",
      "title=Week+3&exercises=smtp-relay-on-587,ftp-active",
      "assignment/?title=Week+3&exercises=smtp-relay-on-587,ftp-active#top",
    ])
      expect(assignmentFromLink(link, known), link).toEqual({
        ok: true,
        value: { assignment: week3, unknown: [] },
      });
  });

  it("refuses a link without exercises, and a malformed address", () => {
    expect(assignmentFromLink("https://example.org/assignment/", known)).toMatchObject({
      ok: false,
      errors: [{ code: "assignment-empty" }],
    });
    expect(assignmentFromLink("http://[not-an-address/?exercises=ftp-active", known)).toMatchObject({
      ok: false,
      errors: [{ code: "assignment-empty" }],
    });
  });

  it("reports the exercises the course does not have", () => {
    expect(assignmentFromLink("?exercises=ftp-active,retired", known)).toMatchObject({
      ok: true,
      value: { unknown: ["retired"] },
    });
  });
});

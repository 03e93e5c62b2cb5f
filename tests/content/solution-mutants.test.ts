/**
 * Exercises that test themselves: check:content makes the typical wrong answers from each
 * reference solution and fails an exercise that would accept one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkExerciseText } from "../../src/lib/content/check-exercise.ts";
import { solutionMutants } from "../../src/lib/content/solution-mutants.ts";
import { referenceNetwork } from "../../src/lib/grader/reference.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const portal = readFileSync("graders/open-https-like-the-portal.yaml", "utf8");

describe("solution mutants", () => {
  it("makes every kind of typical wrong answer from the FTP solution", () => {
    const ftp = exerciseFile("ftp-active.yaml");
    const reference = referenceNetwork(ftp);
    if (!reference?.ok) throw new Error("no reference");
    const kinds = solutionMutants(reference.value.topology, ftp.editable).map((m) => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "source-any",
        "source-internet",
        "protocol-any",
        "ports-widened",
        "ports-any",
        "single-host",
        "public-ip-destination",
        "wrong-direction",
        "broad-deny-first",
      ]),
    );
  });

  it("moves an association to the other level, and the subnet task catches it", () => {
    const subnet = exerciseFile("protect-the-whole-subnet.yaml");
    const reference = referenceNetwork(subnet);
    if (!reference?.ok) throw new Error("no reference");
    const moved = solutionMutants(reference.value.topology, subnet.editable).filter(
      (m) => m.kind === "wrong-level",
    );
    expect(moved.map((m) => m.description)).toEqual(
      expect.arrayContaining(["nsg-snet-web associated with the NICs of snet-web instead of the subnet"]),
    );
    const check = checkExerciseText(readFileSync("graders/protect-the-whole-subnet.yaml", "utf8"));
    expect(check.errors).toEqual([]);
  });

  // Every exercise's mutants are graded and compared: seconds, growing with the course.
  it("no exercise of the course accepts a typical wrong answer", { timeout: 60_000 }, () => {
    for (const file of readdirSync("graders")) {
      const check = checkExerciseText(readFileSync(`graders/${file}`, "utf8"));
      expect(
        check.errors.filter((e) => e.code === "mutant-passes"),
        file,
      ).toEqual([]);
    }
  });

  it("fails an exercise whose accepted differences let a wrong answer pass", () => {
    const loosened = `${portal.trimEnd()}\nacceptedDifferences:\n  - kind: too-open\n    reason: anything goes\n`;
    const check = checkExerciseText(loosened);
    expect(check.errors.map((e) => e.code)).toContain("mutant-passes");
    expect(check.errors.find((e) => e.code === "mutant-passes")?.message).toContain(
      "a typical wrong answer passes: vm-web1-nsg/Allow-HTTPS: destination port range widened by one port on each side",
    );
  });

  it("notes the wrong answers only the comparison catches, so an author can add a check", () => {
    const check = checkExerciseText(portal);
    expect(check.errors).toEqual([]);
    expect(check.notes).toContain(
      "only the comparison with the reference catches: vm-web1-nsg/Allow-HTTPS: destination port range widened by one port on each side (ports-widened)",
    );
  });

  it("refuses an accepted difference with an invalid address range", () => {
    const broken = `${portal.trimEnd()}\nacceptedDifferences:\n  - outside: [10.0.0.300/8]\n    reason: private space\n`;
    expect(checkExerciseText(broken).errors.map((e) => e.code)).toContain("invalid-cidr");
  });
});

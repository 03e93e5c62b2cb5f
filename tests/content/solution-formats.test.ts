/**
 * Every reference solution solves its exercise in each of the editor's formats: converted with
 * the editor's own converters (JSON, az CLI, PowerShell), then graded, every check passes and the
 * comparison with the reference finds nothing.
 */
import { describe, expect, it } from "vitest";
import { checkSolutionFormats, type Convert } from "../../src/lib/content/check-solution-formats.ts";
import { convertRules } from "../../src/lib/exercise-ui/format-conversion.ts";
import { fail, issue, ok } from "../../src/lib/result.ts";
import { allExercises, exercise } from "../exercise-ui/support.ts";

describe("reference solutions in every editor format", () => {
  it("solve every author-rules exercise as JSON, az CLI, PowerShell and the portal form, or say why a format cannot hold them", () => {
    const solved = allExercises().filter((e) => e.kind === "author-rules" && e.solution !== undefined);
    expect(solved.length).toBeGreaterThan(5);
    const notes: [string, string][] = [];
    for (const ex of solved) {
      const check = checkSolutionFormats(ex);
      expect(check.errors, ex.id).toEqual([]);
      notes.push(...check.notes.map((n) => [ex.id, n] as [string, string]));
    }
    // Only associating NSGs with subnets and NICs is beyond a format: JSON, PowerShell and the form here.
    expect(notes).toEqual([
      [
        "protect-the-whole-subnet",
        expect.stringMatching(/^the solution is not checked as JSON: .*associates NSGs/),
      ],
      [
        "protect-the-whole-subnet",
        expect.stringMatching(/^the solution is not checked as PowerShell: .*associates NSGs/) as unknown,
      ],
      [
        "protect-the-whole-subnet",
        expect.stringMatching(
          /^the solution is not checked as the portal form: .*associates NSGs/,
        ) as unknown,
      ],
    ]);
  });

  const ftp = exercise("ftp-active");
  /** The editor's conversion, then `damage` on what one format gets. */
  const converter =
    (format: string, damage: (text: string) => string): Convert =>
    (ex, text, from, to) => {
      const result = convertRules(ex, text, from, to);
      return result.ok && to === format ? ok({ ...result.value, text: damage(result.value.text) }) : result;
    };

  it("names the format and the check a converted solution fails, at the check", () => {
    const check = checkSolutionFormats(
      ftp,
      converter("powershell", (t) => t.replace("-DestinationPortRange 21", "-DestinationPortRange 2121")),
    );
    expect(check.errors).toContainEqual({
      code: "solution-format-fails",
      message: expect.stringMatching(
        /^the solution as PowerShell fails "FTP control from the studio reaches the VM": /,
      ) as unknown,
      path: ["expectations", 0],
    });
    // No check lists port 2121 open, but the comparison with the reference does.
    expect(check.errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^the solution as PowerShell differs from the reference: Too open/,
        ) as unknown,
      }),
    );
  });

  it("reports a converted solution that does not read, or a conversion that fails, with the format", () => {
    const unreadable = checkSolutionFormats(
      ftp,
      converter("json", (t) => t.replace("{", "{ oops")),
    );
    expect(unreadable.errors[0]).toMatchObject({
      code: "solution-format-fails",
      message: expect.stringMatching(
        /^the solution as JSON does not read \(line \d+:\d+ of the converted text\): /,
      ) as unknown,
      path: ["solution"],
    });
    const refusing: Convert = (ex, text, from, to) =>
      to === "azcli"
        ? fail([issue("rules-have-errors", "Cannot switch to az CLI: something broke.")])
        : convertRules(ex, text, from, to);
    expect(checkSolutionFormats(exercise("app-tier-asg"), refusing).errors).toEqual([
      {
        code: "solution-format-fails",
        message: "the solution cannot be converted to az CLI: Cannot switch to az CLI: something broke.",
        path: ["solution"],
      },
    ]);
  });

  it("leaves predict exercises and exercises without a solution alone", () => {
    expect(checkSolutionFormats(exercise("which-default-rule"))).toEqual({ errors: [], notes: [] });
    expect(checkSolutionFormats({ ...ftp, solution: undefined })).toEqual({ errors: [], notes: [] });
  });
});

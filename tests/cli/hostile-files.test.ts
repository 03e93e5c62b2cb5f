/**
 * The batch re-grade and the grader read whatever an instructor's inbox holds: links, pipes,
 * devices, huge files, forged names. Each is refused with a reason, and the batch always ends
 * with its table (and its CSV, when that can be written).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runClassroom } from "../../src/cli/classroom-command.ts";
import { runGrade } from "../../src/cli/grade-command.ts";
import { createNodeIo, type BatchIo } from "../../src/cli/io.ts";
import { buildSubmission, rulesWork, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";
import { ftpRule, json } from "../grader/fixtures.ts";

const GRADERS = resolve("graders");
let root: string;
let inbox: string;

const submission = (rules: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    ...(JSON.parse(
      submissionText(
        buildSubmission({
          work: [
            rulesWork({
              exercise: "ftp-active",
              rulesFormat: "json",
              rules,
              result: { passed: 8, failed: 0 },
            }),
          ],
        }),
      ),
    ) as Record<string, unknown>),
    ...extra,
  });

/** nodeIo with the output captured. */
function capture(): { io: BatchIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: BatchIo = createNodeIo(
    (t) => out.push(t),
    (t) => err.push(t),
  );
  return { io, out, err };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nsg-lab-hostile-"));
  inbox = join(root, "inbox");
  mkdirSync(join(inbox, "alice"), { recursive: true });
  mkdirSync(join(inbox, "loop"), { recursive: true });
  writeFileSync(join(inbox, "alice", "ftp-active-submission.json"), submission(json([ftpRule()])));
  symlinkSync(inbox, join(inbox, "loop", "back-to-inbox")); // a symlink loop
  symlinkSync("/etc/passwd", join(inbox, "passwd.json"));
  symlinkSync("/dev/zero", join(inbox, "zero.json"));
  execFileSync("mkfifo", [join(inbox, "pipe.json")]);
  writeFileSync(join(inbox, "huge.json"), Buffer.alloc(6 * 1024 * 1024, 32));
  writeFileSync(join(inbox, "deep.json"), submission("[".repeat(2000) + "]".repeat(2000)));
  writeFileSync(
    join(inbox, "forger.json"),
    submission(json([]), { learner: "mallory\nalice\tftp-active\t8/8" }),
  );
  writeFileSync(join(inbox, "ansi.json"), submission(json([]), { learner: "\u001b[32meve\u001b[0m" }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("instructor re-grades an inbox holding hostile files", () => {
  it("skips links, pipes and devices, refuses huge files, and still grades every real submission", () => {
    const { io, out, err } = capture();
    const csv = join(root, "gradebook.csv");
    const code = runGrade(["--submissions", inbox, "--exercises", GRADERS, "--csv", csv], io);
    expect(code).toBe(0);
    const table = out.join("\n");
    expect(table).toMatch(/^alice\tftp-active\t8\/8$/m);
    expect(err.join("\n")).toContain("passwd.json: a symbolic link (links are not followed)");
    expect(err.join("\n")).toContain("zero.json: a symbolic link");
    expect(err.join("\n")).toContain("back-to-inbox: a symbolic link");
    expect(err.join("\n")).toContain("pipe.json: not a regular file");
    expect(table).toMatch(/huge\.json\t\?\tinvalid\tsubmission-invalid: cannot read: is larger than 5 MB/);
    expect(table).not.toContain("root:");
    // Each file once, though the inbox links back to itself.
    expect(out.filter((l) => l.startsWith("alice\t"))).toHaveLength(1);
    expect(out.at(-1)).toMatch(/^5 submissions re-graded, 1 invalid; gradebook written to /);
  });

  it("grades a deeply nested submission as invalid rules with a located reason", () => {
    const { io, out } = capture();
    runGrade(["--submissions", join(inbox, "deep.json"), "--exercises", GRADERS, "--json"], io);
    const [row] = JSON.parse(out.join("\n")) as { status: string; detail: string }[];
    expect(row?.status).toBe("rules-invalid");
    expect(row?.detail).toMatch(/1:65: nested more than 64 levels deep/);
  });

  it("keeps control characters out of learner names, so no row can be forged or recoloured", () => {
    const { io, out } = capture();
    runGrade(
      ["--submissions", join(inbox, "forger.json"), join(inbox, "ansi.json"), "--exercises", GRADERS],
      io,
    );
    // New lines and tabs in a name are spaces; a name holding an escape is not used at all.
    expect(out.some((l) => l.startsWith("mallory alice ftp-active 8/8\tftp-active\t"))).toBe(true);
    expect(out.some((l) => l.startsWith("inbox\tftp-active\t"))).toBe(true); // its folder
    expect(out.join("\n")).not.toContain("\u001b");
  });

  it("keeps the table and exits 2 with a clear message when the CSV cannot be written", () => {
    const { io, out, err } = capture();
    const code = runGrade(
      [
        "--submissions",
        join(inbox, "alice"),
        "--exercises",
        GRADERS,
        "--csv",
        join(root, "no-such-dir", "g.csv"),
      ],
      io,
    );
    expect(code).toBe(2);
    expect(out[0]).toMatch(/\tftp-active\t8\/8$/);
    expect(err.join("\n")).toMatch(/cannot write the gradebook to .*g\.csv: ENOENT/);
  });
});

describe("instructor grades one rules file", () => {
  it("refuses a device or a pipe as --rules without reading it", () => {
    for (const target of ["/dev/zero", join(inbox, "pipe.json")]) {
      const { io, err } = capture();
      expect(runGrade([join(GRADERS, "ftp-active.yaml"), "--rules", target], io)).toBe(2);
      expect(err.join("\n")).toContain("is not a regular file");
    }
  });

  it("refuses a file over the size cap before reading it", () => {
    const { io, err } = capture();
    expect(runGrade([join(GRADERS, "ftp-active.yaml"), "--rules", join(inbox, "huge.json")], io)).toBe(2);
    expect(err.join("\n")).toContain("is larger than 5 MB");
  });

  it("exits 2 with a located error, not a stack trace, for deeply nested rules", () => {
    const rules = join(root, "deep-rules.json");
    writeFileSync(rules, "[".repeat(2000) + "]".repeat(2000));
    const { io, err } = capture();
    expect(runGrade([join(GRADERS, "ftp-active.yaml"), "--rules", rules], io)).toBe(2);
    expect(err.join("\n")).toMatch(/deep-rules\.json:1:65: error: nested more than 64 levels deep/);
  });

  it("reads a rules file saved with a byte-order mark", () => {
    const rules = join(root, "bom-rules.json");
    writeFileSync(rules, `\uFEFF${json([ftpRule()])}`);
    const { io } = capture();
    expect(runGrade([join(GRADERS, "ftp-active.yaml"), "--rules", rules], io)).toBe(0);
  });
});

describe("instructor generates a classroom template", () => {
  it("refuses a course name or ref that would inject lines into the workflow, and duplicate exercises", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const out = join(root, "template");
    expect(runClassroom(["--course", "me/nsg-lab\n      - run: curl evil", "--out", out])).toBe(2);
    expect(runClassroom(["--ref", "main\nrun: x", "--out", out])).toBe(2);
    expect(runClassroom(["--exercises", "ftp-active,ftp-active", "--out", out])).toBe(2);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining("--course must be a GitHub repository") as unknown,
      expect.stringContaining("--ref must be a branch") as unknown,
      expect.stringContaining("--exercises lists ftp-active more than once") as unknown,
    ]);
    errors.mockRestore();
  });
});

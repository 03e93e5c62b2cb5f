import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import type { ResultFile } from "../../src/lib/autograding/result-file.ts";
import { ftpRule, json } from "../grader/fixtures.ts";

/** A learner's repository in memory (rules/…), graded against the real graders/. */
function repo(files: Record<string, string>, options: { unwritable?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, "utf8")),
    listDir: (p) => {
      if (p === "graders") return readdirSync("graders");
      const names = Object.keys(files)
        .filter((f) => f.startsWith(`${p}/`))
        .map((f) => f.slice(p.length + 1));
      return names.length > 0 ? names : undefined;
    },
    writeFile: (p, text) => {
      if (p === options.unwritable) throw Object.assign(new Error("denied"), { code: "EACCES" });
      written[p] = text;
    },
  };
  return { io, out, err, written };
}

describe("npm run grade -- --rules-dir", () => {
  it("grades every rules file named after an exercise, and warns about the others", () => {
    const r = repo({
      "rules/ftp-active.json": json([ftpRule()]),
      "rules/notes.sh": "# todo",
      "rules/README.md": "",
    });
    expect(runGrade(["--rules-dir", "rules"], r.io)).toBe(0);
    expect(r.out.at(-1)).toBe("10 of 10 points");
    expect(r.err).toEqual(['warning: rules/notes.sh: no exercise "notes" in graders; not graded']);
  });

  it("scores a missing exercise of --expect as 0 and exits 1", () => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]) });
    expect(
      runGrade(["--rules-dir", "rules", "--expect", "ftp-active,ftp-passive", "--points", "5"], r.io),
    ).toBe(1);
    expect(r.out.at(-1)).toBe("5 of 10 points");
    expect(r.out.join("\n")).toContain(
      'rules/ftp-passive.sh: error: No rules file for "Switch the studio to passive FTP": add rules/ftp-passive.sh (or a .json, .yaml or .ps1 file of the same name).',
    );
  });

  it("gives each exercise its own points (--points id=N), into the output and result.json", () => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]) });
    const args = [
      "--rules-dir",
      "rules",
      "--expect",
      "ftp-active,ftp-passive",
      "--points",
      "ftp-active=30,ftp-passive=20",
    ];
    expect(runGrade([...args, "--result", "result.json"], r.io)).toBe(1);
    expect(r.out.at(-1)).toBe("30 of 50 points");
    const result = JSON.parse(r.written["result.json"]!) as ResultFile;
    expect(result.exercises.map((e) => [e.exercise, e.score, e.maxScore])).toEqual([
      ["ftp-active", 30, 30],
      ["ftp-passive", 0, 20],
    ]);
  });

  it.each([
    [["--points", "ftp-active=30"], /exactly the exercises of --expect; missing: ftp-passive/],
    [["--points", "ftp-active=30,ftp-passive=20,smtp-relay-on-587=5"], /not in --expect: smtp-relay-on-587/],
    [["--points", "ftp-active=0,ftp-passive=20"], /"ftp-active=0" is not exercise-id=points/],
    [["--points", "ftp-active=3,ftp-active=4"], /gives ftp-active points twice/],
  ])("refuses per-exercise points that do not fit --expect: %j", (extra, message) => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]) });
    expect(runGrade(["--rules-dir", "rules", "--expect", "ftp-active,ftp-passive", ...extra], r.io)).toBe(2);
    expect(r.err.join("\n")).toMatch(message);
  });

  it("refuses two rules files for one exercise", () => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]), "rules/ftp-active.sh": "" });
    expect(runGrade(["--rules-dir", "rules", "--json"], r.io)).toBe(1);
    const result = JSON.parse(r.out.join("\n")) as ResultFile;
    expect(result.exercises[0]).toMatchObject({
      status: "invalid",
      problems: [{ code: "duplicate-rules-file" }],
    });
  });

  it("takes the learner's name and the Actions environment into result.json", () => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]) });
    const env = { GITHUB_REPOSITORY: "contoso/week3-ada", GITHUB_SHA: "abc", GITHUB_ACTOR: "ada" };
    runGrade(
      ["--rules-dir", "rules", "--result", "out/result.json", "--learner", " Ada Lovelace "],
      r.io,
      env,
    );
    expect(JSON.parse(r.written["out/result.json"]!)).toMatchObject({
      learner: "Ada Lovelace",
      source: { repository: "contoso/week3-ada", commit: "abc", actor: "ada" },
      score: 10,
    });
  });

  it("exits 2 when the run cannot go ahead, saying why", () => {
    const cases: [string[], RegExp][] = [
      [["--rules-dir", "rules", "--points", "0"], /--points must be a whole number/],
      [["--rules-dir", "rules", "graders/ftp-active.yaml"], /give no exercise file or --rules/],
      [["--rules-dir", "rules", "--expect", "ftp-active,ftp-active"], /more than once/],
      [["--rules-dir", "rules", "--expect", "no-such-exercise"], /unknown exercise\(s\): no-such-exercise/],
      [["--rules-dir", "nowhere"], /nowhere is not a folder/],
      [["--rules-dir", "rules", "--exercises", "empty"], /no exercises found in empty/],
    ];
    for (const [argv, message] of cases) {
      const r = repo({ "rules/ftp-active.json": json([ftpRule()]) });
      expect(runGrade(argv, r.io), argv.join(" ")).toBe(2);
      expect(r.err.join("\n")).toMatch(message);
    }
  });

  it("exits 2 when the summary cannot be written, after writing what it can", () => {
    const r = repo({ "rules/ftp-active.json": json([ftpRule()]) }, { unwritable: "summary.md" });
    expect(
      runGrade(["--rules-dir", "rules", "--summary", "summary.md", "--result", "result.json"], r.io),
    ).toBe(2);
    expect(r.err).toEqual(["cannot write the job summary to summary.md: EACCES"]);
    expect(r.written["result.json"]).toBeDefined();
  });
});

describe("npm run grade -- --rules-dir repos/*/rules --csv (the instructor collects cloned repositories)", () => {
  it("writes one gradebook row per learner and exercise, grading each repository's rules", () => {
    const r = repo({
      "repos/ada/rules/ftp-active.json": json([ftpRule()]),
      "repos/bob/rules/ftp-active.json": json([ftpRule({ sourceAddressPrefix: "*" })]),
      "repos/bob/rules/ftp-passive.sh": "az network nsg rule create --oops",
      "repos/cy/README.md": "",
    });
    const argv = ["--rules-dir", "repos/ada/rules", "repos/bob/rules", "repos/cy/rules"];
    expect(runGrade([...argv, "--expect", "ftp-active,ftp-passive", "--csv", "gradebook.csv"], r.io)).toBe(0);
    const rows = r.written["gradebook.csv"]!.trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").slice(0, 7).join(","));
    expect(rows).toEqual([
      "ada,folder,,ftp-active,graded,8,8",
      "ada,folder,,ftp-passive,not-submitted,0,10",
      "bob,folder,,ftp-active,graded,7,8",
      "bob,folder,,ftp-passive,rules-invalid,0,10",
      "cy,folder,,ftp-active,not-submitted,0,8",
      "cy,folder,,ftp-passive,not-submitted,0,10",
    ]);
    expect(r.out.at(-1)).toBe("3 repositories graded; gradebook written to gradebook.csv");
  });

  it("needs --expect, and leaves the one-run outputs to a single repository", () => {
    const r = repo({});
    expect(runGrade(["--rules-dir", "a/rules", "b/rules"], r.io)).toBe(2);
    expect(r.err.at(-1)).toMatch(/needs --expect/);
    expect(
      runGrade(["--rules-dir", "a/rules", "b/rules", "--expect", "ftp-active", "--result", "x.json"], r.io),
    ).toBe(2);
    expect(r.err.at(-1)).toMatch(/use --csv/);
  });
});

/**
 * The re-grade of what learners hand in now: files that carry the learner's name, a predict
 * exercise's answers, one file for a whole assignment (as the assignment page downloads it),
 * and result.json files of grading runs. The name is a column; a claimed score never counts.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { assignmentHandIn } from "../../src/lib/assignments/assignment-submission.ts";
import { assignmentGrade, gradeRulesFile } from "../../src/lib/autograding/exercise-grade.ts";
import { resultFile, resultFileText } from "../../src/lib/autograding/result-file.ts";
import { savePredictAnswers } from "../../src/lib/exercise-ui/predict-answers.ts";
import {
  buildSubmission,
  predictWork,
  rulesWork,
  submissionText,
} from "../../src/lib/exercise-ui/submission-file.ts";
import { gradeTopology } from "../../src/lib/grader/index.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import { DRAFT, makeDraft } from "../../src/lib/store/records/draft.ts";
import { Store, type StorageLike } from "../../src/lib/store/store.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";

const predict = exerciseFile("subnet-then-nic.yaml");
/** The evaluator's verdicts: what a learner who predicts everything right answers. */
const rightAnswers = gradeTopology(predict, predict.topology).results.map(
  (r) => r.actual as "allow" | "deny",
);
const smtpChecks = exerciseFile("smtp-relay-on-587.yaml").expectations.length;
const at = new Date("2026-11-20T10:00:00.000Z");

function inbox(files: Record<string, string>) {
  const out: string[] = [];
  const written: Record<string, string> = {};
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: () => {},
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, "utf8")),
    listDir: (p) => {
      if (p === "graders") return readdirSync("graders");
      const names = Object.keys(files)
        .filter((f) => f.startsWith(`${p}/`))
        .map((f) => f.slice(p.length + 1).split("/")[0]!);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
    writeFile: (p, text) => {
      written[p] = text;
    },
  };
  const rows = (...paths: string[]) => {
    out.length = 0;
    expect(runGrade(["--submissions", ...paths, "--json"], io)).toBe(0);
    return JSON.parse(out.join("\n")) as GradebookRow[];
  };
  return { io, out, written, rows };
}

function memory(): StorageLike {
  const data: Record<string, string> = {};
  return {
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

describe("instructor re-grades files that carry the learner's name", () => {
  it("shows the typed name as the learner, with where it came from", () => {
    const file = submissionText(
      buildSubmission({
        learner: "Ada Lovelace",
        work: [rulesWork({ exercise: "ftp-active", rulesFormat: "json", rules: json([ftpRule()]) })],
        now: at,
      }),
    );
    const [row] = inbox({ "inbox/s01/ftp-active-submission.json": file }).rows("inbox");
    expect(row).toMatchObject({
      learner: "Ada Lovelace",
      learnerFrom: "file",
      exercise: "ftp-active",
      passed: 8,
      complete: true,
    });
  });

  it("re-grades a forged score: the work is graded again and the claim only shown", () => {
    const forged = submissionText(
      buildSubmission({
        learner: "Mallory",
        work: [
          rulesWork({
            exercise: "ftp-active",
            rulesFormat: "json",
            rules: json([ftpRule({ sourceAddressPrefix: "*" })]),
            result: { passed: 8, failed: 0 },
          }),
          predictWork({
            exercise: predict.id,
            answers: rightAnswers.map(() => "allow"),
            result: { passed: 99, failed: 0 },
          }),
        ],
        now: at,
      }),
    );
    const box = inbox({ "inbox/mallory.json": forged });
    const rows = box.rows("inbox/mallory.json");
    expect(rows.map((r) => [r.exercise, r.passed, r.total, r.complete, r.claimed])).toEqual([
      ["ftp-active", 7, 8, false, "8/8"],
      [predict.id, rightAnswers.filter((a) => a === "allow").length, rightAnswers.length, false, "99/99"],
    ]);
    box.out.length = 0;
    runGrade(["--submissions", "inbox/mallory.json"], box.io);
    expect(box.out[0]).toBe("Mallory\tftp-active\t7/8 +1 difference  (file claimed 8/8)");
  });

  it("re-grades a predict exercise's answers against the evaluator", () => {
    const answers = [...rightAnswers];
    answers[0] = answers[0] === "allow" ? "deny" : "allow";
    const file = submissionText(
      buildSubmission({ work: [predictWork({ exercise: predict.id, answers })], now: at }),
    );
    const [row] = inbox({ "inbox/grace/p.json": file }).rows("inbox");
    expect(row).toMatchObject({
      learner: "grace",
      learnerFrom: "folder",
      status: "graded",
      passed: rightAnswers.length - 1,
      total: rightAnswers.length,
    });
    expect(row!.detail.split("; ")[0]).toMatch(/^FAIL /);
  });

  it("says when predictions do not line up with the exercise any more, or are for a rules exercise", () => {
    const file = submissionText(
      buildSubmission({
        work: [
          predictWork({ exercise: predict.id, answers: ["allow"] }),
          predictWork({ exercise: "ftp-active", answers: ["allow"] }),
        ],
        now: at,
      }),
    );
    const rows = inbox({ "inbox/x.json": file }).rows("inbox/x.json");
    expect(rows.map((r) => [r.status, r.detail])).toEqual([
      ["submission-invalid", `the file answers 1 flows, but "${predict.id}" has ${rightAnswers.length} now`],
      ["submission-invalid", 'the file holds predictions, but "ftp-active" asks for rules'],
    ]);
  });
});

describe("instructor re-grades the file an assignment page downloads", () => {
  /** What the assignment page builds: the browser's saved draft and predictions, the learner's name. */
  function assignmentFile(): string {
    const store = new Store(memory());
    store.write(DRAFT, makeDraft(json([ftpRule()]), "json", at), "ftp-active");
    savePredictAnswers(
      store,
      predict.id,
      { flows: rightAnswers.map((answer) => ({ answer, wrongTries: 0, revealed: false, checked: true })) },
      at,
    );
    const { submission } = assignmentHandIn({
      title: "Week 3: ports",
      exercises: [
        { id: "ftp-active", kind: "rules", flows: 8 },
        { id: predict.id, kind: "predict", flows: rightAnswers.length },
        { id: "smtp-relay-on-587", kind: "rules", flows: smtpChecks },
      ],
      store,
      learner: "s1234567",
      now: at,
    });
    return submissionText(submission);
  }

  it("writes one gradebook row per exercise of the assignment, the one not started included", () => {
    const box = inbox({ "inbox/week-3-ports-submission.json": assignmentFile() });
    expect(runGrade(["--submissions", "inbox", "--csv", "gradebook.csv"], box.io)).toBe(0);
    const csv = box.written["gradebook.csv"]!.trim().split("\n");
    expect(csv.slice(1).map((line) => line.split(",").slice(0, 7).join(","))).toEqual([
      "s1234567,file,Week 3: ports,ftp-active,graded,8,8",
      `s1234567,file,Week 3: ports,${predict.id},graded,${rightAnswers.length},${rightAnswers.length}`,
      `s1234567,file,Week 3: ports,smtp-relay-on-587,not-submitted,0,${smtpChecks}`,
    ]);
    expect(box.out.at(-1)).toBe(
      "1 submissions re-graded (3 exercises), 1 not submitted; gradebook written to gradebook.csv",
    );
  });
});

describe("instructor re-grades result.json files collected from grading runs", () => {
  it("grades the rules each run graded, ignores its points and names the repository", () => {
    const ftp = exerciseFile("ftp-active.yaml");
    const run = resultFile(
      assignmentGrade([
        gradeRulesFile(ftp, "rules/ftp-active.json", json([ftpRule({ protocol: "*" })]), "json", 10),
      ]),
      { graderVersion: "0.1.0", now: at, source: { repository: "contoso/week3-ada" } },
    );
    // A forged run: every point claimed, and an exercise it never graded.
    const forged = {
      ...run,
      score: 20,
      exercises: [
        { ...run.exercises[0]!, status: "complete", score: 10, passed: 8, failed: 0 },
        { exercise: "ftp-passive", title: "", file: "rules/ftp-passive.sh", status: "missing", score: 10 },
      ],
    };
    const rows = inbox({ "artifacts/ada/result.json": resultFileText(forged as typeof run) }).rows(
      "artifacts",
    );
    expect(rows.map((r) => [r.learner, r.learnerFrom, r.exercise, r.status, r.complete, r.claimed])).toEqual([
      ["contoso/week3-ada", "repository", "ftp-active", "graded", false, "8/8"],
      ["contoso/week3-ada", "repository", "ftp-passive", "not-submitted", false, ""],
    ]);
    expect(rows[1]!.detail).toBe("no rules were graded (missing)");
  });
});

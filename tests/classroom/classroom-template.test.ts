import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import {
  classroom50Config,
  classroomTemplate,
  GRADER_DIR,
  type ClassroomOptions,
} from "../../src/lib/classroom/classroom-template.ts";
import type { ResultFile } from "../../src/lib/autograding/result-file.ts";
import { loadExercise } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const passive = exerciseFile("ftp-passive.yaml");
const options: ClassroomOptions = { courseRepo: "contoso/nsg-lab", courseRef: "main", pointsPerExercise: 10 };
const files = classroomTemplate([ftp, passive], options);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(files[".github/workflows/grade.yml"]!) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: { grade: { steps: Step[] } };
};
const steps = workflow.jobs.grade.steps;

/** Splits a step's command as the runner's shell would here: words, with "$VAR" quoted. */
const words = (command: string) => command.split(" ").map((w) => w.replace(/^"(.*)"$/, "$1"));

/**
 * Runs a command line of the workflow (or of a Classroom 50 test) in a learner's checkout: the
 * repository's files at the root and this course checked out in .nsg-lab-grader.
 */
function runAsTheWorkflowWould(
  command: string,
  repo: Record<string, string>,
  env: Record<string, string> = {},
) {
  const [node, script, ...args] = words(command).map((w) => w.replace("$GITHUB_STEP_SUMMARY", "summary.md"));
  expect([node, script]).toEqual(["node", `${GRADER_DIR}/bin/grade.ts`]);
  const written: Record<string, string> = {};
  const out: string[] = [];
  const course = (p: string) => (p.startsWith(`${GRADER_DIR}/`) ? relative(GRADER_DIR, p) : undefined);
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: () => {},
    readFile: (p) => {
      if (p in repo) return repo[p]!;
      const inCourse = course(p);
      if (inCourse === undefined) throw new Error("ENOENT");
      return readFileSync(inCourse, "utf8");
    },
    listDir: (p) => {
      const inCourse = course(p);
      if (inCourse !== undefined) return readdirSync(inCourse);
      const names = Object.keys(repo)
        .filter((f) => f.startsWith(`${p}/`))
        .map((f) => f.slice(p.length + 1).split("/")[0]!);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
    writeFile: (p, text) => {
      written[p] = text;
    },
  };
  return { code: runGrade(args, io, env), written, out };
}

describe("the assignment repository (no grading service)", () => {
  it("gives the learner a rules file per exercise, holding the starter, and says where results show", () => {
    expect(files["rules/ftp-active.sh"]).toBe(ftp.starter);
    expect(files["README.md"]).toMatch(/`rules\/ftp-active\.sh`/);
    expect(files["README.md"]).toMatch(/\*\*Summary\*\*/);
    expect(files["README.md"]).not.toMatch(/classroom/i);
  });

  it("grades on every push and pull request with read-only permissions and no retired Classroom action", () => {
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(files[".github/workflows/grade.yml"]).not.toMatch(/classroom-resources|autograding-|education\//);
    expect(steps.find((s) => s.with?.repository === "contoso/nsg-lab")?.with).toMatchObject({
      ref: "main",
      path: GRADER_DIR,
    });
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
    expect(upload).toMatchObject({ if: "always()", with: { name: "nsg-lab-result", path: "result.json" } });
  });

  const grading = steps.find((s) => s.run?.includes("--rules-dir"))!.run!;

  it("fails the untouched starters, with a summary, annotations and result.json, as the workflow runs it", () => {
    const repo = {
      "rules/ftp-active.sh": files["rules/ftp-active.sh"]!,
      "rules/ftp-passive.sh": files["rules/ftp-passive.sh"]!,
    };
    const run = runAsTheWorkflowWould(grading, repo, {
      GITHUB_REPOSITORY: "contoso/week3-ada",
      GITHUB_SHA: "abc123",
    });
    expect(run.code).toBe(1);
    expect(run.written["summary.md"]).toMatch(/^## NSG Lab: 0 of 20 points\n/);
    expect(run.out.filter((l) => l.startsWith("::error "))).not.toHaveLength(0);
    const result = JSON.parse(run.written["result.json"]!) as ResultFile;
    expect(result).toMatchObject({
      format: "nsg-lab-result",
      score: 0,
      maxScore: 20,
      source: { repository: "contoso/week3-ada", commit: "abc123" },
    });
    expect(result.exercises.map((e) => [e.exercise, e.status, e.score])).toEqual([
      ["ftp-active", "incomplete", 0],
      ["ftp-passive", "incomplete", 0],
    ]);
  });

  it("passes the reference solutions with full points", () => {
    const repo = { "rules/ftp-active.sh": ftp.solution!, "rules/ftp-passive.sh": passive.solution! };
    const run = runAsTheWorkflowWould(grading, repo);
    expect(run.code).toBe(0);
    expect(run.written["summary.md"]).toMatch(/^## NSG Lab: 20 of 20 points\n/);
    expect(run.out.filter((l) => l.startsWith("::"))).toEqual([]);
    expect((JSON.parse(run.written["result.json"]!) as ResultFile).score).toBe(20);
  });
});

describe("an assignment repository from a version 2 assignment link", () => {
  const weighted: ClassroomOptions = {
    ...options,
    points: { "ftp-active": 30, "ftp-passive": 20 },
    assignment: { title: "Week 4: FTP", due: "2026-11-20T17:00:00.000Z", instructions: "Do **both**." },
  };
  const made = classroomTemplate([ftp, passive], weighted);
  const grade = (
    parse(made[".github/workflows/grade.yml"]!) as { jobs: { grade: { steps: Step[] } } }
  ).jobs.grade.steps.find((s) => s.run?.includes("--rules-dir"))!.run!;

  it("puts each exercise's points in the workflow, and the result follows them", () => {
    expect(grade).toContain("--points ftp-active=30,ftp-passive=20");
    const run = runAsTheWorkflowWould(grade, {
      "rules/ftp-active.sh": ftp.solution!,
      "rules/ftp-passive.sh": "",
    });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.written["result.json"]!) as ResultFile;
    expect([result.score, result.maxScore]).toEqual([30, 50]);
  });

  it("gives learners the title, due date, instructions and points in the README", () => {
    const readme = made["README.md"]!;
    expect(readme).toMatch(/^# Week 4: FTP\n\n\*\*Due:\*\* 2026-11-20 17:00 UTC\n\nDo \*\*both\*\*\.\n/);
    expect(readme).toContain("| points |");
    expect(readme).toMatch(/`rules\/ftp-active\.sh` \| [^|]+ \| 30 \|/);
  });

  it("gives each Classroom 50 test its exercise's points", () => {
    const tests = JSON.parse(classroom50Config([ftp, passive], weighted)["tests.json"]!) as {
      name: string;
      points: number;
      run: string;
    }[];
    expect(tests.map((t) => [t.name, t.points])).toEqual([
      ["setup", 0],
      ["ftp-active", 30],
      ["ftp-passive", 20],
    ]);
    expect(tests[1]!.run).toContain("--points 30");
  });
});

describe("the Classroom 50 configuration", () => {
  const config = classroom50Config([ftp, passive], options);
  const tests = JSON.parse(config["tests.json"]!) as {
    name: string;
    type: string;
    run: string;
    points: number;
    timeout: number;
  }[];

  it("is a zero-point setup test that fetches the grader, then one run test per exercise", () => {
    expect(tests.map((t) => [t.name, t.type, t.points])).toEqual([
      ["setup", "run", 0],
      ["ftp-active", "run", 10],
      ["ftp-passive", "run", 10],
    ]);
    expect(tests[0]!.run).toContain(
      "git clone --quiet https://github.com/contoso/nsg-lab.git .nsg-lab-grader",
    );
    for (const t of tests) expect(t.timeout).toBeGreaterThan(0);
    expect(JSON.parse(config["runtime.json"]!)).toMatchObject({ node: "24" });
  });

  it("passes a test only for a complete exercise (exit 0), as Classroom 50's run tests read it", () => {
    const active = tests.find((t) => t.name === "ftp-active")!.run;
    expect(runAsTheWorkflowWould(active, { "rules/ftp-active.sh": ftp.solution! }).code).toBe(0);
    expect(runAsTheWorkflowWould(active, { "rules/ftp-active.sh": ftp.starter! }).code).toBe(1);
    expect(runAsTheWorkflowWould(active, {}).code).toBe(1); // no rules file: no points
  });
});

/** Every file under a folder, as relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("the committed classroom/template and classroom/classroom50", () => {
  const exercises = readdirSync("graders")
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const loaded = loadExercise(readFileSync(`graders/${f}`, "utf8"));
      if (!loaded.ok) throw new Error(f);
      return loaded.value;
    });
  const committed = { courseRepo: "your-org/nsg-lab", courseRef: "main", pointsPerExercise: 10 };

  it.each([
    ["classroom/template", classroomTemplate(exercises, committed)],
    ["classroom/classroom50", classroom50Config(exercises, committed)],
  ])("%s is exactly what `npm run assignment-repo` generates from today's exercises", (dir, expected) => {
    expect(filesUnder(dir)).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected))
      expect(readFileSync(`${dir}/${path}`, "utf8"), path).toBe(text);
  });
});

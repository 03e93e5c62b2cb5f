import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { classroomTemplate } from "../../src/lib/classroom/classroom-template.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const files = classroomTemplate([ftp], {
  courseRepo: "contoso/nsg-lab",
  courseRef: "main",
  pointsPerExercise: 10,
});

function gradeAsTheWorkflowWould(command: string, rulesText: string): number {
  const [, , exercise, , rules] = command.split(" ");
  const io: BatchIo = {
    out: () => {},
    err: () => {},
    readFile: (p) => (p === rules ? rulesText : readFileSync(p.replace(/^nsg-lab\//, ""), "utf8")),
    listDir: () => undefined,
    writeFile: () => {},
  };
  return runGrade([exercise!, "--rules", rules!], io);
}

describe("GitHub Classroom template", () => {
  const workflow = parse(files[".github/workflows/classroom.yml"]!) as {
    jobs: {
      grade: {
        steps: {
          id?: string;
          uses?: string;
          with?: Record<string, unknown>;
          env?: Record<string, string>;
        }[];
      };
    };
  };
  const steps = workflow.jobs.grade.steps;

  it("gives the learner a rules file per exercise, holding the starter", () => {
    expect(files["rules/ftp-active.sh"]).toBe(ftp.starter);
    expect(files["README.md"]).toMatch(/`rules\/ftp-active\.sh`/);
  });

  it("checks out the course repo and runs the grader CLI per exercise with points", () => {
    expect(steps.find((s) => s.with?.repository === "contoso/nsg-lab")).toBeDefined();
    const grader = steps.find((s) => s.id === "ftp-active")!;
    expect(grader.uses).toBe("classroom-resources/autograding-command-grader@v1");
    expect(grader.with).toMatchObject({ "test-name": "ftp-active", "max-score": 10 });
    const reporter = steps.find((s) => s.uses === "classroom-resources/autograding-grading-reporter@v1")!;
    expect(reporter.with?.runners).toBe("ftp-active");
    expect(reporter.env?.["FTP-ACTIVE_RESULTS"]).toBe("${{ steps.ftp-active.outputs.result }}");
  });

  it("fails the untouched starter and passes the reference solution, as the workflow would run it", () => {
    const command = String(steps.find((s) => s.id === "ftp-active")!.with!.command);
    expect(gradeAsTheWorkflowWould(command, files["rules/ftp-active.sh"]!)).toBe(1);
    expect(gradeAsTheWorkflowWould(command, ftp.solution!)).toBe(0);
  });
});

describe("the committed classroom/template", () => {
  it("matches what `npm run classroom` generates from today's exercises", async () => {
    const { readdirSync } = await import("node:fs");
    const { loadExercise } = await import("../../src/lib/grader/index.ts");
    const exercises = readdirSync("graders")
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => {
        const loaded = loadExercise(readFileSync(`graders/${f}`, "utf8"));
        if (!loaded.ok) throw new Error(f);
        return loaded.value;
      });
    const expected = classroomTemplate(exercises, {
      courseRepo: "your-org/nsg-lab",
      courseRef: "main",
      pointsPerExercise: 10,
    });
    for (const [path, text] of Object.entries(expected))
      expect(readFileSync(`classroom/template/${path}`, "utf8"), path).toBe(text);
  });
});

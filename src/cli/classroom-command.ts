import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { classroomTemplate } from "../lib/classroom/classroom-template.ts";
import { loadExercise, type Exercise } from "../lib/grader/index.ts";

const USAGE =
  "usage: npm run classroom -- [--exercises id,id,...] [--course owner/repo] [--ref main] [--points 10] [--out classroom/template]";

const GITHUB_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const GIT_REF = /^[A-Za-z0-9._/-]{1,200}$/;

/** Writes a GitHub Classroom starter repository for the chosen exercises. */
export function runClassroom(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        exercises: { type: "string" },
        course: { type: "string", default: process.env.GITHUB_REPOSITORY ?? "your-org/nsg-lab" },
        ref: { type: "string", default: "main" },
        points: { type: "string", default: "10" },
        out: { type: "string", default: "classroom/template" },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const all = new Map<string, Exercise>();
  for (const name of readdirSync("graders")
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const loaded = loadExercise(readFileSync(join("graders", name), "utf8"));
    if (loaded.ok) all.set(loaded.value.id, loaded.value);
  }
  const wanted = args.values.exercises
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean) ?? [...all.keys()];
  const twice = wanted.filter((id, i) => wanted.indexOf(id) !== i);
  if (twice.length > 0) {
    console.error(
      `--exercises lists ${[...new Set(twice)].join(", ")} more than once; each exercise is one grading step`,
    );
    return 2;
  }
  // Both go into the generated workflow file: a newline or quote there would add steps to it.
  if (!GITHUB_REPO.test(args.values.course)) {
    console.error(
      `--course must be a GitHub repository as owner/name (letters, digits, - _ .), not ${JSON.stringify(args.values.course)}`,
    );
    return 2;
  }
  if (!GIT_REF.test(args.values.ref) || args.values.ref.includes("..")) {
    console.error(
      `--ref must be a branch, tag or commit name (letters, digits, - _ . /), not ${JSON.stringify(args.values.ref)}`,
    );
    return 2;
  }
  const unknown = wanted.filter((id) => !all.has(id));
  if (unknown.length > 0) {
    console.error(`unknown exercise id(s): ${unknown.join(", ")}`);
    return 2;
  }
  const points = Number(args.values.points);
  if (!Number.isInteger(points) || points < 1) {
    console.error("--points must be a whole number of at least 1");
    return 2;
  }
  const files = classroomTemplate(
    wanted.map((id) => all.get(id)!),
    { courseRepo: args.values.course, courseRef: args.values.ref, pointsPerExercise: points },
  );
  for (const [path, text] of Object.entries(files)) {
    const target = join(args.values.out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${args.values.out}`);
  return 0;
}

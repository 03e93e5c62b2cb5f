import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  classroom50Config,
  classroomTemplate,
  type ClassroomOptions,
} from "../lib/classroom/classroom-template.ts";
import { assignmentFromLink } from "../lib/assignments/assignment-from-link.ts";
import type { Assignment } from "../lib/assignments/assignment-link.ts";
import { joinMessages } from "../lib/result.ts";
import { loadExercise, type Exercise } from "../lib/grader/index.ts";

const USAGE =
  "usage: npm run assignment-repo -- [--exercises id,id,... | --assignment <assignment link>] [--course owner/repo] [--ref main] [--points 10] [--out classroom/template] [--classroom50 classroom/classroom50]\n" +
  "       (npm run classroom is the same command under its old name)";

/** With neither --out nor --classroom50, both committed copies are regenerated. */
const DEFAULT_OUT = "classroom/template";
const DEFAULT_CLASSROOM50 = "classroom/classroom50";

const GITHUB_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const GIT_REF = /^[A-Za-z0-9._/-]{1,200}$/;

/**
 * Writes an assignment repository for the chosen exercises (a template repository whose
 * workflow grades every push), and with --classroom50 the same grading as Classroom 50 tests.
 */
export function runClassroom(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        exercises: { type: "string" },
        assignment: { type: "string" },
        course: { type: "string", default: process.env.GITHUB_REPOSITORY ?? "your-org/nsg-lab" },
        ref: { type: "string", default: "main" },
        points: { type: "string" },
        out: { type: "string" },
        classroom50: { type: "string" },
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
  if (args.values.assignment !== undefined && args.values.exercises !== undefined) {
    console.error("give --exercises or --assignment, not both: the assignment link lists its exercises");
    return 2;
  }
  let fromLink: Assignment | undefined;
  if (args.values.assignment !== undefined) {
    const read = assignmentFromLink(args.values.assignment, new Set(all.keys()));
    if (!read.ok || read.value.unknown.length > 0) {
      console.error(
        `--assignment: ${read.ok ? `names exercises this course does not have: ${read.value.unknown.join(", ")}` : joinMessages(read.errors, " ")}`,
      );
      return 2;
    }
    fromLink = read.value.assignment;
    const predict = fromLink.exercises.filter((id) => all.get(id)?.kind === "predict");
    if (predict.length > 0)
      console.log(
        `note: ${predict.join(", ")} ${predict.length === 1 ? "is a predict exercise" : "are predict exercises"}, handed in through the site only (no rules file)`,
      );
  }
  const wanted = fromLink?.exercises ??
    args.values.exercises
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
  // The ref also goes into a shell command (Classroom 50's setup test): it may not read as an option.
  if (!GIT_REF.test(args.values.ref) || args.values.ref.includes("..") || args.values.ref.startsWith("-")) {
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
  const points = Number(args.values.points ?? "10");
  if (!Number.isInteger(points) || points < 1) {
    console.error("--points must be a whole number of at least 1");
    return 2;
  }
  const chosen = wanted.map((id) => all.get(id)!);
  // The link's points per exercise, unless --points gives every exercise the same.
  const linkPoints = args.values.points === undefined ? fromLink?.points : undefined;
  const options: ClassroomOptions = {
    courseRepo: args.values.course,
    courseRef: args.values.ref,
    pointsPerExercise: points,
    ...(linkPoints ? { points: Object.fromEntries(wanted.map((id, i) => [id, linkPoints[i]!])) } : {}),
    ...(fromLink
      ? {
          assignment: {
            title: fromLink.title,
            ...(fromLink.due ? { due: fromLink.due } : {}),
            ...(fromLink.instructions ? { instructions: fromLink.instructions } : {}),
          },
        }
      : {}),
  };
  const neither = args.values.out === undefined && args.values.classroom50 === undefined;
  const out = args.values.out ?? (neither ? DEFAULT_OUT : undefined);
  const classroom50 = args.values.classroom50 ?? (neither ? DEFAULT_CLASSROOM50 : undefined);
  if (out !== undefined) writeAll(out, classroomTemplate(chosen, options));
  if (classroom50 !== undefined) writeAll(classroom50, classroom50Config(chosen, options));
  return 0;
}

function writeAll(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${dir}`);
}

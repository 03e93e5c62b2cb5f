import { writesRules, type Exercise } from "../grader/exercise-schema.ts";
import { detectRuleFormat } from "../grader/parse-learner-rules.ts";
import { RULE_FILE_EXTENSIONS, type RuleFormat } from "../formats/rule-document.ts";

/**
 * An assignment repository for a class on GitHub, with no grading service behind it: one rules
 * file per exercise (the exercise's starter) and a workflow that grades them with the NSG Lab
 * grader on every push and pull request. The run writes a job summary, marks the rules files
 * where a check fails (annotations) and uploads result.json with the points. Pure: returns
 * path → file text. `classroom50Config` is the same grading as Classroom 50 declarative tests.
 */
export interface ClassroomOptions {
  /** The course repository the workflow checks out to get the grader ("owner/repo"). */
  courseRepo: string;
  courseRef: string;
  pointsPerExercise: number;
  /** Each exercise's own points (from a version 2 assignment link), in place of `pointsPerExercise`. */
  points?: Readonly<Record<string, number>>;
  /** The assignment link's title, due date and instructions, for the learners' README. */
  assignment?: { title: string; due?: string; instructions?: string };
}

/** What one exercise is worth in this repository. */
const pointsFor = (o: ClassroomOptions, id: string): number =>
  o.points && Object.hasOwn(o.points, id) ? o.points[id]! : o.pointsPerExercise;

/** `--points` for these exercises: one number, or id=points pairs when they differ. */
function pointsArgument(ids: readonly string[], o: ClassroomOptions): string {
  if (!o.points) return String(o.pointsPerExercise);
  return ids.map((id) => `${id}=${pointsFor(o, id)}`).join(",");
}

/** "is worth 10 points" or "earns the points in the README's table". */
const worth = (o: ClassroomOptions): string =>
  o.points ? "earns its points (see the table in README.md)" : `is worth ${o.pointsPerExercise} points`;

/** Where the workflow checks out the course repository, inside the learner's checkout. */
export const GRADER_DIR = ".nsg-lab-grader";
export const RESULT_FILE = "result.json";
export const RESULT_ARTIFACT = "nsg-lab-result";
export const WORKFLOW_FILE = ".github/workflows/grade.yml";

/** The format of an exercise's starter, which names the rules file a learner starts from. */
export const starterFormat = (exercise: Exercise): RuleFormat =>
  exercise.starter ? detectRuleFormat(exercise.starter) : "azcli";

export function rulesFileName(exercise: Exercise): string {
  return `rules/${exercise.id}.${RULE_FILE_EXTENSIONS[starterFormat(exercise)]}`;
}

function starterText(exercise: Exercise): string {
  if (exercise.starter) return exercise.starter.endsWith("\n") ? exercise.starter : `${exercise.starter}\n`;
  return `# ${exercise.title}\n# Write az network nsg rule create commands for: ${exercise.editable.join(", ")}\n`;
}

/** The grader's command line, for the workflow and for Classroom 50 tests alike. */
export const gradeCommand = (ids: readonly string[], points: number | string, extra = ""): string =>
  `node ${GRADER_DIR}/bin/grade.ts --rules-dir rules --exercises ${GRADER_DIR}/graders --expect ${ids.join(",")} --points ${points}${extra}`;

function workflow(exercises: readonly Exercise[], o: ClassroomOptions): string {
  const ids = exercises.map((e) => e.id);
  return `# Grades the rules files with the NSG Lab grader on every push and pull request; no grading
# service is involved. Each run writes a job summary (one table per exercise: every failing
# check, its flow, the expected and actual verdict, and the path that decided it), marks the
# rules files where a check fails, and uploads ${RESULT_FILE} (points per exercise) as the
# artifact "${RESULT_ARTIFACT}". An exercise ${worth(o)} when it is complete: every check
# passes and the rules let through exactly what the task asks.
name: Grade
on:
  push:
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: grade-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v5
      - name: Get the NSG Lab grader
        uses: actions/checkout@v5
        with:
          repository: ${o.courseRepo}
          ref: ${o.courseRef}
          path: ${GRADER_DIR}
          persist-credentials: false
      - uses: actions/setup-node@v5
        with:
          node-version: 24
      - name: Install the grader's runtime dependencies
        run: npm ci --omit=dev --ignore-scripts --no-audit --no-fund
        working-directory: ${GRADER_DIR}
      - name: Grade the rules files
        run: ${gradeCommand(ids, pointsArgument(ids, o), ` --summary "$GITHUB_STEP_SUMMARY" --annotations --result ${RESULT_FILE}`)}
      - name: Keep ${RESULT_FILE}
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: ${RESULT_ARTIFACT}
          path: ${RESULT_FILE}
          if-no-files-found: warn
`;
}

function learnerReadme(exercises: readonly Exercise[], o: ClassroomOptions): string {
  const points = o.points !== undefined;
  const rows = exercises.map(
    (e) =>
      `| ${e.title} | \`${rulesFileName(e)}\` | ${e.editable.join(", ")} |${points ? ` ${pointsFor(o, e.id)} |` : ""}`,
  );
  const a = o.assignment;
  const heading = a
    ? [
        `# ${a.title}`,
        "",
        ...(a.due ? [`**Due:** ${a.due.replace(/:00\.000Z$/, " UTC").replace("T", " ")}`, ""] : []),
        ...(a.instructions ? [a.instructions, ""] : []),
        "## How this repository is graded",
      ].join("\n")
    : "# NSG Lab assignment";
  return `${heading}

Write Azure NSG rules in the files under \`rules/\`, commit and push. Every push (and every pull
request) is graded by the workflow in \`${WORKFLOW_FILE}\`:

- **Actions** tab → the latest **Grade** run → **Summary**: your points, and for each exercise
  that is not complete, every failing check with its flow, the verdict expected and the one
  your rules give, and the path of NSGs and rules that decided it, then how your rules differ
  from what the task asks.
- The rules files are marked at the line of the rule that decided a failing check (in the run's
  annotations and, on a pull request, in **Files changed**).
- \`${RESULT_FILE}\` with your points is kept with each run (artifact \`${RESULT_ARTIFACT}\`).

An exercise earns ${points ? "its points" : `its ${o.pointsPerExercise} points`} when every check passes and your rules let through exactly what
the task asks: nothing more, nothing less.

| exercise | your file | NSGs you edit |${points ? " points |" : ""}
|---|---|---|${points ? "---|" : ""}
${rows.join("\n")}

Rules files are \`az network nsg rule create ...\` scripts (\`.sh\`) or JSON (\`{ "<nsg>": [ rules ] }\`);
you may replace a file with a \`.json\`, \`.yaml\` or \`.ps1\` (Azure PowerShell) file of the same
name. Try them first on the course's exercise pages: they grade exactly like this workflow.
`;
}

export function classroomTemplate(
  exercises: readonly Exercise[],
  options: ClassroomOptions,
): Record<string, string> {
  const authored = exercises.filter(writesRules);
  const files: Record<string, string> = {
    [WORKFLOW_FILE]: workflow(authored, options),
    "README.md": learnerReadme(authored, options),
  };
  for (const e of authored) files[rulesFileName(e)] = starterText(e);
  return files;
}

/**
 * Classroom 50 grades with declarative tests kept in the teacher's classroom50 repository
 * (`gh teacher assignment add … --tests tests.json --runtime runtime.json`): a `run` test
 * passes when its command exits 0, which the grader does only for a complete exercise. The
 * leading zero-point `setup` test fetches the grader once; later tests run in the same checkout.
 * (Classroom 50 wiki: Autograding Basics, "Declarative tests"; Advanced Autograding, "runtime".)
 */
export function classroom50Config(
  exercises: readonly Exercise[],
  o: ClassroomOptions,
): Record<string, string> {
  const authored = exercises.filter(writesRules);
  const setup = [
    `git clone --quiet https://github.com/${o.courseRepo}.git ${GRADER_DIR}`,
    `git -C ${GRADER_DIR} checkout --quiet ${o.courseRef}`,
    `npm ci --prefix ${GRADER_DIR} --omit=dev --ignore-scripts --no-audit --no-fund`,
  ].join(" && ");
  const tests = [
    { name: "setup", type: "run", run: setup, timeout: 300, points: 0 },
    ...authored.map((e) => ({
      name: e.id,
      type: "run",
      run: gradeCommand([e.id], pointsFor(o, e.id)),
      timeout: 60,
      points: pointsFor(o, e.id),
    })),
  ];
  const readme = `# Classroom 50 configuration for this NSG Lab assignment

For the instructor, not for learners. Classroom 50 keeps an assignment's grading in your
organisation's \`classroom50\` repository, not in the template; these two files are that
grading, ready to register:

\`\`\`sh
gh teacher assignment add <org> <classroom> <slug> --name "NSG Lab" \\
  --template <org>/<this-template-repository> --tests tests.json --runtime runtime.json
\`\`\`

- \`tests.json\`: one declarative \`run\` test per exercise, worth ${o.points ? "its points" : `${o.pointsPerExercise} points`} when the grader exits 0
  (the exercise is complete), after a zero-point \`setup\` test that fetches the grader from
  \`${o.courseRepo}\` (\`${o.courseRef}\`), which must be readable by the grading run (public).
- \`runtime.json\`: Node 24, which the grader needs.

The template's own \`${WORKFLOW_FILE}\` still runs on every push with the job summary and the marks
on the rules files; delete it from the template if one grading run per push is enough.
`;
  return {
    "tests.json": `${JSON.stringify(tests, null, 2)}\n`,
    "runtime.json": `${JSON.stringify({ "runs-on": "ubuntu-latest", node: "24" }, null, 2)}\n`,
    "README.md": readme,
  };
}

import { writesRules, type Exercise } from "../grader/exercise-schema.ts";
import { detectRuleFormat } from "../grader/parse-learner-rules.ts";
import { RULE_FILE_EXTENSIONS } from "../formats/rule-document.ts";

/**
 * A GitHub Classroom starter repository: one rules file per exercise (the exercise's starter)
 * and a workflow that grades each file with the NSG Lab grader CLI on every push, reporting
 * points through GitHub Classroom's autograding actions. Pure: returns path → file text.
 */
export interface ClassroomOptions {
  /** The course repository the workflow checks out to get the grader ("owner/repo"). */
  courseRepo: string;
  courseRef: string;
  pointsPerExercise: number;
}

export function rulesFileName(exercise: Exercise): string {
  const format = exercise.starter ? detectRuleFormat(exercise.starter) : "azcli";
  return `rules/${exercise.id}.${RULE_FILE_EXTENSIONS[format]}`;
}

function starterText(exercise: Exercise): string {
  if (exercise.starter) return exercise.starter.endsWith("\n") ? exercise.starter : `${exercise.starter}\n`;
  return `# ${exercise.title}\n# Write az network nsg rule create commands for: ${exercise.editable.join(", ")}\n`;
}

const stepId = (exercise: Exercise) => exercise.id;

function workflow(exercises: readonly Exercise[], o: ClassroomOptions): string {
  const steps = exercises.map((e) =>
    [
      `      - name: ${e.title.replace(/[:#]/g, " ")}`,
      `        id: ${stepId(e)}`,
      `        uses: classroom-resources/autograding-command-grader@v1`,
      `        with:`,
      `          test-name: ${e.id}`,
      `          command: node nsg-lab/bin/grade.ts nsg-lab/graders/${e.id}.yaml --rules submission/${rulesFileName(e)}`,
      `          timeout: 2`,
      `          max-score: ${o.pointsPerExercise}`,
    ].join("\n"),
  );
  const env = exercises.map(
    (e) => `          ${stepId(e).toUpperCase()}_RESULTS: "\${{ steps.${stepId(e)}.outputs.result }}"`,
  );
  return `# Grades every rules file with the NSG Lab grader on each push (GitHub Classroom autograding).
# Each exercise is worth ${o.pointsPerExercise} points when all of its checks pass.
name: Autograding
on: [push, workflow_dispatch]
permissions:
  contents: read
  actions: read
  checks: write
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
        with:
          path: submission
      - name: Get the NSG Lab grader
        uses: actions/checkout@v4
        with:
          repository: ${o.courseRepo}
          ref: ${o.courseRef}
          path: nsg-lab
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install the grader's runtime dependencies
        run: npm ci --omit=dev --ignore-scripts --no-audit --no-fund
        working-directory: nsg-lab
${steps.join("\n")}
      - name: Report points
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${env.join("\n")}
        with:
          runners: ${exercises.map(stepId).join(",")}
`;
}

function studentReadme(exercises: readonly Exercise[]): string {
  const rows = exercises.map(
    (e) => `| ${e.title} | \`${rulesFileName(e)}\` | NSGs you edit: ${e.editable.join(", ")} |`,
  );
  return `# NSG Lab assignment

Write Azure NSG rules in the files under \`rules/\`, commit and push. Every push is graded
automatically: open the **Actions** tab to see each check, the trace of the NSG and rule that
decided it, and an explanation of every miss.

| exercise | your file | |
|---|---|---|
${rows.join("\n")}

Rules files are \`az network nsg rule create ...\` scripts (\`.sh\`) or JSON (\`{ "<nsg>": [ rules ] }\`).
Try them first in the course's exercise pages: they grade exactly like this workflow.
`;
}

export function classroomTemplate(
  exercises: readonly Exercise[],
  options: ClassroomOptions,
): Record<string, string> {
  const authored = exercises.filter(writesRules);
  const files: Record<string, string> = {
    ".github/workflows/classroom.yml": workflow(authored, options),
    "README.md": studentReadme(authored),
  };
  for (const e of authored) files[rulesFileName(e)] = starterText(e);
  return files;
}

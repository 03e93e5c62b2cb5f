import { parseArgs } from "node:util";
import { gradeSubmission, gradeTopology, isComplete, loadExercise } from "../lib/grader/index.ts";
import type { GradeReport } from "../lib/grader/report.ts";
import { formatIssue, formatLogReport, formatReport } from "./format-report.ts";
import { gradeWork } from "../lib/exercise-ui/grade-work.ts";
import { MAX_FILE_BYTES, nodeIo, type BatchIo } from "./io.ts";
import { runRegrade } from "./regrade-command.ts";
import { GRADEBOOK_LAYOUTS, isGradebookLayout } from "../lib/gradebook/csv-layouts.ts";
import { runVerify } from "./verify-command.ts";
import { runAutograde, runAutogradeBatch, type Env } from "./autograde-command.ts";
import { readPointsOption } from "../lib/autograding/points-option.ts";
import { applyExpectationsOption, readExpectationsOption } from "./expectations-option.ts";
import { isSubmission, parseSubmission, workFor, type Work } from "../lib/exercise-ui/submission-file.ts";
import { issue, type Issue, type Result } from "../lib/result.ts";
import { formatOfFileName, RULE_FORMATS, type RuleFormat } from "../lib/formats/rule-document.ts";

function looksLikeSubmission(text: string): boolean {
  try {
    return isSubmission(JSON.parse(text));
  } catch {
    return false;
  }
}

/** The work a submission file holds for this exercise (a file of any version, one or many exercises). */
function submittedWork(text: string, exercise: string): Result<Work> {
  const parsed = parseSubmission(text);
  return parsed.ok ? workFor(parsed.value, exercise) : parsed;
}

const USAGE = [
  `usage: npm run grade -- <exercise-file> [--rules <file>] [--format ${RULE_FORMATS.join("|")}] [--json]`,
  "       (every form below also takes --expectations <file>: an instructor's extra checks, AUTHORING.md “Assessment mode”)",
  "       npm run grade -- --submissions <dir|file>... [--csv gradebook.csv] [--layout generic|canvas|moodle] [--points 10]",
  "                        [--exercises graders] [--json] [--report]",
  "       npm run grade -- --rules-dir <dir> [--expect id,id,...] [--points 10 | --points id=30,id=20] [--exercises graders]",
  "                        [--summary <file>] [--annotations] [--result result.json] [--learner <name>] [--json]",
  "       npm run grade -- --rules-dir <dir> --rules-dir <dir>... --expect id,id,... [--csv gradebook.csv] [--json]",
  "       npm run grade -- <exercise-file> [--rules <file>] --verify-script az|powershell   (a script that checks the rules on Azure)",
  "       npm run grade -- <exercise-file> [--rules <file>] --azure-results <file>   (compare what Azure answered)",
].join("\n");

const ids = (list: string | undefined): string[] | undefined =>
  list
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Exit codes (docs/exercise-format.md): 0 every expectation holds, 1 any fails, 2 invalid input. */
export function runGrade(argv: string[], io: BatchIo = nodeIo, env: Env = process.env): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rules: { type: "string" },
        format: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
        submissions: { type: "string", multiple: true },
        csv: { type: "string" },
        exercises: { type: "string", default: "graders" },
        "verify-script": { type: "string" },
        "azure-results": { type: "string" },
        "rules-dir": { type: "string", multiple: true },
        expect: { type: "string" },
        points: { type: "string", default: "10" },
        summary: { type: "string" },
        annotations: { type: "boolean", default: false },
        result: { type: "string" },
        learner: { type: "string" },
        report: { type: "boolean", default: false },
        expectations: { type: "string" },
        layout: { type: "string", default: "generic" },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  // Assessment mode: the instructor's extra checks, applied to whatever is graded below.
  const expectations =
    args.values.expectations !== undefined ? readExpectationsOption(args.values.expectations, io) : undefined;
  if (args.values.expectations !== undefined && !expectations) return 2;
  if (args.values.submissions) {
    const paths = [...args.values.submissions, ...args.positionals];
    const { layout } = args.values;
    const points = Number(args.values.points);
    if (!isGradebookLayout(layout)) {
      io.err(`--layout must be one of ${GRADEBOOK_LAYOUTS.join(", ")}\n${USAGE}`);
      return 2;
    }
    if (!Number.isInteger(points) || points < 1) {
      io.err(`--points must be a whole number of at least 1\n${USAGE}`);
      return 2;
    }
    return runRegrade(
      paths,
      {
        csv: args.values.csv,
        exercisesDir: args.values.exercises,
        json: args.values.json,
        report: args.values.report,
        ...(expectations ? { expectations } : {}),
        layout,
        points,
      },
      io,
    );
  }
  if (args.values["rules-dir"] !== undefined) {
    // `--rules-dir repos/*/rules`: the shell's expansion after the first folder arrives as positionals.
    const rulesDirs = [...args.values["rules-dir"], ...args.positionals];
    const pointsRead = readPointsOption(args.values.points);
    if (!pointsRead.ok) {
      io.err(`${pointsRead.errors[0]!.message}\n${USAGE}`);
      return 2;
    }
    const points = pointsRead.value;
    if (args.positionals.some((p) => /\.(ya?ml|json)$/i.test(p)) || args.values.rules !== undefined) {
      io.err(`--rules-dir grades a folder of rules files: give no exercise file or --rules\n${USAGE}`);
      return 2;
    }
    const expect = ids(args.values.expect);
    if (expect && new Set(expect).size !== expect.length) {
      io.err("--expect lists an exercise more than once");
      return 2;
    }
    if ("each" in points) {
      const ids = [...points.each.keys()];
      const without = (expect ?? []).filter((id) => !points.each.has(id));
      const extra = ids.filter((id) => !expect?.includes(id));
      if (!expect || without.length > 0 || extra.length > 0) {
        io.err(
          `--points id=points must give points to exactly the exercises of --expect${without.length ? `; missing: ${without.join(", ")}` : ""}${extra.length ? `; not in --expect: ${extra.join(", ")}` : ""}`,
        );
        return 2;
      }
    }
    const options = {
      rulesDir: rulesDirs[0]!,
      exercisesDir: args.values.exercises,
      ...(expect ? { expect } : {}),
      points,
      ...(args.values.summary ? { summary: args.values.summary } : {}),
      annotations: args.values.annotations,
      ...(args.values.result ? { result: args.values.result } : {}),
      ...(args.values.learner?.trim() ? { learner: args.values.learner.trim() } : {}),
      json: args.values.json,
      ...(expectations ? { expectations } : {}),
    };
    // Many repositories (or a gradebook): the instructor's batch, into one CSV.
    if (rulesDirs.length > 1 || args.values.csv !== undefined) {
      if (!expect) {
        io.err(
          "grading several repositories needs --expect id,id,...: a repository missing a file then scores 0 instead of leaving the gradebook",
        );
        return 2;
      }
      if (args.values.summary || args.values.annotations || args.values.result || args.values.learner) {
        io.err(
          "--summary, --annotations, --result and --learner are for one repository's run; with several, use --csv",
        );
        return 2;
      }
      return runAutogradeBatch(
        rulesDirs,
        { ...options, ...(args.values.csv ? { csv: args.values.csv } : {}) },
        io,
      );
    }
    return runAutograde(options, io, env);
  }
  const formatArg = args.values.format;
  if (formatArg !== undefined && !(RULE_FORMATS as readonly string[]).includes(formatArg)) {
    io.err(`--format must be one of ${RULE_FORMATS.join(", ")}\n${USAGE}`);
    return 2;
  }
  const [exerciseFile, ...extra] = args.positionals;
  if (!exerciseFile || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const read = (path: string): string | undefined => {
    try {
      const text = io.readFile(path);
      // The real reader checks the size before reading; this keeps any other Io to the same cap.
      if (text.length > MAX_FILE_BYTES) {
        io.err(`${path}: file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
        return undefined;
      }
      return text;
    } catch (e) {
      io.err(`${path}: cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return undefined;
    }
  };
  const invalid = (file: string, errors: Issue[]) => {
    if (args.values.json)
      io.out(
        JSON.stringify(
          { exercise: null, valid: false, errors: errors.map((e) => ({ file, ...e })) },
          null,
          2,
        ),
      );
    for (const e of errors) io.err(formatIssue(file, e));
    return 2;
  };

  const exerciseText = read(exerciseFile);
  if (exerciseText === undefined) return 2;
  const loaded = loadExercise(exerciseText, exerciseFile.endsWith(".json") ? "json" : "auto");
  if (!loaded.ok) return invalid(exerciseFile, loaded.errors);
  const augmented = applyExpectationsOption(
    expectations,
    new Map([[loaded.value.id, loaded.value]]),
    io,
    loaded.value.id,
  );
  if (!augmented) return 2;
  const exercise = { ok: true as const, value: augmented.get(loaded.value.id)! };

  const verifyScript = args.values["verify-script"];
  const azureResults = args.values["azure-results"];
  if (verifyScript !== undefined || azureResults !== undefined) {
    const rulesPath = args.values.rules;
    const rulesText = rulesPath !== undefined ? read(rulesPath) : "";
    const resultsText = azureResults !== undefined ? read(azureResults) : undefined;
    if (rulesText === undefined || (azureResults !== undefined && resultsText === undefined)) return 2;
    const format =
      (formatArg as RuleFormat | undefined) ?? (rulesPath ? formatOfFileName(rulesPath) : undefined);
    return runVerify(
      exercise.value,
      rulesPath !== undefined ? { path: rulesPath, text: rulesText, format } : undefined,
      {
        ...(verifyScript !== undefined ? { script: verifyScript } : {}),
        ...(azureResults !== undefined && resultsText !== undefined
          ? { results: { path: azureResults, text: resultsText } }
          : {}),
      },
      io,
    );
  }

  let report: GradeReport;
  const rulesFile = args.values.rules;
  if (rulesFile !== undefined) {
    const rulesText = read(rulesFile);
    if (rulesText === undefined) return 2;
    // A submission file downloaded from the site carries the work: rules as text in their own
    // format, or a predict exercise's answers. Its claimed score is not read.
    const work = looksLikeSubmission(rulesText) ? submittedWork(rulesText, exercise.value.id) : undefined;
    if (work && !work.ok) return invalid(rulesFile, work.errors);
    if (work?.ok && work.value.kind !== "author-rules") {
      const graded = gradeWork(exercise.value, work.value);
      if (!graded.ok) return invalid(rulesFile, [issue("wrong-exercise", graded.reason, ["work"])]);
      if (graded.kind === "read-logs") {
        if (graded.report.status === "invalid") return invalid(exerciseFile, graded.report.errors);
        io.out(
          args.values.json
            ? JSON.stringify(graded.report, null, 2)
            : formatLogReport(graded.report, exercise.value.title),
        );
        return graded.report.failed === 0 ? 0 : 1;
      }
      report = graded.report;
    } else {
      const handedIn = work?.ok && work.value.kind === "author-rules" ? work.value : undefined;
      // --format, else the submission's own, else the file's extension, else detected from the text.
      const format = handedIn
        ? handedIn.rulesFormat
        : ((formatArg as RuleFormat | undefined) ?? formatOfFileName(rulesFile));
      report = gradeSubmission(exercise.value, handedIn ? handedIn.rules : rulesText, format);
    }
    if (report.status === "invalid") return invalid(rulesFile, [...report.errors, ...report.warnings]);
  } else {
    report = gradeTopology(exercise.value, exercise.value.topology);
    if (report.status === "invalid") return invalid(exerciseFile, report.errors);
  }
  for (const w of report.warnings) io.err(formatIssue(rulesFile ?? exerciseFile, w));
  if (args.values.json) io.out(JSON.stringify(toJson(report), null, 2));
  else io.out(formatReport(report, exercise.value.title));
  return isComplete(report) ? 0 : 1;
}

/** The public JSON shape: docs/exercise-format.md, plus `explanation` and `lints`. */
export function toJson(report: GradeReport) {
  return {
    exercise: report.exercise,
    passed: report.passed,
    failed: report.failed,
    results: report.results.map((r) => ({
      name: r.name,
      expect: r.expect,
      actual: r.actual,
      pass: r.pass,
      decidedBy: r.decidedBy ?? null,
      decider: r.decider,
      trace: r.trace,
      ...(r.explanation ? { explanation: r.explanation } : {}),
    })),
    lints: report.lints,
    compared: report.compared,
    ...(report.comparisonProblem ? { comparisonProblem: report.comparisonProblem } : {}),
    differences: report.differences,
    ...(report.change ? { change: report.change } : {}),
    complete: isComplete(report),
  };
}

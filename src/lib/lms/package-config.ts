import {
  assignmentSchema,
  MAX_EXERCISES,
  MAX_TITLE,
  type Assignment,
} from "../assignments/assignment-link.ts";
import { customIssue, parseSchema } from "../nsg/zod-issues.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import { z } from "../zod.ts";

/**
 * What an LMS package's launch page knows about its assignment: the title, the exercises in the
 * instructor's order, what each is worth and the status a finished assignment reports. The
 * packager writes it into the launch page (a data attribute, in place of PACKAGE_CONFIG_MARKER)
 * and the page reads it back with `readPackageConfig`, so the package needs no query string,
 * which some LMSs drop or rewrite when they launch a SCO.
 */

/**
 * SCORM 1.2 scores lie between 0 and 100 (cmi.core.score.raw, .min and .max are CMIDecimal values
 * normalised to that range; scorm-again refuses more with error 405, "Incorrect Data Type").
 */
export const SCORM12_MAX_SCORE = 100;
/** Each exercise's points unless the instructor says otherwise (as `npm run classroom` gives). */
export const DEFAULT_POINTS = 10;

/**
 * "passed" suits an LMS that grades; "completed" one that only tracks completion. Never
 * "failed": a learner can always keep trying, so an unfinished assignment stays "incomplete".
 */
export const COMPLETION_STATUSES = ["passed", "completed"] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

/** Written in place of this value of the launch page's `data-package` attribute. */
export const PACKAGE_CONFIG_MARKER = "nsg-lab:lms-package-config";

const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const packageConfigSchema = z
  .strictObject({
    format: z.literal("scorm12"),
    title: z.string().trim().min(1).max(MAX_TITLE),
    exercises: z.array(z.string().regex(EXERCISE_ID)).min(1).max(MAX_EXERCISES),
    pointsPerExercise: z.number().int().min(1).max(SCORM12_MAX_SCORE),
    /** Each exercise's points, in the order of `exercises`, when the assignment link gives them; else `pointsPerExercise` each. */
    points: z.array(z.number().int().min(1).max(SCORM12_MAX_SCORE)).optional(),
    completion: z.enum(COMPLETION_STATUSES),
    /** The rest of the assignment link (version 2), shown on the assignment page inside the LMS. */
    instructions: assignmentSchema.shape.instructions,
    due: assignmentSchema.shape.due,
    feedback: assignmentSchema.shape.feedback,
  })
  .superRefine((config, ctx) => {
    if (new Set(config.exercises).size !== config.exercises.length)
      ctx.addIssue(customIssue("invalid-value", "An exercise is listed twice.", ["exercises"]));
    if (config.points && config.points.length !== config.exercises.length)
      ctx.addIssue(customIssue("invalid-value", "points must give one number per exercise.", ["points"]));
    const total = exercisePoints(config).reduce((a, b) => a + b, 0);
    if (total > SCORM12_MAX_SCORE)
      ctx.addIssue(
        customIssue(
          "score-out-of-range",
          `The exercises are worth ${total} points in all, more than a SCORM 1.2 score can be (${SCORM12_MAX_SCORE}).`,
          [config.points ? "points" : "pointsPerExercise"],
        ),
      );
  });

export type PackageConfig = z.infer<typeof packageConfigSchema>;

/** What each exercise is worth, in the assignment's order. */
export const exercisePoints = (config: Pick<PackageConfig, "exercises" | "points" | "pointsPerExercise">) =>
  config.points ?? config.exercises.map(() => config.pointsPerExercise);

/** The assignment the launch page opens in its frame: the link's fields the package kept. */
export const packagedAssignment = (config: PackageConfig): Assignment => ({
  title: config.title,
  exercises: config.exercises,
  ...(config.points ? { points: config.points } : {}),
  ...(config.instructions ? { instructions: config.instructions } : {}),
  ...(config.due ? { due: config.due } : {}),
  ...(config.feedback ? { feedback: config.feedback } : {}),
});

/**
 * Each exercise's points: `requested`, or the default when the exercises fit in a SCORM 1.2
 * score with it, else as many as fit (12 exercises: 8 points each, 96 in all).
 */
export function pointsPerExercise(exerciseCount: number, requested?: number): Result<number> {
  const most = Math.floor(SCORM12_MAX_SCORE / Math.max(1, exerciseCount));
  if (requested === undefined) return ok(Math.max(1, Math.min(DEFAULT_POINTS, most)));
  if (!Number.isInteger(requested) || requested < 1)
    return fail([issue("invalid-value", "Points must be a whole number of at least 1.", ["points"])]);
  if (requested > most)
    return fail([
      issue(
        "score-out-of-range",
        `${exerciseCount} exercises × ${requested} points make ${exerciseCount * requested}, but a SCORM 1.2 score lies between 0 and ${SCORM12_MAX_SCORE}: give each exercise ${most} points or fewer.`,
        ["points"],
      ),
    ]);
  return ok(requested);
}

/** The configuration as the launch page's attribute holds it. */
export const packageConfigText = (config: PackageConfig): string => JSON.stringify(config);

/**
 * Reads the launch page's configuration. The marker itself (the page as the site builds it,
 * outside a package) and exercises this build does not have are refused with a sentence a
 * learner can pass on to the instructor.
 */
export function readPackageConfig(
  text: string | undefined,
  known: ReadonlySet<string>,
): Result<PackageConfig> {
  if (text === undefined || text === "" || text === PACKAGE_CONFIG_MARKER)
    return fail([
      issue(
        "missing-field",
        "This page opens an assignment inside an LMS package, and this copy of it is not part of one. Instructors make packages with npm run package.",
      ),
    ]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail([
      issue("invalid-json", "The package's settings are damaged (not JSON). Make the package again."),
    ]);
  }
  const parsed = parseSchema(packageConfigSchema, json);
  if (!parsed.ok) return parsed;
  const missing = parsed.value.exercises.filter((id) => !known.has(id));
  if (missing.length > 0)
    return fail([
      issue(
        "unknown-exercise",
        `The package names exercises its copy of the course does not have (${missing.join(", ")}). Make the package again.`,
        ["exercises"],
      ),
    ]);
  return parsed;
}

import { join } from "node:path";
import { parseArgs } from "node:util";
import { zipSync } from "fflate";
import { assignmentFromLink } from "../lib/assignments/assignment-from-link.ts";
import { loadExercise } from "../lib/grader/index.ts";
import { parseSchema } from "../lib/nsg/zod-issues.ts";
import {
  COMPLETION_STATUSES,
  packageConfigSchema,
  exercisePoints,
  pointsPerExercise,
  SCORM12_MAX_SCORE,
  type PackageConfig,
} from "../lib/lms/package-config.ts";
import { scorm12Package, staticPackage } from "../lib/lms/package-files.ts";
import { RELOCATABLE_BASE, relocateSite, type SiteFiles } from "../lib/lms/relocate-site.ts";
import { joinMessages, type Issue } from "../lib/result.ts";
import { printable } from "../lib/text/printable.ts";
import type { Io } from "./io.ts";

/** What packaging needs from the outside world; tests pass an in-memory one. */
export interface PackageIo extends Io {
  /** A folder's entries; undefined when `path` is not a folder. */
  listDir: (path: string) => string[] | undefined;
  /** Builds the site (npm run build) under `base` and returns its files; throws an Error saying why not. */
  buildSite: (base: string) => SiteFiles;
  /** The files of an already built site; throws an Error saying why not. */
  readSite: (dir: string) => SiteFiles;
  writeBytes: (path: string, bytes: Uint8Array) => void;
}

const USAGE = [
  "usage: npm run package -- --format scorm12 --assignment <assignment link or file> [--points N] [--completion passed|completed] [--out package.zip]",
  "       npm run package -- --format static [--base /path/] [--out nsg-lab-static.zip]",
  `       either with --site <folder>: a site already built with BASE_PATH=${RELOCATABLE_BASE} (instead of building one)`,
].join("\n");

const FORMATS = ["scorm12", "static"];
/** A base path as a web server has it: /, or /folders/ with a slash at each end. */
const BASE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;
/** Zip entries get one date, so the same course and assignment always make the same file. */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "") || "assignment";

const issues = (errors: readonly Issue[]): string => joinMessages(errors, " ");

/** The titles of the course's exercises, by id (exercises that do not load are left out, as the site does). */
function exerciseTitles(io: PackageIo, dir = "graders"): Map<string, string> {
  const titles = new Map<string, string>();
  for (const name of (io.listDir(dir) ?? []).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    let text: string;
    try {
      text = io.readFile(join(dir, name));
    } catch {
      continue;
    }
    const loaded = loadExercise(text);
    if (loaded.ok) titles.set(loaded.value.id, loaded.value.title);
  }
  return titles;
}

/** A link as given, or the first line of the file that holds it. */
function assignmentLinkOf(argument: string, io: PackageIo): { link: string } | { error: string } {
  if (/exercises=/.test(argument)) return { link: argument };
  let text: string;
  try {
    text = io.readFile(argument);
  } catch (e) {
    return {
      error: `--assignment ${printable(argument)} is neither an assignment link (…/assignment/?exercises=…) nor a readable file: ${(e as Error).message}`,
    };
  }
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  return line === undefined ? { error: `${printable(argument)} holds no assignment link` } : { link: line };
}

/** "2 exercises × 10 points (20 in all)", or "2 exercises worth 30, 20 points (50 in all)" from the link's points. */
function pointsSummary(config: PackageConfig): string {
  const worth = exercisePoints(config);
  const total = worth.reduce((a, b) => a + b, 0);
  const count = `${config.exercises.length} exercises`;
  return config.points
    ? `${count} worth ${worth.join(", ")} points (${total} in all)`
    : `${count} × ${config.pointsPerExercise} points (${total} in all)`;
}

/** The package's settings from the arguments, or the message that says what is wrong. */
function scorm12Config(
  values: { assignment?: string; points?: string; completion?: string },
  titles: ReadonlyMap<string, string>,
  io: PackageIo,
): { config: PackageConfig } | { error: string } {
  if (values.assignment === undefined)
    return {
      error: "--format scorm12 needs --assignment: the link from the site's Build an assignment page",
    };
  const source = assignmentLinkOf(values.assignment, io);
  if ("error" in source) return source;
  const read = assignmentFromLink(source.link, new Set(titles.keys()));
  if (!read.ok) return { error: `--assignment: ${issues(read.errors)}` };
  const { assignment, unknown } = read.value;
  if (unknown.length > 0)
    return {
      error: `--assignment names exercises this course does not have: ${unknown.map(printable).join(", ")}. Build the link again on this course's Build an assignment page.`,
    };
  let requested: number | undefined;
  if (values.points !== undefined) {
    requested = /^\d+$/.test(values.points) ? Number(values.points) : NaN;
  }
  const points = pointsPerExercise(assignment.exercises.length, requested);
  if (!points.ok) return { error: `--points: ${issues(points.errors)}` };
  // The link's points per exercise count unless --points gives every exercise the same.
  const linkPoints = requested === undefined ? assignment.points : undefined;
  const linkTotal = linkPoints?.reduce((a, b) => a + b, 0) ?? 0;
  if (linkTotal > SCORM12_MAX_SCORE)
    return {
      error: `--assignment gives the exercises ${linkTotal} points in all, but a SCORM 1.2 score lies between 0 and ${SCORM12_MAX_SCORE}: lower them on the Build an assignment page, or give every exercise the same with --points N.`,
    };
  const completion = values.completion ?? "passed";
  if (!(COMPLETION_STATUSES as readonly string[]).includes(completion))
    return {
      error: `--completion must be ${COMPLETION_STATUSES.join(" or ")} (what a finished assignment reports), not ${JSON.stringify(printable(completion))}`,
    };
  const config = parseSchema(packageConfigSchema, {
    format: "scorm12",
    title: assignment.title,
    exercises: assignment.exercises,
    pointsPerExercise: points.value,
    ...(linkPoints ? { points: linkPoints } : {}),
    completion,
    ...(assignment.instructions ? { instructions: assignment.instructions } : {}),
    ...(assignment.due ? { due: assignment.due } : {}),
    ...(assignment.feedback ? { feedback: assignment.feedback } : {}),
  });
  return config.ok ? { config: config.value } : { error: issues(config.errors) };
}

/** The built site: the one named by --site, or a new build under `base`. */
function siteFiles(
  site: string | undefined,
  base: string,
  io: PackageIo,
): { files: SiteFiles } | { error: string } {
  try {
    if (site === undefined) {
      io.err("building the site (npm run build, about a minute)…");
      return { files: io.buildSite(base) };
    }
    const files = io.readSite(site);
    const home = files.get("index.html");
    if (home === undefined)
      return { error: `--site ${printable(site)} has no index.html: is it a built site?` };
    if (!new TextDecoder().decode(home).includes(base))
      return {
        error: `--site ${printable(site)} was not built with BASE_PATH=${base}, so its links cannot be made to work from any folder`,
      };
    return { files };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * `npm run package`: a SCORM 1.2 package of one assignment, or the whole course as a static zip.
 * Exit codes: 0 written (and --help), 2 not written (invalid arguments or input, a build that
 * failed, a file that cannot be written), each with a message that says why.
 */
export function runPackage(argv: string[], io: PackageIo): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        format: { type: "string" },
        assignment: { type: "string" },
        points: { type: "string" },
        completion: { type: "string" },
        base: { type: "string" },
        out: { type: "string" },
        site: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const values = args.values;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const stop = (message: string): number => {
    io.err(`error: ${message}`);
    return 2;
  };
  if (values.format === undefined) return stop(`--format is required: ${FORMATS.join(" or ")}\n${USAGE}`);
  if (values.format === "cmi5")
    return stop(
      "cmi5 packages are not made: cmi5 needs a learning record store (see README, LMS packages); use --format scorm12",
    );
  if (!FORMATS.includes(values.format))
    return stop(`--format must be ${FORMATS.join(" or ")}, not ${JSON.stringify(printable(values.format))}`);
  if (values.out !== undefined && !values.out.toLowerCase().endsWith(".zip"))
    return stop(
      `--out names the zip file to write and must end in .zip, not ${JSON.stringify(printable(values.out))}`,
    );

  let config: PackageConfig | undefined;
  let titles = new Map<string, string>();
  let base = RELOCATABLE_BASE;
  if (values.format === "scorm12") {
    if (values.base !== undefined)
      return stop(
        "--base is for --format static: an LMS chooses where it serves a package, so a SCORM package works from any folder",
      );
    titles = exerciseTitles(io);
    if (titles.size === 0) return stop("no exercises found in graders/: run this from the course's folder");
    const made = scorm12Config(values, titles, io);
    if ("error" in made) return stop(made.error);
    config = made.config;
  } else {
    for (const option of ["assignment", "points", "completion"] as const)
      if (values[option] !== undefined)
        return stop(`--${option} is for --format scorm12: a static export holds the whole course`);
    if (values.base !== undefined) {
      if (!BASE_PATH.test(values.base))
        return stop(
          `--base must be a path that starts and ends with /, such as /courses/nsg/, not ${JSON.stringify(printable(values.base))}`,
        );
      if (values.site !== undefined)
        return stop("--site and --base do not go together: --base builds the site for that path");
      base = values.base;
    }
  }

  const built = siteFiles(values.site, base, io);
  if ("error" in built) return stop(built.error);
  let site: SiteFiles = built.files;
  if (base === RELOCATABLE_BASE) {
    const relocated = relocateSite(site);
    if (!relocated.ok) return stop(`the built site cannot be packaged: ${issues(relocated.errors)}`);
    site = relocated.value;
  }

  let files: Map<string, Uint8Array>;
  if (config) {
    const pkg = scorm12Package(site, config, titles);
    if (!pkg.ok) return stop(`the built site cannot be packaged: ${issues(pkg.errors)}`);
    files = pkg.value;
  } else files = staticPackage(site);

  const out = values.out ?? (config ? `nsg-lab-${slug(config.title)}-scorm12.zip` : "nsg-lab-static.zip");
  const zip = zipSync(Object.fromEntries(files), { level: 6, mtime: ZIP_DATE });
  try {
    io.writeBytes(out, zip);
  } catch (e) {
    return stop(
      `cannot write ${printable(out)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const size = `${(zip.length / 1024 / 1024).toFixed(1)} MB`;
  io.out(
    config
      ? `wrote ${out}: SCORM 1.2, "${printable(config.title)}", ${pointsSummary(config)}, ${files.size} files, ${size}`
      : `wrote ${out}: the whole course in nsg-lab/ (${base === RELOCATABLE_BASE ? "works from any folder" : `for ${base}`}), ${files.size} files, ${size}`,
  );
  return 0;
}

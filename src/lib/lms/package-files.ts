import { fail, issue, ok, type Result } from "../result.ts";
import { PACKAGE_CONFIG_MARKER, packageConfigText, type PackageConfig } from "./package-config.ts";
import type { SiteFiles } from "./relocate-site.ts";
import { manifestIdentifier, scorm12Manifest } from "./scorm12-manifest.ts";

/** The SCO's launch page, as the site builds src/pages/lms.astro. */
export const LAUNCH_PAGE = "lms/index.html";
export const MANIFEST = "imsmanifest.xml";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "<": "&lt;",
  ">": "&gt;",
  "'": "&#39;",
};
const escapeAttribute = (text: string): string => text.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c]!);

/** The files of the launch page and its config; the relocated site keeps every other file. */
function fillLaunchPage(site: SiteFiles, config: PackageConfig): Result<Uint8Array> {
  const page = site.get(LAUNCH_PAGE);
  if (page === undefined)
    return fail([
      issue("missing-field", `The built site has no launch page (${LAUNCH_PAGE}).`, [LAUNCH_PAGE]),
    ]);
  const text = decoder.decode(page);
  const marker = `"${PACKAGE_CONFIG_MARKER}"`;
  const parts = text.split(marker);
  if (parts.length !== 2)
    return fail([
      issue(
        "missing-field",
        `The launch page (${LAUNCH_PAGE}) should hold the package's settings marker once, and holds it ${parts.length - 1} times.`,
        [LAUNCH_PAGE],
      ),
    ]);
  return ok(encoder.encode(parts.join(`"${escapeAttribute(packageConfigText(config))}"`)));
}

/**
 * A SCORM 1.2 package: imsmanifest.xml at the root, and the relocated site with its launch page
 * holding the assignment. `titles` gives each exercise's title for the manifest's description.
 */
export function scorm12Package(
  site: SiteFiles,
  config: PackageConfig,
  titles: ReadonlyMap<string, string>,
): Result<Map<string, Uint8Array>> {
  const launch = fillLaunchPage(site, config);
  if (!launch.ok) return launch;
  const paths = [...site.keys()].filter((p) => p !== MANIFEST).sort();
  const manifest = scorm12Manifest({
    identifier: manifestIdentifier([
      config.title,
      config.exercises,
      config.points ?? config.pointsPerExercise,
      config.completion,
    ]),
    title: config.title,
    exercises: config.exercises.map((id) => ({ id, title: titles.get(id) ?? id })),
    launch: LAUNCH_PAGE,
    files: paths,
  });
  const files = new Map<string, Uint8Array>([[MANIFEST, encoder.encode(manifest)]]);
  for (const path of paths) files.set(path, path === LAUNCH_PAGE ? launch.value : site.get(path)!);
  return ok(files);
}

/** The course for a plain web server, in one folder; the LMS launch page is left out (no LMS there). */
export function staticPackage(site: SiteFiles, folder = "nsg-lab"): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const path of [...site.keys()].sort())
    if (!path.startsWith("lms/")) files.set(`${folder}/${path}`, site.get(path)!);
  return files;
}

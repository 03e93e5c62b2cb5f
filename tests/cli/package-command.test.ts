import { readdirSync, readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runPackage, type PackageIo } from "../../src/cli/package-command.ts";
import { RELOCATABLE_BASE, type SiteFiles } from "../../src/lib/lms/relocate-site.ts";
import { builtSite } from "../lms/site-fixture.ts";

const LINK =
  "https://teacher.github.io/nsg-lab/assignment/?title=Week+3&exercises=smtp-relay-on-587,ftp-active";

/** The real graders/ and an in-memory build; records what is built and written. */
function setup(options: { files?: Record<string, string>; site?: SiteFiles; buildFails?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const builds: string[] = [];
  const written = new Map<string, Uint8Array>();
  const io: PackageIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      if (options.files && p in options.files) return options.files[p]!;
      if (p.startsWith("graders/")) return readFileSync(p, "utf8");
      throw new Error("no such file");
    },
    listDir: (p) => (p === "graders" ? readdirSync("graders") : undefined),
    buildSite: (base) => {
      builds.push(base);
      if (options.buildFails) throw new Error(options.buildFails);
      return options.site ?? builtSite();
    },
    readSite: (dir) => {
      if (dir !== "prebuilt") throw new Error(`cannot read ${dir}: ENOENT`);
      return options.site ?? builtSite();
    },
    writeBytes: (p, bytes) => {
      if (p.startsWith("/read-only/"))
        throw Object.assign(new Error("permission denied"), { code: "EACCES" });
      written.set(p, bytes);
    },
  };
  const run = (...argv: string[]) => runPackage(argv, io);
  return { run, out, err, builds, written, errors: () => err.join("\n") };
}

const unzip = (bytes: Uint8Array | undefined) => unzipSync(bytes!);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("npm run package -- --format scorm12", () => {
  it("builds the relocatable site and writes a SCORM package named after the assignment", () => {
    const t = setup();
    expect(t.run("--format", "scorm12", "--assignment", LINK)).toBe(0);
    expect(t.builds).toEqual([RELOCATABLE_BASE]);
    const zip = unzip(t.written.get("nsg-lab-week-3-scorm12.zip"));
    expect(Object.keys(zip)).toContain("imsmanifest.xml");
    expect(text(zip["imsmanifest.xml"])).toContain('href="lms/index.html"');
    expect(text(zip["lms/index.html"])).toContain(
      "&quot;exercises&quot;:[&quot;smtp-relay-on-587&quot;,&quot;ftp-active&quot;],&quot;pointsPerExercise&quot;:10",
    );
    expect(text(zip["index.html"])).not.toContain(RELOCATABLE_BASE);
    expect(t.out.at(-1)).toMatch(
      /^wrote nsg-lab-week-3-scorm12\.zip: SCORM 1\.2, "Week 3", 2 exercises × 10 points \(20 in all\), 9 files, [\d.]+ MB$/,
    );
  });

  it("takes the link from a file, points, the completion status and where to write", () => {
    const t = setup({ files: { "week3.txt": `# the link for week 3\n\n${LINK}\n` } });
    expect(
      t.run(
        "--format",
        "scorm12",
        "--assignment",
        "week3.txt",
        "--points",
        "50",
        "--completion",
        "completed",
        "--out",
        "w3.zip",
      ),
    ).toBe(0);
    const page = text(unzip(t.written.get("w3.zip"))["lms/index.html"]);
    expect(page).toContain("&quot;pointsPerExercise&quot;:50,&quot;completion&quot;:&quot;completed&quot;");
  });

  it("takes each exercise's points, instructions, due date and feedback from a version 2 link", () => {
    const t = setup();
    const link = `${LINK}&v=2&points=30,20&due=2026-11-20T17:00Z&feedback=verdict&instructions=Do+both.`;
    expect(t.run("--format", "scorm12", "--assignment", link, "--out", "w4.zip")).toBe(0);
    const page = text(unzip(t.written.get("w4.zip"))["lms/index.html"]);
    expect(page).toContain("&quot;points&quot;:[30,20]");
    expect(page).toContain("&quot;due&quot;:&quot;2026-11-20T17:00:00.000Z&quot;");
    expect(page).toContain("&quot;feedback&quot;:&quot;verdict&quot;");
    expect(page).toContain("&quot;instructions&quot;:&quot;Do both.&quot;");
    expect(t.out.at(-1)).toMatch(/2 exercises worth 30, 20 points \(50 in all\)/);
    // --points gives every exercise the same instead.
    const same = setup();
    expect(same.run("--format", "scorm12", "--assignment", link, "--points", "40")).toBe(0);
    expect(same.out.at(-1)).toMatch(/2 exercises × 40 points \(80 in all\)/);
  });

  it("refuses a link whose points pass a SCORM score's 100", () => {
    const t = setup();
    expect(t.run("--format", "scorm12", "--assignment", `${LINK}&v=2&points=60,50`)).toBe(2);
    expect(t.errors()).toMatch(/110 points in all.*--points N/);
  });

  it("packages an existing relocatable build with --site instead of building", () => {
    const t = setup();
    expect(t.run("--format", "scorm12", "--assignment", LINK, "--site", "prebuilt")).toBe(0);
    expect(t.builds).toEqual([]);
  });

  it("is the same zip, byte for byte, for the same course and assignment", () => {
    const a = setup();
    const b = setup();
    a.run("--format", "scorm12", "--assignment", LINK, "--out", "a.zip");
    b.run("--format", "scorm12", "--assignment", LINK, "--out", "a.zip");
    expect(a.written.get("a.zip")).toEqual(b.written.get("a.zip"));
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ["no format", [], /--format is required: scorm12 or static/],
    ["an unknown format", ["--format", "scorm2004"], /--format must be scorm12 or static, not "scorm2004"/],
    ["cmi5", ["--format", "cmi5"], /cmi5 packages are not made: cmi5 needs a learning record store/],
    ["no assignment", ["--format", "scorm12"], /needs --assignment/],
    [
      "an unreadable file",
      ["--format", "scorm12", "--assignment", "nowhere.txt"],
      /neither an assignment link .* nor a readable file: no such file/,
    ],
    [
      "a link with no exercises",
      ["--format", "scorm12", "--assignment", "https://x.io/assignment/?exercises="],
      /names no exercises/,
    ],
    [
      "an exercise the course lacks",
      ["--format", "scorm12", "--assignment", "?exercises=ftp-active,retired-one"],
      /names exercises this course does not have: retired-one/,
    ],
    [
      "points that overflow 100",
      ["--format", "scorm12", "--assignment", LINK, "--points", "60"],
      /--points: 2 exercises × 60 points make 120.*50 points or fewer/,
    ],
    [
      "points that are not a number",
      ["--format", "scorm12", "--assignment", LINK, "--points", "ten"],
      /--points: Points must be a whole number/,
    ],
    [
      "an unknown completion status",
      ["--format", "scorm12", "--assignment", LINK, "--completion", "failed"],
      /--completion must be passed or completed/,
    ],
    [
      "a base for a SCORM package",
      ["--format", "scorm12", "--assignment", LINK, "--base", "/x/"],
      /--base is for --format static/,
    ],
    [
      "an assignment for a static export",
      ["--format", "static", "--assignment", LINK],
      /--assignment is for --format scorm12/,
    ],
    [
      "points for a static export",
      ["--format", "static", "--points", "5"],
      /--points is for --format scorm12/,
    ],
    [
      "a base without slashes",
      ["--format", "static", "--base", "courses"],
      /--base must be a path that starts and ends with \//,
    ],
    [
      "--site with --base",
      ["--format", "static", "--base", "/x/", "--site", "prebuilt"],
      /--site and --base do not go together/,
    ],
    ["an out file that is not a zip", ["--format", "static", "--out", "site.tar"], /must end in \.zip/],
    ["an unknown option", ["--format", "static", "--zip"], /Unknown option '--zip'/],
    [
      "a --site folder that is missing",
      ["--format", "static", "--site", "elsewhere"],
      /cannot read elsewhere: ENOENT/,
    ],
  ];
  for (const [what, argv, message] of refusals)
    it(`refuses ${what} with exit 2 and says why`, () => {
      const t = setup();
      expect(t.run(...argv)).toBe(2);
      expect(t.errors()).toMatch(message);
      expect(t.written.size).toBe(0);
    });

  it("refuses a --site build that was not made relocatable", () => {
    const site = new Map(builtSite());
    site.set("index.html", new TextEncoder().encode('<a href="/nsg-lab/">Home</a>'));
    const t = setup({ site });
    expect(t.run("--format", "scorm12", "--assignment", LINK, "--site", "prebuilt")).toBe(2);
    expect(t.errors()).toContain(`was not built with BASE_PATH=${RELOCATABLE_BASE}`);
  });

  it("reports a build that failed, and a file it cannot write, with exit 2", () => {
    const failing = setup({
      buildFails: "npm run build failed (exit 1); its last lines:\nInvalid exercise file",
    });
    expect(failing.run("--format", "scorm12", "--assignment", LINK)).toBe(2);
    expect(failing.errors()).toContain("Invalid exercise file");
    const readOnly = setup();
    expect(readOnly.run("--format", "scorm12", "--assignment", LINK, "--out", "/read-only/p.zip")).toBe(2);
    expect(readOnly.errors()).toContain("cannot write /read-only/p.zip: EACCES");
  });

  it("reports a site it cannot relocate instead of writing a broken package", () => {
    const site = new Map(builtSite());
    site.set("_astro/bad.js", new TextEncoder().encode(`export const u = "${RELOCATABLE_BASE}x.js";`));
    const t = setup({ site });
    expect(t.run("--format", "scorm12", "--assignment", LINK)).toBe(2);
    expect(t.errors()).toMatch(
      /the built site cannot be packaged: _astro\/bad\.js holds the base path in a string literal/,
    );
  });

  it("prints its usage with --help and exits 0", () => {
    const t = setup();
    expect(t.run("--help")).toBe(0);
    expect(t.out.join("\n")).toContain("usage: npm run package -- --format scorm12 --assignment");
  });
});

describe("npm run package -- --format static", () => {
  it("exports the whole course in one folder that works from any folder", () => {
    const t = setup();
    expect(t.run("--format", "static")).toBe(0);
    expect(t.builds).toEqual([RELOCATABLE_BASE]);
    const zip = unzip(t.written.get("nsg-lab-static.zip"));
    expect(Object.keys(zip).sort()).toEqual(
      [
        "nsg-lab/_astro/app.js",
        "nsg-lab/_astro/icons.ttf",
        "nsg-lab/_astro/site.css",
        "nsg-lab/assignment/index.html",
        "nsg-lab/favicon.svg",
        "nsg-lab/index.html",
        "nsg-lab/lessons/processing-order/index.html",
      ].sort(),
    );
    expect(text(zip["nsg-lab/index.html"])).toContain('href="./lessons/processing-order/index.html#try-it"');
    expect(t.out.at(-1)).toMatch(
      /^wrote nsg-lab-static\.zip: the whole course in nsg-lab\/ \(works from any folder\)/,
    );
  });

  it("builds for a fixed base path with --base, and keeps it as built", () => {
    const base = "/courses/nsg/";
    const site = new Map([["index.html", new TextEncoder().encode(`<a href="${base}lessons/">Lessons</a>`)]]);
    const t = setup({ site });
    expect(t.run("--format", "static", "--base", base, "--out", "nsg.zip")).toBe(0);
    expect(t.builds).toEqual([base]);
    expect(text(unzip(t.written.get("nsg.zip"))["nsg-lab/index.html"])).toBe(
      `<a href="${base}lessons/">Lessons</a>`,
    );
    expect(t.out.at(-1)).toContain("(for /courses/nsg/)");
  });
});

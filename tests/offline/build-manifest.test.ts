/** The manifest compiled into sw.js: addresses as links write them, exact revisions, one version. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildPrecacheManifest, urlOfFile, type SiteFile } from "../../src/lib/offline/build-manifest.ts";
import { contentRevision, textRevision } from "../../src/lib/offline/content-revision.ts";
import { groupOfUrl } from "../../src/lib/offline/precache-manifest.ts";

const file = (path: string, text: string): SiteFile => ({
  path,
  text,
  bytes: new TextEncoder().encode(text),
});

const site = (lesson = "<h1>Lesson</h1>"): SiteFile[] => [
  file("index.html", '<script type="module" src="/_astro/page.A1.js"></script>'),
  file("lessons/x/index.html", lesson),
  file("404.html", "<h1>Page not found</h1>"),
  file("_astro/page.A1.js", 'const e="/_astro/editor-island-B2.js";'),
  file("_astro/editor-island-B2.js", "monaco"),
  file("sw.js", "an earlier worker"),
];

describe("the precache manifest", () => {
  it("addresses a folder's page as the folder, as every link on the site does", () => {
    expect(urlOfFile("index.html")).toBe("");
    expect(urlOfFile("lessons/x/index.html")).toBe("lessons/x/");
    expect(urlOfFile("404.html")).toBe("404.html");
    expect(urlOfFile("_astro/a.B1.js")).toBe("_astro/a.B1.js");
  });

  it("lists each file with the hash of its bytes, and never the worker itself", async () => {
    const manifest = await buildPrecacheManifest(site());
    const groups = groupOfUrl(manifest);
    expect([...groups.entries()].sort()).toEqual([
      ["", "core"],
      ["404.html", "core"],
      ["_astro/editor-island-B2.js", "editor"],
      ["_astro/page.A1.js", "core"],
      ["lessons/x/", "core"],
    ]);
    const lesson = manifest.groups.core.find((e) => e.url === "lessons/x/")!;
    expect(lesson.revision).toBe(createHash("sha256").update("<h1>Lesson</h1>").digest("hex").slice(0, 16));
    expect(manifest.notFound).toBe("404.html");
  });

  it("is a new version when any byte changes, and the same version when none does", async () => {
    const a = await buildPrecacheManifest(site());
    expect((await buildPrecacheManifest(site())).version).toBe(a.version);
    expect((await buildPrecacheManifest(site("<h1>Lesson, revised</h1>"))).version).not.toBe(a.version);
  });

  it("has no not-found page when the site has none", async () => {
    const manifest = await buildPrecacheManifest(site().filter((f) => f.path !== "404.html"));
    expect(manifest.notFound).toBeUndefined();
  });
});

describe("content revisions", () => {
  it("are the first 16 hex digits of SHA-256, the same for text and bytes", async () => {
    const expected = createHash("sha256").update("NSG Lab").digest("hex").slice(0, 16);
    expect(await textRevision("NSG Lab")).toBe(expected);
    expect(await contentRevision(new TextEncoder().encode("NSG Lab").buffer)).toBe(expected);
  });
});

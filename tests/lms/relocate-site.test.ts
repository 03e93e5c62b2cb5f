import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { RELOCATABLE_BASE, SELF_REMOVING_WORKER, relocateSite } from "../../src/lib/lms/relocate-site.ts";
import { builtSite } from "./site-fixture.ts";

const B = RELOCATABLE_BASE;
const text = (s: string) => new TextEncoder().encode(s);
const read = (files: Map<string, Uint8Array>, path: string) => new TextDecoder().decode(files.get(path));

function relocated(files: Map<string, Uint8Array>) {
  const result = relocateSite(files);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.value;
}

const scratch = mkdtempSync(join(tmpdir(), "nsg-lab-relocate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a built site made to work from any folder", () => {
  it("links pages relative to each page, with index.html for folders, keeping queries and fragments", () => {
    const site = relocated(builtSite());
    expect(read(site, "index.html")).toBe(
      '<!doctype html><link rel="stylesheet" href="./_astro/site.css"><a href="./index.html">Home</a> <a href="./lessons/processing-order/index.html#try-it">Lesson</a><script type="module" src="./_astro/app.js"></script>',
    );
    expect(read(site, "lessons/processing-order/index.html")).toBe(
      '<a href="../../assignment/index.html?exercises=ftp-active">Go</a>',
    );
    expect(read(site, "lms/index.html")).toContain('data-assignment-url="../assignment/index.html"');
  });

  it("points stylesheets' urls relative to the stylesheet", () => {
    expect(read(relocated(builtSite()), "_astro/site.css")).toBe("@font-face{src:url(../_astro/icons.ttf)}");
  });

  it("makes scripts work out the site's root from their own address", async () => {
    const site = relocated(builtSite());
    expect(read(site, "_astro/app.js")).not.toContain(B);
    // Run the relocated module where a server would have it: its URLs land beside it.
    const root = join(scratch, "served-from", "any-folder");
    mkdirSync(join(root, "_astro"), { recursive: true });
    writeFileSync(join(root, "_astro", "app.mjs"), site.get("_astro/app.js")!);
    const module = (await import(pathToFileURL(join(root, "_astro", "app.mjs")).href)) as { worker: string };
    expect(module.worker).toBe(`${pathToFileURL(root).href}/_astro/worker.js`);
  });

  it("leaves files without the base path as they are, binary ones included", () => {
    const before = builtSite();
    const after = relocated(before);
    expect(after.get("_astro/icons.ttf")).toBe(before.get("_astro/icons.ttf"));
    expect(after.get("favicon.svg")).toBe(before.get("favicon.svg"));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it("swaps the service worker for one that removes itself: its precache list no longer fits the files", () => {
    const site = builtSite();
    site.set("sw.js", text('const manifest={"groups":{"core":[{"url":"assign/","revision":"ab12"}]}};'));
    const after = relocated(site);
    expect(read(after, "sw.js")).toBe(SELF_REMOVING_WORKER);
    expect(SELF_REMOVING_WORKER).toContain("registration.unregister()");
    expect(relocated(builtSite()).has("sw.js")).toBe(false);
  });

  it("refuses the base path where it cannot be made relative", () => {
    const cases: Array<[string, string]> = [
      ["_astro/a.js", `export const a = "${B}x.js";`],
      ["_astro/b.js", `// see ${B}\nexport const b = 1;`],
      ["_astro/c.js", "const tag = (s) => s; export const c = tag`" + B + "x`;"],
      ["_astro/d.js", `export const d = "${B}" +`],
      ["pagefind/data.json", `{"url":"${B}lessons/"}`],
      ["robots.cfg", `Sitemap: ${B}sitemap.xml`],
    ];
    for (const [path, content] of cases) {
      const result = relocateSite(new Map([[path, text(content)]]));
      expect(result, path).toMatchObject({
        ok: false,
        errors: [{ code: "site-not-relocatable", path: [path] }],
      });
    }
  });

  it("relocates a template literal with substitutions and nested untagged ones", () => {
    const site = relocated(
      new Map([["_astro/n.js", text("export const n = (x) => `${x}:" + B + "a/${`" + B + "b`}`;")]]),
    );
    const out = read(site, "_astro/n.js");
    expect(out.split('new URL("../",import.meta.url).href').length - 1).toBe(2);
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSiteFolder } from "../../src/cli/package-io.ts";

const scratch = mkdtempSync(join(tmpdir(), "nsg-lab-site-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("reading a built site from disk", () => {
  it("reads every file by its path inside the site", () => {
    const root = join(scratch, "site");
    mkdirSync(join(root, "lessons", "a"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<p>home</p>");
    writeFileSync(join(root, "lessons", "a", "index.html"), "<p>a</p>");
    const files = readSiteFolder(root);
    expect([...files.keys()].sort()).toEqual(["index.html", "lessons/a/index.html"]);
    expect(new TextDecoder().decode(files.get("lessons/a/index.html"))).toBe("<p>a</p>");
  });

  it("refuses links (a site has none; a link could reach outside it) and a missing folder", () => {
    const root = join(scratch, "linked");
    mkdirSync(root);
    symlinkSync("/etc/hostname", join(root, "leak.txt"));
    expect(() => readSiteFolder(root)).toThrow(/leak\.txt is not a regular file/);
    expect(() => readSiteFolder(join(scratch, "missing"))).toThrow(/cannot read .*missing: ENOENT/);
  });
});

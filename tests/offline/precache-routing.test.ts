/** Which precached file answers a request, as a static host would map the address. */
import { describe, expect, it } from "vitest";
import { precachedUrlFor } from "../../src/lib/offline/precache-routing.ts";

const scope = "https://owner.github.io/nsg-lab/";
const precached = new Set([
  "",
  "lessons/x/",
  "search/",
  "_astro/a.B1.js",
  "pagefind/pagefind-entry.json",
  "404.html",
]);
const lookup = (url: string) => precachedUrlFor(url, scope, precached);

describe("precache routing", () => {
  it("finds pages by their folder, with or without the slash or index.html", () => {
    expect(lookup("https://owner.github.io/nsg-lab/")).toBe("");
    expect(lookup("https://owner.github.io/nsg-lab/index.html")).toBe("");
    expect(lookup("https://owner.github.io/nsg-lab/lessons/x/")).toBe("lessons/x/");
    expect(lookup("https://owner.github.io/nsg-lab/lessons/x")).toBe("lessons/x/");
    expect(lookup("https://owner.github.io/nsg-lab/lessons/x/index.html")).toBe("lessons/x/");
  });

  it("ignores the query and the fragment, as the host does", () => {
    expect(lookup("https://owner.github.io/nsg-lab/search/?q=priority")).toBe("search/");
    expect(lookup("https://owner.github.io/nsg-lab/pagefind/pagefind-entry.json?ts=1733")).toBe(
      "pagefind/pagefind-entry.json",
    );
    expect(lookup("https://owner.github.io/nsg-lab/lessons/x/#v2.ftp-active.azcli.abc.def")).toBe(
      "lessons/x/",
    );
  });

  it("answers nothing outside the site: other paths, other sites on the origin, other origins", () => {
    expect(lookup("https://owner.github.io/nsg-lab/lessons/y/")).toBeUndefined();
    expect(lookup("https://owner.github.io/other-repo/_astro/a.B1.js")).toBeUndefined();
    expect(lookup("https://cdn.example.com/nsg-lab/_astro/a.B1.js")).toBeUndefined();
    expect(lookup("https://owner.github.io/nsg-lab/sw.js")).toBeUndefined();
  });
});

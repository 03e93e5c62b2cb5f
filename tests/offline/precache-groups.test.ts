/**
 * Which built files the service worker keeps at once (core) and which only once an editor has
 * opened (editor), worked out from what each file names, on a site shaped like Vite's output.
 */
import { describe, expect, it } from "vitest";
import { precacheGroups, referenceGraph, type BuiltFile } from "../../src/lib/offline/precache-groups.ts";

/** A page script that imports the playground's Monaco on demand, with Vite's preload list. */
const playgroundScript = [
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/monaco-editors.Ab1.js","_astro/monaco-setup.Kl4.js","_astro/editor.api.Cd2.js","_astro/trace.Ef3.js"])))=>i.map(i=>d[i]);',
  'import{t}from"./trace.Ef3.js";',
  'const load=()=>__vitePreload(()=>import("./monaco-editors.Ab1.js"),__vite__mapDeps([0,1,2,3]));',
  'const scenario=()=>import("./ftp-active.Gh4.js");',
].join("");

/** The exercise loader: the editor island on demand, which shares Monaco with the playground. */
const lessonScript = [
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/editor-island.Tu9.js","_astro/monaco-setup.Kl4.js","_astro/editor.api.Cd2.js","_astro/trace.Ef3.js"])))=>i.map(i=>d[i]);',
  'import"./store.Pq7.js";const predict=()=>import("./predict-island.Rs8.js");',
  'const editor=()=>__vitePreload(()=>import("./editor-island.Tu9.js"),__vite__mapDeps([0,1,2,3]));',
].join("");

const site: BuiltFile[] = [
  {
    path: "index.html",
    text: '<link rel="icon" href="/nsg-lab/favicon.svg"><script type="module" src="/nsg-lab/_astro/Lesson.Xy9.js"></script>',
  },
  {
    path: "playground/index.html",
    text: '<script type="module" src="/nsg-lab/_astro/Playground.Mn6.js"></script>',
  },
  { path: "404.html", text: "<h1>Page not found</h1>" },
  {
    path: "gradebook/index.html",
    text: '<script type="module" src="/nsg-lab/_astro/Gradebook.Gb1.js"></script>',
  },
  {
    path: "_astro/Gradebook.Gb1.js",
    text: 'new Worker(new URL("/nsg-lab/_astro/gradebook-worker-Gw2.js",import.meta.url))',
  },
  { path: "_astro/gradebook-worker-Gw2.js", text: "" },
  { path: "favicon.svg", text: undefined },
  { path: "_astro/Lesson.Xy9.js", text: lessonScript },
  { path: "_astro/store.Pq7.js", text: "export const s=1;" },
  { path: "_astro/predict-island.Rs8.js", text: 'import{t}from"./trace.Ef3.js";' },
  { path: "_astro/trace.Ef3.js", text: "export const t=1;" },
  { path: "_astro/Playground.Mn6.js", text: playgroundScript },
  {
    path: "_astro/ftp-active.Gh4.js",
    text: "export default `# $schema=/nsg-lab/schema/exercise.schema.json`;",
  },
  { path: "_astro/monaco-styles.Kl5.css", text: ".codicon{src:url(/nsg-lab/_astro/codicon.Vw1.ttf)}" },
  { path: "_astro/codicon.Vw1.ttf" },
  {
    path: "_astro/monaco-editors.Ab1.js",
    text: 'import"./monaco-setup.Kl4.js";import{t}from"./trace.Ef3.js";',
  },
  {
    // Monaco's stylesheet is linked by the editor's code when it loads, never by a page.
    path: "_astro/monaco-setup.Kl4.js",
    text: 'import"./editor.api.Cd2.js";const css=`/nsg-lab/_astro/monaco-styles.Kl5.css`;',
  },
  {
    path: "_astro/editor.api.Cd2.js",
    text: 'new URL("/nsg-lab/_astro/editorWebWorkerMain.Yz2.js",import.meta.url)',
  },
  { path: "_astro/editorWebWorkerMain.Yz2.js", text: "" },
  {
    path: "_astro/editor-island.Tu9.js",
    text: 'import"./monaco-setup.Kl4.js";import{t}from"./trace.Ef3.js";new Worker(new URL("/nsg-lab/_astro/grade-worker-Za3.js",import.meta.url))',
  },
  { path: "_astro/grade-worker-Za3.js", text: "" },
  { path: "schema/exercise.schema.json", text: "{}" },
  { path: "pagefind/pagefind.js", text: "" },
  { path: "pagefind/pagefind-entry.json", text: "{}" },
  { path: "pagefind/wasm.en.pagefind" },
  { path: "pagefind/index/en_1.pf_index" },
  { path: "pagefind/pagefind-ui.js", text: "" },
  { path: "pagefind/pagefind-component-ui.css", text: "" },
  { path: "pagefind/pagefind-highlight.js", text: "" },
  { path: "unused.txt" },
];

describe("precache groups", () => {
  const groups = precacheGroups(site);

  it("keeps every page and what pages load without an editor in the core group", () => {
    expect(groups.core).toEqual(
      expect.arrayContaining([
        "index.html",
        "playground/index.html",
        "404.html",
        "favicon.svg",
        "_astro/Lesson.Xy9.js",
        "_astro/store.Pq7.js",
        // Loaded on demand, but not an editor: a predict exercise and a scenario work offline at once.
        "_astro/predict-island.Rs8.js",
        "_astro/trace.Ef3.js",
        "_astro/ftp-active.Gh4.js",
        "schema/exercise.schema.json",
      ]),
    );
  });

  it("precaches the gradebook page but not its worker, which only instructors use", () => {
    expect(groups.core).toEqual(expect.arrayContaining(["gradebook/index.html", "_astro/Gradebook.Gb1.js"]));
    expect([...groups.core, ...groups.editor]).not.toContain("_astro/gradebook-worker-Gw2.js");
  });

  it("leaves what only the editors' entries reach to the editor group, workers included", () => {
    expect(groups.editor.sort()).toEqual([
      "_astro/codicon.Vw1.ttf",
      "_astro/editor-island.Tu9.js",
      "_astro/editor.api.Cd2.js",
      "_astro/editorWebWorkerMain.Yz2.js",
      "_astro/grade-worker-Za3.js",
      "_astro/monaco-editors.Ab1.js",
      "_astro/monaco-setup.Kl4.js",
      "_astro/monaco-styles.Kl5.css",
    ]);
    expect(groups.core.filter((p) => groups.editor.includes(p))).toEqual([]);
  });

  it("does not follow Vite's preload list, which names a dynamic import's dependencies ahead of it", () => {
    expect(referenceGraph(site).get("_astro/Playground.Mn6.js")?.sort()).toEqual([
      "_astro/ftp-active.Gh4.js",
      "_astro/monaco-editors.Ab1.js",
      "_astro/trace.Ef3.js",
    ]);
  });

  it("keeps Pagefind's runtime and index for offline search, not its unused interfaces", () => {
    const search = groups.core.filter((p) => p.startsWith("pagefind/")).sort();
    expect(search).toEqual([
      "pagefind/index/en_1.pf_index",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind.js",
      "pagefind/wasm.en.pagefind",
    ]);
  });

  it("precaches nothing that no page or editor reaches", () => {
    expect([...groups.core, ...groups.editor]).not.toContain("unused.txt");
    expect([...groups.core, ...groups.editor]).not.toContain("pagefind/pagefind-ui.js");
  });
});

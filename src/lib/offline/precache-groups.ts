import type { PrecacheGroup } from "./precache-manifest.ts";

/** A file of the built site; `text` for the files that can name others (HTML, JS, CSS, JSON). */
export interface BuiltFile {
  /** Relative to the output folder, with "/" separators: "lessons/x/index.html", "_astro/a.B1c.js". */
  path: string;
  text?: string;
}

/**
 * The editors' entry chunks, named after their sources: the exercise editor's self-contained
 * bundle (src/components/exercise/editor-island.ts, loaded by loader.ts) and the playground's
 * Monaco (src/components/playground/monaco-editors-bundle.ts, a bundle of the same kind, loaded
 * by island.ts). Whatever only these reach is the
 * editor group. Vite names a `?worker&url` bundle "name-hash.js" and a chunk "name.hash.js".
 */
const EDITOR_ENTRY = /^_astro\/(editor-island|monaco-editors)[.-][\w-]+\.js$/;

/**
 * Pagefind's ready-made search interfaces: search.astro uses Pagefind's JS API instead, so no
 * page loads them. Everything else under pagefind/ (its API, worker, WebAssembly, index and
 * fragments) is fetched at run time under names no page mentions, so it is listed as a whole.
 */
const SEARCH_RUNTIME = /^pagefind\//;
const UNUSED_SEARCH_UI = /^pagefind\/pagefind-(?:component-ui|modular-ui|ui|highlight)\./;

/**
 * Vite's list of a dynamic import's dependencies, declared once per chunk (`__vite__mapDeps`)
 * so it can preload them. It names everything the imported chunk needs, but that chunk names
 * the same files itself; following the list would make the playground page's script "reach"
 * the whole of Monaco before any editor opens.
 */
const VITE_PRELOAD_LIST = /__vite__mapDeps=[^[]*\[[^\]]*\]/g;

/** How a file is named by others: hashed assets by their file name, the rest by site path. */
const nameOf = (path: string): string =>
  path.startsWith("_astro/") ? path.slice("_astro/".length) : `/${path}`;

/** The site files each file names, by each file's path. */
export function referenceGraph(files: readonly BuiltFile[]): Map<string, string[]> {
  const named = files.map((f) => ({ path: f.path, name: nameOf(f.path) }));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = file.text?.replace(VITE_PRELOAD_LIST, "");
    graph.set(
      file.path,
      text === undefined
        ? []
        : named.filter((n) => n.path !== file.path && text.includes(n.name)).map((n) => n.path),
    );
  }
  return graph;
}

function reachable(
  graph: ReadonlyMap<string, readonly string[]>,
  starts: readonly string[],
  stopAt: (path: string) => boolean,
): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  for (let path = todo.pop(); path !== undefined; path = todo.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const next of graph.get(path) ?? []) if (!seen.has(next) && !stopAt(next)) todo.push(next);
  }
  return seen;
}

/**
 * Which built files go in which group. `core`: every page, what pages name short of the
 * editors' entries (scripts, styles, fonts, the chunks loaded on demand such as the predict
 * grader and exercise scenarios) and the search runtime. `editor`: what the editors' entries
 * reach and core does not. Files in neither (the exercise JSON Schema, Pagefind's unused
 * interfaces) are served online only.
 */
export function precacheGroups(files: readonly BuiltFile[]): Record<PrecacheGroup, string[]> {
  const graph = referenceGraph(files);
  const paths = files.map((f) => f.path);
  const isEditorEntry = (path: string) => EDITOR_ENTRY.test(path);
  const roots = paths.filter(
    (p) => p.endsWith(".html") || (SEARCH_RUNTIME.test(p) && !UNUSED_SEARCH_UI.test(p)),
  );
  const core = reachable(graph, roots, isEditorEntry);
  const editor = reachable(graph, paths.filter(isEditorEntry), () => false);
  return {
    core: paths.filter((p) => core.has(p)),
    editor: paths.filter((p) => editor.has(p) && !core.has(p)),
  };
}

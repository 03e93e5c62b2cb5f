/**
 * Monaco's stylesheets as one CSS file that the editor links when it loads (`monaco-styles.css`,
 * imported with `?url` by src/components/shared/monaco-setup.ts), instead of CSS that pages link.
 *
 * Monaco's ESM modules import their own CSS (`import './media/editor.css'`). Left alone, Vite
 * would load that CSS with the chunk, but Astro links every stylesheet a page script can reach,
 * through dynamic imports too (withastro/astro#9495): every exercise page would link 175 KB of
 * Monaco's CSS before anyone opens an editor. So in the build this plugin drops those imports
 * from Monaco's modules and fills the placeholder stylesheet with an `@import` of each, in the
 * order the modules run (which is the order Vite would have put them in). Vite then builds it
 * like any stylesheet: imports inlined, the codicon font emitted beside it, minified, hashed.
 * In `astro dev` nothing changes: Monaco's modules inject their CSS as they run.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { isWorkerHelper, withoutSideEffectImports } from "./monaco-worker-helper.ts";

/** A file inside monaco-editor's ESM build, whichever node_modules it is installed in. */
const IN_MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]esm[\\/]/;
/** Monaco's modules keep each import on one line (checked by the build: see `unlisted`). */
const STATIC_IMPORT = /^(?:import|export)\b[^'"\n]*?(?:\bfrom\s*)?['"]([^'"\n]+)['"];?[ \t]*$/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.[^'"\n]+)['"]\s*\)/g;
const CSS_IMPORT = /^import\s+['"](\.[^'"\n]+\.css)['"];?[ \t]*$/gm;
const SOURCE_IMPORT = /^\s*(?:import|export)\b[^"'\n]*?(?:\bfrom\s*)?["'](monaco-editor\/[^"'\n]+)["']/gm;

/**
 * Monaco's stylesheets reachable from `entries` (absolute paths of its modules), each once, in
 * the order ES modules run: a module's imports first, in the order written, then the module; a
 * CSS import takes its place among them. Modules only imported with `import()` run later, so
 * their stylesheets follow. `read` gives undefined for a file that does not exist.
 */
export function monacoStylesheets(
  entries: readonly string[],
  read: (path: string) => string | undefined,
): string[] {
  const sheets = new Set<string>();
  const visited = new Set<string>();
  const later: string[] = [];
  const visit = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    // `undefined`: no such file, as for an `import()` named in a comment.
    const text = read(file) ?? "";
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const target = resolve(dirname(file), match[1]!);
      if (target.endsWith(".css")) sheets.add(target);
      else if (match[1]!.startsWith(".")) visit(target);
    }
    for (const match of text.matchAll(DYNAMIC_IMPORT)) later.push(resolve(dirname(file), match[1]!));
  };
  entries.forEach(visit);
  for (let next = later.shift(); next !== undefined; next = later.shift()) visit(next);
  return [...sheets];
}

/**
 * The monaco-editor modules a source file imports ("monaco-editor/editor/editor.api.js"), leaving
 * out workers (`?worker`): they run in a worker of their own, where no stylesheet applies.
 */
export const monacoImportsOf = (source: string): string[] =>
  [...source.matchAll(SOURCE_IMPORT)].map((m) => m[1]!).filter((spec) => !spec.includes("?"));

/** A Monaco module's text without its stylesheet imports, and the stylesheets it named. */
export function withoutStyleImports(code: string, file: string): { code: string; sheets: string[] } {
  const sheets: string[] = [];
  const stripped = code.replace(CSS_IMPORT, (_all, path: string) => {
    sheets.push(resolve(dirname(file), path));
    return "";
  });
  return { code: stripped, sheets };
}

export interface MonacoStylesOptions {
  /** The placeholder stylesheet the editor imports with `?url`, from the project root. */
  stylesheet: string;
  /** The source files that import Monaco's modules, from the project root. */
  importers: readonly string[];
}

export function monacoStyles(options: MonacoStylesOptions): Plugin {
  let root = process.cwd();
  let listed = new Set<string>();
  const stripped = new Map<string, string>();
  const placeholder = () => resolve(root, options.stylesheet);
  return {
    name: "nsg-lab:monaco-styles",
    apply: "build",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const require = createRequire(resolve(root, "package.json"));
      const entries = options.importers.flatMap((file) =>
        monacoImportsOf(readFileSync(resolve(root, file), "utf8")).map((spec) => require.resolve(spec)),
      );
      // Read as the build will have them: the worker helper without the imports it drops.
      const read = (file: string) => {
        if (!existsSync(file)) return undefined;
        const text = readFileSync(file, "utf8");
        return isWorkerHelper(file) ? withoutSideEffectImports(text) : text;
      };
      listed = new Set(monacoStylesheets(entries, read));
    },
    load(id) {
      // `?url` is Vite's (it becomes the built file's address); the stylesheet itself is ours.
      const [file, query = ""] = id.split("?");
      if (file !== placeholder() || /(?:^|&)url(?:&|$)/.test(query)) return null;
      const from = dirname(placeholder());
      return [...listed]
        .map((sheet) => `@import "${relative(from, sheet).split(sep).join("/")}";`)
        .join("\n");
    },
    transform(code, id) {
      if (!IN_MONACO.test(id) || !id.endsWith(".js")) return null;
      const result = withoutStyleImports(code, id);
      if (result.sheets.length === 0) return null;
      for (const sheet of result.sheets) stripped.set(sheet, id);
      return { code: result.code, map: null };
    },
    buildEnd() {
      // A stylesheet the build dropped but the scan missed would leave part of the editor unstyled.
      const unlisted = [...stripped].filter(([sheet]) => !listed.has(sheet));
      if (unlisted.length > 0)
        this.error(
          `Monaco stylesheets missing from ${options.stylesheet}: ${unlisted.map(([s, by]) => `${s} (imported by ${by})`).join(", ")}. ` +
            `Is a file that imports monaco-editor missing from the importers in astro.config.mjs?`,
        );
    },
  };
}

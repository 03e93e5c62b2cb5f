/**
 * monaco-editor 0.5x's language services start their workers through one helper,
 * `esm/vs/internal/common/workers.js` (`createWebWorker`), which also imports every editor
 * contribution and quick-access command of the full `editor.main` for their side effects: some
 * seventy modules, about 1 MB, that have nothing to do with starting a worker. The JSON
 * language (`jsonMode`) reaches them, so choosing JSON would download, and register in every
 * editor made after it, the whole of Monaco the lab deliberately leaves out (monaco-setup.ts
 * imports the contributions it uses). In the build this plugin keeps the helper's code and drops
 * those side-effect imports. (`astro dev` pre-bundles Monaco without it: there JSON still brings
 * them, which costs nothing but a slower first load.)
 */
import type { Plugin } from "vite";

const WORKER_HELPER = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;
/** `import '../../editor/contrib/…';`: an import for its side effects only, JavaScript or CSS. */
const SIDE_EFFECT_IMPORT = /^import\s+['"][^'"\n]+['"];?[ \t]*$/gm;

export const isWorkerHelper = (file: string): boolean => WORKER_HELPER.test(file);

/** The helper without its side-effect imports; its own `import { editor } from …` stays. */
export const withoutSideEffectImports = (code: string): string => code.replace(SIDE_EFFECT_IMPORT, "");

export function monacoWorkerHelper(): Plugin {
  return {
    name: "nsg-lab:monaco-worker-helper",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!isWorkerHelper(id.split("?")[0]!)) return null;
      return { code: withoutSideEffectImports(code), map: null };
    },
  };
}

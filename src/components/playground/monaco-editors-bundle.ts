/**
 * The playground's Monaco as one self-contained bundle: island.ts imports this file through
 * Vite's `?worker&url`, as loader.ts does the exercise editor, and runs it with a <script> when
 * the learner first focuses, presses or types in one of the two editors. Its stylesheets are
 * injected when it runs. A plain `import()` would have Astro link Monaco's 28 KB of CSS into the
 * page's head, render-blocking, though no editor may ever open (withastro/astro#9495).
 */
import { createMonacoEditor } from "./monaco-editors.ts";
import { PLAYGROUND_MONACO_GLOBAL } from "./text-editor.ts";

export interface PlaygroundMonaco {
  createMonacoEditor: typeof createMonacoEditor;
}

(globalThis as Record<string, unknown>)[PLAYGROUND_MONACO_GLOBAL] = {
  createMonacoEditor,
} satisfies PlaygroundMonaco;

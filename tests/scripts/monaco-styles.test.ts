/**
 * The build's handling of Monaco's CSS (scripts/monaco-styles.ts) and of its worker helper
 * (scripts/monaco-worker-helper.ts): which stylesheets the editor's one CSS file holds, in which
 * order, and that choosing JSON no longer brings the whole of Monaco's editor.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { monacoImportsOf, monacoStylesheets, withoutStyleImports } from "../../scripts/monaco-styles.ts";
import { isWorkerHelper, withoutSideEffectImports } from "../../scripts/monaco-worker-helper.ts";

/** A few modules in memory, by absolute path. */
const files = (entries: Record<string, string>) => (path: string) => entries[path];

describe("monacoStylesheets", () => {
  it("lists stylesheets in the order the modules run: imports first, in the order written", () => {
    const read = files({
      "/m/a.js": "import { b } from './b.js';\nimport './a.css';\nimport './c.js';\nexport { a };",
      "/m/b.js": "import './b.css';\nexport const b = 1;",
      "/m/c.js": "import './shared/c.css';\nexport * from './b.js';",
    });
    expect(monacoStylesheets(["/m/a.js"], read)).toEqual(["/m/b.css", "/m/a.css", "/m/shared/c.css"]);
  });

  it("puts what only an import() reaches after the rest, and survives cycles and missing files", () => {
    const read = files({
      "/m/a.js":
        "import './b.js';\nconst later = () => import('./lazy.js');\n// see import('./gone.js')\nimport './a.css';",
      "/m/b.js": "import './a.js';\nimport './b.css';",
      "/m/lazy.js": "import './lazy.css';",
    });
    expect(monacoStylesheets(["/m/a.js"], read)).toEqual(["/m/b.css", "/m/a.css", "/m/lazy.css"]);
  });

  it("names each stylesheet once", () => {
    const read = files({
      "/m/a.js": "import './x.css';\nimport './b.js';",
      "/m/b.js": "import './x.css';\nimport './y.css';",
    });
    expect(monacoStylesheets(["/m/a.js"], read)).toEqual(["/m/x.css", "/m/y.css"]);
  });
});

describe("withoutStyleImports", () => {
  it("drops a module's stylesheet imports, keeps its other imports, and names what it dropped", () => {
    const code = "import { a } from './a.js';\nimport './media/editor.css';\nimport '../x.js';\nexport {};";
    const result = withoutStyleImports(code, "/m/sub/mod.js");
    expect(result.sheets).toEqual(["/m/sub/media/editor.css"]);
    expect(result.code).toBe("import { a } from './a.js';\n\nimport '../x.js';\nexport {};");
  });
});

describe("monacoImportsOf", () => {
  it("reads the monaco-editor modules a source imports, leaving out workers", () => {
    const source = [
      'import * as monaco from "monaco-editor/editor/editor.api.js";',
      'import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";',
      'import "monaco-editor/languages/definitions/yaml/register.js";',
      'import { z } from "../../lib/zod.ts";',
    ].join("\n");
    expect(monacoImportsOf(source)).toEqual([
      "monaco-editor/editor/editor.api.js",
      "monaco-editor/languages/definitions/yaml/register.js",
    ]);
  });
});

describe("withoutSideEffectImports", () => {
  it("keeps the worker helper's own import and drops the contributions it imports for their effects", () => {
    const code = [
      "import { editor } from '../../editor/editor.api.js';",
      "import '../../editor/contrib/stickyScroll/browser/stickyScrollContribution.js';",
      "import '../../base/browser/ui/codicons/codicon/codicon.css';",
      "function createWebWorker() {}",
    ].join("\n");
    expect(withoutSideEffectImports(code)).toBe(
      "import { editor } from '../../editor/editor.api.js';\n\n\nfunction createWebWorker() {}",
    );
  });

  it("recognises the helper by its path in monaco-editor's ESM build only", () => {
    expect(isWorkerHelper("/x/node_modules/monaco-editor/esm/vs/internal/common/workers.js")).toBe(true);
    expect(isWorkerHelper("/x/src/internal/common/workers.js")).toBe(false);
  });
});

describe("the lab's Monaco, as installed", () => {
  const require = createRequire(import.meta.url);
  const source = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  const entries = ["src/components/shared/monaco-setup.ts", "src/components/playground/monaco-editors.ts"]
    .flatMap((file) => monacoImportsOf(source(file)))
    .map((spec) => require.resolve(spec));
  const read = (file: string) => {
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, "utf8");
    return isWorkerHelper(file) ? withoutSideEffectImports(text) : text;
  };
  const sheets = monacoStylesheets(entries, read).map((s) => s.replace(/^.*[\\/]esm[\\/]vs[\\/]/, ""));

  it("styles the editor, its suggestions and the codicons, in the order Monaco's modules run", () => {
    expect(sheets).toContain("editor/browser/widget/codeEditor/editor.css");
    expect(sheets).toContain("editor/contrib/suggest/browser/media/suggest.css");
    expect(sheets).toContain("base/browser/ui/codicons/codicon/codicon.css");
    expect(sheets.indexOf("base/browser/ui/aria/aria.css")).toBeLessThan(
      sheets.indexOf("editor/contrib/suggest/browser/media/suggest.css"),
    );
  });

  it("leaves out the contributions the lab does not use, which the JSON language used to bring", () => {
    expect(sheets).not.toContain("editor/contrib/stickyScroll/browser/stickyScroll.css");
    expect(sheets).not.toContain("editor/contrib/codelens/browser/codelensWidget.css");
  });
});

/**
 * Monaco for the playground, reached through a dynamic import once the page is up. Reuses the
 * exercise editor's setup (src/components/shared/monaco-setup.ts: the trimmed Monaco build,
 * local workers, site themes, az CLI and PowerShell languages, Esc-then-Tab) and adds YAML
 * highlighting and the scenario's JSON Schema for completion in JSON mode.
 */
import "monaco-editor/languages/definitions/yaml/register.js";
import { z } from "../../lib/zod.ts";
import { createCodeEditor } from "../shared/monaco-setup.ts";
import { scenarioDocumentSchema } from "../../lib/playground/scenario-schema.ts";
import type { EditorLanguage, TextEditor } from "../shared/text-editor.ts";

let schema: Record<string, unknown> | undefined;
function scenarioJsonSchema(): Record<string, unknown> {
  schema ??= z.toJSONSchema(scenarioDocumentSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return schema;
}

export interface MonacoEditorOptions {
  host: HTMLElement;
  /** Distinct per editor: it names the Monaco model. */
  id: string;
  text: string;
  language: EditorLanguage;
  ariaLabel: string;
  onChange: () => void;
}

/** The scripts are highlighted as the exercise editor does; a scenario (YAML or JSON) is data. */
const isScript = (language: EditorLanguage) => language === "azcli" || language === "powershell";

export const createMonacoEditor = (options: MonacoEditorOptions): TextEditor =>
  createCodeEditor({
    host: options.host,
    modelId: options.id,
    text: options.text,
    language: options.language,
    ariaLabel: options.ariaLabel,
    schema: isScript(options.language) ? {} : scenarioJsonSchema(),
    onChange: options.onChange,
  });

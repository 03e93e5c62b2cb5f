/**
 * Monaco for the playground, reached through a dynamic import once the page is up. Reuses the
 * exercise editor's setup (src/components/shared/monaco-setup.ts: the trimmed Monaco build,
 * local workers, site themes, az CLI and PowerShell languages, Esc-then-Tab) and adds YAML
 * highlighting and the scenario's JSON Schema for completion in JSON mode.
 */
import "monaco-editor/languages/definitions/yaml/register.js";
import { z } from "../../lib/zod.ts";
import { createRulesEditor, languageOf } from "../shared/monaco-setup.ts";
import { scenarioDocumentSchema } from "../../lib/playground/scenario-schema.ts";
import type { EditorFormat } from "../../lib/exercise-ui/editor-format.ts";
import type { EditorLanguage, TextEditor } from "./text-editor.ts";

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
const formatOf = (language: EditorLanguage): EditorFormat =>
  language === "azcli" || language === "powershell" ? language : "json";
const monacoLanguage = (language: EditorLanguage) => (language === "yaml" ? "yaml" : languageOf(language));

export function createMonacoEditor(options: MonacoEditorOptions): TextEditor {
  let language = options.language;
  const editor = createRulesEditor({
    host: options.host,
    exerciseId: options.id,
    text: options.text,
    format: formatOf(language),
    ariaLabel: options.ariaLabel,
    schema: isScript(language) ? {} : scenarioJsonSchema(),
    onChange: options.onChange,
  });
  const { monaco } = editor;
  const model = () => editor.editor.getModel();
  const applyLanguage = () => {
    const m = model();
    const id = monacoLanguage(language);
    if (m && m.getLanguageId() !== id) monaco.editor.setModelLanguage(m, id);
  };
  applyLanguage();
  return {
    getText: () => editor.getText(),
    setText(text) {
      editor.setText(text, formatOf(language));
      applyLanguage();
    },
    setLanguage(next) {
      language = next;
      applyLanguage();
    },
    setMarkers: (markers) => editor.setMarkers(markers),
    jumpTo: (line, column) => editor.jumpTo(line, column),
    hasFocus: () => editor.editor.hasTextFocus(),
    focus: () => editor.editor.focus(),
    dispose: () => editor.dispose(),
  };
}

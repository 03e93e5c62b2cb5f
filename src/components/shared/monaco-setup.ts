/**
 * The Monaco editor for rules and scenarios. It is reached through a dynamic import once an
 * exercise's editor has opened (after its first grade) or a playground editor is first used; until
 * it arrives, those editors are plain text areas (text-editor.ts). Only the editor core and the
 * features the lab needs are imported, not the 80 languages of `monaco-editor`'s main entry.
 * Workers are Vite worker imports: bundled locally, served from the site's base path (no CDN).
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import { jsonDefaults } from "monaco-editor/languages/features/json/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker.js?worker";

import "monaco-editor/editor/browser/coreCommands.js";
import "monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/editor/contrib/comment/browser/comment.js";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/editor/contrib/folding/browser/folding.js";
import "monaco-editor/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2.js";
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/editor/contrib/find/browser/findController.js";
import "monaco-editor/editor/common/standaloneStrings.js";
// Monaco's own PowerShell grammar, and no other of its languages: the module registers the
// language id and fetches the Monarch grammar when a model first uses it.
import "monaco-editor/languages/definitions/powershell/register.js";
// Monaco's CSS, built into one file of its own (scripts/monaco-styles.ts): linked here, before
// any editor is made, and never by a page.
import monacoStylesUrl from "./monaco-styles.css?url";
import { linkStylesheet } from "./stylesheet.ts";

import {
  AZCLI_LANGUAGE_ID,
  azCliLanguage,
  azCliLanguageConfiguration,
} from "../../lib/exercise-ui/azcli-language.ts";
import type { EditorLanguage, TextEditor } from "./text-editor.ts";
import { keepEditorOffline } from "./offline-editor.ts";

// Top-level await: whoever imports this module gets an editor that is styled from its first frame.
await linkStylesheet(monacoStylesUrl);

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;
  keepEditorOffline();
  // The JSON worker only serves completion and hovers (on request). Its other features re-parse
  // the whole text after every change with a recursive parser that a pasted 4 KB of brackets
  // overflows; the grader already reports such text, with its place.
  jsonDefaults.setModeConfiguration({
    ...jsonDefaults.modeConfiguration,
    colors: false,
    foldingRanges: false,
    documentSymbols: false,
    selectionRanges: false,
    diagnostics: false,
  });
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()),
  };
  monaco.languages.register({ id: AZCLI_LANGUAGE_ID, aliases: ["Azure CLI"] });
  monaco.languages.setMonarchTokensProvider(
    AZCLI_LANGUAGE_ID,
    azCliLanguage as unknown as monaco.languages.IMonarchLanguage,
  );
  monaco.languages.setLanguageConfiguration(AZCLI_LANGUAGE_ID, azCliLanguageConfiguration);
  defineThemes();
}

/** tokens.css values, used for the scheme that is not active (CSS only exposes the active one). */
const TOKENS = {
  light: {
    "--bg-raised": "#ffffff",
    "--fg": "#1b1f24",
    "--fg-muted": "#535c66",
    "--accent": "#0a5dc2",
    "--focus": "#c4410c",
  },
  dark: {
    "--bg-raised": "#1a2129",
    "--fg": "#e4e9ee",
    "--fg-muted": "#a3afbb",
    "--accent": "#74b4ff",
    "--focus": "#ffb36b",
  },
};

/** Editor colours from the site's CSS variables (src/styles/tokens.css) for the active scheme. */
function themeColors(scheme: "light" | "dark"): Record<string, string> {
  const active = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  const styles = getComputedStyle(document.documentElement);
  const token = (name: keyof (typeof TOKENS)["light"]) => {
    const value = active === scheme ? styles.getPropertyValue(name).trim() : "";
    return /^#[0-9a-f]{6}$/i.test(value) ? value : TOKENS[scheme][name];
  };
  return {
    "editor.background": token("--bg-raised"),
    "editor.foreground": token("--fg"),
    "editorLineNumber.foreground": token("--fg-muted"),
    "editorCursor.foreground": token("--accent"),
    focusBorder: token("--focus"),
  };
}

function defineThemes(): void {
  // Comment colours: vs-dark's #608b4e reaches only 4.1:1 on the site's dark surface (WCAG AA wants 4.5).
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: "comment", foreground: dark ? "86b87a" : "2e6b2e" },
    { token: "keyword.azcli", foreground: dark ? "74b4ff" : "0a5dc2", fontStyle: "bold" },
    { token: "type.identifier.azcli", foreground: dark ? "c7a6ff" : "6f42c1" },
    { token: "attribute.name.azcli", foreground: dark ? "ffb36b" : "a3400b" },
    { token: "keyword.operator.azcli", foreground: dark ? "a3afbb" : "535c66", fontStyle: "bold" },
    { token: "variable.azcli", foreground: dark ? "5fd37f" : "17692e" },
    { token: "string.invalid.azcli", foreground: dark ? "ff8a8f" : "b4232a" },
  ];
  monaco.editor.defineTheme("nsg-lab-light", {
    base: "vs",
    inherit: true,
    rules: rules(false),
    colors: themeColors("light"),
  });
  monaco.editor.defineTheme("nsg-lab-dark", {
    base: "vs-dark",
    inherit: true,
    rules: rules(true),
    colors: themeColors("dark"),
  });
}

/** The Monaco language of each editor language (YAML is registered by the playground's module). */
const MONACO_LANGUAGE: Record<EditorLanguage, string> = {
  json: "json",
  azcli: AZCLI_LANGUAGE_ID,
  powershell: "powershell",
  yaml: "yaml",
};

export interface CodeEditorOptions {
  host: HTMLElement;
  /** Distinct per editor on a page: it names the Monaco model (and its JSON Schema). */
  modelId: string;
  text: string;
  language: EditorLanguage;
  ariaLabel: string;
  /** JSON Schema for completion in JSON mode. */
  schema: unknown;
  onChange: () => void;
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

/** Monaco as a `TextEditor`, in the place of the text area it replaces (text-editor.ts). */
export function createCodeEditor(options: CodeEditorOptions): TextEditor {
  configureOnce();
  const uri = monaco.Uri.parse(`inmemory://nsg-lab/${encodeURIComponent(options.modelId)}/rules.json`);
  // Completion and hovers come from the schema; validity is the grader's call (validate: false),
  // so every error the learner sees has one wording and one place.
  jsonDefaults.setDiagnosticsOptions({
    validate: false,
    allowComments: true,
    enableSchemaRequest: false,
    schemas: [
      ...(jsonDefaults.diagnosticsOptions.schemas ?? []).filter((s) => s.uri !== `${uri.toString()}#schema`),
      { uri: `${uri.toString()}#schema`, fileMatch: [uri.toString()], schema: options.schema as object },
    ],
  });
  const language = MONACO_LANGUAGE[options.language];
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(options.text, language, uri);
  model.setValue(options.text);
  monaco.editor.setModelLanguage(model, language);
  const media = matchMedia("(prefers-color-scheme: dark)");
  const editor = monaco.editor.create(options.host, {
    model,
    theme: media.matches ? "nsg-lab-dark" : "nsg-lab-light",
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    // Long az CLI lines wrap: a phone shows about 25 characters, and cut lines hide their flags.
    wordWrap: "on",
    wrappingIndent: "indent",
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    renderValidationDecorations: "on",
    accessibilitySupport: "auto",
    quickSuggestions: { strings: true, other: true, comments: false },
    wordBasedSuggestions: "off",
  });
  options.host.dataset.ready = "true";
  const onScheme = () => monaco.editor.setTheme(media.matches ? "nsg-lab-dark" : "nsg-lab-light");
  media.addEventListener("change", onScheme);

  // "Esc then Tab" leaves the editor: Escape arms Tab-moves-focus for the next key only.
  // (Ctrl+M / Ctrl+Shift+M on macOS toggles it permanently: Monaco's own command.)
  let armed = false;
  const disarm = () => {
    if (!armed) return;
    armed = false;
    editor.updateOptions({ tabFocusMode: false });
  };
  editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) {
      armed = true;
      editor.updateOptions({ tabFocusMode: true });
    } else if (e.keyCode !== monaco.KeyCode.Tab && e.keyCode !== monaco.KeyCode.Shift) disarm();
  });
  editor.onDidBlurEditorText(disarm);
  const changes = model.onDidChangeContent(() => options.onChange());

  return {
    getText: () => model.getValue(),
    setText(text) {
      editor.pushUndoStop();
      editor.executeEdits("nsg-lab", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
      editor.pushUndoStop();
      editor.setPosition({ lineNumber: 1, column: 1 });
    },
    setLanguage(next) {
      const id = MONACO_LANGUAGE[next];
      if (model.getLanguageId() !== id) monaco.editor.setModelLanguage(model, id);
    },
    setLabel(label) {
      editor.updateOptions({ ariaLabel: label });
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        "nsg-lab",
        markers.map((m) => ({
          startLineNumber: m.startLineNumber,
          startColumn: m.startColumn,
          endLineNumber: m.endLineNumber,
          endColumn: m.endColumn,
          message: m.message,
          severity: SEVERITY[m.severity],
        })),
      );
    },
    jumpTo(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenter({ lineNumber: line, column });
      editor.focus();
    },
    hasFocus: () => editor.hasTextFocus(),
    focus: () => editor.focus(),
    dispose() {
      media.removeEventListener("change", onScheme);
      changes.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}

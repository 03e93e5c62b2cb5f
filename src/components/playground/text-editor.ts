import type { EditorMarker } from "../../lib/exercise-ui/issue-markers.ts";

/**
 * What the playground needs from an editor. The page starts with plain text areas (usable at
 * once, and if Monaco cannot load); Monaco replaces them with the same interface when the
 * learner first focuses, presses or types in one (island.ts).
 */
export type EditorLanguage = "yaml" | "json" | "azcli" | "powershell";

export interface TextEditor {
  getText(): string;
  /** Replaces the whole text; undoable in Monaco (one step). */
  setText(text: string): void;
  setLanguage(language: EditorLanguage): void;
  setMarkers(markers: readonly EditorMarker[]): void;
  jumpTo(line: number, column: number): void;
  hasFocus(): boolean;
  focus(): void;
  dispose(): void;
}

/** Where the caret of a text area is, as the 1-based line and column `jumpTo` takes. */
export function caretOf(textarea: HTMLTextAreaElement): { line: number; column: number } {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: before.length - lastBreak };
}

/** A <textarea> as an editor: no markers (the problem list under it still locates them). */
export function textareaEditor(textarea: HTMLTextAreaElement, onChange: () => void): TextEditor {
  const listener = () => onChange();
  textarea.addEventListener("input", listener);
  return {
    getText: () => textarea.value,
    setText(text) {
      textarea.value = text;
    },
    setLanguage() {},
    setMarkers() {},
    jumpTo(line, column) {
      const lines = textarea.value.split("\n");
      let offset = 0;
      for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i]!.length + 1;
      offset += Math.max(0, column - 1);
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
    },
    hasFocus: () => document.activeElement === textarea,
    focus: () => textarea.focus(),
    dispose() {
      textarea.removeEventListener("input", listener);
    },
  };
}

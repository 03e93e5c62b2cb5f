import type { EditorMarker } from "../../lib/exercise-ui/issue-markers.ts";

/**
 * What the exercise editor and the playground need from an editor. Both start with a plain text
 * area, usable at once and when Monaco cannot load (offline before the editor was ever kept, a
 * blocked chunk); Monaco (src/components/shared/monaco-setup.ts, about 1 MB gzipped) then takes
 * its place with the same interface, keeping the text and the caret (`replaceTextArea`).
 */
export type EditorLanguage = "yaml" | "json" | "azcli" | "powershell";

export interface TextEditor {
  getText(): string;
  /** Replaces the whole text; undoable in Monaco (one step). */
  setText(text: string): void;
  setLanguage(language: EditorLanguage): void;
  /** The accessible name. */
  setLabel(label: string): void;
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
    setLabel(label) {
      textarea.setAttribute("aria-label", label);
    },
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

/**
 * Puts the editor `make` builds in the place of a text area's: it gets the text as it is now
 * (what the learner typed while Monaco loaded stays) and, when the text area had focus, its caret.
 */
export function replaceTextArea(
  current: TextEditor,
  textarea: HTMLTextAreaElement,
  make: (text: string) => TextEditor,
): TextEditor {
  const text = current.getText();
  const caret = current.hasFocus() ? caretOf(textarea) : undefined;
  current.dispose();
  textarea.remove();
  const next = make(text);
  if (caret) next.jumpTo(caret.line, caret.column);
  return next;
}

/** Calls `start` once, the first time the learner focuses, presses or types in one of `hosts`. */
export function onFirstUse(hosts: readonly HTMLElement[], start: () => void): void {
  const wake = new AbortController();
  const once = () => {
    wake.abort();
    start();
  };
  for (const host of hosts)
    for (const type of ["focusin", "pointerdown", "keydown"])
      host.addEventListener(type, once, { signal: wake.signal });
}

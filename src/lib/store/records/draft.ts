import { isEditorFormat, type EditorFormat } from "../../exercise-ui/editor-format.ts";
import type { Parsed, RecordKind } from "../store.ts";
import { accept, isDate, isObject, refuse } from "./validate.ts";

/** A learner's unfinished rules for one exercise (the record's id is the exercise id). */
export interface Draft {
  version: 1;
  text: string;
  format: EditorFormat;
  /** ISO 8601 timestamp. */
  savedAt: string;
}

/** Why an earlier version was kept: shown in the list of earlier versions. */
export type KeptBecause = "link" | "reset" | "solution" | "format" | "restore" | "other-tab";

export interface KeptDraft extends Draft {
  keptBecause: KeptBecause;
}

/** Earlier versions of an exercise's rules, newest first, so no replace is ever final. */
export interface DraftHistory {
  version: 1;
  entries: KeptDraft[];
}

export const HISTORY_LENGTH = 5;
const KEPT_BECAUSE: readonly string[] = ["link", "reset", "solution", "format", "restore", "other-tab"];

export function checkDraft(json: unknown): Parsed<Draft> {
  if (!isObject(json)) return refuse("invalid-type", "it is not an object");
  if (json.version !== 1)
    return refuse("unsupported-version", `unknown version ${JSON.stringify(json.version)}`, ["version"]);
  if (typeof json.text !== "string") return refuse("missing-field", "text is missing", ["text"]);
  if (!isEditorFormat(json.format))
    return refuse("unknown-rule-format", `unknown format ${JSON.stringify(json.format)}`, ["format"]);
  if (!isDate(json.savedAt)) return refuse("invalid-value", "savedAt is not a date", ["savedAt"]);
  return accept({ version: 1, text: json.text, format: json.format, savedAt: json.savedAt });
}

export const DRAFT: RecordKind<Draft> = { name: "draft", version: 1, parse: checkDraft };

function checkHistory(
  json: unknown,
  entryOf: (value: unknown) => KeptDraft | undefined,
): Parsed<DraftHistory> {
  if (!isObject(json) || json.version !== 1 || !Array.isArray(json.entries))
    return refuse("storage-corrupt", "the earlier versions have an unknown shape");
  const entries = json.entries.map(entryOf);
  const kept = entries.filter((e): e is KeptDraft => e !== undefined).slice(0, HISTORY_LENGTH);
  return accept({ version: 1, entries: kept });
}

const keptEntry = (value: unknown): KeptDraft | undefined => {
  const draft = checkDraft(value);
  if (!draft.ok || !isObject(value)) return undefined;
  const because = KEPT_BECAUSE.includes(value.keptBecause as string)
    ? (value.keptBecause as KeptBecause)
    : "reset";
  return { ...draft.value, keptBecause: because };
};

export const emptyDraftHistory = (): DraftHistory => ({ version: 1, entries: [] });

export const DRAFT_HISTORY: RecordKind<DraftHistory> & { empty: () => DraftHistory } = {
  name: "draft-history",
  version: 1,
  empty: emptyDraftHistory,
  parse: (json) => checkHistory(json, keptEntry),
  // The one "previous" slot of earlier versions becomes a history of one.
  legacy: {
    key: (id) => `nsg-lab:draft-previous:v1:${id ?? ""}`,
    parse(json) {
      const draft = checkDraft(json);
      return draft.ok ? accept({ version: 1, entries: [{ ...draft.value, keptBecause: "reset" }] }) : draft;
    },
  },
};

export const makeDraft = (text: string, format: EditorFormat, now: Date = new Date()): Draft => ({
  version: 1,
  text,
  format,
  savedAt: now.toISOString(),
});

/** The history with `draft` kept on top (an identical newest entry is not repeated). */
export function keepInHistory(history: DraftHistory, draft: Draft, because: KeptBecause): DraftHistory {
  const top = history.entries[0];
  if (top && top.text === draft.text && top.format === draft.format) return history;
  return {
    version: 1,
    entries: [{ ...draft, keptBecause: because }, ...history.entries].slice(0, HISTORY_LENGTH),
  };
}

/** Takes entry `index` out of the history, keeping `current` on top in its place. */
export function restoreFromHistory(
  history: DraftHistory,
  index: number,
  current: Draft,
): { restored: KeptDraft; history: DraftHistory } | undefined {
  const restored = history.entries[index];
  if (!restored) return undefined;
  const rest = { version: 1 as const, entries: history.entries.filter((_, i) => i !== index) };
  return { restored, history: keepInHistory(rest, current, "restore") };
}

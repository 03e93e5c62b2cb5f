import { validateState, type PlaygroundState } from "../../playground/playground-state.ts";
import type { Parsed, RecordKind } from "../store.ts";
import { accept, isDate, isObject, refuse } from "./validate.ts";

/** The playground as last saved. */
export interface SavedPlayground {
  state: PlaygroundState;
  savedAt: string;
}

/** Earlier playgrounds, newest first: kept before a link, an exercise or "Start blank" replaces it. */
export interface PlaygroundHistory {
  version: 1;
  entries: SavedPlayground[];
}

export const PLAYGROUND_HISTORY_LENGTH = 5;

export function checkSavedPlayground(json: unknown): Parsed<SavedPlayground> {
  const state = validateState(json);
  if (!state.ok) return { ok: false, errors: state.errors };
  const savedAt = isObject(json) ? json.savedAt : undefined;
  if (!isDate(savedAt)) return refuse("invalid-value", "savedAt is not a date", ["savedAt"]);
  return accept({ state: state.value, savedAt });
}

/** Stored flat, as version 1 always was: the state's fields beside `savedAt`. */
export const PLAYGROUND: RecordKind<SavedPlayground> = {
  name: "playground",
  version: 1,
  parse: checkSavedPlayground,
  toJson: (saved) => flat(saved),
};

const flat = (saved: SavedPlayground): unknown => ({ ...saved.state, savedAt: saved.savedAt });

export const emptyPlaygroundHistory = (): PlaygroundHistory => ({ version: 1, entries: [] });

export const PLAYGROUND_HISTORY: RecordKind<PlaygroundHistory> & { empty: () => PlaygroundHistory } = {
  name: "playground-history",
  version: 1,
  empty: emptyPlaygroundHistory,
  parse(json) {
    if (!isObject(json) || json.version !== 1 || !Array.isArray(json.entries))
      return refuse("storage-corrupt", "the earlier playgrounds have an unknown shape");
    const entries = json.entries
      .map((e) => checkSavedPlayground(e))
      .flatMap((p) => (p.ok ? [p.value] : []))
      .slice(0, PLAYGROUND_HISTORY_LENGTH);
    return accept({ version: 1, entries });
  },
  toJson: (history) => ({ version: 1, entries: history.entries.map(flat) }),
  legacy: {
    key: () => "nsg-lab:playground-previous:v1",
    parse(json) {
      const saved = checkSavedPlayground(json);
      return saved.ok ? accept({ version: 1, entries: [saved.value] }) : saved;
    },
  },
};

import {
  Autosaver,
  saveStatus,
  type SaveOutcome,
  type SaveStatus,
  type SaveWords,
} from "../store/autosaver.ts";
import {
  PLAYGROUND,
  PLAYGROUND_HISTORY,
  PLAYGROUND_HISTORY_LENGTH,
  type SavedPlayground,
} from "../store/records/playground.ts";
import type { Store } from "../store/store.ts";
import { sameState, type PlaygroundState } from "./playground-state.ts";

/**
 * The playground's saving, without the DOM: the autosave (which notices another tab's saves),
 * and earlier playgrounds kept before a link, an exercise or "Start blank" replaces the page,
 * so that two links in a row never lose the learner's own work.
 */

export type PlaygroundSave = SaveStatus<PlaygroundState>;

export type PlaygroundStart =
  | { status: "saved"; state: PlaygroundState; notice: string }
  | { status: "none" }
  | { status: "problem"; notice: string };

const SAVE_WORDS: SaveWords<SavedPlayground, PlaygroundState> = {
  theirs: (saved) => saved.state,
  conflict: () =>
    "Not saved: the playground was changed in another tab or window. Choose which version to keep; the other stays under “Earlier playgrounds”.",
  full: "Browser storage is full, so the playground was not saved. It is still on the page: copy a share link to keep it.",
  failed: (message) => `The playground could not be saved (${message}). Copy a share link to keep it.`,
};

export class PlaygroundSession {
  readonly #store: Store;
  readonly #saver: Autosaver<SavedPlayground>;

  constructor(store: Store) {
    this.#store = store;
    this.#saver = new Autosaver(store, PLAYGROUND);
  }

  get saveKey(): string {
    return this.#saver.key;
  }

  start(): PlaygroundStart {
    const saved = this.#saver.load();
    if (saved.status === "ok")
      return {
        status: "saved",
        state: saved.value.state,
        notice: "Your playground was restored from this browser.",
      };
    if (saved.status === "corrupt") {
      const moved = this.#store.keepAside(PLAYGROUND);
      return {
        status: "problem",
        notice: `Your saved playground could not be read (${saved.message}), so the blank scenario is shown.${moved ? ` The damaged copy was set aside in this browser's storage under “${saved.backupKey}”.` : ""}`,
      };
    }
    if (saved.status === "unavailable")
      return { status: "problem", notice: `${saved.message} Copy a share link to keep your work.` };
    return { status: "none" };
  }

  #status(outcome: SaveOutcome<SavedPlayground>): PlaygroundSave {
    return saveStatus(outcome, SAVE_WORDS);
  }

  save(state: PlaygroundState, now: Date = new Date()): PlaygroundSave {
    return this.#status(this.#saver.save({ state, savedAt: now.toISOString() }, now));
  }

  foreignChange(key: string | null, newValue: string | null): PlaygroundState | undefined {
    return this.#saver.isForeignChange(key, newValue) ? this.#saver.theirs()?.state : undefined;
  }

  keepMine(state: PlaygroundState, theirs: PlaygroundState, now: Date = new Date()): PlaygroundSave {
    this.keep(theirs, now);
    return this.#status(this.#saver.keepMine({ state, savedAt: now.toISOString() }, now));
  }

  takeTheirs(current: PlaygroundState): PlaygroundState | undefined {
    const theirs = this.#saver.theirs();
    if (!theirs) return undefined;
    this.keep(current);
    this.#saver.adoptStored();
    return theirs.state;
  }

  history(): SavedPlayground[] {
    return this.#store.valueOf(PLAYGROUND_HISTORY).entries;
  }

  /** Keeps `state` on top of the earlier playgrounds; false when storage would not. */
  keep(state: PlaygroundState, now: Date = new Date()): boolean {
    return this.#store.update(PLAYGROUND_HISTORY, (h) => {
      if (h.entries[0] && sameState(h.entries[0].state, state)) return h;
      const entries = [{ state, savedAt: now.toISOString() }, ...h.entries].slice(
        0,
        PLAYGROUND_HISTORY_LENGTH,
      );
      return { version: 1 as const, entries };
    }).ok;
  }

  /** Takes earlier playground `index` out of the list, keeping `current` in its place. */
  restore(index: number, current: PlaygroundState): PlaygroundState | undefined {
    const history = this.#store.valueOf(PLAYGROUND_HISTORY);
    const restored = history.entries[index];
    if (!restored) return undefined;
    const rest = history.entries.filter((_, i) => i !== index);
    const entries = [{ state: current, savedAt: new Date().toISOString() }, ...rest].slice(
      0,
      PLAYGROUND_HISTORY_LENGTH,
    );
    this.#store.write(PLAYGROUND_HISTORY, { version: 1, entries });
    return restored.state;
  }
}

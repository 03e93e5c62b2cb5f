import { keyOf, type RecordKind, type Store, type StoreRead } from "./store.ts";

/**
 * Saves one record as a learner works (an exercise's draft, the playground) and notices when
 * another tab has saved over it since: two tabs must never overwrite each other silently, and
 * the losing tab must never say "Saved". The rule: the stored text must still be the one this
 * tab last read or wrote; if it is not, the learner chooses whose version to keep.
 */
export type SaveOutcome<T> =
  | { status: "saved"; at: Date }
  | { status: "unchanged" }
  /** Another tab saved `theirs` since this tab last read or wrote; nothing was written. */
  | { status: "conflict"; theirs: T }
  | { status: "failed"; code: "storage-full" | "storage-unavailable"; message: string };

export class Autosaver<T> {
  readonly #store: Store;
  readonly #kind: RecordKind<T>;
  readonly #id: string | undefined;
  /** The stored text as this tab last saw it (null: nothing stored). */
  #known: string | null = null;

  constructor(store: Store, kind: RecordKind<T>, id?: string) {
    this.#store = store;
    this.#kind = kind;
    this.#id = id;
  }

  get key(): string {
    return keyOf(this.#kind, this.#id);
  }

  /** Reads the record and remembers it as what this tab has seen. */
  load(): StoreRead<T> {
    const read = this.#store.read(this.#kind, this.#id);
    const raw = this.#store.raw(this.key);
    this.#known = raw.ok ? raw.value : null;
    return read;
  }

  /** Another tab's version, when the stored text is no longer what this tab saw. */
  theirs(): T | undefined {
    const raw = this.#store.raw(this.key);
    if (!raw.ok || raw.value === null || raw.value === this.#known) return undefined;
    const read = this.#store.read(this.#kind, this.#id);
    // An unusable value from elsewhere is no version to offer: the next write backs it up.
    return read.status === "ok" ? read.value : undefined;
  }

  /** Saves unless another tab has saved since (then nothing is written: see `keepMine`). */
  save(value: T, now: Date = new Date()): SaveOutcome<T> {
    const theirs = this.theirs();
    if (theirs !== undefined) return { status: "conflict", theirs };
    return this.keepMine(value, now);
  }

  /** Saves over whatever is stored: the learner chose this tab's version. */
  keepMine(value: T, now: Date = new Date()): SaveOutcome<T> {
    const text = JSON.stringify(this.#kind.toJson ? this.#kind.toJson(value) : value);
    const stored = this.#store.raw(this.key);
    if (stored.ok && stored.value === text) {
      this.#known = text;
      return { status: "unchanged" };
    }
    const written = this.#store.write(this.#kind, value, this.#id);
    if (!written.ok) {
      const error = written.errors[0]!;
      return {
        status: "failed",
        code: error.code === "storage-full" ? "storage-full" : "storage-unavailable",
        message: error.message,
      };
    }
    this.#known = written.value;
    return { status: "saved", at: now };
  }

  /** The learner took the other tab's version: it is now what this tab has seen. */
  adoptStored(): void {
    const raw = this.#store.raw(this.key);
    this.#known = raw.ok ? raw.value : null;
  }

  /** For `storage` events: whether a change to `key` came from elsewhere and differs. */
  isForeignChange(key: string | null, newValue: string | null): boolean {
    if (key === null) return this.theirs() !== undefined;
    return key === this.key && newValue !== null && newValue !== this.#known;
  }
}

/** What saving did, in words for the status line beside the work. */
export type SaveStatus<U> =
  | { kind: "saved"; text: string }
  | { kind: "unchanged" }
  | { kind: "conflict"; theirs: U; text: string }
  | { kind: "error"; text: string };

/** The words that differ between the exercise editor and the playground. */
export interface SaveWords<T, U> {
  /** The other tab's version as the caller works with it. */
  theirs: (stored: T) => U;
  conflict: (stored: T) => string;
  full: string;
  failed: (message: string) => string;
}

export const timeOf = (at: Date): string => at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export function saveStatus<T, U>(outcome: SaveOutcome<T>, words: SaveWords<T, U>): SaveStatus<U> {
  switch (outcome.status) {
    case "saved":
      return { kind: "saved", text: `Saved in this browser at ${timeOf(outcome.at)}.` };
    case "unchanged":
      return { kind: "unchanged" };
    case "conflict":
      return { kind: "conflict", theirs: words.theirs(outcome.theirs), text: words.conflict(outcome.theirs) };
    case "failed":
      return {
        kind: "error",
        text: outcome.code === "storage-full" ? words.full : words.failed(outcome.message),
      };
  }
}

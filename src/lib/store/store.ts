import { fail, issue, ok, type Issue, type Result } from "../result.ts";

/**
 * The one browser store: every record NSG Lab keeps (course progress, exercise results, drafts
 * and their history, the playground) goes through here, each under a versioned key with a schema
 * of its own (src/lib/store/records/). Nothing here throws — storage may be missing, blocked
 * (SecurityError) or full (QuotaExceededError) — and nothing stored is ever thrown away: a value
 * that no longer validates is moved, untouched, to a backup key before anything replaces it.
 */

/** The part of the Web Storage API we use; tests pass an in-memory fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What a record's schema makes of a stored value. */
export type Parsed<T> =
  /** Usable; `dropped` names entries that were not (kept in the backup when next written). */
  { ok: true; value: T; dropped: Issue[] } | { ok: false; errors: Issue[] };

/** One kind of record: where it lives, which version, and how a stored value is checked. */
export interface RecordKind<T> {
  /** Part of the key: `nsg-lab:<name>:v<version>[:<id>]`. */
  name: string;
  version: number;
  /** Validates parsed JSON; salvages what it can rather than refuse a whole record. */
  parse(json: unknown): Parsed<T>;
  /** An older record to read when this version has nothing stored yet (migration). */
  legacy?: { key: (id: string | undefined) => string; parse(json: unknown): Parsed<T> };
  /** What a learner who has nothing stored has (for records that always exist, like progress). */
  empty?: () => T;
  /** The JSON to store, when it is not the value itself (a shape older versions already used). */
  toJson?: (value: T) => unknown;
}

export type StoreRead<T> =
  | { status: "none" }
  /** `raw` is the stored text, for telling later whether another tab has written since. */
  | { status: "ok"; value: T; raw: string; dropped: Issue[] }
  /** Unusable; copied to `backupKey` before anything replaces it. */
  | { status: "corrupt"; message: string; backupKey: string }
  | { status: "unavailable"; message: string };

export const KEY_PREFIX = "nsg-lab:";

export const keyOf = (kind: Pick<RecordKind<unknown>, "name" | "version">, id?: string): string =>
  `${KEY_PREFIX}${kind.name}:v${kind.version}${id === undefined ? "" : `:${id}`}`;

export const backupKeyOf = (kind: Pick<RecordKind<unknown>, "name" | "version">, id?: string): string =>
  `${KEY_PREFIX}${kind.name}-backup:v${kind.version}${id === undefined ? "" : `:${id}`}`;

/** True for the error a full storage throws (DOMException QuotaExceededError, or Firefox's name). */
export function isQuotaExceeded(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED")
  );
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function parseText<T>(raw: string, parse: (json: unknown) => Parsed<T>): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, errors: [issue("invalid-json", "it is not valid JSON")] };
  }
  return parse(json);
}

export class Store {
  readonly storage: StorageLike | undefined;
  constructor(storage: StorageLike | undefined) {
    this.storage = storage;
  }

  get available(): boolean {
    return this.storage !== undefined;
  }

  /** The stored text under a key, or why it cannot be read. */
  raw(key: string): Result<string | null> {
    if (!this.storage)
      return fail([issue("storage-unavailable", "This browser does not offer local storage.")]);
    try {
      return ok(this.storage.getItem(key));
    } catch (error) {
      return fail([issue("storage-unavailable", `Local storage cannot be read (${errorText(error)}).`)]);
    }
  }

  /**
   * Reads a record, changing nothing. A value that does not validate is reported with the key it
   * is copied to before anything replaces it (`write` does that, or `keepAside` at once); a value
   * with some bad entries is returned without them (`dropped`).
   */
  read<T>(kind: RecordKind<T>, id?: string): StoreRead<T> {
    const raw = this.raw(keyOf(kind, id));
    if (!raw.ok) return { status: "unavailable", message: raw.errors[0]!.message };
    if (raw.value === null) return this.#readLegacy(kind, id);
    const parsed = parseText(raw.value, (json) => kind.parse(json));
    if (parsed.ok) return { status: "ok", value: parsed.value, raw: raw.value, dropped: parsed.dropped };
    return { status: "corrupt", message: parsed.errors[0]!.message, backupKey: backupKeyOf(kind, id) };
  }

  /** Moves an unusable stored value to its backup key now; false when storage refuses. */
  keepAside<T>(kind: RecordKind<T>, id?: string): boolean {
    try {
      const value = this.storage?.getItem(keyOf(kind, id));
      if (value === null || value === undefined) return true;
      this.storage!.setItem(backupKeyOf(kind, id), value);
      this.storage!.removeItem(keyOf(kind, id));
      return true;
    } catch {
      return false;
    }
  }

  #readLegacy<T>(kind: RecordKind<T>, id: string | undefined): StoreRead<T> {
    if (!kind.legacy) return { status: "none" };
    const raw = this.raw(kind.legacy.key(id));
    if (!raw.ok || raw.value === null) return { status: "none" };
    const parsed = parseText(raw.value, (json) => kind.legacy!.parse(json));
    // An old value that doesn't validate stays where it is, untouched: nothing to move it over.
    if (!parsed.ok) return { status: "none" };
    return { status: "ok", value: parsed.value, raw: "", dropped: parsed.dropped };
  }

  /** The record, or the kind's empty value when nothing usable is stored. */
  valueOf<T>(kind: RecordKind<T> & { empty: () => T }, id?: string): T {
    const read = this.read(kind, id);
    return read.status === "ok" ? read.value : kind.empty();
  }

  /**
   * Writes a record; returns the text stored. Fails with `storage-full` or `storage-unavailable`.
   * A stored value with entries the schema dropped is first copied to the backup key.
   */
  write<T>(kind: RecordKind<T>, value: T, id?: string): Result<string> {
    if (!this.storage)
      return fail([issue("storage-unavailable", "This browser does not offer local storage.")]);
    const key = keyOf(kind, id);
    const text = JSON.stringify(kind.toJson ? kind.toJson(value) : value);
    try {
      const before = this.storage.getItem(key);
      if (before !== null && before !== text) {
        const parsed = parseText(before, (json) => kind.parse(json));
        if (!parsed.ok || parsed.dropped.length > 0) this.storage.setItem(backupKeyOf(kind, id), before);
      }
      this.storage.setItem(key, text);
      return ok(text);
    } catch (error) {
      return fail([
        isQuotaExceeded(error)
          ? issue("storage-full", "Browser storage is full.")
          : issue("storage-unavailable", `Local storage cannot be written (${errorText(error)}).`),
      ]);
    }
  }

  /**
   * Read, change, write. Unavailable storage is reported and nothing is written; an unusable
   * stored value is backed up by `write`, and the change starts from empty.
   */
  update<T>(kind: RecordKind<T> & { empty: () => T }, change: (current: T) => T, id?: string): Result<T> {
    const current = this.read(kind, id);
    if (current.status === "unavailable") return fail([issue("storage-unavailable", current.message)]);
    const next = change(current.status === "ok" ? current.value : kind.empty());
    const written = this.write(kind, next, id);
    return written.ok ? ok(next) : written;
  }

  /** Removes a record (an unusable one is kept under its backup key first). */
  remove<T>(kind: RecordKind<T>, id?: string): Result<undefined> {
    if (!this.storage)
      return fail([issue("storage-unavailable", "This browser does not offer local storage.")]);
    if (this.read(kind, id).status === "corrupt") this.keepAside(kind, id);
    try {
      this.storage.removeItem(keyOf(kind, id));
      return ok(undefined);
    } catch (error) {
      return fail([issue("storage-unavailable", `Local storage cannot be written (${errorText(error)}).`)]);
    }
  }
}

/** A stored text read through a record's schema: what the fuzz tests and the hostile-input bench feed. */
export function parseRecord<T>(kind: RecordKind<T>, raw: string): Result<T> {
  const parsed = parseText(raw, (json) => kind.parse(json));
  return parsed.ok ? ok(parsed.value) : fail(parsed.errors);
}

/** The store over this browser's localStorage (which can itself throw, e.g. with site data blocked). */
export function browserStore(): Store {
  let storage: StorageLike | undefined;
  try {
    storage = globalThis.localStorage ?? undefined;
  } catch {
    storage = undefined;
  }
  return new Store(storage);
}

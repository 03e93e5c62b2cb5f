import type { StorageLike } from "../../src/lib/store/store.ts";

/** An in-memory StorageLike; `failing` makes every call throw, like blocked site data. */
export function memoryStorage(
  initial: Record<string, string> = {},
  failing = false,
): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const guard = () => {
    if (failing) throw new DOMException("The operation is insecure.", "SecurityError");
  };
  return {
    data,
    getItem: (key) => (guard(), data.get(key) ?? null),
    setItem: (key, value) => (guard(), void data.set(key, value)),
    removeItem: (key) => (guard(), void data.delete(key)),
  };
}

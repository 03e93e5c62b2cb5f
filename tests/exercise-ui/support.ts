import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StorageLike } from "../../src/lib/store/store.ts";
import { loadExercise, type Exercise } from "../../src/lib/grader/index.ts";

const GRADERS = join(import.meta.dirname, "../../graders");

/** Every exercise file of the repository, as path → text (the shape import.meta.glob gives). */
export function graderFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(GRADERS)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => [`/graders/${f}`, readFileSync(join(GRADERS, f), "utf8")]),
  );
}

export function exercise(id: string): Exercise {
  const loaded = loadExercise(readFileSync(join(GRADERS, `${id}.yaml`), "utf8"));
  if (!loaded.ok) throw new Error(`${id}: ${loaded.errors.map((e) => e.message).join("; ")}`);
  return loaded.value;
}

export const allExercises = (): Exercise[] =>
  Object.values(graderFiles()).flatMap((text) => {
    const loaded = loadExercise(text);
    return loaded.ok ? [loaded.value] : [];
  });

export type Failure = "none" | "blocked" | "quota";

/** In-memory storage; `fail` makes reads and/or writes throw like a blocked or full browser store. */
export function memoryStorage(
  initial: Record<string, string> = {},
  fail: { read?: Failure; write?: Failure } = {},
): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const raise = (kind: Failure | undefined) => {
    if (kind === "blocked") throw new DOMException("The operation is insecure.", "SecurityError");
    if (kind === "quota") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
  return {
    data,
    getItem: (key) => (raise(fail.read), data.get(key) ?? null),
    setItem: (key, value) => (raise(fail.write), void data.set(key, value)),
    removeItem: (key) => (raise(fail.write), void data.delete(key)),
  };
}

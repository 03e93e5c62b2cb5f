import {
  loadExpectations,
  withExpectations,
  type LoadedExpectations,
} from "../lib/assignments/expectations-file.ts";
import type { Exercise } from "../lib/grader/index.ts";
import { formatIssue } from "./format-report.ts";
import type { Io } from "./io.ts";

/** `--expectations <file>` as read: the instructor's extra checks and where the file is. */
export interface ExpectationsOption {
  path: string;
  loaded: LoadedExpectations;
}

/** Reads the file, or prints why it cannot be used (each error at file:line:col) and returns undefined. */
export function readExpectationsOption(path: string, io: Io): ExpectationsOption | undefined {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    io.err(
      `--expectations ${path}: cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
    return undefined;
  }
  const loaded = loadExpectations(text);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(formatIssue(path, e));
    return undefined;
  }
  return { path, loaded: loaded.value };
}

/**
 * The exercises with the file's checks, or undefined after printing why the file does not fit
 * them. Warnings (a check the reference solution fails) are printed and do not stop the run.
 */
export function applyExpectationsOption(
  option: ExpectationsOption | undefined,
  exercises: ReadonlyMap<string, Exercise>,
  io: Io,
  /** Grading one exercise: the file's checks for the others are left aside. */
  onlyFor?: string,
): Map<string, Exercise> | undefined {
  if (!option) return new Map(exercises);
  const file = option.loaded.expectations;
  const checks = onlyFor === undefined ? file.exercises : pick(file.exercises, onlyFor);
  const applied = withExpectations(exercises, { ...file, exercises: checks });
  const at = (issues: Parameters<typeof formatIssue>[1][]) =>
    issues.map((i) => formatIssue(option.path, { ...i, span: option.loaded.spanAt(i.path) }));
  if (!applied.ok) {
    for (const line of at(applied.errors)) io.err(line);
    return undefined;
  }
  for (const line of at(applied.value.warnings)) io.err(line);
  return applied.value.exercises;
}

const pick = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.hasOwn(record, key) ? { [key]: record[key]! } : {};

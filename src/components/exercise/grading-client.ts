import type { EditorFormat } from "../../lib/exercise-ui/editor-format.ts";
import { gradeForEditor, type EditorGrade } from "../../lib/exercise-ui/grade-for-editor.ts";
import type { Exercise } from "../../lib/grader/exercise-schema.ts";
import type { Result } from "../../lib/result.ts";

export interface GradeRequest {
  id: number;
  exercise: Exercise;
  text: string;
  format: EditorFormat;
}

/** The worker's answer to request `id`: the grade, or an `internal-error` issue when grading threw. */
export interface GradeResponse {
  id: number;
  result: Result<EditorGrade>;
}

/** The performance.measure name of one re-grade (grade + render) in the editor island. */
export const REGRADE_MEASURE = "nsg-lab:regrade";

/** Typical edits grade inline in well under a millisecond (npm run bench); larger texts go to a worker. */
export const WORKER_THRESHOLD = 64 * 1024;

/**
 * Grades the editor's text, inline when small and in a Web Worker when large. Only the newest
 * request is answered: an older one still running is dropped when a newer one arrives.
 */
export function createGrader(exercise: Exercise) {
  let worker: Worker | undefined;
  let latest = 0;
  const pending = new Map<number, (grade: EditorGrade | undefined) => void>();

  function startWorker(): Worker | undefined {
    if (worker || typeof Worker === "undefined") return worker;
    try {
      worker = new Worker(new URL("./grade-worker.ts", import.meta.url), {
        type: "module",
        name: "nsg-lab-grader",
      });
      worker.addEventListener("message", (event: MessageEvent<GradeResponse>) => {
        const resolve = pending.get(event.data.id);
        pending.delete(event.data.id);
        const { result } = event.data;
        resolve?.(result.ok ? result.value : undefined);
      });
    } catch {
      worker = undefined;
    }
    return worker;
  }

  /** Resolves with the grade, or undefined when a newer request superseded this one. */
  return function grade(text: string, format: EditorFormat): Promise<EditorGrade | undefined> {
    const id = ++latest;
    for (const [old, resolve] of pending)
      if (old < id) {
        pending.delete(old);
        resolve(undefined);
      }
    const remote = text.length > WORKER_THRESHOLD ? startWorker() : undefined;
    if (!remote) return Promise.resolve(gradeForEditor(exercise, text, format));
    return new Promise((resolve) => {
      pending.set(id, (result) =>
        resolve(id === latest ? (result ?? gradeForEditor(exercise, text, format)) : undefined),
      );
      remote.postMessage({ id, exercise, text, format } satisfies GradeRequest);
    });
  };
}

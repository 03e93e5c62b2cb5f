/// <reference lib="webworker" />
/**
 * Grades large rule texts off the main thread, so a pasted 1 MB NSG never freezes the page.
 * One request in, one answer out, tagged with the request's id.
 */
import "../../lib/zod-no-eval.ts";
import { gradeForEditor } from "../../lib/exercise-ui/grade-for-editor.ts";
import { fail, issue, ok } from "../../lib/result.ts";
import type { GradeRequest, GradeResponse } from "./grading-client.ts";

self.addEventListener("message", (event: MessageEvent<GradeRequest>) => {
  const { id, exercise, text, format } = event.data;
  let response: GradeResponse;
  try {
    response = { id, result: ok(gradeForEditor(exercise, text, format)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = { id, result: fail([issue("internal-error", message)]) };
  }
  self.postMessage(response);
});

/// <reference lib="webworker" />
/**
 * Re-grades a batch of handed-in files off the main thread, so 1,000 files never freeze the
 * page: the same `regradeDropped` as the unit tests and the same batch as the CLI, against the
 * exercises this build was made with (graders/*.yaml, bundled as text and loaded here).
 */
import "../../lib/zod-no-eval.ts";
import { regradeDropped } from "../../lib/gradebook/dropped-files.ts";
import { exercisesFromTexts } from "../../lib/gradebook/exercise-set.ts";
import { loadExpectations, withExpectations } from "../../lib/assignments/expectations-file.ts";
import { formatSpan } from "../../lib/formats/source-span.ts";
import type { Issue } from "../../lib/result.ts";
import { PROGRESS_EVERY_MS, type GradebookRequest, type GradebookResponse } from "./gradebook-protocol.ts";

const texts = import.meta.glob<string>("/graders/*.{yaml,yml,json}", {
  query: "?raw",
  import: "default",
  eager: true,
});
const { exercises, problems } = exercisesFromTexts(
  Object.entries(texts).map(([path, text]) => ({ name: path.slice(path.lastIndexOf("/") + 1), text })),
);
const titles: [string, string][] = [...exercises].map(([id, e]) => [id, e.title]);

const post = (message: GradebookResponse) => self.postMessage(message);

/** The exercises with an expectations file's checks, or why the file cannot be used (first errors, located). */
function withFile(file: { name: string; text: string }) {
  const located = (e: Issue) => `${file.name}${e.span ? `:${formatSpan(e.span)}` : ""}: ${e.message}`;
  const loaded = loadExpectations(file.text);
  const applied = loaded.ok ? withExpectations(exercises, loaded.value.expectations) : loaded;
  if (applied.ok) return { ok: true as const, value: applied.value.exercises };
  const spanned = applied.errors.map((e) =>
    e.span || !loaded.ok ? e : { ...e, span: loaded.value.spanAt(e.path) },
  );
  return {
    ok: false as const,
    message: `the expectations file cannot be used: ${spanned.slice(0, 3).map(located).join("; ")}`,
  };
}

/** The files of the batch being handed over; one batch at a time (the page starts a worker per batch). */
const received: { path: string; file: File }[] = [];

self.addEventListener("message", (event: MessageEvent<GradebookRequest>) => {
  const request = event.data;
  if (request.type === "files") {
    received.push(...request.files);
    return;
  }
  const { id } = request;
  // Assessment mode: the instructor's extra checks join the exercises' own, as in the CLI.
  const set = request.expectations ? withFile(request.expectations) : { ok: true as const, value: exercises };
  if (!set.ok) {
    post({ id, type: "failed", message: set.message });
    return;
  }
  let last = 0;
  const dropped = received
    .splice(0)
    .map(({ path, file }) => ({ path, size: file.size, text: () => file.text() }));
  regradeDropped(dropped, set.value, (done, total) => {
    const now = performance.now();
    if (done !== total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ id, type: "progress", done, total });
  }).then(
    (result) => post({ id, type: "done", result, titles, problems }),
    (error: unknown) =>
      post({ id, type: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});

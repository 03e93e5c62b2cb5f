/// <reference lib="webworker" />
/**
 * Re-grades a batch of handed-in files off the main thread, so 1,000 files never freeze the
 * page: the same `regradeDropped` as the unit tests and the same batch as the CLI, against the
 * exercises this build was made with (graders/*.yaml, bundled as text and loaded here).
 */
import "../../lib/zod-no-eval.ts";
import { regradeDropped } from "../../lib/gradebook/dropped-files.ts";
import { exercisesFromTexts } from "../../lib/gradebook/exercise-set.ts";
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

/** The files of the batch being handed over; one batch at a time (the page starts a worker per batch). */
const received: { path: string; file: File }[] = [];

self.addEventListener("message", (event: MessageEvent<GradebookRequest>) => {
  const request = event.data;
  if (request.type === "files") {
    received.push(...request.files);
    return;
  }
  const { id } = request;
  let last = 0;
  const dropped = received
    .splice(0)
    .map(({ path, file }) => ({ path, size: file.size, text: () => file.text() }));
  regradeDropped(dropped, exercises, (done, total) => {
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

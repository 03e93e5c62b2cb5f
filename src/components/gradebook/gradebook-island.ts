import { classReportText } from "../../lib/class-report/class-report.ts";
import type { GradebookRow } from "../../lib/grader/gradebook.ts";
import {
  DEFAULT_POINTS,
  gradebookCsvIn,
  isGradebookLayout,
  layoutFileName,
} from "../../lib/gradebook/csv-layouts.ts";
import type { DroppedResult } from "../../lib/gradebook/dropped-files.ts";
import { downloadText, el, must } from "../shared/dom.ts";
import { renderClassReport } from "./class-report-view.ts";
import { filesOfDrop, filesOfInput, type ChosenFile } from "./dropped-entries.ts";
import { FILES_PER_MESSAGE, type GradebookRequest, type GradebookResponse } from "./gradebook-protocol.ts";
import { claimDiffers, renderTable } from "./gradebook-table.ts";

/**
 * The gradebook page (src/pages/gradebook.astro): the instructor drops a folder or files, a
 * worker re-grades them against this build's exercises (gradebook-worker.ts) while the page
 * shows progress, then the table, the files to look at, the CSV downloads and the class report.
 * A thin view: the re-grade, the layouts and the report are src/lib/gradebook's.
 */

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Every file the instructor should open: not graded, claiming another score, twice, or left out. */
function problemsOf(result: DroppedResult, walk: readonly string[]): { file: string; why: string }[] {
  const rows = result.batch.rows;
  return [
    ...rows.filter((r) => r.status === "submission-invalid").map((r) => ({ file: r.file, why: r.detail })),
    ...rows.filter(claimDiffers).map((r) => ({
      file: r.file,
      why: `${r.exercise}: the file claims ${r.claimed}, the re-grade gives ${r.passed}/${r.total} (the claim is never used)`,
    })),
    ...result.batch.duplicates.map((d) => ({ file: d.kept, why: d.message })),
    ...result.skipped.map((s) => ({ file: s.path, why: s.reason })),
    ...walk.map((p) => ({ file: "", why: p })),
  ];
}

function summary(result: DroppedResult, problems: number): string {
  const rows: readonly GradebookRow[] = result.batch.rows;
  const learners = new Set(result.batch.kept.map((r) => r.learner.toLowerCase())).size;
  const complete = result.batch.kept.filter((r) => r.complete).length;
  return `Re-graded ${count(result.files, "file")}: ${count(rows.length, "row")} for ${count(learners, "learner")}, ${count(complete, "exercise")} complete${problems ? `, ${count(problems, "file")} to look at` : ""}.`;
}

export function mountGradebook(root: HTMLElement): void {
  const status = must<HTMLElement>(root, "[data-gradebook-status]");
  const progress = must<HTMLProgressElement>(root, "[data-gradebook-progress]");
  const progressText = must<HTMLElement>(root, "[data-gradebook-progress-text]");
  const results = must<HTMLElement>(root, "[data-gradebook-results]");
  const drop = must<HTMLElement>(root, "[data-gradebook-drop]");
  const folder = must<HTMLInputElement>(root, "[data-gradebook-folder]");
  const picked = must<HTMLInputElement>(root, "[data-gradebook-files]");
  const points = must<HTMLInputElement>(root, "[data-gradebook-points]");
  const expectationsInput = must<HTMLInputElement>(root, "[data-gradebook-expectations]");
  const downloadStatus = must<HTMLElement>(root, "[data-gradebook-download-status]");
  // The folder picker: an attribute Chromium, Firefox and Safari all read, though no standard names it.
  folder.webkitdirectory = true;

  let worker: Worker | undefined;
  let job = 0;
  let last: { result: DroppedResult; titles: Map<string, string> } | undefined;
  /** The files last chosen, graded again when the expectations file changes. */
  let chosen: { files: ChosenFile[]; walkProblems: string[] } | undefined;

  function grade(files: ChosenFile[], walkProblems: string[]) {
    chosen = { files, walkProblems };
    worker?.terminate();
    last = undefined;
    results.hidden = true;
    if (files.length === 0) {
      status.textContent = walkProblems.length
        ? `Nothing could be read: ${walkProblems.join("; ")}`
        : "No files were chosen.";
      return;
    }
    if (typeof Worker === "undefined") {
      status.textContent =
        "This browser cannot run the re-grade (it has no Web Workers). Use npm run grade -- --submissions instead.";
      return;
    }
    const id = ++job;
    worker = new Worker(new URL("./gradebook-worker.ts", import.meta.url), {
      type: "module",
      name: "nsg-lab-gradebook",
    });
    status.textContent = `Re-grading ${count(files.length, "file")}…`;
    progress.hidden = false;
    progress.removeAttribute("value");
    progressText.textContent = "";
    worker.addEventListener("message", (event: MessageEvent<GradebookResponse>) => {
      const message = event.data;
      if (message.id !== job) return;
      if (message.type === "progress") {
        progress.max = Math.max(1, message.total);
        progress.value = message.done;
        progressText.textContent = `${message.done.toLocaleString("en")} of ${message.total.toLocaleString("en")}`;
        return;
      }
      progress.hidden = true;
      progressText.textContent = "";
      worker?.terminate();
      worker = undefined;
      if (message.type === "failed") {
        status.textContent = `The re-grade stopped: ${message.message}`;
        return;
      }
      show(message.result, new Map(message.titles), walkProblems);
    });
    worker.addEventListener("error", (event) => {
      if (id !== job) return;
      progress.hidden = true;
      status.textContent = `The re-grade stopped: ${event.message || "the grader could not start"}. It is fetched from the network the first time it runs (it is not kept for offline use): check the connection, or re-grade with npm run grade -- --submissions.`;
    });
    void handOver(worker, id, files);
  }

  /** The files to the worker a slice at a time, letting the page answer input between slices. */
  async function handOver(to: Worker, id: number, files: ChosenFile[]) {
    for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
      if (id !== job) return;
      to.postMessage({
        id,
        type: "files",
        files: files.slice(i, i + FILES_PER_MESSAGE),
      } satisfies GradebookRequest);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const chosen = expectationsInput.files?.[0];
    const expectations = chosen ? { name: chosen.name, text: await chosen.text() } : undefined;
    if (id === job)
      to.postMessage({
        id,
        type: "grade",
        ...(expectations ? { expectations } : {}),
      } satisfies GradebookRequest);
  }

  function show(result: DroppedResult, titles: Map<string, string>, walk: string[]) {
    last = { result, titles };
    const problems = problemsOf(result, walk);
    renderTable(
      must(root, "[data-gradebook-table]"),
      must(root, "[data-gradebook-pages]"),
      result.batch.rows,
    );
    const list = must<HTMLUListElement>(root, "[data-gradebook-problems]");
    list.replaceChildren(
      ...problems.map((p) =>
        el("li", {}, p.file ? el("code", {}, p.file) : "", p.file ? `: ${p.why}` : p.why),
      ),
    );
    must<HTMLElement>(root, "[data-gradebook-problems-none]").hidden = problems.length > 0;
    renderClassReport(must(root, "[data-gradebook-report]"), result.batch.reports);
    must<HTMLElement>(root, "[data-gradebook-report-none]").hidden = result.batch.reports.length > 0;
    downloadStatus.textContent = "";
    must(root, "[data-gradebook-report-status]").textContent = "";
    results.hidden = false;
    status.textContent = summary(result, problems.length);
  }

  folder.addEventListener("change", () => grade(filesOfInput(folder), []));
  // A new (or removed) expectations file changes every grade: the same files again, with it.
  expectationsInput.addEventListener("change", () => {
    if (chosen && chosen.files.length > 0) grade(chosen.files, chosen.walkProblems);
  });
  picked.addEventListener("change", () => grade(filesOfInput(picked), []));
  // The whole page takes the drop: a folder let go beside the zone must not open in the tab.
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = "copy";
    drop.classList.add("gradebook__drop--over");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) drop.classList.remove("gradebook__drop--over");
  });
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    drop.classList.remove("gradebook__drop--over");
    status.textContent = "Reading the dropped files…";
    void filesOfDrop(event.dataTransfer!).then(({ files, problems }) => grade(files, problems));
  });

  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-gradebook-download]");
    if (!button || !last) return;
    const what = button.dataset.gradebookDownload;
    if (what === "report") {
      downloadText("class-report.txt", `${classReportText(last.result.batch.reports)}\n`, "text/plain");
      must(root, "[data-gradebook-report-status]").textContent = "Downloaded class-report.txt.";
      return;
    }
    if (!isGradebookLayout(what)) return;
    const worth = Number(points.value || DEFAULT_POINTS);
    if (!Number.isInteger(worth) || worth < 1 || worth > 1000) {
      downloadStatus.textContent = "Points per exercise must be a whole number from 1 to 1000.";
      points.focus();
      return;
    }
    downloadText(
      layoutFileName(what),
      gradebookCsvIn(what, last.result.batch, { titles: last.titles, points: worth }),
      "text/csv",
    );
    downloadStatus.textContent = `Downloaded ${layoutFileName(what)}.`;
  });
}

/**
 * The author-rules island: Monaco, live grading, drafts, format switch, export and sharing.
 * Built as a bundle of its own and loaded by loader.ts only when the learner presses
 * "Open the editor"; it registers itself as `globalThis.nsgLabEditorIsland`.
 */
import { createGrader, REGRADE_MEASURE, WORKER_THRESHOLD } from "./grading-client.ts";
import { isComplete, type GradeReport } from "../../lib/grader/report.ts";
import { browserStorage, completeLesson } from "../../lib/progress/browser.ts";
import type { ExportFormat } from "../../lib/formats/export/index.ts";
import { FORMAT_LABEL, isEditorFormat, type EditorFormat } from "../../lib/exercise-ui/editor-format.ts";
import { suggestFixesFor } from "../../lib/exercise-ui/grade-for-editor.ts";
import {
  makeDraft,
  readDraft,
  readPreviousDraft,
  savePreviousDraft,
  writeDraft,
} from "../../lib/exercise-ui/draft-storage.ts";
import { decodeShareHash, encodeShareHash, withoutShareParam } from "../../lib/exercise-ui/share-link.ts";
import {
  buildSubmission,
  submissionFileName,
  submissionText,
} from "../../lib/exercise-ui/submission-file.ts";
import {
  convertRules,
  EXPORT_LABEL,
  exportLearnerRules,
  summaryOf,
} from "../../lib/exercise-ui/format-conversion.ts";
import { solutionRules, starterRules, type EditorRules } from "../../lib/exercise-ui/island-data.ts";
import { learnerRulesSchema } from "../../lib/exercise-ui/rule-json-schema.ts";
import {
  EXERCISE_PASSED_EVENT,
  lessonExercisesPassed,
  recordExercisePassed,
} from "../../lib/exercise-ui/exercise-progress.ts";
import { joinMessages } from "../../lib/result.ts";
import { createRulesEditor, type RulesEditor } from "./monaco-setup.ts";
import { confirmDialog } from "./confirm-dialog.ts";
import { asyncHandler, copyText, downloadText, must, wireShareButton } from "./dom.ts";
import { readExerciseData } from "./exercise-data.ts";
import { comparisonText, renderChecks, renderDifferences, renderIssues, scoreText } from "./results-view.ts";

const DEBOUNCE_MS = 150;

type Rules = EditorRules;

export async function mountEditor(root: HTMLElement): Promise<void> {
  if (root.dataset.editorMounted) return;
  root.dataset.editorMounted = "true";
  try {
    await mount(root);
  } catch (error) {
    delete root.dataset.editorMounted; // let the learner try again
    throw error;
  }
}

async function mount(root: HTMLElement): Promise<void> {
  const { exercise, lessonExercises } = readExerciseData(root);
  const id = exercise.id;
  const storage = browserStorage();
  const q = <T extends Element>(selector: string) => must<T>(root, selector);
  const ui = {
    opener: q<HTMLElement>("[data-opener]"),
    openerNote: root.querySelector<HTMLElement>("[data-opener-note]"),
    editorUi: q<HTMLElement>("[data-editor-ui]"),
    host: q<HTMLElement>("[data-editor-host]"),
    message: q<HTMLElement>("[data-message]"),
    save: q<HTMLElement>("[data-save-status]"),
    score: q<HTMLElement>("[data-score]"),
    issuesSection: q<HTMLElement>("[data-issues-section]"),
    differencesSection: q<HTMLElement>("[data-differences-section]"),
    comparison: q<HTMLElement>("[data-comparison]"),
    differences: q<HTMLElement>("[data-differences]"),
    issuesTitle: q<HTMLElement>("[data-issues-title]"),
    issues: q<HTMLElement>("[data-issues]"),
    formatRadios: [...root.querySelectorAll<HTMLInputElement>("[data-format-switch] input[type=radio]")],
    reset: q<HTMLButtonElement>("[data-reset]"),
    restore: q<HTMLButtonElement>("[data-restore]"),
    exportFormat: q<HTMLSelectElement>("[data-export-format]"),
    exportCopy: q<HTMLButtonElement>("[data-export-copy]"),
    exportOutput: q<HTMLTextAreaElement>("[data-export-output]"),
    exportStatus: q<HTMLElement>("[data-export-status]"),
    download: q<HTMLButtonElement>("[data-download]"),
    shareCopy: q<HTMLButtonElement>("[data-share-copy]"),
    shareOutput: q<HTMLInputElement>("[data-share-output]"),
    shareStatus: q<HTMLElement>("[data-share-status]"),
    solution: q<HTMLElement>("[data-solution]"),
    solutionShow: q<HTMLButtonElement>("[data-solution-show]"),
    solutionBody: q<HTMLElement>("[data-solution-body]"),
    solutionText: q<HTMLElement>("[data-solution-text]"),
    solutionUse: q<HTMLButtonElement>("[data-solution-use]"),
  };

  const showMessage = (text: string, kind: "error" | "warning" | "info" = "info") => {
    ui.message.textContent = text;
    ui.message.dataset.kind = kind;
    ui.message.hidden = text === "";
  };

  // Which rules to start with: a shared link, else the saved draft, else the starter.
  const starter = starterRules(exercise);
  const saved = readDraft(storage, id);
  const notices: string[] = [];
  if (saved.status === "corrupt") {
    notices.push(
      `Your saved rules for this exercise could not be read (${saved.message}), so the editor starts from the starter.` +
        (saved.moved
          ? ` The damaged copy was kept in this browser's storage under “${saved.backupKey}”.`
          : ""),
    );
  } else if (saved.status === "unavailable")
    notices.push(
      `${saved.message} Your rules will stay in the editor while this page is open; download them to keep them.`,
    );
  let current: Rules =
    saved.status === "ok" ? { text: saved.draft.text, format: saved.draft.format } : starter;
  let fromLink = false;
  const shared = decodeShareHash(location.hash);
  const link = shared.ok ? shared.value : undefined;
  if (link) {
    const differs =
      saved.status === "ok" && (saved.draft.text !== link.text || saved.draft.format !== link.format);
    const accept =
      !differs ||
      (await confirmDialog({
        title: "Load the rules from this link?",
        message:
          "You have saved rules for this exercise that differ from the link's. Loading the link's rules replaces them in the editor; “Restore previous rules” brings yours back.",
        confirm: "Load the link's rules",
        cancel: "Keep my saved rules",
      }));
    if (accept) {
      if (differs && saved.status === "ok") savePreviousDraft(storage, id, saved.draft);
      current = link;
      fromLink = true;
      notices.push("Loaded the rules from the link.");
    }
    history.replaceState(
      history.state,
      "",
      `${location.pathname}${location.search}${withoutShareParam(location.hash)}`,
    );
  } else if (!shared.ok) notices.push(joinMessages(shared.errors, " "));

  ui.opener.hidden = true;
  if (ui.openerNote) ui.openerNote.hidden = true;
  ui.editorUi.hidden = false;
  showMessage(
    notices.join(" "),
    saved.status === "corrupt" || saved.status === "unavailable" || !shared.ok ? "warning" : "info",
  );

  let format: EditorFormat = current.format;
  let edited = false;
  let attempts = saved.status === "ok" && saved.draft.text !== starter.text ? 1 : 0;
  let lastSaved = saved.status === "ok" ? JSON.stringify([saved.draft.text, saved.draft.format]) : "";
  let passRecorded = false;
  let report: GradeReport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ariaLabel = () =>
    `Rules for ${exercise.editable.join(", ")}, in ${FORMAT_LABEL[format]}. Tab indents; press Escape then Tab to leave the editor.`;

  const setRadio = (value: EditorFormat) => ui.formatRadios.forEach((r) => (r.checked = r.value === value));
  setRadio(format);

  const editor: RulesEditor = createRulesEditor({
    host: ui.host,
    exerciseId: id,
    text: current.text,
    format,
    ariaLabel: ariaLabel(),
    schema: learnerRulesSchema(exercise),
    onChange: () => {
      edited = true;
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    },
  });
  ui.host.dataset.ready = "true";

  function save(): void {
    const text = editor.getText();
    const key = JSON.stringify([text, format]);
    if (key === lastSaved) return;
    const result = writeDraft(storage, id, makeDraft(text, format));
    if (result.ok) {
      lastSaved = key;
      ui.save.dataset.kind = "ok";
      ui.save.textContent = `Saved in this browser at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`;
    } else {
      ui.save.dataset.kind = "error";
      ui.save.textContent = joinMessages(result.errors, " ");
    }
  }

  const gradeText = createGrader(exercise);

  async function grade(): Promise<void> {
    const started = performance.now();
    const text = editor.getText();
    const large = text.length > WORKER_THRESHOLD;
    if (large) ui.score.textContent = "Grading a large text…";
    const result = await gradeText(text, format);
    if (!result) return; // a newer edit is being graded
    report = result.report;
    const { errors, warnings } = result;
    editor.setMarkers([...errors, ...warnings.filter((m) => m.located)]);
    const all = [...errors, ...warnings];
    renderIssues(ui.issues, all, (line, column) => editor.jumpTo(line, column));
    ui.issuesSection.hidden = all.length === 0;
    ui.issuesTitle.textContent =
      errors.length > 0
        ? `Problems (${errors.length} ${errors.length === 1 ? "error" : "errors"}${warnings.length ? `, ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}` : ""})`
        : `Warnings (${warnings.length})`;
    renderChecks(root, report);
    const graded = { text, format };
    let suggestions: (string | undefined)[] | undefined;
    renderDifferences(ui.differencesSection, ui.differences, report, (i) => {
      // Verified on request: each fix is applied and re-compared (see suggest-fix.ts).
      suggestions ??= suggestFixesFor(exercise, graded.text, graded.format);
      return suggestions[i];
    });
    const passed = isComplete(report);
    root.dataset.status = report.status === "invalid" ? "invalid" : passed ? "passed" : "failing";
    const score = scoreText(report, errors.length) + (passed ? " Exercise complete ✓" : "");
    if (ui.score.textContent !== score) ui.score.textContent = score;
    const comparison = comparisonText(report);
    if (ui.comparison.textContent !== comparison) ui.comparison.textContent = comparison;
    ui.comparison.hidden = comparison === "";
    if (passed) recordPass();
    if (attempts > 0 && exercise.solution !== undefined) ui.solution.hidden = false;
    // Grade + render time per re-grade, read by `npm run bench` (and visible in DevTools).
    performance.measure(REGRADE_MEASURE, { start: started });
  }

  function recordPass(): void {
    if (passRecorded) return;
    passRecorded = true;
    const result = recordExercisePassed(storage, id);
    if (result.ok && exercise.lesson && lessonExercisesPassed(result.value, lessonExercises))
      completeLesson(exercise.lesson);
    document.dispatchEvent(new CustomEvent(EXERCISE_PASSED_EVENT, { detail: { id: exercise.id } }));
  }

  function refresh(): void {
    clearTimeout(timer);
    timer = undefined;
    if (edited) attempts += 1;
    edited = false;
    void grade();
    save();
  }

  /** Keeps what is in the editor restorable, then puts other rules in. */
  function replaceRules(next: Rules): void {
    const previous = makeDraft(editor.getText(), format);
    const kept = savePreviousDraft(storage, id, previous);
    if (kept.ok) ui.restore.hidden = false;
    format = next.format;
    setRadio(format);
    editor.editor.updateOptions({ ariaLabel: ariaLabel() });
    editor.setText(next.text, next.format);
    edited = false;
    refresh();
    if (!kept.ok)
      showMessage(
        `${joinMessages(kept.errors, " ")} Your previous rules could not be kept for “Restore”.`,
        "warning",
      );
  }

  ui.formatRadios.forEach((radio) =>
    radio.addEventListener("change", () => {
      const to = radio.value;
      if (!radio.checked || !isEditorFormat(to) || to === format) return;
      const result = convertRules(exercise, editor.getText(), format, to);
      if (!result.ok) {
        setRadio(format);
        showMessage(summaryOf(result), "error");
        return;
      }
      replaceRules({ text: result.value.text, format: to });
      showMessage(
        [
          `Converted your rules to ${FORMAT_LABEL[to]}.`,
          ...result.value.notes,
          "“Restore previous rules” brings back the text as it was.",
        ].join(" "),
        "info",
      );
    }),
  );

  ui.reset.addEventListener(
    "click",
    asyncHandler(async () => {
      const ok = await confirmDialog({
        title: "Reset to the starter?",
        message:
          "This replaces your rules with the exercise's starting text. Your current rules stay restorable with “Restore previous rules”.",
        confirm: "Reset",
      });
      if (!ok) return;
      replaceRules(starter);
      showMessage("Reset to the starter. “Restore previous rules” brings your rules back.", "info");
    }),
  );

  ui.restore.addEventListener("click", () => {
    const previous = readPreviousDraft(storage, id);
    if (!previous) {
      showMessage("There are no previous rules to restore.", "warning");
      return;
    }
    replaceRules({ text: previous.text, format: previous.format });
    showMessage("Restored your previous rules. Pressing “Restore previous rules” again swaps back.", "info");
  });
  ui.restore.hidden = readPreviousDraft(storage, id) === undefined;

  ui.exportCopy.addEventListener(
    "click",
    asyncHandler(async () => {
      const to = ui.exportFormat.value as ExportFormat;
      const result = exportLearnerRules(exercise, editor.getText(), format, to);
      if (!result.ok) {
        ui.exportOutput.value = "";
        ui.exportStatus.textContent = summaryOf(result);
        return;
      }
      ui.exportOutput.value = result.value.text;
      const copied = await copyText(result.value.text);
      if (!copied) ui.exportOutput.select();
      ui.exportStatus.textContent = copied
        ? `Copied your rules as ${EXPORT_LABEL[to]}.`
        : `Your rules as ${EXPORT_LABEL[to]} are selected above: press Ctrl+C (⌘C) to copy them.`;
    }),
  );

  ui.download.addEventListener("click", () => {
    if (timer !== undefined) refresh();
    const submission = buildSubmission({
      exercise: id,
      rulesFormat: format,
      rules: editor.getText(),
      passed: report?.passed ?? 0,
      failed: report?.status === "graded" ? report.failed : exercise.expectations.length,
    });
    const name = submissionFileName(id);
    downloadText(name, submissionText(submission));
    ui.exportStatus.textContent = `Downloaded ${name}.`;
  });

  wireShareButton(
    { button: ui.shareCopy, output: ui.shareOutput, status: ui.shareStatus },
    () => Promise.resolve(encodeShareHash({ text: editor.getText(), format })),
    "Whoever opens it sees these rules in the editor.",
  );

  const solution = solutionRules(exercise);
  ui.solutionShow.addEventListener(
    "click",
    asyncHandler(async () => {
      if (!solution) return;
      const ok = await confirmDialog({
        title: "Show the reference solution?",
        message:
          "Working it out teaches more than reading the answer. Have you tried the hints? You can keep going after seeing it.",
        confirm: "Show solution",
        cancel: "Keep trying",
      });
      if (!ok) return;
      ui.solutionText.textContent = solution.text;
      ui.solutionBody.hidden = false;
      ui.solutionShow.hidden = true;
    }),
  );
  ui.solutionUse.addEventListener("click", () => {
    if (!solution) return;
    replaceRules(solution);
    showMessage(
      "The reference solution is in the editor. “Restore previous rules” brings yours back.",
      "info",
    );
  });

  // Never lose the last keystrokes: grade and save now when the page goes away.
  addEventListener("pagehide", () => {
    if (timer !== undefined) refresh();
  });

  void grade();
  if (fromLink) save();
  editor.editor.focus();
}

export interface EditorIslandApi {
  mountEditor: (root: HTMLElement) => Promise<void>;
}

(globalThis as { nsgLabEditorIsland?: EditorIslandApi }).nsgLabEditorIsland = { mountEditor };

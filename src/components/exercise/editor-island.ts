/**
 * The author-rules island: Monaco or the portal-style rule form, live grading, drafts, format
 * switch, export and sharing. loader.ts imports it when the learner shows they mean to open the
 * editor (see there) and calls `mountEditor` on "Open the editor". Rules in the portal form need
 * no Monaco: the code editor is created when a text format is first shown.
 */
import { createGrader, REGRADE_MEASURE, WORKER_THRESHOLD } from "./grading-client.ts";
import { isComplete, type GradeReport } from "../../lib/grader/report.ts";
import { changeSizeLine } from "../../lib/grader/change-size.ts";
import { browserStore } from "../../lib/store/store.ts";
import type { Draft, KeptDraft } from "../../lib/store/records/draft.ts";
import { ExerciseSession, type Notice, type SaveStatus } from "../../lib/exercise-ui/exercise-session.ts";
import type { ExportFormat } from "../../lib/formats/export/index.ts";
import {
  FORMAT_LABEL,
  isEditorFormat,
  ruleFormatOf,
  type EditorFormat,
} from "../../lib/exercise-ui/editor-format.ts";
import { suggestFixesFor } from "../../lib/exercise-ui/grade-for-editor.ts";
import { withoutShareParam } from "../../lib/exercise-ui/share-link.ts";
import {
  buildSubmission,
  rulesWork,
  submissionFileName,
  submissionText,
} from "../../lib/exercise-ui/submission-file.ts";
import { HAND_IN_EVENT } from "../../lib/assignments/assignment-submission.ts";
import { handedInAs, learnerName, wireLearnerNames } from "../shared/learner-name-view.ts";
import {
  convertRules,
  EXPORT_LABEL,
  exportLearnerRules,
  summaryOf,
} from "../../lib/exercise-ui/format-conversion.ts";
import { solutionRules, type EditorRules } from "../../lib/exercise-ui/island-data.ts";
import { formRulesText, readFormRules, topologyWithRules } from "../../lib/exercise-ui/form-rules.ts";
import type { NsgRuleSet } from "../../lib/formats/export/index.ts";
import { applyRuleChange, describeChange, type RuleChange } from "../../lib/rule-form/rule-changes.ts";
import { RuleFormView } from "../shared/rule-form-view.ts";
import { learnerRulesSchema } from "../../lib/exercise-ui/rule-json-schema.ts";
import { EXERCISE_PASSED_EVENT } from "../../lib/exercise-ui/exercise-progress.ts";
import { replaceTextArea, textareaEditor, type TextEditor } from "../shared/text-editor.ts";
import { confirmDialog } from "../shared/confirm-dialog.ts";
import { asyncHandler, copyText, downloadText, must, wireShareButton } from "../shared/dom.ts";
import { readExerciseData } from "./exercise-data.ts";
import { comparisonText, renderChecks, renderDifferences, scoreText } from "./results-view.ts";
import { renderIssues } from "../shared/issues-view.ts";
import { feedbackLevelHere } from "./feedback-setting.ts";
import { showsCompletion, showsGuidance } from "../../lib/assignments/feedback-level.ts";
import { renderHistoryList, showSaveStatus } from "../shared/saved-work-view.ts";

const DEBOUNCE_MS = 150;

type MonacoSetup = typeof import("../shared/monaco-setup.ts");
let monacoLoading: Promise<MonacoSetup> | undefined;
/** Monaco's chunks, asked for once per page (a page keeps a failed import failed anyway). */
const loadMonaco = (): Promise<MonacoSetup> => (monacoLoading ??= import("../shared/monaco-setup.ts"));

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
  const { exercise } = readExerciseData(root);
  const id = exercise.id;
  const session = new ExerciseSession(exercise, browserStore());
  // An assignment may limit what the checks say (feedback-level.ts): full, verdict or none.
  const feedback = feedbackLevelHere(root);
  const q = <T extends Element>(selector: string) => must<T>(root, selector);
  const ui = {
    opener: q<HTMLElement>("[data-opener]"),
    openerNote: root.querySelector<HTMLElement>("[data-opener-note]"),
    editorUi: q<HTMLElement>("[data-editor-ui]"),
    host: q<HTMLElement>("[data-editor-host]"),
    plainText: q<HTMLTextAreaElement>("[data-editor-host] textarea"),
    editorStatus: q<HTMLElement>("[data-editor-status]"),
    textOnly: [...root.querySelectorAll<HTMLElement>("[data-text-only]")],
    /** What describes Monaco (its Tab key): shown once it has taken the text area's place. */
    codeEditorOnly: [...root.querySelectorAll<HTMLElement>("[data-code-editor-only]")],
    formUi: q<HTMLElement>("[data-form-ui]"),
    formHost: q<HTMLElement>("[data-form-host]"),
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
    historyPanel: q<HTMLDetailsElement>("[data-history-panel]"),
    historyCount: q<HTMLElement>("[data-history-count]"),
    historyList: q<HTMLOListElement>("[data-history-list]"),
    conflict: q<HTMLElement>("[data-conflict]"),
    conflictText: q<HTMLElement>("[data-conflict-text]"),
    keepMine: q<HTMLButtonElement>("[data-keep-mine]"),
    takeTheirs: q<HTMLButtonElement>("[data-take-theirs]"),
    complete: q<HTMLElement>("[data-complete]"),
    completeText: q<HTMLElement>("[data-complete-text]"),
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

  const showNotices = (notices: readonly Notice[]) => {
    const worst = notices.some((n) => n.kind === "error")
      ? "error"
      : notices.some((n) => n.kind === "warning")
        ? "warning"
        : "info";
    showMessage(notices.map((n) => n.text).join(" "), worst);
  };

  // Which rules to start with: a link meant for this exercise, else the saved draft, else the starter.
  const exercisesOnPage = [...document.querySelectorAll<HTMLElement>("[data-exercise]")].map(
    (e) => e.dataset.exercise ?? "",
  );
  const start = session.start(location.hash, exercisesOnPage);
  let current: Rules = start.rules;
  let notices = start.notices;
  let fromLink = start.from === "link";
  if (start.pendingLink) {
    const accept = await confirmDialog({
      title: "Load the rules from this link?",
      message:
        "You have saved rules for this exercise that differ from the link's. Loading the link's rules replaces them in the editor; yours stay under “Earlier versions”.",
      confirm: "Load the link's rules",
      cancel: "Keep my saved rules",
    });
    if (accept) {
      const loaded = session.acceptLink(start.rules, start.pendingLink);
      current = loaded.rules;
      notices = [...notices, ...loaded.notices];
      fromLink = true;
    }
  }
  // The link is used (or declined) here only: other exercises on the page never see it.
  if (start.from === "link" || start.pendingLink)
    history.replaceState(
      history.state,
      "",
      `${location.pathname}${location.search}${withoutShareParam(location.hash)}`,
    );

  ui.opener.hidden = true;
  if (ui.openerNote) ui.openerNote.hidden = true;
  ui.editorUi.hidden = false;
  root.dataset.editorOpen = "true";
  showNotices(notices);

  let format: EditorFormat = current.format;
  let edited = false;
  let attempts = start.from === "draft" && current.text !== session.starter.text ? 1 : 0;
  let conflict: Draft | undefined;
  let report: GradeReport | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The accessible name; Monaco's also says how Tab works in it (a text area's Tab moves on). */
  const ariaLabel = (inMonaco: boolean) =>
    `Rules for ${exercise.editable.join(", ")}, in ${FORMAT_LABEL[format]}.${inMonaco ? " Tab indents; press Escape then Tab to leave the editor." : ""}`;

  const setRadio = (value: EditorFormat) => ui.formatRadios.forEach((r) => (r.checked = r.value === value));

  const onTextChange = () => {
    edited = true;
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  };
  /** The text format's editor: the page's text area, then Monaco (never, while rules stay in the form). */
  let editor: TextEditor | undefined;
  let inMonaco = false;
  let firstGradeShown = false;
  const languageOf = (shown: EditorFormat) => (shown === "form" ? "json" : shown);
  function textEditor(text: string): TextEditor {
    if (!editor) {
      editor = textareaEditor(ui.plainText, onTextChange);
      if (firstGradeShown) void loadCodeEditor();
    }
    editor.setLanguage(languageOf(format));
    editor.setText(text);
    editor.setLabel(ariaLabel(inMonaco));
    return editor;
  }

  let codeEditorLoading = false;
  /**
   * Monaco (about 1 MB gzipped) in the text area's place. It starts after the first grade so the
   * grader's bytes come first on a slow line. If it fails (offline before the editor was kept),
   * the text area stays the editor: a page keeps a failed module import failed (Chromium does
   * not fetch it again), so only a reload tries again, and the draft is saved for it.
   */
  async function loadCodeEditor(): Promise<void> {
    if (codeEditorLoading || inMonaco) return;
    codeEditorLoading = true;
    ui.editorStatus.textContent = "Loading the code editor (highlighting, completion); you can type already.";
    try {
      const { createCodeEditor } = await loadMonaco();
      editor = replaceTextArea(editor!, ui.plainText, (text) =>
        createCodeEditor({
          host: ui.host,
          modelId: id,
          text,
          language: languageOf(format),
          ariaLabel: ariaLabel(true),
          schema: learnerRulesSchema(exercise),
          onChange: onTextChange,
        }),
      );
      inMonaco = true;
      for (const part of ui.codeEditorOnly) part.hidden = format === "form";
      ui.editorStatus.textContent = "";
      void grade(); // its markers, now that there is an editor to show them in
    } catch (error) {
      console.warn("NSG Lab: the code editor failed to load", error);
      ui.editorStatus.textContent =
        "The code editor could not be loaded (are you offline?). The plain text box works the same, without highlighting; reload the page to try again (your rules are saved).";
    } finally {
      codeEditorLoading = false;
    }
  }

  /** The portal form's rules, while the rules are in the form; its text is their JSON. */
  let formSets: NsgRuleSet[] = [];
  const headingLevel = Math.min(5, Math.max(2, Number(ui.issuesTitle.tagName.slice(1)) || 4)) as
    2 | 3 | 4 | 5;
  const formView = new RuleFormView({
    host: ui.formHost,
    idPrefix: `ex-${id}-rf`,
    headingLevel,
    onChange: (change: RuleChange) => {
      formSets = applyRuleChange(formSets, change);
      formView.announce(describeChange(change));
      showForm();
      edited = true;
      refresh();
    },
  });
  const showForm = () =>
    formView.show({
      topology: topologyWithRules(exercise, formSets),
      nsgs: exercise.editable,
      notes: report?.lints ?? [],
    });

  /** The rules as text, whichever way they are shown: what is graded, saved, shared and exported. */
  const rulesText = (): string =>
    format === "form" ? formRulesText(exercise, formSets) : (editor?.getText() ?? "");

  /** Shows rules in their format: the form for `form` (when its text reads), else the code editor. */
  function show(next: Rules): void {
    let shown = next;
    if (next.format === "form") {
      const read = readFormRules(exercise, next.text);
      if (read.ok) formSets = read.value;
      else {
        shown = { text: next.text, format: "json" };
        showMessage(
          `These rules cannot be shown in the portal form, so they open as JSON: ${summaryOf(read)}`,
          "warning",
        );
      }
    }
    format = shown.format;
    setRadio(format);
    const inForm = format === "form";
    ui.formUi.hidden = !inForm;
    for (const part of ui.textOnly) part.hidden = inForm;
    for (const part of ui.codeEditorOnly) part.hidden = inForm || !inMonaco;
    if (inForm) showForm();
    else textEditor(shown.text);
  }
  show(current);
  // Monaco's download starts now, beside the first grade (the grader is already in); it takes
  // the text area's place once that grade has shown (loadCodeEditor).
  if (editor) loadMonaco().catch(() => undefined);

  const showSave = (status: SaveStatus) => {
    if (status.kind === "conflict") conflict = status.theirs;
    showSaveStatus({ status: ui.save, conflict: ui.conflict, conflictText: ui.conflictText }, status);
  };

  function save(): void {
    // While another tab's version waits for the learner's choice, nothing is written over it.
    if (conflict) return;
    showSave(session.save({ text: rulesText(), format }));
  }

  const showConflict = (theirs: Draft) => {
    showSave({
      kind: "conflict",
      theirs,
      text: "This exercise was just changed in another tab or window. Choose which version to keep: the other stays under “Earlier versions”.",
    });
  };
  addEventListener("storage", (event: StorageEvent) => {
    const theirs = session.foreignChange(event.key, event.newValue);
    if (theirs) showConflict(theirs);
  });
  ui.keepMine.addEventListener("click", () => {
    if (!conflict) return;
    const theirs = conflict;
    conflict = undefined;
    ui.conflict.hidden = true;
    showSave(session.keepMine({ text: rulesText(), format }, theirs));
    renderHistory();
  });
  ui.takeTheirs.addEventListener("click", () => {
    const theirs = session.takeTheirs({ text: rulesText(), format });
    conflict = undefined;
    ui.conflict.hidden = true;
    if (theirs) putRules(theirs);
    renderHistory();
    showMessage("Loaded the other tab's rules. This tab's are under “Earlier versions”.", "info");
  });

  const gradeText = createGrader(exercise);

  async function grade(): Promise<void> {
    const started = performance.now();
    const text = rulesText();
    const graded = { text, format };
    const large = text.length > WORKER_THRESHOLD;
    if (large) ui.score.textContent = "Grading a large text…";
    const result = await gradeText(text, graded.format);
    if (!result) return; // a newer edit is being graded
    report = result.report;
    const { errors, warnings } = result;
    const all = [...errors, ...warnings];
    if (graded.format === "form") {
      // No text to point into: the list says what is wrong, and lints show on their rules.
      renderIssues(ui.issues, all);
      showForm();
    } else if (editor) {
      const shownIn = editor;
      shownIn.setMarkers([...errors, ...warnings.filter((m) => m.located)]);
      renderIssues(ui.issues, all, (line, column) => shownIn.jumpTo(line, column));
    }
    ui.issuesSection.hidden = all.length === 0;
    ui.issuesTitle.textContent =
      errors.length > 0
        ? `Problems (${errors.length} ${errors.length === 1 ? "error" : "errors"}${warnings.length ? `, ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}` : ""})`
        : `Warnings (${warnings.length})`;
    renderChecks(root, report, feedback);
    let suggestions: (string | undefined)[] | undefined;
    renderDifferences(
      ui.differencesSection,
      ui.differences,
      report,
      (i) => {
        // Verified on request: each fix is applied and re-compared (see suggest-fix.ts).
        suggestions ??= suggestFixesFor(exercise, graded.text, graded.format);
        return suggestions[i];
      },
      feedback,
    );
    const passed = isComplete(report);
    root.dataset.status =
      report.status === "invalid"
        ? "invalid"
        : !showsCompletion(feedback)
          ? "saved"
          : passed
            ? "passed"
            : "failing";
    const score = scoreText(report, errors.length, feedback);
    if (ui.score.textContent !== score) ui.score.textContent = score;
    const comparison = comparisonText(report, feedback);
    if (ui.comparison.textContent !== comparison) ui.comparison.textContent = comparison;
    ui.comparison.hidden = comparison === "";
    // fix-rules: how big the change is, beside the score (the element exists for that kind only).
    const changeSize = root.querySelector<HTMLElement>("[data-change-size]");
    if (changeSize) {
      const line = report.status === "graded" && report.change ? changeSizeLine(report.change, passed) : "";
      if (changeSize.textContent !== line) changeSize.textContent = line;
      changeSize.hidden = line === "";
    }
    recordGrade(report, graded);
    ui.complete.hidden = !passed || !showsCompletion(feedback);
    if (attempts > 0 && exercise.solution !== undefined && showsGuidance(feedback))
      ui.solution.hidden = false;
    // Grade + render time per re-grade, read by `npm run bench` (and visible in DevTools).
    performance.measure(REGRADE_MEASURE, { start: started });
  }

  function recordGrade(graded: GradeReport, rules: Rules): void {
    const effect = session.graded(graded, rules);
    if (effect.problem) {
      ui.completeText.textContent = "Exercise complete ✓ (not recorded in this browser)";
      showMessage(effect.problem, "warning");
    } else if (isComplete(graded)) ui.completeText.textContent = "Exercise complete ✓";
    // Also when the browser refused to store the pass: an LMS package's launch page still reports it.
    if (effect.passRecorded || effect.problem !== undefined)
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

  function putRules(next: Rules): void {
    show(next);
    edited = false;
    refresh();
  }

  /** Keeps what is in the editor among the earlier versions, then puts other rules in. */
  function replaceRules(next: Rules, because: Parameters<typeof session.keepVersion>[1]): void {
    const kept = session.keepVersion({ text: rulesText(), format }, because);
    putRules(next);
    renderHistory();
    if (!kept)
      showMessage(
        "Your previous rules could not be kept for “Restore” (browser storage is full or blocked).",
        "warning",
      );
  }

  const KEPT_LABEL: Record<KeptDraft["keptBecause"], string> = {
    link: "before loading a shared link",
    reset: "before a reset to the starter",
    solution: "before the solution was put in",
    format: "before converting the format",
    restore: "before restoring an earlier version",
    "other-tab": "from another tab",
  };

  function renderHistory(): void {
    const entries = session.history().map((entry) => {
      const lines = entry.text.split("\n").length;
      const label = `${KEPT_LABEL[entry.keptBecause]} · ${FORMAT_LABEL[entry.format]}, ${lines} ${lines === 1 ? "line" : "lines"}`;
      return { savedAt: entry.savedAt, label };
    });
    renderHistoryList(
      { restore: ui.restore, panel: ui.historyPanel, count: ui.historyCount, list: ui.historyList },
      entries,
      restoreVersion,
    );
  }

  function restoreVersion(index: number): void {
    const restored = session.restore(index, { text: rulesText(), format });
    if (!restored) {
      showMessage("There are no previous rules to restore.", "warning");
      return;
    }
    putRules(restored);
    renderHistory();
    showMessage("Restored your previous rules. Pressing “Restore previous rules” again swaps back.", "info");
  }

  ui.formatRadios.forEach((radio) =>
    radio.addEventListener("change", () => {
      const to = radio.value;
      if (!radio.checked || !isEditorFormat(to) || to === format) return;
      const result = convertRules(exercise, rulesText(), format, to);
      if (!result.ok) {
        setRadio(format);
        showMessage(summaryOf(result), "error");
        return;
      }
      replaceRules({ text: result.value.text, format: to }, "format");
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
      replaceRules(session.starter, "reset");
      showMessage("Reset to the starter. “Restore previous rules” brings your rules back.", "info");
    }),
  );

  ui.restore.addEventListener("click", () => restoreVersion(0));
  renderHistory();

  ui.exportCopy.addEventListener(
    "click",
    asyncHandler(async () => {
      const to = ui.exportFormat.value as ExportFormat;
      const result = exportLearnerRules(exercise, rulesText(), format, to);
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

  wireLearnerNames(ui.editorUi);
  ui.download.addEventListener("click", () => {
    if (timer !== undefined) refresh();
    const learner = learnerName();
    const submission = buildSubmission({
      ...(learner ? { learner } : {}),
      work: [
        rulesWork({
          exercise: id,
          // The form's rules are JSON: the submission says so, for any tool that grades it.
          rulesFormat: ruleFormatOf(format),
          rules: rulesText(),
          result: {
            passed: report?.passed ?? 0,
            failed: report?.status === "graded" ? report.failed : exercise.expectations.length,
          },
        }),
      ],
    });
    const name = submissionFileName(id);
    downloadText(name, submissionText(submission));
    ui.exportStatus.textContent = `Downloaded ${name}${handedInAs(learner)}.`;
  });

  wireShareButton(
    { button: ui.shareCopy, output: ui.shareOutput, status: ui.shareStatus },
    () => Promise.resolve(session.shareHash({ text: rulesText(), format })),
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
    replaceRules(solution, "solution");
    showMessage(
      "The reference solution is in the editor. “Restore previous rules” brings yours back.",
      "info",
    );
  });

  // Never lose the last keystrokes: grade and save now when the page goes away, or when an
  // assignment page is about to hand in what is saved.
  addEventListener("pagehide", () => {
    if (timer !== undefined) refresh();
  });
  document.addEventListener(HAND_IN_EVENT, () => {
    if (timer !== undefined) refresh();
  });

  const afterFirstGrade = () => {
    firstGradeShown = true;
    if (editor) void loadCodeEditor();
  };
  void grade().then(afterFirstGrade, afterFirstGrade);
  if (fromLink) save();
  if (editor && format !== "form") editor.focus();
  else formView.focus();
}

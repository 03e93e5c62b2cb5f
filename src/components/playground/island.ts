/**
 * The playground's island: restores the state (shared link, else autosave, else the blank
 * starter), recompiles the scenario as it is edited, checks flows, renders the verdict path,
 * effective rules and analysis, autosaves, shares. Monaco replaces the text areas when the
 * learner first uses one (loadMonaco).
 */
import { effectiveRules } from "../../lib/analysis/effective-rules.ts";
import { internetExposure } from "../../lib/analysis/internet-exposure.ts";
import { issueMarkers, type EditorMarker } from "../../lib/exercise-ui/issue-markers.ts";
import type { FlowInput } from "../../lib/nsg/flow-schema.ts";
import { CHANGES_LANGUAGE_LABEL } from "../../lib/playground/apply-cli-changes.ts";
import { BLANK_CLI, BLANK_SCENARIO } from "../../lib/playground/blank-scenario.ts";
import { compilePlayground, type PlaygroundModel } from "../../lib/playground/compile-playground.ts";
import { parseScenario, scenarioTree } from "../../lib/playground/parse-scenario.ts";
import {
  EMPTY_FLOW_FORM,
  endpointOptions,
  formFromFlow,
  validateFlowForm,
} from "../../lib/playground/flow-form.ts";
import { buildPathModel } from "../../lib/playground/path-model.ts";
import { makeState, sameState, type PlaygroundState } from "../../lib/playground/playground-state.ts";
import { PlaygroundSession, type PlaygroundSave } from "../../lib/playground/playground-session.ts";
import { lintScenario } from "../../lib/playground/scenario-analysis.ts";
import { decodeShareState, encodeShareState, withoutShareParam } from "../../lib/playground/share-state.ts";
import { browserStore } from "../../lib/store/store.ts";
import { joinMessages } from "../../lib/result.ts";
import { asSentence, quoted } from "../../lib/text/sentence.ts";
import { asyncHandler, el, must, wireShareButton } from "../shared/dom.ts";
import { nextTask, taskQueue } from "../shared/tasks.ts";
import { onFirstOpen } from "../shared/lazy-panel.ts";
import { renderIssues } from "../shared/issues-view.ts";
import { renderHistoryList, showSaveStatus } from "../shared/saved-work-view.ts";
import { renderExposure, renderLints } from "./analysis-view.ts";
import { renderEffective } from "./effective-view.ts";
import { FlowFormView } from "./flow-form-view.ts";
import { renderBanner, renderBannerMessage, renderPath } from "./path-view.ts";
import { loadExerciseScenario } from "./scenario-files.ts";
import { setupTabs } from "./tabs.ts";
import { onFirstUse, replaceTextArea, textareaEditor, type TextEditor } from "../shared/text-editor.ts";
import { renderDiagram } from "./topology-view.ts";
import { RuleFormView } from "../shared/rule-form-view.ts";
import { appendChange } from "../../lib/playground/rule-form-commands.ts";
import { describeChange } from "../../lib/rule-form/rule-changes.ts";
import { builtNetwork, builtNetworkCaption } from "../../lib/playground/built-network.ts";

const REFRESH_MS = 200;
const SAVE_MS = 400;
type EditorName = "scenario" | "cli";
const EDITORS: readonly EditorName[] = ["scenario", "cli"];

export function startPlayground(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-playground]")) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "true";
    void boot(root);
  }
}

async function boot(root: HTMLElement): Promise<void> {
  // The modules have just been evaluated, in one task; the first render gets a task of its own.
  await nextTask();
  const q = <T extends Element = HTMLElement>(selector: string) => must<T>(root, selector);
  const ui = {
    message: q("[data-message]"),
    exerciseSelect: q<HTMLSelectElement>("[data-exercise-select]"),
    loadExercise: q<HTMLButtonElement>("[data-load-exercise]"),
    startBlank: q<HTMLButtonElement>("[data-start-blank]"),
    restore: q<HTMLButtonElement>("[data-restore]"),
    tabs: q("[data-tabs]"),
    editorStatus: q("[data-editor-status]"),
    changesLanguage: q("[data-changes-language]"),
    saveStatus: q("[data-save-status]"),
    shareCopy: q<HTMLButtonElement>("[data-share-copy]"),
    shareOutput: q<HTMLInputElement>("[data-share-output]"),
    shareStatus: q("[data-share-status]"),
    diagram: q("[data-diagram]"),
    banner: q("[data-verdict-banner]"),
    path: q("[data-path]"),
    effectiveNic: q<HTMLSelectElement>("[data-nic-select=effective]"),
    effective: q("[data-effective]"),
    exposureNic: q<HTMLSelectElement>("[data-nic-select=exposure]"),
    exposure: q("[data-exposure]"),
    lints: q("[data-lints]"),
    conflict: q("[data-conflict]"),
    conflictText: q("[data-conflict-text]"),
    keepMine: q<HTMLButtonElement>("[data-keep-mine]"),
    takeTheirs: q<HTMLButtonElement>("[data-take-theirs]"),
    historyPanel: q<HTMLDetailsElement>("[data-history-panel]"),
    historyCount: q("[data-history-count]"),
    historyList: q<HTMLOListElement>("[data-history-list]"),
  };
  const session = new PlaygroundSession(browserStore());
  const form = new FlowFormView(root);
  // The portal form writes each change as az CLI commands at the end of the az CLI changes.
  const ruleForm = new RuleFormView({
    host: q("[data-rule-form-host]"),
    idPrefix: "pg-rf",
    headingLevel: 3,
    onChange: (change) => {
      editors.cli.setText(appendChange(editors.cli.getText(), change));
      refresh();
      save();
      ruleForm.announce(
        `${describeChange(change)} The commands that make it are at the end of the az CLI changes.`,
      );
    },
  });

  let model: PlaygroundModel | undefined;
  /** The last texts compiled and their model: a refresh of unchanged texts reuses it. */
  let compiled: { scenario: string; cli: string; model: PlaygroundModel } | undefined;
  const compile = (scenario: string, cli: string): PlaygroundModel => {
    if (compiled?.scenario !== scenario || compiled.cli !== cli)
      compiled = { scenario, cli, model: compilePlayground(scenario, cli) };
    return compiled.model;
  };
  /** The flow whose verdict is shown; re-evaluated whenever the scenario changes. */
  let checked: FlowInput | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Another tab's playground, waiting for the learner to choose which to keep. */
  let conflict: PlaygroundState | undefined;

  const showMessage = (text: string, kind: "info" | "warning" | "error" = "info") => {
    ui.message.textContent = text;
    ui.message.dataset.kind = kind;
    ui.message.hidden = text === "";
  };

  const onEdit = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, REFRESH_MS);
    scheduleSave();
  };
  const editors: Record<EditorName, TextEditor> = {
    scenario: textareaEditor(q<HTMLTextAreaElement>("[data-fallback=scenario]"), onEdit),
    cli: textareaEditor(q<HTMLTextAreaElement>("[data-fallback=cli]"), onEdit),
  };

  const currentState = (): PlaygroundState =>
    makeState(editors.scenario.getText(), editors.cli.getText(), form.values());

  // ── Saving ────────────────────────────────────────────────────────────────
  const showSave = (status: PlaygroundSave) => {
    if (status.kind === "conflict") conflict = status.theirs;
    showSaveStatus({ status: ui.saveStatus, conflict: ui.conflict, conflictText: ui.conflictText }, status);
  };
  function save(): void {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (conflict) return; // nothing is written over the other tab's version before the learner chooses
    showSave(session.save(currentState()));
  }
  addEventListener("storage", (event: StorageEvent) => {
    const theirs = session.foreignChange(event.key, event.newValue);
    if (theirs)
      showSave({
        kind: "conflict",
        theirs,
        text: "The playground was just changed in another tab or window. Choose which version to keep; the other stays under “Earlier playgrounds”.",
      });
  });
  ui.keepMine.addEventListener("click", () => {
    if (!conflict) return;
    const theirs = conflict;
    conflict = undefined;
    ui.conflict.hidden = true;
    showSave(session.keepMine(currentState(), theirs));
    renderHistory();
  });
  ui.takeTheirs.addEventListener("click", () => {
    const theirs = session.takeTheirs(currentState());
    conflict = undefined;
    ui.conflict.hidden = true;
    if (theirs) applyState(theirs);
    renderHistory();
    showMessage("Loaded the other tab's playground. This tab's is under “Earlier playgrounds”.");
  });

  function renderHistory(): void {
    const entries = session.history().map((entry) => ({
      savedAt: entry.savedAt,
      label: `scenario of ${entry.state.scenario.split("\n").length} lines`,
    }));
    renderHistoryList(
      { restore: ui.restore, panel: ui.historyPanel, count: ui.historyCount, list: ui.historyList },
      entries,
      restoreVersion,
    );
  }

  function restoreVersion(index: number): void {
    const restored = session.restore(index, currentState());
    if (!restored) {
      showMessage("There is no previous playground to restore.", "warning");
      return;
    }
    applyState(restored);
    save();
    renderHistory();
    showMessage("Restored the previous playground. Press “Restore previous playground” again to swap back.");
  }

  function scheduleSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_MS);
  }

  // ── Rendering ─────────────────────────────────────────────────────────────
  function renderProblems(name: EditorName, markers: EditorMarker[]): void {
    const section = q(`[data-issues-section=${name}]`);
    const errors = markers.filter((m) => m.severity === "error").length;
    const warnings = markers.length - errors;
    editors[name].setMarkers(markers.filter((m) => m.located));
    renderIssues(q(`[data-issues=${name}]`), markers, (line, column) => editors[name].jumpTo(line, column));
    section.hidden = markers.length === 0;
    const parts = [
      errors > 0 ? `${errors} ${errors === 1 ? "error" : "errors"}` : "",
      warnings > 0 ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "",
    ].filter(Boolean);
    q(`[data-issues-title=${name}]`).textContent = `Problems (${parts.join(", ")})`;
    q(`[data-count=${name}]`).textContent =
      errors > 0 ? `(${errors} ${errors === 1 ? "error" : "errors"})` : "";
  }

  function fillNicSelect(select: HTMLSelectElement, nics: { value: string; label: string }[]): void {
    const keep = select.value;
    const same =
      select.options.length === nics.length &&
      nics.every((n, i) => select.options[i]!.value === n.value && select.options[i]!.text === n.label);
    if (!same) select.replaceChildren(...nics.map((n) => el("option", { value: n.value }, n.label)));
    if (nics.some((n) => n.value === keep)) select.value = keep;
  }

  function renderEffectiveView(): void {
    const evaluator = model?.evaluator;
    if (!evaluator) return;
    renderEffective(
      ui.effective,
      ui.effectiveNic.value ? effectiveRules(evaluator, ui.effectiveNic.value) : undefined,
    );
  }

  function renderExposureView(): void {
    const evaluator = model?.evaluator;
    if (!evaluator) return;
    const nic = ui.exposureNic.value;
    renderExposure(ui.exposure, nic ? internetExposure(evaluator, nic) : undefined, nic);
  }

  /** Open rule lists stay open when the same flow's path is drawn again after an edit. */
  function openSteps(): Set<string> {
    return new Set(
      [...ui.path.querySelectorAll<HTMLElement>("[data-nsg]")]
        .filter((li) => li.querySelector("details")?.open)
        .map((li, i) => `${li.dataset.nsg}#${i}`),
    );
  }

  function showVerdict(keepOpen: boolean): void {
    const evaluator = model?.evaluator;
    if (!checked) return;
    if (!evaluator) {
      renderBannerMessage(
        ui.banner,
        "info",
        "The scenario has problems (listed under the editor): fix them and the verdict comes back.",
      );
      ui.path.replaceChildren();
      return;
    }
    const result = evaluator.evaluate(checked);
    if (!result.ok) {
      renderBannerMessage(ui.banner, "error", `This flow cannot be checked: ${joinMessages(result.errors)}.`);
      ui.path.replaceChildren();
      return;
    }
    const open = keepOpen ? openSteps() : undefined;
    const path = buildPathModel(result.value, evaluator);
    renderBanner(ui.banner, path, result.value);
    renderPath(ui.path, path, result.value);
    if (open && open.size > 0) {
      [...ui.path.querySelectorAll<HTMLElement>("[data-nsg]")].forEach((li, i) => {
        const details = li.querySelector("details");
        if (details) details.open = open.has(`${li.dataset.nsg}#${i}`);
      });
    }
  }

  /**
   * The portal form's tables are hundreds of elements: drawn while their tab shows, else when
   * the tab is chosen (the boot drew them behind the scenario tab, a long task on a phone).
   */
  const formPanel = q("[data-tabpanel=form]");
  let drawRuleForm: (() => void) | undefined;
  function showRuleForm(draw: () => void): void {
    drawRuleForm = draw;
    if (!formPanel.hidden) drawPendingRuleForm();
  }
  function drawPendingRuleForm(): void {
    const draw = drawRuleForm;
    drawRuleForm = undefined;
    draw?.();
  }

  /**
   * The views below the verdict (findings, effective rules, exposure, the diagram in its closed
   * box) are drawn after it, each in a task of its own, so that no refresh holds the page for
   * long: on a phone a refresh drawn at once was one 500 ms task (issue 18).
   */
  const laterViews = taskQueue();

  function refresh(): void {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    const scenarioText = editors.scenario.getText();
    const cliText = editors.cli.getText();
    model = compile(scenarioText, cliText);
    editors.scenario.setLanguage(model.format);
    // Each text of changes is read in the language it is written in; say which, and highlight it so.
    editors.cli.setLanguage(model.changesLanguage);
    const readAs = `Read as ${CHANGES_LANGUAGE_LABEL[model.changesLanguage]}.`;
    if (ui.changesLanguage.textContent !== readAs) ui.changesLanguage.textContent = readAs;
    renderProblems("scenario", issueMarkers(model.scenarioErrors, scenarioText));
    renderProblems("cli", [
      ...issueMarkers(model.cliErrors, cliText),
      ...issueMarkers(model.cliWarnings, cliText, "warning"),
    ]);

    if (model.scenario) {
      const topology = model.evaluator?.network.topology ?? model.scenario.topology;
      form.setEndpoints(endpointOptions(topology));
      form.setSamples(model.scenario.flows);
    }
    const evaluator = model.evaluator;
    const scenario = model.scenario;
    if (!evaluator || !scenario) {
      laterViews.cancel();
      const where = model.scenarioErrors.length > 0 ? "the scenario" : "the changes";
      const text = `Fix the problems in ${where} (listed under the editor) to see this.`;
      showRuleForm(() =>
        ruleForm.unavailable(`Fix the problems in ${where} (listed under its editor) to edit rules here.`),
      );
      for (const target of [ui.effective, ui.exposure, ui.lints])
        target.replaceChildren(el("p", { class: "pg-note" }, text));
      if (checked) showVerdict(true);
      return;
    }
    const nics = [...evaluator.network.nicsByName.values()].map((p) => ({
      value: p.nic.name,
      label: `${p.nic.name} (${p.vm}, ${p.privateIp.text})`,
    }));
    fillNicSelect(ui.effectiveNic, nics);
    fillNicSelect(ui.exposureNic, nics);
    const findings = lintScenario(evaluator);
    // The rule form is drawn at once when it shows: it puts focus back on the rule the learner
    // just changed.
    showRuleForm(() =>
      ruleForm.show({
        topology: evaluator.network.topology,
        nsgs: evaluator.network.topology.nsgs.map((n) => n.name),
        notes: findings.flatMap((f) => f.lints),
      }),
    );
    showVerdict(true);
    laterViews.run([
      () => renderLints(ui.lints, findings),
      renderEffectiveView,
      renderExposureView,
      () =>
        renderDiagram(
          ui.diagram,
          { ...scenario, topology: evaluator.network.topology },
          builtNetworkCaption(builtNetwork(scenario.topology, evaluator.network.topology)),
        ),
    ]);
  }

  /** Checks the form's flow; problems go to their fields (the first one gets focus). */
  function checkFlow(quiet = false): void {
    if (!model?.evaluator) {
      renderBannerMessage(
        ui.banner,
        "info",
        "The scenario has problems (listed under the editor): fix them to check flows.",
      );
      return;
    }
    const result = validateFlowForm(form.values(), model.evaluator.network.topology);
    if (!result.ok) {
      if (!quiet) form.showErrors(result.errors);
      return;
    }
    form.showErrors([]);
    checked = result.value;
    showVerdict(false);
  }

  // ── Replacing the whole playground (never losing the old one) ─────────────
  function applyState(state: PlaygroundState): void {
    editors.scenario.setText(state.scenario);
    editors.cli.setText(state.cli);
    checked = null;
    refresh();
    form.setValues(state.flow ?? EMPTY_FLOW_FORM);
    renderBannerMessage(ui.banner, "info", "Check a flow to see its verdict and the path it takes.");
    ui.path.replaceChildren();
    if (state.flow) checkFlow(true);
  }

  function replaceAll(next: PlaygroundState, message: string): void {
    const current = currentState();
    // The untouched starter is not worth a "restore".
    if (
      !sameState(current, next) &&
      !sameState(current, makeState(BLANK_SCENARIO, BLANK_CLI, EMPTY_FLOW_FORM))
    ) {
      if (!session.keep(current))
        message += " (The previous playground could not be kept: browser storage is full or blocked.)";
    }
    applyState(next);
    save();
    renderHistory();
    showMessage(message);
  }

  ui.loadExercise.addEventListener(
    "click",
    asyncHandler(async () => {
      const option = ui.exerciseSelect.selectedOptions[0];
      const file = option?.dataset.file;
      if (!option || !file) {
        showMessage("Choose an exercise first.", "warning");
        ui.exerciseSelect.focus();
        return;
      }
      try {
        const text = await loadExerciseScenario(file);
        replaceAll(
          makeState(text, BLANK_CLI, null),
          `${asSentence(`Loaded the scenario of ${quoted(option.text)}`)} Pick one of its sample flows, or write your own. “Restore previous playground” brings back what you had.`,
        );
      } catch (error) {
        console.warn("NSG Lab: could not load the exercise scenario", error);
        showMessage("That exercise's scenario could not be loaded (are you offline?). Try again.", "error");
      }
    }),
  );

  ui.startBlank.addEventListener("click", () => {
    replaceAll(
      makeState(BLANK_SCENARIO, BLANK_CLI, null),
      "Started from the blank scenario. “Restore previous playground” brings back what you had.",
    );
  });

  ui.restore.addEventListener("click", () => restoreVersion(0));
  renderHistory();

  form.form.addEventListener("submit", (event) => {
    event.preventDefault();
    checkFlow();
  });
  form.onChange(scheduleSave);
  form.onSample(() => {
    const sample = form.sample();
    if (!sample) return;
    form.setValues(formFromFlow(sample.flow));
    checkFlow();
    scheduleSave();
  });

  ui.effectiveNic.addEventListener("change", renderEffectiveView);
  ui.exposureNic.addEventListener("change", renderExposureView);

  setupTabs(ui.tabs, (name) => {
    if (name === "form") drawPendingRuleForm();
  });

  wireShareButton(
    { button: ui.shareCopy, output: ui.shareOutput, status: ui.shareStatus },
    () => encodeShareState(currentState()),
    "Whoever opens it sees this scenario, the changes and the flow.",
  );

  const bridgePanel = root.querySelector<HTMLDetailsElement>("[data-azure-bridge]");
  if (bridgePanel)
    onFirstOpen(bridgePanel, bridgePanel.querySelector("[data-bridge-plan]"), async () => {
      const { mountPlaygroundBridge } = await import("./playground-azure-bridge.ts");
      mountPlaygroundBridge(bridgePanel, () => ({ model, form: form.values() }));
    });

  async function loadFromLink(): Promise<boolean> {
    const shared = await decodeShareState(location.hash);
    if (shared.ok && shared.value === undefined) return false;
    history.replaceState(
      history.state,
      "",
      `${location.pathname}${location.search}${withoutShareParam(location.hash)}`,
    );
    if (!shared.ok || !shared.value) {
      if (!shared.ok) showMessage(joinMessages(shared.errors, " "), "warning");
      return false;
    }
    replaceAll(
      shared.value,
      "Loaded the playground from the link." +
        (ui.restore.hidden ? "" : " “Restore previous playground” brings back what you had."),
    );
    return true;
  }
  addEventListener("hashchange", () => void loadFromLink());
  addEventListener("pagehide", () => {
    if (refreshTimer !== undefined) refresh();
    if (saveTimer !== undefined) save();
  });

  // ── Start: a shared link, else the saved playground, else the starter ──────
  const saved = session.start();
  const start = saved.status === "saved" ? saved.state : makeState(BLANK_SCENARIO, BLANK_CLI, null);
  const notice = saved.status === "none" ? "" : saved.notice;
  const kind = saved.status === "problem" ? "warning" : "info";
  // Compiling and drawing are a task each on the way in, so neither holds a phone for long. The
  // first compile is slow mostly because its code runs for the first time (the YAML reader, then
  // zod building and running the schemas: 90 and 100 ms at 4× CPU for the starter), so those
  // stages run first, a task each, and each hands what it made to the next (parse-scenario.ts).
  await nextTask();
  scenarioTree(start.scenario);
  await nextTask();
  parseScenario(start.scenario);
  await nextTask();
  compile(start.scenario, start.cli);
  await nextTask();
  applyState(start);
  showMessage(notice, kind);
  if (!(await loadFromLink()) && saved.status === "problem") showMessage(notice, kind);
  // Everything answers now (the editors as text areas); tests wait for this.
  root.dataset.interactive = "true";

  armMonaco();

  /**
   * Monaco (about 1 MB gzipped) arrives when the learner first focuses, presses or types in one
   * of the editors; until then the text areas are the editors, and the scenario, the flow form,
   * every verdict, saving and sharing work on them. Loading waits for the learner so a visit
   * that only traces flows never pays for it, and the page's first seconds stay responsive.
   */
  function armMonaco(): void {
    onFirstUse(
      EDITORS.map((name) => q(`[data-editor-host=${name}]`)),
      () => void loadMonaco(),
    );
  }

  async function loadMonaco(): Promise<void> {
    ui.editorStatus.textContent = "Loading the code editor…";
    try {
      // Monaco's chunks are the exercise editor's too; its stylesheet is linked when it runs.
      const { createMonacoEditor } = await import("./monaco-editors.ts");
      for (const name of EDITORS) {
        const host = q(`[data-editor-host=${name}]`);
        editors[name] = replaceTextArea(
          editors[name],
          q<HTMLTextAreaElement>(`[data-fallback=${name}]`),
          (text) =>
            createMonacoEditor({
              host,
              id: `playground-${name}`,
              text,
              language: name === "cli" ? (model?.changesLanguage ?? "azcli") : (model?.format ?? "yaml"),
              ariaLabel:
                name === "cli"
                  ? "Changes in az CLI or Azure PowerShell, applied on top of the scenario. Tab indents; press Escape then Tab to leave the editor."
                  : "Scenario, YAML or JSON. Tab indents; press Escape then Tab to leave the editor.",
              onChange: onEdit,
            }),
        );
      }
      ui.editorStatus.textContent = "";
      refresh();
    } catch (error) {
      console.warn("NSG Lab: the code editor failed to load", error);
      ui.editorStatus.textContent =
        "The code editor could not be loaded (are you offline?). The plain text boxes work the same, without highlighting; reload the page to try again (your work is saved).";
    }
  }
}

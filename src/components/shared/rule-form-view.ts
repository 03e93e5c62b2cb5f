import type { RuleLint } from "../../lib/analysis/lint-rules.ts";
import type { Topology } from "../../lib/nsg/topology-schema.ts";
import { DIRECTIONS, type Direction } from "../../lib/nsg/vocabulary.ts";
import { formFromRule } from "../../lib/rule-form/form-arm-rule.ts";
import type { RuleChange } from "../../lib/rule-form/rule-changes.ts";
import { blankRuleForm, type RuleFormValues } from "../../lib/rule-form/rule-form-values.ts";
import { ruleTable, type RuleTableRow } from "../../lib/rule-form/rule-table.ts";
import { scenarioChoices } from "../../lib/rule-form/scenario-choices.ts";
import { suggestName, suggestPriority } from "../../lib/rule-form/suggestions.ts";
import { validateRuleForm } from "../../lib/rule-form/validate-rule-form.ts";
import { confirmDialog } from "./confirm-dialog.ts";
import { el } from "./dom.ts";
import { openRulePane } from "./rule-pane.ts";

/**
 * The portal's view of NSGs, shared by the exercise and the playground: for each NSG its
 * "Inbound security rules" and "Outbound security rules", in priority order with the default
 * rules greyed, Edit and Delete on each custom rule, and "Add inbound/outbound rule", which open
 * the pane (rule-pane.ts). The view changes nothing itself: it hands each change to its host,
 * which applies it to its rules and shows them again with `show`.
 */
export interface RuleFormViewOptions {
  host: HTMLElement;
  /** Unique on the page: it prefixes every id. */
  idPrefix: string;
  /** The heading level of each NSG's name; its directions are one level below. */
  headingLevel: 2 | 3 | 4 | 5;
  onChange: (change: RuleChange) => void;
}

export interface RuleFormState {
  /** The network the rules live in, with each shown NSG's current rules. */
  topology: Topology;
  /** The NSGs to show, in order. */
  nsgs: readonly string[];
  /** Findings about rules (shadowed, open to the internet…), shown on the rule. */
  notes?: readonly RuleLint[];
}

const DIRECTION_WORD: Record<Direction, string> = { Inbound: "inbound", Outbound: "outbound" };

/** Where focus goes once the host has shown the rules again. */
type FocusTarget = { nsg: string; direction: Direction; rule?: string };

export class RuleFormView {
  readonly #options: RuleFormViewOptions;
  readonly #status: HTMLElement;
  readonly #body: HTMLElement;
  #state: RuleFormState | undefined;
  #builtFor = "";
  #pendingFocus: FocusTarget | undefined;
  /** What the learner typed in a pane they closed, offered again when they reopen it. */
  readonly #drafts = new Map<string, { values: RuleFormValues; autoName: boolean }>();
  #panes = 0;

  constructor(options: RuleFormViewOptions) {
    this.#options = options;
    this.#status = el("p", { class: "rf__status", role: "status", "data-rule-form-status": "" });
    this.#body = el("div", { class: "rf__body" });
    options.host.replaceChildren(this.#status, this.#body);
  }

  /** Shows these NSGs' rules; called again after every change. */
  show(state: RuleFormState): void {
    this.#state = state;
    // Showing the rules again must not drop the learner's place: an Edit or Delete button that
    // has focus gets it back in the new table.
    const active = document.activeElement;
    const focused =
      active instanceof HTMLElement && this.#body.contains(active)
        ? {
            edit: active.dataset.ruleEdit,
            remove: active.dataset.ruleDelete,
            section: active.closest(".rf-dir"),
          }
        : undefined;
    const key = JSON.stringify(state.nsgs);
    if (key !== this.#builtFor) this.#build(state.nsgs);
    for (const nsg of state.nsgs) for (const direction of DIRECTIONS) this.#renderTable(nsg, direction);
    if (focused && !this.#pendingFocus && (focused.edit ?? focused.remove) !== undefined) {
      const attribute = focused.edit !== undefined ? "data-rule-edit" : "data-rule-delete";
      const name = focused.edit ?? focused.remove;
      [...(focused.section?.querySelectorAll<HTMLButtonElement>(`[${attribute}]`) ?? [])]
        .find((b) => b.getAttribute(attribute) === name)
        ?.focus();
    }
    this.#restoreFocus();
  }

  /** Says why the rules cannot be shown (a scenario with errors) instead of the tables. */
  unavailable(message: string): void {
    this.#state = undefined;
    this.#builtFor = "";
    this.#body.replaceChildren(el("p", { class: "rf__unavailable" }, message));
  }

  /** A short message in the view's status line (read by screen readers). */
  announce(text: string): void {
    this.#status.textContent = text;
  }

  /** Focus on the first "Add inbound rule" button, where a keyboard learner starts. */
  focus(): void {
    this.#body.querySelector<HTMLButtonElement>("[data-rule-add]")?.focus();
  }

  #id(...parts: (string | number)[]): string {
    return [this.#options.idPrefix, ...parts].join("-").replace(/[^A-Za-z0-9_-]/g, "_");
  }

  #build(nsgs: readonly string[]): void {
    this.#builtFor = JSON.stringify(nsgs);
    const level = this.#options.headingLevel;
    const nsgHeading = `h${level}` as const;
    const directionHeading = `h${(level + 1) as 3 | 4 | 5 | 6}` as const;
    const sections = nsgs.map((nsg, n) => {
      const titleId = this.#id("nsg", n);
      return el(
        "section",
        { class: "rf-nsg", "aria-labelledby": titleId, "data-nsg": nsg },
        el(
          nsgHeading,
          { class: "rf-nsg__title", id: titleId },
          el("span", { class: "sr-only" }, "NSG "),
          nsg,
        ),
        ...DIRECTIONS.map((direction) => {
          const headingId = this.#id("nsg", n, direction);
          const add = el(
            "button",
            {
              type: "button",
              "data-rule-add": "",
              "data-nsg": nsg,
              "data-direction": direction,
              "aria-describedby": titleId,
            },
            `Add ${DIRECTION_WORD[direction]} rule`,
          );
          add.addEventListener("click", () => this.#openAdd(nsg, direction, add));
          return el(
            "section",
            { class: "rf-dir", "aria-labelledby": headingId, "data-direction": direction },
            el(directionHeading, { class: "rf-dir__title", id: headingId }, `${direction} security rules`),
            el("div", {
              class: "rf-table-wrap",
              role: "region",
              "aria-label": `${direction} security rules of ${nsg}`,
              tabindex: "0",
              "data-rule-table": "",
            }),
            el("p", { class: "rf-dir__actions" }, add),
          );
        }),
      );
    });
    this.#body.replaceChildren(...sections);
  }

  #section(nsg: string, direction: Direction): HTMLElement | undefined {
    return (
      [...this.#body.querySelectorAll<HTMLElement>(".rf-nsg")]
        .find((s) => s.dataset.nsg === nsg)
        ?.querySelector<HTMLElement>(`.rf-dir[data-direction=${direction}]`) ?? undefined
    );
  }

  #rulesOf(nsg: string) {
    return this.#state?.topology.nsgs.find((n) => n.name === nsg)?.securityRules ?? [];
  }

  #renderTable(nsg: string, direction: Direction): void {
    const wrap = this.#section(nsg, direction)?.querySelector<HTMLElement>("[data-rule-table]");
    if (!wrap) return;
    const rows = ruleTable(this.#rulesOf(nsg), direction);
    const head = ["Priority", "Name", "Port", "Protocol", "Source", "Source ports", "Destination", "Action"];
    wrap.replaceChildren(
      el(
        "table",
        { class: "rf-table" },
        el("caption", { class: "sr-only" }, `${direction} security rules of ${nsg}, in priority order`),
        el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows.map((row) => this.#row(nsg, direction, row))),
      ),
    );
  }

  #row(nsg: string, direction: Direction, row: RuleTableRow): HTMLTableRowElement {
    const notes = (this.#state?.notes ?? []).filter(
      (n) => n.nsg === nsg && n.rule.toLowerCase() === row.name.toLowerCase() && !row.isDefault,
    );
    const nameCell = el(
      "th",
      { scope: "row", class: "rf-table__name" },
      el("span", { class: "rf-table__rule" }, row.name),
      row.isDefault ? " " : null,
      row.isDefault ? el("span", { class: "rf-tag" }, "Default") : null,
      row.isDefault ? el("span", { class: "sr-only" }, " (cannot be edited or deleted)") : null,
      notes.length > 0
        ? el(
            "ul",
            { class: "rf-table__notes" },
            ...notes.map((n) => el("li", { class: `rf-note rf-note--${n.severity}` }, n.message)),
          )
        : null,
      row.index !== undefined ? this.#actions(nsg, direction, row) : null,
    );
    return el(
      "tr",
      {
        class: `rf-table__row${row.isDefault ? " rf-table__row--default" : ""}`,
        "data-rule": row.name,
        "data-default": row.isDefault ? "true" : undefined,
      },
      el("td", {}, String(row.priority)),
      nameCell,
      el("td", { class: "rf-mono" }, row.port),
      el("td", {}, row.protocol),
      el("td", { class: "rf-mono" }, row.source),
      el("td", { class: "rf-mono" }, row.sourcePorts),
      el("td", { class: "rf-mono" }, row.destination),
      el("td", { class: `rf-access rf-access--${row.action.toLowerCase()}` }, row.action),
    );
  }

  #actions(nsg: string, direction: Direction, row: RuleTableRow): HTMLElement {
    const edit = el(
      "button",
      {
        type: "button",
        class: "button-secondary",
        "data-rule-edit": row.name,
        "aria-label": `Edit ${DIRECTION_WORD[direction]} rule ${row.name}`,
      },
      "Edit",
    );
    const remove = el(
      "button",
      {
        type: "button",
        class: "button-secondary",
        "data-rule-delete": row.name,
        "aria-label": `Delete ${DIRECTION_WORD[direction]} rule ${row.name}`,
      },
      "Delete",
    );
    edit.addEventListener("click", () => this.#openEdit(nsg, direction, row.index!, edit));
    remove.addEventListener("click", () => void this.#delete(nsg, direction, row));
    return el("span", { class: "rf-table__actions" }, edit, " ", remove);
  }

  #openAdd(nsg: string, direction: Direction, opener: HTMLElement): void {
    const rules = this.#rulesOf(nsg);
    const fresh = { ...blankRuleForm(direction), priority: String(suggestPriority(rules, direction)) };
    const taken = rules.map((r) => r.name);
    fresh.name = suggestName(fresh, taken);
    this.#openPane({
      nsg,
      direction,
      opener,
      fresh,
      autoName: true,
      title: `Add ${DIRECTION_WORD[direction]} security rule`,
      submitLabel: "Add",
      suggest: (values) => suggestName(values, taken),
    });
  }

  #openEdit(nsg: string, direction: Direction, index: number, opener: HTMLElement): void {
    const rule = this.#rulesOf(nsg)[index];
    if (!rule) return;
    this.#openPane({
      nsg,
      direction,
      opener,
      fresh: formFromRule(rule),
      autoName: false,
      title: `Edit ${DIRECTION_WORD[direction]} security rule ${rule.name}`,
      submitLabel: "Save",
      suggest: (values) => values.name,
      editing: { index, name: rule.name },
    });
  }

  #openPane(pane: {
    nsg: string;
    direction: Direction;
    opener: HTMLElement;
    fresh: RuleFormValues;
    autoName: boolean;
    title: string;
    submitLabel: string;
    suggest: (values: RuleFormValues) => string;
    editing?: { index: number; name: string };
  }): void {
    const state = this.#state;
    if (!state) return;
    const key = [pane.nsg, pane.direction, pane.editing?.name ?? ""].join("\u0000");
    const kept = this.#drafts.get(key);
    this.#panes += 1;
    openRulePane({
      idPrefix: this.#id("pane", this.#panes),
      title: pane.title,
      submitLabel: pane.submitLabel,
      values: kept?.values ?? pane.fresh,
      fresh: pane.fresh,
      restored: kept !== undefined,
      autoName: kept?.autoName ?? pane.autoName,
      choices: scenarioChoices(state.topology),
      suggestName: pane.suggest,
      validate: (values) =>
        validateRuleForm(values, {
          topology: this.#state?.topology ?? state.topology,
          nsg: pane.nsg,
          ...(pane.editing ? { editing: pane.editing.index } : {}),
        }),
      onCancel: (values, autoName) => {
        // Untouched, there is nothing to offer again; otherwise the next pane starts from it.
        if (JSON.stringify(values) === JSON.stringify(pane.fresh)) this.#drafts.delete(key);
        else this.#drafts.set(key, { values, autoName });
        pane.opener.focus();
      },
      onSubmit: (rule) => {
        this.#drafts.delete(key);
        this.#pendingFocus = pane.editing
          ? { nsg: pane.nsg, direction: rule.direction, rule: rule.name }
          : { nsg: pane.nsg, direction: pane.direction };
        this.#options.onChange({
          kind: "put",
          nsg: pane.nsg,
          rule,
          ...(pane.editing ? { replacing: pane.editing } : {}),
        });
        this.#restoreFocus();
      },
    });
  }

  async #delete(nsg: string, direction: Direction, row: RuleTableRow): Promise<void> {
    const ok = await confirmDialog({
      title: `Delete rule “${row.name}”?`,
      message: `It is removed from the ${DIRECTION_WORD[direction]} rules of ${nsg}. The default rules cannot be deleted and stay.`,
      confirm: "Delete",
      cancel: "Keep the rule",
    });
    if (!ok) return;
    this.#pendingFocus = { nsg, direction };
    this.#options.onChange({ kind: "delete", nsg, index: row.index!, name: row.name });
    this.#restoreFocus();
  }

  #restoreFocus(): void {
    const target = this.#pendingFocus;
    if (!target) return;
    const section = this.#section(target.nsg, target.direction);
    const button =
      (target.rule !== undefined
        ? [...(section?.querySelectorAll<HTMLButtonElement>("[data-rule-edit]") ?? [])].find(
            (b) => b.dataset.ruleEdit === target.rule,
          )
        : undefined) ?? section?.querySelector<HTMLButtonElement>("[data-rule-add]");
    if (!button) return;
    this.#pendingFocus = undefined;
    button.focus();
  }
}

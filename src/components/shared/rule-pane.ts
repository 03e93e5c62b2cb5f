import type { SecurityRule } from "../../lib/nsg/rule-schema.ts";
import { ACCESSES, type RuleProtocol } from "../../lib/nsg/vocabulary.ts";
import type { Issue } from "../../lib/result.ts";
import {
  DESTINATION_KINDS,
  FIELD_LABEL,
  FORM_PROTOCOLS,
  MY_IP_EXPLANATION,
  PROTOCOL_LABEL,
  SOURCE_KIND_LABEL,
  SOURCE_KINDS,
  type RuleFormField,
  type RuleFormValues,
} from "../../lib/rule-form/rule-form-values.ts";
import { withCurrent, type ScenarioChoices } from "../../lib/rule-form/scenario-choices.ts";
import {
  CUSTOM_SERVICE,
  presetNamed,
  SERVICE_PRESETS,
  serviceAfterEdit,
} from "../../lib/rule-form/service-presets.ts";
import { fieldOf, type RuleFormResult } from "../../lib/rule-form/validate-rule-form.ts";
import { el } from "./dom.ts";

/**
 * The "Add inbound/outbound security rule" pane: a modal dialog holding the portal's settings in
 * the portal's order. Enter submits, Escape or Cancel closes it (what was typed is handed back to
 * the caller, to be offered again), and the caller puts focus back where the learner was. Each
 * problem shows under its control, which gets aria-invalid and is described by the message; a
 * summary at the top names them and moves focus to the first.
 */
export interface RulePaneOptions {
  idPrefix: string;
  title: string;
  submitLabel: string;
  values: RuleFormValues;
  /** The values a fresh pane has ("Start over" after `restored`). */
  fresh: RuleFormValues;
  /** The values are what the learner typed before closing the pane. */
  restored: boolean;
  /** The name follows `suggestName` until the learner types one. */
  autoName: boolean;
  choices: ScenarioChoices;
  suggestName: (values: RuleFormValues) => string;
  validate: (values: RuleFormValues) => RuleFormResult;
  onSubmit: (rule: SecurityRule) => void;
  /** Closed without saving, with what was typed and whether the name still follows the suggestion. */
  onCancel: (values: RuleFormValues, autoName: boolean) => void;
}

type Control = HTMLInputElement | HTMLSelectElement;

interface Field {
  wrap: HTMLElement;
  /** The controls that take aria-invalid (every checkbox or radio of a group). */
  controls: Control[];
  error: HTMLElement;
  help?: HTMLElement;
}

type Side = "source" | "destination";

export function openRulePane(options: RulePaneOptions): void {
  const id = (name: string) => `${options.idPrefix}-${name}`;
  const fields = new Map<RuleFormField, Field>();
  const touched = new Set<RuleFormField>();
  let submitted = false;
  let autoName = options.autoName;
  let closed = false;

  const describe = (field: RuleFormField) => {
    const f = fields.get(field)!;
    const ids = [f.help?.id, f.error.hidden ? undefined : f.error.id].filter(Boolean).join(" ");
    for (const c of f.controls) {
      if (ids) c.setAttribute("aria-describedby", ids);
      else c.removeAttribute("aria-describedby");
    }
  };

  /** One labelled control, its help and its (empty) error message. */
  function addField(
    field: RuleFormField,
    control: Control | HTMLFieldSetElement,
    controls: Control[],
    help?: string,
  ): HTMLElement {
    const error = el("p", { class: "rf-field__error", id: id(`${field}-error`), "data-error": field });
    error.hidden = true;
    const helpEl = help ? el("p", { class: "rf-field__help", id: id(`${field}-help`) }, help) : undefined;
    const label =
      control instanceof HTMLFieldSetElement
        ? null
        : el("label", { for: control.id, class: "rf-field__label" }, FIELD_LABEL[field]);
    const wrap = el("div", { class: "rf-field", "data-field": field }, label, control, helpEl, error);
    fields.set(field, { wrap, controls, error, ...(helpEl ? { help: helpEl } : {}) });
    describe(field);
    return wrap;
  }

  const select = (field: RuleFormField, choices: readonly { value: string; label: string }[]) => {
    const s = el(
      "select",
      { id: id(field), "data-input": field },
      ...choices.map((c) => el("option", { value: c.value }, c.label)),
    );
    return s;
  };
  const text = (field: RuleFormField, attrs: Record<string, string> = {}) =>
    el("input", {
      type: "text",
      id: id(field),
      "data-input": field,
      autocomplete: "off",
      spellcheck: "false",
      ...attrs,
    });

  /** A radio group (Protocol, Action) as a fieldset: the legend labels it. */
  function radios(field: RuleFormField, choices: readonly { value: string; label: string }[]) {
    const inputs = choices.map((c) =>
      el("input", { type: "radio", name: id(field), value: c.value, "data-input": field }),
    );
    const set = el(
      "fieldset",
      { class: "rf-choice" },
      el("legend", { class: "rf-field__label" }, FIELD_LABEL[field]),
      ...inputs.map((input, i) => el("label", {}, input, ` ${choices[i]!.label}`)),
    );
    return { set, inputs };
  }

  /** The ASG checkboxes of one side; the scenario's ASGs plus any the rule already names. */
  function asgBoxes(side: Side) {
    const field = `${side}Asgs` as const;
    const names = withCurrent(options.choices.asgs, options.values[field]);
    const inputs = names.map((name) =>
      el("input", { type: "checkbox", value: name, "data-input": field, name: id(field) }),
    );
    const set = el(
      "fieldset",
      { class: "rf-choice rf-choice--list" },
      el("legend", { class: "rf-field__label" }, FIELD_LABEL[field]),
      ...(names.length === 0
        ? [el("p", { class: "rf-field__help" }, "This network has no application security groups.")]
        : inputs.map((input, i) => el("label", {}, input, ` ${names[i]!}`))),
    );
    return { set, inputs };
  }

  const tagChoices = (side: Side) => [
    { value: "", label: "Choose a service tag…" },
    ...withCurrent(options.choices.serviceTags, [options.values[`${side}Tag`]]).map((t) => ({
      value: t,
      label: t,
    })),
  ];

  // ── The settings, in the portal's order ─────────────────────────────────────
  const sourceKind = select(
    "source",
    SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] })),
  );
  const sourceAddresses = text("sourceAddresses", { placeholder: "10.0.0.0/16, 192.188.1.1" });
  const myIp = text("myIp", { placeholder: "e.g. 203.0.113.7", inputmode: "decimal" });
  const sourceTag = select("sourceTag", tagChoices("source"));
  const sourceAsgs = asgBoxes("source");
  const sourcePorts = text("sourcePorts", { placeholder: "*" });
  const destinationKind = select(
    "destination",
    DESTINATION_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] })),
  );
  const destinationAddresses = text("destinationAddresses", { placeholder: "10.0.1.4" });
  const destinationTag = select("destinationTag", tagChoices("destination"));
  const destinationAsgs = asgBoxes("destination");
  const service = select("service", [
    { value: CUSTOM_SERVICE, label: CUSTOM_SERVICE },
    ...SERVICE_PRESETS.map((p) => ({ value: p.label, label: p.label })),
  ]);
  const destinationPorts = text("destinationPorts", { placeholder: "8080" });
  const protocolChoices: RuleProtocol[] = [
    ...FORM_PROTOCOLS,
    ...(FORM_PROTOCOLS.some((p) => p === options.values.protocol) ? [] : [options.values.protocol]),
  ];
  const protocol = radios(
    "protocol",
    protocolChoices.map((p) => ({ value: p, label: PROTOCOL_LABEL[p] })),
  );
  const access = radios(
    "access",
    ACCESSES.map((a) => ({ value: a, label: a })),
  );
  const priority = text("priority", { inputmode: "numeric" });
  const name = text("name");
  const description = text("description");

  const serviceStatus = el("p", { class: "sr-only", role: "status" });
  const summary = el("div", { class: "rf-pane__summary", role: "alert", "data-pane-errors": "" });
  summary.hidden = true;
  const body = el(
    "div",
    { class: "rf-pane__fields" },
    addField("source", sourceKind, [sourceKind]),
    addField(
      "sourceAddresses",
      sourceAddresses,
      [sourceAddresses],
      "One address or CIDR range, or several separated by commas. For a VM, use its private address: NSGs see traffic after Azure translates a public IP.",
    ),
    addField("myIp", myIp, [myIp], MY_IP_EXPLANATION),
    addField("sourceTag", sourceTag, [sourceTag]),
    addField("sourceAsgs", sourceAsgs.set, sourceAsgs.inputs),
    addField(
      "sourcePorts",
      sourcePorts,
      [sourcePorts],
      "A port (80), a range (1024-65535), a comma-separated list, or * for any. Clients send from changing ports: * is usual.",
    ),
    addField("destination", destinationKind, [destinationKind]),
    addField(
      "destinationAddresses",
      destinationAddresses,
      [destinationAddresses],
      "One address or CIDR range, or several separated by commas; a VM's private address, not its public one.",
    ),
    addField("destinationTag", destinationTag, [destinationTag]),
    addField("destinationAsgs", destinationAsgs.set, destinationAsgs.inputs),
    addField(
      "service",
      service,
      [service],
      "A predefined service fills in the destination port and protocol; Custom leaves them to you.",
    ),
    serviceStatus,
    addField(
      "destinationPorts",
      destinationPorts,
      [destinationPorts],
      "A port, a range, a comma-separated list, or * for any. Ports apply to TCP and UDP only.",
    ),
    addField("protocol", protocol.set, protocol.inputs),
    addField("access", access.set, access.inputs),
    addField(
      "priority",
      priority,
      [priority],
      `100 to 4096, unique among this NSG's ${options.values.direction.toLowerCase()} rules. Lower numbers are processed first.`,
    ),
    addField(
      "name",
      name,
      [name],
      "Up to 80 characters: letters, digits, _ . and -, starting with a letter or digit and ending with a letter, digit or _.",
    ),
    addField("description", description, [description], "Optional, up to 140 characters."),
  );

  const titleId = id("title");
  const submit = el("button", { type: "submit", "data-pane-submit": "" }, options.submitLabel);
  const cancel = el(
    "button",
    { type: "button", class: "button-secondary", "data-pane-cancel": "" },
    "Cancel",
  );
  const startOver = el(
    "button",
    { type: "button", class: "button-secondary", "data-pane-start-over": "" },
    "Start over",
  );
  const restoredNote = el(
    "p",
    { class: "rf-pane__restored", "data-pane-restored": "" },
    "Restored what you typed before you closed this pane. ",
    startOver,
  );
  restoredNote.hidden = !options.restored;
  const form = el(
    "form",
    { class: "rf-pane__form", novalidate: "" },
    restoredNote,
    summary,
    body,
    el("p", { class: "rf-pane__buttons" }, submit, cancel),
  );
  const dialog = el(
    "dialog",
    { class: "rf-pane", "aria-labelledby": titleId, "data-rule-pane": "" },
    el("h2", { class: "rf-pane__title", id: titleId }, options.title),
    el(
      "p",
      { class: "rf-pane__intro" },
      "Press Enter to ",
      options.submitLabel.toLowerCase(),
      " the rule, Escape to close without saving.",
    ),
    form,
  );

  // ── Values in and out ───────────────────────────────────────────────────────
  const checked = (inputs: HTMLInputElement[]) => inputs.filter((i) => i.checked).map((i) => i.value);

  function write(values: RuleFormValues): void {
    sourceKind.value = values.source;
    sourceAddresses.value = values.sourceAddresses;
    myIp.value = values.myIp;
    sourceTag.value = values.sourceTag;
    for (const box of sourceAsgs.inputs) box.checked = values.sourceAsgs.includes(box.value);
    sourcePorts.value = values.sourcePorts;
    destinationKind.value = values.destination;
    destinationAddresses.value = values.destinationAddresses;
    destinationTag.value = values.destinationTag;
    for (const box of destinationAsgs.inputs) box.checked = values.destinationAsgs.includes(box.value);
    service.value = values.service;
    destinationPorts.value = values.destinationPorts;
    for (const r of protocol.inputs) r.checked = r.value === values.protocol;
    for (const r of access.inputs) r.checked = r.value === values.access;
    priority.value = values.priority;
    name.value = values.name;
    description.value = values.description;
    sync();
  }

  function read(): RuleFormValues {
    const base = options.values;
    return {
      direction: base.direction,
      source: (SOURCE_KINDS as readonly string[]).includes(sourceKind.value)
        ? (sourceKind.value as RuleFormValues["source"])
        : "any",
      sourceAddresses: sourceAddresses.value,
      myIp: myIp.value,
      sourceTag: sourceTag.value,
      sourceAsgs: checked(sourceAsgs.inputs),
      sourcePorts: sourcePorts.value,
      destination: (DESTINATION_KINDS as readonly string[]).includes(destinationKind.value)
        ? (destinationKind.value as RuleFormValues["destination"])
        : "any",
      destinationAddresses: destinationAddresses.value,
      destinationTag: destinationTag.value,
      destinationAsgs: checked(destinationAsgs.inputs),
      service: service.value,
      destinationPorts: destinationPorts.value,
      protocol: (checked(protocol.inputs)[0] as RuleProtocol | undefined) ?? base.protocol,
      access: (checked(access.inputs)[0] as RuleFormValues["access"] | undefined) ?? base.access,
      priority: priority.value,
      name: name.value,
      description: description.value,
    };
  }

  /** Only the inputs the chosen source and destination need are shown (the others keep their text). */
  function sync(): void {
    const show = (field: RuleFormField, on: boolean) => (fields.get(field)!.wrap.hidden = !on);
    show("sourceAddresses", sourceKind.value === "ip-addresses");
    show("myIp", sourceKind.value === "my-ip");
    show("sourceTag", sourceKind.value === "service-tag");
    show("sourceAsgs", sourceKind.value === "asg");
    show("destinationAddresses", destinationKind.value === "ip-addresses");
    show("destinationTag", destinationKind.value === "service-tag");
    show("destinationAsgs", destinationKind.value === "asg");
  }

  // ── Problems at their fields ────────────────────────────────────────────────
  function showErrors(errors: readonly Issue[], all: boolean): Issue[] {
    const shown: Issue[] = [];
    for (const [field, f] of fields) {
      const found = errors.find((e) => fieldOf(e) === field);
      const visible = found !== undefined && (all || touched.has(field)) && !f.wrap.hidden;
      f.error.textContent = visible ? found.message : "";
      f.error.hidden = !visible;
      for (const c of f.controls) {
        if (visible) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      }
      describe(field);
      if (visible) shown.push(found);
    }
    return shown;
  }

  function showSummary(shown: readonly Issue[], formWide: readonly Issue[]): void {
    const entries = [
      ...formWide.map((e) => el("li", {}, e.message)),
      ...shown.map((e) => {
        const field = fieldOf(e)!;
        const jump = el(
          "button",
          { type: "button", class: "rf-pane__jump" },
          `${FIELD_LABEL[field]}: ${e.message}`,
        );
        jump.addEventListener("click", () => focusField(field));
        return el("li", {}, jump);
      }),
    ];
    summary.replaceChildren(
      el(
        "p",
        {},
        entries.length === 1
          ? "Fix 1 setting before saving:"
          : `Fix ${entries.length} settings before saving:`,
      ),
      el("ul", {}, ...entries),
    );
    summary.hidden = entries.length === 0;
  }

  function focusField(field: RuleFormField): void {
    const controls = fields.get(field)!.controls;
    (controls.find((c) => c instanceof HTMLInputElement && c.checked) ?? controls[0])?.focus();
  }

  function revalidate(): void {
    const result = options.validate(read());
    const errors = result.ok ? [] : result.errors;
    const shown = showErrors(errors, submitted);
    if (submitted)
      showSummary(
        shown,
        errors.filter((e) => fieldOf(e) === undefined),
      );
  }

  // ── What each edit does ─────────────────────────────────────────────────────
  const fieldOfTarget = (target: EventTarget | null): RuleFormField | undefined => {
    const field = target instanceof HTMLElement ? target.dataset.input : undefined;
    return field && fields.has(field as RuleFormField) ? (field as RuleFormField) : undefined;
  };

  function onEdit(event: Event): void {
    const field = fieldOfTarget(event.target);
    if (!field) return;
    if (field === "service" && event.type === "change") {
      // A predefined service fills in the port and protocol, as the portal does.
      const preset = presetNamed(service.value);
      if (preset) {
        destinationPorts.value = preset.port;
        for (const r of protocol.inputs) r.checked = r.value === preset.protocol;
      }
    }
    if (field === "destinationPorts" || field === "protocol") {
      const before = service.value;
      const next = serviceAfterEdit(before, checked(protocol.inputs)[0] ?? "", destinationPorts.value);
      if (next !== before) {
        service.value = next;
        serviceStatus.textContent = `Service is now Custom: the port or protocol no longer matches ${before}.`;
      }
    }
    if (field === "name" && event.type === "input") autoName = name.value === "";
    if (autoName && field !== "name") name.value = options.suggestName(read());
    sync();
    if (event.type === "change" || fields.get(field)!.error.hidden === false) touched.add(field);
    revalidate();
  }

  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("focusout", (event) => {
    const field = fieldOfTarget(event.target);
    if (field && event.target instanceof HTMLInputElement && event.target.type === "text") {
      touched.add(field);
      revalidate();
    }
  });

  const close = () => {
    if (closed) return;
    closed = true;
    dialog.close();
    dialog.remove();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = true;
    const result = options.validate(read());
    if (!result.ok) {
      const shown = showErrors(result.errors, true);
      showSummary(
        shown,
        result.errors.filter((e) => fieldOf(e) === undefined),
      );
      const first = shown[0];
      if (first) focusField(fieldOf(first)!);
      return;
    }
    close();
    options.onSubmit(result.value);
  });
  const cancelPane = () => {
    const values = read();
    close();
    options.onCancel(values, autoName);
  };
  cancel.addEventListener("click", cancelPane);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    cancelPane();
  });
  startOver.addEventListener("click", () => {
    write(options.fresh);
    autoName = options.autoName;
    restoredNote.hidden = true;
    touched.clear();
    submitted = false;
    showErrors([], false);
    summary.hidden = true;
    sourceKind.focus();
  });

  write(options.values);
  document.body.append(dialog);
  dialog.showModal();
  sourceKind.focus();
}

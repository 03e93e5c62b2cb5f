import { el, must } from "../shared/dom.ts";
import {
  FLOW_FIELDS,
  fieldOf,
  type EndpointOption,
  type FlowField,
  type FlowFormValues,
} from "../../lib/playground/flow-form.ts";
import type { Issue } from "../../lib/result.ts";
import type { NamedFlow } from "../../lib/playground/scenario-schema.ts";

/**
 * The flow form's DOM: endpoint selects (VMs, NICs, or "an IP address" with a text field),
 * protocol, ports, reply flag; errors shown on their fields (aria-invalid, described by the
 * message) and summed up in an alert whose entries move focus to the field.
 */
const ADDRESS = "__address__";
const SIDES = ["from", "to"] as const;
type Side = (typeof SIDES)[number];

export class FlowFormView {
  readonly form: HTMLFormElement;
  readonly #root: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #protocol: HTMLSelectElement;
  readonly #sourcePort: HTMLInputElement;
  readonly #port: HTMLInputElement;
  readonly #response: HTMLInputElement;
  readonly #sample: HTMLSelectElement;
  #samples: NamedFlow[] = [];
  #endpointsKey = "";

  constructor(root: HTMLElement) {
    this.#root = root;
    this.form = must<HTMLFormElement>(root, "[data-flow-form]");
    this.#summary = must(root, "[data-form-errors]");
    this.#protocol = must(root, "[data-input=protocol]");
    this.#sourcePort = must(root, "[data-input=sourcePort]");
    this.#port = must(root, "[data-input=port]");
    this.#response = must(root, "[data-input=response]");
    this.#sample = must(root, "[data-sample-select]");
    for (const side of SIDES)
      this.#select(side).addEventListener("change", () => this.#syncAddress(side, true));
    this.#protocol.addEventListener("change", () => this.#syncPorts());
  }

  #select(side: Side): HTMLSelectElement {
    return must(this.#root, `[data-endpoint-select=${side}]`);
  }

  #text(side: Side): HTMLInputElement {
    return must(this.#root, `[data-endpoint-text=${side}]`);
  }

  #syncAddress(side: Side, focus: boolean): void {
    const wrap = must<HTMLElement>(this.#root, `[data-endpoint-text-wrap=${side}]`);
    const show = this.#select(side).value === ADDRESS;
    wrap.hidden = !show;
    if (show && focus) this.#text(side).focus();
  }

  /** ICMP, ESP and AH carry no ports: the port fields say so and step out of the way. */
  #syncPorts(): void {
    const ported = this.#protocol.value === "Tcp" || this.#protocol.value === "Udp";
    this.#sourcePort.disabled = !ported;
    this.#port.disabled = !ported;
  }

  /** Fills the endpoint selects with the scenario's VMs and NICs, keeping what was chosen. */
  setEndpoints(options: readonly EndpointOption[]): void {
    // Rebuilt only when the list changes: the scenario is recompiled on every edit.
    const key = JSON.stringify(options);
    if (key === this.#endpointsKey) return;
    this.#endpointsKey = key;
    const values = this.values();
    for (const side of SIDES) {
      const select = this.#select(side);
      const groups = (["vm", "nic"] as const)
        .map((kind) => ({ kind, items: options.filter((o) => o.kind === kind) }))
        .filter((g) => g.items.length > 0)
        .map((g) =>
          el(
            "optgroup",
            { label: g.kind === "vm" ? "VMs (primary NIC)" : "NICs" },
            ...g.items.map((o) => el("option", { value: o.value }, o.label)),
          ),
        );
      select.replaceChildren(
        el("option", { value: "" }, "Choose…"),
        ...groups,
        el("option", { value: ADDRESS }, "An IP address (type it)"),
      );
    }
    this.setValues(values, false);
  }

  setSamples(flows: readonly NamedFlow[]): void {
    const same =
      flows.length === this.#samples.length &&
      flows.every((f, i) => JSON.stringify(f) === JSON.stringify(this.#samples[i]));
    if (same) return;
    this.#samples = [...flows];
    this.#sample.replaceChildren(
      el(
        "option",
        { value: "" },
        flows.length > 0 ? "Pick one of the scenario's flows…" : "The scenario has no sample flows",
      ),
      ...flows.map((f, i) => el("option", { value: String(i) }, f.name)),
    );
    this.#sample.disabled = flows.length === 0;
  }

  /** The chosen sample flow, if any. */
  sample(): NamedFlow | undefined {
    return this.#sample.value === "" ? undefined : this.#samples[Number(this.#sample.value)];
  }

  onSample(listener: () => void): void {
    this.#sample.addEventListener("change", listener);
  }

  values(): FlowFormValues {
    const endpoint = (side: Side) =>
      this.#select(side).value === ADDRESS ? this.#text(side).value : this.#select(side).value;
    return {
      from: endpoint("from"),
      to: endpoint("to"),
      protocol: this.#protocol.value,
      sourcePort: this.#sourcePort.value,
      port: this.#port.value,
      response: this.#response.checked,
    };
  }

  setValues(values: FlowFormValues, clearErrors = true): void {
    for (const side of SIDES) {
      const select = this.#select(side);
      const value = values[side];
      const known = value !== "" && value !== ADDRESS && [...select.options].some((o) => o.value === value);
      if (known || value === "") {
        // An address typed earlier stays in its field when the select goes back to a name.
        select.value = value;
      } else {
        select.value = ADDRESS;
        this.#text(side).value = value;
      }
      this.#syncAddress(side, false);
    }
    this.#protocol.value = [...this.#protocol.options].some((o) => o.value === values.protocol)
      ? values.protocol
      : "Tcp";
    this.#sourcePort.value = values.sourcePort;
    this.#port.value = values.port;
    this.#response.checked = values.response;
    this.#syncPorts();
    if (clearErrors) this.showErrors([]);
  }

  #fieldControl(field: FlowField): HTMLElement {
    if (field === "from" || field === "to")
      return this.#select(field).value === ADDRESS ? this.#text(field) : this.#select(field);
    return field === "protocol" ? this.#protocol : field === "sourcePort" ? this.#sourcePort : this.#port;
  }

  showErrors(errors: readonly Issue[]): void {
    for (const field of FLOW_FIELDS) {
      const messages = errors.filter((e) => fieldOf(e) === field).map((e) => e.message);
      const slot = must<HTMLElement>(this.#root, `[data-error=${field}]`);
      slot.textContent = messages.join(" ");
      slot.hidden = messages.length === 0;
      const controls =
        field === "from" || field === "to"
          ? [this.#select(field), this.#text(field)]
          : [this.#fieldControl(field)];
      for (const c of controls) {
        if (messages.length > 0) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      }
    }
    this.#summary.hidden = errors.length === 0;
    if (errors.length === 0) {
      this.#summary.replaceChildren();
      return;
    }
    this.#summary.replaceChildren(
      el(
        "p",
        {},
        errors.length === 1
          ? "Fix this to check the flow:"
          : `Fix these ${errors.length} problems to check the flow:`,
      ),
      el(
        "ul",
        {},
        ...errors.map((e) => {
          const button = el("button", { type: "button", class: "pg-linkish" }, e.message);
          button.addEventListener("click", () => this.#focus(e));
          return el("li", {}, button);
        }),
      ),
    );
    this.#focus(errors[0]!);
  }

  /** Moves focus to the field an issue is about. */
  #focus(issue: Issue): void {
    const field = fieldOf(issue);
    if (field) this.#fieldControl(field).focus();
  }

  onChange(listener: () => void): void {
    this.form.addEventListener("input", listener);
    this.form.addEventListener("change", listener);
  }
}

import { el } from "../shared/dom.ts";
import { traceList } from "../shared/trace-view.ts";
import { flowText } from "../../lib/exercise-ui/expectation-text.ts";
import { flattenTrace } from "../../lib/grader/trace.ts";
import type { Verdict } from "../../lib/nsg/verdict.ts";
import type { PacketView, PathModel, PathStep } from "../../lib/playground/path-model.ts";
import { rulesTable } from "./rules-table.ts";

/**
 * The verdict banner (a live region: only its short text is announced) and the path drawn as
 * steps, each NSG step holding its rules in evaluation order. All scenario text is text.
 */

const ICON = { Allow: "✓", Deny: "✗" } as const;

export function renderBanner(banner: HTMLElement, model: PathModel, verdict: Verdict): void {
  const word = model.access === "Allow" ? "Allowed" : "Denied";
  const next = [
    el(
      "p",
      { class: "pg-banner__verdict" },
      el("span", { "aria-hidden": "true" }, ICON[model.access]),
      ` ${word}`,
    ),
    el("p", { class: "pg-banner__flow" }, flowText(verdict.flow)),
    el("p", { class: "pg-banner__summary" }, model.summary),
  ];
  setBanner(banner, model.access === "Allow" ? "allow" : "deny", next);
}

/** A problem instead of a verdict (bad flow, broken scenario). */
export function renderBannerMessage(banner: HTMLElement, kind: "info" | "error", message: string): void {
  setBanner(banner, kind, [el("p", { class: "pg-banner__summary" }, message)]);
}

/** Replaces the banner only when its words change, so screen readers hear each verdict once. */
function setBanner(banner: HTMLElement, kind: string, children: HTMLElement[]): void {
  const text = children.map((c) => c.textContent).join("\n");
  if (banner.dataset.kind === kind && banner.dataset.text === text) return;
  banner.dataset.kind = kind;
  banner.dataset.text = text;
  banner.replaceChildren(...children);
}

const hasPorts = (p: PacketView) => p.sourcePort !== null;

const PROTOCOL: Record<string, string> = { Tcp: "TCP", Udp: "UDP", Icmp: "ICMP", Esp: "ESP", Ah: "AH" };

export function packetText(p: PacketView): string {
  const protocol = PROTOCOL[p.protocol] ?? p.protocol;
  return hasPorts(p)
    ? `${protocol} ${p.source}:${p.sourcePort} → ${p.destination}:${p.destinationPort}`
    : `${protocol} ${p.source} → ${p.destination}`;
}

function badge(text: string, kind: string): HTMLElement {
  return el("span", { class: `pg-badge pg-badge--${kind}` }, text);
}

function where(step: Extract<PathStep, { vm: string }>): string {
  return `${step.vm} · NIC ${step.nic} · subnet ${step.subnet} · ${step.direction.toLowerCase()}`;
}

function packetBlock(packet: PacketView): HTMLElement[] {
  return [
    el("p", { class: "pg-step__packet" }, "Packet as this NSG saw it: ", el("code", {}, packetText(packet))),
    ...(packet.notes.length > 0
      ? [el("ul", { class: "pg-step__notes" }, ...packet.notes.map((n) => el("li", {}, n)))]
      : []),
  ];
}

function stepItem(step: PathStep, headingLevel: number, open: boolean): HTMLLIElement {
  const h = `h${Math.min(headingLevel, 6)}` as "h3";
  switch (step.kind) {
    case "platform":
      return el(
        "li",
        { class: `pg-step pg-step--${step.access.toLowerCase()}`, "data-step": "platform" },
        el(
          "div",
          { class: "pg-step__head" },
          el(h, { class: "pg-step__title" }, step.title),
          badge(step.access, step.access === "Deny" ? "deny" : "allow"),
        ),
        el("p", {}, step.access === "Deny" ? `${step.reason}.` : step.reason),
      );
    case "no-nsg":
      return el(
        "li",
        { class: "pg-step pg-step--allow pg-step--open", "data-step": "no-nsg" },
        el(
          "div",
          { class: "pg-step__head" },
          el(h, { class: "pg-step__title" }, `${step.title}: none`),
          badge("No NSG: allowed", "allow"),
        ),
        el("p", { class: "pg-step__where" }, where(step)),
        el("p", {}, "No NSG is associated at this level, so Azure lets the traffic through."),
        ...packetBlock(step.packet),
      );
    case "not-reached":
      return el(
        "li",
        { class: "pg-step pg-step--not-reached", "data-step": "not-reached" },
        el(
          "div",
          { class: "pg-step__head" },
          el(h, { class: "pg-step__title" }, `${step.title}: ${step.nsg ?? "none"}`),
          badge("Not reached", "muted"),
        ),
        el("p", { class: "pg-step__where" }, where(step)),
        el("p", {}, "The packet was denied before it got here."),
      );
    case "nsg": {
      const direction = step.direction.toLowerCase();
      const details = el(
        "details",
        { class: "pg-step__rules" },
        el("summary", {}, `All ${step.rules.length} ${direction} rules of ${step.nsg}, in evaluation order`),
        rulesTable(step.rules, `${step.nsg}, ${direction} rules in evaluation order`, true),
      );
      details.open = open;
      return el(
        "li",
        { class: `pg-step pg-step--${step.access.toLowerCase()}`, "data-step": "nsg", "data-nsg": step.nsg },
        el(
          "div",
          { class: "pg-step__head" },
          el(h, { class: "pg-step__title" }, `${step.title}: ${step.nsg}`),
          badge(step.access, step.access.toLowerCase()),
        ),
        el("p", { class: "pg-step__where" }, where(step)),
        ...packetBlock(step.packet),
        el(
          "p",
          { class: "pg-step__decider" },
          "Deciding rule: ",
          el("code", {}, step.rule.name),
          ` (priority ${step.rule.priority}${step.rule.isDefault ? ", a default rule" : ""}) → ${step.access}`,
        ),
        details,
      );
    }
  }
}

function pathList(model: PathModel, headingLevel: number, label: string): HTMLOListElement {
  // The step that settled it starts open; a denied flow's deciding step is its last NSG step.
  const decisive =
    model.access === "Deny"
      ? model.steps.findIndex((s) => s.kind === "nsg" && s.access === "Deny")
      : model.steps.map((s) => s.kind).lastIndexOf("nsg");
  return el(
    "ol",
    { class: "pg-path", "aria-label": label },
    ...model.steps.map((s, i) => stepItem(s, headingLevel, i === decisive)),
  );
}

export function renderPath(container: HTMLElement, model: PathModel, verdict: Verdict): void {
  if (!model.answers) {
    container.replaceChildren(
      el("h3", { class: "pg-path__title" }, "The path, step by step"),
      pathList(model, 4, "The path of the packet, step by step"),
    );
    return;
  }
  const stateful = verdict.steps[0];
  const initiator = stateful?.kind === "stateful" ? stateful.initiator : undefined;
  container.replaceChildren(
    el("h3", { class: "pg-path__title" }, "A reply packet"),
    el(
      "div",
      { class: `pg-step pg-step--${model.access.toLowerCase()}`, "data-step": "stateful" },
      el(
        "p",
        {},
        "NSGs are stateful: a reply is not checked against the rules; it passes exactly when the connection it answers is allowed.",
      ),
      ...(initiator
        ? [
            el("p", {}, "The connection it answers: ", el("code", {}, flowText(initiator.flow))),
            traceList(flattenTrace(initiator)),
          ]
        : []),
    ),
    el("h3", { class: "pg-path__title" }, "The path of the connection it answers"),
    pathList(model.answers, 4, "The path of the connection this reply answers, step by step"),
  );
}

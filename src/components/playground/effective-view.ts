import { el } from "../shared/dom.ts";
import type { EffectiveLevel, EffectiveRules } from "../../lib/analysis/effective-rules.ts";
import { rulesTable } from "./rules-table.ts";

/** Azure's "effective security rules" for one NIC: per direction, per level, in evaluation order. */

const LEVEL = { subnet: "Subnet NSG", nic: "NIC NSG" } as const;

function levelBlock(level: EffectiveLevel, direction: "inbound" | "outbound"): HTMLElement {
  const title = `${LEVEL[level.level]}: ${level.nsg ?? "none"}`;
  if (!level.nsg) {
    return el(
      "div",
      { class: "pg-level", "data-level": level.level },
      el("h4", {}, title),
      el("p", { class: "pg-note" }, "No NSG at this level: it lets all traffic through."),
    );
  }
  const rows = level.rules.map((r) => ({
    ...r,
    protocol: r.protocol === "*" ? "Any" : r.protocol,
    source: r.source.join(", "),
    sourcePorts: r.sourcePorts.join(", "),
    destination: r.destination.join(", "),
    destinationPorts: r.destinationPorts.join(", "),
  }));
  return el(
    "div",
    { class: "pg-level", "data-level": level.level, "data-nsg": level.nsg },
    el("h4", {}, title),
    rulesTable(rows, `${level.nsg}, ${direction} rules in evaluation order`, false),
  );
}

export function renderEffective(container: HTMLElement, rules: EffectiveRules | undefined): void {
  if (!rules) {
    container.replaceChildren(el("p", { class: "pg-note" }, "Choose a NIC."));
    return;
  }
  container.replaceChildren(
    el(
      "p",
      {},
      `NIC ${rules.nic} of ${rules.vm}. A packet must be allowed at both levels; default rules are marked “default”.`,
    ),
    el("h3", {}, "Inbound: subnet NSG first, then NIC NSG"),
    ...rules.inbound.map((l) => levelBlock(l, "inbound")),
    el("h3", {}, "Outbound: NIC NSG first, then subnet NSG"),
    ...rules.outbound.map((l) => levelBlock(l, "outbound")),
  );
}

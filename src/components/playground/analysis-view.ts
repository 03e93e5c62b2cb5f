import { el } from "../shared/dom.ts";
import type { InternetExposure } from "../../lib/analysis/internet-exposure.ts";
import type { LintKind } from "../../lib/analysis/lint-rules.ts";
import { formatPortRanges, type NsgFindings } from "../../lib/playground/scenario-analysis.ts";

/** Lints for every NSG and one NIC's internet exposure, as text. */

const KIND_LABEL: Record<LintKind, string> = {
  shadowed: "Shadowed",
  redundant: "Redundant",
  "open-to-internet": "Open to the internet",
  "management-port-open": "Management port open",
  "default-rule-name": "Default rule's name",
  "dead-rule": "Changes nothing",
  "blocks-load-balancer-probes": "Blocks load balancer probes",
};

export function renderLints(container: HTMLElement, findings: readonly NsgFindings[]): void {
  if (findings.length === 0) {
    container.replaceChildren(el("p", { class: "pg-note" }, "This scenario has no NSGs."));
    return;
  }
  container.replaceChildren(
    ...findings.map((f) =>
      el(
        "div",
        { class: "pg-findings", "data-findings": f.nsg },
        el("h4", {}, f.nsg),
        el(
          "p",
          { class: "pg-note" },
          f.attachedTo.length > 0
            ? `Associated with ${f.attachedTo.join(", ")}.`
            : "Not associated with any subnet or NIC: it filters nothing yet.",
        ),
        f.lints.length === 0
          ? el("p", {}, "No findings.")
          : el(
              "ul",
              { class: "pg-lints" },
              ...f.lints.map((l) =>
                el(
                  "li",
                  { class: `pg-lint pg-lint--${l.severity}`, "data-lint": l.kind, "data-rule": l.rule },
                  el("strong", {}, KIND_LABEL[l.kind]),
                  ` (${l.rule}): `,
                  l.message,
                ),
              ),
            ),
      ),
    ),
  );
}

const PROTOCOL = { Tcp: "TCP", Udp: "UDP", Icmp: "ICMP", Esp: "ESP", Ah: "AH" } as const;

export function renderExposure(
  container: HTMLElement,
  exposure: InternetExposure | undefined,
  nic: string,
): void {
  if (!exposure) {
    container.replaceChildren(
      el(
        "p",
        { class: "pg-note" },
        nic ? `Internet exposure is computed for IPv4 NICs; ${nic} has none.` : "Choose a NIC.",
      ),
    );
    return;
  }
  const nothing = exposure.tcpUdp.every((p) => p.ports.length === 0) && exposure.otherProtocols.length === 0;
  const sources = exposure.sources;
  const sourceList = el("ul", { class: "pg-prefixes" }, ...sources.map((s) => el("li", {}, s)));
  container.replaceChildren(
    el(
      "p",
      { class: `pg-exposure__summary pg-exposure__summary--${nothing ? "closed" : "open"}` },
      nothing
        ? `Nothing on ${exposure.nic} is reachable from the internet.`
        : `Parts of ${exposure.nic} are reachable from the internet.`,
    ),
    el(
      "dl",
      { class: "pg-exposure", "data-exposure-nic": exposure.nic },
      ...exposure.tcpUdp.flatMap((p) => [
        el("dt", {}, `${PROTOCOL[p.protocol]} ports`),
        el("dd", { "data-exposed": p.protocol }, formatPortRanges(p.ports)),
      ]),
      el("dt", {}, "Other protocols"),
      el(
        "dd",
        { "data-exposed": "other" },
        exposure.otherProtocols.length > 0
          ? exposure.otherProtocols.map((p) => PROTOCOL[p]).join(", ")
          : "none",
      ),
      el("dt", {}, "Internet sources that get in"),
      el(
        "dd",
        {},
        sources.length === 0
          ? "none"
          : sources.length <= 6
            ? sourceList
            : el("details", {}, el("summary", {}, `${sources.length} prefixes`), sourceList),
      ),
    ),
    ...(exposure.truncated
      ? [
          el(
            "p",
            { class: "pg-note" },
            "The rule set is large, so this is a lower bound: more may be reachable.",
          ),
        ]
      : []),
    el(
      "p",
      { class: "pg-note" },
      "Counted for clients using ephemeral source ports, after both the subnet and the NIC NSG.",
    ),
  );
}

/**
 * The "Check it on real Azure" panel (AzureBridge.astro), a thin view over
 * lib/azure-verify/azure-bridge.ts. The page says where the network and checks come from (an
 * exercise's rules, the playground's scenario); each time the panel is used it asks again, so the
 * script and the comparison are always for what the learner has now.
 */
import {
  bridgeComparison,
  bridgeFacts,
  bridgeScript,
  type BridgeShell,
  type BridgeSource,
} from "../../lib/azure-verify/azure-bridge.ts";
import { RESULTS_FILE } from "../../lib/azure-verify/script-facts.ts";
import { formatSpan } from "../../lib/formats/source-span.ts";
import type { Issue, Result } from "../../lib/result.ts";
import { downloadText, el, must } from "./dom.ts";

/** Results files are a few kilobytes; anything far larger is not one. */
const MAX_RESULTS_BYTES = 2_000_000;

const located = (e: Issue) => `${e.span ? `line ${formatSpan(e.span)}: ` : ""}${e.message}`;

export function wireAzureBridge(panel: HTMLElement, source: () => Result<BridgeSource>): void {
  if (panel.dataset.wired) return;
  panel.dataset.wired = "true";
  const plan = must<HTMLElement>(panel, "[data-bridge-plan]");
  const untestable = must<HTMLUListElement>(panel, "[data-bridge-untestable]");
  const input = must<HTMLInputElement>(panel, "[data-bridge-results]");
  const result = must<HTMLElement>(panel, "[data-bridge-result]");
  const downloads = [...panel.querySelectorAll<HTMLButtonElement>("[data-bridge-download]")];

  /** The current source, with the plan shown; undefined (and why, shown) when there is none. */
  const current = (): BridgeSource | undefined => {
    const got = source();
    if (!got.ok) {
      plan.textContent = `There is nothing to check yet: ${got.errors.slice(0, 3).map(located).join("; ")}`;
      untestable.hidden = true;
      return undefined;
    }
    const facts = bridgeFacts(got.value.verification);
    plan.textContent = facts.summary;
    untestable.replaceChildren(
      ...facts.untestable.map((text) => el("li", {}, `Not testable with IP flow verify: ${text}`)),
    );
    untestable.hidden = facts.untestable.length === 0;
    return got.value;
  };

  const refresh = () => {
    const got = current();
    const testable = (got?.verification.plan.tests.length ?? 0) > 0;
    for (const b of downloads) b.disabled = !testable;
    input.disabled = !testable;
  };
  panel.addEventListener("toggle", () => {
    if ((panel as HTMLDetailsElement).open) refresh();
  });
  if ((panel as HTMLDetailsElement).open) refresh();

  for (const button of downloads)
    button.addEventListener("click", () => {
      const got = current();
      if (!got) return;
      const script = bridgeScript(got.verification, button.dataset.bridgeDownload as BridgeShell);
      downloadText(script.fileName, script.text, "text/plain");
      result.replaceChildren(
        el(
          "p",
          {},
          `Downloaded ${script.fileName}. Run it where you are signed in to Azure, then choose the ${RESULTS_FILE} it writes here.`,
        ),
      );
    });

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_RESULTS_BYTES) {
      result.replaceChildren(
        el(
          "p",
          { class: "azure-bridge__error" },
          `${file.name} is ${Math.round(file.size / 1e6)} MB: a results file is a few kilobytes. Choose the file the script wrote.`,
        ),
      );
      return;
    }
    void file.text().then((text) => {
      const got = current();
      if (!got) return;
      const compared = bridgeComparison(got.verification, got.checks, text);
      if (!compared.ok) {
        result.replaceChildren(
          el("p", {}, `${file.name} cannot be compared:`),
          el("ul", {}, ...compared.errors.slice(0, 5).map((e) => el("li", {}, located(e)))),
        );
        return;
      }
      const { rows, summary, unknown } = compared.value;
      result.replaceChildren(
        el("p", { "data-bridge-summary": "" }, summary),
        el(
          "ol",
          {},
          ...rows.map((r) =>
            el(
              "li",
              { "data-outcome": r.outcome },
              r.text,
              ...(r.path ? [el("span", { class: "azure-bridge__path" }, `NSG Lab's path: ${r.path}`)] : []),
            ),
          ),
        ),
        ...(unknown.length > 0
          ? [el("p", {}, `Ignored: ${unknown.slice(0, 3).map(located).join("; ")}`)]
          : []),
      );
    });
  });
}

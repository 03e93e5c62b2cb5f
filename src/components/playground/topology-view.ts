import type { Exercise } from "../../lib/grader/exercise-schema.ts";
import { layoutTopology } from "../../lib/exercise-ui/topology-layout.ts";
import type { ScenarioDocument } from "../../lib/playground/parse-scenario.ts";

/**
 * The scenario's network, drawn with the exercise diagram's layout (topology-layout.ts) and
 * its styles; built as SVG nodes here because the scenario changes as it is edited.
 */
const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The diagram, then `caption` (what the az CLI changes built) as notes under it. */
export function renderDiagram(
  container: HTMLElement,
  scenario: ScenarioDocument,
  caption: readonly string[] = [],
): void {
  const asExercise = {
    title: scenario.title ?? "playground scenario",
    topology: scenario.topology,
    editable: [],
    expectations: scenario.flows.map((f) => ({ name: f.name, flow: f.flow, expect: "allow" as const })),
  } as unknown as Exercise;
  const d = layoutTopology(asExercise);
  const root = svg("svg", {
    class: "ex-topo",
    viewBox: `0 0 ${d.width} ${d.height}`,
    width: d.width,
    height: d.height,
    role: "img",
    "aria-labelledby": "pg-topo-title",
    "aria-describedby": "pg-topo-desc",
  });
  root.append(
    svg(
      "title",
      { id: "pg-topo-title" },
      `Network of the scenario${scenario.title ? ` “${scenario.title}”` : ""}`,
    ),
    svg("desc", { id: "pg-topo-desc" }, d.description),
  );
  for (const r of d.rects)
    root.append(
      svg("rect", {
        class: `ex-topo__${r.kind}`,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        rx: r.kind === "nic" ? 6 : 10,
      }),
    );
  for (const t of d.texts) {
    const text = svg("text", { class: `ex-topo__${t.role}`, x: t.x, y: t.y, "text-anchor": t.anchor });
    if (t.text !== t.full) text.append(svg("title", {}, t.full));
    text.append(document.createTextNode(t.text));
    root.append(text);
  }
  for (const b of d.badges) {
    const g = svg("g", { class: `ex-topo__badge ex-topo__badge--${b.level}` });
    g.append(
      svg("title", {}, `NSG ${b.nsg} on the ${b.level === "nic" ? "NIC" : "subnet"}`),
      svg("rect", { x: b.x, y: b.y, width: b.width, height: b.height, rx: b.height / 2 }),
      svg("text", { x: b.x + 7, y: b.y + b.height / 2 + 4 }, b.text),
    );
    root.append(g);
  }
  const notes = caption.map((line) => {
    const p = document.createElement("p");
    p.className = "pg-note";
    p.dataset.builtNote = "";
    p.textContent = line;
    return p;
  });
  container.replaceChildren(root, ...notes);
}

import { parseDataTree, type DataTree } from "../formats/data-tree.ts";
import { startsLikeJson } from "../formats/sniff.ts";
import { capIssues } from "../cap-issues.ts";
import type { LocatedIssue } from "../formats/source-span.ts";
import type { SubscriptionType, Topology } from "../nsg/topology-schema.ts";
import { validateTopology } from "../nsg/validate-topology.ts";
import { fromZodError } from "../nsg/zod-issues.ts";
import type { Issue } from "../result.ts";
import { scenarioDocumentSchema, type NamedFlow } from "./scenario-schema.ts";

/**
 * Reads the playground's scenario text (YAML or JSON, or a whole exercise file) into a
 * validated network. Every problem carries its line and column, for editor markers.
 */

export type ScenarioFormat = "json" | "yaml";

export interface ScenarioDocument {
  format: ScenarioFormat;
  title?: string;
  subscription: SubscriptionType;
  topology: Topology;
  /** Sample flows: the document's `flows`, then an exercise file's expectations. */
  flows: NamedFlow[];
}

export type ScenarioResult = { ok: true; value: ScenarioDocument } | { ok: false; errors: LocatedIssue[] };

/** The same test parseDataTree applies: JSON when the text starts like JSON. */
export function scenarioFormat(text: string): ScenarioFormat {
  return startsLikeJson(text) ? "json" : "yaml";
}

/** Unknown properties point at the key; everything else at the value. */
function locate(tree: DataTree, issue: Issue): LocatedIssue {
  const span = issue.message.startsWith("unknown property")
    ? tree.keySpanAt(issue.path)
    : tree.spanAt(issue.path);
  return { ...issue, ...(span ? { span } : {}) };
}

export function parseScenario(text: string): ScenarioResult {
  const format = scenarioFormat(text);
  if (text.trim() === "") {
    return {
      ok: false,
      errors: [
        {
          message:
            "The scenario is empty: write { subscription, topology: { vnets, vms, nsgs } } or load an exercise",
          path: [],
          span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        },
      ],
    };
  }
  const tree = parseDataTree(text, format);
  if (!tree.ok) return tree;
  const data = tree.value.value;
  if (data !== null && typeof data === "object" && !Array.isArray(data) && !("topology" in data)) {
    const looksBare = ["vnets", "vms", "nsgs"].some((k) => k in data);
    return {
      ok: false,
      errors: [
        locate(tree.value, {
          message: looksBare
            ? "topology is missing: put vnets, vms, asgs and nsgs under a topology: key"
            : "topology is missing: a scenario needs topology: { vnets, vms, nsgs }",
          path: [],
        }),
      ],
    };
  }
  const parsed = scenarioDocumentSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, errors: capIssues(fromZodError(parsed.error)).map((i) => locate(tree.value, i)) };
  const doc = parsed.data;
  const issues = validateTopology(doc.topology).map((i) => ({ ...i, path: ["topology", ...i.path] }));
  if (issues.length > 0) return { ok: false, errors: capIssues(issues).map((i) => locate(tree.value, i)) };
  return {
    ok: true,
    value: {
      format,
      ...(doc.title !== undefined ? { title: doc.title } : {}),
      subscription: doc.subscription,
      topology: doc.topology,
      flows: [...doc.flows, ...(doc.expectations ?? [])],
    },
  };
}

import { parseDataTree, type DataTree } from "../formats/data-tree.ts";
import { startsLikeJson } from "../formats/sniff.ts";
import { capIssues } from "../cap-issues.ts";
import type { SubscriptionType, Topology } from "../nsg/topology-schema.ts";
import { validateTopology } from "../nsg/validate-topology.ts";
import { parseSchema } from "../nsg/zod-issues.ts";
import { fail, ok, type Issue, type Result } from "../result.ts";
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

export type ScenarioResult = Result<ScenarioDocument>;

/** The same test parseDataTree applies: JSON when the text starts like JSON. */
export function scenarioFormat(text: string): ScenarioFormat {
  return startsLikeJson(text) ? "json" : "yaml";
}

/** Unknown properties point at the key; everything else at the value. */
function locate(tree: DataTree, issue: Issue): Issue {
  const span = issue.code === "unknown-field" ? tree.keySpanAt(issue.path) : tree.spanAt(issue.path);
  return { ...issue, ...(span ? { span } : {}) };
}

/**
 * The last text read, its tree and its result. The playground reads one text in steps (its boot
 * warms the reader, then the schemas, then compiles, a task each) and refreshes unchanged texts:
 * each step takes what the one before made instead of reading the text again. Neither tree nor
 * result is ever changed by a reader.
 */
let lastTree: { text: string; tree: ReturnType<typeof parseDataTree> } | undefined;
let lastResult: { text: string; result: ScenarioResult } | undefined;

/** The scenario text's tree: parseScenario's first step, kept for it. */
export function scenarioTree(text: string): ReturnType<typeof parseDataTree> {
  if (lastTree?.text !== text) lastTree = { text, tree: parseDataTree(text, scenarioFormat(text)) };
  return lastTree.tree;
}

export function parseScenario(text: string): ScenarioResult {
  if (lastResult?.text !== text) lastResult = { text, result: readScenario(text) };
  return lastResult.result;
}

function readScenario(text: string): ScenarioResult {
  const format = scenarioFormat(text);
  if (text.trim() === "") {
    return fail([
      {
        code: "empty-document",
        message:
          "The scenario is empty: write { subscription, topology: { vnets, vms, nsgs } } or load an exercise",
        path: [],
        span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
    ]);
  }
  const tree = scenarioTree(text);
  if (!tree.ok) return tree;
  const data = tree.value.value;
  if (data !== null && typeof data === "object" && !Array.isArray(data) && !("topology" in data)) {
    const looksBare = ["vnets", "vms", "nsgs"].some((k) => k in data);
    return fail([
      locate(tree.value, {
        code: "missing-field",
        message: looksBare
          ? "topology is missing: put vnets, vms, asgs and nsgs under a topology: key"
          : "topology is missing: a scenario needs topology: { vnets, vms, nsgs }",
        path: [],
      }),
    ]);
  }
  const parsed = parseSchema(scenarioDocumentSchema, data);
  if (!parsed.ok) return fail(capIssues(parsed.errors).map((i) => locate(tree.value, i)));
  const doc = parsed.value;
  const issues = validateTopology(doc.topology).map((i) => ({ ...i, path: ["topology", ...i.path] }));
  if (issues.length > 0) return fail(capIssues(issues).map((i) => locate(tree.value, i)));
  return ok({
    format,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    subscription: doc.subscription,
    topology: doc.topology,
    flows: [...doc.flows, ...(doc.expectations ?? [])],
  });
}

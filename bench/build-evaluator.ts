/** A benchmark scenario's evaluator, built as the site builds one: schema, validation, network. */
import { createEvaluator, parseTopology, type Evaluator, type TopologyInput } from "../src/lib/nsg/index.ts";

export function buildEvaluator(topology: TopologyInput): Evaluator {
  const parsed = parseTopology(topology);
  if (!parsed.ok)
    throw new Error(`benchmark topology is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const evaluator = createEvaluator(parsed.value);
  if (!evaluator.ok)
    throw new Error(`benchmark topology is invalid: ${JSON.stringify(evaluator.errors.slice(0, 3))}`);
  return evaluator.value;
}

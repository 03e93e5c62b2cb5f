import { fail, ok, type Result } from "../result.ts";
import { CompiledNsgCache } from "./compiled-nsg-cache.ts";
import { evaluateFlow, type VerdictResult } from "./evaluate-flow.ts";
import { resolvePath, type FlowPath } from "./flow-path.ts";
import { canonicalFlow, flowSchema, type FlowInput } from "./flow-schema.ts";
import { buildNetwork, type Network } from "./network.ts";
import { topologySchema, type SubscriptionType, type Topology } from "./topology-schema.ts";
import { validateTopology, type ValidateOptions } from "./validate-topology.ts";
import { parseSchema } from "./zod-issues.ts";

/**
 * The evaluator's front door: validate a topology once, then evaluate as many flows as needed.
 * NSGs are compiled lazily and cached, so a batch of flows pays for compilation once.
 */
export interface Evaluator {
  readonly network: Network;
  readonly cache: CompiledNsgCache;
  evaluate(flow: FlowInput): VerdictResult;
  /**
   * The gates between two endpoints, for asking about many flows between them at once
   * (`path.access(protocol, sourcePort, port)`): what the semantic comparison walks per cell.
   */
  path(from: string, to: string): Result<FlowPath>;
}

/** Parses and validates raw topology data (as read from a scenario file). */
export function parseTopology(input: unknown): Result<Topology> {
  const parsed = parseSchema(topologySchema, input);
  if (!parsed.ok) return parsed;
  const issues = validateTopology(parsed.value);
  return issues.length > 0 ? fail(issues) : parsed;
}

export function createEvaluator(
  topology: Topology,
  subscription: SubscriptionType = "pay-as-you-go",
  options: ValidateOptions = {},
): Result<Evaluator> {
  const issues = validateTopology(topology, options);
  if (issues.length > 0) return fail(issues);
  const network = buildNetwork(topology, subscription);
  const cache = new CompiledNsgCache(network);
  return ok({
    network,
    cache,
    evaluate(input: FlowInput): VerdictResult {
      const canonical = canonicalFlow(input);
      if (canonical) return evaluateFlow(network, cache, canonical);
      const flow = parseSchema(flowSchema, input);
      return flow.ok ? evaluateFlow(network, cache, flow.value) : flow;
    },
    path: (from, to) => resolvePath(network, cache, from, to),
  });
}

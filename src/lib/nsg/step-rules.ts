import type { CompiledRule } from "./compile.ts";
import type { Evaluator } from "./evaluator.ts";
import type { NsgStep } from "./verdict.ts";

/**
 * The compiled rules an NSG step was decided by, in evaluation order: that NSG's rules for the
 * step's direction, as seen from the NIC's VNet (tags resolve per VNet). Empty when the NSG is
 * not in this network.
 */
export function rulesOfStep(evaluator: Evaluator, step: NsgStep): readonly CompiledRule[] {
  const vnet = evaluator.network.nicsByName.get(step.nic)?.vnet.name;
  const compiled = vnet !== undefined ? evaluator.cache.get(step.nsg, vnet) : undefined;
  return (step.direction === "Inbound" ? compiled?.inbound : compiled?.outbound) ?? [];
}

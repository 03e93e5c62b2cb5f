import type { Offsets } from "./arg-parser.ts";
import { closestMatch } from "../../text/closest-match.ts";
import { nicUpdate, subnetUpdate } from "./association-commands.ts";
import type { AzCommand } from "./command.ts";
import { nsgCreate, nsgRuleCreate, nsgRuleDelete, nsgRuleUpdate } from "./nsg-commands.ts";
import {
  asgCreate,
  nicCreate,
  nicIpConfigUpdate,
  publicIpCreate,
  subnetCreate,
  vnetCreate,
} from "./network-commands.ts";
import { ipFlowTest } from "./ip-flow-command.ts";
import { vmOpenPort } from "./open-port.ts";
import { vnetPeeringCreate } from "./peering-command.ts";
import { groupCreate, groupDelete } from "./resource-group-commands.ts";
import { vmCreate } from "./vm-create.ts";
import type { Word } from "./shell-words.ts";

/** The az commands NSG Lab runs, and how a statement's leading words find one of them. */
export const COMMANDS: readonly AzCommand[] = [
  nsgCreate,
  nsgRuleCreate,
  nsgRuleUpdate,
  nsgRuleDelete,
  nicUpdate,
  subnetUpdate,
  vmOpenPort,
  vnetCreate,
  subnetCreate,
  asgCreate,
  publicIpCreate,
  nicCreate,
  nicIpConfigUpdate,
  vmCreate,
  vnetPeeringCreate,
  ipFlowTest,
  groupCreate,
  groupDelete,
];

const SUPPORTED =
  "az network nsg create, az network nsg rule create|update|delete, az network vnet create, az network vnet subnet create|update, az network vnet peering create, az network asg create, az network public-ip create, az network nic create|update, az network nic ip-config update, az vm create and az vm open-port (and it notes az group create|delete and az network watcher test-ip-flow)";

type Resolved =
  | { command: AzCommand; argsFrom: number; nameSpan: Offsets }
  | { error: string; code: "unsupported-az-command"; at: Offsets };

/** Group path → the words that may follow it ("network nsg" → ["create", "rule"]). */
const CHILDREN = new Map<string, Set<string>>();
for (const { path } of COMMANDS) {
  const parts = path.split(" ");
  parts.forEach((part, i) => {
    const group = parts.slice(0, i).join(" ");
    if (!CHILDREN.has(group)) CHILDREN.set(group, new Set());
    CHILDREN.get(group)!.add(part);
  });
}

/** Finds the command named by words[1..] (words[0] is `az`). */
export function resolveCommand(words: readonly Word[]): Resolved {
  const az = words[0]!;
  let path = "";
  let i = 1;
  for (; i < words.length; i++) {
    const word = words[i]!.text;
    const children = CHILDREN.get(path);
    if (!children || !children.has(word)) break;
    path = path ? `${path} ${word}` : word;
    const command = COMMANDS.find((c) => c.path === path);
    if (command) return { command, argsFrom: i + 1, nameSpan: { start: az.start, end: words[i]!.end } };
  }
  // Collect the rest of the command name (words up to the first option) for the message.
  let j = i;
  while (j < words.length && !words[j]!.text.startsWith("-")) j++;
  const named = words
    .slice(0, Math.max(j, 2))
    .map((w) => w.text)
    .join(" ");
  const at = { start: az.start, end: words[Math.max(j, 2) - 1]?.end ?? az.end };
  const next = words[i]?.text;
  const siblings = [...(CHILDREN.get(path) ?? [])];
  const close = next === undefined ? undefined : closestMatch(next, siblings, 2);
  if (path && next !== undefined && !next.startsWith("-") && close) {
    return {
      code: "unsupported-az-command",
      error: `'${next}' is not in the 'az ${path}' command group (did you mean '${close}'?)`,
      at: { start: words[i]!.start, end: words[i]!.end },
    };
  }
  const code = "unsupported-az-command";
  if (words.length === 1) return { code, error: `"az" needs a command; NSG Lab runs ${SUPPORTED}`, at };
  return { code, error: `"${named}" is not one of the commands NSG Lab runs: ${SUPPORTED}`, at };
}

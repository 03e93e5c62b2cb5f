import type { SourceSpan } from "../result.ts";

/**
 * What a script asks of Azure besides rules and network resources, in a shape no shell owns: the
 * resource groups it creates and deletes, and the Network Watcher IP flow verify tests it runs
 * (`az network watcher test-ip-flow`, `Test-AzNetworkWatcherIPFlow`). None of them changes the
 * network NSG Lab builds; they are read, their arguments checked, and kept here so a caller can
 * see what the script would do on a subscription (the verification scripts' tests read them).
 *
 * A step with `cleanup` runs as the script's clean-up: in a Bash `trap … EXIT` handler or a
 * PowerShell `finally` block, which run when the script ends, also when a command fails.
 */
export type AzureStep = ResourceGroupStep | IpFlowVerifyStep;

/** Where a script's clean-up was set up (the `trap`, the `try`): a failure after it still runs it. */
export interface CleanupScope {
  armedAt: SourceSpan;
}

export interface ResourceGroupStep {
  kind: "resource-group";
  action: "create" | "delete";
  name: string;
  span: SourceSpan;
  cleanup?: CleanupScope;
}

/** One end of an IP flow verify packet: an address and a port (a number, or `*`). */
export interface FlowEnd {
  ip: string;
  port: string;
}

/**
 * IP flow verify judges one packet at one VM's NIC in one direction (Learn, "IP flow verify
 * overview"): `local` is the VM's own end, `remote` the other.
 */
export interface IpFlowVerifyStep {
  kind: "ip-flow-verify";
  vm: string;
  /** The NIC named; absent when the script leaves it to Azure (the VM's primary NIC). */
  nic?: string;
  direction: "Inbound" | "Outbound";
  protocol: "TCP" | "UDP";
  local: FlowEnd;
  remote: FlowEnd;
  span: SourceSpan;
  cleanup?: CleanupScope;
}

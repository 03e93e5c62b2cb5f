import { parseIp } from "../../nsg/ip.ts";
import type { FlowEnd } from "../azure-steps.ts";
import { ignored } from "./cmdlet-args.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { textOf } from "./params.ts";
import { vmNamed } from "./resource-cmdlets.ts";

/**
 * Test-AzNetworkWatcherIPFlow: Network Watcher's IP flow verify for one packet at one VM's NIC
 * (Learn, "IP flow verify overview"; the cmdlet's reference for its parameter sets). It changes
 * nothing, so it is noted, as before; its parameters are checked and the test recorded as an
 * Azure step. Which Network Watcher runs it (-NetworkWatcher, -NetworkWatcherName with
 * -ResourceGroupName, or -Location) is not modelled: one of them must be given, and is not read.
 * Azure's answer comes when the test runs, so the result's Access and RuleName are $null here.
 * The API needs both ports (VerificationIPFlowParameters), so -RemotePort is required too.
 */

const NAME = "Test-AzNetworkWatcherIPFlow";
const DIRECTIONS = ["Inbound", "Outbound"] as const;
const PROTOCOLS = ["TCP", "UDP"] as const;
const WATCHER = ["NetworkWatcher", "NetworkWatcherName", "Location"];

function choice<T extends string>(ctx: CmdletContext, param: string, allowed: readonly T[]): T | undefined {
  const value = textOf(NAME, param, ctx.bound.get(param), ctx.report);
  if (!value) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === value.text.toLowerCase());
  if (!found)
    ctx.report(
      "invalid-argument-value",
      `${NAME}: -${param} takes ${allowed.join(" or ")}, not "${value.text}"`,
      value.at,
    );
  return found;
}

function flowEnd(ctx: CmdletContext, side: "Local" | "Remote"): FlowEnd | undefined {
  const ip = textOf(NAME, `${side}IPAddress`, ctx.bound.get(`${side}IPAddress`), ctx.report);
  const port = textOf(NAME, `${side}Port`, ctx.bound.get(`${side}Port`), ctx.report);
  if (!ip || !port) return undefined;
  if (!parseIp(ip.text).ok) {
    ctx.report("invalid-argument-value", `${NAME}: -${side}IPAddress takes one IP address`, ip.at);
    return undefined;
  }
  if (port.text !== "*" && !(/^\d{1,5}$/.test(port.text) && Number(port.text) <= 65535)) {
    ctx.report("invalid-argument-value", `${NAME}: -${side}Port takes a port from 0 to 65535, or *`, port.at);
    return undefined;
  }
  return { ip: ip.text, port: port.text };
}

export const testIpFlow: Cmdlet = {
  name: NAME,
  params: [
    ...WATCHER.map((n) => ignored(n)),
    ignored("ResourceGroupName"),
    { name: "TargetVirtualMachineId", kind: "value", mandatory: true },
    { name: "TargetNetworkInterfaceId", kind: "value" },
    { name: "Direction", kind: "value", mandatory: true },
    { name: "Protocol", kind: "value", mandatory: true },
    { name: "LocalIPAddress", kind: "value", mandatory: true },
    { name: "LocalPort", kind: "value", mandatory: true },
    { name: "RemoteIPAddress", kind: "value", mandatory: true },
    { name: "RemotePort", kind: "value", mandatory: true },
    ignored("AsJob", "switch"),
  ],
  run(ctx) {
    if (!WATCHER.some((p) => ctx.bound.has(p))) {
      ctx.report(
        "missing-argument",
        `${NAME}: give the Network Watcher to run it with: -NetworkWatcher, -NetworkWatcherName and -ResourceGroupName, or -Location`,
        ctx.command,
      );
      return undefined;
    }
    const direction = choice(ctx, "Direction", DIRECTIONS);
    const protocol = choice(ctx, "Protocol", PROTOCOLS);
    const local = flowEnd(ctx, "Local");
    const remote = flowEnd(ctx, "Remote");
    const vmIdText = textOf(
      NAME,
      "TargetVirtualMachineId",
      ctx.bound.get("TargetVirtualMachineId"),
      ctx.report,
    );
    if (!direction || !protocol || !local || !remote || !vmIdText) return undefined;
    const vm = vmNamed(ctx, vmIdText.text);
    if (!vm) {
      ctx.report(
        "vm-not-found",
        `${NAME}: -TargetVirtualMachineId names no VM of this network ("${vmIdText.text}"); take it from (Get-AzVM -Name …).Id`,
        vmIdText.at,
      );
      return undefined;
    }
    const nicBound = ctx.bound.get("TargetNetworkInterfaceId");
    const nicId = nicBound && textOf(NAME, "TargetNetworkInterfaceId", nicBound, ctx.report);
    if (nicBound && !nicId) return undefined;
    const nicName = nicId ? namesInId(nicId.text, "networkInterfaces")?.[0] : undefined;
    const nic = nicName && vm.nics.find((n) => n.toLowerCase() === nicName.toLowerCase());
    if (nicId && !nic) {
      ctx.report(
        "unknown-nic",
        `${NAME}: -TargetNetworkInterfaceId is not the ID of a NIC of VM "${vm.name}" (its NICs: ${vm.nics.join(", ")})`,
        nicId.at,
      );
      return undefined;
    }
    ctx.report(
      "cmdlet-noted",
      `${NAME} checks one flow in Azure (here, the exercise's checks and the playground's tracer do that): it changes no NSG rule, so NSG Lab notes it and goes on`,
      ctx.nameAt,
      "warning",
    );
    ctx.state.recordStep((span) => ({
      kind: "ip-flow-verify",
      vm: vm.name,
      ...(nic ? { nic } : {}),
      direction,
      protocol,
      local,
      remote,
      span: span(ctx.command),
    }));
    return { kind: "ipflow", at: ctx.command };
  },
};

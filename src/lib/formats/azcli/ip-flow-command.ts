import { parseIp } from "../../nsg/ip.ts";
import type { FlowEnd } from "../azure-steps.ts";
import type { ArgValue } from "./arg-parser.ts";
import type { AzCommand, CommandContext } from "./command.ts";
import { nameFromIdOrName, parseResourceId } from "./resource-ids.ts";

/**
 * `az network watcher test-ip-flow`: Network Watcher's IP flow verify for one packet at one VM's
 * NIC (Learn, "IP flow verify overview"). It changes nothing, so it is noted, as before; its
 * arguments are checked as az checks them, and the test is recorded as an Azure step for whoever
 * wants to know what the script asks Azure (the verification scripts' tests).
 *
 * azure-cli's `check_nw_ip_flow` splits `--local` and `--remote` at their one colon into an
 * address and a port, so they are `X.X.X.X:PORT` (an IPv6 address has colons of its own and
 * cannot be given); `--vm` is a name with `--resource-group`, or an ID; `--nic` a name or ID of one
 * of the VM's NICs (without it, Azure tests the primary NIC).
 */

const DIRECTIONS = ["Inbound", "Outbound"] as const;
const PROTOCOLS = ["TCP", "UDP"] as const;

function choice<T extends string>(
  ctx: CommandContext,
  key: string,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  const value = ctx.args.get(key)!.values[0]!;
  const found = allowed.find((a) => a.toLowerCase() === value.text.toLowerCase());
  if (!found)
    ctx.report(
      "invalid-argument-value",
      `argument ${flag}: invalid choice: '${value.text}' (choose from ${allowed.map((a) => `'${a}'`).join(", ")})`,
      value,
    );
  return found;
}

function flowEnd(ctx: CommandContext, key: string, flag: string): FlowEnd | undefined {
  const value = ctx.args.get(key)!.values[0]!;
  const parts = value.text.split(":");
  const [ip = "", port = ""] = parts;
  const address = parseIp(ip);
  const number = Number(port);
  const portOk = port === "*" || (/^\d{1,5}$/.test(port) && number <= 65535);
  if (parts.length !== 2 || !address.ok || address.value.family !== 4 || !portOk) {
    ctx.report(
      "invalid-argument-value",
      `${flag} takes an IPv4 address and a port as X.X.X.X:PORT (az splits it at the colon)${parts.length > 2 ? "; an IPv6 address cannot be tested with az" : ""}`,
      value,
    );
    return undefined;
  }
  return { ip, port };
}

/** The VM `--vm` names (a name with -g, or an ID), as the script's network has it. */
function vmOf(ctx: CommandContext, value: ArgValue) {
  const id = parseResourceId(value.text);
  if (id && (id.types.length !== 1 || id.types[0] !== "virtualmachines")) {
    ctx.report("invalid-resource-id", `"${value.text}" is not a virtual machine's resource ID`, value);
    return undefined;
  }
  if (!id && !ctx.args.has("resourceGroup")) {
    ctx.report("missing-argument", "usage error: --vm NAME --resource-group NAME | --vm ID", value);
    return undefined;
  }
  const vm = ctx.state.net.vm(nameFromIdOrName(value.text));
  if (!vm) {
    const known = ctx.state.net.vms.map((v) => v.name);
    ctx.report(
      "vm-not-found",
      `VM "${nameFromIdOrName(value.text)}" was not found${known.length ? ` (VMs: ${known.join(", ")})` : ""}`,
      value,
    );
  }
  return vm;
}

export const ipFlowTest: AzCommand = {
  path: "network watcher test-ip-flow",
  args: [
    { key: "vm", names: ["--vm"], kind: "value", required: true },
    { key: "direction", names: ["--direction"], kind: "value", required: true },
    { key: "protocol", names: ["--protocol"], kind: "value", required: true },
    { key: "local", names: ["--local"], kind: "value", required: true },
    { key: "remote", names: ["--remote"], kind: "value", required: true },
    { key: "nic", names: ["--nic"], kind: "value" },
    { key: "resourceGroup", names: ["--resource-group", "-g"], kind: "value" },
  ],
  run(ctx) {
    const absent = this.args.filter((a) => a.required && !ctx.args.has(a.key));
    if (absent.length > 0) {
      ctx.report(
        "missing-argument",
        `the following arguments are required: ${absent.map((a) => a.names[0]).join(", ")}`,
        ctx.nameSpan,
      );
      return;
    }
    const direction = choice(ctx, "direction", "--direction", DIRECTIONS);
    const protocol = choice(ctx, "protocol", "--protocol", PROTOCOLS);
    const local = flowEnd(ctx, "local", "--local");
    const remote = flowEnd(ctx, "remote", "--remote");
    const vm = vmOf(ctx, ctx.args.get("vm")!.values[0]!);
    if (!direction || !protocol || !local || !remote || !vm) return;
    const nicValue = ctx.args.get("nic")?.values[0];
    const nic =
      nicValue && vm.nics.find((n) => n.toLowerCase() === nameFromIdOrName(nicValue.text).toLowerCase());
    if (nicValue && !nic) {
      ctx.report(
        "unknown-nic",
        `NIC "${nameFromIdOrName(nicValue.text)}" is not a NIC of VM "${vm.name}" (its NICs: ${vm.nics.join(", ")})`,
        nicValue,
      );
      return;
    }
    ctx.report(
      "az-command-noted",
      `"az network watcher test-ip-flow" checks one flow in Azure (here, the exercise's checks and the playground's tracer do that): it changes no NSG rule, so NSG Lab notes it and goes on`,
      ctx.nameSpan,
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
      span: span(ctx.span),
    }));
  },
};

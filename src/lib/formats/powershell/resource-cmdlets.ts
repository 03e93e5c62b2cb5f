import { ignored } from "./cmdlet-args.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import { namesInId, vmId } from "./ids.ts";
import { textOf } from "./params.ts";
import { collect, type PsValue } from "./values.ts";

/**
 * The Az.Resources and Az.Compute cmdlets a script runs around the network: New-AzResourceGroup
 * and Remove-AzResourceGroup (its set-up and clean-up), noted as before and recorded as Azure
 * steps (azure-steps.ts); and Get-AzVM, whose object NSG Lab reads for its `.Id` (what
 * Test-AzNetworkWatcherIPFlow takes).
 */

const NAME = { name: "Name", kind: "value", mandatory: true, aliases: ["ResourceGroupName"] } as const;

function noteGroup(ctx: CmdletContext, cmdlet: string, action: "create" | "delete", why: string): PsValue {
  const name = textOf(cmdlet, "Name", ctx.bound.get("Name"), ctx.report);
  ctx.report(
    "cmdlet-noted",
    `${cmdlet} ${why}: it changes no NSG rule, so NSG Lab notes it and goes on`,
    ctx.nameAt,
    "warning",
  );
  if (name)
    ctx.state.recordStep((span) => ({
      kind: "resource-group",
      action,
      name: name.text,
      span: span(ctx.command),
    }));
  return { kind: "null", at: ctx.command };
}

const newResourceGroup: Cmdlet = {
  name: "New-AzResourceGroup",
  params: [
    NAME,
    { name: "Location", kind: "value", mandatory: true },
    ignored("Tag"),
    ignored("ApiVersion"),
    ignored("Force", "switch"),
    ignored("Pre", "switch"),
  ],
  run(ctx) {
    return noteGroup(ctx, this.name, "create", "creates the resource group, which the scenario already has");
  },
};

const removeResourceGroup: Cmdlet = {
  name: "Remove-AzResourceGroup",
  params: [
    NAME,
    ignored("ApiVersion"),
    ignored("Force", "switch"),
    ignored("AsJob", "switch"),
    ignored("Pre", "switch"),
  ],
  run(ctx) {
    return noteGroup(
      ctx,
      this.name,
      "delete",
      "deletes the resource group and everything in it (a tutorial's clean-up step); NSG Lab keeps the network so you can go on tracing",
    );
  },
};

/** Get-AzVM: one VM by -Name, or every VM; each a reference holding its ID. */
const getVm: Cmdlet = {
  name: "Get-AzVM",
  params: [
    { name: "Name", kind: "value" },
    { name: "ResourceGroupName", kind: "value" },
    ignored("Status", "switch"),
    ignored("DisplayHint"),
    ignored("UserData", "switch"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    if (ctx.bound.has("Name") && !name) return undefined;
    const net = ctx.state.net;
    const ref = (vm: string): PsValue => ({ kind: "ref", ref: { id: vmId(vm, rg?.text) }, at: ctx.command });
    if (!name)
      return collect(
        net.vms.map((v) => ref(v.name)),
        ctx.command,
      );
    const vm = net.vm(name.text);
    if (!vm) {
      const known = net.vms.map((v) => v.name);
      ctx.report(
        "vm-not-found",
        `${this.name}: VM "${name.text}" was not found${known.length ? ` (VMs: ${known.join(", ")})` : ""}`,
        name.at,
      );
      return undefined;
    }
    return ref(vm.name);
  },
};

/** The VM an ID names, when the script's network has it (for cmdlets that take -…VirtualMachineId). */
export const vmNamed = (ctx: CmdletContext, id: string) => {
  const name = namesInId(id, "virtualMachines")?.[0];
  return name === undefined ? undefined : ctx.state.net.vm(name);
};

export const RESOURCE_CMDLETS: readonly Cmdlet[] = [newResourceGroup, removeResourceGroup, getVm];

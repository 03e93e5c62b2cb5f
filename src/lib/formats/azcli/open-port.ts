import { IDS, RESOURCE_GROUP, targets, type AzCommand } from "./command.ts";
import type { FieldGroup, FieldSource } from "./script-state.ts";
import { commaItems, orderRule, parsePriority } from "./rule-args.ts";

/**
 * `az vm open-port`, as azure-cli's vm module implements it (custom.py open_vm_port): one
 * inbound Allow rule, any protocol, any source, on the NSG of the VM's NIC (or of its subnet
 * with --apply-to-subnet). Priority defaults to 900. The rule is named `open-port-<port>`, or
 * `open-port-all` for `*`; a comma-separated list (supported since azure-cli 2.21) becomes
 * destination port ranges and its commas become underscores in the name.
 */

const DEFAULT_PRIORITY = 900;

export const vmOpenPort: AzCommand = {
  path: "vm open-port",
  args: [
    { key: "name", names: ["--name", "-n"], kind: "value", required: true, idPart: true },
    RESOURCE_GROUP,
    IDS,
    { key: "port", names: ["--port"], kind: "value", required: true },
    { key: "priority", names: ["--priority"], kind: "value" },
    { key: "nsgName", names: ["--nsg-name"], kind: "value" },
    { key: "applyToSubnet", names: ["--apply-to-subnet"], kind: "flag" },
  ],
  idTypes: ["virtualmachines"],
  run(ctx) {
    for (const { names } of targets(this, ctx, ["name"]) ?? []) {
      const vmName = names[0]!;
      const vms = ctx.state.options.vmNsgs ?? {};
      const vmKey = Object.keys(vms).find((k) => k.toLowerCase() === vmName.text.toLowerCase());
      if (vmKey === undefined) {
        const known = Object.keys(vms);
        ctx.report(
          "vm-not-found",
          `VM "${vmName.text}" was not found in this exercise${known.length ? ` (VMs: ${known.join(", ")})` : ""}`,
          vmName,
        );
        continue;
      }
      const level = ctx.args.has("applyToSubnet") ? "subnet" : "nic";
      const nsgName = vms[vmKey]![level];
      if (!nsgName) {
        // az would create a new NSG here, named by --nsg-name or after the VM with a hash of its
        // resource ID; the lab cannot attach an NSG to a NIC or subnet it does not know by name.
        ctx.report(
          "vm-without-nsg",
          `VM "${vmKey}" has no NSG on its ${level === "nic" ? "network interface" : "subnet"}; create one with az network nsg create and associate it first`,
          vmName,
        );
        continue;
      }
      const nsg = ctx.state.nsgForRules(nsgName, vmName, ctx.span, ctx.report);
      if (!nsg) continue;
      const port = ctx.args.get("port")!;
      const portValue = port.values[0]!;
      const priorityArg = ctx.args.get("priority");
      const priority = priorityArg
        ? parsePriority(priorityArg.values[0]!, "--priority", ctx.report)
        : DEFAULT_PRIORITY;
      if (priority === undefined) return;
      const items =
        portValue.text === "*"
          ? [{ text: "*", at: { start: portValue.start, end: portValue.end } }]
          : commaItems(portValue);
      const rule: Record<string, unknown> = {
        name: portValue.text === "*" ? "open-port-all" : `open-port-${portValue.text.replaceAll(",", "_")}`,
        priority,
        direction: "Inbound",
        access: "Allow",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
      };
      if (items.length === 1) rule.destinationPortRange = items[0]!.text;
      else rule.destinationPortRanges = items.map((i) => i.text);
      const portSource: FieldSource = { span: portValue, items: items.map((i) => i.at) };
      const fields = new Map<FieldGroup, FieldSource>([
        ["name", portSource],
        ["destinationPortRange", portSource],
      ]);
      if (priorityArg) fields.set("priority", { span: priorityArg.values[0]!, items: [] });
      ctx.state.putRule(nsg, orderRule(rule), { command: ctx.span, fields });
    }
  },
};

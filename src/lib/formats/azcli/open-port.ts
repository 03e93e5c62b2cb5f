import type { Offsets } from "./arg-parser.ts";
import { IDS, RESOURCE_GROUP, targets, type AzCommand, type CommandContext } from "./command.ts";
import type { FieldGroup, FieldSource } from "./script-state.ts";
import { commaItems, orderRule, parsePriority } from "./rule-args.ts";

/**
 * `az vm open-port`, as azure-cli's vm module implements it (custom.py open_vm_port): one
 * inbound Allow rule, any protocol, any source, on the NSG of the VM's NIC (or of its subnet
 * with --apply-to-subnet). Priority defaults to 900. The rule is named `open-port-<port>`, or
 * `open-port-all` for `*`; a comma-separated list (supported since azure-cli 2.21) becomes
 * destination port ranges and its commas become underscores in the name. With no NSG at that
 * level, az creates one and attaches it (open_vm_port's "get existing NSG or create a new one").
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
      const vm = ctx.state.net.vm(vmName.text);
      if (!vm) {
        const known = ctx.state.net.vms.map((v) => v.name);
        ctx.report(
          "vm-not-found",
          `VM "${vmName.text}" was not found${known.length ? ` (VMs: ${known.join(", ")})` : ""}`,
          vmName,
        );
        continue;
      }
      if (vm.nics.length > 1) {
        ctx.report(
          "vm-multiple-nics",
          `VM "${vm.name}" has ${vm.nics.length} NICs, and az vm open-port refuses those ("Multiple NICs is not supported for this command"); create the rule on the NSG with az network nsg rule create`,
          vmName,
        );
        continue;
      }
      const level = ctx.args.has("applyToSubnet") ? "subnet" : "nic";
      const placed = ctx.state.net.vmNsgs(vm);
      let nsgName = level === "nic" ? placed.nicNsg : placed.subnetNsg;
      if (nsgName === undefined) {
        if (!placed.nic) continue;
        nsgName = createNsg(ctx, vm.name, vmName);
        if (nsgName === undefined) continue;
        const target = level === "nic" ? placed.nic.name : `${placed.nic.vnet}/${placed.nic.subnet}`;
        ctx.state.associate({ level, target, nsg: nsgName }, ctx.span);
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

/**
 * A VM with no NSG at that level gets a new one, attached to its NIC (or subnet): named by
 * --nsg-name, else az's "<vm>_NSG_<8 characters of a hash of the VM's resource ID>". That hash
 * depends on the real subscription ID, so NSG Lab names it "<vm>_NSG" and says so.
 */
function createNsg(ctx: CommandContext, vm: string, at: Offsets): string | undefined {
  const given = ctx.args.get("nsgName")?.values[0];
  const name = given?.text ?? `${vm}_NSG`;
  if (!ctx.state.createNsg(name, given ?? at, ctx.span, ctx.report)) return undefined;
  if (!given)
    ctx.report(
      "invented-name",
      `VM "${vm}" has no NSG there, so az creates one named "${vm}_NSG_" and 8 characters of a hash of the VM's resource ID; NSG Lab calls it "${name}" (give --nsg-name to choose the name)`,
      at,
      "warning",
    );
  return ctx.state.knownNsg(name) ?? name;
}

import { ruleCreateCommand, shellQuote } from "../formats/export/export-az-cli.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import type { VerificationPlan } from "./ip-flow-tests.ts";
import {
  commentText,
  planFingerprint,
  RESULTS_FILE,
  scriptLimits,
  VM_IMAGE,
  VM_SIZE,
  type ScriptTarget,
} from "./script-facts.ts";

/**
 * A Bash script that builds a scenario on the learner's own subscription, runs Network Watcher's
 * IP flow verify for every testable check, writes Azure's answers to a JSON Lines file that
 * `npm run grade -- … --azure-results` (or the exercise page) compares with the simulator, and
 * deletes the resource group when it ends, on failure too (a `trap` on EXIT). It uses only what
 * the project's own az CLI reader understands (`set`, `${NAME:-default}`, `$(date +%s)`, `echo`,
 * `trap … EXIT`, the az commands), so tests/azure-verify reads it back and compares the network
 * it builds and the tests it runs with the plan.
 */

const q = shellQuote;
const RG = '"$RG"';

const continued = (command: string, args: readonly string[]) =>
  [command, ...args.map((a) => `  ${a}`)].join(" \\\n");

function buildCommands(topology: Topology): string[] {
  const out: string[] = [];
  for (const asg of topology.asgs)
    out.push(
      `az network asg create --resource-group ${RG} --name ${q(asg)} --location "$LOCATION" --output none`,
    );
  for (const nsg of topology.nsgs) {
    out.push(
      `az network nsg create --resource-group ${RG} --name ${q(nsg.name)} --location "$LOCATION" --output none`,
    );
    for (const rule of nsg.securityRules)
      out.push(`${ruleCreateCommand(nsg.name, rule, RG)} \\\n  --output none`);
  }
  for (const vnet of topology.vnets) {
    out.push(
      continued(`az network vnet create`, [
        `--resource-group ${RG}`,
        `--name ${q(vnet.name)}`,
        `--location "$LOCATION"`,
        `--address-prefixes ${vnet.addressSpace.map(q).join(" ")}`,
        `--output none`,
      ]),
    );
    for (const subnet of vnet.subnets)
      out.push(
        continued(`az network vnet subnet create`, [
          `--resource-group ${RG}`,
          `--vnet-name ${q(vnet.name)}`,
          `--name ${q(subnet.name)}`,
          `--address-prefixes ${q(subnet.addressPrefix)}`,
          ...(subnet.nsg ? [`--network-security-group ${q(subnet.nsg)}`] : []),
          `--output none`,
        ]),
      );
  }
  for (const vnet of topology.vnets)
    for (const peer of vnet.peerings)
      out.push(
        continued(`az network vnet peering create`, [
          `--resource-group ${RG}`,
          `--name ${q(`${vnet.name}-to-${peer}`)}`,
          `--vnet-name ${q(vnet.name)}`,
          `--remote-vnet ${q(peer)}`,
          `--allow-vnet-access`,
          `--output none`,
        ]),
      );
  for (const vm of topology.vms) {
    for (const nic of vm.nics) {
      const [vnetName, subnetName] = subnetOf(topology, nic.subnet);
      if (nic.publicIp)
        out.push(
          `az network public-ip create --resource-group ${RG} --name ${q(`${nic.name}-pip`)} --location "$LOCATION" --sku Standard --output none`,
        );
      out.push(
        continued(`az network nic create`, [
          `--resource-group ${RG}`,
          `--name ${q(nic.name)}`,
          `--location "$LOCATION"`,
          `--vnet-name ${q(vnetName)}`,
          `--subnet ${q(subnetName)}`,
          `--private-ip-address ${q(nic.privateIp)}`,
          ...(nic.nsg ? [`--network-security-group ${q(nic.nsg)}`] : []),
          ...(nic.asgs.length > 0 ? [`--application-security-groups ${nic.asgs.map(q).join(" ")}`] : []),
          ...(nic.publicIp ? [`--public-ip-address ${q(`${nic.name}-pip`)}`] : []),
          `--output none`,
        ]),
      );
    }
    // With --nics, az vm create makes no NSG and no public IP of its own.
    out.push(
      continued(`az vm create`, [
        `--resource-group ${RG}`,
        `--name ${q(vm.name)}`,
        `--location "$LOCATION"`,
        `--nics ${vm.nics.map((n) => q(n.name)).join(" ")}`,
        `--image "$IMAGE"`,
        `--size "$SIZE"`,
        `--admin-username azureuser`,
        `--generate-ssh-keys`,
        `--output none`,
      ]),
    );
  }
  return out;
}

/** ["vnet", "subnet"] from a NIC's "vnet/subnet" or a bare subnet name unique in the scenario. */
function subnetOf(topology: Topology, ref: string): [string, string] {
  if (ref.includes("/")) {
    const [vnet = "", subnet = ""] = ref.split("/", 2);
    return [vnet, subnet];
  }
  const vnet = topology.vnets.find((v) => v.subnets.some((s) => s.name === ref));
  return [vnet?.name ?? "", ref];
}

/**
 * One IP flow verify per test. Its answer goes straight to the results file as one JSON line:
 * JMESPath's `to_string` writes the object compactly (separators without spaces), and `-o tsv`
 * prints that string as it is, so no other tool has to join az's pretty-printed JSON. Test ids
 * are `<n>-in`/`<n>-out`, safe inside the query's quotes.
 */
function testCommands(plan: VerificationPlan): string[] {
  return plan.tests.map((t) =>
    [
      `echo ${q(`Test ${t.id}: ${t.check} (${t.direction.toLowerCase()} at ${t.vm})`)}`,
      continued("az network watcher test-ip-flow", [
        `--resource-group ${RG}`,
        `--vm ${q(t.vm)}`,
        `--nic ${q(t.nic)}`,
        `--direction ${t.direction}`,
        `--protocol ${t.protocol}`,
        `--local ${q(t.local)}`,
        `--remote ${q(t.remote)}`,
        `--query "to_string({test: '${t.id}', result: {access: access, ruleName: ruleName}})"`,
        `--output tsv >> "$OUT"`,
      ]),
    ].join("\n"),
  );
}

export function azVerificationScript(target: ScriptTarget, plan: VerificationPlan): string {
  const header = [
    "#!/usr/bin/env bash",
    `# NSG Lab: check "${commentText(target.title)}" on your own Azure subscription.`,
    ...scriptLimits(target, plan).map((line) => (line ? `# ${line}` : "#")),
  ];
  const setup = [
    "set -euo pipefail",
    "",
    `RG="\${RG:-nsglab-verify-$(date +%s)}"`,
    `LOCATION="\${LOCATION:-eastus}"`,
    `SIZE="\${SIZE:-${VM_SIZE}}"`,
    `IMAGE="\${IMAGE:-${VM_IMAGE}}"`,
    `OUT="\${OUT:-${RESULTS_FILE}}"`,
    "",
    // The trap is set once the group exists: from then on, a failing command (set -e) still
    // runs it when the script exits. Bash reads the handler when it runs, so $RG is read then.
    'az group create --name "$RG" --location "$LOCATION" --output none',
    "# Delete everything this script made when it ends, also when a command fails.",
    `trap 'echo "Deleting resource group $RG"; az group delete --name "$RG" --yes --no-wait' EXIT`,
    "",
    `echo ${q(JSON.stringify({ nsgLab: "ip-flow-verify", exercise: target.id, plan: planFingerprint(target, plan) }))} > "$OUT"`,
  ];
  return `${[
    ...header,
    ...setup,
    "",
    "# The scenario's resources",
    ...buildCommands(target.topology),
    "",
    "# IP flow verify, one test per NIC and direction each check crosses",
    ...testCommands(plan),
    "",
    `echo "Azure's answers are in $OUT: give the file to NSG Lab to compare them with the simulator."`,
  ].join("\n")}\n`;
}

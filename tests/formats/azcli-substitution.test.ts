/**
 * `$(az … --query … -o tsv)`, in the forms Microsoft's docs use, answered from the network the
 * script has so far; every other `$(…)` is refused at its place, naming what it ran.
 */
import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import { vmTopology } from "./vm-topology.ts";

const OPTIONS: AzCliOptions = {
  editable: ["web-nsg", "app-nsg"],
  initialRules: { "web-nsg": [], "app-nsg": [] },
  topology: vmTopology({ web: { nic: "web-nsg" }, app: { nic: "app-nsg" } }),
  buildNetwork: true,
};
const SUB = "00000000-0000-0000-0000-000000000000";

function parseOk(script: string, options: AzCliOptions = OPTIONS): RuleDocument {
  const result = parseAzCli(script, options);
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n"));
  return result.value;
}

function errorsOf(script: string, options: AzCliOptions = OPTIONS): string[] {
  const result = parseAzCli(script, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((e) => `${e.code} ${e.span?.line}:${e.span?.column}-${e.span?.endColumn}`);
}

describe("$(az …) the docs use", () => {
  it('feeds `az vm list --query "[].id" -o tsv` to --ids, one ID per word', () => {
    const doc = parseOk('az vm open-port --port 8080 --ids $(az vm list -g myRG --query "[].id" -o tsv)');
    expect(doc.nsgs.map((n) => [n.name, n.rules.length])).toEqual([
      ["web-nsg", 1],
      ["app-nsg", 1],
    ]);
  });

  it("sets a variable to a subnet's ID and creates a NIC in it", () => {
    const doc = parseOk(
      [
        "subnetId=$(az network vnet subnet show -g rg --vnet-name vnet -n app-subnet --query id -o tsv)",
        "echo_free=1",
        "az network nic create -g rg -n nic9 --subnet $subnetId",
      ].join("\n"),
    );
    expect(doc.network).toMatchObject([{ kind: "nic", name: "nic9", subnet: "vnet/app-subnet" }]);
  });

  it("answers show --query id and name for each kind, the IDs in -g's group", () => {
    const script = [
      "az network asg create -g rg -n asg1",
      "A=$(az network asg show -g rg -n ASG1 --query id -o tsv)",
      "N=$(az network nsg show -g my-rg -n web-nsg --query name --output tsv)",
      "V=$(az vm show -g rg -n web --query id -o tsv)",
      `az network nsg rule create -g rg --nsg-name $N -n r --priority 100 --destination-asgs $A --description "$V"`,
    ].join("\n");
    const rule = parseOk(script).nsgs[0]!.rules[0] as Record<string, unknown>;
    expect(rule.destinationApplicationSecurityGroups).toEqual([
      {
        id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg1`,
      },
    ]);
    expect(rule.description).toBe(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web`,
    );
  });

  it("lists names too, sees resources the script created, and gives the account's placeholder ID", () => {
    const doc = parseOk(
      [
        "az vm create -g rg -n vm3 --image Ubuntu2204 --nsg ''",
        'NAMES="$(az vm list --query [].name -o tsv)"',
        "SUB=$(az account show --query id -o tsv)",
        'az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --description "$NAMES $SUB"',
      ].join("\n"),
    );
    expect((doc.nsgs[0]!.rules[0] as { description: string }).description).toBe(`web\napp\nvm3 ${SUB}`);
  });

  it("reads the same in PowerShell's flavour of az scripts", () => {
    const doc = parseOk(
      '$rg = "rg"\n$id = $(az network vnet subnet show -g $rg --vnet-name vnet -n web-subnet --query id -o tsv)\naz network nic create -g $rg -n nic9 --subnet $id',
    );
    expect(doc.network).toMatchObject([{ kind: "nic", subnet: "vnet/web-subnet" }]);
  });
});

describe("$(…) NSG Lab cannot work out is an error where it is, naming it", () => {
  it("refuses other commands and other reads", () => {
    expect(errorsOf("X=$(curl -s ifconfig.me)")).toEqual(["unsupported-substitution 1:3-25"]);
    expect(errorsOf("X=$(az storage account list --query [].id -o tsv)")).toEqual([
      "unsupported-substitution 1:3-50",
    ]);
  });

  it("wants -o tsv and a --query it knows, and refuses addresses by name", () => {
    expect(errorsOf("X=$(az vm show -g rg -n web --query id)")).toEqual(["unsupported-substitution 1:3-40"]);
    expect(errorsOf("X=$(az vm show -g rg -n web -o tsv)")).toEqual(["unsupported-substitution 1:3-36"]);
    expect(errorsOf("X=$(az vm show -g rg -n web --query location -o tsv)")).toEqual([
      "unsupported-substitution 1:37-45",
    ]);
    const result = parseAzCli("IP=$(az vm show -d -g rg -n web --query publicIps -o tsv)", OPTIONS);
    expect(!result.ok && result.errors[0]!.message).toContain(
      "addresses are given out when NSG Lab builds the network",
    );
  });

  it("says when the resource a show names does not exist, at its name", () => {
    expect(errorsOf("X=$(az vm show -g rg -n ghost --query id -o tsv)")).toEqual(["vm-not-found 1:25-30"]);
    expect(
      errorsOf("X=$(az network vnet subnet show -g rg --vnet-name vnet -n nope --query id -o tsv)"),
    ).toEqual(["unknown-subnet 1:59-63"]);
  });

  it("refuses nesting, arithmetic, two commands, assignments inside and an unclosed $(", () => {
    expect(errorsOf("X=$(az vm show -n $(az vm list) --query id -o tsv)")).toEqual([
      "unsupported-shell-syntax 1:19-32",
    ]);
    expect(errorsOf("X=$((1 + 2))")).toEqual(["unsupported-shell-syntax 1:3-13"]);
    expect(errorsOf("X=$(az vm list --query [].id -o tsv; az vm list --query [].id -o tsv)")).toEqual([
      "unsupported-substitution 1:3-70",
    ]);
    expect(errorsOf("X=$(Y=1)")).toEqual(["unsupported-shell-syntax 1:5-8"]);
    expect(errorsOf("X=$(az vm list")).toEqual(["unterminated-quote 1:3-5"]);
  });

  it("keeps a quoted list as one word, which is no resource ID", () => {
    expect(errorsOf('az vm open-port --port 80 --ids "$(az vm list --query [].id -o tsv)"')).toEqual([
      "invalid-resource-id 1:33-69",
    ]);
  });
});

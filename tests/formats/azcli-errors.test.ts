import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { vmTopology } from "./vm-topology.ts";

/**
 * Every way a script can be wrong comes back as an error pointing at the offending text
 * (1-based line:column, end column exclusive, as Monaco uses).
 */

const EXERCISE: AzCliOptions = {
  editable: ["web-nsg"],
  initialRules: {
    "web-nsg": [
      {
        name: "allow-ssh",
        priority: 300,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "22",
      },
    ],
    "subnet-nsg": [],
  },
  topology: vmTopology({ "web-vm": { nic: "web-nsg", subnet: "subnet-nsg" }, "bare-vm": {} }),
};

function errorsOf(script: string, options: AzCliOptions = EXERCISE): string[] {
  const result = parseAzCli(script, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(
    (e) => `${e.span!.line}:${e.span!.column}-${e.span!.endLine}:${e.span!.endColumn} ${e.message}`,
  );
}

const OK_LINE = "az network nsg rule create -g rg --nsg-name web-nsg -n ok --priority 100";
/** The bad line is line 2, after a valid command, so positions prove line counting too. */
const second = (line: string) => errorsOf(`${OK_LINE}\n${line}`);

describe("argument errors, worded like az's", () => {
  it("missing required arguments point at the command name", () => {
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r1")).toEqual([
      "2:1-2:27 the following arguments are required: --priority",
    ]);
    expect(second("az network nsg rule create --priority 100")).toEqual([
      "2:1-2:27 the following arguments are required: --nsg-name, --name/-n, --resource-group/-g",
    ]);
    expect(second("az vm open-port -n web-vm -g rg")).toEqual([
      "2:1-2:16 the following arguments are required: --port",
    ]);
    expect(second("az network vnet subnet update -g rg -n default --nsg web-nsg")).toEqual([
      "2:1-2:30 the following arguments are required: --vnet-name",
    ]);
  });

  it("non-numeric priority points at the value", () => {
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority high")).toEqual([
      "2:70-2:74 argument --priority: invalid int value: 'high'",
    ]);
    expect(second("az vm open-port -g rg -n web-vm --port 80 --priority=1e3")).toEqual([
      "2:54-2:57 argument --priority: invalid int value: '1e3'",
    ]);
  });

  it("missing values point at the flag", () => {
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority")).toEqual([
      "2:59-2:69 argument --priority: expected one argument",
    ]);
    expect(
      second(
        "az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 --destination-port-ranges --access Deny",
      ),
    ).toEqual(["2:74-2:99 argument --destination-port-ranges: expected at least one argument"]);
    expect(second("az network nsg rule create -g rg --nsg-name --name r1 --priority 100")).toEqual([
      "2:34-2:44 argument --nsg-name: expected one argument",
    ]);
  });

  it("unknown and ambiguous flags point at the flag, with a suggestion", () => {
    expect(
      second(
        "az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 --destination-port-rnages 80",
      ),
    ).toEqual([
      "2:74-2:99 unrecognized arguments: --destination-port-rnages (did you mean --destination-port-ranges?)",
    ]);
    expect(
      second("az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 --source-a=x"),
    ).toEqual([
      "2:74-2:84 ambiguous option: --source-a could match --source-address-prefixes, --source-asgs",
    ]);
    expect(
      second(
        "az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 --location westeurope",
      ),
    ).toEqual(["2:74-2:84 unrecognized arguments: --location"]);
  });

  it("stray values and bad flag values are reported where they are", () => {
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 Tcp")).toEqual([
      "2:74-2:77 unrecognized arguments: Tcp",
    ]);
    expect(second("az network nsg rule delete -g rg --nsg-name web-nsg -n ok --no-wait=later")).toEqual([
      "2:69-2:74 argument --no-wait: invalid bool value: 'later' (use true or false)",
    ]);
    expect(second("az vm open-port -g rg -n web-vm --port 80 --apply-to-subnet=yes")).toEqual([
      "2:43-2:64 argument --apply-to-subnet: ignored explicit argument 'yes'",
    ]);
    expect(second("az network nsg rule update -g rg --nsg-name web-nsg -n ok --set priority=200")).toEqual([
      "2:59-2:64 --set is not supported in NSG Lab; use the named flags such as --priority or --destination-port-ranges",
    ]);
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r1 --priority 100 --help")).toEqual(
      ["2:74-2:80 --help prints the command's help instead of running it; remove it"],
    );
  });

  it("--ids must name the right kind of resource and cannot be mixed with its parts", () => {
    const nsgId =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web-nsg";
    expect(second(`az network nsg rule delete --ids ${nsgId}`)).toEqual([
      `2:34-2:${34 + nsgId.length} "${nsgId}" is not a valid networksecuritygroups/securityrules resource ID`,
    ]);
    expect(second(`az network nsg rule delete --ids ${nsgId}/securityRules/ok -g rg`)).toEqual([
      "2:144-2:146 use --ids or --resource-group/-g, not both",
    ]);
  });
});

describe("commands", () => {
  it("unknown commands and non-az commands are errors, not skipped", () => {
    expect(second("az network lb create -g rg -n lb1")).toEqual([
      '2:1-2:21 "az network lb create" is not one of the commands NSG Lab runs: az network nsg create, az network nsg rule create|update|delete, az network vnet create, az network vnet subnet create|update, az network vnet peering create, az network asg create, az network public-ip create, az network nic create|update, az network nic ip-config update, az vm create and az vm open-port (and it notes az group create|delete and az network watcher test-ip-flow)',
    ]);
    expect(second("az network nsg rule craete -g rg")).toEqual([
      "2:21-2:27 'craete' is not in the 'az network nsg rule' command group (did you mean 'create'?)",
    ]);
    expect(second("  cat done")).toEqual([
      '2:3-2:6 "cat" is not an az command; NSG Lab runs az commands and NAME=value variables, and the shell\'s echo, set and trap',
    ]);
    expect(second("az")[0]).toMatch(/^2:1-2:3 "az" needs a command/);
  });
});

describe("state errors", () => {
  it("NSGs that are not editable or do not exist", () => {
    expect(second("az network nsg rule create -g rg --nsg-name subnet-nsg -n r --priority 100")).toEqual([
      '2:45-2:55 NSG "subnet-nsg" is not editable in this exercise (you may change: "web-nsg")',
    ]);
    expect(second("az network nsg rule create -g rg --nsg-name ghost-nsg -n r --priority 100")).toEqual([
      '2:45-2:54 NSG "ghost-nsg" was not found: create it first with az network nsg create, or use one of: "web-nsg"',
    ]);
    expect(second("az network nsg create -g rg -n subnet-nsg")).toEqual([
      '2:32-2:42 NSG "subnet-nsg" is not editable in this exercise (you may change: "web-nsg")',
    ]);
    expect(second("az network nic update -g rg -n web-nic --network-security-group ghost-nsg")).toEqual([
      `2:65-2:74 NSG "ghost-nsg" was not found: create it first with az network nsg create, or use one of the exercise's NSGs`,
    ]);
  });

  it("an NSG created later in the script does not exist yet", () => {
    expect(
      errorsOf(
        "az network nsg rule create -g rg --nsg-name new-nsg -n r --priority 100\naz network nsg create -g rg -n new-nsg",
      ),
    ).toEqual([
      '1:45-1:52 NSG "new-nsg" was not found: create it first with az network nsg create, or use one of: "web-nsg"',
    ]);
  });

  it("update or delete of a rule that does not exist points at its name", () => {
    expect(second("az network nsg rule update -g rg --nsg-name web-nsg -n allow-rdp --priority 200")).toEqual(
      [
        '2:56-2:65 security rule "allow-rdp" was not found in NSG "web-nsg"; create it with az network nsg rule create',
      ],
    );
  });

  it("deleting a rule that does not exist succeeds as in Azure, with a warning at its name", () => {
    const result = parseAzCli(
      `${OK_LINE}\naz network nsg rule delete -g rg --nsg-name web-nsg -n allow-ssh\naz network nsg rule delete -g rg --nsg-name web-nsg -n allow-ssh`,
      EXERCISE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.value.warnings.map((w) => `${w.span!.line}:${w.span!.column} ${w.severity} ${w.message}`),
    ).toEqual([
      '3:56 warning security rule "allow-ssh" was not found in NSG "web-nsg", so nothing was deleted (Azure reports success)',
    ]);
  });

  it("open-port needs a known VM with an editable NSG at that level", () => {
    expect(second("az vm open-port -g rg -n db-vm --port 80")).toEqual([
      '2:26-2:31 VM "db-vm" was not found (VMs: web-vm, bare-vm)',
    ]);
    expect(second("az vm open-port -g rg -n web-vm --port 80 --apply-to-subnet")).toEqual([
      '2:26-2:32 NSG "subnet-nsg" is not editable in this exercise (you may change: "web-nsg")',
    ]);
  });
});

describe("shell errors", () => {
  it("undefined variables point at the reference", () => {
    expect(second("az network nsg rule create -g $RG --nsg-name web-nsg -n r --priority 100")).toEqual([
      "2:31-2:34 variable $RG is not set; set it earlier in the script (RG=value)",
    ]);
    expect(
      errorsOf(
        '$rg = "x"\naz network nsg rule create -g $rg --nsg-name ${Nsg} -n r --priority 100 `\n  --access Allow',
      ),
    ).toEqual(['2:46-2:52 variable $Nsg is not set; set it earlier in the script ($Nsg = "value")']);
  });

  it("unsupported shell features are reported where they start", () => {
    expect(second("RG=$(az group show -n x --query name -o tsv)")).toEqual([
      "2:4-2:45 $(az group show …) is not a read NSG Lab can work out; it knows az vm, network vnet, vnet subnet, nsg, asg, nic and public-ip list|show, and az account show, with --query and -o tsv",
    ]);
    expect(
      second("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 -o json | jq .name"),
    ).toEqual(["2:81-2:82 pipes (|) are not supported: run each az command on its own"]);
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority `echo 100`")).toEqual([
      "2:69-2:79 command substitution with backticks is not supported; write the value itself",
    ]);
    expect(second("echo $1")).toEqual([
      "2:6-2:8 $1 (a positional or special parameter) is not supported; set a variable with NAME=value",
    ]);
    expect(second("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 || true")).toEqual(
      ['2:73-2:75 "||" is not supported: run each az command on its own'],
    );
  });

  it("unterminated quotes point at the opening quote", () => {
    expect(
      second(
        "az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --description 'Allow web",
      ),
    ).toEqual(["2:87-2:88 unterminated single quote: add the closing '"]);
    expect(
      second(
        'az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --description "Allow web',
      ),
    ).toEqual(['2:87-2:88 unterminated double quote: add the closing "']);
  });

  it("a continuation character followed by spaces ends the line (the classic paste trap)", () => {
    expect(
      errorsOf("az network nsg rule create -g rg \\  \n  --nsg-name web-nsg -n r --priority 100"),
    ).toEqual([
      '1:34-1:37 "\\" is followed by spaces, so the line does not continue; remove the trailing spaces',
    ]);
  });
});

describe("error codes", () => {
  const codesOf = (line: string) => {
    const result = parseAzCli(`${OK_LINE}\n${line}`, EXERCISE);
    return result.ok
      ? result.value.warnings.map((w) => `${w.severity} ${w.code}`)
      : result.errors.map((e) => e.code);
  };

  it("name each kind of problem, whatever the wording", () => {
    expect(codesOf("az network nsg rule create -g rg --nsg-name web-nsg -n r1")).toEqual([
      "missing-argument",
    ]);
    expect(codesOf("az network lb create -n lb1 -g rg")).toEqual(["unsupported-az-command"]);
    // An exercise's network is fixed: commands that build one are noted, not run.
    expect(codesOf("az vm create -n vm1 -g rg --image Ubuntu2204")).toEqual([
      "warning exercise-network-fixed",
    ]);
    expect(codesOf("  cat done")).toEqual(["not-an-az-command"]);
    expect(codesOf("  echo done")).toEqual(["warning shell-command-noted"]);
    expect(
      codesOf("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --colour red"),
    ).toEqual(["unknown-argument"]);
    expect(codesOf("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority high")).toEqual([
      "invalid-argument-value",
    ]);
    expect(codesOf("az network nsg rule create -g rg --nsg-name subnet-nsg -n r --priority 100")).toEqual([
      "not-editable-nsg",
    ]);
    expect(codesOf("az network nsg rule create -g rg --nsg-name ghost-nsg -n r --priority 100")).toEqual([
      "unknown-nsg",
    ]);
    expect(
      codesOf("az network nsg rule update -g rg --nsg-name web-nsg -n allow-rdp --priority 200"),
    ).toEqual(["rule-not-found"]);
    expect(codesOf("az network nsg rule delete -g rg --nsg-name web-nsg -n allow-rdp")).toEqual([
      "warning rule-not-found",
    ]);
    expect(codesOf("az vm open-port -g rg -n db-vm --port 80")).toEqual(["vm-not-found"]);
  });

  it("name shell problems too", () => {
    expect(codesOf("az network nsg rule create -g $RG --nsg-name web-nsg -n r --priority 100")).toEqual([
      "unset-variable",
    ]);
    expect(codesOf("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 | jq .")).toEqual(
      ["unsupported-shell-syntax"],
    );
    expect(
      codesOf("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --description 'Allow"),
    ).toEqual(["unterminated-quote"]);
  });
});

describe("commands that change no rule", () => {
  it("are noted where they stand and skipped, so a tutorial pasted as written runs to its end", () => {
    // Shapes of the commands in Microsoft's filter-traffic tutorial and IP flow verify quickstart.
    const script = [
      "az group create --name test-rg --location eastus2",
      OK_LINE,
      "az network nsg rule list --resource-group test-rg --nsg-name web-nsg --output table",
      "az network nsg show -g test-rg -n web-nsg",
      "az network watcher test-ip-flow --vm web-vm --direction Inbound --protocol TCP --local 10.0.0.4:80 --remote 13.107.21.200:60000 --resource-group test-rg",
    ].join("\n");
    const result = parseAzCli(script, EXERCISE);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
    expect(result.value.warnings.map((w) => [w.code, w.severity, w.span!.line, w.span!.column])).toEqual([
      ["az-command-noted", "warning", 1, 1],
      ["az-command-noted", "warning", 3, 1],
      ["az-command-noted", "warning", 4, 1],
      ["az-command-noted", "warning", 5, 1],
    ]);
    expect(result.value.warnings[2]!.message).toContain('"az network nsg show" only reads');
    expect(result.value.warnings[3]!.message).toContain("az network watcher test-ip-flow");
  });

  it("does not excuse a misspelt command that would change rules", () => {
    expect(second("az network nsg rule updat -g rg")).toEqual([
      "2:21-2:26 'updat' is not in the 'az network nsg rule' command group (did you mean 'update'?)",
    ]);
  });
});

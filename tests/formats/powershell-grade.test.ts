/**
 * A PowerShell answer to a real exercise (graders/ftp-active.yaml), graded end to end: the
 * Az.Network equivalent of the exercise's az CLI `solution`, read back through format detection,
 * the grader and `npm run grade`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { detectRuleFormat, gradeSubmission } from "../../src/lib/grader/index.ts";
import { isComplete } from "../../src/lib/grader/report.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");

// The exercise's solution, as the Get | Add | Set pattern of the Add-AzNetworkSecurityRuleConfig
// help (learn.microsoft.com/powershell/module/az.network/add-aznetworksecurityruleconfig).
const ADD = `$nsg | Add-AzNetworkSecurityRuleConfig -Name Allow-FTP-Control-Studio -Priority 200 \`
  -Direction Inbound -Access Allow -Protocol Tcp \`
  -SourceAddressPrefix 198.51.100.0/28 -SourcePortRange * \`
  -DestinationAddressPrefix 10.0.3.4 -DestinationPortRange 21 \`
  -Description "FTP control from the Northlight studio"
`;
const GET = `$nsg = Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName rg-nsg-lab\n`;
const SOLUTION = `${GET}${ADD}$nsg | Set-AzNetworkSecurityGroup\n`;
const UNSAVED = `${GET}${ADD}`;

describe("grading a PowerShell answer", () => {
  it("is detected as PowerShell", () => {
    expect(detectRuleFormat(SOLUTION)).toBe("powershell");
    expect(detectRuleFormat(`# comment\n<# block\n#>\n${ADD}`)).toBe("powershell");
    expect(detectRuleFormat(`$rg = "rg-nsg-lab"\n${GET}`)).toBe("powershell");
    expect(detectRuleFormat("Connect-AzAccount\n")).toBe("powershell");
    // Learn's tabbed tutorial starts with a hashtable to splat.
    expect(detectRuleFormat('$rg = @{\n    ResourceGroupName = "test-rg"\n}\nNew-AzResourceGroup @rg')).toBe(
      "powershell",
    );
    expect(detectRuleFormat("$nsg.SecurityRules += $webRule")).toBe("powershell");
    // az CLI stays az CLI, in either shell's variables.
    expect(detectRuleFormat("RG=rg-nsg-lab\naz network nsg rule create -g $RG")).toBe("azcli");
    expect(detectRuleFormat('$rg = "rg-nsg-lab"\naz network nsg rule create -g $rg')).toBe("azcli");
    expect(detectRuleFormat(ftp.solution!)).toBe("azcli");
  });

  it("the PowerShell solution passes every expectation", () => {
    const report = gradeSubmission(ftp, SOLUTION);
    expect(report.status).toBe("graded");
    expect(report.results.filter((r) => !r.pass).map((r) => r.name)).toEqual([]);
    expect(isComplete(report)).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it("the same answer never saved with Set-AzNetworkSecurityGroup fails, with the in-memory warning", () => {
    const report = gradeSubmission(ftp, UNSAVED);
    expect(isComplete(report)).toBe(false);
    expect(report.results.find((r) => /control from the studio/.test(r.name))?.pass).toBe(false);
    const warning = report.warnings.find((w) => w.code === "unsaved-nsg-change");
    expect(warning).toMatchObject({
      severity: "warning",
      message:
        'NSG "nsg-snet-ingest" is changed in memory only; pipe it to Set-AzNetworkSecurityGroup to save it',
      // The change is the Add cmdlet, after `$nsg | `.
      span: { line: 2, column: 8 },
    });
  });

  it("a rule the validator refuses is located in the PowerShell text", () => {
    const report = gradeSubmission(ftp, SOLUTION.replace("-Priority 200", "-Priority 5000"));
    expect(report.status).toBe("invalid");
    expect(report.errors[0]?.span).toMatchObject({ line: 2 });
  });
});

describe("npm run grade with a PowerShell rules file", () => {
  function harness(files: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const io: BatchIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readFile: (p) => files[p] ?? readFileSync(p, "utf8"),
      listDir: () => undefined,
      writeFile: () => {},
    };
    return { io, out, err };
  }

  it("grades a .ps1 file, and any file with --format powershell", () => {
    const h = harness({ "rules.ps1": SOLUTION, "rules.txt": SOLUTION });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.ps1"], h.io)).toBe(0);
    expect(
      runGrade(["graders/ftp-active.yaml", "--rules", "rules.txt", "--format", "powershell"], h.io),
    ).toBe(0);
    expect(h.err).toEqual([]);
  });

  it("warns about the unsaved change and exits 1", () => {
    const h = harness({ "rules.ps1": UNSAVED });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.ps1"], h.io)).toBe(1);
    expect(h.err.join("\n")).toMatch(/rules\.ps1:2:8.*changed in memory only/);
  });

  it("refuses an unknown --format", () => {
    const h = harness({});
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "x", "--format", "bash"], h.io)).toBe(2);
    expect(h.err.join("\n")).toMatch(/--format must be one of json, yaml, azcli, powershell/);
  });
});

/**
 * An association exercise (graders/protect-the-whole-subnet.yaml) answered in Azure PowerShell:
 * the subnet through its VNet object (Set-AzVirtualNetworkSubnetConfig, as Learn's tutorial
 * associates nsg-1), the NIC through its own (Set-AzNetworkInterface's Example 5).
 */
describe("grading a PowerShell answer that associates NSGs", () => {
  const subnet = exerciseFile("protect-the-whole-subnet.yaml");
  const SUBNET = `$vnet = Get-AzVirtualNetwork -Name vnet-lab -ResourceGroupName rg-nsg-lab
$params = @{
    VirtualNetwork = $vnet
    Name = "snet-web"
    AddressPrefix = ($vnet.Subnets | Where-Object Name -eq 'snet-web').AddressPrefix
    NetworkSecurityGroup = Get-AzNetworkSecurityGroup -Name nsg-snet-web -ResourceGroupName rg-nsg-lab
}
Set-AzVirtualNetworkSubnetConfig @params
$vnet | Set-AzVirtualNetwork
`;
  const NIC = `$nic = Get-AzNetworkInterface -ResourceGroupName rg-nsg-lab -Name vm-test1-nic
$nic.NetworkSecurityGroup = Get-AzNetworkSecurityGroup -ResourceGroupName rg-nsg-lab -Name nsg-vm-test1
$nic | Set-AzNetworkInterface
`;

  it("passes every expectation", () => {
    const report = gradeSubmission(subnet, SUBNET + NIC);
    expect(report.status).toBe("graded");
    expect(report.results.filter((r) => !r.pass).map((r) => r.name)).toEqual([]);
    expect(isComplete(report)).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it("associating the NSG one NIC at a time, as the starter does, misses vm-web2", () => {
    const oneNic = NIC.replaceAll("vm-test1-nic", "vm-web1-nic").replaceAll("nsg-vm-test1", "nsg-snet-web");
    const report = gradeSubmission(subnet, oneNic + NIC);
    expect(isComplete(report)).toBe(false);
    expect(report.results.find((r) => /vm-web2's website/.test(r.name))?.pass).toBe(false);
  });

  it("saving the VNet is what associates: without it the subnet stays open, with a warning", () => {
    const report = gradeSubmission(subnet, SUBNET.replace("$vnet | Set-AzVirtualNetwork", "") + NIC);
    expect(isComplete(report)).toBe(false);
    expect(report.warnings.map((w) => w.code)).toEqual(["unsaved-network-change"]);
  });
});

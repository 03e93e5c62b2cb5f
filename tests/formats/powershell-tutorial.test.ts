/**
 * Learn's "Filter network traffic with a network security group using PowerShell", run as
 * published (tests/formats/fixtures/docs/tutorial-filter-network-traffic-powershell.ps1): the network it
 * builds where a script may build one (the playground), and the verdicts the tutorial's "Test
 * traffic filters" section describes, worked out by hand from its rules:
 *
 * - Internet → myVmWeb TCP 80: Allow-Web-All (100) allows 80 and 443 to myAsgWebServers, which
 *   myVmWeb's NIC is in.
 * - Internet → myVmMgmt TCP 3389: Allow-RDP-All (110) allows 3389 to myAsgMgmtServers.
 * - Internet → myVmWeb TCP 3389: no custom rule matches (Allow-RDP-All is for the other ASG), so
 *   DenyAllInBound (65500) denies, as the tutorial says ("You can't create a remote desktop
 *   connection to the myVmWeb VM from the internet").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import { applyDocument } from "../../src/lib/grader/apply-rules.ts";
import { exerciseSchema } from "../../src/lib/grader/exercise-schema.ts";
import { decidedByHolds } from "../../src/lib/grader/trace.ts";
import { createEvaluator } from "../../src/lib/nsg/index.ts";
import { textAt } from "./powershell-harness.ts";

const PUBLISHED = readFileSync(
  new URL("./fixtures/docs/tutorial-filter-network-traffic-powershell.ps1", import.meta.url),
  "utf8",
);
/** The sentence the page's unclosed code fence puts into the code (see the fixture's header). */
const PROSE = /^The following example creates a rule .*\n/m;
const SCRIPT = PUBLISHED.replace(PROSE, "");

/** An empty subscription: the tutorial creates everything it uses. */
const EMPTY = exerciseSchema.parse({
  id: "empty",
  title: "An empty subscription",
  // A scenario to predict on needs no editable NSG: the tutorial creates the only one.
  kind: "predict",
  topology: {},
  expectations: [
    {
      name: "unused",
      flow: { from: "198.51.100.1", to: "198.51.100.2", protocol: "Tcp", port: 80 },
      expect: "deny",
    },
  ],
});

const INTERNET = "52.168.10.20";

describe("the PowerShell tutorial, as published", () => {
  it("stops only at the sentence its unclosed code fence puts into the code", () => {
    const result = parsePowerShell(PUBLISHED, { editable: [], buildNetwork: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = result.errors.filter((e) => e.severity !== "warning");
    expect(errors.map((e) => [e.code, textAt(PUBLISHED, e.span)])).toEqual([["unsupported-cmdlet", "The"]]);
  });
});

describe("the PowerShell tutorial in the playground", () => {
  const result = parsePowerShell(SCRIPT, { editable: [], buildNetwork: true });
  const doc = result.ok ? result.value : undefined;

  it("reads every block, noting the cmdlets that change nothing", () => {
    expect(result.ok).toBe(true);
    expect(doc!.warnings.map((w) => [w.code, textAt(SCRIPT, w.span)])).toEqual([
      ["cmdlet-noted", "New-AzResourceGroup"],
      ["cmdlet-noted", "Get-Credential"],
      ["cmdlet-noted", "Get-Credential"],
      ["cmdlet-noted", "Get-AzPublicIpAddress"],
      ["cmdlet-noted", "Select"],
      ["cmdlet-noted", "Get-AzPublicIpAddress"],
      ["cmdlet-noted", "Select"],
    ]);
  });

  it("builds the ASGs, the VNet with its subnet and NSG, two NICs and two VMs, in order", () => {
    expect(doc!.network.map((c) => [c.kind, "name" in c ? c.name : c.nic])).toEqual([
      ["asg", "myAsgWebServers"],
      ["asg", "myAsgMgmtServers"],
      ["vnet", "myVirtualNetwork"],
      ["subnet", "mySubnet"],
      ["nic", "myVmWeb"],
      ["nic", "myVmMgmt"],
      ["vm", "myVmWeb"],
      ["vm", "myVmMgmt"],
    ]);
    expect(doc!.network[3]).toMatchObject({
      vnet: "myVirtualNetwork",
      addressPrefix: "10.0.2.0/24",
      nsg: "myNsg",
    });
    expect(doc!.network[4]).toMatchObject({
      subnet: "myVirtualNetwork/mySubnet",
      publicIp: { name: "myVmWeb" },
      asgs: ["myAsgWebServers"],
    });
    expect(
      doc!.nsgs.map((n) => [n.name, n.created, n.rules.map((r) => (r as { name: string }).name)]),
    ).toEqual([["myNsg", true, ["Allow-Web-All", "Allow-RDP-All"]]]);
    // The NIC's subnet is located at the text that named it.
    expect(textAt(SCRIPT, (doc!.network[4] as { spans?: { subnet?: never } }).spans?.subnet)).toBe(
      "$virtualNetwork.Subnets[0].Id",
    );
  });

  it("gives the verdicts the tutorial describes", () => {
    const applied = applyDocument(EMPTY, doc!);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const { topology } = applied.value;
    const nicOf = (vm: string) => topology.vms.find((v) => v.name === vm)!.nics[0]!;
    expect(nicOf("myVmWeb")).toMatchObject({
      subnet: "myVirtualNetwork/mySubnet",
      privateIp: "10.0.2.4",
      asgs: ["myAsgWebServers"],
    });
    expect(nicOf("myVmMgmt")).toMatchObject({ privateIp: "10.0.2.5", asgs: ["myAsgMgmtServers"] });
    expect(topology.vnets[0]!.subnets[0]).toMatchObject({ name: "mySubnet", nsg: "myNsg" });

    const evaluator = createEvaluator(topology);
    expect(evaluator.ok).toBe(true);
    if (!evaluator.ok) return;
    const verdict = (vm: string, port: number) => {
      const v = evaluator.value.evaluate({ from: INTERNET, to: nicOf(vm).publicIp!, protocol: "Tcp", port });
      if (!v.ok) throw new Error(v.errors[0]!.message);
      return v.value;
    };
    const web80 = verdict("myVmWeb", 80);
    expect([web80.access, decidedByHolds(web80, "Allow-Web-All")]).toEqual(["Allow", true]);
    const mgmt3389 = verdict("myVmMgmt", 3389);
    expect([mgmt3389.access, decidedByHolds(mgmt3389, "Allow-RDP-All")]).toEqual(["Allow", true]);
    const web3389 = verdict("myVmWeb", 3389);
    expect([web3389.access, decidedByHolds(web3389, "DenyAllInBound")]).toEqual(["Deny", true]);
  });
});

describe("the PowerShell tutorial pasted into an exercise", () => {
  it("notes every cmdlet that builds the network, and keeps the NSG it creates", () => {
    const result = parsePowerShell(SCRIPT, { editable: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.network).toEqual([]);
    const fixed = result.value.warnings.filter((w) => w.code === "exercise-network-fixed");
    expect(fixed.map((w) => textAt(SCRIPT, w.span)?.split(/\s/)[0])).toEqual([
      "New-AzApplicationSecurityGroup",
      "New-AzApplicationSecurityGroup",
      "New-AzVirtualNetwork",
      "Set-AzVirtualNetwork",
      "New-AzPublicIpAddress",
      "New-AzPublicIpAddress",
      "New-AzNetworkInterface",
      "New-AzNetworkInterface",
      "New-AzVM",
      "New-AzVM",
    ]);
    expect(result.value.nsgs.map((n) => n.name)).toEqual(["myNsg"]);
  });
});

/**
 * The same tutorial as Learn publishes it today, with tabs (fixtures/powershell-tutorials/ps-tutorial-filter-
 * traffic-tabs-full.ps1): splatted cmdlets, `+=` on the NSG's rules, ASGs set on the NICs after
 * the VMs exist. Its "Test traffic filters" section: vm-web answers on 80 but not 443 (only
 * Allow-HTTP-Web, port 80, reaches asg-web), vm-mgmt on 8080 but not 80 (Allow-8080-Mgmt).
 */
describe("the tabbed tutorial in the playground", () => {
  const text = readFileSync(
    new URL("./fixtures/powershell-tutorials/ps-tutorial-filter-traffic-tabs-full.ps1", import.meta.url),
    "utf8",
  );
  const result = parsePowerShell(text, { editable: [], buildNetwork: true });

  it("reads every block; the only warnings are notes and the $uri its here-string expands to nothing", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const codes = new Set(result.value.warnings.map((w) => w.code));
    expect([...codes]).toEqual(["cmdlet-noted", "unset-variable"]);
    // PowerShell expands $uri in a "…" here-string, so the VM's nginx file gets `\ \/`.
    expect(
      result.value.warnings.filter((w) => w.code === "unset-variable").map((w) => textAt(text, w.span)),
    ).toEqual(["$uri", "$uri"]);
    expect(result.value.associations.map((a) => [a.level, a.target, a.nsg])).toEqual([
      ["subnet", "vnet-1/subnet-1", "nsg-1"],
    ]);
  });

  it("gives the verdicts the tutorial describes", () => {
    if (!result.ok) throw new Error(result.errors[0]!.message);
    const applied = applyDocument(EMPTY, result.value);
    if (!applied.ok) throw new Error(applied.errors[0]!.message);
    const { topology } = applied.value;
    const nic = (vm: string) => topology.vms.find((v) => v.name === vm)!.nics[0]!;
    expect(nic("vm-web")).toMatchObject({ name: "vm-web-nic", asgs: ["asg-web"], privateIp: "10.0.0.4" });
    expect(nic("vm-mgmt")).toMatchObject({ name: "vm-mgmt-nic", asgs: ["asg-mgmt"], privateIp: "10.0.0.5" });
    const evaluator = createEvaluator(topology);
    if (!evaluator.ok) throw new Error(evaluator.errors[0]!.message);
    const check = (vm: string, port: number) => {
      const v = evaluator.value.evaluate({ from: INTERNET, to: nic(vm).publicIp!, protocol: "Tcp", port });
      if (!v.ok) throw new Error(v.errors[0]!.message);
      return [
        v.value.access,
        ["Allow-HTTP-Web", "Allow-8080-Mgmt", "DenyAllInBound"].find((r) => decidedByHolds(v.value, r)),
      ];
    };
    expect(check("vm-web", 80)).toEqual(["Allow", "Allow-HTTP-Web"]);
    expect(check("vm-web", 443)).toEqual(["Deny", "DenyAllInBound"]);
    expect(check("vm-mgmt", 8080)).toEqual(["Allow", "Allow-8080-Mgmt"]);
    expect(check("vm-mgmt", 80)).toEqual(["Deny", "DenyAllInBound"]);
  });
});

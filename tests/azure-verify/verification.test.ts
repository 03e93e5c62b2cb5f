/**
 * The bridge to the real thing: a script that builds an exercise on Azure and runs IP flow
 * verify, and the comparison of the answers it records with the simulator. Recorded answers are
 * written here as the script writes them (JSON Lines), agreeing and disagreeing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { azVerificationScript } from "../../src/lib/azure-verify/az-verification-script.ts";
import { psVerificationScript } from "../../src/lib/azure-verify/ps-verification-script.ts";
import {
  compareAzureResults,
  describeOutcome,
  readAzureResults,
  type RecordedResults,
} from "../../src/lib/azure-verify/azure-results.ts";
import type { VerificationPlan } from "../../src/lib/azure-verify/ip-flow-tests.ts";
import { planFingerprint, type ScriptTarget } from "../../src/lib/azure-verify/script-facts.ts";
import { exerciseVerification } from "../../src/lib/azure-verify/verify-exercise.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const appTier = exerciseFile("app-tier-asg.yaml");

function verified(exercise = ftp, rules = exercise.solution ?? "") {
  const v = exerciseVerification(exercise, rules);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** A results file as the script writes it, with Azure answering `answer(test)`. */
function resultsFile(
  { target, plan }: { target: ScriptTarget; plan: VerificationPlan },
  exercise: string,
  answer: (t: VerificationPlan["tests"][number]) => { access: string; ruleName: string } | undefined,
  spelling: "az" | "powershell" = "az",
): string {
  const header = JSON.stringify({ nsgLab: "ip-flow-verify", exercise, plan: planFingerprint(target, plan) });
  const lines = plan.tests.flatMap((t) => {
    const a = answer(t);
    if (!a) return [];
    const result = spelling === "az" ? a : { Access: a.access, RuleName: a.ruleName };
    return [JSON.stringify({ test: t.id, result })];
  });
  return [header, ...lines].join("\n");
}

/** Azure agreeing with the simulator, rule names in IP flow verify's spelling. */
const agreeing = (t: VerificationPlan["tests"][number]) => {
  const rule = t.expected.rules.at(-1);
  const name = rule ? `${rule.isDefault ? "defaultSecurityRules" : "securityRules"}/${rule.rule}` : "";
  return { access: t.expected.access, ruleName: name };
};

function recorded(text: string): RecordedResults {
  const read = readAzureResults(text);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe("the IP flow verify plan", () => {
  it("tests each check at every NIC it crosses, as the NIC's NSGs see the packet", () => {
    const { plan } = verified();
    const [control, viaPublic, port20, dataOut] = [1, 2, 3, 4].map((n) =>
      plan.tests.filter((t) => t.id.startsWith(`${n}-`)),
    );
    expect(control).toEqual([
      expect.objectContaining({
        id: "1-in",
        vm: "vm-ingest",
        nic: "vm-ingest-nic",
        direction: "Inbound",
        protocol: "TCP",
        local: "10.0.3.4:21",
        remote: "198.51.100.5:51000",
        expected: {
          access: "Allow",
          rules: [{ nsg: "nsg-snet-ingest", rule: "Allow-FTP-Control-Studio", isDefault: false }],
        },
      }),
    ]);
    // The public IP is translated before the NSGs: IP flow verify tests the private address.
    expect(viaPublic![0]!.local).toBe("10.0.3.4:21");
    expect(port20![0]!.expected).toEqual({
      access: "Deny",
      rules: [{ nsg: "nsg-snet-ingest", rule: "DenyAllInBound", isDefault: true }],
    });
    expect(dataOut).toEqual([
      expect.objectContaining({ direction: "Outbound", local: "10.0.3.4:20", remote: "198.51.100.5:51001" }),
    ]);
    // The reply on the data connection is judged by connection state, which IP flow verify lacks.
    expect(plan.untestable.map((u) => u.check)).toEqual(["Replies on the data connection come back"]);
  });

  it("tests a VM-to-VM check at both ends, and names the checks it cannot test", () => {
    const { plan } = verified(appTier);
    const vmToVm = appTier.expectations.findIndex(
      (e) =>
        e.flow.protocol !== "Icmp" && !e.flow.response && !/^\d/.test(e.flow.from) && !/^\d/.test(e.flow.to),
    );
    expect(vmToVm).toBeGreaterThanOrEqual(0);
    const legs = plan.tests.filter((t) => t.id.startsWith(`${vmToVm + 1}-`)).map((t) => t.direction);
    expect(legs).toEqual(["Outbound", "Inbound"]);
  });

  it("leaves out replies, ICMP, host services and the SMTP block, each with its reason", () => {
    const exercise = {
      ...ftp,
      expectations: [
        {
          name: "reply",
          flow: {
            from: "vm-ingest",
            to: "198.51.100.5",
            protocol: "Tcp",
            port: 51000,
            sourcePort: 21,
            response: true,
          },
          expect: "allow",
        },
        { name: "ping", flow: { from: "198.51.100.5", to: "vm-ingest", protocol: "Icmp" }, expect: "deny" },
        {
          name: "dns",
          flow: { from: "vm-ingest", to: "168.63.129.16", protocol: "Udp", port: 53 },
          expect: "allow",
        },
        {
          name: "mail",
          flow: { from: "vm-ingest", to: "198.51.100.9", protocol: "Tcp", port: 25 },
          expect: "deny",
        },
      ],
    } as unknown as typeof ftp;
    const { plan } = verified(exercise, "");
    expect(plan.tests).toEqual([]);
    expect(plan.untestable.map((u) => u.check)).toEqual(["reply", "ping", "dns", "mail"]);
    expect(plan.untestable[1]!.reason).toContain("NSG diagnostics");
    expect(plan.untestable[2]!.reason).toContain("Azure DNS");
  });
});

describe("the az CLI verification script", () => {
  const { target, plan } = verified();
  const script = azVerificationScript(target, plan);

  it("is valid Bash", () => {
    const dir = mkdtempSync(join(tmpdir(), "nsglab-verify-"));
    const file = join(dir, "verify.sh");
    writeFileSync(file, script);
    expect(() => execFileSync("bash", ["-n", file])).not.toThrow();
  });

  it("creates every resource in a new group and deletes the group when it ends, on failure too", () => {
    expect(script).toContain("set -euo pipefail");
    const trap = `trap 'echo "Deleting resource group $RG"; az group delete --name "$RG" --yes --no-wait' EXIT`;
    expect(script.indexOf('az group create --name "$RG"')).toBeLessThan(script.indexOf(trap));
    expect(script.indexOf(trap)).toBeLessThan(script.indexOf("az network nsg create"));
    for (const made of [
      'az network nsg create --resource-group "$RG" --name nsg-snet-ingest',
      "--name Allow-FTP-Control-Studio",
      "az network vnet create",
      "--network-security-group nsg-snet-ingest",
      "--private-ip-address 10.0.3.4",
      "az network public-ip create",
      '--size "$SIZE"',
    ])
      expect(script).toContain(made);
    expect(script).toContain('SIZE="${SIZE:-Standard_B1ls}"');
  });

  it("runs one IP flow verify per test and records it under the test's id", () => {
    expect(script.match(/az network watcher test-ip-flow/g)).toHaveLength(plan.tests.length);
    expect(script).toContain(
      "--direction Inbound \\\n  --protocol TCP \\\n  --local 10.0.3.4:21 \\\n  --remote 198.51.100.5:51000",
    );
    // JMESPath's to_string writes the answer as one compact JSON line, which -o tsv prints as is.
    expect(script).toContain(
      `--query "to_string({test: '1-in', result: {access: access, ruleName: ruleName}})" \\\n  --output tsv >> "$OUT"`,
    );
  });

  it("explains cost, time, cleanup and limits before any command", () => {
    const comment = script.slice(0, script.indexOf("set -euo"));
    for (const word of ["Cost:", "Time:", "Cleanup:", "Routing is not tested", "Standard_B1ls"])
      expect(comment).toContain(word);
  });

  it("keeps hostile names inside their quotes and comments", () => {
    const hostile = verified({ ...ftp, title: "x\nrm -rf ~ #" }, "");
    const text = azVerificationScript(hostile.target, hostile.plan);
    expect(text.split("\n").filter((l) => l.startsWith("rm -rf"))).toEqual([]);
  });
});

describe("the Azure PowerShell verification script", () => {
  const { target, plan } = verified(appTier);
  const script = psVerificationScript(target, plan);

  it("builds every resource inside try and removes the resource group in finally", () => {
    const tryAt = script.indexOf("try {");
    const finallyAt = script.indexOf("finally {");
    expect(script.indexOf("New-AzResourceGroup -Name $rg")).toBeLessThan(tryAt);
    expect(script.indexOf("New-AzNetworkSecurityGroup")).toBeGreaterThan(tryAt);
    expect(script.indexOf("Remove-AzResourceGroup -Name $rg -Force")).toBeGreaterThan(finallyAt);
    expect(script).toContain("$ErrorActionPreference = 'Stop'");
    for (const asg of appTier.topology.asgs)
      expect(script).toContain(
        `New-AzApplicationSecurityGroup -ResourceGroupName $rg -Location $location -Name '${asg}'`,
      );
    expect(script).toContain("-ApplicationSecurityGroupId $asg");
  });

  it("runs one Test-AzNetworkWatcherIPFlow per test and records each under its id", () => {
    expect(script.match(/Test-AzNetworkWatcherIPFlow/g)).toHaveLength(plan.tests.length);
    expect(script.match(/Add-Content -Path \$out/g)).toHaveLength(plan.tests.length);
    const first = plan.tests[0]!;
    expect(script).toContain(
      `Add-Content -Path $out -Value ('{"test":"${first.id}","result":{"access":"' + $answer.Access + '","ruleName":"' + $answer.RuleName + '"}}')`,
    );
    expect(script).toContain("Test-AzNetworkWatcherIPFlow `\n      -Location $location");
  });

  it("writes each answer as a line the results reader takes", () => {
    const value = /-Value \('(.*)' \+ \$answer\.Access \+ '(.*)' \+ \$answer\.RuleName \+ '(.*)'\)/.exec(
      script,
    );
    expect(value).not.toBeNull();
    const [, before, between, after] = value!;
    const header = JSON.stringify({
      nsgLab: "ip-flow-verify",
      exercise: "app-tier-asg",
      plan: planFingerprint(target, plan),
    });
    const read = recorded(`${header}\n${before}Deny${between}securityRules/Deny-VNet-To-App${after}`);
    expect(read.answers.get(plan.tests[0]!.id)?.answer).toEqual({
      access: "Deny",
      ruleName: "securityRules/Deny-VNet-To-App",
    });
  });

  it("writes the same header line as the az CLI script, so either file compares", () => {
    expect(script).toContain(
      `'{"nsgLab":"ip-flow-verify","exercise":"app-tier-asg","plan":"${planFingerprint(target, plan)}"}'`,
    );
  });

  it("quotes names with a quote in them, as PowerShell reads single-quoted strings", () => {
    const named = verified({ ...ftp, title: "Ann's\nexercise" }, "");
    const text = psVerificationScript(named.target, named.plan);
    expect(text.split("\n")[0]).toBe(
      `# NSG Lab: check "Ann's exercise" on your own Azure subscription (Azure PowerShell).`,
    );
  });
});

describe("comparing Azure's recorded answers", () => {
  const verification = verified();
  const { plan } = verification;

  it("agrees, test by test, when Azure answers as the simulator does (az and PowerShell spellings)", () => {
    for (const spelling of ["az", "powershell"] as const) {
      const compared = compareAzureResults(
        verification,
        recorded(resultsFile(verification, "ftp-active", agreeing, spelling)),
      );
      expect(compared.ok && compared.value.outcomes.map((o) => o.kind)).toEqual(
        plan.tests.map(() => "agree"),
      );
    }
  });

  it("reports a disagreement as a possible fidelity bug with both answers", () => {
    const file = resultsFile(verification, "ftp-active", (t) =>
      t.id === "3-in" ? { access: "Allow", ruleName: "securityRules/Allow-FTP-Control-Studio" } : agreeing(t),
    );
    const compared = compareAzureResults(verification, recorded(file));
    if (!compared.ok) throw new Error("not compared");
    const disagreement = compared.value.outcomes.find((o) => o.kind === "disagree");
    expect(disagreement?.test.id).toBe("3-in");
    expect(describeOutcome(disagreement!)).toBe(
      "DISAGREE (possible fidelity bug): Nothing connects in to port 20 (it is the server's source port) (inbound at vm-ingest, TCP 198.51.100.5:51000 → 10.0.3.4:20): NSG Lab says Deny by nsg-snet-ingest/DenyAllInBound, Azure says Allow by securityRules/Allow-FTP-Control-Studio",
    );
    expect(compared.value.outcomes.filter((o) => o.kind === "agree")).toHaveLength(plan.tests.length - 1);
  });

  it("tells a same-verdict answer from another rule, and a test left unanswered", () => {
    const file = resultsFile(verification, "ftp-active", (t) =>
      t.id === "3-in"
        ? { access: "Deny", ruleName: "securityRules/Deny-Everything" }
        : t.id === "4-out"
          ? undefined
          : agreeing(t),
    );
    const compared = compareAzureResults(verification, recorded(file));
    if (!compared.ok) throw new Error("not compared");
    const kinds = Object.fromEntries(compared.value.outcomes.map((o) => [o.test.id, o.kind]));
    expect(kinds["3-in"]).toBe("other-rule");
    expect(kinds["4-out"]).toBe("missing");
  });

  it("refuses answers recorded for another exercise or for other rules", () => {
    const other = compareAzureResults(
      verification,
      recorded(resultsFile(verification, "ftp-passive", agreeing)),
    );
    expect(!other.ok && other.errors[0]!.code).toBe("azure-results-mismatch");
    const changed = verified(
      ftp,
      ftp.solution!.replace("--destination-port-ranges 21", "--destination-port-ranges 21 990"),
    );
    const stale = compareAzureResults(changed, recorded(resultsFile(verification, "ftp-active", agreeing)));
    expect(!stale.ok && stale.errors[0]!.message).toContain("other rules or another scenario");
  });

  it("locates every malformed line, and needs the header", () => {
    const read = readAzureResults('{"test":"1-in","result":{"access":"Maybe","ruleName":"x"}}\nnot json\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => [e.code, e.span?.line])).toEqual([
      ["azure-results-invalid", undefined],
      ["azure-results-invalid", 1],
      ["azure-results-invalid", 2],
    ]);
    expect(read.errors[0]!.message).toContain("no header line");
  });

  it("refuses a huge file quickly instead of reading it", () => {
    const read = readAzureResults("\n".repeat(20_000));
    expect(!read.ok && read.errors[0]!.message).toContain("more than 10000");
  });
});

import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../../src/lib/formats/export/index.ts";
import { detectRuleFormat, gradeSubmission } from "../../src/lib/grader/index.ts";
import { isBlankRules } from "../../src/lib/grader/index.ts";
import type { EditorFormat } from "../../src/lib/exercise-ui/editor-format.ts";
import {
  convertRules,
  exportLearnerRules,
  powerShellStarter,
  readRuleSets,
  resourceGroupIn,
  ruleSetsToJson,
} from "../../src/lib/exercise-ui/format-conversion.ts";
import { allExercises, exercise } from "./support.ts";

const verdicts = (report: ReturnType<typeof gradeSubmission>) =>
  report.results.map((r) => [r.name, r.actual, r.decider]);

/** Each NSG's final rules in one order (priority within direction): conversions may reorder them. */
function rulesIn(ex: ReturnType<typeof exercise>, text: string, format: EditorFormat) {
  const read = readRuleSets(ex, text, format);
  if (!read.ok) throw new Error(`${ex.id} (${format}): ${read.errors.map((e) => e.message).join("; ")}`);
  return read.value
    .map((s) => ({
      nsg: s.nsg,
      rules: [...s.rules].sort((a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority),
    }))
    .sort((a, b) => a.nsg.localeCompare(b.nsg));
}

function converted(ex: ReturnType<typeof exercise>, text: string, from: EditorFormat, to: EditorFormat) {
  const result = convertRules(ex, text, from, to);
  if (!result.ok)
    throw new Error(`${ex.id} ${from} → ${to}: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.value.text;
}

describe("format conversion", () => {
  const ftp = exercise("ftp-active");

  it("turns the FTP solution (az CLI) into JSON and back without changing a verdict", () => {
    const json = convertRules(ftp, ftp.solution!, "azcli", "json");
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    const parsed = JSON.parse(json.value.text) as { "nsg-snet-ingest": Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["nsg-snet-ingest"]);
    expect(parsed["nsg-snet-ingest"][0]).toMatchObject({
      name: "Allow-FTP-Control-Studio",
      priority: 200,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
    });
    const cli = convertRules(ftp, json.value.text, "json", "azcli");
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(cli.value.text).toContain("az network nsg rule create");
    // The resource group the starter names is kept.
    expect(cli.value.text).toContain("--resource-group rg-nsg-lab");
    expect(verdicts(gradeSubmission(ftp, cli.value.text, "azcli"))).toEqual(
      verdicts(gradeSubmission(ftp, ftp.solution!)),
    );
    const back = convertRules(ftp, cli.value.text, "azcli", "json");
    expect(back.ok && JSON.parse(back.value.text)).toEqual(parsed);
  });

  it("keeps every author-rules solution's verdicts through JSON → az CLI → JSON", () => {
    const exercises = allExercises().filter((e) => e.kind === "author-rules" && e.solution !== undefined);
    expect(exercises.length).toBeGreaterThan(3);
    for (const ex of exercises) {
      const expected = verdicts(gradeSubmission(ex, ex.solution!));
      const from = detectRuleFormat(ex.solution!);
      if (from === "yaml") continue; // the editor offers JSON and az CLI only
      const toJson =
        from === "azcli"
          ? convertRules(ex, ex.solution!, "azcli", "json")
          : { ok: true as const, value: { text: ex.solution!, notes: [] } };
      if (!toJson.ok) {
        // Scripts that associate NSGs or create new ones cannot be JSON: refused with a reason.
        expect(toJson.errors[0]?.message, ex.id).toMatch(/Cannot switch to JSON/);
        continue;
      }
      expect(verdicts(gradeSubmission(ex, toJson.value.text, "json")), `${ex.id} as JSON`).toEqual(expected);
      const cli = convertRules(ex, toJson.value.text, "json", "azcli");
      expect(cli.ok, `${ex.id} to az CLI`).toBe(true);
      if (!cli.ok) continue;
      expect(verdicts(gradeSubmission(ex, cli.value.text, "azcli")), `${ex.id} as az CLI`).toEqual(expected);
    }
  });

  it("deletes starting rules that the JSON leaves out, so both formats mean the same", () => {
    const shadowed = exercise("fix-shadowed-allow");
    const nsg = shadowed.editable[0]!;
    const onlyOne = JSON.stringify({
      [nsg]: [
        {
          name: "Allow-SSH-Office",
          priority: 310,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "198.51.100.0/24",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "22",
        },
      ],
    });
    const cli = convertRules(shadowed, onlyOne, "json", "azcli");
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(cli.value.text).toMatch(/az network nsg rule delete .*--name Deny-Internet-Inbound/);
    expect(cli.value.text).not.toMatch(/rule delete .*--name Allow-SSH-Office/);
    expect(verdicts(gradeSubmission(shadowed, cli.value.text, "azcli"))).toEqual(
      verdicts(gradeSubmission(shadowed, onlyOne, "json")),
    );
  });

  it("refuses to convert text with errors, and says how many", () => {
    const result = convertRules(ftp, '{ "nsg-snet-ingest": [ { "name": } ] }', "json", "azcli");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: "rules-have-errors",
      message: expect.stringMatching(
        /^Cannot switch to az CLI: fix the \d+ errors? in your JSON first\. Your text is unchanged\.$/,
      ) as unknown,
    });
    // The summary comes first; the located errors follow it.
    if (!result.ok) expect(result.errors[1]?.span?.line).toBe(1);
    const invalidRule = convertRules(
      ftp,
      '{ "nsg-snet-ingest": [ { "name": "x", "priority": 5, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "21" } ] }',
      "json",
      "azcli",
    );
    expect(invalidRule).toMatchObject({ ok: false });
    expect(!invalidRule.ok && invalidRule.errors[0]).toMatchObject({
      message: expect.stringContaining("in your rules first") as unknown,
    });
  });

  it("refuses az CLI that JSON cannot express", () => {
    const subnet = exercise("protect-the-whole-subnet");
    const script = `az network nsg create --resource-group rg --name new-nsg\naz network nsg rule create --resource-group rg --nsg-name new-nsg --name a --priority 100 --direction Inbound --access Allow --protocol Tcp --destination-port-ranges 443\n`;
    const result = convertRules(subnet, script, "azcli", "json");
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-json",
          message: expect.stringContaining("Cannot switch to JSON") as unknown,
        },
      ],
    });
  });

  it("notes that comments do not survive a conversion", () => {
    const result = convertRules(ftp, ftp.starter!, "azcli", "json");
    expect(result).toMatchObject({ ok: true, value: { notes: ["Comments are not carried over to JSON."] } });
  });

  it("gives an empty skeleton for blank text", () => {
    expect(convertRules(ftp, "", "azcli", "json")).toMatchObject({
      ok: true,
      value: { text: ruleSetsToJson([], ftp.editable) },
    });
    expect(JSON.parse(ruleSetsToJson([], ftp.editable))).toEqual({ "nsg-snet-ingest": [] });
    expect(readRuleSets(ftp, "  \n# nothing\n", "azcli")).toEqual({ ok: true, value: [] });
  });

  it("exports to every deployment format, and refuses while there are errors or no rules", () => {
    for (const format of EXPORT_FORMATS) {
      const result = exportLearnerRules(ftp, ftp.solution!, "azcli", format);
      expect(result.ok, format).toBe(true);
      if (result.ok) expect(result.value.text, format).toContain("Allow-FTP-Control-Studio");
    }
    const broken = exportLearnerRules(ftp, "{", "json", "arm");
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && broken.errors[0]).toMatchObject({
      code: "rules-have-errors",
      message: expect.stringContaining("Cannot export") as unknown,
    });
    expect(exportLearnerRules(ftp, "", "json", "arm")).toMatchObject({
      ok: false,
      errors: [{ code: "no-rules", message: "Cannot export: there are no rules yet." }],
    });
  });

  it("keeps every author-rules solution's rules and verdicts through JSON → PowerShell → az CLI → PowerShell → JSON", () => {
    const exercises = allExercises().filter((e) => e.kind === "author-rules" && e.solution !== undefined);
    for (const ex of exercises) {
      const from = detectRuleFormat(ex.solution!);
      if (from === "yaml") continue;
      const expected = verdicts(gradeSubmission(ex, ex.solution!));
      const rules = rulesIn(ex, ex.solution!, from);
      const ps = convertRules(ex, ex.solution!, from, "powershell");
      if (!ps.ok) {
        // Associating NSGs is outside the PowerShell NSG Lab reads: refused, with the reason.
        expect(ps.errors[0]?.code, ex.id).toBe("not-expressible-in-powershell");
        continue;
      }
      expect(ps.value.text, ex.id).toContain("Get-AzNetworkSecurityGroup");
      expect(rulesIn(ex, ps.value.text, "powershell"), `${ex.id} as PowerShell`).toEqual(rules);
      expect(verdicts(gradeSubmission(ex, ps.value.text, "powershell")), `${ex.id} as PowerShell`).toEqual(
        expected,
      );
      const cli = converted(ex, ps.value.text, "powershell", "azcli");
      expect(rulesIn(ex, cli, "azcli"), `${ex.id} PowerShell → az CLI`).toEqual(rules);
      const again = converted(ex, cli, "azcli", "powershell");
      expect(again, `${ex.id}: az CLI → PowerShell gives the same script`).toBe(ps.value.text);
      const json = converted(ex, again, "powershell", "json");
      expect(rulesIn(ex, json, "json"), `${ex.id} PowerShell → JSON`).toEqual(rules);
      expect(converted(ex, json, "json", "powershell"), `${ex.id} JSON → PowerShell`).toBe(ps.value.text);
    }
  });

  it("writes PowerShell that changes the exercise's NSGs as they start: Set for rules they have, Remove for those left out", () => {
    const passive = exercise("ftp-passive");
    const script = converted(passive, passive.solution!, "azcli", "powershell");
    expect(script).toContain(
      "Get-AzNetworkSecurityGroup -Name 'nsg-snet-ingest' -ResourceGroupName 'rg-nsg-lab' |\n  Remove-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Active-Data-Studio' |\n",
    );
    expect(script).toMatch(/Set-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Control-Studio'/);
    expect(script).toMatch(/Add-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Passive-Studio'/);
    expect(script.trimEnd().endsWith("Set-AzNetworkSecurityGroup")).toBe(true);
  });

  it("refuses PowerShell that JSON cannot express, and az CLI that PowerShell cannot", () => {
    const created = `$r = New-AzNetworkSecurityRuleConfig -Name a -Priority 100 -Direction Inbound -Access Allow -Protocol Tcp -SourceAddressPrefix * -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 443
New-AzNetworkSecurityGroup -Name new-nsg -ResourceGroupName rg -Location westus -SecurityRules $r
`;
    expect(convertRules(ftp, created, "powershell", "json")).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-json",
          message: expect.stringContaining('creates NSG "new-nsg"') as unknown,
        },
      ],
    });
    const subnet = exercise("protect-the-whole-subnet");
    const refused = convertRules(subnet, subnet.solution!, "azcli", "powershell");
    expect(refused).toMatchObject({
      ok: false,
      errors: [
        {
          code: "not-expressible-in-powershell",
          message: expect.stringMatching(
            /^Cannot switch to PowerShell: .*associates NSGs.*Your text is unchanged\.$/,
          ) as unknown,
        },
      ],
    });
  });

  it("creates an NSG the script made when it goes from PowerShell to az CLI, and back", () => {
    const created = `$r = New-AzNetworkSecurityRuleConfig -Name a -Priority 100 -Direction Inbound -Access Allow -Protocol Tcp -SourceAddressPrefix * -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 443
New-AzNetworkSecurityGroup -Name new-nsg -ResourceGroupName rg -Location westus -SecurityRules $r
`;
    const cli = converted(ftp, created, "powershell", "azcli");
    expect(cli).toContain("az network nsg create --resource-group rg --name new-nsg");
    expect(rulesIn(ftp, cli, "azcli")).toEqual(rulesIn(ftp, created, "powershell"));
    const back = converted(ftp, cli, "azcli", "powershell");
    expect(back).toContain(
      "New-AzNetworkSecurityGroup -Name 'new-nsg' -ResourceGroupName 'rg' -Location $location",
    );
    expect(rulesIn(ftp, back, "powershell")).toEqual(rulesIn(ftp, created, "powershell"));
  });

  it("notes PowerShell and az CLI comments that a conversion drops", () => {
    expect(convertRules(ftp, ftp.starter!, "azcli", "powershell")).toMatchObject({
      ok: true,
      value: { notes: ["Comments are not carried over to PowerShell."] },
    });
    const commented = converted(ftp, ftp.solution!, "azcli", "powershell").replace(
      "Get-AzNetworkSecurityGroup",
      "<# read it #> Get-AzNetworkSecurityGroup",
    );
    expect(convertRules(ftp, commented.replace(/^#.*\n/gm, ""), "powershell", "json")).toMatchObject({
      ok: true,
      value: { notes: ["Comments are not carried over to JSON."] },
    });
  });

  it("starts PowerShell from a commented skeleton, in the exercise's resource group, when nothing is written yet", () => {
    const blank = convertRules(ftp, "", "azcli", "powershell");
    const fromSkeleton = convertRules(ftp, ruleSetsToJson([], ftp.editable), "json", "powershell");
    expect(blank).toMatchObject({ ok: true, value: { text: powerShellStarter(ftp, "rg-nsg-lab") } });
    expect(fromSkeleton).toMatchObject({ ok: true, value: { text: powerShellStarter(ftp, "rg-nsg-lab") } });
    const starter = powerShellStarter(ftp, "rg-nsg-lab");
    expect(starter).toContain(
      "# Get-AzNetworkSecurityGroup -Name 'nsg-snet-ingest' -ResourceGroupName 'rg-nsg-lab' |",
    );
    expect(starter).toContain("#   Set-AzNetworkSecurityGroup");
    // Only comments: it grades as the scenario as written, and gives no value away.
    expect(isBlankRules(starter)).toBe(true);
    expect(starter).not.toMatch(/198\.51\.100|10\.0\.3\.4|\b21\b/);
    expect(resourceGroupIn(starter)).toBe("rg-nsg-lab");
  });

  it("exports the editor's PowerShell for deployment, and every format to PowerShell", () => {
    for (const format of ["json", "azcli"] as const) {
      const text = format === "azcli" ? ftp.solution! : converted(ftp, ftp.solution!, "azcli", "json");
      const out = exportLearnerRules(ftp, text, format, "powershell");
      expect(out.ok && out.value.text, format).toContain(
        "Add-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Control-Studio'",
      );
    }
    const ps = converted(ftp, ftp.solution!, "azcli", "powershell").replaceAll("rg-nsg-lab", "media-rg");
    const arm = exportLearnerRules(ftp, ps, "powershell", "azcli");
    expect(arm.ok && arm.value.text).toContain("--resource-group media-rg");
  });

  it("finds the resource group a script uses", () => {
    expect(resourceGroupIn("az network nsg rule create --resource-group media-rg --nsg-name x")).toBe(
      "media-rg",
    );
    expect(resourceGroupIn("az network nsg rule create -g 'my rg'")).toBe("my rg");
    expect(resourceGroupIn("az network nsg rule create -g $RG")).toBeUndefined();
    expect(resourceGroupIn("Get-AzNetworkSecurityGroup -Name x -ResourceGroupName 'my rg' |")).toBe("my rg");
    expect(resourceGroupIn("Get-AzNetworkSecurityGroup -resourcegroup:media-rg")).toBe("media-rg");
    expect(resourceGroupIn("Get-AzNetworkSecurityGroup -ResourceGroupName $RGname")).toBeUndefined();
  });
});

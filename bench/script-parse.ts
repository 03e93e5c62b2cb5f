/**
 * The script readers alone: a pasted 1,000-rule NSG as an Azure PowerShell script and as an az
 * CLI script, read into a RuleDocument (no validation or grading), against a budget of 100 ms.
 * The PowerShell script writes each rule the ways Learn does: half as New-AzNetworkSecurityRuleConfig
 * with parameters written out, piped to Add-, half splatted from a hashtable and added with +=.
 */
import { readFileSync } from "node:fs";
import { exportRules } from "../src/lib/formats/export/index.ts";
import { loadExercise, parseLearnerRules, type Exercise } from "../src/lib/grader/index.ts";
import { securityRuleSchema, toArmRule, type SecurityRule } from "../src/lib/nsg/index.ts";
import { generateRules } from "./generators.ts";
import { measure, ms, ratio } from "./measure.ts";
import { seeded } from "./random.ts";

/** A 1,000-rule script is read while the learner waits for the first grade: 100 ms at most. */
const PARSE_TARGET_MS = 100;
const RULES = 1000;

function exercise(): Exercise {
  const loaded = loadExercise(readFileSync("graders/ftp-active.yaml", "utf8"));
  if (!loaded.ok) throw new Error("graders/ftp-active.yaml is invalid");
  return loaded.value;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const list = (values: readonly string[]) => values.map(quote).join(", ");

/** One rule's parameters, as PowerShell writes them (Az.Network's names). */
function parameters(rule: SecurityRule): [string, string][] {
  const arm = toArmRule(rule);
  const side = (plural: string, singular: string) =>
    (arm[plural] as string[] | undefined) ?? [arm[singular] as string];
  return [
    ["Name", quote(rule.name)],
    ["Priority", String(rule.priority)],
    ["Direction", quote(rule.direction)],
    ["Access", quote(rule.access)],
    ["Protocol", quote(rule.protocol)],
    ["SourceAddressPrefix", list(side("sourceAddressPrefixes", "sourceAddressPrefix"))],
    ["SourcePortRange", list(side("sourcePortRanges", "sourcePortRange"))],
    ["DestinationAddressPrefix", list(side("destinationAddressPrefixes", "destinationAddressPrefix"))],
    ["DestinationPortRange", list(side("destinationPortRanges", "destinationPortRange"))],
  ];
}

export function powerShellScript(nsg: string, rules: readonly SecurityRule[]): string {
  const lines = [`$nsg = Get-AzNetworkSecurityGroup -Name ${quote(nsg)} -ResourceGroupName 'rg-nsg-lab'`];
  rules.forEach((rule, i) => {
    const params = parameters(rule);
    if (i % 2 === 0)
      lines.push(
        `$nsg | Add-AzNetworkSecurityRuleConfig \`\n  ${params.map(([k, v]) => `-${k} ${v}`).join(" `\n  ")} | Out-Null`,
      );
    else
      lines.push(
        `$rule = @{\n${params.map(([k, v]) => `    ${k} = ${v}`).join("\n")}\n}`,
        "$nsg.SecurityRules += New-AzNetworkSecurityRuleConfig @rule",
      );
  });
  lines.push("$nsg | Set-AzNetworkSecurityGroup");
  return `${lines.join("\n")}\n`;
}

export function scriptParseBench(line: (label: string, value: string) => void): void {
  const ftp = exercise();
  const nsg = ftp.editable[0]!;
  const rules = generateRules(seeded(11), RULES).map((r, i) => ({
    ...securityRuleSchema.parse({ ...r, direction: "Inbound" }),
    name: `rule-${i}`,
    priority: 100 + i,
  }));
  const scripts = {
    powershell: powerShellScript(nsg, rules),
    azcli: exportRules("azcli", [{ nsg, rules }], { resourceGroup: "rg-nsg-lab" }),
  } as const;
  console.log(`\n3b. Reading a ${RULES.toLocaleString("en")}-rule script into a rule document (no grading)`);
  for (const [format, text] of Object.entries(scripts) as [keyof typeof scripts, string][]) {
    const check = () => {
      const doc = parseLearnerRules(text, ftp, format);
      if (!doc.ok || doc.value.nsgs[0]?.rules.length !== RULES)
        throw new Error(
          `the ${format} script did not read: ${doc.ok ? "rules missing" : doc.errors[0]?.message}`,
        );
    };
    const run = measure(check, { warmup: 2, runs: 9 });
    line(
      `${format === "powershell" ? "Azure PowerShell" : "az CLI"} (${Math.round(text.length / 1024)} KB)`,
      `${ms(run.median)}  ${ratio(run.median, PARSE_TARGET_MS)}`,
    );
  }
}

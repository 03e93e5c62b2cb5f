import { describe, expect, it } from "vitest";
import { BLANK_CLI, BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { compilePlayground } from "../../src/lib/playground/compile-playground.ts";
import { appendChange, commandsForChange } from "../../src/lib/playground/rule-form-commands.ts";
import { applyRuleChange, type RuleChange } from "../../src/lib/rule-form/rule-changes.ts";
import { validateRuleForm } from "../../src/lib/rule-form/validate-rule-form.ts";
import { blankRuleForm } from "../../src/lib/rule-form/rule-form-values.ts";
import type { NsgRuleSet } from "../../src/lib/formats/export/index.ts";

/** The scenario's NSGs after the az CLI changes, as rule sets. */
function setsAfter(cli: string): NsgRuleSet[] {
  const model = compilePlayground(BLANK_SCENARIO, cli);
  if (!model.evaluator)
    throw new Error([...model.scenarioErrors, ...model.cliErrors].map((e) => e.message).join("; "));
  return model.evaluator.network.topology.nsgs.map((n) => ({ nsg: n.name, rules: n.securityRules }));
}

const byName = (sets: NsgRuleSet[]) =>
  sets.map((s) => ({ nsg: s.nsg, rules: [...s.rules].sort((a, b) => a.name.localeCompare(b.name)) }));

/** A rule the pane would give: SSH from an office range, checked against the scenario as it is. */
function sshRule(name: string, priority: string) {
  const before = compilePlayground(BLANK_SCENARIO, BLANK_CLI).evaluator!.network.topology;
  const checked = validateRuleForm(
    {
      ...blankRuleForm("Inbound"),
      source: "ip-addresses",
      sourceAddresses: "198.51.100.0/24, 203.0.113.7",
      service: "SSH",
      protocol: "Tcp",
      destinationPorts: "22",
      priority,
      name,
      description: "Office's SSH",
    },
    { topology: before, nsg: "nsg-web" },
  );
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join("; "));
  return checked.value;
}

describe("the playground's portal form, written as az CLI changes", () => {
  const before = setsAfter(BLANK_CLI);
  const existing = before.find((s) => s.nsg === "nsg-web")!.rules[0]!;

  it.each<[string, RuleChange]>([
    ["adds a rule", { kind: "put", nsg: "nsg-web", rule: sshRule("Allow-SSH-Office", "110") }],
    [
      "saves a rule over the scenario's own",
      {
        kind: "put",
        nsg: "nsg-web",
        rule: { ...existing, priority: 150 },
        replacing: { index: 0, name: existing.name },
      },
    ],
    [
      "renames a rule",
      {
        kind: "put",
        nsg: "nsg-web",
        rule: sshRule("Allow-SSH", "120"),
        replacing: { index: 0, name: existing.name },
      },
    ],
    ["deletes a rule", { kind: "delete", nsg: "nsg-db-nic", index: 0, name: "Allow-SQL-From-Web" }],
  ])("%s: the commands give the NSG exactly the rules the change describes", (_, change) => {
    const cli = appendChange(BLANK_CLI, change);
    expect(cli.startsWith(BLANK_CLI)).toBe(true);
    expect(byName(setsAfter(cli))).toEqual(byName(applyRuleChange(before, change)));
  });

  it("writes the commands in the resource group the changes already use, quoting what the shell would touch", () => {
    const change: RuleChange = { kind: "put", nsg: "nsg-web", rule: sshRule("Allow-SSH-Office", "110") };
    const cli = appendChange("az network nsg rule delete -g rg-lab --nsg-name nsg-web -n Nope", change);
    expect(cli).toContain("-n Nope\n# Portal form: add inbound rule Allow-SSH-Office to nsg-web\n");
    expect(cli).toContain("--resource-group rg-lab");
    expect(cli).toContain("--description 'Office'\\''s SSH'");
    expect(
      commandsForChange({ kind: "delete", nsg: "nsg-web", index: 0, name: "Allow-HTTPS-In" }, "rg"),
    ).toBe(
      "# Portal form: delete rule Allow-HTTPS-In of nsg-web\naz network nsg rule delete --resource-group rg --nsg-name nsg-web --name Allow-HTTPS-In\n",
    );
  });
});

import { describe, expect, it } from "vitest";
import { compilePlayground } from "../../src/lib/playground/compile-playground.ts";
import { BLANK_CLI, BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { rule, twoVmScenario } from "./scenario.ts";
import { joinMessages } from "../../src/lib/result.ts";

const verdictOf = (
  scenario: string,
  cli: string,
  flow: Parameters<NonNullable<ReturnType<typeof compilePlayground>["evaluator"]>["evaluate"]>[0],
) => {
  const model = compilePlayground(scenario, cli);
  if (!model.evaluator) throw new Error(JSON.stringify([...model.scenarioErrors, ...model.cliErrors]));
  const verdict = model.evaluator.evaluate(flow);
  if (!verdict.ok) throw new Error(joinMessages(verdict.errors));
  return verdict.value;
};

const create = (nsg: string, name: string, priority: number, extra: string) =>
  `az network nsg rule create -g rg --nsg-name ${nsg} -n ${name} --priority ${priority} --direction Inbound --access Allow --protocol Tcp ${extra}\n`;

describe("az CLI changes on top of a scenario", () => {
  const scenario = twoVmScenario({
    webSubnet: [rule("ssh", 100, { destinationPortRange: "22", sourceAddressPrefix: "198.51.100.0/24" })],
    appNic: [],
  });
  const flow = { from: "198.51.100.5", to: "web-vm", protocol: "Tcp" as const, port: 443 };

  it("changes nothing when blank or comments only", () => {
    const model = compilePlayground(BLANK_SCENARIO, BLANK_CLI);
    expect([model.scenarioErrors, model.cliErrors]).toEqual([[], []]);
    expect(model.evaluator).toBeDefined();
  });

  it("adds a rule to any NSG of the scenario, keeping the rules it had", () => {
    expect(verdictOf(scenario, "", flow).access).toBe("Deny");
    const after = verdictOf(
      scenario,
      create("web-subnet-nsg", "https", 110, "--destination-port-ranges 443"),
      flow,
    );
    expect(after.access).toBe("Allow");
    expect(
      verdictOf(scenario, create("web-subnet-nsg", "https", 110, "--destination-port-ranges 443"), {
        ...flow,
        port: 22,
      }).access,
    ).toBe("Allow");
  });

  it("updates and deletes existing rules", () => {
    const ssh = { ...flow, port: 22 };
    expect(
      verdictOf(
        scenario,
        "az network nsg rule update -g rg --nsg-name web-subnet-nsg -n ssh --destination-port-ranges 2222\n",
        ssh,
      ).access,
    ).toBe("Deny");
    expect(
      verdictOf(scenario, "az network nsg rule delete -g rg --nsg-name web-subnet-nsg -n ssh\n", ssh).access,
    ).toBe("Deny");
  });

  it("moves NSG associations with nic update and subnet update", () => {
    const detach =
      "az network vnet subnet update -g rg --vnet-name vnet -n web --network-security-group ''\n";
    expect(verdictOf(scenario, detach, flow).steps.every((s) => s.kind === "no-nsg")).toBe(true);
    const attach = "az network nic update -g rg -n web-nic --network-security-group app-nic-nsg\n";
    const verdict = verdictOf(scenario, attach, { ...flow, port: 22 });
    expect(verdict.steps.map((s) => (s.kind === "nsg" ? s.nsg : s.kind))).toEqual([
      "web-subnet-nsg",
      "app-nic-nsg",
    ]);
  });

  it("locates errors in the script", () => {
    const model = compilePlayground(
      scenario,
      "# a comment\naz network nsg rule create -g rg --nsg-name web-subnet-nsg -n x --priority 99999 --destination-port-ranges 80\n",
    );
    expect(model.evaluator).toBeUndefined();
    expect(model.cliErrors.map((e) => `${e.span?.line} ${e.message}`)).toEqual([
      expect.stringMatching(/^2 .*99999/),
    ]);
    const unknown = compilePlayground(
      scenario,
      "az network nsg rule create -g rg --nsg-name nope -n x --priority 100\n",
    );
    expect(unknown.cliErrors[0]?.message).toMatch(/NSG "nope" was not found/);
  });

  it("does not check the script against a broken scenario", () => {
    const model = compilePlayground("topology: [", "az network nsg rule delete -g rg --nsg-name x -n y\n");
    expect(model.scenarioErrors.length).toBeGreaterThan(0);
    expect(model.cliErrors).toEqual([]);
  });

  it("passes warnings through (deleting a rule that is not there)", () => {
    const model = compilePlayground(
      scenario,
      "az network nsg rule delete -g rg --nsg-name web-subnet-nsg -n nope\n",
    );
    expect(model.evaluator).toBeDefined();
    expect(model.cliWarnings[0]?.message).toMatch(/nothing was deleted/);
  });
});

describe("Azure PowerShell changes on top of a scenario", () => {
  const scenario = twoVmScenario({
    webSubnet: [rule("ssh", 100, { destinationPortRange: "22", sourceAddressPrefix: "198.51.100.0/24" })],
    appNic: [],
  });
  const flow = { from: "198.51.100.5", to: "web-vm", protocol: "Tcp" as const, port: 443 };
  const addHttps = `# Open HTTPS on the web subnet
Get-AzNetworkSecurityGroup -Name web-subnet-nsg -ResourceGroupName rg |
  Add-AzNetworkSecurityRuleConfig -Name https -Priority 110 -Direction Inbound -Access Allow \`
    -Protocol Tcp -SourceAddressPrefix * -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 443 |
  Set-AzNetworkSecurityGroup
`;

  it("is read as PowerShell because it is written in it, and changes the verdict the trace shows", () => {
    const model = compilePlayground(scenario, addHttps);
    expect(model.changesLanguage).toBe("powershell");
    const verdict = verdictOf(scenario, addHttps, flow);
    expect(verdict.access).toBe("Allow");
    expect(verdict.steps.find((s) => s.kind === "nsg")).toMatchObject({
      nsg: "web-subnet-nsg",
      rule: { name: "https" },
    });
    // The rules the NSG had are kept (Get-AzNetworkSecurityGroup reads them).
    expect(verdictOf(scenario, addHttps, { ...flow, port: 22 }).access).toBe("Allow");
    expect(compilePlayground(scenario, "az network nsg list -g rg\n").changesLanguage).toBe("azcli");
    expect(compilePlayground(scenario, BLANK_CLI).changesLanguage).toBe("azcli");
  });

  it("locates PowerShell errors and warnings in the script", () => {
    const typo = compilePlayground(scenario, addHttps.replace("-Priority 110", "-Priorty 110"));
    expect(typo.evaluator).toBeUndefined();
    const errors = typo.cliErrors.filter((e) => e.severity !== "warning");
    expect(errors.map((e) => [e.code, e.span?.line, e.span?.column])).toEqual([["unknown-argument", 3, 47]]);
    const unsaved = compilePlayground(scenario, addHttps.replace(" |\n  Set-AzNetworkSecurityGroup", ""));
    expect(unsaved.evaluator).toBeDefined();
    expect(unsaved.cliWarnings.map((w) => [w.code, w.span?.line])).toEqual([["unsaved-nsg-change", 3]]);
    expect(verdictOf(scenario, addHttps.replace(" |\n  Set-AzNetworkSecurityGroup", ""), flow).access).toBe(
      "Deny",
    );
  });
});

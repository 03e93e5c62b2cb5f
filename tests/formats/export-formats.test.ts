import { describe, expect, it } from "vitest";
import {
  armTemplate,
  bicepIdentifier,
  bicepString,
  exportArm,
  exportAzCli,
  exportBicep,
  exportPowerShell,
  exportRules,
  exportTerraform,
  EXPORT_FORMATS,
  hclString,
  asgVariable,
  psQuote,
  shellQuote,
  terraformName,
  type NsgRuleSet,
} from "../../src/lib/formats/export/index.ts";
import { securityRuleSchema } from "../../src/lib/nsg/index.ts";

const rule = (input: Record<string, unknown>) => securityRuleSchema.parse(input);

const WEB = rule({
  name: "Allow-Web",
  priority: 100,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "Internet",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRanges: ["80", "443"],
  description: 'Web traffic, it\'s "public"',
});
const DB = rule({
  name: "web-to-db",
  priority: 200,
  direction: "Outbound",
  access: "Deny",
  protocol: "*",
  sourceApplicationSecurityGroups: ["web-asg"],
  sourcePortRange: "*",
  destinationAddressPrefixes: ["10.0.1.0/24", "10.0.2.4"],
  destinationPortRange: "1433",
});
const SETS: NsgRuleSet[] = [
  { nsg: "web-nsg", rules: [WEB, DB] },
  { nsg: "2nd nsg", rules: [] },
];
const ASG_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/nsg-lab-rg/providers/Microsoft.Network/applicationSecurityGroups/web-asg";

describe("az CLI export", () => {
  const script = exportAzCli(SETS);

  it("writes one az network nsg rule create per rule, an argument per line with \\ continuations", () => {
    expect(script).toContain(
      [
        "az network nsg rule create \\",
        "  --resource-group nsg-lab-rg \\",
        "  --nsg-name web-nsg \\",
        "  --name Allow-Web \\",
        "  --priority 100 \\",
        "  --direction Inbound \\",
        "  --access Allow \\",
        "  --protocol Tcp \\",
        "  --source-address-prefixes Internet \\",
        "  --source-port-ranges '*' \\",
        "  --destination-address-prefixes '*' \\",
        "  --destination-port-ranges 80 443 \\",
        `  --description 'Web traffic, it'\\''s "public"'`,
      ].join("\n"),
    );
  });

  it("uses --source-asgs instead of address prefixes for ASGs, and the resource group option", () => {
    const other = exportAzCli(SETS, { resourceGroup: "my rg" });
    expect(other).toContain("--resource-group 'my rg'");
    expect(script).toContain(
      "  --source-asgs web-asg \\\n  --destination-address-prefixes 10.0.1.0/24 10.0.2.4 \\\n  --destination-port-ranges 1433\n",
    );
    expect(script).not.toMatch(/--name web-to-db[\s\S]*--source-address-prefixes/);
  });

  it("quotes what the shell would change and attaches a leading-dash description with =", () => {
    expect(
      ["*", "a b", "", "$HOME", "it's", "x;y", "80", "10.0.0.0/24", "Storage.WestEurope"].map(shellQuote),
    ).toEqual([
      "'*'",
      "'a b'",
      "''",
      "'$HOME'",
      "'it'\\''s'",
      "'x;y'",
      "80",
      "10.0.0.0/24",
      "Storage.WestEurope",
    ]);
    const dash = exportAzCli([{ nsg: "n", rules: [rule({ ...DB, description: "-x" })] }]);
    expect(dash).toContain("--description=-x");
    expect(exportAzCli([{ nsg: "n", rules: [rule({ ...DB, description: "-a b" })] }])).toContain(
      "--description='-a b'",
    );
  });
});

describe("Azure PowerShell export", () => {
  const script = exportPowerShell(SETS);

  it("changes each NSG in one Get | Add… | Set pipeline, a parameter group per line", () => {
    expect(script).toContain(
      [
        "# 2 rules for NSG web-nsg",
        "Get-AzNetworkSecurityGroup -Name 'web-nsg' -ResourceGroupName 'nsg-lab-rg' |",
        "  Add-AzNetworkSecurityRuleConfig -Name 'Allow-Web' -Priority 100 -Direction Inbound -Access Allow -Protocol Tcp `",
        "    -SourceAddressPrefix 'Internet' -SourcePortRange '*' `",
        "    -DestinationAddressPrefix '*' -DestinationPortRange 80, 443 `",
        "    -Description 'Web traffic, it''s \"public\"' |",
        "  Add-AzNetworkSecurityRuleConfig -Name 'web-to-db' -Priority 200 -Direction Outbound -Access Deny -Protocol '*' `",
        "    -SourceApplicationSecurityGroup $webAsg -SourcePortRange '*' `",
        "    -DestinationAddressPrefix '10.0.1.0/24', '10.0.2.4' -DestinationPortRange 1433 |",
        "  Set-AzNetworkSecurityGroup",
      ].join("\n"),
    );
    // An NSG with nothing to change gets no commands.
    expect(script).toContain("# 0 rules for NSG 2nd nsg\n");
    expect(script).not.toContain("-Name '2nd nsg'");
  });

  it("looks ASGs up once, by object, in the resource group given", () => {
    const other = exportPowerShell(SETS, { resourceGroup: "it's rg" });
    expect(other).toContain(
      "$webAsg = Get-AzApplicationSecurityGroup -Name 'web-asg' -ResourceGroupName 'it''s rg'\n",
    );
    expect(other.match(/Get-AzApplicationSecurityGroup/g)).toHaveLength(1);
    const taken = new Set<string>();
    expect(["web-asg", "Web-Asg", "db", "9-tier", "asg"].map((n) => asgVariable(n, taken))).toEqual([
      "webAsg",
      "webAsg2",
      "dbAsg",
      "asg9TierAsg",
      "asg",
    ]);
  });

  it("rewrites rules the NSG has with Set-…, removes those left out, and creates new NSGs from rule variables", () => {
    const changed = exportPowerShell(
      [
        { nsg: "web-nsg", rules: [WEB] },
        { nsg: "app-nsg", rules: [WEB, DB] },
      ],
      {
        existingRules: { "WEB-NSG": ["allow-web", "Old-Rule"] },
        newNsgs: ["app-nsg"],
        location: "eastus",
      },
    );
    expect(changed).toContain(
      "# 1 rule for NSG web-nsg (1 rule removed)\nGet-AzNetworkSecurityGroup -Name 'web-nsg' -ResourceGroupName 'nsg-lab-rg' |\n  Remove-AzNetworkSecurityRuleConfig -Name 'Old-Rule' |\n  Set-AzNetworkSecurityRuleConfig -Name 'Allow-Web' ",
    );
    expect(changed).toContain("$location = 'eastus'\n");
    expect(changed).toContain("$rule1 = New-AzNetworkSecurityRuleConfig -Name 'Allow-Web' -Priority 100");
    expect(changed).toContain(
      "New-AzNetworkSecurityGroup -Name 'app-nsg' -ResourceGroupName 'nsg-lab-rg' -Location $location `\n  -SecurityRules $rule1, $rule2\n",
    );
    expect(
      exportPowerShell([{ nsg: "web-nsg", rules: [] }], { existingRules: { "web-nsg": ["a"] } }),
    ).toContain(
      "Get-AzNetworkSecurityGroup -Name 'web-nsg' -ResourceGroupName 'nsg-lab-rg' |\n  Remove-AzNetworkSecurityRuleConfig -Name 'a' |\n  Set-AzNetworkSecurityGroup\n",
    );
  });

  it("single-quotes text, doubling every quote PowerShell reads as one, and leaves integers bare", () => {
    expect(["*", "", "it's", "$HOME `x`", "\u2018a\u2019", "a\nb"].map(psQuote)).toEqual([
      "'*'",
      "''",
      "'it''s'",
      "'$HOME `x`'",
      "'\u2018\u2018a\u2019\u2019'",
      "'a\nb'",
    ]);
    const ports = exportPowerShell([
      {
        nsg: "n",
        rules: [
          rule({ ...DB, destinationPortRange: undefined, destinationPortRanges: ["080", "0", "20-21"] }),
        ],
      },
    ]);
    expect(ports).toContain("-DestinationPortRange '080', 0, '20-21'");
  });
});

describe("ARM template export", () => {
  const template = armTemplate(SETS);

  it("is a deployment template with one NSG resource per NSG", () => {
    expect(template.$schema).toMatch(/deploymentTemplate\.json#$/);
    expect(template.resources.map((r) => [r.type, r.apiVersion, r.name])).toEqual([
      ["Microsoft.Network/networkSecurityGroups", "2024-05-01", "web-nsg"],
      ["Microsoft.Network/networkSecurityGroups", "2024-05-01", "2nd nsg"],
    ]);
    expect(template.resources[1]!.properties.securityRules).toEqual([]);
  });

  it("writes { name, properties } rules, singular for one value and plural for several", () => {
    const [web, db] = template.resources[0]!.properties.securityRules;
    expect(web).toEqual({
      name: "Allow-Web",
      properties: {
        description: 'Web traffic, it\'s "public"',
        protocol: "Tcp",
        sourcePortRange: "*",
        destinationPortRanges: ["80", "443"],
        sourceAddressPrefix: "Internet",
        destinationAddressPrefix: "*",
        access: "Allow",
        priority: 100,
        direction: "Inbound",
      },
    });
    expect(db!.properties).toMatchObject({
      destinationAddressPrefixes: ["10.0.1.0/24", "10.0.2.4"],
      destinationPortRange: "1433",
    });
    expect(db!.properties).not.toHaveProperty("sourceAddressPrefix");
  });

  it("references ASGs by literal ID with a placeholder subscription, never a resourceId() expression", () => {
    const db = template.resources[0]!.properties.securityRules[1]!;
    expect(db.properties.sourceApplicationSecurityGroups).toEqual([{ id: ASG_ID }]);
    const custom = armTemplate(SETS, { subscription: "1234", resourceGroup: "rg" }).resources[0]!.properties
      .securityRules[1]!;
    expect(custom.properties.sourceApplicationSecurityGroups).toEqual([
      {
        id: "/subscriptions/1234/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/web-asg",
      },
    ]);
    expect(exportArm(SETS)).not.toMatch(/resourceId\(/);
    expect(exportArm(SETS)).toBe(`${JSON.stringify(template, null, 2)}\n`);
  });
});

describe("Bicep export", () => {
  const bicep = exportBicep(SETS);

  it("declares an NSG resource with inline securityRules", () => {
    expect(bicep).toContain("param location string = resourceGroup().location");
    expect(bicep).toContain(
      "resource webNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {\n  name: 'web-nsg'\n  location: location\n  properties: {\n    securityRules: [\n      {\n        name: 'Allow-Web'\n        properties: {\n",
    );
    expect(bicep).toContain(
      "resource nsg2ndNsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {\n  name: '2nd nsg'\n  location: location\n  properties: {\n    securityRules: []\n  }\n}",
    );
  });

  it("writes singular and plural fields, ASG ids and escaped strings", () => {
    expect(bicep).toContain(
      "          destinationPortRanges: [\n            '80'\n            '443'\n          ]\n",
    );
    expect(bicep).toContain("          sourceAddressPrefix: 'Internet'\n");
    expect(bicep).toContain("          description: 'Web traffic, it\\'s \"public\"'\n");
    expect(bicep).toContain(
      `          sourceApplicationSecurityGroups: [\n            {\n              id: '${ASG_ID}'\n            }\n          ]\n`,
    );
    expect(bicep).toContain("          priority: 200\n");
    expect(bicepString("a\\b ${x}\n")).toBe("'a\\\\b \\${x}\\n'");
  });

  it("makes unique identifiers that are not keywords", () => {
    const taken = new Set<string>();
    expect(["web-nsg", "web_nsg", "resource", "9lives", "---"].map((n) => bicepIdentifier(n, taken))).toEqual(
      ["webNsg", "webNsg_2", "resourceNsg", "nsg9lives", "nsg"],
    );
  });
});

describe("Terraform export", () => {
  const tf = exportTerraform(SETS);

  it("writes an azurerm_network_security_rule per rule, aligned like terraform fmt", () => {
    expect(tf).toContain(
      [
        'resource "azurerm_network_security_rule" "web_nsg_allow_web" {',
        '  name                        = "Allow-Web"',
        "  priority                    = 100",
        '  direction                   = "Inbound"',
        '  access                      = "Allow"',
        '  protocol                    = "Tcp"',
        '  source_port_range           = "*"',
        '  destination_port_ranges     = ["80", "443"]',
        '  source_address_prefix       = "Internet"',
        '  destination_address_prefix  = "*"',
        '  description                 = "Web traffic, it\'s \\"public\\""',
        '  resource_group_name         = "nsg-lab-rg"',
        '  network_security_group_name = "web-nsg"',
        "}",
      ].join("\n"),
    );
  });

  it("uses plural address prefixes and ASG ids where the rule has them", () => {
    expect(tf).toContain('  destination_address_prefixes          = ["10.0.1.0/24", "10.0.2.4"]\n');
    expect(tf).toContain(`  source_application_security_group_ids = ["${ASG_ID}"]\n`);
    expect(tf).not.toMatch(/web_to_db[\s\S]*source_address_prefix\b/);
  });

  it("sanitizes resource names and escapes HCL strings", () => {
    const taken = new Set<string>();
    expect(
      [
        ["web-nsg", "Allow.HTTP"],
        ["web-nsg", "allow_http"],
        ["1nsg", "r"],
        ["-", "-"],
      ].map(([n, r]) => terraformName(n!, r!, taken)),
    ).toEqual(["web_nsg_allow_http", "web_nsg_allow_http_2", "rule_1nsg_r", "rule"]);
    expect(hclString('a"b\\c ${x} %{y}\n')).toBe('"a\\"b\\\\c $${x} %%{y}\\n"');
  });
});

describe("exportRules", () => {
  it("dispatches to each format and is deterministic", () => {
    const direct = {
      azcli: exportAzCli,
      powershell: exportPowerShell,
      arm: exportArm,
      bicep: exportBicep,
      terraform: exportTerraform,
    };
    for (const format of EXPORT_FORMATS) {
      expect(exportRules(format, SETS)).toBe(direct[format](SETS));
      expect(exportRules(format, SETS)).toBe(exportRules(format, structuredClone(SETS)));
      expect(exportRules(format, SETS).endsWith("\n")).toBe(true);
    }
  });
});

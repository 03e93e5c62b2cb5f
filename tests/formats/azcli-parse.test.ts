import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { vmTopology } from "./vm-topology.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import type { SourceSpan } from "../../src/lib/result.ts";
import { securityRuleSchema } from "../../src/lib/nsg/index.ts";

const ALLOW_SSH = {
  name: "allow-ssh",
  priority: 300,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "22",
};

const EXERCISE: AzCliOptions = {
  editable: ["web-nsg"],
  initialRules: { "web-nsg": [ALLOW_SSH], "subnet-nsg": [] },
  topology: vmTopology({ "web-vm": { nic: "web-nsg", subnet: "subnet-nsg" } }),
};

function parseOk(script: string, options: AzCliOptions = EXERCISE): RuleDocument {
  const result = parseAzCli(script, options);
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n"));
  return result.value;
}

const rulesOf = (doc: RuleDocument, nsg = "web-nsg") => doc.nsgs.find((n) => n.name === nsg)?.rules ?? [];
const lastRule = (doc: RuleDocument, nsg = "web-nsg") => rulesOf(doc, nsg).at(-1);

/** The text a span covers. */
function textAt(script: string, span: SourceSpan | undefined): string | undefined {
  if (!span) return undefined;
  const lines = script.split("\n");
  if (span.line === span.endLine) return lines[span.line - 1]!.slice(span.column - 1, span.endColumn - 1);
  const first = lines[span.line - 1]!.slice(span.column - 1);
  const last = lines[span.endLine - 1]!.slice(0, span.endColumn - 1);
  return [first, ...lines.slice(span.line, span.endLine - 1), last].join("\n");
}

describe("az network nsg rule create, as Microsoft's docs write it", () => {
  it("reads the quickstart line with its singular flag spellings (argparse prefixes of the plural flags)", () => {
    const script =
      'az network nsg rule create --resource-group myResourceGroup --nsg-name web-nsg --name Allow-HTTP --access Allow --protocol Tcp --direction Inbound --priority 100 --source-address-prefix Internet --source-port-range "*" --destination-address-prefix "*" --destination-port-range 80';
    expect(lastRule(parseOk(script))).toEqual({
      name: "Allow-HTTP",
      priority: 100,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefix: "Internet",
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: "80",
    });
  });

  it("applies az's defaults: Allow, Inbound, any protocol, any address, source port *, destination port 80", () => {
    const doc = parseOk(
      "az network nsg rule create -g MyResourceGroup --nsg-name web-nsg -n MyNsgRule --priority 100",
    );
    expect(lastRule(doc)).toEqual({
      name: "MyNsgRule",
      priority: 100,
      direction: "Inbound",
      access: "Allow",
      protocol: "*",
      sourceAddressPrefix: "*",
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: "80",
    });
  });

  it("turns a space-separated list into the plural field and one value into the singular field", () => {
    const script =
      "az network nsg rule create -g MyResourceGroup --nsg-name web-nsg -n MyNsgRule --priority 4096 --source-address-prefixes 208.130.28.0/24 --source-port-ranges 80 --destination-address-prefixes '*' --destination-port-ranges 80 8080 --access Deny --protocol Tcp --description \"Deny from specific IP address ranges on 80 and 8080.\"";
    expect(lastRule(parseOk(script))).toEqual({
      name: "MyNsgRule",
      priority: 4096,
      direction: "Inbound",
      access: "Deny",
      protocol: "Tcp",
      sourceAddressPrefix: "208.130.28.0/24",
      sourcePortRange: "80",
      destinationAddressPrefix: "*",
      destinationPortRanges: ["80", "8080"],
      description: "Deny from specific IP address ranges on 80 and 8080.",
    });
  });

  it("writes ASGs as resource IDs in the command's resource group and drops the default prefix on that side", () => {
    const script =
      'az network nsg rule create -g MyResourceGroup --nsg-name web-nsg -n MyNsgRuleWithAsg --priority 500 --source-address-prefixes Internet --destination-port-ranges 80 8080 --destination-asgs Web --access Allow --protocol Tcp --description "Allow Internet to Web ASG on ports 80,8080."';
    const rule = lastRule(parseOk(script)) as Record<string, unknown>;
    expect(rule.destinationAddressPrefix).toBeUndefined();
    expect(rule.destinationApplicationSecurityGroups).toEqual([
      {
        id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/MyResourceGroup/providers/Microsoft.Network/applicationSecurityGroups/Web",
      },
    ]);
    expect(securityRuleSchema.parse(rule).destinationApplicationSecurityGroups).toEqual(["Web"]);
  });

  it("keeps an ASG given as a full ID and uses --subscription in built IDs", () => {
    const id =
      "/subscriptions/1111/resourceGroups/other/providers/Microsoft.Network/applicationSecurityGroups/db";
    const doc = parseOk(
      `az network nsg rule create -g rg --subscription 2222 --nsg-name web-nsg -n r --priority 100 --source-asgs ${id} --destination-asgs web`,
    );
    const rule = lastRule(doc) as Record<string, unknown>;
    expect(rule.sourceApplicationSecurityGroups).toEqual([{ id }]);
    expect(rule.destinationApplicationSecurityGroups).toEqual([
      {
        id: "/subscriptions/2222/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/web",
      },
    ]);
  });

  it("passes enum values through as written (the validator canonicalizes them) and keeps priority a number", () => {
    const rule = lastRule(
      parseOk(
        "az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 0100 --access deny --protocol udp --direction outbound",
      ),
    );
    expect(rule).toMatchObject({ priority: 100, access: "deny", protocol: "udp", direction: "outbound" });
    expect(securityRuleSchema.parse(rule)).toMatchObject({
      access: "Deny",
      protocol: "Udp",
      direction: "Outbound",
    });
  });

  it("accepts --flag=value, -gVALUE, unique prefixes and global arguments", () => {
    const doc = parseOk(
      "az network nsg rule create -gmy-rg --nsg-name=web-nsg -n=r1 --prio=150 --destination-port=443 --desc='a b' --no-wait -o none --only-show-errors --query id --verbose",
    );
    expect(lastRule(doc)).toMatchObject({
      name: "r1",
      priority: 150,
      destinationPortRange: "443",
      description: "a b",
    });
  });

  it("lets the last occurrence of a flag win, as argparse does", () => {
    expect(
      lastRule(
        parseOk("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --priority 200"),
      ),
    ).toMatchObject({ priority: 200 });
  });

  it("replaces a rule of the same name (create is a PUT), case-insensitively like Azure names", () => {
    const doc = parseOk(
      [
        "az network nsg rule create -g rg --nsg-name web-nsg -n Web --priority 100 --destination-port-ranges 80",
        "az network nsg rule create -g rg --nsg-name WEB-NSG -n web --priority 110 --destination-port-ranges 443",
      ].join("\n"),
    );
    expect(rulesOf(doc).map((r) => (r as { name: string }).name)).toEqual(["allow-ssh", "web"]);
    expect(lastRule(doc)).toMatchObject({ priority: 110, destinationPortRange: "443" });
    expect(doc.nsgs.map((n) => n.name)).toEqual(["web-nsg"]);
  });
});

describe("shell syntax", () => {
  it("follows \\ continuations, comments, blank lines, ; and &&", () => {
    const script = [
      "#!/bin/bash",
      "# Allow web traffic",
      "",
      "az network nsg rule create \\",
      "  --resource-group rg \\",
      "  --nsg-name web-nsg \\",
      "  --name web  `# not a comment in bash, but never mind` \\",
    ].join("\n");
    // A backtick command substitution is not supported: reported, not skipped.
    expect(parseAzCli(script, EXERCISE).ok).toBe(false);
    const good = [
      "#!/bin/bash",
      "# Allow web traffic",
      "",
      "az network nsg rule create \\",
      "  --resource-group rg \\",
      "  --nsg-name web-nsg \\",
      "  --name web \\",
      "  --priority 100 # trailing comment",
      "az network nsg rule create -g rg --nsg-name web-nsg -n a --priority 101; az network nsg rule create -g rg --nsg-name web-nsg -n b --priority 102 && az network nsg rule delete -g rg --nsg-name web-nsg -n a",
    ].join("\r\n");
    expect(rulesOf(parseOk(good)).map((r) => (r as { name: string }).name)).toEqual([
      "allow-ssh",
      "web",
      "b",
    ]);
  });

  it("handles single quotes, double quotes and backslash escapes like Bash; * is never globbed", () => {
    const script = `az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 --protocol * --source-port-ranges \\* --description 'it'\\''s "$HOME"'\\ and\\ \\$more`;
    expect(lastRule(parseOk(script))).toMatchObject({
      protocol: "*",
      sourcePortRange: "*",
      description: `it's "$HOME" and $more`,
    });
  });

  it("expands $VAR and ${VAR}, splitting unquoted expansions into words", () => {
    const script = [
      "RG=my-rg",
      'export NSG="web-nsg"',
      "PORTS='80 443'",
      'az network nsg rule create -g $RG --nsg-name ${NSG} -n "allow-${NSG}" --priority 100 --destination-port-ranges $PORTS --description "$PORTS"',
    ].join("\n");
    expect(lastRule(parseOk(script))).toMatchObject({
      name: "allow-web-nsg",
      destinationPortRanges: ["80", "443"],
      description: "80 443",
    });
  });

  it('reads PowerShell: backtick continuations, $Var = "x" (case-insensitive), doubled quotes, backtick escapes', () => {
    const script = [
      '$ResourceGroup = "my-rg"',
      "$nsg='web-nsg'  # the editable NSG",
      "az network nsg rule create `",
      "  --resource-group $resourcegroup `",
      "  --nsg-name $NSG `",
      '  --name "allow-$nsg" `',
      "  --priority 100 `",
      '  --description "it\'s ""quoted"" and `$literal" `',
      "  --destination-port-ranges 80 443",
      "az network nsg rule create -g $ResourceGroup --nsg-name $nsg -n 'it''s' --priority 101",
    ].join("\n");
    const doc = parseOk(script);
    expect(rulesOf(doc).slice(1)).toMatchObject([
      {
        name: "allow-web-nsg",
        description: 'it\'s "quoted" and $literal',
        destinationPortRanges: ["80", "443"],
      },
      { name: "it's" },
    ]);
  });

  it("ignores output redirections, which change nothing in Azure", () => {
    const doc = parseOk(
      "az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100 > out.json 2>&1\naz network nsg rule delete -g rg --nsg-name web-nsg -n r 2>/dev/null",
    );
    expect(rulesOf(doc)).toHaveLength(1);
  });
});

describe("update and delete act on the NSG's real rules", () => {
  it("updates an initial rule: singular fields become lists, lists of one become singular again", () => {
    const doc = parseOk(
      "az network nsg rule update -g rg --nsg-name web-nsg -n allow-ssh --source-address-prefixes 203.0.113.0/24 198.51.100.7 --destination-port-ranges 2222 --priority 310",
    );
    expect(rulesOf(doc)).toEqual(
      [
        {
          ...ALLOW_SSH,
          priority: 310,
          sourceAddressPrefix: undefined,
          sourceAddressPrefixes: ["203.0.113.0/24", "198.51.100.7"],
          destinationPortRange: "2222",
        },
      ].map((r) => JSON.parse(JSON.stringify(r)) as Partial<typeof r>),
    );
  });

  it("updates an initial rule given in ARM shape { name, properties } and clears a description with null", () => {
    const options: AzCliOptions = {
      editable: ["web-nsg"],
      initialRules: {
        "web-nsg": [{ name: "allow-ssh", properties: { ...ALLOW_SSH, name: undefined, description: "old" } }],
      },
    };
    const doc = parseOk(
      "az network nsg rule update -g rg --nsg-name web-nsg -n ALLOW-SSH --access Deny --description null",
      options,
    );
    expect(rulesOf(doc)[0]).toMatchObject({ name: "allow-ssh", access: "Deny", destinationPortRange: "22" });
    expect(rulesOf(doc)[0]).not.toHaveProperty("description");
    expect(rulesOf(doc)[0]).not.toHaveProperty("properties");
  });

  it("updates a rule the script created and accumulates where each field was written", () => {
    const script = [
      "az network nsg rule create -g rg --nsg-name web-nsg -n web --priority 100",
      "az network nsg rule update -g rg --nsg-name web-nsg -n web --destination-port-ranges 80 443",
    ].join("\n");
    const doc = parseOk(script);
    expect(lastRule(doc)).toMatchObject({ priority: 100, destinationPortRanges: ["80", "443"] });
    expect(textAt(script, doc.locate(["web-nsg", 1, "priority"]))).toBe("100");
    expect(textAt(script, doc.locate(["web-nsg", 1, "destinationPortRanges", 1]))).toBe("443");
  });

  it("deletes an initial rule", () => {
    expect(rulesOf(parseOk("az network nsg rule delete -g rg --nsg-name web-nsg -n allow-ssh"))).toEqual([]);
  });

  it("accepts --ids in place of -g/--nsg-name/--name", () => {
    const id =
      "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web-nsg/securityRules/allow-ssh";
    expect(rulesOf(parseOk(`az network nsg rule update --ids ${id} --priority 333`))[0]).toMatchObject({
      priority: 333,
    });
    expect(rulesOf(parseOk(`az network nsg rule delete --ids ${id}`))).toEqual([]);
  });
});

describe("az network nsg create", () => {
  it("creates a new NSG the script may then fill", () => {
    const doc = parseOk(
      "az network nsg create -g rg -n app-nsg -l westeurope --tags env=lab owner=me\naz network nsg rule create -g rg --nsg-name app-nsg -n r --priority 100",
    );
    expect(doc.nsgs).toEqual([
      { name: "app-nsg", created: true, rules: [expect.objectContaining({ name: "r" })] },
    ]);
  });

  it("replaces an existing editable NSG's rules with none (a PUT without securityRules)", () => {
    const doc = parseOk("az network nsg create -g rg -n web-nsg");
    expect(doc.nsgs).toEqual([{ name: "web-nsg", created: true, rules: [] }]);
  });
});

describe("associations", () => {
  it("records NIC and subnet associations, IDs reduced to names, and '' or null as a dissociation", () => {
    const script = [
      "az network nic update -g rg -n web-nic --network-security-group web-nsg --accelerated-networking true",
      "az network vnet subnet update -g rg --vnet-name app-vnet -n default --nsg /subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/subnet-nsg",
      'az network vnet subnet update -g rg --vnet-name app-vnet -n backend --network-security-group ""',
      "az network nic update --ids /subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/db-nic --network-security-group null",
    ].join("\n");
    const doc = parseOk(script);
    expect(doc.associations.map(({ span: _span, ...a }) => a)).toEqual([
      { level: "nic", target: "web-nic", nsg: "web-nsg" },
      { level: "subnet", target: "app-vnet/default", nsg: "subnet-nsg" },
      { level: "subnet", target: "app-vnet/backend", nsg: null },
      { level: "nic", target: "db-nic", nsg: null },
    ]);
    expect(textAt(script, doc.associations[0]!.span)).toBe("web-nsg");
    expect(doc.nsgs).toEqual([]);
  });

  it("may associate an NSG the script created", () => {
    const doc = parseOk(
      "az network nsg create -g rg -n new-nsg\naz network nic update -g rg -n web-nic --network-security-group new-nsg",
    );
    expect(doc.associations[0]).toMatchObject({ nsg: "new-nsg" });
  });
});

describe("az vm open-port", () => {
  const base = {
    name: "open-port-80",
    priority: 900,
    direction: "Inbound",
    access: "Allow",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
  };

  it("adds open-port-<port> at priority 900 to the NSG on the VM's NIC", () => {
    expect(lastRule(parseOk("az vm open-port --resource-group rg --name web-vm --port 80"))).toEqual({
      ...base,
      destinationPortRange: "80",
    });
  });

  it("names a * rule open-port-all and takes --priority", () => {
    expect(lastRule(parseOk("az vm open-port -g rg -n web-vm --port '*' --priority 100"))).toEqual({
      ...base,
      name: "open-port-all",
      priority: 100,
      destinationPortRange: "*",
    });
  });

  it("turns a comma-separated list into destination port ranges, commas into underscores in the name", () => {
    const script = "az vm open-port -g rg -n web-vm --port 80,443,8000-8080";
    const doc = parseOk(script);
    expect(lastRule(doc)).toEqual({
      ...base,
      name: "open-port-80_443_8000-8080",
      destinationPortRanges: ["80", "443", "8000-8080"],
    });
    expect(textAt(script, doc.locate(["web-nsg", 1, "destinationPortRanges", 2]))).toBe("8000-8080");
  });

  it("targets the subnet's NSG with --apply-to-subnet (which must be editable)", () => {
    const options: AzCliOptions = { ...EXERCISE, editable: ["web-nsg", "subnet-nsg"] };
    const doc = parseOk(
      "az vm open-port -g rg -n web-vm --port 22 --apply-to-subnet --nsg-name ignored-when-an-nsg-exists",
      options,
    );
    expect(doc.nsgs.map((n) => n.name)).toEqual(["subnet-nsg"]);
    expect(lastRule(doc, "subnet-nsg")).toMatchObject({ name: "open-port-22" });
  });
});

describe("locate", () => {
  const script = [
    "az network nsg rule create \\",
    "  -g rg --nsg-name web-nsg \\",
    "  --name web \\",
    "  --priority 100 \\",
    "  --source-address-prefix Internet \\",
    "  --destination-port-ranges 80 443",
    "az network nsg rule update -g rg --nsg-name web-nsg -n allow-ssh --priority 350",
  ].join("\n");
  const doc = parseOk(script);

  it("points at the value tokens that set a field, and at one token with a list index", () => {
    expect(textAt(script, doc.locate(["web-nsg", 1, "name"]))).toBe("web");
    expect(textAt(script, doc.locate(["web-nsg", 1, "priority"]))).toBe("100");
    expect(textAt(script, doc.locate(["web-nsg", 1, "destinationPortRanges"]))).toBe("80 443");
    expect(textAt(script, doc.locate(["web-nsg", 1, "destinationPortRanges", 1]))).toBe("443");
    expect(doc.locate(["web-nsg", 1, "destinationPortRanges", 1])).toEqual({
      line: 6,
      column: 32,
      endLine: 6,
      endColumn: 35,
    });
  });

  it("maps singular and plural spellings onto each other", () => {
    expect(textAt(script, doc.locate(["web-nsg", 1, "sourceAddressPrefixes", 0]))).toBe("Internet");
    expect(textAt(script, doc.locate(["web-nsg", 1, "sourceAddressPrefix"]))).toBe("Internet");
    expect(textAt(script, doc.locate(["web-nsg", 1, "destinationPortRange"]))).toBe("80 443");
    expect(textAt(script, doc.locate(["web-nsg", 1, "properties", "priority"]))).toBe("100");
  });

  it("falls back to the command for fields it did not write (defaults)", () => {
    const span = doc.locate(["web-nsg", 1, "protocol"]);
    expect(span).toEqual({ line: 1, column: 1, endLine: 6, endColumn: 35 });
    expect(textAt(script, doc.locate(["web-nsg", 0, "destinationPortRange"]))).toBe(script.split("\n")[6]);
    expect(textAt(script, doc.locate(["web-nsg", 0, "priority"]))).toBe("350");
  });

  it("returns undefined for initial rules the script never touched and unknown NSGs; the NSG span otherwise", () => {
    const untouched = parseOk("az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100");
    expect(untouched.locate(["web-nsg", 0, "priority"])).toBeUndefined();
    expect(untouched.locate(["nope", 0])).toBeUndefined();
    expect(untouched.locate(["web-nsg"])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 72 });
    expect(untouched.locate(["web-nsg", 9, "priority"])).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 72,
    });
  });
});

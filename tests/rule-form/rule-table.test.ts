import { describe, expect, it } from "vitest";
import { ruleTable } from "../../src/lib/rule-form/rule-table.ts";
import { armRule, network } from "./support.ts";

describe("an NSG's rule list, as the portal shows it", () => {
  const rules = network([
    armRule("Allow-HTTPS", 300, { destinationPortRange: "443" }),
    armRule("Allow-SSH", 200, {
      sourceAddressPrefix: undefined,
      sourceAddressPrefixes: ["10.0.0.0/16", "192.188.1.1"],
      destinationPortRange: "22",
      sourcePortRange: "1024-65535",
    }),
    armRule("Deny-Out", 300, { direction: "Outbound", access: "Deny", protocol: "*" }),
    armRule("Web-To-App", 400, {
      sourceAddressPrefix: undefined,
      sourceApplicationSecurityGroups: ["asg-web"],
      destinationAddressPrefix: "VirtualNetwork",
      protocol: "Udp",
    }),
  ]).nsgs[0]!.securityRules;

  it("lists one direction's custom rules in priority order, then its default rules", () => {
    const rows = ruleTable(rules, "Inbound");
    expect(rows.map((r) => `${r.priority} ${r.name}${r.isDefault ? " (default)" : ` #${r.index}`}`)).toEqual([
      "200 Allow-SSH #1",
      "300 Allow-HTTPS #0",
      "400 Web-To-App #3",
      "65000 AllowVnetInBound (default)",
      "65001 AllowAzureLoadBalancerInBound (default)",
      "65500 DenyAllInBound (default)",
    ]);
    expect(ruleTable(rules, "Outbound").map((r) => r.name)).toEqual([
      "Deny-Out",
      "AllowVnetOutBound",
      "AllowInternetOutBound",
      "DenyAllOutBound",
    ]);
  });

  it("shows ports, protocol, source and destination in the portal's words", () => {
    const [ssh, , asg, , , deny] = ruleTable(rules, "Inbound");
    expect(ssh).toMatchObject({
      port: "22",
      sourcePorts: "1024-65535",
      protocol: "TCP",
      source: "10.0.0.0/16, 192.188.1.1",
      destination: "Any",
      action: "Allow",
    });
    expect(asg).toMatchObject({
      source: "asg-web",
      destination: "VirtualNetwork",
      protocol: "UDP",
      port: "Any",
    });
    expect(deny).toMatchObject({ protocol: "Any", source: "Any", action: "Deny", isDefault: true });
    expect(deny).not.toHaveProperty("index");
  });
});

/**
 * Azure's default security rules ("Azure network security groups overview", Default security
 * rules): present in every NSG, named and numbered exactly as Azure does, any protocol, any ports.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  isDefaultRuleName,
  parseIp,
  ruleMatches,
  type IpAddress,
} from "../../../src/lib/nsg/index.ts";
import {
  INTERNET_CLIENT,
  decidedBy,
  evaluatorFor,
  rule,
  traceOf,
  twoTierTopology,
  verdictOf,
} from "../support/scenario.ts";
import { joinMessages } from "../../../src/lib/result.ts";

function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed.ok) throw new Error(joinMessages(parsed.errors));
  return parsed.value;
}

const table = DEFAULT_RULES.map((r) => [
  r.direction,
  r.name,
  r.priority,
  r.sourceAddressPrefixes[0],
  r.destinationAddressPrefixes[0],
  r.access,
]);

describe("default rules", () => {
  it("are exactly Azure's six, with Azure's names, priorities, sources, destinations and access", () => {
    expect(table).toEqual([
      ["Inbound", "AllowVnetInBound", 65000, "VirtualNetwork", "VirtualNetwork", "Allow"],
      ["Inbound", "AllowAzureLoadBalancerInBound", 65001, "AzureLoadBalancer", "*", "Allow"],
      ["Inbound", "DenyAllInBound", 65500, "*", "*", "Deny"],
      ["Outbound", "AllowVnetOutBound", 65000, "VirtualNetwork", "VirtualNetwork", "Allow"],
      ["Outbound", "AllowInternetOutBound", 65001, "*", "Internet", "Allow"],
      ["Outbound", "DenyAllOutBound", 65500, "*", "*", "Deny"],
    ]);
  });

  it("apply to any protocol and any source or destination port", () => {
    for (const r of DEFAULT_RULES) {
      expect(r.protocol).toBe("*");
      expect(r.sourcePortRanges).toEqual(["*"]);
      expect(r.destinationPortRanges).toEqual(["*"]);
    }
  });

  it("are recognised by name whatever the case", () => {
    expect(isDefaultRuleName("DenyAllInBound")).toBe(true);
    expect(isDefaultRuleName("denyallinbound")).toBe(true);
    expect(isDefaultRuleName("allow-ssh")).toBe(false);
  });
});

// An NSG with no custom rules on both the web NIC and the db NIC: only the defaults decide.
const bare = () =>
  evaluatorFor(
    twoTierTopology({ webNicNsg: "empty", dbNicNsg: "empty", nsgs: [{ name: "empty", securityRules: [] }] }),
  );

describe("AllowVnetInBound (65000)", () => {
  it("allows traffic from inside the virtual network, any port, any protocol", () => {
    for (const protocol of ["Tcp", "Udp", "Icmp", "Esp", "Ah"] as const) {
      const verdict = verdictOf(bare(), { from: "web", to: "db", protocol, port: 1433 });
      expect(verdict.access).toBe("Allow");
      expect(traceOf(verdict).at(-1)).toMatchObject({
        rule: "AllowVnetInBound",
        priority: 65000,
        direction: "Inbound",
      });
    }
  });
});

describe("AllowAzureLoadBalancerInBound (65001)", () => {
  it("lets health probes from 168.63.129.16 in", () => {
    const verdict = verdictOf(bare(), { from: "168.63.129.16", to: "web", protocol: "Tcp", port: 80 });
    expect(verdict.access).toBe("Allow");
    // Azure's service tags doc puts "the virtual IP address of the host" in VirtualNetwork too, so
    // AllowVnetInBound (65000) is the first rule to match a probe.
    expect(decidedBy(verdict)).toBe("AllowVnetInBound");
  });

  it("matches the load balancer address as source, to any destination, and no other source", () => {
    const compiled = bare().cache.get("empty", "vnet")!;
    const lb = compiled.inbound.find((r) => r.rule.name === "AllowAzureLoadBalancerInBound")!;
    const packet = (source: string, destination: string) => ({
      protocol: "Udp" as const,
      sourcePort: 1,
      destinationPort: 2,
      source: ip(source),
      destination: ip(destination),
    });
    expect(ruleMatches(lb, packet("168.63.129.16", "10.0.1.4"))).toBe(true);
    expect(ruleMatches(lb, packet("168.63.129.16", "8.8.8.8"))).toBe(true);
    expect(ruleMatches(lb, packet("168.63.129.17", "10.0.1.4"))).toBe(false);
    expect(ruleMatches(lb, packet("10.0.2.4", "10.0.1.4"))).toBe(false);
  });

  it("keeps probes flowing when a custom rule shuts out the internet", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        webNicNsg: "nsg",
        nsgs: [
          {
            name: "nsg",
            securityRules: [
              rule("deny-internet", 100, "Inbound", "Deny", { sourceAddressPrefix: "Internet" }),
            ],
          },
        ],
      }),
    );
    expect(verdictOf(evaluator, { from: "168.63.129.16", to: "web", protocol: "Tcp", port: 80 }).access).toBe(
      "Allow",
    );
    expect(
      decidedBy(verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 80 })),
    ).toBe("deny-internet");
  });
});

describe("DenyAllInBound (65500)", () => {
  it("denies internet traffic that no rule allows", () => {
    const verdict = verdictOf(bare(), { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 22 });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "subnet", direction: "Inbound", access: "Allow" },
      {
        nsg: "empty",
        level: "nic",
        direction: "Inbound",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });

  it("denies traffic from a private range outside the virtual network", () => {
    const verdict = verdictOf(bare(), { from: "192.168.7.7", to: "web", protocol: "Udp", port: 500 });
    expect(decidedBy(verdict)).toBe("DenyAllInBound");
  });
});

describe("AllowVnetOutBound (65000)", () => {
  it("allows traffic to another address of the virtual network", () => {
    const verdict = verdictOf(bare(), { from: "web", to: "db", protocol: "Tcp", port: 5432 });
    expect(traceOf(verdict)[0]).toEqual({
      nsg: "empty",
      level: "nic",
      direction: "Outbound",
      rule: "AllowVnetOutBound",
      priority: 65000,
      access: "Allow",
    });
  });
});

describe("AllowInternetOutBound (65001)", () => {
  it("allows traffic to the internet", () => {
    const verdict = verdictOf(bare(), { from: "web", to: "8.8.8.8", protocol: "Udp", port: 53 });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "empty",
        level: "nic",
        direction: "Outbound",
        rule: "AllowInternetOutBound",
        priority: 65001,
        access: "Allow",
      },
      { nsg: null, level: "subnet", direction: "Outbound", access: "Allow" },
    ]);
  });
});

describe("DenyAllOutBound (65500)", () => {
  it("denies traffic to a private range that is neither VirtualNetwork nor Internet", () => {
    const verdict = verdictOf(bare(), { from: "web", to: "172.16.0.9", protocol: "Tcp", port: 443 });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "empty",
        level: "nic",
        direction: "Outbound",
        rule: "DenyAllOutBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });
});

describe("overriding a default rule", () => {
  it("takes a custom rule with a lower number (defaults cannot be deleted)", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        dbNicNsg: "db-nsg",
        nsgs: [
          {
            name: "db-nsg",
            securityRules: [
              rule("deny-vnet", 4096, "Inbound", "Deny", {
                sourceAddressPrefix: "VirtualNetwork",
                destinationAddressPrefix: "VirtualNetwork",
              }),
            ],
          },
        ],
      }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 });
    expect(verdict.access).toBe("Deny");
    expect(decidedBy(verdict)).toBe("deny-vnet");
  });
});

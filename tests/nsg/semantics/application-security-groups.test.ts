/**
 * Azure's application security group example ("Application security groups", learn.microsoft.com/
 * azure/virtual-network/application-security-groups): NIC1 and NIC2 in AsgWeb, NIC3 in AsgLogic,
 * NIC4 in AsgDb, no NIC NSGs, NSG1 on both subnets with three rules. "The rules that specify an
 * application security group as the source or destination are only applied to the network
 * interfaces that are members of the application security group."
 */
import { describe, expect, it } from "vitest";
import type { SecurityRuleInput, TopologyInput } from "../../../src/lib/nsg/index.ts";
import { INTERNET_CLIENT, decidedBy, evaluatorFor, rule, traceOf, verdictOf } from "../support/scenario.ts";

const NSG1_RULES: SecurityRuleInput[] = [
  rule("Allow-HTTP-Inbound-Internet", 100, "Inbound", "Allow", {
    protocol: "Tcp",
    sourceAddressPrefix: "Internet",
    destinationAddressPrefix: undefined,
    destinationApplicationSecurityGroups: ["AsgWeb"],
    destinationPortRange: "80",
  }),
  rule("Deny-Database-All", 120, "Inbound", "Deny", {
    destinationAddressPrefix: undefined,
    destinationApplicationSecurityGroups: ["AsgDb"],
    destinationPortRange: "1433",
  }),
  rule("Allow-Database-BusinessLogic", 110, "Inbound", "Allow", {
    protocol: "Tcp",
    sourceAddressPrefix: undefined,
    sourceApplicationSecurityGroups: ["AsgLogic"],
    destinationAddressPrefix: undefined,
    destinationApplicationSecurityGroups: ["AsgDb"],
    destinationPortRange: "1433",
  }),
];

const asgExample = (rules: SecurityRuleInput[] = NSG1_RULES): TopologyInput => ({
  vnets: [
    {
      name: "VNet1",
      addressSpace: ["10.0.0.0/16"],
      subnets: [
        { name: "Subnet1", addressPrefix: "10.0.1.0/24", nsg: "NSG1" },
        { name: "Subnet2", addressPrefix: "10.0.2.0/24", nsg: "NSG1" },
      ],
    },
  ],
  asgs: ["AsgWeb", "AsgLogic", "AsgDb"],
  vms: [
    {
      name: "web1",
      nics: [
        {
          name: "NIC1",
          subnet: "VNet1/Subnet1",
          privateIp: "10.0.1.4",
          publicIp: "52.1.1.1",
          asgs: ["AsgWeb"],
        },
      ],
    },
    {
      name: "web2",
      nics: [
        {
          name: "NIC2",
          subnet: "VNet1/Subnet1",
          privateIp: "10.0.1.5",
          publicIp: "52.1.1.2",
          asgs: ["AsgWeb"],
        },
      ],
    },
    {
      name: "logic",
      nics: [
        {
          name: "NIC3",
          subnet: "VNet1/Subnet2",
          privateIp: "10.0.2.4",
          publicIp: "52.1.1.3",
          asgs: ["AsgLogic"],
        },
      ],
    },
    { name: "db", nics: [{ name: "NIC4", subnet: "VNet1/Subnet2", privateIp: "10.0.2.5", asgs: ["AsgDb"] }] },
  ],
  nsgs: [{ name: "NSG1", securityRules: rules }],
});

describe("ASG doc example", () => {
  it("Allow-HTTP-Inbound-Internet lets the internet reach both web servers on port 80", () => {
    const evaluator = evaluatorFor(asgExample());
    for (const web of ["52.1.1.1", "52.1.1.2"]) {
      const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: web, protocol: "Tcp", port: 80 });
      expect(verdict.access).toBe("Allow");
      expect(traceOf(verdict)[0]).toEqual({
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "Allow-HTTP-Inbound-Internet",
        priority: 100,
        access: "Allow",
      });
    }
  });

  it("needs no rule for AsgLogic or AsgDb: DenyAllInBound stops the internet there", () => {
    const verdict = verdictOf(evaluatorFor(asgExample()), {
      from: INTERNET_CLIENT,
      to: "52.1.1.3",
      protocol: "Tcp",
      port: 80,
    });
    expect(verdict.access).toBe("Deny");
    expect(decidedBy(verdict)).toBe("DenyAllInBound");
  });

  it("Allow-Database-BusinessLogic (110) lets AsgLogic reach AsgDb on 1433 before Deny-Database-All (120)", () => {
    const verdict = verdictOf(evaluatorFor(asgExample()), {
      from: "logic",
      to: "db",
      protocol: "Tcp",
      port: 1433,
    });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict).filter((s) => "direction" in s && s.direction === "Inbound")[0]).toMatchObject({
      rule: "Allow-Database-BusinessLogic",
      priority: 110,
    });
  });

  it("Deny-Database-All blocks every other source, web servers included (AllowVnetInBound would allow them)", () => {
    for (const from of ["web1", "web2"]) {
      const verdict = verdictOf(evaluatorFor(asgExample()), { from, to: "db", protocol: "Tcp", port: 1433 });
      expect(verdict.access).toBe("Deny");
      expect(traceOf(verdict).at(-1)).toEqual({
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "Deny-Database-All",
        priority: 120,
        access: "Deny",
      });
    }
  });

  it("applies an ASG rule only to member NICs: port 1433 on the logic server stays open to the VNet", () => {
    const verdict = verdictOf(evaluatorFor(asgExample()), {
      from: "web1",
      to: "logic",
      protocol: "Tcp",
      port: 1433,
    });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict).at(-2)).toMatchObject({
      nsg: "NSG1",
      direction: "Inbound",
      rule: "AllowVnetInBound",
    });
  });

  it("matches a source ASG by the member's private IP only, not by other VNet addresses", () => {
    const verdict = verdictOf(evaluatorFor(asgExample()), {
      from: "10.0.2.200",
      to: "db",
      protocol: "Tcp",
      port: 1433,
    });
    expect(decidedBy(verdict)).toBe("Deny-Database-All");
  });
});

describe("ASG membership", () => {
  it("lets a NIC belong to several ASGs, each rule matching it", () => {
    const topology = asgExample();
    topology.vms![2]!.nics[0]!.asgs = ["AsgLogic", "AsgWeb"];
    const evaluator = evaluatorFor(topology);
    expect(
      verdictOf(evaluator, { from: INTERNET_CLIENT, to: "52.1.1.3", protocol: "Tcp", port: 80 }).access,
    ).toBe("Allow");
    expect(verdictOf(evaluator, { from: "logic", to: "db", protocol: "Tcp", port: 1433 }).access).toBe(
      "Allow",
    );
  });

  it("unions several ASGs named on one side of a rule", () => {
    const rules = [
      rule("web-or-logic-to-db", 100, "Inbound", "Allow", {
        sourceAddressPrefix: undefined,
        sourceApplicationSecurityGroups: ["AsgWeb", "AsgLogic"],
        destinationAddressPrefix: undefined,
        destinationApplicationSecurityGroups: ["AsgDb"],
      }),
      rule("deny-db", 200, "Inbound", "Deny", {
        destinationAddressPrefix: undefined,
        destinationApplicationSecurityGroups: ["AsgDb"],
      }),
    ];
    const evaluator = evaluatorFor(asgExample(rules));
    expect(verdictOf(evaluator, { from: "web2", to: "db", protocol: "Tcp", port: 1433 }).access).toBe(
      "Allow",
    );
    expect(verdictOf(evaluator, { from: "logic", to: "db", protocol: "Tcp", port: 1433 }).access).toBe(
      "Allow",
    );
    expect(
      decidedBy(verdictOf(evaluator, { from: "10.0.2.250", to: "db", protocol: "Tcp", port: 1433 })),
    ).toBe("deny-db");
  });

  it("accepts ASG references the way ARM writes them, as resource ids", () => {
    const armRule = {
      name: "Deny-Database-All",
      properties: {
        priority: 120,
        direction: "Inbound",
        access: "Deny",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationPortRange: "1433",
        destinationApplicationSecurityGroups: [
          {
            id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/AsgDb",
          },
        ],
      },
    };
    const evaluator = evaluatorFor(asgExample([armRule as unknown as SecurityRuleInput]));
    expect(decidedBy(verdictOf(evaluator, { from: "web1", to: "db", protocol: "Tcp", port: 1433 }))).toBe(
      "Deny-Database-All",
    );
  });

  it("an empty ASG matches nothing", () => {
    const topology = asgExample([
      rule("deny-empty", 100, "Inbound", "Deny", {
        sourceAddressPrefix: undefined,
        sourceApplicationSecurityGroups: ["AsgEmpty"],
      }),
    ]);
    topology.asgs = [...(topology.asgs ?? []), "AsgEmpty"];
    expect(
      verdictOf(evaluatorFor(topology), { from: "web1", to: "logic", protocol: "Tcp", port: 22 }).access,
    ).toBe("Allow");
  });
});

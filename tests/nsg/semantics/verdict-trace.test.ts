/**
 * What a verdict carries, like Network Watcher's IP flow verify ("tells you whether a communication
 * is allowed or denied, and which network security rule allows or denies the traffic") but for the
 * whole path: for every NSG passed, its name, level, direction, the deciding rule and its priority.
 */
import { describe, expect, it } from "vitest";
import type { NsgStep } from "../../../src/lib/nsg/index.ts";
import { evaluatorFor, rule, twoTierTopology, verdictOf } from "../support/scenario.ts";

const evaluator = () =>
  evaluatorFor(
    twoTierTopology({
      frontNsg: "front-nsg",
      webNicNsg: "web-nsg",
      backNsg: "back-nsg",
      dbNicNsg: "db-nsg",
      nsgs: [
        { name: "front-nsg", securityRules: [] },
        {
          name: "web-nsg",
          securityRules: [
            rule("app-to-db", 300, "Outbound", "Allow", {
              protocol: "Tcp",
              destinationAddressPrefix: "10.0.2.0/24",
              destinationPortRange: "1433",
            }),
          ],
        },
        {
          name: "back-nsg",
          securityRules: [
            rule("sql-from-front", 250, "Inbound", "Allow", {
              protocol: "Tcp",
              sourceAddressPrefix: "10.0.1.0/24",
              destinationPortRange: "1433",
            }),
          ],
        },
        {
          name: "db-nsg",
          securityRules: [
            rule("no-sql", 4000, "Inbound", "Deny", { protocol: "Tcp", destinationPortRange: "1433" }),
          ],
        },
      ],
    }),
  );
const sql = { from: "web", to: "db", protocol: "Tcp", port: 1433, sourcePort: 51000 } as const;

describe("a verdict's trace", () => {
  const verdict = verdictOf(evaluator(), sql);
  const steps = verdict.steps as NsgStep[];

  it("has one step per NSG passed, in path order", () => {
    expect(steps.map((s) => [s.nsg, s.level, s.direction])).toEqual([
      ["web-nsg", "nic", "Outbound"],
      ["front-nsg", "subnet", "Outbound"],
      ["back-nsg", "subnet", "Inbound"],
      ["db-nsg", "nic", "Inbound"],
    ]);
  });

  it("names the deciding rule, its priority and access at each NSG, defaults by their Azure names", () => {
    expect(
      steps.map((s) => [s.rule.name, s.rule.priority, s.rule.access, s.rule.isDefault, s.access]),
    ).toEqual([
      ["app-to-db", 300, "Allow", false, "Allow"],
      ["AllowVnetOutBound", 65000, "Allow", true, "Allow"],
      ["sql-from-front", 250, "Allow", false, "Allow"],
      ["no-sql", 4000, "Deny", false, "Deny"],
    ]);
  });

  it("says where each NSG sits: VM, NIC and vnet/subnet", () => {
    expect(steps.map((s) => [s.vm, s.nic, s.subnet])).toEqual([
      ["web", "web-nic", "vnet/front"],
      ["web", "web-nic", "vnet/front"],
      ["db", "db-nic", "vnet/back"],
      ["db", "db-nic", "vnet/back"],
    ]);
  });

  it("keeps the packet each NSG saw", () => {
    for (const s of steps) {
      expect([
        s.packet.protocol,
        s.packet.source.text,
        s.packet.sourcePort,
        s.packet.destination.text,
        s.packet.destinationPort,
      ]).toEqual(["Tcp", "10.0.1.4", 51000, "10.0.2.4", 1433]);
    }
  });

  it("ends at the deciding step, and the verdict's access is that step's", () => {
    expect(verdict.decidingStep).toBe(verdict.steps.at(-1));
    expect(verdict.access).toBe("Deny");
    expect(verdict.decidingStep.access).toBe("Deny");
  });

  it("echoes the flow and resolves both endpoints", () => {
    expect(verdict.flow).toEqual(sql);
    expect(verdict.source).toMatchObject({ kind: "nic", vm: "web", nic: "web-nic", viaPublicIp: false });
    expect(verdict.destination).toMatchObject({ kind: "nic", vm: "db", nic: "db-nic", viaPublicIp: false });
    expect(verdict.source.address.text).toBe("10.0.1.4");
  });

  it("for an allowed flow, ends at the last gate passed", () => {
    const allowed = verdictOf(evaluator(), { from: "web", to: "db", protocol: "Tcp", port: 22 });
    expect(allowed.access).toBe("Allow");
    expect(allowed.steps).toHaveLength(4);
    expect(allowed.decidingStep).toBe(allowed.steps.at(-1));
    expect(allowed.steps.every((s) => s.access === "Allow")).toBe(true);
  });

  it("describes an address outside the scenario as external", () => {
    const fromOutside = verdictOf(evaluator(), { from: "8.8.8.8", to: "db", protocol: "Icmp" });
    expect(fromOutside.source).toMatchObject({ kind: "external" });
    expect(fromOutside.source.address.text).toBe("8.8.8.8");
    // No outbound legs for a sender outside the scenario: only the receiver's inbound NSGs filter.
    expect(fromOutside.steps.map((s) => s.kind === "nsg" && [s.nsg, s.direction, s.rule.name])).toEqual([
      ["back-nsg", "Inbound", "DenyAllInBound"],
    ]);
  });
});

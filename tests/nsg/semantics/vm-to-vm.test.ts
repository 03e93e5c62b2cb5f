/**
 * A flow between two VMs of the scenario crosses the sender's outbound NSGs (NIC, then subnet) and
 * then the receiver's inbound NSGs (subnet, then NIC). Azure's overview: "If you specify an outbound
 * security rule to any address over port 80 ... You only need to specify an inbound security rule if
 * communication is initiated externally" — i.e. for VM-to-VM traffic both ends filter it.
 */
import { describe, expect, it } from "vitest";
import {
  evaluatorFor,
  nsgsProcessed,
  rule,
  traceOf,
  twoTierTopology,
  verdictOf,
} from "../support/scenario.ts";

const everywhere = { frontNsg: "front-nsg", webNicNsg: "web-nsg", backNsg: "back-nsg", dbNicNsg: "db-nsg" };
const empty = (name: string) => ({ name, securityRules: [] });

describe("VM to VM", () => {
  it("passes sender NIC, sender subnet, receiver subnet, receiver NIC — in that order", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({ ...everywhere, nsgs: ["front-nsg", "web-nsg", "back-nsg", "db-nsg"].map(empty) }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 });
    expect(verdict.access).toBe("Allow");
    expect(nsgsProcessed(verdict)).toEqual([
      "web-nsg/nic/Outbound",
      "front-nsg/subnet/Outbound",
      "back-nsg/subnet/Inbound",
      "db-nsg/nic/Inbound",
    ]);
  });

  it("is denied by the sender's outbound rules before the receiver is consulted", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        ...everywhere,
        nsgs: [
          empty("front-nsg"),
          empty("back-nsg"),
          empty("db-nsg"),
          {
            name: "web-nsg",
            securityRules: [
              rule("no-sql-out", 100, "Outbound", "Deny", { protocol: "Tcp", destinationPortRange: "1433" }),
            ],
          },
        ],
      }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "web-nsg",
        level: "nic",
        direction: "Outbound",
        rule: "no-sql-out",
        priority: 100,
        access: "Deny",
      },
    ]);
  });

  it("is denied by the receiver's inbound rules even when the sender allowed it", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        ...everywhere,
        nsgs: [
          empty("front-nsg"),
          empty("web-nsg"),
          empty("db-nsg"),
          {
            name: "back-nsg",
            securityRules: [
              rule("only-app-tier", 100, "Inbound", "Deny", { sourceAddressPrefix: "10.0.1.0/24" }),
            ],
          },
        ],
      }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 });
    expect(verdict.access).toBe("Deny");
    expect(nsgsProcessed(verdict)).toEqual([
      "web-nsg/nic/Outbound",
      "front-nsg/subnet/Outbound",
      "back-nsg/subnet/Inbound",
    ]);
  });

  it("sees the sender's private address as the source on the receiver's side", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        dbNicNsg: "db-nsg",
        nsgs: [
          {
            name: "db-nsg",
            securityRules: [
              rule("from-web", 100, "Inbound", "Allow", { sourceAddressPrefix: "10.0.1.4" }),
              rule("nothing-else", 200, "Inbound", "Deny"),
            ],
          },
        ],
      }),
    );
    expect(verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 }).access).toBe("Allow");
    const step = verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 }).steps.at(-1)!;
    expect(step.kind === "nsg" && step.packet.source.text).toBe("10.0.1.4");
  });

  it("can name NICs or private IPs as endpoints, with the same verdict as VM names", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        dbNicNsg: "db-nsg",
        nsgs: [
          {
            name: "db-nsg",
            securityRules: [
              rule("deny-sql", 100, "Inbound", "Deny", { protocol: "Tcp", destinationPortRange: "1433" }),
            ],
          },
        ],
      }),
    );
    for (const [from, to] of [
      ["web", "db"],
      ["web-nic", "db-nic"],
      ["10.0.1.4", "10.0.2.4"],
    ]) {
      expect(traceOf(verdictOf(evaluator, { from: from!, to: to!, protocol: "Tcp", port: 1433 }))).toEqual(
        traceOf(verdictOf(evaluator, { from: "web", to: "db", protocol: "Tcp", port: 1433 })),
      );
    }
  });
});

describe("a VM with several NICs", () => {
  const topology = {
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          { name: "a", addressPrefix: "10.0.1.0/24" },
          { name: "b", addressPrefix: "10.0.2.0/24", nsg: "b-nsg" },
        ],
      },
    ],
    vms: [
      {
        name: "nva",
        nics: [
          { name: "nva-a", subnet: "vnet/a", privateIp: "10.0.1.4" },
          { name: "nva-b", subnet: "vnet/b", privateIp: "10.0.2.4" },
        ],
      },
      { name: "client", nics: [{ name: "client-nic", subnet: "vnet/a", privateIp: "10.0.1.5" }] },
    ],
    nsgs: [{ name: "b-nsg", securityRules: [rule("deny-in", 100, "Inbound", "Deny")] }],
  };

  it("is reached on its first NIC when named by VM", () => {
    expect(
      verdictOf(evaluatorFor(topology), { from: "client", to: "nva", protocol: "Tcp", port: 22 }).access,
    ).toBe("Allow");
  });

  it("is filtered by the NSGs of whichever NIC the address belongs to", () => {
    const evaluator = evaluatorFor(topology);
    const toSecond = verdictOf(evaluator, { from: "client", to: "10.0.2.4", protocol: "Tcp", port: 22 });
    expect(toSecond.access).toBe("Deny");
    expect(toSecond.destination).toMatchObject({ kind: "nic", vm: "nva", nic: "nva-b" });
    expect(verdictOf(evaluator, { from: "client", to: "nva-b", protocol: "Tcp", port: 22 }).access).toBe(
      "Deny",
    );
  });
});

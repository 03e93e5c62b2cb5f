/**
 * Azure doc "How network security groups filter network traffic": both the inbound and the outbound
 * orders "include intra-subnet traffic as well", and section "Intra-Subnet traffic": "By default,
 * virtual machines in the same subnet can communicate based on a default NSG rule allowing
 * intra-subnet traffic. If a rule is added to NSG1 that denies all inbound and outbound traffic,
 * VM1 and VM2 will no longer be able to communicate with each other."
 */
import { describe, expect, it } from "vitest";
import { evaluatorFor, nsgsProcessed, rule, traceOf, verdictOf } from "../support/scenario.ts";
import { howItWorks } from "./how-it-works-topology.ts";

const denyEverything = [
  rule("deny-all-in", 4000, "Inbound", "Deny"),
  rule("deny-all-out", 4000, "Outbound", "Deny"),
];

describe("doc example, VM1 and VM2 in Subnet1", () => {
  it("talk by default: AllowVnetOutBound and AllowVnetInBound decide at every NSG", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks()), {
      from: "VM1",
      to: "VM2",
      protocol: "Tcp",
      port: 22,
    });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "AllowVnetOutBound",
        priority: 65000,
        access: "Allow",
      },
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Outbound",
        rule: "AllowVnetOutBound",
        priority: 65000,
        access: "Allow",
      },
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "AllowVnetInBound",
        priority: 65000,
        access: "Allow",
      },
      { nsg: null, level: "nic", direction: "Inbound", access: "Allow" },
    ]);
  });

  it("cross NSG1 twice even though they share the subnet (outbound, then inbound)", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks()), {
      from: "VM2",
      to: "VM1",
      protocol: "Udp",
      port: 53,
    });
    expect(nsgsProcessed(verdict)).toEqual([
      "NSG1/subnet/Outbound",
      "NSG1/subnet/Inbound",
      "NSG2/nic/Inbound",
    ]);
  });

  it("can no longer talk once NSG1 denies all inbound and outbound traffic, in either direction", () => {
    const evaluator = evaluatorFor(howItWorks({ NSG1: denyEverything }));
    const oneWay = verdictOf(evaluator, { from: "VM1", to: "VM2", protocol: "Tcp", port: 22 });
    const otherWay = verdictOf(evaluator, { from: "VM2", to: "VM1", protocol: "Tcp", port: 22 });
    expect(oneWay.access).toBe("Deny");
    expect(otherWay.access).toBe("Deny");
    // VM1 sends through NSG2 (allows) and is stopped leaving Subnet1 by NSG1.
    expect(traceOf(oneWay).at(-1)).toEqual({
      nsg: "NSG1",
      level: "subnet",
      direction: "Outbound",
      rule: "deny-all-out",
      priority: 4000,
      access: "Deny",
    });
    // VM2 has no NIC NSG: NSG1 stops it on the way out.
    expect(traceOf(otherWay).at(-1)).toEqual({
      nsg: "NSG1",
      level: "subnet",
      direction: "Outbound",
      rule: "deny-all-out",
      priority: 4000,
      access: "Deny",
    });
  });

  it("are still cut off by NSG1's inbound deny alone", () => {
    const evaluator = evaluatorFor(howItWorks({ NSG1: [rule("deny-all-in", 4000, "Inbound", "Deny")] }));
    const verdict = verdictOf(evaluator, { from: "VM1", to: "VM2", protocol: "Icmp" });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict).at(-1)).toEqual({
      nsg: "NSG1",
      level: "subnet",
      direction: "Inbound",
      rule: "deny-all-in",
      priority: 4000,
      access: "Deny",
    });
  });
});

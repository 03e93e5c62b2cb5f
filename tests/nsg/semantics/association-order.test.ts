/**
 * Where NSGs apply: "For inbound traffic, Azure processes the rules in a network security group
 * associated to a subnet first ... and then the rules in a network security group associated to the
 * network interface. For outbound traffic ... network interface first ... and then ... the subnet."
 * A level without an NSG lets everything through; the flow needs every NSG on its path to allow it.
 * (Azure doc: How network security groups filter network traffic.)
 */
import { describe, expect, it } from "vitest";
import {
  INTERNET_CLIENT,
  evaluatorFor,
  nsgsProcessed,
  rule,
  traceOf,
  twoTierTopology,
  verdictOf,
} from "../support/scenario.ts";

const allowAll = (name: string) => ({
  name,
  securityRules: [
    rule("allow-all-in", 100, "Inbound", "Allow"),
    rule("allow-all-out", 100, "Outbound", "Allow"),
  ],
});
const denyAll = (name: string) => ({
  name,
  securityRules: [rule("deny-all-in", 100, "Inbound", "Deny"), rule("deny-all-out", 100, "Outbound", "Deny")],
});

describe("inbound: subnet NSG, then NIC NSG", () => {
  it("processes the subnet's NSG before the NIC's", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        frontNsg: "subnet-nsg",
        webNicNsg: "nic-nsg",
        nsgs: [allowAll("subnet-nsg"), allowAll("nic-nsg")],
      }),
    );
    const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 443 });
    expect(nsgsProcessed(verdict)).toEqual(["subnet-nsg/subnet/Inbound", "nic-nsg/nic/Inbound"]);
  });

  it("stops at a subnet deny: the NIC's NSG is never evaluated", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        frontNsg: "subnet-nsg",
        webNicNsg: "nic-nsg",
        nsgs: [denyAll("subnet-nsg"), allowAll("nic-nsg")],
      }),
    );
    const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 443 });
    expect(verdict.access).toBe("Deny");
    expect(nsgsProcessed(verdict)).toEqual(["subnet-nsg/subnet/Inbound"]);
  });

  it("is denied by the NIC NSG after the subnet NSG allowed it", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        frontNsg: "subnet-nsg",
        webNicNsg: "nic-nsg",
        nsgs: [allowAll("subnet-nsg"), denyAll("nic-nsg")],
      }),
    );
    const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 443 });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict).at(-1)).toMatchObject({ nsg: "nic-nsg", level: "nic", rule: "deny-all-in" });
  });
});

describe("outbound: NIC NSG, then subnet NSG", () => {
  it("processes the NIC's NSG before the subnet's", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        frontNsg: "subnet-nsg",
        webNicNsg: "nic-nsg",
        nsgs: [allowAll("subnet-nsg"), allowAll("nic-nsg")],
      }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "8.8.8.8", protocol: "Udp", port: 53 });
    expect(nsgsProcessed(verdict)).toEqual(["nic-nsg/nic/Outbound", "subnet-nsg/subnet/Outbound"]);
  });

  it("stops at a NIC deny: the subnet's NSG is never evaluated", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        frontNsg: "subnet-nsg",
        webNicNsg: "nic-nsg",
        nsgs: [allowAll("subnet-nsg"), denyAll("nic-nsg")],
      }),
    );
    const verdict = verdictOf(evaluator, { from: "web", to: "8.8.8.8", protocol: "Udp", port: 53 });
    expect(verdict.access).toBe("Deny");
    expect(nsgsProcessed(verdict)).toEqual(["nic-nsg/nic/Outbound"]);
  });
});

describe("a level with no NSG", () => {
  it("allows everything when neither the subnet nor the NIC has an NSG", () => {
    const verdict = verdictOf(evaluatorFor(twoTierTopology({})), {
      from: INTERNET_CLIENT,
      to: "web",
      protocol: "Tcp",
      port: 3389,
    });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "subnet", direction: "Inbound", access: "Allow" },
      { nsg: null, level: "nic", direction: "Inbound", access: "Allow" },
    ]);
  });

  it("leaves the decision to the other level's NSG", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({ frontNsg: "subnet-nsg", nsgs: [denyAll("subnet-nsg")] }),
    );
    const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 3389 });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "subnet-nsg",
        level: "subnet",
        direction: "Inbound",
        rule: "deny-all-in",
        priority: 100,
        access: "Deny",
      },
    ]);
  });
});

describe("the same NSG at both levels", () => {
  it("is processed twice, once per level", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({ frontNsg: "shared", webNicNsg: "shared", nsgs: [allowAll("shared")] }),
    );
    const verdict = verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 80 });
    expect(nsgsProcessed(verdict)).toEqual(["shared/subnet/Inbound", "shared/nic/Inbound"]);
  });
});

describe("both levels must allow", () => {
  const cases = [
    { subnet: "allow", nic: "allow", expected: "Allow" },
    { subnet: "allow", nic: "deny", expected: "Deny" },
    { subnet: "deny", nic: "allow", expected: "Deny" },
    { subnet: "deny", nic: "deny", expected: "Deny" },
  ] as const;
  for (const { subnet, nic, expected } of cases) {
    it(`subnet ${subnet} + NIC ${nic} → ${expected}, inbound and outbound`, () => {
      const nsg = (name: string, kind: "allow" | "deny") =>
        kind === "allow" ? allowAll(name) : denyAll(name);
      const evaluator = evaluatorFor(
        twoTierTopology({ frontNsg: "s", webNicNsg: "n", nsgs: [nsg("s", subnet), nsg("n", nic)] }),
      );
      expect(
        verdictOf(evaluator, { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 80 }).access,
      ).toBe(expected);
      expect(verdictOf(evaluator, { from: "web", to: "8.8.8.8", protocol: "Tcp", port: 80 }).access).toBe(
        expected,
      );
    });
  }
});

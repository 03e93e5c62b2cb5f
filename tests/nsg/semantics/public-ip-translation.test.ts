/**
 * "For inbound traffic, network security groups process traffic after Azure translates public IP
 * addresses to private IP addresses. For outbound traffic, network security groups process traffic
 * before translating private IP addresses to public IP addresses." (Azure NSG overview, Source or
 * destination.) A rule naming the VM therefore uses its private IP.
 */
import { describe, expect, it } from "vitest";
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

const toPrivate = rule("https-to-private", 100, "Inbound", "Allow", {
  protocol: "Tcp",
  destinationAddressPrefix: "10.0.1.4",
  destinationPortRange: "443",
});
const toPublic = rule("https-to-public", 110, "Inbound", "Allow", {
  protocol: "Tcp",
  destinationAddressPrefix: "20.50.1.10",
  destinationPortRange: "8443",
});
const evaluator = () =>
  evaluatorFor(
    twoTierTopology({ webNicNsg: "nsg", nsgs: [{ name: "nsg", securityRules: [toPrivate, toPublic] }] }),
  );

describe("inbound to a public IP", () => {
  it("is matched by a rule on the NIC's private IP", () => {
    const verdict = verdictOf(evaluator(), {
      from: INTERNET_CLIENT,
      to: "20.50.1.10",
      protocol: "Tcp",
      port: 443,
    });
    expect(verdict.access).toBe("Allow");
    expect(decidedBy(verdict)).toBe("https-to-private");
  });

  it("is not matched by a rule on the public IP", () => {
    const verdict = verdictOf(evaluator(), {
      from: INTERNET_CLIENT,
      to: "20.50.1.10",
      protocol: "Tcp",
      port: 8443,
    });
    expect(verdict.access).toBe("Deny");
    expect(decidedBy(verdict)).toBe("DenyAllInBound");
  });

  it("records that the flow came in through the public IP, and the packet each NSG saw", () => {
    const verdict = verdictOf(evaluator(), {
      from: INTERNET_CLIENT,
      to: "20.50.1.10",
      protocol: "Tcp",
      port: 443,
    });
    expect(verdict.destination).toMatchObject({ kind: "nic", vm: "web", viaPublicIp: true });
    expect(verdict.destination.address.text).toBe("20.50.1.10");
    for (const step of verdict.steps) {
      if (step.kind === "nsg" || step.kind === "no-nsg")
        expect(step.packet.destination.text).toBe("10.0.1.4");
    }
  });
});

describe("outbound from a VM", () => {
  it("is filtered with the VM's private IP as the source", () => {
    const fromPrivate = rule("deny-from-private", 100, "Outbound", "Deny", {
      sourceAddressPrefix: "10.0.1.4",
      destinationPortRange: "25",
      protocol: "Tcp",
    });
    const fromPublic = rule("deny-from-public", 110, "Outbound", "Deny", {
      sourceAddressPrefix: "20.50.1.10",
    });
    const ev = evaluatorFor(
      twoTierTopology({
        webNicNsg: "nsg",
        nsgs: [{ name: "nsg", securityRules: [fromPrivate, fromPublic] }],
      }),
    );
    expect(decidedBy(verdictOf(ev, { from: "web", to: "8.8.8.8", protocol: "Tcp", port: 25 }))).toBe(
      "deny-from-private",
    );
    expect(
      traceOf(verdictOf(ev, { from: "web", to: "8.8.8.8", protocol: "Tcp", port: 443 }))[0],
    ).toMatchObject({ rule: "AllowInternetOutBound", access: "Allow" });
  });
});

describe("VM to another VM's public IP", () => {
  it("leaves through AllowInternetOutBound and arrives from the sender's public IP (outside VirtualNetwork)", () => {
    const topology = twoTierTopology({
      webNicNsg: "web-nsg",
      nsgs: [{ name: "web-nsg", securityRules: [] }],
    });
    topology.vms![1]!.nics[0]!.publicIp = "20.50.1.20";
    const verdict = verdictOf(evaluatorFor(topology), {
      from: "db",
      to: "20.50.1.10",
      protocol: "Tcp",
      port: 22,
    });
    // web-nsg only has the defaults: the source is db's public IP, internet traffic, so it is denied.
    expect(verdict.access).toBe("Deny");
    const last = verdict.steps.at(-1)!;
    expect(last.kind === "nsg" && last.packet.source.text).toBe("20.50.1.20");
    expect(decidedBy(verdict)).toBe("DenyAllInBound");
  });

  it("cannot be evaluated when the sender has no public IP (its NAT address is unknown)", () => {
    const ev = evaluatorFor(twoTierTopology({}));
    const result = ev.evaluate({ from: "db", to: "20.50.1.10", protocol: "Tcp", port: 22 });
    expect(result.ok).toBe(false);
    expect(!result.ok && joinMessages(result.errors)).toMatch(/no public IP/);
  });
});

/**
 * Flows the evaluator refuses, as values with a message (never exceptions): they describe traffic
 * that does not cross an NSG, or that the scenario cannot place.
 */
import { describe, expect, it } from "vitest";
import type { FlowInput } from "../../../src/lib/nsg/index.ts";
import { evaluatorFor, twoTierTopology } from "../support/scenario.ts";
import { joinMessages } from "../../../src/lib/result.ts";

const messageOf = (flow: unknown): string => {
  const result = evaluatorFor(twoTierTopology({})).evaluate(flow as FlowInput);
  if (result.ok) throw new Error("expected the flow to be refused");
  return joinMessages(result.errors);
};

describe("refused flows", () => {
  it("an endpoint that is neither a VM, a NIC nor an IP address", () => {
    expect(messageOf({ from: "nope", to: "web", protocol: "Tcp", port: 1 })).toBe(
      'from: "nope" is not a VM, a NIC or an IP address of this scenario',
    );
    expect(messageOf({ from: "web", to: "nope", protocol: "Tcp", port: 1 })).toBe(
      'to: "nope" is not a VM, a NIC or an IP address of this scenario',
    );
  });

  it("two addresses outside the scenario", () => {
    expect(messageOf({ from: "8.8.8.8", to: "1.1.1.1", protocol: "Icmp" })).toBe(
      "a flow needs a VM or NIC of the scenario at one end at least",
    );
  });

  it("a NIC talking to itself", () => {
    expect(messageOf({ from: "web", to: "10.0.1.4", protocol: "Icmp" })).toBe(
      "a flow from a NIC to itself never crosses an NSG",
    );
  });

  it("a protocol that is not a packet's protocol (* is for rules)", () => {
    expect(messageOf({ from: "web", to: "db", protocol: "*", port: 1 })).toBe(
      "protocol must be one of Tcp, Udp, Icmp, Esp, Ah",
    );
  });

  it("ports out of range or not whole", () => {
    expect(messageOf({ from: "web", to: "db", protocol: "Tcp", port: 65536 })).toBe(
      "port must be 0 to 65535",
    );
    expect(messageOf({ from: "web", to: "db", protocol: "Tcp", port: 80, sourcePort: -1 })).toBe(
      "sourcePort must be 0 to 65535",
    );
    expect(messageOf({ from: "web", to: "db", protocol: "Tcp", port: 80.5 })).toBe(
      "port must be a whole number",
    );
  });

  it("a flow with an unknown property", () => {
    expect(messageOf({ from: "web", to: "db", protocol: "Tcp", port: 80, dport: 80 })).toMatch(/dport/);
  });

  it("a flow missing its endpoints", () => {
    expect(messageOf({ protocol: "Tcp", port: 80 })).toBe(
      "from is required (a VM, a NIC or an IP address); to is required (a VM, a NIC or an IP address)",
    );
  });
});

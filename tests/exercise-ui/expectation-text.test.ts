import { describe, expect, it } from "vitest";
import { flowService, flowText, traceText, traceWhere } from "../../src/lib/exercise-ui/expectation-text.ts";

describe("expectation wording", () => {
  it("describes flows with protocol, port and source port", () => {
    expect(
      flowText({ from: "203.0.113.7", to: "ingest-vm", protocol: "Tcp", sourcePort: 50123, port: 21 }),
    ).toBe("203.0.113.7 → ingest-vm · TCP port 21 from source port 50123");
    expect(flowService({ from: "a", to: "b", protocol: "Icmp" })).toBe("ICMP");
    expect(flowService({ from: "a", to: "b", protocol: "Udp" })).toBe("UDP (any port)");
    expect(flowService({ from: "a", to: "b", protocol: "Tcp", port: 20, response: true })).toBe(
      "reply packet, TCP port 20",
    );
  });

  it("describes each step of a verdict's path", () => {
    expect(
      traceText({
        nsg: "ingest-nsg",
        level: "nic",
        direction: "Inbound",
        vm: "ingest-vm",
        rule: "allow-ftp",
        priority: 300,
        access: "Allow",
      }),
    ).toBe("ingest-nsg (NIC NSG, inbound at ingest-vm): allow-ftp (300) → Allow");
    expect(
      traceWhere({
        nsg: null,
        level: "subnet",
        direction: "Outbound",
        vm: "web",
        rule: "(no NSG associated)",
        priority: null,
        access: "Allow",
      }),
    ).toBe("no subnet NSG (outbound at web)");
    expect(
      traceWhere({
        nsg: null,
        level: "platform",
        direction: "Outbound",
        vm: null,
        rule: "platform",
        priority: null,
        access: "Deny",
      }),
    ).toMatch(/platform/);
    expect(
      traceText({
        nsg: null,
        level: "stateful",
        direction: null,
        vm: null,
        rule: "return traffic of an allowed connection",
        priority: null,
        access: "Allow",
      }),
    ).toBe("connection tracking (NSGs are stateful): return traffic of an allowed connection → Allow");
  });
});

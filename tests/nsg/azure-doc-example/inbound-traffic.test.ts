/**
 * Azure doc "How network security groups filter network traffic", section "Inbound traffic":
 * "Azure processes the rules in a network security group associated to a subnet first, if there's
 * one, and then the rules in a network security group associated to the network interface".
 * One test per documented outcome, for internet traffic to TCP port 80 of each VM.
 */
import { describe, expect, it } from "vitest";
import { evaluatorFor, traceOf, verdictOf } from "../support/scenario.ts";
import { ALLOW_HTTP_IN, BROWSER_ON_INTERNET, PUBLIC_IP, howItWorks } from "./how-it-works-topology.ts";

const http = (vm: keyof typeof PUBLIC_IP) =>
  ({ from: BROWSER_ON_INTERNET, to: PUBLIC_IP[vm], protocol: "Tcp", port: 80 }) as const;

describe("doc example, inbound to VM1 (Subnet1 has NSG1, NIC has NSG2)", () => {
  it("is denied by NSG1's DenyAllInBound unless NSG1 allows port 80, and NSG2 is never evaluated", () => {
    // Doc: "Unless you've created a rule that allows port 80 inbound, the traffic is denied by the
    // DenyAllInbound default security rule, and never evaluated by NSG2".
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG2: [ALLOW_HTTP_IN] })), http("VM1"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });

  it("is then processed by NSG2 when NSG1 allows port 80, and NSG2's defaults deny it", () => {
    // Doc: "If NSG1 has a security rule that allows port 80, the traffic is then processed by NSG2."
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [ALLOW_HTTP_IN] })), http("VM1"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "allow-http-in",
        priority: 100,
        access: "Allow",
      },
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Inbound",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });

  it("is allowed only when both NSG1 and NSG2 allow port 80 from the internet", () => {
    // Doc: "To allow port 80 to the virtual machine, both NSG1 and NSG2 must have a rule that allows
    // port 80 from the internet."
    const verdict = verdictOf(
      evaluatorFor(howItWorks({ NSG1: [ALLOW_HTTP_IN], NSG2: [ALLOW_HTTP_IN] })),
      http("VM1"),
    );
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "allow-http-in",
        priority: 100,
        access: "Allow",
      },
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Inbound",
        rule: "allow-http-in",
        priority: 100,
        access: "Allow",
      },
    ]);
  });
});

describe("doc example, inbound to VM2 (Subnet1 has NSG1, NIC has none)", () => {
  it("receives all traffic NSG1 allows", () => {
    // Doc: "it receives all traffic allowed through NSG1 or is denied all traffic denied by NSG1".
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [ALLOW_HTTP_IN] })), http("VM2"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "allow-http-in",
        priority: 100,
        access: "Allow",
      },
      { nsg: null, level: "nic", direction: "Inbound", access: "Allow" },
    ]);
  });

  it("is denied all traffic NSG1 denies", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG2: [ALLOW_HTTP_IN] })), http("VM2"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Inbound",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });
});

describe("doc example, inbound to VM3 (Subnet2 has no NSG, NIC has NSG2)", () => {
  it("is allowed into the subnet and processed by NSG2, which allows port 80", () => {
    // Doc: "Since there's no network security group associated to Subnet2, traffic is allowed into
    // the subnet and processed by NSG2".
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG2: [ALLOW_HTTP_IN] })), http("VM3"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "subnet", direction: "Inbound", access: "Allow" },
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Inbound",
        rule: "allow-http-in",
        priority: 100,
        access: "Allow",
      },
    ]);
  });

  it("is denied by NSG2's DenyAllInBound when NSG2 has no rule for port 80, whatever NSG1 says", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [ALLOW_HTTP_IN] })), http("VM3"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "subnet", direction: "Inbound", access: "Allow" },
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Inbound",
        rule: "DenyAllInBound",
        priority: 65500,
        access: "Deny",
      },
    ]);
  });
});

describe("doc example, inbound to VM4 (no NSG on Subnet3 or its NIC)", () => {
  it("is allowed: all traffic passes a subnet and NIC without NSGs", () => {
    // Doc: "All network traffic is allowed through a subnet and network interface if they don't have
    // a network security group associated to them."
    const verdict = verdictOf(evaluatorFor(howItWorks()), http("VM4"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "subnet", direction: "Inbound", access: "Allow" },
      { nsg: null, level: "nic", direction: "Inbound", access: "Allow" },
    ]);
  });

  it("is allowed on any port, not only 80", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks()), {
      from: BROWSER_ON_INTERNET,
      to: PUBLIC_IP.VM4,
      protocol: "Tcp",
      port: 3389,
    });
    expect(verdict.access).toBe("Allow");
  });
});

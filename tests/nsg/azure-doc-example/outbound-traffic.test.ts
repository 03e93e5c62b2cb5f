/**
 * Azure doc "How network security groups filter network traffic", section "Outbound traffic":
 * "Azure processes the rules in a network security group associated to a network interface first,
 * if there's one, and then the rules in a network security group associated to the subnet".
 * One test per documented outcome, for traffic from each VM to a web server on TCP port 80.
 */
import { describe, expect, it } from "vitest";
import { evaluatorFor, traceOf, verdictOf } from "../support/scenario.ts";
import { DENY_HTTP_OUT, WEB_SERVER_ON_INTERNET, howItWorks } from "./how-it-works-topology.ts";

const http = (vm: string) => ({ from: vm, to: WEB_SERVER_ON_INTERNET, protocol: "Tcp", port: 80 }) as const;

describe("doc example, outbound from VM1 (NIC has NSG2, Subnet1 has NSG1)", () => {
  it("is allowed by AllowInternetOutBound in NSG2 and then in NSG1 when no rule denies port 80", () => {
    // Doc: "the traffic is allowed by the AllowInternetOutbound default security rule in both NSG1 and NSG2".
    const verdict = verdictOf(evaluatorFor(howItWorks()), http("VM1"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "AllowInternetOutBound",
        priority: 65001,
        access: "Allow",
      },
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Outbound",
        rule: "AllowInternetOutBound",
        priority: 65001,
        access: "Allow",
      },
    ]);
  });

  it("is denied by NSG2 and never evaluated by NSG1 when NSG2 denies port 80", () => {
    // Doc: "If NSG2 has a security rule that denies port 80, the traffic is denied, and never evaluated by NSG1."
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG2: [DENY_HTTP_OUT] })), http("VM1"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "deny-http-out",
        priority: 100,
        access: "Deny",
      },
    ]);
  });

  it("is denied when only NSG1 denies port 80: either NSG denying is enough", () => {
    // Doc: "To deny port 80 from the virtual machine, either, or both of the network security groups
    // must have a rule that denies port 80 to the internet."
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [DENY_HTTP_OUT] })), http("VM1"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "AllowInternetOutBound",
        priority: 65001,
        access: "Allow",
      },
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Outbound",
        rule: "deny-http-out",
        priority: 100,
        access: "Deny",
      },
    ]);
  });

  it("is denied at NSG2 first when both NSGs deny port 80", () => {
    const verdict = verdictOf(
      evaluatorFor(howItWorks({ NSG1: [DENY_HTTP_OUT], NSG2: [DENY_HTTP_OUT] })),
      http("VM1"),
    );
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "deny-http-out",
        priority: 100,
        access: "Deny",
      },
    ]);
  });
});

describe("doc example, outbound from VM2 (NIC has no NSG, Subnet1 has NSG1)", () => {
  it("goes through the NIC to the subnet, where NSG1's rules are processed", () => {
    // Doc: "All traffic is sent through the network interface to the subnet ... The rules in NSG1 are processed."
    const verdict = verdictOf(evaluatorFor(howItWorks()), http("VM2"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "nic", direction: "Outbound", access: "Allow" },
      {
        nsg: "NSG1",
        level: "subnet",
        direction: "Outbound",
        rule: "AllowInternetOutBound",
        priority: 65001,
        access: "Allow",
      },
    ]);
  });

  it("is denied when NSG1 denies port 80", () => {
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [DENY_HTTP_OUT] })), http("VM2"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict).at(-1)).toEqual({
      nsg: "NSG1",
      level: "subnet",
      direction: "Outbound",
      rule: "deny-http-out",
      priority: 100,
      access: "Deny",
    });
  });
});

describe("doc example, outbound from VM3 (NIC has NSG2, Subnet2 has no NSG)", () => {
  it("is denied when NSG2 denies port 80", () => {
    // Doc: "If NSG2 has a security rule that denies port 80, the traffic is denied."
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG2: [DENY_HTTP_OUT] })), http("VM3"));
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
        level: "nic",
        direction: "Outbound",
        rule: "deny-http-out",
        priority: 100,
        access: "Deny",
      },
    ]);
  });

  it("is otherwise allowed by AllowInternetOutBound in NSG2", () => {
    // Doc: "If not, the traffic is allowed by the AllowInternetOutbound default security rule in NSG2."
    const verdict = verdictOf(evaluatorFor(howItWorks({ NSG1: [DENY_HTTP_OUT] })), http("VM3"));
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      {
        nsg: "NSG2",
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

describe("doc example, outbound from VM4 (no NSG on its NIC or Subnet3)", () => {
  it("is allowed whatever NSG1 and NSG2 say", () => {
    // Doc: "All network traffic is allowed from VM4, because a network security group isn't associated
    // to the network interface attached to the virtual machine, or to Subnet3."
    const verdict = verdictOf(
      evaluatorFor(howItWorks({ NSG1: [DENY_HTTP_OUT], NSG2: [DENY_HTTP_OUT] })),
      http("VM4"),
    );
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([
      { nsg: null, level: "nic", direction: "Outbound", access: "Allow" },
      { nsg: null, level: "subnet", direction: "Outbound", access: "Allow" },
    ]);
  });
});

/**
 * Inbound denies that Azure Load Balancer health probes run into. Learn, "What is IP address
 * 168.63.129.16?": the load balancer's health probes originate from this address and must not be
 * blocked; the default rule AllowAzureLoadBalancerInBound (65001) is what lets them in.
 */
import { describe, expect, it } from "vitest";
import { probeBlockingRules } from "../../src/lib/analysis/probe-blocking.ts";
import { evaluatorFor, rule, twoVmScenario } from "../playground/scenario.ts";

const NSGS = ["web-subnet-nsg", "web-nic-nsg", "app-nic-nsg"];
const findings = (nsgs: Parameters<typeof twoVmScenario>[0], watched = NSGS) =>
  probeBlockingRules(evaluatorFor(twoVmScenario(nsgs)), watched).map((l) => `${l.nsg}/${l.rule}`);

describe("denies that block Azure Load Balancer health probes", () => {
  it("finds a deny-everything safeguard with source * and says what a probe would meet", () => {
    const evaluator = evaluatorFor(
      twoVmScenario({
        webNic: [
          rule("Allow-HTTP", 100, { destinationPortRange: "80" }),
          rule("Deny-All", 4000, { access: "Deny", protocol: "*" }),
        ],
      }),
    );
    const [lint, ...rest] = probeBlockingRules(evaluator, NSGS);
    expect(rest).toEqual([]);
    expect(lint).toMatchObject({
      kind: "blocks-load-balancer-probes",
      severity: "info",
      nsg: "web-nic-nsg",
      rule: "Deny-All",
    });
    // Port 80 is open, so the example is another port; the message names the address and the fix.
    expect(lint!.message).toMatch(/168\.63\.129\.16/);
    expect(lint!.message).toMatch(/AzureLoadBalancer/);
    expect(lint!.message).toMatch(/below 4000/);
    expect(lint!.message).not.toMatch(/TCP 80 /);
  });

  it("finds a deny of VirtualNetwork (the tag includes the host's virtual IP) but not of Internet", () => {
    expect(
      findings({
        appNic: [rule("Deny-VNet", 4000, { access: "Deny", sourceAddressPrefix: "VirtualNetwork" })],
      }),
    ).toEqual(["app-nic-nsg/Deny-VNet"]);
    expect(
      findings({
        appNic: [rule("Deny-Internet", 4000, { access: "Deny", sourceAddressPrefix: "Internet" })],
      }),
    ).toEqual([]);
  });

  it("is quiet when an allow for AzureLoadBalancer comes first, or when the deny leaves probes' ports alone", () => {
    expect(
      findings({
        webSubnet: [
          rule("Allow-LB", 100, { sourceAddressPrefix: "AzureLoadBalancer" }),
          rule("Deny-All", 4000, { access: "Deny" }),
        ],
      }),
    ).toEqual([]);
    // Probes are TCP: a UDP deny never meets one.
    expect(findings({ webSubnet: [rule("Deny-Udp", 4000, { access: "Deny", protocol: "Udp" })] })).toEqual(
      [],
    );
  });

  it("finds a deny that only some source ports reach, and only in the NSGs it is asked about", () => {
    const narrow = { webNic: [rule("Deny-Low-Source", 300, { access: "Deny", sourcePortRange: "0-1023" })] };
    expect(findings(narrow)).toEqual(["web-nic-nsg/Deny-Low-Source"]);
    expect(findings(narrow, ["web-subnet-nsg"])).toEqual([]);
  });

  it("names each rule once, however many NICs and ports it blocks", () => {
    const deny = rule("Deny-All", 4000, { access: "Deny", protocol: "*" });
    expect(findings({ webSubnet: [deny], webNic: [deny], appNic: [deny] })).toEqual([
      "web-subnet-nsg/Deny-All",
      "app-nic-nsg/Deny-All",
    ]);
  });
});

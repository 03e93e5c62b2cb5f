/**
 * Azure NSG overview, "Sending outbound email": outbound TCP 25 is blocked "from all resources" for
 * Pay-as-you-go, MSDN, Azure Pass, Azure in Open, Education, Free trial and Cloud service provider
 * subscriptions, whatever the NSG says; Enterprise Agreement VMs "aren't blocked". SMTP relays on
 * TCP 587 are "in no way restricted in Azure, regardless of your subscription type".
 */
import { describe, expect, it } from "vitest";
import { SUBSCRIPTION_TYPES, isSmtpBlocked, type SubscriptionType } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, traceOf, twoTierTopology, verdictOf } from "../support/scenario.ts";

const BLOCKED: SubscriptionType[] = ["pay-as-you-go", "free-trial", "msdn", "csp", "azure-pass"];
const NOT_BLOCKED: SubscriptionType[] = ["enterprise-agreement", "mca-e"];
const MAIL_SERVER = "74.125.140.27";

// The NSG explicitly allows SMTP out, so only the platform can stop it.
const topology = () =>
  twoTierTopology({
    webNicNsg: "nsg",
    nsgs: [
      {
        name: "nsg",
        securityRules: [
          rule("allow-smtp-out", 100, "Outbound", "Allow", {
            protocol: "Tcp",
            destinationPortRanges: ["25", "587"],
            destinationPortRange: undefined,
          }),
        ],
      },
    ],
  });
const smtp = (port: number) => ({ from: "web", to: MAIL_SERVER, protocol: "Tcp", port }) as const;

describe("outbound SMTP (TCP 25) to the internet", () => {
  it("covers every subscription type the scenario format knows", () => {
    expect([...SUBSCRIPTION_TYPES].sort()).toEqual([...BLOCKED, ...NOT_BLOCKED].sort());
  });

  for (const subscription of BLOCKED) {
    it(`is blocked by the platform for ${subscription}, after the NSGs allowed it`, () => {
      expect(isSmtpBlocked(subscription)).toBe(true);
      const verdict = verdictOf(evaluatorFor(topology(), subscription), smtp(25));
      expect(verdict.access).toBe("Deny");
      expect(decidedBy(verdict)).toBe("platform");
      expect(traceOf(verdict)).toEqual([
        {
          nsg: "nsg",
          level: "nic",
          direction: "Outbound",
          rule: "allow-smtp-out",
          priority: 100,
          access: "Allow",
        },
        { nsg: null, level: "subnet", direction: "Outbound", access: "Allow" },
        { platform: "outbound-smtp", access: "Deny" },
      ]);
      expect(verdict.decidingStep).toMatchObject({
        kind: "platform",
        restriction: "outbound-smtp",
        subscription,
        access: "Deny",
      });
    });
  }

  for (const subscription of NOT_BLOCKED) {
    it(`is not blocked for ${subscription}`, () => {
      expect(isSmtpBlocked(subscription)).toBe(false);
      const verdict = verdictOf(evaluatorFor(topology(), subscription), smtp(25));
      expect(verdict.access).toBe("Allow");
      expect(verdict.steps.some((s) => s.kind === "platform")).toBe(false);
    });
  }

  it("is blocked for pay-as-you-go when no subscription is given (the scenario default)", () => {
    expect(decidedBy(verdictOf(evaluatorFor(topology()), smtp(25)))).toBe("platform");
  });

  it("explains the block and points at port 587", () => {
    const step = verdictOf(evaluatorFor(topology(), "free-trial"), smtp(25)).decidingStep;
    expect(step.kind === "platform" && step.reason).toMatch(/free-trial.*587/);
  });

  it("is left to the NSG when the NSG already denies it", () => {
    const ev = evaluatorFor(
      twoTierTopology({
        webNicNsg: "nsg",
        nsgs: [
          {
            name: "nsg",
            securityRules: [
              rule("no-smtp", 100, "Outbound", "Deny", { protocol: "Tcp", destinationPortRange: "25" }),
            ],
          },
        ],
      }),
    );
    expect(decidedBy(verdictOf(ev, smtp(25)))).toBe("no-smtp");
  });
});

describe("what the SMTP block does not touch", () => {
  for (const subscription of SUBSCRIPTION_TYPES) {
    it(`authenticated relay on TCP 587 is allowed for ${subscription}`, () => {
      expect(verdictOf(evaluatorFor(topology(), subscription), smtp(587)).access).toBe("Allow");
    });
  }

  it("TCP 25 inside the virtual network (an internal relay)", () => {
    const verdict = verdictOf(evaluatorFor(twoTierTopology({}), "pay-as-you-go"), {
      from: "web",
      to: "db",
      protocol: "Tcp",
      port: 25,
    });
    expect(verdict.access).toBe("Allow");
  });

  it("UDP 25", () => {
    const verdict = verdictOf(evaluatorFor(twoTierTopology({}), "pay-as-you-go"), {
      from: "web",
      to: MAIL_SERVER,
      protocol: "Udp",
      port: 25,
    });
    expect(verdict.access).toBe("Allow");
  });

  it("inbound TCP 25 from the internet (receiving mail)", () => {
    const verdict = verdictOf(evaluatorFor(twoTierTopology({}), "pay-as-you-go"), {
      from: MAIL_SERVER,
      to: "web",
      protocol: "Tcp",
      port: 25,
    });
    expect(verdict.access).toBe("Allow");
  });
});

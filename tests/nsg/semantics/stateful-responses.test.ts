/**
 * Stateful filtering: "If you specify an outbound security rule to any address over port 80, for
 * example, it's not necessary to specify an inbound security rule for the response to the outbound
 * traffic ... The opposite is true." (Azure NSG overview.) A flow with `response: true` is the reply
 * of a connection that `to` opened to `from`.
 */
import { describe, expect, it } from "vitest";
import {
  INTERNET_CLIENT,
  evaluatorFor,
  rule,
  traceOf,
  twoTierTopology,
  verdictOf,
} from "../support/scenario.ts";
import { joinMessages } from "../../../src/lib/result.ts";

// Inbound: only HTTPS. Outbound: nothing at all, not even to the internet.
const locked = () =>
  evaluatorFor(
    twoTierTopology({
      webNicNsg: "nsg",
      nsgs: [
        {
          name: "nsg",
          securityRules: [
            rule("allow-https-in", 100, "Inbound", "Allow", { protocol: "Tcp", destinationPortRange: "443" }),
            rule("deny-all-out", 100, "Outbound", "Deny"),
          ],
        },
      ],
    }),
  );

describe("replies to an allowed connection", () => {
  it("pass without an outbound rule (inbound connection, outbound reply)", () => {
    const verdict = verdictOf(locked(), {
      from: "web",
      to: INTERNET_CLIENT,
      protocol: "Tcp",
      sourcePort: 443,
      port: 50123,
      response: true,
    });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)).toEqual([{ stateful: true, access: "Allow" }]);
    const step = verdict.decidingStep;
    expect(step.kind).toBe("stateful");
    if (step.kind === "stateful") {
      expect(step.initiator.flow).toMatchObject({
        from: INTERNET_CLIENT,
        to: "web",
        protocol: "Tcp",
        sourcePort: 50123,
        port: 443,
      });
      expect(traceOf(step.initiator).at(-1)).toMatchObject({ rule: "allow-https-in", access: "Allow" });
    }
  });

  it("would be denied as a new connection in the same direction", () => {
    const verdict = verdictOf(locked(), {
      from: "web",
      to: INTERNET_CLIENT,
      protocol: "Tcp",
      sourcePort: 443,
      port: 50123,
    });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)[0]).toMatchObject({ rule: "deny-all-out" });
  });

  it("pass without an inbound rule (outbound connection, inbound reply)", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({ webNicNsg: "nsg", nsgs: [{ name: "nsg", securityRules: [] }] }),
    );
    const reply = verdictOf(evaluator, {
      from: "93.184.216.34",
      to: "web",
      protocol: "Tcp",
      sourcePort: 80,
      port: 50000,
      response: true,
    });
    expect(reply.access).toBe("Allow");
    const fresh = verdictOf(evaluator, {
      from: "93.184.216.34",
      to: "web",
      protocol: "Tcp",
      sourcePort: 80,
      port: 50000,
    });
    expect(fresh.access).toBe("Deny");
  });

  it("swap the endpoints of the verdict back to the reply's direction", () => {
    const verdict = verdictOf(locked(), {
      from: "web",
      to: INTERNET_CLIENT,
      protocol: "Tcp",
      sourcePort: 443,
      port: 50123,
      response: true,
    });
    expect(verdict.source).toMatchObject({ kind: "nic", vm: "web" });
    expect(verdict.destination).toMatchObject({ kind: "external" });
    expect(verdict.flow.response).toBe(true);
  });

  it("work between VMs too", () => {
    const evaluator = evaluatorFor(
      twoTierTopology({
        dbNicNsg: "db-nsg",
        nsgs: [{ name: "db-nsg", securityRules: [rule("deny-all-out", 100, "Outbound", "Deny")] }],
      }),
    );
    expect(
      verdictOf(evaluator, {
        from: "db",
        to: "web",
        protocol: "Tcp",
        sourcePort: 1433,
        port: 50000,
        response: true,
      }).access,
    ).toBe("Allow");
  });
});

describe("replies to a denied connection", () => {
  it("are denied: there is no connection to answer", () => {
    const verdict = verdictOf(locked(), {
      from: "web",
      to: INTERNET_CLIENT,
      protocol: "Tcp",
      sourcePort: 22,
      port: 50123,
      response: true,
    });
    expect(verdict.access).toBe("Deny");
    expect(traceOf(verdict)).toEqual([{ stateful: true, access: "Deny" }]);
    const step = verdict.decidingStep;
    expect(step.kind === "stateful" && traceOf(step.initiator).at(-1)).toMatchObject({
      rule: "DenyAllInBound",
    });
  });
});

describe("a reply whose connection cannot be evaluated", () => {
  it("reports why", () => {
    const result = locked().evaluate({
      from: "web",
      to: INTERNET_CLIENT,
      protocol: "Tcp",
      port: 50123,
      response: true,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && joinMessages(result.errors)).toBe(
      "the connection this reply answers: a Tcp flow needs a destination port",
    );
  });
});

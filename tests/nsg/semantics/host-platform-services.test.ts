/**
 * Learn, NSG overview § "Azure platform considerations": "Basic infrastructure services like DHCP,
 * DNS, IMDS, and health monitoring are provided through the virtualized host IP addresses
 * 168.63.129.16 and 169.254.169.254. … By default, these services aren't subject to the configured
 * network security groups unless targeted by service tags specific to each service. To override
 * this basic infrastructure communication, you can create a security rule to deny traffic by using
 * the following service tags on your Network Security Group rules: AzurePlatformDNS,
 * AzurePlatformIMDS, AzurePlatformLKM."
 *
 * Learn, "What is IP address 168.63.129.16?": the VM agent's "communication on these ports
 * [80/tcp and 32526/tcp] with 168.63.129.16 isn't subject to the configured network security
 * groups"; "By default DNS communication isn't subject to the configured network security groups
 * unless specifically targeted leveraging the AzurePlatformDNS service tag"; health probes come
 * from 168.63.129.16 and a configured NSG can block them.
 */
import { describe, expect, it } from "vitest";
import { compareNetworks } from "../../../src/lib/compare/compare-networks.ts";
import type { FlowInput, HostServiceStep, SecurityRuleInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, twoTierTopology, verdictOf } from "../support/scenario.ts";

const DENY_ALL_OUT = rule("deny-all-out", 100, "Outbound", "Deny");

/** `web` (10.0.1.4) with these rules on its NIC NSG and on its subnet's NSG. */
const webWith = (nicRules: SecurityRuleInput[], subnetRules: SecurityRuleInput[] = []) =>
  evaluatorFor(
    twoTierTopology({
      webNicNsg: "nsg-nic",
      frontNsg: "nsg-front",
      nsgs: [
        { name: "nsg-nic", securityRules: nicRules },
        { name: "nsg-front", securityRules: subnetRules },
      ],
    }),
  );

const out = (to: string, protocol: "Tcp" | "Udp", port: number) => ({
  from: "web",
  to,
  protocol,
  port,
});

const denyTo = (name: string, priority: number, tag: string): SecurityRuleInput =>
  rule(name, priority, "Outbound", "Deny", { destinationAddressPrefix: tag });

describe("the host's platform services are not subject to NSGs", () => {
  const locked = webWith([DENY_ALL_OUT], [DENY_ALL_OUT]);

  it.each([
    ["Azure DNS over UDP", out("168.63.129.16", "Udp", 53)],
    ["Azure DNS over TCP", out("168.63.129.16", "Tcp", 53)],
    ["the VM agent's WireServer on TCP 80", out("168.63.129.16", "Tcp", 80)],
    ["the VM agent's WireServer on TCP 32526", out("168.63.129.16", "Tcp", 32526)],
    ["DHCP", out("168.63.129.16", "Udp", 67)],
    ["the Instance Metadata Service", out("169.254.169.254", "Tcp", 80)],
    ["Windows activation (KMS, azkms.core.windows.net)", out("20.118.99.224", "Tcp", 1688)],
  ])("%s gets through a custom outbound deny-all at both levels", (_, flow) => {
    const verdict = verdictOf(locked, flow);
    expect(verdict.access).toBe("Allow");
    expect(decidedBy(verdict)).toBe("platform");
    const step = verdict.decidingStep as HostServiceStep;
    expect(step.restriction).toBe("host-service");
    expect(step.bypassed).toEqual(["nsg-nic", "nsg-front"]);
  });

  it("says in the trace which service it was and which tag would filter it", () => {
    const step = verdictOf(locked, out("168.63.129.16", "Udp", 53)).decidingStep as HostServiceStep;
    expect(step.service).toBe("Azure DNS (168.63.129.16, UDP 53)");
    expect(step.tag).toBe("AzurePlatformDNS");
    expect(step.reason).toContain("AzurePlatformDNS");
    expect(step.reason).toContain('"nsg-nic" and "nsg-front"');
  });

  it("lets IMDS through even with only the default rules (169.254.169.254 is in no tag DenyAllOutBound spares)", () => {
    const defaults = webWith([]);
    expect(decidedBy(verdictOf(defaults, out("169.254.169.254", "Tcp", 80)))).toBe("platform");
    // Any other link-local address meets DenyAllOutBound as before.
    expect(decidedBy(verdictOf(defaults, out("169.254.1.1", "Tcp", 80)))).toBe("DenyAllOutBound");
  });

  it("filters the same addresses on other ports as ordinary traffic", () => {
    expect(decidedBy(verdictOf(locked, out("168.63.129.16", "Tcp", 443)))).toBe("deny-all-out");
    expect(decidedBy(verdictOf(locked, out("169.254.169.254", "Tcp", 443)))).toBe("deny-all-out");
    expect(decidedBy(verdictOf(locked, out("20.118.99.224", "Tcp", 443)))).toBe("deny-all-out");
    expect(decidedBy(verdictOf(locked, out("168.63.129.16", "Udp", 54)))).toBe("deny-all-out");
  });

  it("filters health probes arriving from 168.63.129.16: only what a VM sends is exempt", () => {
    const inboundLocked = webWith([rule("deny-all-in", 100, "Inbound", "Deny")]);
    const probe: FlowInput = { from: "168.63.129.16", to: "web", protocol: "Tcp", port: 80 };
    expect(decidedBy(verdictOf(inboundLocked, probe))).toBe("deny-all-in");
  });
});

describe("a rule that targets a platform service's tag filters it", () => {
  it("the tag names the service, not its address: other traffic to 168.63.129.16 is not matched", () => {
    const network = webWith([denyTo("deny-azure-dns", 100, "AzurePlatformDNS")]);
    // 168.63.129.16 is in VirtualNetwork, so AllowVnetOutBound decides TCP 22 as before.
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Tcp", 22)))).toBe("AllowVnetOutBound");
  });

  it("AzurePlatformDNS blocks DNS and nothing else of the host's", () => {
    const network = webWith([denyTo("deny-azure-dns", 100, "AzurePlatformDNS")]);
    for (const protocol of ["Udp", "Tcp"] as const) {
      const verdict = verdictOf(network, out("168.63.129.16", protocol, 53));
      expect(verdict.access).toBe("Deny");
      expect(decidedBy(verdict)).toBe("deny-azure-dns");
    }
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Tcp", 80)))).toBe("platform");
    expect(decidedBy(verdictOf(network, out("169.254.169.254", "Tcp", 80)))).toBe("platform");
  });

  it("AzurePlatformIMDS blocks the Instance Metadata Service", () => {
    const network = webWith([], [denyTo("deny-imds", 300, "AzurePlatformIMDS")]);
    const verdict = verdictOf(network, out("169.254.169.254", "Tcp", 80));
    expect(verdict.access).toBe("Deny");
    expect(decidedBy(verdict)).toBe("deny-imds");
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Udp", 53)))).toBe("platform");
  });

  it("AzurePlatformLKM blocks Windows activation at every KMS address", () => {
    const network = webWith([denyTo("deny-kms", 100, "AzurePlatformLKM")]);
    for (const kms of ["20.118.99.224", "40.83.235.53", "23.102.135.246"])
      expect(decidedBy(verdictOf(network, out(kms, "Tcp", 1688)))).toBe("deny-kms");
  });

  it("no tag reaches the VM agent's WireServer or DHCP", () => {
    const network = webWith([
      denyTo("deny-azure-dns", 100, "AzurePlatformDNS"),
      rule("deny-rest", 200, "Outbound", "Deny"),
    ]);
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Tcp", 32526)))).toBe("platform");
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Udp", 67)))).toBe("platform");
  });

  it("only the targeting rules apply: an earlier allow-all does not lift a later tag deny", () => {
    const network = webWith([
      rule("allow-all-out", 100, "Outbound", "Allow"),
      denyTo("deny-azure-dns", 200, "AzurePlatformDNS"),
    ]);
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Udp", 53)))).toBe("deny-azure-dns");
  });

  it("a tag rule's own fields still decide whether it matches (here, only UDP)", () => {
    const network = webWith([
      rule("deny-dns-udp", 100, "Outbound", "Deny", {
        protocol: "Udp",
        destinationAddressPrefix: "AzurePlatformDNS",
      }),
    ]);
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Udp", 53)))).toBe("deny-dns-udp");
    expect(decidedBy(verdictOf(network, out("168.63.129.16", "Tcp", 53)))).toBe("platform");
  });

  it("an allow naming the tag is recorded, and the platform still decides the flow", () => {
    const network = webWith([
      rule("allow-dns", 100, "Outbound", "Allow", { destinationAddressPrefix: "AzurePlatformDNS" }),
    ]);
    const verdict = verdictOf(network, out("168.63.129.16", "Udp", 53));
    expect(verdict.access).toBe("Allow");
    expect(verdict.steps.map((s) => s.kind)).toEqual(["nsg", "platform"]);
    expect((verdict.decidingStep as HostServiceStep).bypassed).toEqual(["nsg-front"]);
  });
});

describe("the fast path and the comparison agree with the trace", () => {
  const networks = [
    webWith([DENY_ALL_OUT]),
    webWith([denyTo("deny-azure-dns", 100, "AzurePlatformDNS")]),
    webWith([], [denyTo("deny-imds", 100, "AzurePlatformIMDS"), rule("deny-rest", 200, "Outbound", "Deny")]),
  ];
  const flows = [
    out("168.63.129.16", "Udp", 53),
    out("168.63.129.16", "Tcp", 80),
    out("168.63.129.16", "Tcp", 443),
    out("169.254.169.254", "Tcp", 80),
    out("40.83.235.53", "Tcp", 1688),
  ];

  it("FlowPath.access gives each flow the verdict's access", () => {
    for (const network of networks)
      for (const flow of flows) {
        const path = network.path(flow.from, flow.to);
        if (!path.ok) throw new Error("no path");
        expect(path.value.access(flow.protocol, 50000, flow.port)).toBe(verdictOf(network, flow).access);
      }
  });

  it("a deny naming AzurePlatformDNS is a difference, witnessed by a DNS query", () => {
    const [learner, reference] = [webWith([denyTo("deny-azure-dns", 100, "AzurePlatformDNS")]), webWith([])];
    const differences = compareNetworks(learner, reference, { editable: ["nsg-nic"] });
    expect(differences.length).toBeGreaterThan(0);
    for (const d of differences) {
      expect(d.witness.to).toBe("168.63.129.16");
      expect(d.witness.port).toBe(53);
      expect(d.learner.access).toBe("Deny");
      expect(d.reference.access).toBe("Allow");
    }
  });

  it("a deny-all that spares the host services differs only away from them", () => {
    // Denying 169.254.0.0/16 outbound blocks link-local traffic but not IMDS on TCP 80.
    const learner = webWith([
      rule("deny-link-local", 100, "Outbound", "Deny", { destinationAddressPrefix: "169.254.0.0/16" }),
    ]);
    const differences = compareNetworks(learner, webWith([]), { editable: ["nsg-nic"] });
    // With the defaults alone link-local traffic is denied already, so nothing differs at all.
    expect(differences).toEqual([]);
    const allowLinkLocal = rule("allow-link-local", 100, "Outbound", "Allow", {
      destinationAddressPrefix: "169.254.0.0/16",
    });
    const allowing = webWith([allowLinkLocal], [allowLinkLocal]);
    const opened = compareNetworks(allowing, webWith([]), { editable: ["nsg-nic", "nsg-front"] });
    expect(opened.length).toBeGreaterThan(0);
    // IMDS itself (TCP 80) was reachable either way, so no difference is witnessed there.
    for (const d of opened)
      expect([d.witness.to, d.witness.protocol, d.witness.port]).not.toEqual(["169.254.169.254", "Tcp", 80]);
    expect(opened.some((d) => d.witness.to !== "169.254.169.254")).toBe(true);
  });
});

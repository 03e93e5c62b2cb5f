import { describe, expect, it } from "vitest";
import { buildPathModel, type PathStep } from "../../src/lib/playground/path-model.ts";
import { evaluatorFor, rule, twoVmScenario } from "./scenario.ts";
import type { FlowInput } from "../../src/lib/nsg/flow-schema.ts";
import { joinMessages } from "../../src/lib/result.ts";

function trace(scenario: string, flow: FlowInput) {
  const evaluator = evaluatorFor(scenario);
  const verdict = evaluator.evaluate(flow);
  if (!verdict.ok) throw new Error(joinMessages(verdict.errors));
  return buildPathModel(verdict.value, evaluator);
}

const shape = (steps: PathStep[]) =>
  steps.map((s) => `${s.kind}:${"title" in s ? s.title : ""}${"nsg" in s && s.nsg ? `:${s.nsg}` : ""}`);
const statuses = (step: PathStep | undefined) =>
  step && step.kind === "nsg" ? step.rules.map((r) => `${r.name}=${r.status}`) : [];

describe("the path a flow takes", () => {
  it("marks rules tried without a match, the deciding rule, and the rules never reached", () => {
    const model = trace(
      twoVmScenario({
        webNic: [
          rule("ssh", 100, { destinationPortRange: "22" }),
          rule("udp-443", 110, { protocol: "Udp", destinationPortRange: "443" }),
          rule("https", 120, { destinationPortRange: "443" }),
          rule("deny-rest", 130, { access: "Deny" }),
        ],
      }),
      { from: "198.51.100.7", to: "web-vm", protocol: "Tcp", port: 443 },
    );
    expect(model.access).toBe("Allow");
    const nic = model.steps.find((s) => s.kind === "nsg")!;
    expect(statuses(nic)).toEqual([
      "ssh=no-match",
      "udp-443=no-match",
      "https=deciding",
      "deny-rest=not-evaluated",
      "AllowVnetInBound=not-evaluated",
      "AllowAzureLoadBalancerInBound=not-evaluated",
      "DenyAllInBound=not-evaluated",
    ]);
    if (nic.kind !== "nsg") return;
    expect(nic.rules[0]!.failed).toEqual(["destinationPort"]);
    expect(nic.rules[1]!.failed).toEqual(["protocol"]);
    expect(nic.rules.filter((r) => r.isDefault).map((r) => r.name)).toEqual([
      "AllowVnetInBound",
      "AllowAzureLoadBalancerInBound",
      "DenyAllInBound",
    ]);
    expect(model.summary).toBe("Allowed by web-nic-nsg rule https (120).");
  });

  it("draws sender NIC, sender subnet, receiver subnet, receiver NIC in that order, with no-NSG legs", () => {
    const model = trace(
      twoVmScenario({
        webSubnet: [],
        appNic: [rule("from-web", 100, { sourceAddressPrefix: "10.0.1.0/24", destinationPortRange: "8080" })],
      }),
      { from: "web-vm", to: "app-vm", protocol: "Tcp", port: 8080 },
    );
    expect(shape(model.steps)).toEqual([
      "no-nsg:Sender NIC NSG",
      "nsg:Sender subnet NSG:web-subnet-nsg",
      "no-nsg:Receiver subnet NSG",
      "nsg:Receiver NIC NSG:app-nic-nsg",
    ]);
    expect(statuses(model.steps[1])[0]).toBe("AllowVnetOutBound=deciding");
    expect(model.access).toBe("Allow");
  });

  it("keeps the legs after a deny as not reached, and says who denied", () => {
    const model = trace(
      twoVmScenario({
        webNic: [
          rule("no-out", 100, { direction: "Outbound", access: "Deny", destinationPortRange: "8080" }),
        ],
        appNic: [],
      }),
      { from: "web-vm", to: "app-vm", protocol: "Tcp", port: 8080 },
    );
    expect(model.access).toBe("Deny");
    expect(shape(model.steps)).toEqual([
      "nsg:Sender NIC NSG:web-nic-nsg",
      "not-reached:Sender subnet NSG",
      "not-reached:Receiver subnet NSG",
      "not-reached:Receiver NIC NSG:app-nic-nsg",
    ]);
    expect(model.summary).toBe("Denied by web-nic-nsg, the sender's NIC NSG (outbound), rule no-out (100).");
  });

  it("omits the legs of an endpoint outside the scenario and shows the NAT-translated destination", () => {
    const model = trace(twoVmScenario({ webNic: [] }), {
      from: "203.0.113.9",
      to: "20.1.2.3",
      protocol: "Tcp",
      sourcePort: 50000,
      port: 443,
    });
    expect(shape(model.steps)).toEqual(["no-nsg:Receiver subnet NSG", "nsg:Receiver NIC NSG:web-nic-nsg"]);
    const step = model.steps[1]!;
    if (step.kind !== "nsg") throw new Error("expected an NSG step");
    expect(step.packet).toMatchObject({
      source: "203.0.113.9",
      sourcePort: 50000,
      destination: "10.0.1.4",
      destinationPort: 443,
    });
    expect(step.packet.notes.join(" ")).toMatch(
      /public IP 20\.1\.2\.3; Azure translates it to the private 10\.0\.1\.4/,
    );
    expect(statuses(step).find((s) => s.endsWith("=deciding"))).toBe("DenyAllInBound=deciding");
    expect(model.summary).toBe(
      "Denied by web-nic-nsg, the receiver's NIC NSG (inbound), rule DenyAllInBound (65500, default rule).",
    );
  });

  it("shows the platform's SMTP block as its own step", () => {
    const model = trace(twoVmScenario({ webNic: [] }), {
      from: "web-vm",
      to: "198.51.100.25",
      protocol: "Tcp",
      port: 25,
    });
    expect(shape(model.steps)).toEqual([
      "nsg:Sender NIC NSG:web-nic-nsg",
      "no-nsg:Sender subnet NSG",
      "platform:Azure platform: outbound SMTP block",
    ]);
    expect(model.summary).toMatch(/^Denied by the Azure platform: Azure blocks outbound TCP port 25/);
    const ea = trace(twoVmScenario({ webNic: [] }, "enterprise-agreement"), {
      from: "web-vm",
      to: "198.51.100.25",
      protocol: "Tcp",
      port: 25,
    });
    expect(ea.access).toBe("Allow");
  });

  it("explains a reply packet through the connection it answers", () => {
    const scenario = twoVmScenario({ webNic: [rule("https", 100, { destinationPortRange: "443" })] });
    const reply = trace(scenario, {
      from: "web-vm",
      to: "198.51.100.7",
      protocol: "Tcp",
      sourcePort: 443,
      port: 50000,
      response: true,
    });
    expect(reply.access).toBe("Allow");
    expect(reply.steps).toEqual([]);
    expect(reply.summary).toMatch(/stateful/);
    expect(statuses(reply.answers!.steps.find((s) => s.kind === "nsg"))[0]).toBe("https=deciding");
    const refused = trace(scenario, {
      from: "web-vm",
      to: "198.51.100.7",
      protocol: "Tcp",
      sourcePort: 22,
      port: 50000,
      response: true,
    });
    expect(refused.access).toBe("Deny");
  });

  it("notes the ephemeral source port when none is given, and drops ports for ICMP", () => {
    const tcp = trace(twoVmScenario({ webNic: [] }), {
      from: "web-vm",
      to: "app-vm",
      protocol: "Tcp",
      port: 80,
    });
    const first = tcp.steps[0]!;
    expect(first.kind === "nsg" && first.packet.notes.join(" ")).toMatch(/ephemeral one \(49152 here\)/);
    const icmp = trace(twoVmScenario({ webNic: [] }), { from: "web-vm", to: "app-vm", protocol: "Icmp" });
    const step = icmp.steps[0]!;
    expect(step.kind === "nsg" && step.packet).toMatchObject({
      sourcePort: null,
      destinationPort: null,
      notes: [],
    });
  });

  it("writes ASG and multi-prefix sides the way the rules table shows them", () => {
    const scenario = JSON.parse(
      twoVmScenario({
        appNic: [
          rule("from-web-asg", 100, {
            sourceAddressPrefix: undefined,
            sourceApplicationSecurityGroups: ["web-asg"],
            destinationPortRange: undefined,
            destinationPortRanges: ["80", "443"],
          }),
        ],
      }),
    ) as { topology: { asgs?: string[]; vms: { nics: { asgs?: string[] }[] }[] } };
    scenario.topology.asgs = ["web-asg"];
    scenario.topology.vms[0]!.nics[0]!.asgs = ["web-asg"];
    const model = trace(JSON.stringify(scenario), {
      from: "web-vm",
      to: "app-vm",
      protocol: "Tcp",
      port: 443,
    });
    const step = model.steps.find((s) => s.kind === "nsg")!;
    expect(step.kind === "nsg" && step.rules[0]).toMatchObject({
      source: "ASG web-asg",
      destinationPorts: "80, 443",
      protocol: "Tcp",
      status: "deciding",
    });
  });
});

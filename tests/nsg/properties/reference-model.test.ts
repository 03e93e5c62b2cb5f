/**
 * Differential test: at every NSG a generated flow passes, the rule the evaluator names must be the
 * one a deliberately naive model picks — all rules of that direction (custom and Azure's defaults)
 * sorted by priority, each tested field by field with plain bigint arithmetic. The evaluator's
 * compiled sets, interval merging and port index must never change that choice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  firstMatch,
  parseIp,
  ruleMatches,
  securityRuleSchema,
  type NsgStep,
  type Packet,
  type SecurityRule,
  type TopologyInput,
} from "../../../src/lib/nsg/index.ts";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf, nsgSteps } from "./build.ts";

/** "10.0.0.0/8" or "10.0.0.4" → [first, last] as bigints of the address's family. */
function block(text: string): { family: 4 | 6; first: bigint; last: bigint } {
  const [address = "", bits] = text.split("/");
  const ip = parseIp(address);
  if (!ip.ok) throw new Error(text);
  const width = ip.value.family === 4 ? 32 : 128;
  const size = 1n << BigInt(width - (bits === undefined ? width : Number(bits)));
  const value = BigInt(ip.value.value);
  return { family: ip.value.family, first: value - (value % size), last: value - (value % size) + size - 1n };
}
const within = (ip: Packet["source"], cidrs: string[]) =>
  cidrs.some((c) => {
    const b = block(c);
    return b.family === ip.family && BigInt(ip.value) >= b.first && BigInt(ip.value) <= b.last;
  });

// Address space that is never "the internet" (IANA special-purpose blocks the model excludes).
const NOT_INTERNET = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/128",
  "::1/128",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
];

const parsedCache = new WeakMap<TopologyInput, Map<string, SecurityRule[]>>();
function parsedRules(topology: TopologyInput, nsg: string): SecurityRule[] {
  let byNsg = parsedCache.get(topology);
  if (!byNsg) parsedCache.set(topology, (byNsg = new Map<string, SecurityRule[]>()));
  let rules = byNsg.get(nsg);
  if (!rules)
    byNsg.set(
      nsg,
      (rules = topology
        .nsgs!.find((n) => n.name === nsg)!
        .securityRules!.map((r) => securityRuleSchema.parse(r))),
    );
  return rules;
}

function naiveFirstMatch(topology: TopologyInput, step: NsgStep): string {
  const vnetName = step.subnet.split("/")[0]!;
  const vnet = topology.vnets!.find((v) => v.name === vnetName)!;
  const virtualNetwork = [
    ...vnet.addressSpace,
    ...(vnet.peerings ?? []).flatMap((p) => topology.vnets!.find((v) => v.name === p)!.addressSpace),
    ...(vnet.connectedAddressSpaces ?? []),
    "168.63.129.16/32",
  ];
  const members = (asg: string) =>
    topology.vms!.flatMap((vm) =>
      vm.nics.filter((n) => (n.asgs ?? []).includes(asg)).map((n) => n.privateIp),
    );
  const matchesAddress = (ip: Packet["source"], rule: SecurityRule, side: "source" | "destination") => {
    const asgs = rule[`${side}ApplicationSecurityGroups`];
    if (asgs.length > 0) return asgs.some((a) => members(a).some((m) => within(ip, [m])));
    return rule[`${side}AddressPrefixes`].some((prefix) => {
      const lower = prefix.toLowerCase();
      if (prefix === "*") return true;
      if (lower === "virtualnetwork") return within(ip, virtualNetwork);
      if (lower === "azureloadbalancer") return within(ip, ["168.63.129.16/32"]);
      if (lower === "internet") return !within(ip, virtualNetwork) && !within(ip, NOT_INTERNET);
      const custom = Object.entries(topology.serviceTags ?? {}).find(([tag]) => tag.toLowerCase() === lower);
      return within(ip, custom ? custom[1] : [prefix]);
    });
  };
  const portOk = (port: number, specs: string[]) =>
    specs.some(
      (spec) =>
        spec === "*" ||
        (spec.includes("-")
          ? port >= Number(spec.split("-")[0]) && port <= Number(spec.split("-")[1])
          : port === Number(spec)),
    );
  const custom = parsedRules(topology, step.nsg);
  const rules = [...custom, ...DEFAULT_RULES]
    .filter((r) => r.direction === step.direction)
    .sort((a, b) => a.priority - b.priority);
  const { packet } = step;
  const ports = packet.protocol === "Tcp" || packet.protocol === "Udp";
  const winner = rules.find(
    (r) =>
      (r.protocol === "*" || r.protocol === packet.protocol) &&
      matchesAddress(packet.source, r, "source") &&
      matchesAddress(packet.destination, r, "destination") &&
      (!ports ||
        (portOk(packet.sourcePort, r.sourcePortRanges) &&
          portOk(packet.destinationPort, r.destinationPortRanges))),
  );
  return winner!.name;
}

describe("property: the evaluator agrees with a naive model", () => {
  it(
    "names, at every NSG passed, the rule a plain priority-ordered scan picks",
    () => {
      let compared = 0;
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const evaluator = evaluatorOf(scenario);
          for (const flow of scenario.flows) {
            const result = evaluator.evaluate(flow);
            if (!result.ok) continue;
            for (const step of nsgSteps(result.value)) {
              compared++;
              expect(
                step.rule.name,
                JSON.stringify(
                  { nsg: step.nsg, direction: step.direction, packet: step.packet },
                  (_, v: unknown) => (typeof v === "bigint" ? String(v) : v),
                ),
              ).toBe(naiveFirstMatch(scenario.topology, step));
            }
          }
        }),
        { numRuns: 300 },
      );
      expect(compared).toBeGreaterThan(1000);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "the indexed first match equals a linear scan with ruleMatches, for any packet",
    () => {
      fc.assert(
        fc.property(
          scenarioWithFlows,
          fc.array(
            fc.record({
              protocol: fc.constantFrom("Tcp", "Udp", "Icmp", "Esp", "Ah"),
              source: fc.constantFrom(
                "8.8.8.8",
                "10.0.1.4",
                "10.0.2.5",
                "10.1.1.4",
                "168.63.129.16",
                "20.38.100.1",
                "fd00:0:0:1::4",
                "2001:db8::1",
              ),
              destination: fc.constantFrom(
                "10.0.1.4",
                "10.0.2.5",
                "10.0.1.7",
                "10.1.1.5",
                "fd00:0:0:1::5",
                "8.8.4.4",
              ),
              sourcePort: fc.integer({ min: 0, max: 65535 }),
              destinationPort: fc.oneof(
                fc.constantFrom(0, 20, 21, 22, 25, 80, 443, 1023, 1024, 1433, 3389, 65535),
                fc.integer({ min: 0, max: 65535 }),
              ),
            }),
            { minLength: 1, maxLength: 20 },
          ),
          (scenario, packets) => {
            const evaluator = evaluatorOf(scenario);
            for (const nsg of scenario.topology.nsgs!) {
              for (const vnet of scenario.topology.vnets!) {
                const compiled = evaluator.cache.get(nsg.name, vnet.name)!;
                for (const raw of packets) {
                  const source = parseIp(raw.source);
                  const destination = parseIp(raw.destination);
                  if (!source.ok || !destination.ok || source.value.family !== destination.value.family)
                    continue;
                  const packet: Packet = { ...raw, source: source.value, destination: destination.value };
                  for (const rules of [compiled.inbound, compiled.outbound]) {
                    expect(firstMatch(rules, packet)).toBe(rules.find((r) => ruleMatches(r, packet)));
                  }
                }
              }
            }
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAzCli } from "../../src/lib/formats/azcli/index.ts";
import {
  exportArm,
  exportAzCli,
  exportPowerShell,
  type NsgRuleSet,
} from "../../src/lib/formats/export/index.ts";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import { applyRules, parseLearnerRules, type Exercise } from "../../src/lib/grader/index.ts";
import { securityRuleSchema, type SecurityRule } from "../../src/lib/nsg/index.ts";
import { allExercises } from "../exercise-ui/support.ts";

/**
 * Exporting and reading back loses nothing: normalize(parse(export(x))) deep-equals x for the
 * az CLI script (read by our own az parser), the Azure PowerShell script (read by our own
 * PowerShell reader) and the ARM template (JSON.parse, then the evaluator's securityRuleSchema on
 * each securityRules entry).
 */

const rule = (input: Record<string, unknown>): SecurityRule => securityRuleSchema.parse(input);

const HAND_PICKED: NsgRuleSet[] = [
  {
    nsg: "web-nsg",
    rules: [
      rule({
        name: "Allow-HTTP",
        priority: 100,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "Internet",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "80",
      }),
      rule({
        name: "ftp",
        priority: 110,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: ["203.0.113.0/24", "198.51.100.7"],
        sourcePortRange: "*",
        destinationAddressPrefix: "10.0.0.4",
        destinationPortRanges: ["20-21", "40000-40100"],
        description: "Active FTP: control and data",
      }),
      rule({
        name: "web_to_db",
        priority: 200,
        direction: "Outbound",
        access: "Allow",
        protocol: "*",
        sourceApplicationSecurityGroups: ["web-asg"],
        sourcePortRange: "*",
        destinationApplicationSecurityGroups: ["db-asg"],
        destinationPortRange: "1433",
      }),
      rule({
        name: "weird.text_",
        priority: 4096,
        direction: "Outbound",
        access: "Deny",
        protocol: "Icmp",
        sourceAddressPrefix: "VirtualNetwork",
        sourcePortRange: "*",
        destinationAddressPrefix: "Storage.WestEurope",
        destinationPortRange: "*",
        description: 'it\'s "quoted" $HOME `cmd` \\ ${x}\nsecond line',
      }),
      rule({
        name: "dash",
        priority: 300,
        direction: "Inbound",
        access: "Deny",
        protocol: "Udp",
        sourceAddressPrefix: "2001:db8::/32",
        sourcePortRange: "53",
        destinationAddressPrefix: "*",
        destinationPortRange: "53",
        description: "-starts with a dash",
      }),
    ],
  },
  {
    nsg: "db-nsg",
    rules: [
      rule({
        name: "deny-all",
        priority: 4000,
        direction: "Inbound",
        access: "Deny",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "*",
        description: "",
      }),
    ],
  },
];

function azRoundTrip(sets: NsgRuleSet[]) {
  const script = exportAzCli(sets);
  const result = parseAzCli(script, { editable: sets.map((s) => s.nsg) });
  if (!result.ok)
    throw new Error(
      `${result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n")}\n---\n${script}`,
    );
  const back = result.value.nsgs.map((n) => ({
    nsg: n.name,
    rules: n.rules.map((r) => securityRuleSchema.parse(r)),
  }));
  expect(back).toEqual(sets.filter((s) => s.rules.length > 0));
}

function psRoundTrip(sets: NsgRuleSet[]) {
  const script = exportPowerShell(sets);
  const result = parsePowerShell(script, { editable: sets.map((s) => s.nsg) });
  if (!result.ok)
    throw new Error(
      `${result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n")}\n---\n${script}`,
    );
  expect(result.value.warnings, script).toEqual([]);
  const back = result.value.nsgs.map((n) => ({
    nsg: n.name,
    rules: n.rules.map((r) => securityRuleSchema.parse(r)),
  }));
  expect(back).toEqual(sets.filter((s) => s.rules.length > 0));
}

function armRoundTrip(sets: NsgRuleSet[]) {
  const template = JSON.parse(exportArm(sets)) as {
    resources: { name: string; properties: { securityRules: unknown[] } }[];
  };
  const back = template.resources.map((r) => ({
    nsg: r.name,
    rules: r.properties.securityRules.map((x) => securityRuleSchema.parse(x)),
  }));
  expect(back).toEqual(sets);
}

// --- generators of valid, normalized rule sets -------------------------------------------

const ipv4 = fc.ipV4();
/** A network-aligned CIDR (Azure rejects host bits). */
const cidr = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([n, bits]) => {
    const network = bits === 0 ? 0 : (n >>> (32 - bits)) << (32 - bits);
    return `${[24, 16, 8, 0].map((s) => (network >>> s) & 255).join(".")}/${bits}`;
  });
const ipv6 = fc.constantFrom("2001:db8::1", "2001:db8::/32", "fd00::/8", "::1");
const singleAddress = fc.oneof(
  fc.constantFrom("*", "Internet", "VirtualNetwork", "AzureLoadBalancer", "Storage.WestEurope", "Sql"),
  ipv4,
  cidr,
  ipv6,
);
const asgName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);

/** One side: a single address, several IPs/CIDRs, or ASGs. */
const side = fc.oneof(
  singleAddress.map((a) => ({ prefixes: [a], asgs: [] as string[] })),
  fc
    .array(fc.oneof(ipv4, cidr, ipv6), { minLength: 2, maxLength: 4 })
    .map((prefixes) => ({ prefixes, asgs: [] as string[] })),
  fc.array(asgName, { minLength: 1, maxLength: 2 }).map((asgs) => ({ prefixes: [] as string[], asgs })),
);

const port = fc.integer({ min: 0, max: 65535 }).map(String);
const range = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
  .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
const ports = fc.oneof(fc.constant(["*"]), fc.array(fc.oneof(port, range), { minLength: 1, maxLength: 4 }));

const description = fc
  .option(
    fc.oneof(
      fc.string({ maxLength: 140 }),
      fc.string({ unit: "binary", maxLength: 70 }),
      fc.constantFrom("it's", "a\nb", "-x", '$HOME `x` \\ "q" ${y} %{z}', "  spaced  ", "null"),
    ),
    { nil: undefined },
  )
  .filter((d) => d === undefined || d.length <= 140);

const ruleName = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,30}[A-Za-z0-9_])?$/);

const securityRule = fc
  .record({
    name: ruleName,
    priority: fc.integer({ min: 100, max: 4096 }),
    direction: fc.constantFrom("Inbound", "Outbound"),
    access: fc.constantFrom("Allow", "Deny"),
    protocol: fc.constantFrom("Tcp", "Udp", "Icmp", "Esp", "Ah", "*"),
    source: side,
    destination: side,
    sourcePorts: ports,
    destinationPorts: ports,
    description,
  })
  .map((r) =>
    rule({
      name: r.name,
      priority: r.priority,
      direction: r.direction,
      access: r.access,
      protocol: r.protocol,
      ...(r.source.prefixes.length === 1
        ? { sourceAddressPrefix: r.source.prefixes[0] }
        : r.source.prefixes.length > 1
          ? { sourceAddressPrefixes: r.source.prefixes }
          : {}),
      ...(r.destination.prefixes.length === 1
        ? { destinationAddressPrefix: r.destination.prefixes[0] }
        : r.destination.prefixes.length > 1
          ? { destinationAddressPrefixes: r.destination.prefixes }
          : {}),
      ...(r.source.asgs.length > 0 ? { sourceApplicationSecurityGroups: r.source.asgs } : {}),
      ...(r.destination.asgs.length > 0 ? { destinationApplicationSecurityGroups: r.destination.asgs } : {}),
      ...(r.sourcePorts.length === 1
        ? { sourcePortRange: r.sourcePorts[0] }
        : { sourcePortRanges: r.sourcePorts }),
      ...(r.destinationPorts.length === 1
        ? { destinationPortRange: r.destinationPorts[0] }
        : { destinationPortRanges: r.destinationPorts }),
      ...(r.description !== undefined ? { description: r.description } : {}),
    }),
  );

/** Rule and NSG names are unique case-insensitively, as Azure names are. */
const ruleSets = fc
  .uniqueArray(
    fc.record({
      nsg: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}[a-z0-9]$/),
      rules: fc.uniqueArray(securityRule, {
        minLength: 1,
        maxLength: 5,
        selector: (r) => r.name.toLowerCase(),
      }),
    }),
    { minLength: 1, maxLength: 3, selector: (s) => s.nsg },
  )
  .map((sets) => sets as NsgRuleSet[]);

describe("round trip through the az CLI export", () => {
  it("keeps hand-picked rules: tags, lists, ASGs, ICMP, IPv6, quoting, descriptions", () =>
    azRoundTrip(HAND_PICKED));
  it("keeps generated rule sets", () => {
    fc.assert(fc.property(ruleSets, azRoundTrip), { numRuns: 300 });
  });
});

describe("round trip through the az CLI export of NSGs that do not exist yet", () => {
  it("creates each with az network nsg create before its rules", () => {
    fc.assert(
      fc.property(ruleSets, (sets) => {
        const script = exportAzCli(sets, { newNsgs: sets.map((s) => s.nsg) });
        const result = parseAzCli(script, { editable: [] });
        expect(result.ok, script).toBe(true);
        if (!result.ok) return;
        expect(
          result.value.nsgs.map((n) => ({
            nsg: n.name,
            created: n.created,
            rules: n.rules.map((r) => securityRuleSchema.parse(r)),
          })),
        ).toEqual(sets.map((s) => ({ ...s, created: true })));
      }),
      { numRuns: 100 },
    );
  });
});

describe("round trip through the Azure PowerShell export", () => {
  it("keeps hand-picked rules: tags, lists, ASGs, ICMP, IPv6, quoting, descriptions", () =>
    psRoundTrip(HAND_PICKED));
  it("keeps generated rule sets", () => {
    fc.assert(fc.property(ruleSets, psRoundTrip), { numRuns: 300 });
  });
  it("keeps generated rule sets for NSGs that do not exist yet (New-AzNetworkSecurityGroup -SecurityRules)", () => {
    fc.assert(
      fc.property(ruleSets, (sets) => {
        const script = exportPowerShell(sets, { newNsgs: sets.map((s) => s.nsg) });
        const result = parsePowerShell(script, { editable: [] });
        expect(result.ok, script).toBe(true);
        if (!result.ok) return;
        expect(result.value.nsgs.map((n) => n.created)).toEqual(sets.map(() => true));
        expect(
          result.value.nsgs.map((n) => ({
            nsg: n.name,
            rules: n.rules.map((r) => securityRuleSchema.parse(r)),
          })),
        ).toEqual(sets);
      }),
      { numRuns: 100 },
    );
  });

  /** The rules every NSG the text writes holds once it is applied, in one order. */
  function finalRules(exercise: Exercise, text: string, format?: "powershell"): NsgRuleSet[] {
    const doc = parseLearnerRules(text, exercise, format);
    if (!doc.ok) throw new Error(`${exercise.id}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const applied = applyRules(exercise, doc.value);
    if (!applied.ok) throw new Error(`${exercise.id}: ${applied.errors.map((e) => e.message).join("; ")}`);
    return doc.value.nsgs.map(({ name }) => ({
      nsg: name,
      rules: [...(applied.value.nsgs.find((n) => n.name === name)?.securityRules ?? [])].sort(
        (a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority,
      ),
    }));
  }

  it("keeps every exercise's reference solution, run on the exercise's own NSGs and their rules", () => {
    const solved = allExercises().filter((e) => e.kind === "author-rules" && e.solution !== undefined);
    expect(solved.length).toBeGreaterThan(5);
    for (const exercise of solved) {
      const expected = finalRules(exercise, exercise.solution!);
      const script = exportPowerShell(expected, {
        existingRules: Object.fromEntries(
          exercise.topology.nsgs.map((n) => [n.name, n.securityRules.map((r) => r.name)]),
        ),
        resourceGroup: "rg-lab",
      });
      expect(finalRules(exercise, script, "powershell"), `${exercise.id}\n${script}`).toEqual(expected);
    }
  });
});

describe("round trip through the ARM template export", () => {
  it("keeps hand-picked rules", () => armRoundTrip(HAND_PICKED));
  it("keeps generated rule sets", () => {
    fc.assert(fc.property(ruleSets, armRoundTrip), { numRuns: 300 });
  });
});

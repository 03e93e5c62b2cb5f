import { describe, expect, it } from "vitest";
import { gradePredictions } from "../../src/lib/grader/index.ts";
import type { TraceEntry } from "../../src/lib/grader/trace.ts";
import { listText, ruleChecks, whySentences, whySteps } from "../../src/lib/exercise-ui/prediction-why.ts";
import { exercise } from "./support.ts";

/** The graded trace of one flow of a predict exercise, by (part of) its name. */
function traceOf(id: string, name: string): TraceEntry[] {
  const report = gradePredictions(exercise(id), []);
  const result = report.results.find((r) => r.name.includes(name));
  if (!result) throw new Error(`${id} has no flow named like ${name}`);
  return result.trace;
}

const ALL_MATCH = [
  { field: "protocol", label: "protocol", matched: true },
  { field: "sourceAddress", label: "source address", matched: true },
  { field: "sourcePort", label: "source port", matched: true },
  { field: "destinationAddress", label: "destination address", matched: true },
  { field: "destinationPort", label: "destination port", matched: true },
];

describe("why a flow got its verdict", () => {
  it("lists, per rule checked, which of the five fields matched, the deciding rule last", () => {
    const steps = whySteps(traceOf("which-default-rule", "A host on the internet"));
    const nsg = steps.find((s) => s.checks.length > 0)!;
    expect(nsg.where).toBe("nsg-vm-hub1 (NIC NSG, inbound at vm-hub1)");
    expect(nsg.checks.map((c) => [c.rule, c.outcome])).toEqual([
      ["AllowVnetInBound (65000)", "no-match"],
      ["AllowAzureLoadBalancerInBound (65001)", "no-match"],
      ["DenyAllInBound (65500)", "Deny"],
    ]);
    expect(nsg.checks[0]!.fields.map((f) => [f.label, f.matched])).toEqual([
      ["protocol", true],
      ["source address", false],
      ["source port", true],
      ["destination address", true],
      ["destination port", true],
    ]);
    expect(nsg.checks[2]!.fields).toEqual(ALL_MATCH);
    // A level without an NSG checks no rules.
    expect(steps[0]).toMatchObject({ where: "no subnet NSG (inbound at vm-hub1)", checks: [], more: 0 });
  });

  it("says in words which rules missed on which fields and which one decided", () => {
    expect(whySentences(traceOf("which-default-rule", "A host on the internet"))).toEqual([
      "nsg-vm-hub1 (NIC NSG, inbound at vm-hub1) checks its inbound rules in priority order: AllowVnetInBound (65000) and AllowAzureLoadBalancerInBound (65001) don't match its source address. DenyAllInBound (65500) is the first rule whose five fields all match, so it denies the flow.",
    ]);
    expect(whySentences(traceOf("subnet-then-nic", "plain HTTP on vm-web1"))).toEqual([
      "nsg-snet-web (subnet NSG, inbound at vm-web1) checks its inbound rules in priority order: its first rule, Allow-Web-Internet (100), matches all five fields and allows the flow.",
      "nsg-vm-web1 (NIC NSG, inbound at vm-web1) checks its inbound rules in priority order: Allow-RDP-Any (100) and Allow-HTTPS (110) don't match its destination port; AllowVnetInBound (65000) and AllowAzureLoadBalancerInBound (65001) don't match its source address. DenyAllInBound (65500) is the first rule whose five fields all match, so it denies the flow.",
      "Every NSG on the path must allow a flow, so one deny is enough.",
    ]);
  });

  it("names the fields a rule missed together", () => {
    expect(whySentences(traceOf("subnet-then-nic", "opens RDP to vm-web1 from inside"))[0]).toContain(
      "Allow-Web-Internet (100) doesn't match its source address or destination port; Deny-RDP-Internet (200) doesn't match its source address.",
    );
  });

  it("explains an allowed flow through every NSG, and the levels with no NSG", () => {
    const why = whySentences(traceOf("which-default-rule", "peered network"));
    expect(why).toEqual([
      "nsg-vm-hub1 (NIC NSG, inbound at vm-hub1) checks its inbound rules in priority order: its first rule, AllowVnetInBound (65000), matches all five fields and allows the flow.",
      "There is no NSG on vm-spoke1's NIC and subnet or on vm-hub1's subnet, so nothing filters it there.",
    ]);
    expect(whySentences(traceOf("vm-without-nsg", "in the peered network"))).toEqual([
      "No NSG is associated anywhere on this path, so nothing filters the flow.",
    ]);
    expect(whySentences(traceOf("subnet-then-nic", "HTTPS on vm-web1")).at(-1)).toBe(
      "Every NSG on the path allows it, which is what a flow needs to get through.",
    );
  });

  it("explains a reply by the connection it answers", () => {
    const why = whySentences(traceOf("which-default-rule", "answers come back"));
    expect(why[0]).toBe(
      "This packet is a reply. NSGs are stateful, so it is decided by the connection it answers, which is allowed:",
    );
    expect(why[1]).toContain("AllowInternetOutBound (65001) is the first rule whose five fields all match");
  });

  it("explains the platform's SMTP block", () => {
    const why = whySentences(traceOf("smtp-pay-as-you-go", "straight to the customer's server"));
    expect(why.at(-1)).toBe(
      "The NSGs let it out, but Azure blocks outbound TCP port 25 to the internet for this subscription type, and no NSG rule can lift that.",
    );
  });

  it("counts the rules a long NSG left out of the trace", () => {
    const entry: TraceEntry = {
      nsg: "big",
      level: "nic",
      direction: "Inbound",
      vm: "vm1",
      rule: "DenyAllInBound",
      priority: 65500,
      access: "Deny",
      tried: [{ rule: "r1", priority: 100, failed: ["protocol", "destination port"] }],
      triedMore: 12,
    };
    expect(ruleChecks(entry).more).toBe(12);
    expect(whySentences([entry])).toEqual([
      "big (NIC NSG, inbound at vm1) checks its inbound rules in priority order: r1 (100) doesn't match its protocol or destination port; 12 more rules don't match either. DenyAllInBound (65500) is the first rule whose five fields all match, so it denies the flow.",
    ]);
    expect(whySentences([{ ...entry, tried: [], triedMore: 1 }])[0]).toContain(
      ": 1 more rule doesn't match either.",
    );
  });

  it("joins lists as a sentence does", () => {
    expect(listText([])).toBe("");
    expect(listText(["a"])).toBe("a");
    expect(listText(["a", "b"], "or")).toBe("a or b");
    expect(listText(["a", "b", "c"])).toBe("a, b and c");
  });
});

import { describe, expect, it } from "vitest";
import { applyRuleChange, describeChange, type RuleChange } from "../../src/lib/rule-form/rule-changes.ts";
import { armRule, network } from "./support.ts";

const [a, b, c] = network([armRule("A", 100), armRule("B", 200), armRule("C", 300)]).nsgs[0]!.securityRules;
const sets = [
  { nsg: "nsg-web", rules: [a!, b!] },
  { nsg: "nsg-app", rules: [] },
];
const names = (next: ReturnType<typeof applyRuleChange>) =>
  next.map((s) => `${s.nsg}: ${s.rules.map((r) => r.name).join(" ")}`);

describe("a change made in the pane", () => {
  it("adds a rule at the end of its NSG's list, leaving the other NSGs alone", () => {
    const change: RuleChange = { kind: "put", nsg: "nsg-app", rule: c! };
    expect(names(applyRuleChange(sets, change))).toEqual(["nsg-web: A B", "nsg-app: C"]);
    expect(describeChange(change)).toBe("Added inbound rule “C” (priority 300) to nsg-app.");
  });

  it("saves an edited rule in its place, renamed or not", () => {
    const renamed: RuleChange = { kind: "put", nsg: "nsg-web", rule: c!, replacing: { index: 0, name: "A" } };
    expect(names(applyRuleChange(sets, renamed))).toEqual(["nsg-web: C B", "nsg-app: "]);
    expect(describeChange(renamed)).toBe(
      "Saved inbound rule “C” (priority 300) in nsg-web, renamed from “A”.",
    );
    const same: RuleChange = { kind: "put", nsg: "nsg-web", rule: b!, replacing: { index: 1, name: "B" } };
    expect(describeChange(same)).toBe("Saved inbound rule “B” (priority 200) in nsg-web.");
  });

  it("deletes a custom rule", () => {
    const change: RuleChange = { kind: "delete", nsg: "nsg-web", index: 0, name: "A" };
    expect(names(applyRuleChange(sets, change))).toEqual(["nsg-web: B", "nsg-app: "]);
    expect(describeChange(change)).toBe("Deleted rule “A” from nsg-web.");
    expect(names(sets)).toEqual(["nsg-web: A B", "nsg-app: "]);
  });
});

/**
 * Grading a read-logs exercise: verdict, deciding rule and "why not" per flow, all judged by the
 * evaluator on the exercise's scenario, and every wrong answer explained from the flow's path.
 */
import { describe, expect, it } from "vitest";
import { exerciseFile } from "./fixtures.ts";
import {
  decidingChoices,
  findRuleChoice,
  gradeLogReading,
  PLATFORM_CHOICE,
  ruleChoices,
  whyNotReasons,
  type LogAnswer,
} from "../../src/lib/grader/log-reading.ts";
import { createEvaluator } from "../../src/lib/nsg/evaluator.ts";
import type { Flow } from "../../src/lib/nsg/flow-schema.ts";

const orders = exerciseFile("read-a-vm-to-vm-flow-log.yaml");
const web = exerciseFile("read-the-web-flow-log.yaml");
const built = createEvaluator(orders.topology, orders.subscription);
if (!built.ok) throw new Error("the scenario does not build");
const evaluator = built.value;

const verdictOf = (flow: Flow) => {
  const v = evaluator.evaluate(flow);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
};
const choice = (ref: string) => {
  const found = findRuleChoice(orders, ref);
  if (!found) throw new Error(`no rule ${ref}`);
  return found;
};
const appToDb: Flow = { from: "vm-app1", to: "vm-db1", protocol: "Tcp", sourcePort: 49288, port: 1433 };
const index = (name: string) => orders.expectations.findIndex((e) => e.name === name);

describe("the rules a learner can name", () => {
  it("are every rule of every NSG, defaults included, and resolve by name or nsg/rule", () => {
    const groups = ruleChoices(orders);
    expect(groups.map((g) => g.nsg)).toEqual(["nsg-snet-app", "nsg-snet-data"]);
    expect(groups[1]!.rules.map((r) => r.rule)).toEqual([
      "Allow-SQL-From-App",
      "Deny-VNet-In",
      "AllowVnetInBound",
      "AllowAzureLoadBalancerInBound",
      "DenyAllInBound",
      "AllowVnetOutBound",
      "AllowInternetOutBound",
      "DenyAllOutBound",
    ]);
    expect(findRuleChoice(orders, "allow-sql-from-app")?.value).toBe("nsg-snet-data/Allow-SQL-From-App");
    // Every NSG has the default rules: a default rule alone is ambiguous.
    expect(findRuleChoice(orders, "DenyAllInBound")).toBeUndefined();
    expect(findRuleChoice(orders, "nsg-snet-app/DenyAllInBound")?.nsg).toBe("nsg-snet-app");
  });
});

describe("what decided a flow", () => {
  it("is the denying rule, or every NSG's allowing rule for an allowed flow", () => {
    expect(decidingChoices(verdictOf(appToDb))).toEqual(["nsg-snet-data/Deny-VNet-In"]);
    expect(
      decidingChoices(verdictOf({ from: "vm-app2", to: "vm-db1", protocol: "Tcp", port: 1433 })),
    ).toEqual(["nsg-snet-app/Allow-SQL-To-Data", "nsg-snet-data/Allow-SQL-From-App"]);
  });
});

describe("why a rule did not decide", () => {
  it("names the fields the packet misses, for a rule checked before the deciding one", () => {
    expect(whyNotReasons(evaluator, verdictOf(appToDb), choice("Allow-SQL-From-App"))).toEqual([
      "sourceAddress",
    ]);
    const ssh = verdictOf({ from: "vm-app1", to: "vm-db1", protocol: "Tcp", port: 22 });
    expect(whyNotReasons(evaluator, ssh, choice("Allow-SQL-To-Data"))).toEqual(["destinationPort"]);
  });

  it("says a rule that allowed was overruled by another NSG's deny", () => {
    expect(whyNotReasons(evaluator, verdictOf(appToDb), choice("Allow-SQL-To-Data"))).toEqual(["overruled"]);
  });

  it("says a rule numbered after the deciding one was never checked", () => {
    const toApi = verdictOf({ from: "vm-app1", to: "203.0.113.80", protocol: "Tcp", port: 443 });
    expect(whyNotReasons(evaluator, toApi, choice("nsg-snet-app/DenyAllOutBound"))).toEqual(["later"]);
    // Deny-VNet-Out (4000) comes before AllowInternetOutBound (65001): it is checked, and misses.
    expect(whyNotReasons(evaluator, toApi, choice("Deny-VNet-Out"))).toEqual(["destinationAddress"]);
  });

  it("says a rule of the other direction, or of an NSG the flow never meets, could not decide", () => {
    expect(whyNotReasons(evaluator, verdictOf(appToDb), choice("Allow-HTTPS-From-Front"))).toEqual([
      "other-direction",
    ]);
    const fromFront = verdictOf({ from: "vm-front1", to: "vm-db1", protocol: "Tcp", port: 1433 });
    expect(whyNotReasons(evaluator, fromFront, choice("Allow-SQL-To-Data"))).toEqual(["not-on-path"]);
  });

  it("is nothing for the rule that decided", () => {
    expect(whyNotReasons(evaluator, verdictOf(appToDb), choice("Deny-VNet-In"))).toEqual([]);
  });
});

describe("grading answers", () => {
  const right = (i: number): LogAnswer => {
    const truth = gradeLogReading(orders, []).results[i]!;
    return {
      verdict: truth.actual,
      rule: truth.deciders[0]!,
      ...(truth.whyNot ? { whyNot: truth.whyNot.reasons } : {}),
    };
  };

  it("passes answers that say what the evaluator decides", () => {
    const report = gradeLogReading(
      orders,
      orders.expectations.map((_, i) => right(i)),
    );
    expect(report.status).toBe("graded");
    expect(report.failed).toBe(0);
    expect(report.results[index("vm-app1 opens a SQL connection to vm-db1")]).toMatchObject({
      actual: "deny",
      decider: "nsg-snet-data/Deny-VNet-In (4000)",
      whyNot: { rule: "nsg-snet-data/Allow-SQL-From-App", reasons: ["sourceAddress"] },
    });
  });

  it("accepts either NSG's allowing rule for a flow both allowed", () => {
    const i = index("vm-app2 opens a SQL connection to vm-db1");
    for (const rule of ["nsg-snet-app/Allow-SQL-To-Data", "nsg-snet-data/Allow-SQL-From-App"]) {
      const answers: LogAnswer[] = [];
      answers[i] = { verdict: "allow", rule };
      expect(gradeLogReading(orders, answers).results[i]!.pass, rule).toBe(true);
    }
  });

  it("explains a wrong verdict by how the log shows one", () => {
    const i = index("vm-app1 opens a SQL connection to vm-db1");
    const answers: LogAnswer[] = [];
    answers[i] = { ...right(i), verdict: "allow" };
    const result = gradeLogReading(orders, answers).results[i]!;
    expect(result.pass).toBe(false);
    expect(result.rule.pass).toBe(true);
    expect(result.verdict.explanation).toMatch(/state D \(deny\) at the NIC where it was stopped/);
  });

  it("explains a wrong rule from the path: allowed but overruled, not on the path, another field", () => {
    const i = index("vm-app1 opens a SQL connection to vm-db1");
    const explain = (rule: string) => {
      const answers: LogAnswer[] = [];
      answers[i] = { ...right(i), rule };
      return gradeLogReading(orders, answers).results[i]!.rule;
    };
    expect(explain("nsg-snet-app/Allow-SQL-To-Data")).toEqual({
      pass: false,
      explanation:
        "Allow-SQL-To-Data (200) in nsg-snet-app: it allowed the flow, but another NSG on the path denied it. Find the flow's tuple and read the rule of its flow group.",
    });
    // The rule the question's why-not asks about: its reasons are that part's answer, not given here.
    expect(explain("nsg-snet-data/Allow-SQL-From-App").explanation).toBe(
      "Allow-SQL-From-App (200) in nsg-snet-data is the rule the question asks about: it did not decide this flow. Find the flow's tuple and read the rule of its flow group.",
    );
    const ssh = index("vm-app1 tries SSH to vm-db1");
    const answers: LogAnswer[] = [];
    answers[ssh] = { ...right(ssh), rule: "nsg-snet-app/AllowVnetOutBound" };
    expect(gradeLogReading(orders, answers).results[ssh]!.rule.explanation).toMatch(
      /^AllowVnetOutBound \(65000\) in nsg-snet-app: a rule with a lower number decided first/,
    );
    answers[ssh] = { ...right(ssh), rule: "nsg-snet-app/Allow-HTTPS-From-Front" };
    expect(gradeLogReading(orders, answers).results[ssh]!.rule.explanation).toMatch(
      /^Allow-HTTPS-From-Front \(200\) in nsg-snet-app: it's a rule for the other direction\./,
    );
    const front = index("vm-front1 opens a SQL connection to vm-db1");
    answers[front] = { ...right(front), rule: "nsg-snet-data/Allow-SQL-From-App" };
    expect(gradeLogReading(orders, answers).results[front]!.rule.explanation).toMatch(
      /^Allow-SQL-From-App \(200\) in nsg-snet-data doesn't match this flow: its source address doesn't match the packet\./,
    );
    expect(explain("nsg-snet-data/DenyAllInBound").explanation).toMatch(
      /DenyAllInBound \(65500\) in nsg-snet-data: a rule with a lower number decided first/,
    );
    expect(explain(PLATFORM_CHOICE).explanation).toMatch(/^Azure's platform takes no part in this flow/);
  });

  it("explains a wrong why-not by how many reasons are wrong or missing, without naming them", () => {
    const i = index("vm-app1 opens a SQL connection to vm-db1");
    const answers: LogAnswer[] = [];
    answers[i] = { ...right(i), whyNot: ["destinationPort", "later"] };
    const whyNot = gradeLogReading(orders, answers).results[i]!.whyNot!;
    expect(whyNot.pass).toBe(false);
    expect(whyNot.explanation).toMatch(/^2 of the reasons you ticked are not why, and 1 reason is missing\./);
    expect(whyNot.explanation).not.toMatch(/source/);
  });

  it("fails a question with parts left open, without an explanation", () => {
    const i = index("vm-app1 tries SSH to vm-db1");
    const answers: LogAnswer[] = [];
    answers[i] = { verdict: "deny" };
    const result = gradeLogReading(orders, answers).results[i]!;
    expect(result).toMatchObject({ pass: false, verdict: { pass: true }, rule: { pass: false } });
    expect(result.rule.explanation).toBeUndefined();
    expect(result.whyNot).toMatchObject({ pass: false });
    expect(result.whyNot!.explanation).toBeUndefined();
  });

  it("grades by the evaluator, not by the file's expect (which check:content verifies)", () => {
    const tampered = {
      ...web,
      expectations: web.expectations.map((e) => ({
        ...e,
        expect: "allow" as const,
        decidedBy: "Allow-SSH-Office",
      })),
    };
    const truth = gradeLogReading(tampered, []).results.map((r) => r.actual);
    expect(truth).toEqual(gradeLogReading(web, []).results.map((r) => r.actual));
    expect(truth).toContain("deny");
  });
});

/**
 * `parseSecurityRule` skips zod for plain valid rules (parse-rule.ts); its result must always be
 * exactly `securityRuleSchema`'s: the same normalized rule, or the same issues, for valid rules,
 * rules with one field changed into anything, and rules with keys added or taken away.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RULE_FIELD_ORDER } from "../../../src/lib/formats/rule-fields.ts";
import { parseSecurityRule } from "../../../src/lib/nsg/parse-rule.ts";
import { securityRuleSchema } from "../../../src/lib/nsg/rule-schema.ts";
import { parseSchema } from "../../../src/lib/nsg/zod-issues.ts";
import { ruleBody } from "../properties/arbitraries.ts";

const FIELDS = [...RULE_FIELD_ORDER, "id", "etag", "provisioningState"];

/** Values a field might be given, right or wrong for it. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "*",
    "80",
    "80-90",
    "90-80",
    "0",
    "65536",
    " Tcp ",
    "tcp",
    "INBOUND",
    "deny",
    "Internet",
    "VirtualNetwork",
    "10.0.0.0/24",
    "10.0.0.5/24",
    "2001:db8::/32",
    "Storage.WestUS",
    "bad tag!",
    "",
    "rule-1",
    "-bad-",
    "x".repeat(141),
    "toString",
  ),
  fc.constantFrom(80, 100, 4096, 4097, 99, 100.5, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(null, true, undefined, {}, { id: "/subscriptions/s/applicationSecurityGroups/asg-web" }),
  fc.array(fc.constantFrom<unknown>("*", "80", 443, "10.0.1.0/24", "asg-web", "Internet", null, {}), {
    maxLength: 3,
  }),
  fc.string(),
);

const validRule = fc
  .tuple(fc.integer({ min: 100, max: 4096 }), fc.constantFrom("Inbound", "Outbound", " outbound"), ruleBody())
  .map(([priority, direction, body]): Record<string, unknown> => ({
    name: `rule-${priority}`,
    priority,
    direction,
    ...body,
  }));

/** A valid rule with fields changed, removed or added, and sometimes in ARM's nested shape. */
const someRule = fc
  .tuple(
    validRule,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS, "unknownField", "__proto__"), fc.option(anyValue)), {
      maxLength: 3,
    }),
    fc.constantFrom("flat", "nested", "nested-with-name-in-properties", "nested-with-name-in-both"),
  )
  .map(([rule, changes, shape]) => {
    const changed: Record<string, unknown> = { ...rule };
    for (const [field, value] of changes)
      if (value === null) delete changed[field];
      else
        Object.defineProperty(changed, field, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    if (shape === "flat") return changed;
    const { name, ...properties } = changed;
    if (shape === "nested") return { name, properties };
    if (shape === "nested-with-name-in-both") return { name, properties: { ...properties, name: "inner" } };
    return { properties: { name, ...properties } };
  });

const schemaResult = (input: unknown) => parseSchema(securityRuleSchema, input, ["nsg", 3]);

describe("parseSecurityRule", () => {
  it("gives the schema's result for valid rules", () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        const result = parseSecurityRule(rule, ["nsg", 3]);
        expect(result.ok).toBe(true);
        expect(result).toStrictEqual(schemaResult(rule));
      }),
      { numRuns: 500 },
    );
  });

  it("gives the schema's result, value or issues, for rules with anything changed", () => {
    fc.assert(
      fc.property(someRule, (rule) => {
        expect(parseSecurityRule(rule, ["nsg", 3])).toStrictEqual(schemaResult(rule));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives the schema's result for values that are not rules", () => {
    for (const input of [
      null,
      undefined,
      7,
      "rule",
      [],
      [{}],
      { properties: [] },
      { properties: null },
      { name: undefined, properties: { ...validRuleExample() } },
      Object.assign(Object.create({ inherited: 1 }) as object, validRuleExample()),
      { properties: Object.assign(Object.create({ name: "from-prototype" }) as object, validRuleExample()) },
      { properties: { ...validRuleExample(), properties: {} } },
    ])
      expect(parseSecurityRule(input, ["nsg", 3])).toStrictEqual(schemaResult(input));
  });

  it("copies lists, so the rule read shares no array with the text's value", () => {
    const raw = { ...validRuleExample(), sourceAddressPrefixes: ["10.0.1.0/24"] };
    const parsed = parseSecurityRule(raw);
    expect(parsed.ok && parsed.value.sourceAddressPrefixes).toEqual(["10.0.1.0/24"]);
    expect(parsed.ok && parsed.value.sourceAddressPrefixes).not.toBe(raw.sourceAddressPrefixes);
  });
});

function validRuleExample(): Record<string, unknown> {
  return {
    name: "allow-web",
    priority: 100,
    direction: "Inbound",
    access: "Allow",
    protocol: "Tcp",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: 80,
  };
}

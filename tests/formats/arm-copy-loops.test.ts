/**
 * ARM copy loops as Learn documents them ("Resource iteration", "Property iteration" and
 * "Variable iteration in ARM templates"), around NSGs: a property loop making `securityRules`,
 * a resource loop over `securityRules` child resources, variables made by loops, and the limits
 * ("The count can't exceed 800. The count can't be a negative number"). The variable examples
 * and their results are Learn's own text (copy-variables.md).
 */
import { describe, expect, it } from "vitest";
import { evaluateTemplate } from "../../src/lib/formats/arm-template.ts";
import { parseDataRules } from "../../src/lib/formats/parse-data-rules.ts";
import { applyRules, parseLearnerRules } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

/** nsg-snet-web is the only NSG the learner edits. */
const shadowed = exerciseFile("fix-shadowed-allow.yaml");

const NSG = "Microsoft.Network/networkSecurityGroups";
const RULE = "Microsoft.Network/networkSecurityGroups/securityRules";
const SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/** A rule's fields as an array parameter holds them (Learn, "Variable iteration": multiple security rules). */
const ruleOf = (name: string, priority: number, port: string) => ({
  name,
  description: `allow ${port}`,
  direction: "Inbound",
  priority,
  sourceAddressPrefix: "Internet",
  destinationAddressPrefix: "*",
  sourcePortRange: "*",
  destinationPortRange: port,
  access: "Allow",
  protocol: "Tcp",
});
const RULES = [
  ruleOf("Allow-HTTP", 100, "80"),
  ruleOf("Allow-HTTPS", 110, "443"),
  ruleOf("Allow-SSH", 120, "22"),
];

/** The fields of rule `copyIndex('securityRules')` of the `rules` parameter, one expression each. */
const indexed = (fields: string[], loop = "securityRules") =>
  Object.fromEntries(fields.map((f) => [f, `[parameters('rules')[copyIndex('${loop}')].${f}]`]));
const FIELDS = [
  "description",
  "priority",
  "protocol",
  "sourcePortRange",
  "destinationPortRange",
  "sourceAddressPrefix",
  "destinationAddressPrefix",
  "access",
  "direction",
];

/** An NSG whose securityRules a property loop makes from the `rules` parameter. */
const propertyLoop = (rules: unknown[] = RULES, count: unknown = "[length(parameters('rules'))]") => ({
  $schema: SCHEMA,
  contentVersion: "1.0.0.0",
  parameters: { rules: { type: "array", defaultValue: rules } },
  resources: [
    {
      type: NSG,
      apiVersion: "2023-09-01",
      name: "nsg-snet-web",
      location: "[resourceGroup().location]",
      properties: {
        copy: [
          {
            name: "securityRules",
            count,
            input: {
              name: "[parameters('rules')[copyIndex('securityRules')].name]",
              properties: indexed(FIELDS),
            },
          },
        ],
      },
    },
  ],
});

const text = (template: unknown) => JSON.stringify(template, null, 2);
const lineOf = (source: string, needle: string, from = 0) =>
  source.slice(0, source.indexOf(needle, from)).split("\n").length;

/** The rule names each NSG gets after the grader validates them, or the errors. */
function applied(source: string) {
  const doc = parseLearnerRules(source, shadowed, "json");
  if (!doc.ok) return { errors: doc.errors.map((e) => `${e.code} ${e.span?.line}: ${e.message}`) };
  const topology = applyRules(shadowed, doc.value);
  if (!topology.ok) return { errors: topology.errors.map((e) => `${e.code} ${e.span?.line}: ${e.message}`) };
  const nsg = topology.value.nsgs.find((n) => n.name === "nsg-snet-web")!;
  return {
    rules: nsg.securityRules.map((r) => `${r.name} ${r.priority} ${r.destinationPortRanges.join(",")}`),
  };
}

describe("a property copy loop making securityRules", () => {
  it("makes one rule per element of an array parameter, read with copyIndex('securityRules')", () => {
    expect(applied(text(propertyLoop()))).toEqual({
      rules: ["Allow-HTTP 100 80", "Allow-HTTPS 110 443", "Allow-SSH 120 22"],
    });
  });

  it("takes copyIndex offsets and arithmetic on them", () => {
    const template = propertyLoop();
    const input = template.resources[0]!.properties.copy[0]!.input as Record<string, unknown>;
    input.name = "[format('rule-{0}', copyIndex('securityRules', 1))]";
    (input.properties as Record<string, unknown>).priority =
      "[add(200, mul(10, copyIndex('securityRules')))]";
    expect(applied(text(template))).toEqual({
      rules: ["rule-1 200 80", "rule-2 210 443", "rule-3 220 22"],
    });
  });

  it("with count 0 makes no rules, as Azure allows", () => {
    expect(applied(text(propertyLoop(RULES, 0)))).toEqual({ rules: [] });
  });

  it("locates a copied rule's error at the loop's input, where the rule is written", () => {
    const bad = [...RULES.slice(0, 2), { ...RULES[2]!, priority: 5000 }];
    const source = text(propertyLoop(bad));
    const result = applied(source);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatch(/^priority-out-of-range (\d+):/);
    // The priority written in the input, not the parameter's default value.
    expect(Number(/ (\d+):/.exec(result.errors![0]!)![1])).toBe(
      lineOf(source, '"priority": "[parameters(\'rules\')'),
    );
  });

  it("refuses a count over 800, below 0 or not a whole number, at the count", () => {
    for (const count of [801, -1, "three", "[concat('x')]"]) {
      const source = text(propertyLoop(RULES, count));
      const doc = parseDataRules(source, "json", { editable: ["nsg-snet-web"] });
      expect(doc.ok).toBe(false);
      if (doc.ok) continue;
      expect(doc.errors.map((e) => [e.code, e.span?.line])).toEqual([
        ["invalid-copy-loop", lineOf(source, '"count"')],
      ]);
    }
    const over = parseDataRules(text(propertyLoop(RULES, 801)), "json", { editable: ["nsg-snet-web"] });
    expect(!over.ok && over.errors[0]!.message).toBe(
      'copy loop "securityRules" has count 801; Azure takes 0 to 800 (Learn: "Copy limits")',
    );
  });

  it("refuses securityRules written beside a loop that makes them, and a loop with no input", () => {
    const both = propertyLoop();
    (both.resources[0]!.properties as Record<string, unknown>).securityRules = [];
    const { problems } = evaluateTemplate(both);
    expect(problems.map((p) => [p.code, p.path.join("."), p.message])).toEqual([
      [
        "invalid-copy-loop",
        "resources.0.properties.copy.0.count",
        '"securityRules" is written here and also made by a copy loop of that name: keep one',
      ],
    ]);
    const noInput = propertyLoop();
    delete (noInput.resources[0]!.properties.copy[0] as Record<string, unknown>).input;
    expect(evaluateTemplate(noInput).problems.map((p) => p.message)).toEqual([
      'copy loop "securityRules" has no "input", the value it repeats',
    ]);
  });

  it("names a function outside the subset once, at the input, however many copies there are", () => {
    const template = propertyLoop();
    const input = template.resources[0]!.properties.copy[0]!.input as { properties: Record<string, unknown> };
    input.properties.description = "[uniqueString(resourceGroup().id)]";
    const { problems } = evaluateTemplate(template);
    expect(problems.map((p) => [p.code, p.path.join(".")])).toEqual([
      ["arm-expression-unsupported", "resources.0.properties.copy.0.input.properties.description"],
    ]);
    expect(problems[0]!.message).toMatch(
      /^the template function uniqueString\(\) is not one NSG Lab evaluates/,
    );
  });

  it("says when copyIndex names a loop that is not being expanded, or needs a name", () => {
    const template = propertyLoop();
    const input = template.resources[0]!.properties.copy[0]!.input as { properties: Record<string, unknown> };
    input.properties.priority = "[copyIndex('rules')]";
    input.properties.description = "[string(copyIndex())]";
    const messages = evaluateTemplate(template).problems.map((p) => `${p.code}: ${p.message}`);
    expect(messages).toEqual([
      "invalid-copy-loop: copyIndex() without a loop name counts a resource's copies; inside a property or variable loop write copyIndex('securityrules')",
      "invalid-copy-loop: copyIndex('rules'): no copy loop named \"rules\" is being expanded here (the loops here: securityrules)",
    ]);
  });
});

/** securityRules child resources copied by a resource loop (Learn: "Iteration for a child resource"). */
const resourceLoop = (count: unknown = 3) => ({
  $schema: SCHEMA,
  contentVersion: "1.0.0.0",
  parameters: { ports: { type: "array", defaultValue: ["80", "443", "8080"] } },
  resources: [
    { type: NSG, apiVersion: "2023-09-01", name: "nsg-snet-web", location: "eastus", properties: {} },
    {
      type: RULE,
      apiVersion: "2023-09-01",
      name: "[format('nsg-snet-web/Allow-Port-{0}', parameters('ports')[copyIndex()])]",
      dependsOn: ["[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-snet-web')]"],
      copy: { name: "ruleCopy", count },
      properties: {
        priority: "[add(300, copyIndex('ruleCopy'))]",
        description: "[format('rule {0} of {1}', copyIndex(1), length(parameters('ports')))]",
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "Internet",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "[parameters('ports')[copyIndex()]]",
      },
    },
    { type: "Microsoft.Network/virtualNetworks", name: "vnet-lab", properties: {} },
  ],
});

describe("a resource copy loop over securityRules child resources", () => {
  it("makes one child resource per iteration, with copyIndex() and its offset", () => {
    expect(applied(text(resourceLoop()))).toEqual({
      rules: ["Allow-Port-80 300 80", "Allow-Port-443 301 443", "Allow-Port-8080 302 8080"],
    });
    const copies = (evaluateTemplate(resourceLoop()).value as { resources: Record<string, unknown>[] })
      .resources;
    expect(copies.map((r) => (r.properties as Record<string, unknown> | undefined)?.description)).toEqual([
      undefined,
      "rule 1 of 3",
      "rule 2 of 3",
      "rule 3 of 3",
      undefined,
    ]);
    expect(copies.every((r) => !("copy" in r))).toBe(true);
  });

  it("keeps later resources where the template writes them", () => {
    const source = text(resourceLoop());
    const doc = parseDataRules(source, "json", { editable: ["nsg-snet-web"] });
    expect(doc.ok && doc.value.warnings.map((w) => [w.code, w.path, w.span?.line])).toEqual([
      ["ignored-resource", ["resources", 2, "type"], lineOf(source, "Microsoft.Network/virtualNetworks")],
    ]);
  });

  it("an index past the parameter's end is named at the expression", () => {
    const { problems } = evaluateTemplate(resourceLoop(4));
    expect(problems.map((p) => [p.path.join("."), p.message])).toEqual([
      ["resources.1.name", "index 3 is not in the list, which has 3 item(s)"],
      ["resources.1.properties.destinationPortRange", "index 3 is not in the list, which has 3 item(s)"],
    ]);
  });

  it("is refused on a rule nested in its NSG, which Azure cannot copy", () => {
    const [nsg, child] = resourceLoop().resources as Record<string, unknown>[];
    const nested = { type: "securityRules", name: "[format('Allow-{0}', copyIndex())]" };
    const template = { ...resourceLoop(), resources: [{ ...nsg, resources: [{ ...child, ...nested }] }] };
    const { problems } = evaluateTemplate(template);
    expect(problems.map((p) => [p.code, p.path.join(".")])).toEqual([
      ["invalid-copy-loop", "resources.0.resources.0.copy"],
    ]);
    expect(problems[0]!.message).toBe(
      'a copy loop cannot repeat a resource nested in another: make it a top-level resource named "<nsg-name>/<rule-name>"',
    );
  });

  it("with symbolic names (languageVersion 2.0), names the copies <name>[0], <name>[1]…", () => {
    const template = resourceLoop(2);
    const [nsg, rule] = template.resources;
    const named = { ...template, languageVersion: "2.0", resources: { nsg, rules: rule } };
    const evaluated = evaluateTemplate(named);
    expect(Object.keys((evaluated.value as { resources: object }).resources)).toEqual([
      "nsg",
      "rules[0]",
      "rules[1]",
    ]);
    expect(evaluated.sourcePath(["resources", "rules[1]", "properties", "priority"])).toEqual([
      "resources",
      "rules",
      "properties",
      "priority",
    ]);
    expect(applied(text(named))).toEqual({ rules: ["Allow-Port-80 300 80", "Allow-Port-443 301 443"] });
  });
});

/** Where an NSG resource shows a variable, so that evaluating the resource evaluates it. */
const showing = (variables: Record<string, unknown>, shown: string[], parameters: object = {}) => ({
  $schema: SCHEMA,
  contentVersion: "1.0.0.0",
  parameters,
  variables,
  resources: [
    {
      type: NSG,
      name: "nsg-snet-web",
      tags: Object.fromEntries(shown.map((v) => [v, `[variables('${v}')]`])),
      properties: {},
    },
  ],
});
const tags = (template: unknown) => {
  const evaluated = evaluateTemplate(template);
  expect(evaluated.problems).toEqual([]);
  return (evaluated.value as { resources: { tags: Record<string, unknown> }[] }).resources[0]!.tags;
};
const itemCount = { itemCount: { type: "int", defaultValue: 5 } };
const disks = [1, 2, 3, 4, 5].map((n) => ({ name: `myDataDisk${n}`, diskSizeGB: "1", diskIndex: n - 1 }));

describe("variables made by copy loops (Learn's examples and results, copy-variables.md)", () => {
  it("an array of strings: item1 … item5", () => {
    const variables = {
      copy: [
        {
          name: "stringArray",
          count: "[parameters('itemCount')]",
          input: "[concat('item', copyIndex('stringArray', 1))]",
        },
      ],
    };
    expect(tags(showing(variables, ["stringArray"], itemCount))).toEqual({
      stringArray: ["item1", "item2", "item3", "item4", "item5"],
    });
  });

  it("an array of objects, and an object with an array made by a loop", () => {
    const input = (loop: string) => ({
      name: `[concat('myDataDisk', copyIndex('${loop}', 1))]`,
      diskSizeGB: "1",
      diskIndex: `[copyIndex('${loop}')]`,
    });
    const variables = {
      copy: [{ name: "objectArray", count: "[parameters('itemCount')]", input: input("objectArray") }],
      topLevelObject: {
        sampleProperty: "sampleValue",
        copy: [{ name: "disks", count: "[parameters('itemCount')]", input: input("disks") }],
      },
    };
    expect(tags(showing(variables, ["objectArray", "topLevelObject"], itemCount))).toEqual({
      objectArray: disks,
      topLevelObject: { sampleProperty: "sampleValue", disks },
    });
  });

  it("the different ways to use copy with variables", () => {
    const variables = {
      "disk-array-on-object": {
        copy: [
          {
            name: "disks",
            count: 5,
            input: {
              name: "[concat('myDataDisk', copyIndex('disks', 1))]",
              diskSizeGB: "1",
              diskIndex: "[copyIndex('disks')]",
            },
          },
          { name: "diskNames", count: 5, input: "[concat('myDataDisk', copyIndex('diskNames', 1))]" },
        ],
      },
      copy: [
        {
          name: "top-level-string-array",
          count: 5,
          input: "[concat('myDataDisk', copyIndex('top-level-string-array', 1))]",
        },
        { name: "top-level-integer-array", count: 5, input: "[copyIndex('top-level-integer-array')]" },
      ],
    };
    const shown = tags(
      showing(variables, ["disk-array-on-object", "top-level-string-array", "top-level-integer-array"]),
    );
    expect(shown).toEqual({
      "disk-array-on-object": { disks, diskNames: disks.map((d) => d.name) },
      "top-level-string-array": ["myDataDisk1", "myDataDisk2", "myDataDisk3", "myDataDisk4", "myDataDisk5"],
      "top-level-integer-array": [0, 1, 2, 3, 4],
    });
  });

  it("a variable is worked out outside the loop that reads it", () => {
    const template = propertyLoop();
    Object.assign(template, { variables: { base: "[copyIndex('securityRules')]" } });
    const input = template.resources[0]!.properties.copy[0]!.input as { properties: Record<string, unknown> };
    input.properties.description = "[string(variables('base'))]";
    expect(evaluateTemplate(template).problems.map((p) => p.message)).toEqual([
      "copyIndex('securityRules') is used outside a copy loop named \"securityRules\"",
    ]);
  });
});

describe("what the copy loops may cost", () => {
  it("loops inside loops stop with one located message, quickly", () => {
    const nested = propertyLoop(RULES, 800);
    nested.resources[0]!.properties.copy[0]!.input = {
      name: "x",
      properties: { copy: [{ name: "inner", count: 800, input: { a: "[copyIndex('inner')]" } }] },
    } as never;
    (nested.resources[0] as Record<string, unknown>).copy = { name: "outer", count: 800 };
    const { problems, value } = evaluateTemplate(nested);
    expect(problems.map((p) => [p.code, p.path.join(".")])).toEqual([["template-too-large", "resources"]]);
    expect((value as { resources: unknown[] }).resources).toEqual([]);
  });
});

describe("which resources are evaluated", () => {
  it("only NSGs and their rules: another resource's expressions are left as written", () => {
    const template = {
      ...propertyLoop(),
      resources: [
        ...propertyLoop().resources,
        {
          type: "Microsoft.Compute/virtualMachines",
          name: "vm",
          properties: {
            linuxConfiguration: "[if(equals(parameters('auth'), 'password'), json('null'), null)]",
          },
        },
      ],
    };
    const evaluated = evaluateTemplate(template);
    expect(evaluated.problems).toEqual([]);
    expect((evaluated.value as { resources: unknown[] }).resources[1]).toEqual(template.resources[1]);
  });

  it("takes a parameters file's values before defaults, as written", () => {
    const template = propertyLoop([]);
    const supplied = { rules: { value: RULES.slice(0, 1) } };
    const { value, problems } = evaluateTemplate(template, { parameters: supplied });
    expect(problems).toEqual([]);
    const nsg = (value as { resources: { properties: { securityRules: { name: string }[] } }[] })
      .resources[0]!;
    expect(nsg.properties.securityRules.map((r) => r.name)).toEqual(["Allow-HTTP"]);
  });
});

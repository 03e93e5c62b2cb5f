/**
 * ARM template expressions as quickstart templates write them around an NSG, evaluated as a
 * deployment with default parameter values would (Learn: "Template functions").
 */
import { describe, expect, it } from "vitest";
import { evaluateTemplate } from "../../src/lib/formats/arm-template.ts";

/** The shape of the "create an NSG" quickstart templates: a name and location from parameters. */
const QUICKSTART = {
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
  parameters: {
    networkSecurityGroupName: { type: "string", defaultValue: "nsg-snet-web" },
    location: { type: "string", defaultValue: "[resourceGroup().location]" },
    sshSource: { type: "string", defaultValue: "198.51.100.0/28" },
    adminPort: { type: "int" },
  },
  variables: {
    ruleName: "[concat('Allow-SSH-', 'Office')]",
    ports: ["80", "443"],
    nsgId: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('networkSecurityGroupName'))]",
  },
  resources: [
    {
      type: "Microsoft.Network/networkSecurityGroups",
      apiVersion: "2023-09-01",
      name: "[parameters('networkSecurityGroupName')]",
      location: "[parameters('location')]",
      properties: {
        securityRules: [
          {
            name: "[variables('ruleName')]",
            properties: {
              priority: "[int('300')]",
              sourceAddressPrefix: "[parameters('sshSource')]",
              destinationPortRanges: "[variables('ports')]",
              description: "[format('{0} from {1}', 'SSH', toUpper('office'))]",
              escaped: "[[not an expression]",
            },
          },
        ],
      },
    },
  ],
};

const resource = (value: unknown) => (value as { resources: Record<string, unknown>[] }).resources[0]!;

describe("ARM template expressions", () => {
  it("evaluates parameters with their defaults, variables, concat, format, int, resourceGroup() and escapes", () => {
    const { value, problems } = evaluateTemplate(QUICKSTART);
    expect(problems).toEqual([]);
    const nsg = resource(value) as {
      name: string;
      location: string;
      properties: { securityRules: { name: string; properties: Record<string, unknown> }[] };
    };
    expect(nsg.name).toBe("nsg-snet-web");
    expect(nsg.location).toBe("eastus");
    const rule = nsg.properties.securityRules[0]!;
    expect(rule.name).toBe("Allow-SSH-Office");
    expect(rule.properties).toMatchObject({
      priority: 300,
      sourceAddressPrefix: "198.51.100.0/28",
      destinationPortRanges: ["80", "443"],
      description: "SSH from OFFICE",
      escaped: "[not an expression]",
    });
  });

  it("builds resource ids as Azure does", () => {
    const template = {
      ...QUICKSTART,
      resources: [
        {
          type: "Microsoft.Network/networkSecurityGroups",
          id: "[variables('nsgId')]",
          child: "[resourceId('Microsoft.Network/networkSecurityGroups/securityRules', 'nsg', 'r1')]",
        },
      ],
    };
    const value = resource(evaluateTemplate(template).value);
    expect(value.id).toBe(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-snet-web",
    );
    expect(value.child).toBe(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/r1",
    );
  });

  it("names what it cannot evaluate, where it stands, and leaves it as written", () => {
    const template = {
      ...QUICKSTART,
      resources: [
        {
          type: "Microsoft.Network/networkSecurityGroups",
          a: "[uniqueString(resourceGroup().id)]",
          b: "[parameters('adminPort')]",
          c: "[parameters('missing')]",
          d: "[concat('x']",
        },
      ],
    };
    const { value, problems } = evaluateTemplate(template);
    expect(problems.map((p) => [p.path.join("."), p.message.split(":")[0]])).toEqual([
      [
        "resources.0.a",
        "the template function uniqueString() is not one NSG Lab evaluates (it evaluates parameters, variables, copyindex, concat, format, string, int, tolower, toupper, resourcegroup, resourceid, length, add, sub, mul, div, mod, createarray, array, range)",
      ],
      [
        "resources.0.b",
        "parameters('adminPort') has no defaultValue, so NSG Lab cannot know the value you would deploy with",
      ],
      ["resources.0.c", "parameters('missing')"],
      ["resources.0.d", 'expected ")" at character 11 of the expression'],
    ]);
    expect(resource(value).a).toBe("[uniqueString(resourceGroup().id)]");
  });

  it("refuses variables defined by themselves, nesting too deep and text that doubles without end", () => {
    const doubling: Record<string, string> = { v0: "ab" };
    for (let i = 1; i <= 16; i++)
      doubling[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    const template = {
      variables: { ...doubling, self: "[variables('self')]" },
      resources: [
        {
          type: "Microsoft.Network/networkSecurityGroups",
          a: "[variables('self')]",
          b: `[${"concat(".repeat(5000)}'x'${")".repeat(5000)}]`,
          c: "[variables('v16')]",
        },
      ],
    };
    const { problems } = evaluateTemplate(template);
    expect(problems.map((p) => p.message)).toEqual([
      "variables('self') is defined in terms of itself",
      "the expression nests too deeply",
      "an expression produces more than 100,000 characters",
    ]);
  });

  it("computes numbers and lists as Learn's function examples publish them", () => {
    // Learn, "Numeric functions" (add 5+3 = 8, div 8/3 = 2, mod 7%3 = 1, mul 5*3 = 15) and
    // "Array functions" (createArray, array, range, length).
    const expressions = {
      add: "[add(5, 3)]",
      sub: "[sub(7, 3)]",
      div: "[div(8, 3)]",
      mod: "[mod(7, 3)]",
      mul: "[mul(5, 3)]",
      createArray: "[createArray('a', 'b', 'c')]",
      emptyArray: "[createArray()]",
      array: "[array('efgh')]",
      range: "[range(5, 3)]",
      lengthOfList: "[length(createArray(1, 2, 3))]",
      lengthOfText: "[length('One Two Three')]",
    };
    const template = {
      ...QUICKSTART,
      resources: [{ type: "Microsoft.Network/networkSecurityGroups", ...expressions }],
    };
    const { value, problems } = evaluateTemplate(template);
    expect(problems).toEqual([]);
    expect(resource(value)).toMatchObject({
      add: 8,
      sub: 4,
      div: 2,
      mod: 1,
      mul: 15,
      createArray: ["a", "b", "c"],
      emptyArray: [],
      array: ["efgh"],
      range: [5, 6, 7],
      lengthOfList: 3,
      lengthOfText: 13,
    });
    const wrong = {
      ...QUICKSTART,
      resources: [
        { type: "Microsoft.Network/networkSecurityGroups", a: "[div(1, 0)]", b: "[range(0, 10001)]" },
      ],
    };
    expect(evaluateTemplate(wrong).problems.map((p) => p.message)).toEqual([
      "div() cannot divide by 0",
      "range()'s count must be from 0 to 10,000, not 10001",
    ]);
  });

  it("leaves anything that is not a template as it is", () => {
    const rule = { name: "[parameters('x')]" };
    const { value, problems, sourcePath } = evaluateTemplate(rule);
    expect({ value, problems }).toEqual({ value: rule, problems: [] });
    expect(sourcePath(["name"])).toEqual(["name"]);
  });
});

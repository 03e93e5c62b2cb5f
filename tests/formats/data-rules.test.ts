import { describe, expect, it } from "vitest";
import { parseDataRules } from "../../src/lib/formats/parse-data-rules.ts";

const one = { editable: ["web-nsg"] };
const rule = (over: Record<string, unknown> = {}) => ({
  name: "allow-http",
  priority: 100,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "Internet",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "80",
  ...over,
});

describe("learner rules as JSON/YAML data", () => {
  it("reads a bare array into the only editable NSG", () => {
    const doc = parseDataRules(JSON.stringify([rule()]), "json", one);
    expect(doc.ok && doc.value.nsgs).toEqual([{ name: "web-nsg", rules: [rule()], created: false }]);
  });

  it("reads { nsg: [rules] } for several NSGs", () => {
    const doc = parseDataRules(JSON.stringify({ a: [rule()], b: [] }), "json", { editable: ["a", "b"] });
    expect(doc.ok && doc.value.nsgs.map((n) => [n.name, n.rules.length])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
  });

  it("refuses a bare array when two NSGs are editable, saying how to write it", () => {
    const doc = parseDataRules("[]", "json", { editable: ["a", "b"] });
    expect(!doc.ok && doc.errors[0]!.message).toMatch(/names no NSG.*\(a, b\): write \{ "<nsg-name>"/);
    expect(!doc.ok && doc.errors[0]!.code).toBe("ambiguous-rule-list");
  });

  it("reads an NSG resource as az network nsg show prints it", () => {
    const text = JSON.stringify({
      name: "web-nsg",
      location: "westeurope",
      securityRules: [rule()],
      type: "Microsoft.Network/networkSecurityGroups",
    });
    const doc = parseDataRules(text, "json", one);
    expect(doc.ok && doc.value.nsgs[0]!.rules).toHaveLength(1);
  });

  it("reads an ARM template with an NSG resource and a child securityRules resource", () => {
    const template = {
      $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      contentVersion: "1.0.0.0",
      resources: [
        {
          type: "Microsoft.Network/networkSecurityGroups",
          apiVersion: "2023-09-01",
          name: "web-nsg",
          location: "westeurope",
          properties: { securityRules: [{ name: "allow-http", properties: { ...rule(), name: undefined } }] },
        },
        {
          type: "Microsoft.Network/networkSecurityGroups/securityRules",
          apiVersion: "2023-09-01",
          name: "web-nsg/allow-https",
          properties: { ...rule({ priority: 110, destinationPortRange: "443" }), name: undefined },
        },
        { type: "Microsoft.Network/virtualNetworks", apiVersion: "2023-09-01", name: "vnet" },
      ],
    };
    const doc = parseDataRules(JSON.stringify(template, null, 2), "json", one);
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.value.nsgs[0]!.rules).toHaveLength(2);
    expect(doc.value.nsgs[0]!.rules[1]).toMatchObject({ name: "allow-https" });
  });

  it("points ARM expressions out instead of evaluating them", () => {
    const text = '{\n  "web-nsg": [\n    { "name": "[parameters(\'ruleName\')]", "priority": 100 }\n  ]\n}';
    const doc = parseDataRules(text, "json", one);
    expect(doc.ok).toBe(false);
    if (doc.ok) return;
    expect(doc.errors[0]!.message).toMatch(/ARM template expressions/);
    expect(doc.errors[0]!.code).toBe("arm-expression-unsupported");
    expect(doc.errors[0]!.span).toMatchObject({ line: 3, column: 15 });
  });

  it("locates malformed JSON at its line and column", () => {
    const doc = parseDataRules('{\n  "web-nsg": [\n    { "name": "x", }\n  ]\n}', "json", one);
    expect(doc.ok).toBe(false);
    if (doc.ok) return;
    expect(doc.errors[0]!.message).toMatch(/trailing comma/);
    expect(doc.errors[0]!.code).toBe("invalid-json");
    expect(doc.errors[0]!.span?.line).toBe(3);
  });

  it("rejects NSGs the exercise does not let the learner edit, at their key", () => {
    const doc = parseDataRules('{\n  "subnet-nsg": []\n}', "json", one);
    expect(!doc.ok && doc.errors[0]).toMatchObject({
      code: "not-editable-nsg",
      message: expect.stringMatching(/not editable/) as unknown,
      span: { line: 2, column: 3 },
    });
  });

  it("locates a field, following singular/plural aliases", () => {
    const text = `web-nsg:\n  - name: allow-web\n    priority: 100\n    direction: Inbound\n    access: Allow\n    protocol: Tcp\n    sourceAddressPrefixes: [10.0.0.0/24, 10.0.1.0/24]\n    sourcePortRange: "*"\n    destinationAddressPrefix: "*"\n    destinationPortRange: 80\n`;
    const doc = parseDataRules(text, "yaml", one);
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.value.locate(["web-nsg", 0, "priority"])).toMatchObject({ line: 3, column: 15 });
    expect(doc.value.locate(["web-nsg", 0, "sourceAddressPrefixes", 1])).toMatchObject({
      line: 7,
      column: 42,
    });
    expect(doc.value.locate(["web-nsg", 0, "destinationPortRanges", 0])).toMatchObject({
      line: 10,
      column: 27,
    });
    expect(doc.value.locate(["web-nsg", 0, "description"])).toMatchObject({ line: 2, column: 5 });
  });

  it("explains an unquoted YAML asterisk", () => {
    const doc = parseDataRules("web-nsg:\n  - sourcePortRange: *\n", "yaml", one);
    expect(!doc.ok && doc.errors[0]!.message).toMatch(/quote a lone asterisk/);
    expect(!doc.ok && doc.errors[0]!.code).toBe("yaml-syntax");
  });
});

import { describe, expect, it } from "vitest";
import {
  addressSuggestions,
  learnerRulesSchema,
  ruleSchema,
} from "../../src/lib/exercise-ui/rule-json-schema.ts";
import { securityRuleSchema } from "../../src/lib/nsg/rule-schema.ts";
import { exercise } from "./support.ts";

describe("the editor's JSON schema for learner rules", () => {
  const ftp = exercise("ftp-active");

  it("accepts { nsg: [rules] } or a bare array when one NSG is editable", () => {
    const schema = learnerRulesSchema(ftp) as {
      anyOf: { type: string; properties?: Record<string, unknown> }[];
    };
    expect(schema.anyOf.map((s) => s.type)).toEqual(["object", "array"]);
    expect(Object.keys(schema.anyOf[0]!.properties!)).toEqual(ftp.editable);
  });

  it("uses only the keyed form when several NSGs are editable", () => {
    const both = exercise("allow-at-both-levels");
    const schema = learnerRulesSchema(both) as {
      type: string;
      properties: Record<string, unknown>;
      anyOf?: unknown;
    };
    expect(schema.type).toBe("object");
    expect(schema.anyOf).toBeUndefined();
    expect(Object.keys(schema.properties)).toEqual(both.editable);
  });

  it("describes every rule field the grader accepts, with enums for Azure's vocabularies", () => {
    const rule = ruleSchema(ftp) as {
      properties: Record<string, { enum?: string[]; description?: string }>;
      required: string[];
    };
    const accepted = Object.keys(
      (securityRuleSchema as unknown as { in: { shape?: Record<string, unknown> } }).in?.shape ?? {},
    );
    for (const key of accepted.filter(
      (k) => !["id", "etag", "type", "provisioningState", "resourceGroup"].includes(k),
    )) {
      expect(rule.properties[key], key).toBeDefined();
    }
    expect(rule.properties.direction!.enum).toEqual(["Inbound", "Outbound"]);
    expect(rule.properties.access!.enum).toEqual(["Allow", "Deny"]);
    expect(rule.properties.protocol!.enum).toContain("*");
    expect(Object.values(rule.properties).every((p) => typeof p.description === "string")).toBe(true);
    expect(rule.required).toEqual(["name", "priority", "direction", "access", "protocol"]);
  });

  it("suggests the exercise's own addresses beside the service tags", () => {
    expect(addressSuggestions(ftp)).toEqual(
      expect.arrayContaining(["*", "Internet", "VirtualNetwork", "10.0.3.4", "10.0.3.0/24"]),
    );
  });
});

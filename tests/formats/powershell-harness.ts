/** A scenario and helpers shared by the PowerShell reader's tests. */
import { expect } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import { topologySchema } from "../../src/lib/nsg/topology-schema.ts";
import type { Issue, SourceSpan } from "../../src/lib/result.ts";

/**
 * The network the Learn tutorial "Filter network traffic with a network security group" has
 * built before its PowerShell associates anything: vnet-1 with subnet-1, nsg-1, two ASGs and
 * the NICs of vm-web and vm-mgmt. subnet-2 already has nsg-2, and nsg-locked is not editable.
 */
export const TOPOLOGY = topologySchema.parse({
  vnets: [
    {
      name: "vnet-1",
      addressSpace: ["10.0.0.0/16"],
      subnets: [
        { name: "subnet-1", addressPrefix: "10.0.0.0/24" },
        { name: "subnet-2", addressPrefix: "10.0.1.0/24", nsg: "nsg-2" },
      ],
    },
  ],
  vms: [
    { name: "vm-web", nics: [{ name: "vm-web-nic", subnet: "vnet-1/subnet-1", privateIp: "10.0.0.4" }] },
    { name: "vm-mgmt", nics: [{ name: "vm-mgmt-nic", subnet: "vnet-1/subnet-1", privateIp: "10.0.0.5" }] },
    {
      name: "vm-app",
      nics: [{ name: "vm-app-nic", subnet: "vnet-1/subnet-2", privateIp: "10.0.1.4", nsg: "nsg-locked" }],
    },
  ],
  asgs: ["asg-web", "asg-mgmt"],
  nsgs: [{ name: "nsg-1" }, { name: "nsg-2" }, { name: "nsg-locked" }],
});

export const SCENARIO: AzCliOptions = {
  editable: ["nsg-1", "nsg-2"],
  initialRules: { "nsg-1": [], "nsg-2": [], "nsg-locked": [] },
  topology: TOPOLOGY,
};

export function parseOk(script: string, options: AzCliOptions = SCENARIO): RuleDocument {
  const result = parsePowerShell(script, options);
  if (!result.ok)
    throw new Error(
      result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.code} ${e.message}`).join("\n"),
    );
  return result.value;
}

export function errorsOf(script: string, options: AzCliOptions = SCENARIO): Issue[] {
  const result = parsePowerShell(script, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors.filter((e) => e.severity !== "warning");
}

/** The one error of a script, which must have that code, located at that text. */
export function expectError(
  script: string,
  code: string,
  at: string,
  options: AzCliOptions = SCENARIO,
): Issue {
  const errors = errorsOf(script, options);
  expect(errors.map((e) => e.code)).toEqual([code]);
  expect(textAt(script, errors[0]!.span)).toBe(at);
  return errors[0]!;
}

export function textAt(script: string, span: SourceSpan | undefined): string | undefined {
  if (!span) return undefined;
  const lines = script.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return script.slice(offset(span.line, span.column), offset(span.endLine, span.endColumn));
}

/** Warnings as [code, the text they point at]. */
export const warningsOf = (script: string, doc: RuleDocument): [string, string | undefined][] =>
  doc.warnings.map((w) => [w.code, textAt(script, w.span)]);

/** Associations as [level, target, nsg, the text they point at]. */
export const associationsOf = (script: string, doc: RuleDocument) =>
  doc.associations.map((a) => [a.level, a.target, a.nsg, textAt(script, a.span)]);

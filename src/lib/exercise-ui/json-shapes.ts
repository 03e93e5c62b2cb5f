/**
 * The shapes of JSON the editor reads, for its help (Exercise.astro). Each shape is written by
 * one function: the help fills it with placeholders ("…"), and a test fills it with a real rule
 * and grades it, so the help cannot list a shape the reader (formats/rule-shapes.ts) refuses.
 */

export interface ShapeParts {
  /** The NSG the rules are for. */
  nsg: string;
  /** The rule's name. */
  name: string;
  /** The rule's other properties, as JSON text without braces (`"priority": 200, …`). */
  fields: string;
}

export interface JsonShape {
  label: string;
  write: (parts: ShapeParts) => string;
  /** Names no NSG: read only when the exercise has exactly one editable NSG. */
  needsOneNsg: boolean;
}

const rule = ({ name, fields }: ShapeParts) => `{ "name": "${name}", ${fields} }`;

export const JSON_SHAPES: readonly JsonShape[] = [
  {
    label: "The rules of each NSG you edit",
    write: (p) => `{ "${p.nsg}": [ ${rule(p)} ] }`,
    needsOneNsg: false,
  },
  { label: "One rule", write: rule, needsOneNsg: true },
  {
    label: "One rule in ARM's resource shape",
    write: (p) => `{ "name": "${p.name}", "properties": { ${p.fields} } }`,
    needsOneNsg: true,
  },
  { label: "A list of rules", write: (p) => `[ ${rule(p)} ]`, needsOneNsg: true },
  {
    label: "An ARM securityRules resource, as lesson 3 shows it",
    write: (p) =>
      `{ "type": "Microsoft.Network/networkSecurityGroups/securityRules", "name": "${p.nsg}/${p.name}", "properties": { ${p.fields} } }`,
    needsOneNsg: false,
  },
  {
    label: "An NSG resource (what az network nsg show prints)",
    write: (p) => `{ "name": "${p.nsg}", "properties": { "securityRules": [ ${rule(p)} ] } }`,
    needsOneNsg: false,
  },
  {
    label: "An ARM template of NSGs and securityRules resources",
    write: (p) =>
      `{ "resources": [ { "type": "Microsoft.Network/networkSecurityGroups", "name": "${p.nsg}", "properties": { "securityRules": [ ${rule(p)} ] } } ] }`,
    needsOneNsg: false,
  },
  {
    label: "What az network nsg rule create, show or list prints (the NSG is read from the id)",
    write: (p) =>
      `{ "id": "/subscriptions/…/networkSecurityGroups/${p.nsg}/securityRules/${p.name}", "etag": "…", "provisioningState": "Succeeded", "name": "${p.name}", ${p.fields} }`,
    needsOneNsg: false,
  },
];

/** The shapes this exercise reads, each written for its first editable NSG, for the help. */
export function jsonShapesFor(editable: readonly string[]): { label: string; example: string }[] {
  const parts: ShapeParts = { nsg: editable[0] ?? "nsg-name", name: "Allow-HTTPS", fields: "…" };
  return JSON_SHAPES.filter((s) => editable.length === 1 || !s.needsOneNsg).map((s) => ({
    label: s.label,
    example: s.write(parts),
  }));
}

import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { FieldSource, RuleEntry } from "../azcli/script-state.ts";
import type { Element, Expr } from "./syntax.ts";

/**
 * Values a script holds and PowerShell's parameter binding for the cmdlets NSG Lab runs:
 * names are case-insensitive, an unambiguous prefix of a name is accepted (`-Dest` is not, since
 * several parameters start with it), `-Name:value` binds like `-Name value`, and a switch takes
 * a value only in the `-Force:$false` form.
 */

/** An NSG object in the script's memory (what Get-AzNetworkSecurityGroup returns). */
export interface NsgObject {
  name: string;
  nameAt: Offsets;
  rules: RuleEntry[];
  /** Changes made since it was last read or saved: each is warned about unless it is saved. */
  pending: Offsets[];
  /** Where it was read (Get-AzNetworkSecurityGroup), for the "only reads" note. */
  readAt?: Offsets;
  changed: boolean;
}

export type PsValue =
  | { kind: "string"; text: string; at: Offsets }
  | { kind: "bool"; value: boolean; at: Offsets }
  | { kind: "null"; at: Offsets }
  | { kind: "rule"; entry: RuleEntry; at: Offsets }
  | { kind: "nsg"; nsg: NsgObject; at: Offsets }
  | { kind: "asg"; id: string; at: Offsets }
  | { kind: "array"; items: PsValue[]; at: Offsets };

export type Variables = Map<string, PsValue>;

/** A value's items (a lone value is a list of one), flattened as PowerShell passes arrays. */
export function itemsOf(value: PsValue): PsValue[] {
  if (value.kind !== "array") return value.kind === "null" ? [] : [value];
  return value.items.flatMap(itemsOf);
}

const AUTOMATIC: Readonly<Record<string, (at: Offsets) => PsValue>> = {
  true: (at) => ({ kind: "bool", value: true, at }),
  false: (at) => ({ kind: "bool", value: false, at }),
  null: (at) => ({ kind: "null", at }),
};

/** An expression's value; an unset variable is an error (PowerShell would silently pass $null). */
export function evaluate(expr: Expr, vars: Variables, report: Report): PsValue | undefined {
  if (expr.kind === "array") {
    const items: PsValue[] = [];
    for (const item of expr.items) {
      const v = evaluate(item, vars, report);
      if (!v) return undefined;
      items.push(v);
    }
    return { kind: "array", items, at: expr.at };
  }
  if (expr.kind === "variable") return variable(expr.name, expr.at, vars, report);
  let text = "";
  for (const part of expr.parts) {
    if ("text" in part) {
      text += part.text;
      continue;
    }
    const v = variable(part.variable, part.at, vars, report);
    if (!v) return undefined;
    const items = itemsOf(v);
    if (items.some((i) => i.kind !== "string")) {
      report(
        "unsupported-powershell-syntax",
        `$${part.variable} holds an object, not text, so NSG Lab cannot put it in a string`,
        part.at,
      );
      return undefined;
    }
    text += items.map((i) => (i as { text: string }).text).join(" ");
  }
  return { kind: "string", text, at: expr.at };
}

function variable(name: string, at: Offsets, vars: Variables, report: Report): PsValue | undefined {
  const automatic = AUTOMATIC[name.toLowerCase()];
  if (automatic) return automatic(at);
  const v = vars.get(name.toLowerCase());
  if (v) return { ...v, at };
  report("unset-variable", `$${name} is used before it is set`, at);
  return undefined;
}

export interface ParamSpec {
  name: string;
  kind: "value" | "switch";
  mandatory?: boolean;
  /** Takes the pipeline's input (the NSG of `Get-AzNetworkSecurityGroup … | Add-…`). */
  fromPipeline?: boolean;
  /** Accepted and without effect on rules (-Force, -AsJob, -Tag, common parameters). */
  ignored?: boolean;
}

/** PowerShell's common parameters; none changes what a cmdlet does to rules. */
export const COMMON_PARAMS: readonly ParamSpec[] = [
  "Verbose",
  "Debug",
  "ErrorAction",
  "WarningAction",
  "InformationAction",
  "ErrorVariable",
  "WarningVariable",
  "InformationVariable",
  "OutVariable",
  "OutBuffer",
  "PipelineVariable",
  "DefaultProfile",
].map((name) => ({ name, kind: name === "Verbose" || name === "Debug" ? "switch" : "value", ignored: true }));

export interface Bound {
  value: PsValue;
  /** The parameter's name as written, or the value when piped. */
  at: Offsets;
}

export type BoundParams = Map<string, Bound>;

/** Binds written parameters (and the piped input) to a cmdlet's parameters, reporting each slip. */
export function bindParams(
  cmdlet: string,
  specs: readonly ParamSpec[],
  elements: readonly Element[],
  piped: PsValue | undefined,
  commandAt: Offsets,
  vars: Variables,
  report: Report,
): BoundParams | undefined {
  const all = [...specs, ...COMMON_PARAMS];
  const bound: BoundParams = new Map();
  let ok = true;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.kind === "arg") {
      const v = element.value;
      report(
        "unknown-argument",
        `${cmdlet}: a positional parameter cannot be found that accepts this value; name its parameter (for example -Name)`,
        v.at,
      );
      ok = false;
      continue;
    }
    const spec = resolveParam(cmdlet, all, element.name, element.at, report);
    if (!spec) {
      ok = false;
      if (!element.value && elements[i + 1]?.kind === "arg") i++;
      continue;
    }
    if (bound.has(spec.name)) {
      report(
        "conflicting-arguments",
        `${cmdlet}: parameter -${spec.name} is given more than once`,
        element.at,
      );
      ok = false;
    }
    let expr = element.value;
    if (spec.kind === "value" && !expr) {
      const next = elements[i + 1];
      if (next?.kind === "arg") {
        expr = next.value;
        i++;
      } else {
        report("missing-argument-value", `${cmdlet}: -${spec.name} needs a value after it`, element.at);
        ok = false;
        continue;
      }
    }
    if (!expr) {
      bound.set(spec.name, { value: { kind: "bool", value: true, at: element.at }, at: element.at });
      continue;
    }
    const value = evaluate(expr, vars, report);
    if (!value) {
      ok = false;
      continue;
    }
    bound.set(spec.name, { value, at: element.at });
  }
  const pipedSpec = specs.find((s) => s.fromPipeline);
  if (piped && pipedSpec) {
    if (bound.has(pipedSpec.name)) {
      report(
        "conflicting-arguments",
        `${cmdlet}: -${pipedSpec.name} is given and also piped in; give it one way`,
        bound.get(pipedSpec.name)!.at,
      );
      ok = false;
    } else bound.set(pipedSpec.name, { value: piped, at: piped.at });
  } else if (piped && piped.kind !== "null") {
    report("unsupported-powershell-syntax", `${cmdlet} takes no input from the pipeline`, commandAt);
    ok = false;
  }
  if (!ok) return undefined;
  for (const spec of specs)
    if (spec.mandatory && !bound.has(spec.name)) {
      report("missing-argument", `${cmdlet}: the mandatory parameter -${spec.name} is missing`, commandAt);
      ok = false;
    }
  return ok ? bound : undefined;
}

function resolveParam(
  cmdlet: string,
  specs: readonly ParamSpec[],
  written: string,
  at: Offsets,
  report: Report,
): ParamSpec | undefined {
  const lower = written.toLowerCase();
  const exact = specs.find((s) => s.name.toLowerCase() === lower);
  if (exact) return exact;
  const matches = specs.filter((s) => s.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    report(
      "ambiguous-argument",
      `${cmdlet}: parameter -${written} is ambiguous; it could be ${matches.map((m) => `-${m.name}`).join(", ")}`,
      at,
    );
    return undefined;
  }
  if (lower === "whatif" || lower === "confirm")
    report(
      "unsupported-argument",
      `${cmdlet}: -${written} is not run by NSG Lab (-WhatIf changes nothing); remove it`,
      at,
    );
  else
    report(
      "unknown-argument",
      `${cmdlet}: a parameter cannot be found that matches -${written}; it has ${specs
        .filter((s) => !s.ignored)
        .map((s) => `-${s.name}`)
        .join(", ")}`,
      at,
    );
  return undefined;
}

/** One text value: a lone string (a number is written as text too). */
export function textOf(cmdlet: string, name: string, bound: Bound | undefined, report: Report) {
  if (!bound) return undefined;
  const items = itemsOf(bound.value);
  if (items.length === 1 && items[0]!.kind === "string") return items[0];
  report("invalid-argument-value", `${cmdlet}: -${name} takes one text value`, bound.value.at);
  return undefined;
}

/** A list of text values, each with its own span (for `-DestinationPortRange 80,443`). */
export function textsOf(cmdlet: string, name: string, bound: Bound, report: Report) {
  const items = itemsOf(bound.value);
  if (items.length > 0 && items.every((i) => i.kind === "string")) {
    const texts = items;
    const source: FieldSource = { span: bound.value.at, items: texts.map((t) => t.at) };
    return { texts: texts.map((t) => t.text), source };
  }
  report(
    "invalid-argument-value",
    `${cmdlet}: -${name} takes text values such as "10.0.0.0/24" or 80,443`,
    bound.value.at,
  );
  return undefined;
}

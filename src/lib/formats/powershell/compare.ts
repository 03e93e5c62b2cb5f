import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { Comparison } from "./ast.ts";
import { regexMatch, wildcardMatch, type Budget } from "./patterns.ts";
import { itemsOf, type PsValue } from "./values.ts";

/**
 * PowerShell's comparison operators as filters use them (about_Comparison_Operators): case-
 * insensitive unless written `-c…`; numbers compare as numbers; with a list on the left, `-eq`,
 * `-like`, `-match` and the rest return the items that match (so `$_.DestinationPortRange -eq
 * '22'` is true when any port is 22); `-contains`/`-in` ask whether a list holds a value.
 */

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

/** A value as the text PowerShell compares, or undefined for an object that has none. */
function scalarText(value: PsValue): string | undefined {
  if (value.kind === "string") return value.text;
  if (value.kind === "bool") return value.value ? "True" : "False";
  if (value.kind === "asg") return value.id;
  if (value.kind === "ref") return value.ref.id;
  return undefined;
}

function sameObject(a: PsValue, b: PsValue): boolean {
  if (a.kind === "rule" && b.kind === "rule") return a.entry === b.entry;
  if (a.kind === "nsg" && b.kind === "nsg") return a.nsg === b.nsg;
  if (a.kind === "vnet" && b.kind === "vnet") return a.vnet === b.vnet;
  if (a.kind === "subnet" && b.kind === "subnet") return a.subnet === b.subnet;
  if (a.kind === "nic" && b.kind === "nic") return a.nic === b.nic;
  if (a.kind === "ipconfig" && b.kind === "ipconfig") return a.ipconfig === b.ipconfig;
  return false;
}

type Scalar = { ok: true; result: boolean } | { ok: false };

function compareScalars(
  comparison: Comparison,
  left: PsValue,
  right: PsValue,
  at: Offsets,
  budget: Budget,
  report: Report,
): Scalar {
  const { op, caseSensitive } = comparison;
  if (left.kind === "null" || right.kind === "null") {
    const equal = left.kind === right.kind;
    if (op === "eq") return { ok: true, result: equal };
    if (op === "ne") return { ok: true, result: !equal };
  }
  const l = scalarText(left);
  const r = scalarText(right);
  if (l === undefined || r === undefined) {
    if (op === "eq" || op === "ne") {
      const same = sameObject(left, right);
      return { ok: true, result: op === "eq" ? same : !same };
    }
    report(
      "unsupported-powershell-syntax",
      `-${op} compares text and numbers; NSG Lab cannot compare an object this way (compare its .Name)`,
      at,
    );
    return { ok: false };
  }
  if (op === "like" || op === "notlike" || op === "match" || op === "notmatch") {
    const found =
      op === "like" || op === "notlike"
        ? wildcardMatch(l, r, caseSensitive, budget)
        : regexMatch(l, r, caseSensitive, budget);
    if (!found.ok) {
      report("unsupported-powershell-syntax", `-${op} "${r}": ${found.reason}`, at);
      return { ok: false };
    }
    return { ok: true, result: op.startsWith("not") ? !found.match : found.match };
  }
  let order: number;
  if (NUMBER.test(l) && NUMBER.test(r)) order = Number(l) - Number(r);
  else {
    const a = caseSensitive ? l : l.toLowerCase();
    const b = caseSensitive ? r : r.toLowerCase();
    order = a < b ? -1 : a > b ? 1 : 0;
  }
  const result = {
    eq: order === 0,
    ne: order !== 0,
    gt: order > 0,
    ge: order >= 0,
    lt: order < 0,
    le: order <= 0,
  }[op as "eq" | "ne" | "gt" | "ge" | "lt" | "le"];
  return { ok: true, result };
}

export function compare(
  comparison: Comparison,
  left: PsValue,
  right: PsValue,
  at: Offsets,
  budget: Budget,
  report: Report,
): PsValue | undefined {
  const { op } = comparison;
  if (op === "contains" || op === "notcontains" || op === "in" || op === "notin") {
    const [list, item] = op === "contains" || op === "notcontains" ? [left, right] : [right, left];
    const one = itemsOf(item);
    if (one.length > 1) {
      report("unsupported-powershell-syntax", `-${op} looks for one value, not a list`, item.at);
      return undefined;
    }
    let found = false;
    for (const candidate of itemsOf(list)) {
      const r = compareScalars(
        { op: "eq", caseSensitive: comparison.caseSensitive },
        candidate,
        one[0] ?? item,
        at,
        budget,
        report,
      );
      if (!r.ok) return undefined;
      if (r.result) {
        found = true;
        break;
      }
    }
    return { kind: "bool", value: op.startsWith("not") ? !found : found, at };
  }
  if (left.kind === "array") {
    budget.steps -= left.items.length;
    if (budget.steps < 0) {
      report("unsupported-powershell-syntax", "the script's comparisons of lists take too long to check", at);
      return undefined;
    }
    const kept: PsValue[] = [];
    for (const item of itemsOf(left)) {
      const r = compareScalars(comparison, item, right, at, budget, report);
      if (!r.ok) return undefined;
      if (r.result) kept.push(item);
    }
    return { kind: "array", items: kept, at };
  }
  const rightItems = right.kind === "array" ? itemsOf(right) : [right];
  if (rightItems.length !== 1) {
    report("unsupported-powershell-syntax", `-${op} compares with one value, not a list`, right.at);
    return undefined;
  }
  const r = compareScalars(comparison, left, rightItems[0]!, at, budget, report);
  return r.ok ? { kind: "bool", value: r.result, at } : undefined;
}

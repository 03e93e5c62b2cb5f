import {
  missingRequired,
  type ArgSpec,
  type ArgValue,
  type Offsets,
  type ParsedArgs,
  type Report,
} from "./arg-parser.ts";
import { parseResourceId } from "./resource-ids.ts";
import type { ScriptState } from "./script-state.ts";

/** One az command NSG Lab runs: its arguments and its effect on the script state. */
export interface AzCommand {
  /** "network nsg rule create" */
  path: string;
  args: readonly ArgSpec[];
  /** Resource types `--ids` must name, lower-case (["networksecuritygroups", "securityrules"]); absent when --ids is not accepted. */
  idTypes?: readonly string[];
  run(ctx: CommandContext): void;
}

export interface CommandContext {
  args: ParsedArgs;
  /** The whole command, `az` to its last word. */
  span: Offsets;
  /** The command words (`az network nsg rule create`), where missing-argument errors point. */
  nameSpan: Offsets;
  state: ScriptState;
  report: Report;
}

/** The resource a command acts on, from `-g/--name...` or from one `--ids` entry. */
export interface Target {
  resourceGroup: string;
  /** Names along the ID (nsg, rule), each with where it was written. */
  names: ArgValue[];
}

export const RESOURCE_GROUP: ArgSpec = {
  key: "resourceGroup",
  names: ["--resource-group", "-g"],
  kind: "value",
  required: true,
  idPart: true,
};
export const IDS: ArgSpec = { key: "ids", names: ["--ids"], kind: "list" };
export const NO_WAIT: ArgSpec = { key: "noWait", names: ["--no-wait"], kind: "bool" };
/** Generic update arguments az adds to every `update` command. */
export const GENERIC_UPDATE: readonly ArgSpec[] = [
  { key: "set", names: ["--set"], kind: "list" },
  { key: "add", names: ["--add"], kind: "list" },
  { key: "remove", names: ["--remove"], kind: "list" },
  { key: "forceString", names: ["--force-string"], kind: "bool" },
];

/** Reports generic update arguments, which would change properties by path; we support the named flags only. */
export function rejectGenericUpdate(ctx: CommandContext, hint: string): boolean {
  for (const spec of GENERIC_UPDATE) {
    const o = ctx.args.get(spec.key);
    if (o) {
      ctx.report("unsupported-argument", `${spec.names[0]} is not supported in NSG Lab; ${hint}`, o.flag);
      return true;
    }
  }
  return false;
}

/**
 * Resolves the targets of a command: from `--ids` (one per ID) or from the ID-part arguments
 * named by `keys` (in ID order, after the resource group). Reports missing required arguments
 * as az does ("the following arguments are required: ...").
 */
export function targets(
  command: AzCommand,
  ctx: CommandContext,
  keys: readonly string[],
): Target[] | undefined {
  const ids = ctx.args.get("ids");
  if (ids) {
    const mixed = command.args.find((s) => s.idPart && ctx.args.has(s.key));
    if (mixed) {
      ctx.report(
        "conflicting-arguments",
        `use --ids or ${mixed.names.join("/")}, not both`,
        ctx.args.get(mixed.key)!.flag,
      );
      return undefined;
    }
    const missing = missingRequired(
      command.args.filter((s) => !s.idPart),
      ctx.args,
    );
    if (missing.length > 0) {
      ctx.report(
        "missing-argument",
        `the following arguments are required: ${missing.join(", ")}`,
        ctx.nameSpan,
      );
      return undefined;
    }
    const found: Target[] = [];
    for (const value of ids.values) {
      const id = parseResourceId(value.text);
      const types = command.idTypes ?? [];
      if (!id || id.types.length !== types.length || id.types.some((t, i) => t !== types[i])) {
        ctx.report(
          "invalid-resource-id",
          `"${value.text}" is not a valid ${types.join("/")} resource ID`,
          value,
        );
        return undefined;
      }
      found.push({ resourceGroup: id.resourceGroup, names: id.names.map((n) => ({ ...value, text: n })) });
    }
    return found;
  }
  const missing = missingRequired(command.args, ctx.args);
  if (missing.length > 0) {
    ctx.report(
      "missing-argument",
      `the following arguments are required: ${missing.join(", ")}`,
      ctx.nameSpan,
    );
    return undefined;
  }
  return [
    {
      resourceGroup: ctx.args.get("resourceGroup")!.values[0]!.text,
      names: keys.map((k) => ctx.args.get(k)!.values[0]!),
    },
  ];
}

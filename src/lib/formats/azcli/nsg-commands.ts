import type { ArgSpec } from "./arg-parser.ts";
import {
  GENERIC_UPDATE,
  IDS,
  NO_WAIT,
  RESOURCE_GROUP,
  rejectGenericUpdate,
  targets,
  type AzCommand,
} from "./command.ts";
import { createRule, RULE_PROPERTY_ARGS, updateRule } from "./rule-args.ts";

/**
 * `az network nsg create` and `az network nsg rule create|update|delete`, with the arguments
 * azure-cli registers for them (aaz network/nsg and network/custom.py).
 */

const NSG_NAME: ArgSpec = {
  key: "nsgName",
  names: ["--nsg-name"],
  kind: "value",
  required: true,
  idPart: true,
};
const RULE_NAME: ArgSpec = {
  key: "name",
  names: ["--name", "-n"],
  kind: "value",
  required: true,
  idPart: true,
};
const RULE_ID = ["networksecuritygroups", "securityrules"] as const;

export const nsgCreate: AzCommand = {
  path: "network nsg create",
  args: [
    { key: "name", names: ["--name", "-n"], kind: "value", required: true },
    RESOURCE_GROUP,
    { key: "location", names: ["--location", "-l"], kind: "value" },
    { key: "tags", names: ["--tags"], kind: "list0" },
    NO_WAIT,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    const name = found[0]!.names[0]!;
    ctx.state.createNsg(name.text, name, ctx.span, ctx.report);
  },
};

export const nsgRuleCreate: AzCommand = {
  path: "network nsg rule create",
  // azure-cli makes --priority required for create (NSGRuleCreate._build_arguments_schema).
  args: [
    NSG_NAME,
    RULE_NAME,
    RESOURCE_GROUP,
    ...RULE_PROPERTY_ARGS.map((a) => (a.key === "priority" ? { ...a, required: true } : a)),
  ],
  run(ctx) {
    const found = targets(this, ctx, ["nsgName", "name"]);
    if (!found) return;
    const { resourceGroup, names } = found[0]!;
    const nsg = ctx.state.nsgForRules(names[0]!.text, names[0]!, ctx.span, ctx.report);
    if (!nsg) return;
    const created = createRule(names[1]!, {
      args: ctx.args,
      resourceGroup,
      report: ctx.report,
      command: ctx.span,
    });
    if (created) ctx.state.putRule(nsg, created.rule, created.source);
  },
};

export const nsgRuleUpdate: AzCommand = {
  path: "network nsg rule update",
  args: [NSG_NAME, RULE_NAME, RESOURCE_GROUP, IDS, ...RULE_PROPERTY_ARGS, ...GENERIC_UPDATE],
  idTypes: RULE_ID,
  run(ctx) {
    if (rejectGenericUpdate(ctx, "use the named flags such as --priority or --destination-port-ranges"))
      return;
    for (const { resourceGroup, names } of targets(this, ctx, ["nsgName", "name"]) ?? []) {
      const nsg = ctx.state.nsgForRules(names[0]!.text, names[0]!, ctx.span, ctx.report);
      if (!nsg) continue;
      const entry = ctx.state.findRule(nsg, names[1]!.text);
      if (!entry) {
        ctx.report(
          "rule-not-found",
          `security rule "${names[1]!.text}" was not found in NSG "${nsg.name}"; create it with az network nsg rule create`,
          names[1]!,
        );
        continue;
      }
      const updated = updateRule(entry.rule, entry.source, {
        args: ctx.args,
        resourceGroup,
        report: ctx.report,
        command: ctx.span,
      });
      if (!updated) return;
      entry.rule = updated.rule;
      entry.source = updated.source;
    }
  },
};

export const nsgRuleDelete: AzCommand = {
  path: "network nsg rule delete",
  args: [NSG_NAME, RULE_NAME, RESOURCE_GROUP, IDS, NO_WAIT],
  idTypes: RULE_ID,
  run(ctx) {
    for (const { names } of targets(this, ctx, ["nsgName", "name"]) ?? []) {
      const nsg = ctx.state.nsgForRules(names[0]!.text, names[0]!, ctx.span, ctx.report);
      if (!nsg) continue;
      const entry = ctx.state.findRule(nsg, names[1]!.text);
      // Azure answers a DELETE of a missing rule with success, so this is no error; we warn,
      // since it is almost always a misspelled name and the rule the learner meant is still there.
      if (!entry) {
        ctx.report(
          "rule-not-found",
          `security rule "${names[1]!.text}" was not found in NSG "${nsg.name}", so nothing was deleted (Azure reports success)`,
          names[1]!,
          "warning",
        );
        continue;
      }
      ctx.state.deleteRule(nsg, entry);
    }
  },
};

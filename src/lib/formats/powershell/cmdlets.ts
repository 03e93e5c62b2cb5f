import { DEFAULT_RULES } from "../../nsg/default-rules.ts";
import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { ScriptState } from "../azcli/script-state.ts";
import { textOf, type BoundParams, type ParamSpec } from "./params.ts";
import { asgId, buildRule, RULE_PARAMS } from "./rule-config.ts";
import { addRules, collect, itemsOf, ruleIndex, type NsgObject, type PsValue } from "./values.ts";
import type { World } from "./world.ts";

/**
 * The Az.Network cmdlets NSG Lab runs. The rule cmdlets (Add-, Set-, Remove-AzNetworkSecurityRuleConfig)
 * change only the NSG object in the script's memory; Azure changes when that object is saved
 * with Set-AzNetworkSecurityGroup (or created with New-AzNetworkSecurityGroup).
 */

export interface CmdletContext {
  bound: BoundParams;
  state: ScriptState;
  command: Offsets;
  /** The cmdlet's name as written, where a note about the whole command points. */
  nameAt: Offsets;
  report: Report;
  world: World;
}

export interface Cmdlet {
  name: string;
  params: readonly ParamSpec[];
  run(ctx: CmdletContext): PsValue | undefined;
}

const NSG_PARAM: ParamSpec = {
  name: "NetworkSecurityGroup",
  kind: "value",
  mandatory: true,
  fromPipeline: true,
};
const RG: ParamSpec = { name: "ResourceGroupName", kind: "value", mandatory: true };
const ignored = (name: string, kind: "value" | "switch" = "switch"): ParamSpec => ({
  name,
  kind,
  ignored: true,
});

function nsgOf(name: string, ctx: CmdletContext): NsgObject | undefined {
  const b = ctx.bound.get("NetworkSecurityGroup")!;
  const items = itemsOf(b.value);
  const only = items.length === 1 ? items[0]! : undefined;
  if (only?.kind === "nsg") return only.nsg;
  ctx.report(
    "invalid-argument-value",
    `${name}: -NetworkSecurityGroup takes one NSG object, from Get-AzNetworkSecurityGroup`,
    b.value.at,
  );
  return undefined;
}

const change = (nsg: NsgObject, ctx: CmdletContext): PsValue => {
  nsg.pending.push(ctx.command);
  nsg.changed = true;
  nsg.version++;
  return { kind: "nsg", nsg, at: ctx.command };
};

const findRule = (nsg: NsgObject, name: string): number => ruleIndex(nsg).get(name.toLowerCase()) ?? -1;

const newRule: Cmdlet = {
  name: "New-AzNetworkSecurityRuleConfig",
  params: RULE_PARAMS,
  run(ctx) {
    const entry = buildRule(this.name, ctx.bound, ctx.command, ctx.report);
    return entry ? { kind: "rule", entry, at: ctx.command } : undefined;
  },
};

const addRule: Cmdlet = {
  name: "Add-AzNetworkSecurityRuleConfig",
  params: [...RULE_PARAMS, NSG_PARAM],
  run(ctx) {
    const nsg = nsgOf(this.name, ctx);
    const entry = nsg && buildRule(this.name, ctx.bound, ctx.command, ctx.report);
    if (!nsg || !entry) return undefined;
    if (findRule(nsg, String(entry.rule.name)) >= 0) {
      ctx.report(
        "duplicate-rule-name",
        `${this.name}: rule "${String(entry.rule.name)}" already exists in NSG "${nsg.name}"; change it with Set-AzNetworkSecurityRuleConfig`,
        ctx.bound.get("Name")!.value.at,
      );
      return undefined;
    }
    addRules(nsg, [entry]);
    nsg.pending.push(ctx.command);
    nsg.changed = true;
    return { kind: "nsg", nsg, at: ctx.command };
  },
};

/**
 * Set-AzNetworkSecurityRuleConfig builds the rule again from the parameters given, as
 * Az.Network's SetAzureNetworkSecurityRuleConfigCommand does: every field it is not given is
 * left unset, not kept. So `Set-… -Name web -Priority 200` alone clears the rule's ports,
 * addresses, access and direction, and Azure refuses the NSG when it is saved.
 */
const setRule: Cmdlet = {
  name: "Set-AzNetworkSecurityRuleConfig",
  params: [...RULE_PARAMS, NSG_PARAM],
  run(ctx) {
    const nsg = nsgOf(this.name, ctx);
    const entry = nsg && buildRule(this.name, ctx.bound, ctx.command, ctx.report);
    if (!nsg || !entry) return undefined;
    const i = findRule(nsg, String(entry.rule.name));
    if (i < 0) {
      ctx.report(
        "rule-not-found",
        `${this.name}: rule "${String(entry.rule.name)}" does not exist in NSG "${nsg.name}"; add it with Add-AzNetworkSecurityRuleConfig`,
        ctx.bound.get("Name")!.value.at,
      );
      return undefined;
    }
    nsg.rules[i] = entry;
    return change(nsg, ctx);
  },
};

const removeRule: Cmdlet = {
  name: "Remove-AzNetworkSecurityRuleConfig",
  params: [{ name: "Name", kind: "value", mandatory: true }, NSG_PARAM],
  run(ctx) {
    const nsg = nsgOf(this.name, ctx);
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    if (!nsg || !name) return undefined;
    const i = findRule(nsg, name.text);
    // The cmdlet removes whatever matches, and nothing when no rule has the name.
    if (i < 0)
      ctx.report(
        "rule-not-found",
        `${this.name}: NSG "${nsg.name}" has no rule "${name.text}", so nothing is removed`,
        name.at,
        "warning",
      );
    else nsg.rules.splice(i, 1);
    return change(nsg, ctx);
  },
};

function readNsg(
  name: { text: string; at: Offsets },
  resourceGroup: string | undefined,
  ctx: CmdletContext,
): NsgObject | undefined {
  const saved = ctx.state.readNsg(name.text);
  if (!saved) {
    ctx.report(
      "unknown-nsg",
      `NSG "${name.text}" was not found: create it with New-AzNetworkSecurityGroup, or use one of: ${ctx.state.editableNames.join(", ") || "none"}`,
      name.at,
    );
    return undefined;
  }
  const nsg: NsgObject = {
    name: saved.name,
    nameAt: name.at,
    ...(resourceGroup ? { resourceGroup } : {}),
    rules: saved.rules.map((e) => ({ ...e })),
    pending: [],
    readAt: ctx.command,
    changed: false,
    used: false,
    version: 0,
  };
  ctx.world.nsgs.push(nsg);
  return nsg;
}

const getNsg: Cmdlet = {
  name: "Get-AzNetworkSecurityGroup",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    { name: "ResourceGroupName", kind: "value" },
    ignored("ExpandResource", "value"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    const nsg = name && readNsg(name, rg?.text, ctx);
    return nsg ? { kind: "nsg", nsg, at: ctx.command } : undefined;
  },
};

/** Reads an NSG object's rules: one by -Name, or all (Get-AzNetworkSecurityRuleConfig). */
const getRule: Cmdlet = {
  name: "Get-AzNetworkSecurityRuleConfig",
  params: [{ name: "Name", kind: "value" }, NSG_PARAM, { name: "DefaultRules", kind: "switch" }],
  run(ctx) {
    const nsg = nsgOf(this.name, ctx);
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    if (!nsg || (ctx.bound.has("Name") && !name)) return undefined;
    ctx.report(
      "cmdlet-noted",
      `${this.name} only reads: it changes no NSG rule, so NSG Lab notes it and goes on`,
      ctx.command,
      "warning",
    );
    // -DefaultRules reads Azure's six default rules, which every NSG has and no script changes.
    if (ctx.bound.has("DefaultRules")) {
      if (name && !DEFAULT_RULES.some((r) => r.name.toLowerCase() === name.text.toLowerCase()))
        ctx.report(
          "rule-not-found",
          `${this.name}: "${name.text}" is not one of Azure's default rules (${DEFAULT_RULES.map((r) => r.name).join(", ")})`,
          name.at,
          "warning",
        );
      return undefined;
    }
    const rules = name
      ? nsg.rules.filter((e) => String(e.rule.name).toLowerCase() === name.text.toLowerCase())
      : nsg.rules;
    if (name && rules.length === 0) {
      // Az.Network reports an error for this statement; a script goes on, and it changed nothing.
      ctx.report(
        "rule-not-found",
        `${this.name}: NSG "${nsg.name}" has no rule "${name.text}", so Azure reports an error here and this read gives nothing`,
        name.at,
        "warning",
      );
      return undefined;
    }
    return collect(
      rules.map((entry): PsValue => ({ kind: "rule", entry, at: ctx.command })),
      ctx.command,
    );
  },
};

/** Saves the whole object: Azure's NSG becomes exactly its rules (a PUT). */
const saveNsg: Cmdlet = {
  name: "Set-AzNetworkSecurityGroup",
  params: [NSG_PARAM, ignored("AsJob")],
  run(ctx) {
    const nsg = nsgOf(this.name, ctx);
    if (!nsg) return undefined;
    const target = ctx.state.nsgForRules(nsg.name, nsg.nameAt, ctx.command, ctx.report);
    if (!target) return undefined;
    ctx.state.replaceRules(target, nsg.rules);
    nsg.pending = [];
    nsg.changed = true;
    nsg.used = true;
    return { kind: "nsg", nsg, at: ctx.command };
  },
};

/** New-AzNetworkSecurityGroup is a PUT too: an NSG of that name is replaced by one with exactly these rules. */
const newNsg: Cmdlet = {
  name: "New-AzNetworkSecurityGroup",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    RG,
    { name: "Location", kind: "value", mandatory: true },
    { name: "SecurityRules", kind: "value" },
    ignored("Tag", "value"),
    ignored("Force"),
    ignored("AsJob"),
    ignored("FlushConnection"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    if (!name) return undefined;
    const rulesBound = ctx.bound.get("SecurityRules");
    const rules = rulesBound ? itemsOf(rulesBound.value) : [];
    const bad = rules.find((r) => r.kind !== "rule");
    if (bad) {
      ctx.report(
        "invalid-argument-value",
        `${this.name}: -SecurityRules takes rules from New-AzNetworkSecurityRuleConfig`,
        bad.at,
      );
      return undefined;
    }
    const entries = rules.map((r) => (r as Extract<PsValue, { kind: "rule" }>).entry);
    let failed = false;
    ctx.state.createNsg(name.text, name.at, ctx.command, (...args) => {
      failed = true;
      ctx.report(...args);
    });
    if (failed) return undefined;
    const target = ctx.state.readNsg(name.text)!;
    ctx.state.replaceRules(target, entries);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    const nsg: NsgObject = {
      name: target.name,
      nameAt: name.at,
      ...(rg ? { resourceGroup: rg.text } : {}),
      rules: [...entries],
      pending: [],
      changed: true,
      used: true,
      version: 0,
    };
    ctx.world.nsgs.push(nsg);
    return { kind: "nsg", nsg, at: ctx.command };
  },
};

/**
 * ASG objects, for -SourceApplicationSecurityGroup / -DestinationApplicationSecurityGroup and NICs.
 * New-AzApplicationSecurityGroup creates the ASG where the network may be built (the playground);
 * in an exercise it is noted and not run, and its object still names the ASG for the rules.
 */
const asgCmdlet = (verb: "Get" | "New"): Cmdlet => ({
  name: `${verb}-AzApplicationSecurityGroup`,
  params: [
    { name: "Name", kind: "value", mandatory: true },
    RG,
    ...(verb === "New"
      ? [
          { name: "Location", kind: "value", mandatory: true } as const,
          ignored("Tag", "value"),
          ignored("Force"),
          ignored("AsJob"),
        ]
      : []),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    if (!name) return undefined;
    if (verb === "New" && ctx.state.mayBuildNetwork(this.name, ctx.command, ctx.report))
      ctx.state.changeNetwork((span) => ({ kind: "asg", name: name.text, span: span(ctx.command) }));
    return { kind: "asg", id: asgId(name.text, rg?.text), at: ctx.command };
  },
});

export const CMDLETS: ReadonlyMap<string, Cmdlet> = new Map(
  [
    newRule,
    addRule,
    setRule,
    removeRule,
    getRule,
    getNsg,
    saveNsg,
    newNsg,
    asgCmdlet("Get"),
    asgCmdlet("New"),
  ].map((c) => [c.name.toLowerCase(), c]),
);

/** Cmdlets a pasted tutorial runs that change no rule: noted and skipped, with why. */
export const NOTED_CMDLETS: ReadonlyMap<string, string> = new Map([
  ["write-host", "only prints"],
  ["write-output", "only prints"],
  ["write-verbose", "only prints"],
  ["write-warning", "only prints"],
  ["select-object", "only picks what is shown"],
  ["select", "only picks what is shown"],
  ["format-table", "only formats what is shown"],
  ["format-list", "only formats what is shown"],
  ["connect-azaccount", "signs in to Azure, which NSG Lab does not need"],
  ["login-azaccount", "signs in to Azure, which NSG Lab does not need"],
  ["get-azsubscription", "only reads"],
  ["set-azcontext", "picks a subscription, which the scenario already has"],
  ["select-azsubscription", "picks a subscription, which the scenario already has"],
  ["get-azresourcegroup", "only reads"],
  ["get-aznetworkwatcher", "only reads"],
  ["new-aznetworkwatcher", "enables Network Watcher in a region, which NSG Lab does not need"],
  ["get-azeffectivenetworksecuritygroup", "only reads"],
  ["select-object", "only picks what to print"],
  ["select", "only picks what to print"],
  ["get-credential", "asks for the VM's user name and password, which NSG Lab does not need"],
  ["new-object", "makes a .NET object (a credential), which NSG Lab does not need"],
  ["convertto-securestring", "makes a password, which NSG Lab does not need"],
  ["new-azsshkey", "makes an SSH key, which NSG Lab does not need"],
  ["get-azsshkey", "only reads an SSH key"],
  ["get-azpublicipaddress", "only reads (NSG Lab chooses the addresses of the public IPs a script creates)"],
  ["invoke-azvmruncommand", "runs a script inside the VM, which NSG Lab does not model"],
  ["start-sleep", "only waits"],
]);

import { isSubset } from "./address-set.ts";
import { cidrSet, parseCidrOrIp, parseIp, singleAddress } from "./ip.ts";
import { findSubnet } from "./network.ts";
import type { IssueCode } from "../issue-codes.ts";
import type { Issue, IssuePath } from "../result.ts";
import { TAG_PATTERN, type SecurityRule } from "./rule-schema.ts";
import { builtInTag } from "./service-tags.ts";
import { validateAsgPlacement } from "./validate-asgs.ts";
import type { Topology } from "./topology-schema.ts";

/**
 * Checks that need the whole scenario: unique names, references that resolve, addresses that
 * fit their subnets, priorities unique per NSG and direction, tags and ASGs that exist.
 * Returns every problem found, each with the path of the offending value.
 */
export interface ValidateOptions {
  /**
   * Rule lists already checked by `validateRules` against this topology's ASGs and service tags
   * (the grader's `applyRules` checks the ones it puts in, to locate each issue in the text):
   * not checked again.
   */
  rulesValidated?: ReadonlySet<readonly SecurityRule[]>;
}

export function validateTopology(topology: Topology, { rulesValidated }: ValidateOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const add: Add = (code, message, path) => issues.push({ code, message, path });
  const nsgNames = new Set(topology.nsgs.map((n) => n.name));
  const asgNames = new Set(topology.asgs);
  const tagNames = new Set(Object.keys(topology.serviceTags).map((t) => t.toLowerCase()));

  duplicates(
    topology.vnets.map((v) => v.name),
    "VNet",
    ["vnets"],
    add,
  );
  duplicates(
    topology.vms.map((v) => v.name),
    "VM",
    ["vms"],
    add,
  );
  duplicates(
    topology.nsgs.map((n) => n.name),
    "NSG",
    ["nsgs"],
    add,
  );
  duplicates(topology.asgs, "application security group", ["asgs"], add);
  duplicateNics(topology, add);

  for (const [tag, prefixes] of Object.entries(topology.serviceTags)) {
    if (builtInTag(tag))
      add("builtin-tag-redefined", `"${tag}" is a built-in service tag and cannot be redefined`, [
        "serviceTags",
        tag,
      ]);
    prefixes.forEach((p, i) => {
      const parsed = parseCidrOrIp(p);
      if (!parsed.ok) addFirst(add, parsed.errors, ["serviceTags", tag, i]);
    });
  }

  topology.vnets.forEach((vnet, v) => validateVnet(topology, vnet, v, nsgNames, add));
  validateNics(topology, nsgNames, asgNames, add);
  topology.nsgs.forEach((nsg, n) => {
    if (!rulesValidated?.has(nsg.securityRules))
      validateRules(nsg.securityRules, ["nsgs", n, "securityRules"], asgNames, tagNames, add);
  });
  validateAsgPlacement(topology, add);
  return issues;
}

type Add = (code: IssueCode, message: string, path: IssuePath) => void;

/** A failed parse's first issue, at `path`. */
const addFirst = (add: Add, errors: readonly Issue[], path: IssuePath) =>
  add(errors[0]!.code, errors[0]!.message, path);

function duplicates(names: string[], what: string, path: IssuePath, add: Add) {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) add("duplicate-name", `${what} name "${name}" is used twice`, [...path, i, "name"]);
    seen.add(name);
  });
}

/** NIC names are unique across VMs; the issue points at the NIC itself (vms[v].nics[n].name). */
function duplicateNics(topology: Topology, add: Add) {
  const seen = new Set<string>();
  topology.vms.forEach((vm, v) =>
    vm.nics.forEach((nic, n) => {
      if (seen.has(nic.name))
        add("duplicate-name", `NIC name "${nic.name}" is used twice`, ["vms", v, "nics", n, "name"]);
      seen.add(nic.name);
    }),
  );
}

function validateVnet(
  topology: Topology,
  vnet: Topology["vnets"][number],
  v: number,
  nsgNames: Set<string>,
  add: Add,
) {
  const spaces = vnet.addressSpace.map((cidr, i) => {
    const parsed = parseCidrOrIp(cidr);
    if (!parsed.ok) addFirst(add, parsed.errors, ["vnets", v, "addressSpace", i]);
    return parsed.ok ? cidr : undefined;
  });
  const space = cidrSet(spaces.filter((s): s is string => s !== undefined));
  vnet.peerings.forEach((peer, i) => {
    if (!topology.vnets.some((other) => other.name === peer && other !== vnet)) {
      add("unknown-vnet", `peering "${peer}" is not a VNet of this scenario`, ["vnets", v, "peerings", i]);
    }
  });
  vnet.connectedAddressSpaces.forEach((cidr, i) => {
    const parsed = parseCidrOrIp(cidr);
    if (!parsed.ok) addFirst(add, parsed.errors, ["vnets", v, "connectedAddressSpaces", i]);
  });
  duplicates(
    vnet.subnets.map((s) => s.name),
    "subnet",
    ["vnets", v, "subnets"],
    add,
  );
  vnet.subnets.forEach((subnet, s) => {
    const path = ["vnets", v, "subnets", s];
    const prefix = parseCidrOrIp(subnet.addressPrefix);
    if (!prefix.ok) addFirst(add, prefix.errors, [...path, "addressPrefix"]);
    else if (!isSubset(prefix.value, space)) {
      add(
        "subnet-outside-vnet",
        `subnet ${subnet.addressPrefix} is outside the VNet's address space ${vnet.addressSpace.join(", ")}`,
        [...path, "addressPrefix"],
      );
    }
    if (subnet.nsg !== undefined && !nsgNames.has(subnet.nsg))
      add("unknown-nsg", `NSG "${subnet.nsg}" is not defined in nsgs`, [...path, "nsg"]);
  });
}

function validateNics(topology: Topology, nsgNames: Set<string>, asgNames: Set<string>, add: Add) {
  const seenIps = new Map<string, string>();
  topology.vms.forEach((vm, v) =>
    vm.nics.forEach((nic, n) => {
      const path = ["vms", v, "nics", n];
      const placed = findSubnet(topology, nic.subnet);
      if (!placed)
        add(
          "unknown-subnet",
          `subnet "${nic.subnet}" is not in the topology (write it as "vnet-name/subnet-name")`,
          [...path, "subnet"],
        );
      if (nic.nsg !== undefined && !nsgNames.has(nic.nsg))
        add("unknown-nsg", `NSG "${nic.nsg}" is not defined in nsgs`, [...path, "nsg"]);
      nic.asgs.forEach((asg, i) => {
        if (!asgNames.has(asg))
          add("unknown-asg", `application security group "${asg}" is not defined in asgs`, [
            ...path,
            "asgs",
            i,
          ]);
      });
      for (const field of ["privateIp", "publicIp"] as const) {
        const value = nic[field];
        if (value === undefined) continue;
        const ip = parseIp(value);
        if (!ip.ok) {
          addFirst(add, ip.errors, [...path, field]);
          continue;
        }
        const owner = seenIps.get(ip.value.text);
        if (owner) add("duplicate-ip", `${value} is already the address of ${owner}`, [...path, field]);
        seenIps.set(ip.value.text, nic.name);
        if (field === "privateIp" && placed)
          checkInSubnet(value, placed.subnet.addressPrefix, [...path, field], add);
      }
    }),
  );
}

/** A NIC's address lies in its subnet (either family); Azure reserves the first four and the last IPv4 address. */
function checkInSubnet(ip: string, subnetPrefix: string, path: IssuePath, add: Add) {
  const subnet = parseCidrOrIp(subnetPrefix);
  const address = parseIp(ip);
  if (!subnet.ok || !address.ok) return;
  if (!isSubset(singleAddress(address.value), subnet.value)) {
    add("ip-outside-subnet", `${ip} is outside its subnet ${subnetPrefix}`, path);
    return;
  }
  if (address.value.family !== 4 || subnet.value.v4.length < 2) return;
  const [first, last] = [subnet.value.v4[0]!, subnet.value.v4[1]!];
  const value = address.value.value;
  if (last - first >= 7 && (value - first < 4 || value === last)) {
    add(
      "reserved-ip",
      `${ip} is reserved by Azure (the first four and the last address of ${subnetPrefix})`,
      path,
    );
  }
}

/** A side's fields, named once: keys built per rule are new strings to look up every time. */
const SIDE_FIELDS = [
  {
    side: "source",
    asgs: "sourceApplicationSecurityGroups",
    prefixes: "sourceAddressPrefixes",
    prefix: "sourceAddressPrefix",
  },
  {
    side: "destination",
    asgs: "destinationApplicationSecurityGroups",
    prefixes: "destinationAddressPrefixes",
    prefix: "destinationAddressPrefix",
  },
] as const;

export function validateRules(
  rules: readonly SecurityRule[],
  path: IssuePath,
  asgNames: Set<string>,
  tagNames: Set<string>,
  add: Add,
) {
  const names = new Map<string, number>();
  // Keyed by one number for direction and priority (inbound ≥ 0, outbound < 0): a string built
  // per rule costs more than the rest of the check.
  const priorities = new Map<number, number>();
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const lower = rule.name.toLowerCase();
    const named = names.get(lower);
    if (named !== undefined)
      add(
        "duplicate-rule-name",
        `rule name "${rule.name}" is already used by rule ${named + 1} of this NSG`,
        [...path, r, "name"],
      );
    else names.set(lower, r);
    const key = rule.direction === "Inbound" ? rule.priority : -1 - rule.priority;
    const clash = priorities.get(key);
    if (clash !== undefined) {
      add(
        "duplicate-priority",
        `priority ${rule.priority} is already used by ${rules[clash]!.direction.toLowerCase()} rule "${rules[clash]!.name}"; each ${rule.direction.toLowerCase()} rule needs its own priority`,
        [...path, r, "priority"],
      );
    } else priorities.set(key, r);
    // Loops rather than callbacks, and paths built only for an issue: most rules have none,
    // and a closure per rule and side was most of what this check allocated.
    for (const fields of SIDE_FIELDS) {
      const asgs = rule[fields.asgs];
      for (let i = 0; i < asgs.length; i++) {
        const asg = asgs[i]!;
        if (!asgNames.has(asg))
          add("unknown-asg", `application security group "${asg}" is not defined in this scenario`, [
            ...path,
            r,
            fields.asgs,
            i,
          ]);
      }
      const prefixes = rule[fields.prefixes];
      for (let i = 0; i < prefixes.length; i++) {
        const prefix = prefixes[i]!;
        // A rule is only ever built valid (securityRuleSchema), so what is not written as a tag
        // is an address it has already read: only a tag is left to look up.
        if (prefix === "*" || !TAG_PATTERN.test(prefix) || builtInTag(prefix)) continue;
        if (!tagNames.has(prefix.toLowerCase())) {
          add(
            "unknown-service-tag",
            `unknown service tag "${prefix}": use VirtualNetwork, AzureLoadBalancer, Internet, an AzurePlatform tag (DNS, IMDS, LKM), *, an IP address or a CIDR range`,
            prefixes.length === 1 ? [...path, r, fields.prefix] : [...path, r, fields.prefixes, i],
          );
        }
      }
    }
  }
}

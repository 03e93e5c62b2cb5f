import type { IssueCode } from "../../issue-codes.ts";
import { ArgParser, type ArgSpec, type ArgValue, type Offsets } from "./arg-parser.ts";
import { DEFAULT_RESOURCE_GROUP, PLACEHOLDER_SUBSCRIPTION } from "./resource-ids.ts";
import type { ScriptState } from "./script-state.ts";
import type { SubstitutionResult, Word } from "./shell-words.ts";

/**
 * The `$(az …)` command substitutions Microsoft's docs use to feed one command's output into
 * another, answered from what the script knows of the network at that point:
 *
 * - `$(az vm list -g RG --query "[].id" -o tsv)` (and `[].name`), likewise for `network vnet`,
 *   `vnet subnet`, `nsg`, `asg`, `nic` and `public-ip` lists: one line per resource.
 * - `$(az network vnet subnet show -g RG --vnet-name V -n S --query id -o tsv)` and the other
 *   `show`s with `--query id` or `--query name`.
 * - `$(az account show --query id -o tsv)`: the subscription ID, the lab's placeholder.
 *
 * - `$(date +%s)`, the clock in seconds, which scripts use to name a resource group uniquely: the
 *   time the script will run is unknown, so it reads as `CLOCK_STAND_IN`.
 *
 * `-o tsv` is required: without it az prints JSON and the value keeps its quotes. Addresses
 * (`--query ipAddress`, `publicIps`) are refused by name: a public address is chosen when the
 * network is built, after the script is read. Anything else gets a message naming what it ran.
 */

type Kind = "vm" | "vnet" | "subnet" | "nsg" | "asg" | "nic" | "public-ip";

interface Read {
  path: string;
  kind: Kind | "account";
  list: boolean;
}

const KIND_PATH: Readonly<Record<Kind, string>> = {
  vm: "vm",
  vnet: "network vnet",
  subnet: "network vnet subnet",
  nsg: "network nsg",
  asg: "network asg",
  nic: "network nic",
  "public-ip": "network public-ip",
};

const READS: readonly Read[] = [
  ...(Object.entries(KIND_PATH) as [Kind, string][]).flatMap(([kind, path]) => [
    { path: `${path} list`, kind, list: true },
    { path: `${path} show`, kind, list: false },
  ]),
  { path: "account show", kind: "account", list: false },
];

const KNOWN = "az vm, network vnet, vnet subnet, nsg, asg, nic and public-ip list|show, and az account show";

const WHAT: Readonly<Record<Kind, string>> = {
  vm: "VM",
  vnet: "VNet",
  subnet: "subnet",
  nsg: "NSG",
  asg: "application security group",
  nic: "NIC",
  "public-ip": "public IP",
};

const ARM_TYPE: Readonly<Record<Exclude<Kind, "subnet">, string>> = {
  vm: "Microsoft.Compute/virtualMachines",
  vnet: "Microsoft.Network/virtualNetworks",
  nsg: "Microsoft.Network/networkSecurityGroups",
  asg: "Microsoft.Network/applicationSecurityGroups",
  nic: "Microsoft.Network/networkInterfaces",
  "public-ip": "Microsoft.Network/publicIPAddresses",
};

/** Queries whose answer depends on addresses NSG Lab gives out only when it builds the network. */
const ADDRESS_QUERIES = /ipaddress|publicips|privateips|ipconfigurations/i;

const SPECS: readonly ArgSpec[] = [
  { key: "resourceGroup", names: ["--resource-group", "-g"], kind: "value" },
  { key: "name", names: ["--name", "-n"], kind: "value" },
  { key: "vnetName", names: ["--vnet-name"], kind: "value" },
  { key: "showDetails", names: ["--show-details", "-d"], kind: "flag" },
];
const PARSER = new ArgParser(SPECS);

type Failure = Extract<SubstitutionResult, { code: IssueCode }>;

const fail = (code: IssueCode, message: string, at: Offsets): Failure => ({
  code,
  message,
  start: at.start,
  end: at.end,
});

/** What `$(date +%s)` reads as: a fixed time (2023-11-14), since when the script runs is unknown. */
export const CLOCK_STAND_IN = "1700000000";

/** The output of `$(words)`, or why it cannot be known here. */
export function resolveSubstitution(
  words: readonly Word[],
  at: Offsets,
  state: ScriptState,
): SubstitutionResult {
  const az = words[0]!;
  if (az.text === "date" && words.length === 2 && words[1]!.text === "+%s") return { value: CLOCK_STAND_IN };
  if (az.text !== "az")
    return fail(
      "unsupported-substitution",
      `$(${az.text} …) is not an az command; NSG Lab works out only $(az … --query … -o tsv) reads of this network (${KNOWN}) and $(date +%s)`,
      at,
    );
  let end = 1;
  while (end < words.length && !words[end]!.text.startsWith("-")) end++;
  const path = words
    .slice(1, end)
    .map((w) => w.text)
    .join(" ");
  const read = READS.find((r) => r.path === path);
  if (!read)
    return fail(
      "unsupported-substitution",
      `$(az ${path} …) is not a read NSG Lab can work out; it knows ${KNOWN}, with --query and -o tsv`,
      at,
    );
  let problem: Failure | undefined;
  const args = PARSER.parse(words.slice(end), (code, message, where) => {
    problem ??= fail(code, message, where);
  });
  if (problem) return problem;
  const output = args.get("output")?.values[0];
  if (output?.text.toLowerCase() !== "tsv")
    return fail(
      "unsupported-substitution",
      `$(az ${path}) needs -o tsv here: without it az prints JSON, and the value would keep its quotes`,
      output ?? at,
    );
  const query = args.get("query")?.values[0];
  if (!query)
    return fail(
      "unsupported-substitution",
      `$(az ${path}) prints a whole resource; give --query ${read.list ? '"[].id"' : "id"} to take the part the next command needs`,
      at,
    );
  const field = queryField(query.text, read.list);
  if (!field) {
    const address = ADDRESS_QUERIES.test(query.text);
    return fail(
      "unsupported-substitution",
      address
        ? `--query ${query.text}: addresses are given out when NSG Lab builds the network, after the script is read, so $(…) cannot know them; write the address itself`
        : `--query ${query.text} is not one NSG Lab answers; it answers ${read.list ? '"[].id" and "[].name"' : "id and name"}`,
      query,
    );
  }
  const subscription = args.get("subscription")?.values[0]?.text || PLACEHOLDER_SUBSCRIPTION;
  if (read.kind === "account")
    return field === "id"
      ? { value: subscription }
      : fail("unsupported-substitution", `--query ${query.text}: NSG Lab knows only the account's id`, query);
  const group = args.get("resourceGroup")?.values[0]?.text ?? DEFAULT_RESOURCE_GROUP;
  const idOf = (names: string[]) => resourceId(read.kind as Kind, names, group, subscription);
  if (read.list) {
    const found = listed(read.kind, state, args.get("vnetName")?.values[0], words[end - 1]!);
    if (!Array.isArray(found)) return found;
    return { value: found.map((names) => (field === "id" ? idOf(names) : names.at(-1)!)).join("\n") };
  }
  const names = shown(read.kind, state, args, words[end - 1]!);
  if (!Array.isArray(names)) return names;
  return { value: field === "id" ? idOf(names) : names.at(-1)! };
}

/** `id`/`name`, or `[].id`/`[*].name` for a list; quotes around the query were the shell's. */
function queryField(query: string, list: boolean): "id" | "name" | undefined {
  const q = query.replace(/\s+/g, "");
  const match = list ? /^\[\*?\]\.(id|name)$/.exec(q) : /^(id|name)$/.exec(q);
  return match?.[1] as "id" | "name" | undefined;
}

function resourceId(kind: Kind, names: string[], group: string, subscription: string): string {
  const prefix = `/subscriptions/${subscription}/resourceGroups/${group}/providers`;
  if (kind === "subnet") return `${prefix}/Microsoft.Network/virtualNetworks/${names[0]}/subnets/${names[1]}`;
  return `${prefix}/${ARM_TYPE[kind]}/${names[0]}`;
}

/** Every resource of a kind, as name paths ([vnet, subnet] for subnets), in the order they came to be. */
function listed(
  kind: Kind,
  state: ScriptState,
  vnet: ArgValue | undefined,
  command: Word,
): string[][] | Failure {
  const net = state.net;
  switch (kind) {
    case "vm":
      return net.vms.map((v) => [v.name]);
    case "vnet":
      return net.vnets.map((v) => [v.name]);
    case "subnet": {
      if (!vnet)
        return fail("missing-argument", "the following arguments are required: --vnet-name", command);
      const v = net.vnet(vnet.text);
      if (!v) return fail("unknown-vnet", `VNet "${vnet.text}" was not found`, vnet);
      return v.subnets.map((s) => [v.name, s.name]);
    }
    case "nsg":
      return state.nsgNames().map((n) => [n]);
    case "asg":
      return net.asgs.map((a) => [a]);
    case "nic":
      return net.nics.map((n) => [n.name]);
    case "public-ip":
      return net.publicIps.map((p) => [p]);
  }
}

/** The one resource `show` names, or why it is not there (az: ResourceNotFound). */
function shown(
  kind: Kind,
  state: ScriptState,
  args: ReturnType<ArgParser["parse"]>,
  command: Word,
): string[] | Failure {
  const name = args.get("name")?.values[0];
  const vnet = args.get("vnetName")?.values[0];
  const required = kind === "subnet" ? ["--name/-n", "--vnet-name"] : ["--name/-n"];
  if (!name || (kind === "subnet" && !vnet))
    return fail("missing-argument", `the following arguments are required: ${required.join(", ")}`, command);
  const notFound = (code: IssueCode) => fail(code, `${WHAT[kind]} "${name.text}" was not found`, name);
  const net = state.net;
  switch (kind) {
    case "vm": {
      const vm = net.vm(name.text);
      return vm ? [vm.name] : notFound("vm-not-found");
    }
    case "vnet": {
      const v = net.vnet(name.text);
      return v ? [v.name] : notFound("unknown-vnet");
    }
    case "subnet": {
      const v = net.vnet(vnet!.text);
      if (!v) return fail("unknown-vnet", `VNet "${vnet!.text}" was not found`, vnet!);
      const s = net.subnet(v.name, name.text);
      return s ? [v.name, s.name] : notFound("unknown-subnet");
    }
    case "nsg": {
      const n = state.knownNsg(name.text);
      return n !== undefined ? [n] : notFound("unknown-nsg");
    }
    case "asg": {
      const a = net.asg(name.text);
      return a !== undefined ? [a] : notFound("unknown-asg");
    }
    case "nic": {
      const n = net.nic(name.text);
      return n ? [n.name] : notFound("unknown-nic");
    }
    case "public-ip": {
      const p = net.publicIp(name.text);
      return p !== undefined ? [p] : notFound("unknown-public-ip");
    }
  }
}

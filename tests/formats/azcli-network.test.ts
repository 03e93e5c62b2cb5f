/**
 * az commands that build a network, each against what the az reference and azure-cli's source
 * say it does, defaults included (docs/azure-behaviours.md, "Networks a script builds").
 */
import { describe, expect, it } from "vitest";
import { parseAzCli, type AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import type { NetworkChange } from "../../src/lib/formats/network-changes.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import { vmTopology } from "./vm-topology.ts";

const PLAYGROUND: AzCliOptions = { editable: [], buildNetwork: true };

function parseOk(script: string, options: AzCliOptions = PLAYGROUND): RuleDocument {
  const result = parseAzCli(script, options);
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n"));
  return result.value;
}

function errorsOf(script: string, options: AzCliOptions = PLAYGROUND): string[] {
  const result = parseAzCli(script, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((e) => `${e.code} ${e.span?.line}:${e.span?.column}`);
}

type Unspanned = {
  [K in NetworkChange["kind"]]: Omit<Extract<NetworkChange, { kind: K }>, "span" | "spans">;
}[NetworkChange["kind"]];

/** The changes without their spans, to compare with what az would create. */
const changes = (doc: RuleDocument): Unspanned[] =>
  doc.network.map((c) => {
    const rest: Record<string, unknown> = { ...c };
    delete rest.span;
    delete rest.spans;
    return rest as Unspanned;
  });

const ssh = {
  name: "default-allow-ssh",
  priority: 1000,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "22",
};

describe("az network vnet create", () => {
  it("defaults the address space to 10.0.0.0/16 and creates no subnet without --subnet-name", () => {
    expect(changes(parseOk("az network vnet create -g rg -n v1"))).toEqual([
      { kind: "vnet", name: "v1", addressSpace: ["10.0.0.0/16"], subnets: [] },
    ]);
  });

  it("reads the tutorial's --address-prefix spelling (a prefix of --address-prefixes) and several prefixes", () => {
    expect(
      changes(parseOk("az network vnet create -g rg -n v1 --address-prefix 10.1.0.0/16 10.2.0.0/16")),
    ).toEqual([{ kind: "vnet", name: "v1", addressSpace: ["10.1.0.0/16", "10.2.0.0/16"], subnets: [] }]);
  });

  it("gives --subnet-name the VNet's first prefix as a /24 unless --subnet-prefixes says otherwise", () => {
    const subnetOf = (args: string) => {
      const [change] = changes(parseOk(`az network vnet create -g rg -n v1 ${args}`));
      return change?.kind === "vnet" ? change.subnets : undefined;
    };
    expect(subnetOf("--address-prefixes 10.1.0.0/16 --subnet-name web")).toEqual([
      { name: "web", addressPrefix: "10.1.0.0/24" },
    ]);
    // A VNet narrower than /24 keeps its own mask.
    expect(subnetOf("--address-prefixes 10.1.0.0/26 --subnet-name web")).toEqual([
      { name: "web", addressPrefix: "10.1.0.0/26" },
    ]);
    expect(subnetOf("--subnet-name web --subnet-prefix 10.0.5.0/24")).toEqual([
      { name: "web", addressPrefix: "10.0.5.0/24" },
    ]);
  });

  it("associates --nsg with the subnet it creates, and warns that az ignores it without --subnet-name", () => {
    const doc = parseOk(
      "az network nsg create -g rg -n n1\naz network vnet create -g rg -n v1 --subnet-name web --nsg N1",
    );
    expect(changes(doc)[0]).toMatchObject({
      subnets: [{ name: "web", addressPrefix: "10.0.0.0/24", nsg: "n1" }],
    });
    const ignored = parseOk("az network nsg create -g rg -n n1\naz network vnet create -g rg -n v1 --nsg n1");
    expect(ignored.warnings.map((w) => w.code)).toEqual(["unsupported-argument"]);
    expect(errorsOf("az network vnet create -g rg -n v1 --subnet-name web --nsg ghost")).toEqual([
      "unknown-nsg 1:60",
    ]);
  });
});

describe("az network vnet subnet create and update", () => {
  it("creates a subnet with its prefix and NSG", () => {
    const doc = parseOk(
      "az network nsg create -g rg -n myNsg\naz network vnet subnet create --vnet-name v -g rg -n s --address-prefix 10.0.0.0/24 --network-security-group myNsg",
    );
    expect(changes(doc)).toEqual([
      { kind: "subnet", vnet: "v", name: "s", addressPrefix: "10.0.0.0/24", nsg: "myNsg" },
    ]);
  });

  it("needs a prefix, and one only (a subnet holds one prefix here)", () => {
    expect(errorsOf("az network vnet subnet create --vnet-name v -g rg -n s")).toEqual([
      "missing-argument 1:1",
    ]);
    expect(
      errorsOf(
        "az network vnet subnet create --vnet-name v -g rg -n s --address-prefixes 10.0.0.0/24 10.0.1.0/24",
      ),
    ).toEqual(["unsupported-argument 1:75"]);
  });

  it("changes a subnet's range with update --address-prefixes, and still associates its NSG", () => {
    const doc = parseOk(
      "az network vnet subnet update --vnet-name v -g rg -n s --address-prefixes 10.0.9.0/24 --nsg ''",
    );
    expect(changes(doc)).toEqual([
      { kind: "subnet-prefix", vnet: "v", name: "s", addressPrefix: "10.0.9.0/24" },
    ]);
    expect(doc.associations).toMatchObject([{ level: "subnet", target: "v/s", nsg: null }]);
  });
});

describe("az network asg create, public-ip create and nic create", () => {
  it("creates a NIC in --vnet-name/--subnet with a static address, an existing public IP, NSG and ASGs", () => {
    const doc = parseOk(
      [
        "az network asg create -g rg -n web-asg",
        "az network nsg create -g rg -n nic-nsg",
        "az network public-ip create -g rg -n pip1 --sku Standard",
        "az network nic create -g rg -n nic1 --vnet-name v --subnet s --private-ip-address 10.0.0.10 --public-ip-address pip1 --network-security-group nic-nsg --asgs web-asg",
      ].join("\n"),
    );
    expect(changes(doc)).toEqual([
      { kind: "asg", name: "web-asg" },
      {
        kind: "nic",
        name: "nic1",
        subnet: "v/s",
        privateIp: "10.0.0.10",
        publicIp: { name: "pip1" },
        nsg: "nic-nsg",
        asgs: ["web-asg"],
      },
    ]);
  });

  it("takes a subnet by ID, and refuses a name without --vnet-name or an unknown public IP", () => {
    const id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
    expect(changes(parseOk(`az network nic create -g rg -n nic1 --subnet ${id}`))).toMatchObject([
      { subnet: "v/s" },
    ]);
    expect(errorsOf("az network nic create -g rg -n nic1 --subnet s")).toEqual(["missing-argument 1:46"]);
    expect(
      errorsOf("az network nic create -g rg -n nic1 --vnet-name v --subnet s --public-ip-address pip9"),
    ).toEqual(["unknown-public-ip 1:82"]);
  });

  it("replaces a NIC's ASGs with nic ip-config update --asgs, and clears them with ''", () => {
    const doc = parseOk(
      "az network nic ip-config update -g rg --nic-name nic1 -n ipconfig1 --asgs a b\naz network nic ip-config update -g rg --nic-name nic1 -n ipconfig1 --asgs ''",
    );
    expect(changes(doc)).toEqual([
      { kind: "nic-asgs", nic: "nic1", asgs: ["a", "b"] },
      { kind: "nic-asgs", nic: "nic1", asgs: [] },
    ]);
    expect(
      errorsOf(
        "az network nic ip-config update -g rg --nic-name nic1 -n ipconfig1 --private-ip-address 10.0.0.9",
      ),
    ).toEqual(["unsupported-argument 1:68"]);
  });
});

describe("az vm create", () => {
  it("with nothing to go on, creates <vm>VNET 10.0.0.0/16, <vm>Subnet 10.0.0.0/24, <vm>NSG with default-allow-ssh, <vm>PublicIP and <vm>VMNic", () => {
    const doc = parseOk(
      "az vm create -g rg -n vm1 --image Ubuntu2204 --admin-username azureuser --generate-ssh-keys",
    );
    expect(changes(doc)).toEqual([
      {
        kind: "vnet",
        name: "vm1VNET",
        addressSpace: ["10.0.0.0/16"],
        subnets: [{ name: "vm1Subnet", addressPrefix: "10.0.0.0/24" }],
      },
      {
        kind: "nic",
        name: "vm1VMNic",
        subnet: "vm1VNET/vm1Subnet",
        publicIp: { name: "vm1PublicIP" },
        nsg: "vm1NSG",
        asgs: [],
      },
      { kind: "vm", name: "vm1", nics: ["vm1VMNic"] },
    ]);
    expect(doc.nsgs).toEqual([{ name: "vm1NSG", created: true, rules: [ssh] }]);
  });

  it("opens RDP 3389 (rule rdp) for a Windows image, nothing with --nsg-rule NONE, and SSH when asked", () => {
    const rulesFor = (args: string) => parseOk(`az vm create -g rg -n vm1 ${args}`).nsgs[0]!.rules;
    expect(rulesFor("--image Win2022Datacenter")).toEqual([
      { ...ssh, name: "rdp", destinationPortRange: "3389" },
    ]);
    expect(rulesFor("--image MicrosoftWindowsServer:WindowsServer:2019-Datacenter:latest")).toMatchObject([
      { name: "rdp" },
    ]);
    expect(rulesFor("--image Ubuntu2204 --nsg-rule none")).toEqual([]);
    expect(rulesFor("--image Win2022Datacenter --nsg-rule SSH")).toEqual([ssh]);
    expect(errorsOf("az vm create -g rg -n vm1 --image Ubuntu2204 --nsg-rule HTTP")).toEqual([
      "invalid-argument-value 1:57",
    ]);
  });

  it("as the filter-traffic tutorial runs it: existing subnet, --nsg '' for none, --asgs on the NIC", () => {
    const doc = parseOk(
      "az network asg create -g rg -n myAsgWebServers\naz vm create -g rg -n myVmWeb --image Ubuntu2204 --vnet-name myVirtualNetwork --subnet mySubnet --nsg \"\" --asgs myAsgWebServers --admin-username azureuser --admin-password 'x'",
      {
        ...PLAYGROUND,
        topology: {
          ...vmTopology({}),
          vnets: [
            {
              name: "myVirtualNetwork",
              addressSpace: ["10.0.0.0/16"],
              subnets: [{ name: "mySubnet", addressPrefix: "10.0.0.0/24" }],
              peerings: [],
              connectedAddressSpaces: [],
            },
          ],
        },
      },
    );
    expect(changes(doc).slice(1)).toEqual([
      {
        kind: "nic",
        name: "myVmWebVMNic",
        subnet: "myVirtualNetwork/mySubnet",
        publicIp: { name: "myVmWebPublicIP" },
        asgs: ["myAsgWebServers"],
      },
      { kind: "vm", name: "myVmWeb", nics: ["myVmWebVMNic"] },
    ]);
    expect(doc.nsgs).toEqual([]);
  });

  it("uses the first VNet's first subnet that is not GatewaySubnet when none is named", () => {
    const topology = vmTopology({});
    topology.vnets = [
      {
        name: "hub",
        addressSpace: ["10.9.0.0/16"],
        subnets: [
          { name: "GatewaySubnet", addressPrefix: "10.9.0.0/27" },
          { name: "apps", addressPrefix: "10.9.1.0/24" },
        ],
        peerings: [],
        connectedAddressSpaces: [],
      },
    ];
    const doc = parseOk("az vm create -g rg -n vm1 --image Ubuntu2204 --nsg '' --public-ip-address ''", {
      ...PLAYGROUND,
      topology,
    });
    expect(changes(doc)).toEqual([
      { kind: "nic", name: "vm1VMNic", subnet: "hub/apps", asgs: [] },
      { kind: "vm", name: "vm1", nics: ["vm1VMNic"] },
    ]);
  });

  it("creates a missing --subnet in an existing --vnet-name, at --subnet-address-prefix (default 10.0.0.0/24)", () => {
    const doc = parseOk(
      "az network vnet create -g rg -n v --address-prefixes 10.0.0.0/16\naz vm create -g rg -n vm1 --image Ubuntu2204 --vnet-name v --subnet new --subnet-address-prefix 10.0.7.0/24 --nsg ''",
    );
    expect(changes(doc)[1]).toEqual({ kind: "subnet", vnet: "v", name: "new", addressPrefix: "10.0.7.0/24" });
  });

  it("attaches an existing --nsg without adding a rule, and creates a named one that does not exist", () => {
    const existing = parseOk(
      "az network nsg create -g rg -n shared\naz vm create -g rg -n vm1 --image Ubuntu2204 --nsg shared",
    );
    expect(existing.nsgs).toEqual([{ name: "shared", created: true, rules: [] }]);
    expect(changes(existing)[1]).toMatchObject({ kind: "nic", nsg: "shared" });
    const named = parseOk("az vm create -g rg -n vm1 --image Ubuntu2204 --nsg fresh");
    expect(named.nsgs).toEqual([{ name: "fresh", created: true, rules: [ssh] }]);
  });

  it("takes existing NICs with --nics, and then refuses network arguments as az does", () => {
    expect(changes(parseOk("az vm create -g rg -n vm1 --image Ubuntu2204 --nics nic1 nic2"))).toEqual([
      { kind: "vm", name: "vm1", nics: ["nic1", "nic2"] },
    ]);
    expect(errorsOf("az vm create -g rg -n vm1 --image Ubuntu2204 --nics nic1 --nsg x")).toEqual([
      "conflicting-arguments 1:58",
    ]);
    expect(errorsOf("az vm create -g rg -n vm1 --image Ubuntu2204 --count 3")).toEqual([
      "unsupported-argument 1:46",
    ]);
  });
});

describe("az vm open-port on a VM without an NSG there", () => {
  it("creates <vm>_NSG (noting that az adds a hash), attaches it to the NIC and adds the rule", () => {
    const doc = parseOk("az vm open-port -g rg -n bare --port 80", {
      ...PLAYGROUND,
      topology: vmTopology({ bare: {} }),
    });
    expect(doc.nsgs).toMatchObject([
      { name: "bare_NSG", created: true, rules: [{ name: "open-port-80", priority: 900 }] },
    ]);
    expect(doc.associations).toMatchObject([{ level: "nic", target: "bare-nic", nsg: "bare_NSG" }]);
    expect(doc.warnings.map((w) => w.code)).toEqual(["invented-name"]);
    const subnet = parseOk("az vm open-port -g rg -n bare --port 80 --apply-to-subnet --nsg-name sub-nsg", {
      ...PLAYGROUND,
      topology: vmTopology({ bare: {} }),
    });
    expect(subnet.associations).toMatchObject([
      { level: "subnet", target: "vnet/bare-subnet", nsg: "sub-nsg" },
    ]);
    expect(subnet.warnings).toEqual([]);
  });

  it("finds the NSG a script attached earlier, and a VM the script created", () => {
    const doc = parseOk(
      "az vm create -g rg -n vm1 --image Ubuntu2204\naz vm open-port -g rg -n vm1 --port 443",
    );
    expect(doc.nsgs[0]!.rules.map((r) => (r as { name: string }).name)).toEqual([
      "default-allow-ssh",
      "open-port-443",
    ]);
  });
});

describe("in an exercise, whose network is fixed", () => {
  const exercise: AzCliOptions = { editable: ["web-nsg"], initialRules: { "web-nsg": [] } };
  it("notes each network command as not run, naming the NSGs the exercise lets you change", () => {
    const doc = parseOk(
      [
        "az network vnet create -g rg -n v",
        "az network vnet subnet create -g rg --vnet-name v -n s --address-prefixes 10.0.0.0/24",
        "az network asg create -g rg -n a",
        "az network public-ip create -g rg -n p",
        "az network nic create -g rg -n n --vnet-name v --subnet s",
        "az vm create -g rg -n vm --image Ubuntu2204",
        "az network nsg rule create -g rg --nsg-name web-nsg -n r --priority 100",
      ].join("\n"),
      exercise,
    );
    expect(doc.network).toEqual([]);
    expect(doc.warnings.map((w) => `${w.code} ${w.span?.line}`)).toEqual(
      [1, 2, 3, 4, 5, 6].map((line) => `exercise-network-fixed ${line}`),
    );
    expect(doc.warnings[5]!.message).toBe(
      '"az vm create" was not run: an exercise\'s network is fixed, and this one only lets you change the NSGs "web-nsg" (and NSGs you create)',
    );
    expect(doc.nsgs.map((n) => n.name)).toEqual(["web-nsg"]);
  });
});

describe("az network vnet peering create", () => {
  it("records one direction, the remote VNet by name or ID", () => {
    const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke";
    expect(
      changes(
        parseOk(
          `az network vnet peering create -g rg -n hub-to-spoke --vnet-name hub --remote-vnet ${id} --allow-vnet-access`,
        ),
      ),
    ).toEqual([{ kind: "peering", name: "hub-to-spoke", vnet: "hub", remote: "spoke" }]);
  });

  it("refuses peerings that turn VNet access off or peer only some subnets", () => {
    const base = "az network vnet peering create -g rg -n p --vnet-name a --remote-vnet b";
    expect(errorsOf(`${base} --allow-vnet-access false`)).toEqual(["unsupported-argument 1:73"]);
    expect(errorsOf(`${base} --peer-complete-vnets false --local-subnet-names s1`)).toEqual([
      "unsupported-argument 1:101",
    ]);
    expect(errorsOf("az network vnet peering create -g rg -n p --vnet-name a")).toEqual([
      "missing-argument 1:1",
    ]);
  });
});

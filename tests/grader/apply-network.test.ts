/**
 * NetworkBuilder: network changes from any script reader, built into a topology as Azure's
 * resource provider would (Virtual Network FAQ for reserved addresses; docs/azure-behaviours.md,
 * "Networks a script builds").
 */
import { describe, expect, it } from "vitest";
import type { NetworkChange, SubnetSpec } from "../../src/lib/formats/network-changes.ts";
import { NetworkBuilder } from "../../src/lib/grader/apply-network.ts";
import type { Topology } from "../../src/lib/nsg/topology-schema.ts";
import type { SourceSpan } from "../../src/lib/result.ts";

const at = (line: number): SourceSpan => ({ line, column: 1, endLine: line, endColumn: 10 });

const EMPTY: Topology = { vnets: [], vms: [], asgs: [], nsgs: [], serviceTags: {} };

function build(changes: NetworkChange[], topology: Topology = EMPTY, nsgs: string[] = []) {
  const builder = new NetworkBuilder(topology, { nsgs });
  for (const change of changes) builder.apply(change);
  return builder.finish();
}

const vnet = (
  name = "vnet",
  subnets: SubnetSpec[] = [{ name: "web", addressPrefix: "10.0.1.0/24" }],
): NetworkChange => ({
  kind: "vnet",
  name,
  addressSpace: ["10.0.0.0/16"],
  subnets,
  span: at(1),
});
const nic = (name: string, extra: Partial<Extract<NetworkChange, { kind: "nic" }>> = {}): NetworkChange => ({
  kind: "nic",
  name,
  subnet: "vnet/web",
  asgs: [],
  span: at(2),
  ...extra,
});
const vm = (name: string, nics: string[]): NetworkChange => ({ kind: "vm", name, nics, span: at(3) });

describe("NetworkBuilder", () => {
  it("gives dynamic NICs the first free addresses after the four Azure reserves", () => {
    const built = build([
      vnet(),
      nic("a"),
      nic("b", { privateIp: "10.0.1.5" }),
      nic("c"),
      vm("vm-a", ["a"]),
      vm("vm-b", ["b"]),
      vm("vm-c", ["c"]),
    ]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.topology.vms.map((v) => v.nics[0]!.privateIp)).toEqual([
      "10.0.1.4",
      "10.0.1.5",
      "10.0.1.6",
    ]);
    expect(built.value.topology.vms[0]!.nics[0]!.subnet).toBe("vnet/web");
  });

  it("reports a subnet that runs out of addresses at the NIC that found none", () => {
    // A /29 has 8 addresses: .0–.3 and .7 are reserved, leaving .4, .5 and .6.
    const small = vnet("vnet", [{ name: "web", addressPrefix: "10.0.1.0/29" }]);
    const built = build([
      small,
      nic("a"),
      nic("b"),
      nic("c"),
      { ...(nic("d") as object), span: at(9) } as NetworkChange,
    ]);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => [e.code, e.span?.line])).toEqual([["no-free-address", 9]]);
  });

  it("refuses static addresses Azure reserves, outside the subnet or already taken", () => {
    const codes = (ip: string) => {
      const built = build([vnet(), nic("a", { privateIp: "10.0.1.4" }), nic("b", { privateIp: ip })]);
      return built.ok ? [] : built.errors.map((e) => e.code);
    };
    expect(codes("10.0.1.3")).toEqual(["reserved-ip"]);
    expect(codes("10.0.1.255")).toEqual(["reserved-ip"]);
    expect(codes("10.0.2.4")).toEqual(["ip-outside-subnet"]);
    expect(codes("10.0.1.4")).toEqual(["duplicate-ip"]);
    expect(codes("10.0.1.300")).toEqual(["invalid-ip"]);
  });

  it("checks subnet prefixes against the VNet's space and its other subnets", () => {
    const subnet = (prefix: string): NetworkChange => ({
      kind: "subnet",
      vnet: "VNET",
      name: "db",
      addressPrefix: prefix,
      span: at(4),
      spans: { addressPrefix: { line: 4, column: 30, endLine: 4, endColumn: 41 } },
    });
    const errors = (prefix: string) => {
      const built = build([vnet(), subnet(prefix)]);
      return built.ok ? [] : built.errors.map((e) => [e.code, e.span?.column]);
    };
    expect(errors("10.0.2.0/24")).toEqual([]);
    expect(errors("10.1.0.0/24")).toEqual([["subnet-outside-vnet", 30]]);
    expect(errors("10.0.1.128/25")).toEqual([["subnet-overlap", 30]]);
    expect(errors("10.0.2.5/24")).toEqual([["cidr-host-bits-set", 30]]);
    const unknown = build([{ ...(subnet("10.0.2.0/24") as object), vnet: "nope" } as NetworkChange]);
    expect(unknown.ok ? [] : unknown.errors.map((e) => e.code)).toEqual(["unknown-vnet"]);
  });

  it("matches names case-insensitively and keeps the first spelling", () => {
    const built = build([
      vnet("MyVnet"),
      { ...(nic("Nic1") as object), subnet: "myvnet/WEB" } as NetworkChange,
      vm("vm1", ["NIC1"]),
    ]);
    expect(built.ok && built.value.topology.vms[0]!.nics[0]).toMatchObject({
      name: "Nic1",
      subnet: "MyVnet/web",
    });
  });

  it("refuses duplicate NICs and VMs, NICs on two VMs and unknown NICs", () => {
    const codes = (changes: NetworkChange[]) => {
      const built = build([vnet(), ...changes]);
      return built.ok ? [] : built.errors.map((e) => e.code);
    };
    expect(codes([nic("a"), nic("A")])).toEqual(["duplicate-name"]);
    expect(codes([nic("a"), nic("b"), vm("v", ["a"]), vm("V", ["b"])])).toEqual(["duplicate-name"]);
    expect(codes([nic("a"), vm("v1", ["a"]), vm("v2", ["a"])])).toEqual(["nic-in-use"]);
    expect(codes([vm("v", ["ghost"])])).toEqual(["unknown-nic"]);
  });

  it("attaches NSGs and ASGs that exist, and reports those that do not", () => {
    const ok = build(
      [
        vnet("vnet", [{ name: "web", addressPrefix: "10.0.1.0/24", nsg: "web-nsg" }]),
        { kind: "asg", name: "asg-web", span: at(2) },
        nic("a", { nsg: "WEB-NSG", asgs: ["ASG-web"] }),
        vm("v", ["a"]),
      ],
      EMPTY,
      ["web-nsg"],
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.value.topology.vnets[0]!.subnets[0]!.nsg).toBe("web-nsg");
    expect(ok.value.topology.vms[0]!.nics[0]).toMatchObject({ nsg: "web-nsg", asgs: ["asg-web"] });
    const bad = build([vnet(), nic("a", { nsg: "ghost", asgs: [] })]);
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(["unknown-nsg"]);
    const asg = build([vnet(), nic("a", { asgs: ["ghost"] })]);
    expect(asg.ok ? [] : asg.errors.map((e) => e.code)).toEqual(["unknown-asg"]);
  });

  it("replaces a NIC's ASGs", () => {
    const built = build([
      vnet(),
      { kind: "asg", name: "one", span: at(1) },
      { kind: "asg", name: "two", span: at(1) },
      nic("a", { asgs: ["one"] }),
      { kind: "nic-asgs", nic: "a", asgs: ["two"], span: at(5) },
      vm("v", ["a"]),
    ]);
    expect(built.ok && built.value.topology.vms[0]!.nics[0]!.asgs).toEqual(["two"]);
  });

  it("invents public addresses from the documentation ranges the scenario does not use, and says so", () => {
    const topology: Topology = {
      ...EMPTY,
      nsgs: [
        {
          name: "n",
          securityRules: [
            {
              name: "office",
              priority: 100,
              direction: "Inbound",
              access: "Allow",
              protocol: "Tcp",
              sourceAddressPrefixes: ["192.0.2.0/25"],
              sourcePortRanges: ["*"],
              destinationAddressPrefixes: ["*"],
              destinationPortRanges: ["22"],
              sourceApplicationSecurityGroups: [],
              destinationApplicationSecurityGroups: [],
            },
          ],
        },
      ],
    };
    const builder = new NetworkBuilder(topology, { nsgs: ["n"], avoid: ["192.0.2.129"] });
    for (const change of [
      vnet(),
      nic("a", { publicIp: { name: "pip-a" } }),
      nic("b", { publicIp: { name: "pip-b" } }),
      vm("va", ["a"]),
      vm("vb", ["b"]),
    ])
      builder.apply(change);
    const built = builder.finish();
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.topology.vms.map((v) => v.nics[0]!.publicIp)).toEqual(["192.0.2.128", "192.0.2.130"]);
    expect(built.value.notes.map((n) => [n.code, n.severity])).toEqual([
      ["invented-public-ip", "warning"],
      ["invented-public-ip", "warning"],
    ]);
    expect(built.value.notes[0]!.message).toContain("192.0.2.128");
  });

  it("refuses one public IP on two NICs", () => {
    const built = build([
      vnet(),
      nic("a", { publicIp: { name: "pip" } }),
      nic("b", { publicIp: { name: "PIP" } }),
    ]);
    expect(built.ok ? [] : built.errors.map((e) => e.code)).toEqual(["duplicate-ip"]);
  });

  it("warns about a NIC no VM uses", () => {
    const built = build([vnet(), nic("lonely")]);
    expect(built.ok && built.value.notes.map((n) => [n.code, n.span?.line])).toEqual([["nic-without-vm", 2]]);
  });

  it("re-creating a VNet replaces its subnets, unless a NIC still uses one", () => {
    const again = vnet("vnet", [{ name: "other", addressPrefix: "10.0.9.0/24" }]);
    const free = build([vnet(), again]);
    expect(free.ok && free.value.topology.vnets[0]!.subnets.map((s) => s.name)).toEqual(["other"]);
    const used = build([vnet(), nic("a"), vm("v", ["a"]), again]);
    expect(used.ok ? [] : used.errors.map((e) => e.code)).toEqual(["subnet-in-use"]);
  });

  it("changes a subnet's range only while no NIC is in it", () => {
    const readdress: NetworkChange = {
      kind: "subnet-prefix",
      vnet: "vnet",
      name: "web",
      addressPrefix: "10.0.4.0/24",
      span: at(6),
    };
    const free = build([vnet(), readdress]);
    expect(free.ok && free.value.topology.vnets[0]!.subnets[0]!.addressPrefix).toBe("10.0.4.0/24");
    const used = build([vnet(), nic("a"), vm("v", ["a"]), readdress]);
    expect(used.ok ? [] : used.errors.map((e) => [e.code, e.span?.line])).toEqual([["subnet-in-use", 6]]);
  });

  it("moves NSG associations onto subnets and NICs the script built", () => {
    const builder = new NetworkBuilder(EMPTY, { nsgs: ["web-nsg"] });
    builder.apply(vnet());
    builder.apply(nic("a"));
    builder.apply(vm("v", ["a"]));
    builder.associate({ level: "subnet", target: "vnet/web", nsg: "web-nsg", span: at(7) });
    builder.associate({ level: "nic", target: "a", nsg: "web-nsg", span: at(8) });
    builder.associate({ level: "nic", target: "ghost", nsg: null, span: at(9) });
    const built = builder.finish();
    expect(built.ok ? [] : built.errors.map((e) => [e.code, e.span?.line])).toEqual([["unknown-nic", 9]]);
  });

  describe("VNet peerings (az network vnet peering create, Add-AzVirtualNetworkPeering)", () => {
    const spaced = (name: string, prefix: string): NetworkChange => ({
      kind: "vnet",
      name,
      addressSpace: [prefix],
      subnets: [],
      span: at(1),
    });
    const hub = spaced("hub", "10.1.0.0/16");
    const spoke = spaced("spoke", "10.2.0.0/16");
    const peer = (from: string, to: string, line = 5): NetworkChange => ({
      kind: "peering",
      name: `${from}-to-${to}`,
      vnet: from,
      remote: to,
      span: at(line),
    });
    const peerings = (changes: NetworkChange[]) => {
      const built = build(changes);
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      return {
        peerings: Object.fromEntries(built.value.topology.vnets.map((v) => [v.name, v.peerings])),
        notes: built.value.notes.map((n) => [n.code, n.span?.line]),
      };
    };

    it("connects two VNets once each has a peering to the other", () => {
      expect(peerings([hub, spoke, peer("hub", "spoke"), peer("SPOKE", "hub", 6)])).toEqual({
        peerings: { hub: ["spoke"], spoke: ["hub"] },
        notes: [],
      });
    });

    it("leaves a peering made in one direction Initiated: no traffic, and a warning where it is made", () => {
      expect(peerings([hub, spoke, peer("hub", "spoke", 7)])).toEqual({
        peerings: { hub: [], spoke: [] },
        notes: [["peering-not-connected", 7]],
      });
    });

    it("refuses a VNet that does not exist, itself, and overlapping address spaces", () => {
      const codes = (changes: NetworkChange[]) => {
        const built = build(changes);
        return built.ok ? [] : built.errors.map((e) => e.code);
      };
      expect(codes([hub, peer("hub", "nowhere")])).toEqual(["unknown-vnet"]);
      expect(codes([hub, peer("hub", "hub")])).toEqual(["peering-overlap"]);
      expect(codes([hub, spaced("wide", "10.0.0.0/8"), peer("hub", "wide")])).toEqual(["peering-overlap"]);
    });
  });
});

import { describe, expect, it } from "vitest";
import { internetExposure } from "../../src/lib/analysis/internet-exposure.ts";
import { rule, webVm } from "./scenario.ts";

describe("ports a NIC exposes to the internet", () => {
  it("exposes nothing behind the default rules", () => {
    const exposure = internetExposure(webVm(undefined, []), "web-nic")!;
    expect(exposure.tcpUdp).toEqual([
      { protocol: "Tcp", ports: [] },
      { protocol: "Udp", ports: [] },
    ]);
    expect(exposure.otherProtocols).toEqual([]);
  });

  it("exposes every port when no NSG is associated anywhere", () => {
    const exposure = internetExposure(webVm(undefined, undefined), "web-nic")!;
    expect(exposure.tcpUdp[0]!.ports).toEqual([[0, 65535]]);
    expect(exposure.otherProtocols).toEqual(["Icmp", "Esp", "Ah"]);
  });

  it("needs both levels to allow: only the intersection is exposed", () => {
    const exposure = internetExposure(
      webVm(
        [rule("web", 100, { destinationPortRange: undefined, destinationPortRanges: ["80", "443"] })],
        [rule("https", 100, { destinationPortRange: "443-444" })],
      ),
      "web-nic",
    )!;
    expect(exposure.tcpUdp[0]!.ports).toEqual([[443, 443]]);
    expect(exposure.tcpUdp[1]!.ports).toEqual([]);
  });

  it("respects priority order and reports which internet sources get in", () => {
    const exposure = internetExposure(
      webVm(undefined, [
        rule("deny-bad", 100, { access: "Deny", sourceAddressPrefix: "198.51.100.0/24" }),
        rule("ssh-from-office", 200, { sourceAddressPrefix: "198.51.100.0/23", destinationPortRange: "22" }),
      ]),
      "web-nic",
    )!;
    expect(exposure.tcpUdp[0]!.ports).toEqual([[22, 22]]);
    expect(exposure.sources).toEqual(["198.51.101.0/24"]);
  });

  it("ignores VNet-only rules: the internet is not the VNet", () => {
    const exposure = internetExposure(
      webVm(undefined, [rule("vnet-all", 100, { sourceAddressPrefix: "VirtualNetwork" })]),
      "web-nic",
    )!;
    expect(exposure.tcpUdp[0]!.ports).toEqual([]);
  });
});

/**
 * Source/destination: "Any, an individual IP address, a CIDR block (for example, 10.0.0.0/24), a
 * service tag, or an application security group" (Azure NSG overview). Plural prefixes hold
 * addresses and ranges only: "you can't specify multiple service tags or application groups".
 */
import { describe, expect, it } from "vitest";
import { parseCidrOrIp } from "../../../src/lib/nsg/index.ts";
import { ruleIssuesWith } from "./issues.ts";

describe("single address prefixes", () => {
  it("accept *, addresses, CIDRs (IPv4 and IPv6) and tag names", () => {
    for (const value of [
      "*",
      "10.0.0.4",
      "10.0.0.0/24",
      "0.0.0.0/0",
      "fd00::4",
      "fd00:db8::/32",
      "::/0",
      "::",
      "abcd::",
      "abcd::/16",
      "VirtualNetwork",
      "Internet",
      "AzureLoadBalancer",
      "Storage.WestEurope",
    ]) {
      expect(ruleIssuesWith({ sourceAddressPrefix: value }), value).toEqual([]);
    }
  });

  it("reject a CIDR with host bits set, naming the network meant", () => {
    expect(ruleIssuesWith({ sourceAddressPrefix: "10.0.0.5/24" })).toEqual([
      {
        code: "cidr-host-bits-set",
        message: '"10.0.0.5/24" has host bits set; the network is 10.0.0.0/24',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ destinationAddressPrefix: "fd00::1/64" })).toEqual([
      {
        code: "cidr-host-bits-set",
        message: '"fd00::1/64" has host bits set; the network is fd00::/64',
        path: ["destinationAddressPrefix"],
      },
    ]);
  });

  it("reject prefix lengths beyond the family", () => {
    expect(ruleIssuesWith({ sourceAddressPrefix: "10.0.0.0/33" })).toEqual([
      {
        code: "invalid-cidr",
        message: '"10.0.0.0/33": an IPv4 prefix length is 0 to 32',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ sourceAddressPrefix: "fd00::/129" })).toEqual([
      {
        code: "invalid-cidr",
        message: '"fd00::/129": an IPv6 prefix length is 0 to 128',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ sourceAddressPrefix: "10.0.0.0/x" })).toEqual([
      {
        code: "invalid-address-prefix",
        message: '"10.0.0.0/x" is not an IP address, a CIDR range, a service tag or *',
        path: ["sourceAddressPrefix"],
      },
    ]);
  });

  it("reject malformed addresses", () => {
    expect(ruleIssuesWith({ sourceAddressPrefix: "300.1.1.1" })).toEqual([
      {
        code: "invalid-ip",
        message: '"300.1.1.1" is not a valid IPv4 or IPv6 address',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ sourceAddressPrefix: "10.0.0" })).toEqual([
      {
        code: "invalid-ip",
        message: '"10.0.0" is not a valid IPv4 or IPv6 address',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ sourceAddressPrefix: "fd00:::1" })).toEqual([
      {
        code: "invalid-ip",
        message: '"fd00:::1" is not a valid IPv4 or IPv6 address',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(ruleIssuesWith({ sourceAddressPrefix: "any host" })).toEqual([
      {
        code: "invalid-address-prefix",
        message: '"any host" is not an IP address, a CIDR range, a service tag or *',
        path: ["sourceAddressPrefix"],
      },
    ]);
  });

  it("are required, unless ASGs take their place", () => {
    expect(ruleIssuesWith({ sourceAddressPrefix: undefined })).toEqual([
      {
        code: "missing-field",
        message: 'sourceAddressPrefix is required (use "*" for any address)',
        path: ["sourceAddressPrefix"],
      },
    ]);
    expect(
      ruleIssuesWith({ sourceAddressPrefix: undefined, sourceApplicationSecurityGroups: ["web"] }),
    ).toEqual([]);
  });
});

describe("CIDR parsing", () => {
  it("covers exactly the block", () => {
    const parsed = parseCidrOrIp("10.0.1.0/24");
    expect(parsed.ok && Array.from(parsed.value.v4)).toEqual([167772416, 167772671]);
  });
});

describe("plural address prefixes (augmented rules)", () => {
  it("accept addresses and ranges of either family", () => {
    expect(
      ruleIssuesWith({
        sourceAddressPrefix: undefined,
        sourceAddressPrefixes: ["10.0.0.4", "10.1.0.0/16", "fd00::/8"],
      }),
    ).toEqual([]);
  });

  it("refuse service tags, * and custom tags, pointing at the entry", () => {
    for (const [i, value] of [
      [0, "VirtualNetwork"],
      [1, "*"],
      [1, "Storage"],
      [1, "internet"],
    ] as const) {
      const list = i === 0 ? [value, "10.0.0.0/8"] : ["10.0.0.0/8", value];
      expect(ruleIssuesWith({ sourceAddressPrefix: undefined, sourceAddressPrefixes: list })).toEqual([
        {
          code: "tag-in-prefix-list",
          message: `sourceAddressPrefixes holds IP addresses and CIDR ranges only; put "${value}" alone in sourceAddressPrefix`,
          path: ["sourceAddressPrefixes", i],
        },
      ]);
    }
  });

  it("check each entry's CIDR", () => {
    expect(
      ruleIssuesWith({
        destinationAddressPrefix: undefined,
        destinationAddressPrefixes: ["10.0.0.0/8", "192.168.1.1/16"],
      }),
    ).toEqual([
      {
        code: "cidr-host-bits-set",
        message: '"192.168.1.1/16" has host bits set; the network is 192.168.0.0/16',
        path: ["destinationAddressPrefixes", 1],
      },
    ]);
  });

  it("refuse singular and plural together", () => {
    expect(ruleIssuesWith({ sourceAddressPrefixes: ["10.0.0.0/8"] })).toEqual([
      {
        code: "conflicting-fields",
        message: "set either sourceAddressPrefix or sourceAddressPrefixes, not both",
        path: ["sourceAddressPrefixes"],
      },
    ]);
  });
});

describe("application security groups on one side", () => {
  it("are not mixed with prefixes on the same side", () => {
    expect(ruleIssuesWith({ sourceApplicationSecurityGroups: ["web"] })).toEqual([
      {
        code: "conflicting-fields",
        message: "a rule's source is either address prefixes or application security groups, not both",
        path: ["sourceApplicationSecurityGroups"],
      },
    ]);
    expect(
      ruleIssuesWith({
        destinationAddressPrefix: undefined,
        destinationAddressPrefixes: ["10.0.0.4"],
        destinationApplicationSecurityGroups: ["db"],
      }),
    ).toEqual([
      {
        code: "conflicting-fields",
        message: "a rule's destination is either address prefixes or application security groups, not both",
        path: ["destinationApplicationSecurityGroups"],
      },
    ]);
  });

  it("may face prefixes on the other side", () => {
    expect(
      ruleIssuesWith({ destinationAddressPrefix: undefined, destinationApplicationSecurityGroups: ["db"] }),
    ).toEqual([]);
  });

  it("are names or ARM resource ids, and nothing else", () => {
    expect(
      ruleIssuesWith({
        sourceAddressPrefix: undefined,
        sourceApplicationSecurityGroups: [
          {
            id: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/web",
          },
        ],
      }),
    ).toEqual([]);
    expect(ruleIssuesWith({ sourceAddressPrefix: undefined, sourceApplicationSecurityGroups: [42] })).toEqual(
      [
        {
          code: "invalid-type",
          message: 'an application security group is a name or { "id": "..." }',
          path: ["sourceApplicationSecurityGroups", 0],
        },
      ],
    );
  });
});

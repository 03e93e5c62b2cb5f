import { describe, expect, it } from "vitest";
import { toCidrs } from "../../src/lib/analysis/cidr-list.ts";
import { cidrSet } from "../../src/lib/nsg/ip.ts";
import { addressSet } from "../../src/lib/nsg/address-set.ts";

describe("address sets written as CIDRs", () => {
  it("keeps aligned blocks whole and splits unaligned ranges into the fewest blocks", () => {
    expect(toCidrs(cidrSet(["10.0.0.0/16", "168.63.129.16/32"]))).toEqual([
      "10.0.0.0/16",
      "168.63.129.16/32",
    ]);
    expect(toCidrs(addressSet([[167772161, 167772166]]))).toEqual([
      "10.0.0.1/32",
      "10.0.0.2/31",
      "10.0.0.4/31",
      "10.0.0.6/32",
    ]);
    expect(toCidrs(addressSet([[0, 0xffffffff]]))).toEqual(["0.0.0.0/0"]);
  });

  it("writes IPv6 blocks with :: compression", () => {
    expect(toCidrs(cidrSet(["2001:db8::/32", "fd00::1"]))).toEqual(["2001:db8::/32", "fd00::1/128"]);
  });
});

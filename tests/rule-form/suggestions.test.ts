import { describe, expect, it } from "vitest";
import { suggestName, suggestPriority } from "../../src/lib/rule-form/suggestions.ts";
import { network, paneWith } from "./support.ts";
import { armRule } from "./support.ts";

const rulesOf = (...rules: Record<string, unknown>[]) => network(rules).nsgs[0]!.securityRules;

describe("the pane's suggested priority", () => {
  it("starts at 100 and leaves a gap of a hundred after the highest rule of that direction", () => {
    expect(suggestPriority([], "Inbound")).toBe(100);
    const rules = rulesOf(armRule("A", 100), armRule("B", 310), armRule("C", 900, { direction: "Outbound" }));
    expect(suggestPriority(rules, "Inbound")).toBe(400);
    expect(suggestPriority(rules, "Outbound")).toBe(1000);
  });

  it("takes the first free number when the next hundred would pass 4096", () => {
    expect(suggestPriority(rulesOf(armRule("A", 100), armRule("B", 4050)), "Inbound")).toBe(101);
  });
});

describe("the pane's suggested name", () => {
  it("reads action, source, service and direction, in the portal's style", () => {
    expect(suggestName(paneWith(), [])).toBe("AllowAnyCustom8080Inbound");
    expect(suggestName(paneWith({ source: "my-ip", service: "SSH", destinationPorts: "22" }), [])).toBe(
      "AllowMyIpAddressSSHInbound",
    );
    expect(
      suggestName(
        paneWith({ access: "Deny", source: "service-tag", service: "MS SQL", direction: "Outbound" }),
        [],
      ),
    ).toBe("DenyTagMSSQLOutbound");
    expect(suggestName(paneWith({ source: "ip-addresses", destinationPorts: "80, 443" }), [])).toBe(
      "AllowCidrBlockCustom80_443Inbound",
    );
    expect(suggestName(paneWith({ source: "asg", destinationPorts: "*" }), [])).toBe(
      "AllowAsgCustomAnyInbound",
    );
  });

  it("is numbered when the name is taken, whatever the case", () => {
    expect(suggestName(paneWith(), ["allowanycustom8080inbound", "AllowAnyCustom8080Inbound_2"])).toBe(
      "AllowAnyCustom8080Inbound_3",
    );
  });
});

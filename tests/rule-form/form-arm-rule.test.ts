import { describe, expect, it } from "vitest";
import { readRuleSets } from "../../src/lib/exercise-ui/format-conversion.ts";
import { securityRuleSchema, type SecurityRule } from "../../src/lib/nsg/rule-schema.ts";
import { parseSchema } from "../../src/lib/nsg/zod-issues.ts";
import { armRuleFromForm, formFromRule, splitList } from "../../src/lib/rule-form/form-arm-rule.ts";
import { blankRuleForm } from "../../src/lib/rule-form/rule-form-values.ts";
import { allExercises } from "../exercise-ui/support.ts";
import { armRule, paneWith } from "./support.ts";

const normalized = (raw: unknown): SecurityRule => {
  const parsed = parseSchema(securityRuleSchema, raw);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.value;
};

describe("the pane's values as a flat ARM rule", () => {
  it("open as the portal opens them: Any to Any, source ports *, Custom 8080, protocol Any, Allow", () => {
    expect(armRuleFromForm({ ...blankRuleForm("Outbound"), name: "r", priority: "100" })).toEqual({
      name: "r",
      priority: 100,
      direction: "Outbound",
      access: "Allow",
      protocol: "*",
      sourceAddressPrefix: "*",
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: "8080",
    });
  });

  it("write one address or port in the singular property and several in the plural one", () => {
    const rule = armRuleFromForm(
      paneWith({
        source: "ip-addresses",
        sourceAddresses: "10.0.0.0/16, 192.188.1.1",
        sourcePorts: "1024-65535",
        destination: "ip-addresses",
        destinationAddresses: " 10.0.1.4 ",
        destinationPorts: "80,443  8080-8090",
      }),
    );
    expect(rule).toMatchObject({
      sourceAddressPrefixes: ["10.0.0.0/16", "192.188.1.1"],
      sourcePortRange: "1024-65535",
      destinationAddressPrefix: "10.0.1.4",
      destinationPortRanges: ["80", "443", "8080-8090"],
    });
    expect(rule).not.toHaveProperty("sourceAddressPrefix");
    expect(rule).not.toHaveProperty("destinationPortRange");
  });

  it("write My IP address as that address, a service tag alone, and every chosen ASG", () => {
    expect(
      armRuleFromForm(
        paneWith({
          source: "my-ip",
          myIp: " 203.0.113.9 ",
          destination: "service-tag",
          destinationTag: "Internet",
        }),
      ),
    ).toMatchObject({ sourceAddressPrefix: "203.0.113.9", destinationAddressPrefix: "Internet" });
    const asgs = armRuleFromForm(
      paneWith({
        source: "asg",
        sourceAsgs: ["asg-web", "asg-app"],
        destination: "asg",
        destinationAsgs: ["asg-db"],
      }),
    );
    expect(asgs).toMatchObject({
      sourceApplicationSecurityGroups: ["asg-web", "asg-app"],
      destinationApplicationSecurityGroups: ["asg-db"],
    });
    expect(asgs).not.toHaveProperty("sourceAddressPrefix");
  });

  it("keep a priority that is not a number as text, and leave an empty description out", () => {
    expect(armRuleFromForm(paneWith({ priority: " 250 " })).priority).toBe(250);
    expect(armRuleFromForm(paneWith({ priority: "12.5" })).priority).toBe(12.5);
    expect(armRuleFromForm(paneWith({ priority: "high" })).priority).toBe("high");
    expect(armRuleFromForm(paneWith({ priority: "" }))).not.toHaveProperty("priority");
    expect(armRuleFromForm(paneWith({ description: "  " }))).not.toHaveProperty("description");
    expect(armRuleFromForm(paneWith({ description: "Web traffic" })).description).toBe("Web traffic");
  });

  it("split lists on commas and spaces, dropping empty entries", () => {
    expect(splitList(" 80, ,443 8080 ")).toEqual(["80", "443", "8080"]);
    expect(splitList("   ")).toEqual([]);
  });
});

describe("a rule opened in the pane", () => {
  it("shows each side as Any, IP addresses, a service tag or ASGs, and the service it is", () => {
    const values = formFromRule(
      normalized(
        armRule("Allow-SSH", 200, {
          sourceAddressPrefixes: ["10.0.0.0/16", "192.188.1.1"],
          sourceAddressPrefix: undefined,
          destinationAddressPrefix: "VirtualNetwork",
          destinationPortRange: "22",
          description: "Admins",
        }),
      ),
    );
    expect(values).toMatchObject({
      direction: "Inbound",
      source: "ip-addresses",
      sourceAddresses: "10.0.0.0/16, 192.188.1.1",
      destination: "service-tag",
      destinationTag: "VirtualNetwork",
      service: "SSH",
      destinationPorts: "22",
      protocol: "Tcp",
      access: "Allow",
      priority: "200",
      name: "Allow-SSH",
      description: "Admins",
    });
    const asg = formFromRule(
      normalized(
        armRule("Web-To-App", 300, {
          sourceAddressPrefix: undefined,
          sourceApplicationSecurityGroups: [
            "asg-web",
            { id: "/subscriptions/x/applicationSecurityGroups/asg-edge" },
          ],
          destinationPortRanges: ["8080", "8443"],
          destinationPortRange: undefined,
        }),
      ),
    );
    expect(asg).toMatchObject({
      source: "asg",
      sourceAsgs: ["asg-web", "asg-edge"],
      destination: "any",
      service: "Custom",
      destinationPorts: "8080, 8443",
    });
  });

  it("opens a single address as IP addresses (a rule does not record My IP address) and keeps ESP", () => {
    const values = formFromRule(
      normalized(armRule("Esp-In", 500, { protocol: "Esp", sourceAddressPrefix: "203.0.113.9" })),
    );
    expect(values).toMatchObject({
      source: "ip-addresses",
      sourceAddresses: "203.0.113.9",
      protocol: "Esp",
      myIp: "",
    });
  });

  it("comes back unchanged from the pane: every rule of every exercise's starter and solution", () => {
    let count = 0;
    for (const ex of allExercises()) {
      for (const text of [ex.solution, ex.starter]) {
        if (text === undefined) continue;
        const sets = readRuleSets(ex, text, /^\s*[{[]/.test(text) ? "json" : "azcli");
        if (!sets.ok) continue; // starters may be broken on purpose
        for (const rule of sets.value.flatMap((s) => s.rules)) {
          expect(normalized(armRuleFromForm(formFromRule(rule))), `${ex.id} ${rule.name}`).toEqual(rule);
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(20);
  });
});

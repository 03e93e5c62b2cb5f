import { describe, expect, it } from "vitest";
import {
  fieldOf,
  validateRuleForm,
  type RuleFormContext,
} from "../../src/lib/rule-form/validate-rule-form.ts";
import type { RuleFormValues } from "../../src/lib/rule-form/rule-form-values.ts";
import { armRule, network, paneWith } from "./support.ts";

const inWeb: RuleFormContext = { topology: network(), nsg: "nsg-web" };

/** Each problem as "field code: message". */
const problems = (over: Partial<RuleFormValues>, context: RuleFormContext = inWeb) => {
  const result = validateRuleForm(paneWith(over), context);
  return result.ok ? [] : result.errors.map((e) => `${fieldOf(e) ?? "(form)"} ${e.code}: ${e.message}`);
};

describe("the pane's check, at the field that has the problem", () => {
  it("accepts a valid rule and returns it normalized, as the grader stores it", () => {
    const result = validateRuleForm(
      paneWith({
        service: "HTTPS",
        protocol: "Tcp",
        destinationPorts: "443",
        priority: "400",
        name: "Allow-Web",
      }),
      inWeb,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: "Allow-Web",
        priority: 400,
        direction: "Inbound",
        protocol: "Tcp",
        sourceAddressPrefixes: ["*"],
        destinationPortRanges: ["443"],
        sourceApplicationSecurityGroups: [],
      },
    });
  });

  it("priority: a whole number from 100 to 4096, required", () => {
    expect(problems({ priority: "5000" })).toEqual([
      "priority priority-out-of-range: priority 5000 is out of range: custom rules use whole numbers from 100 to 4096",
    ]);
    expect(problems({ priority: "99" })).toEqual([
      "priority priority-out-of-range: priority 99 is out of range: custom rules use whole numbers from 100 to 4096",
    ]);
    expect(problems({ priority: "150.5" })).toEqual([
      "priority priority-out-of-range: priority 150.5 is out of range: custom rules use whole numbers from 100 to 4096",
    ]);
    expect(problems({ priority: "high" })).toEqual(["priority invalid-type: priority must be a number"]);
    expect(problems({ priority: " " })).toEqual([
      "priority missing-field: Enter a priority: a whole number from 100 to 4096",
    ]);
  });

  it("port ranges: a port, a low-high range, a list of them or *, on the side they belong to", () => {
    expect(problems({ destinationPorts: "70000" })).toEqual([
      "destinationPorts invalid-port: port 70000 is out of range (0-65535)",
    ]);
    expect(problems({ destinationPorts: "80, 30-20" })).toEqual([
      "destinationPorts invalid-port: port range 30-20 starts after it ends; write 20-30",
    ]);
    expect(problems({ sourcePorts: "any" })).toEqual([
      'sourcePorts invalid-port: "any" is not a port, a range like 20-21, or *',
    ]);
    expect(problems({ sourcePorts: "" })).toEqual([
      "sourcePorts missing-field: Enter the source port ranges: a port (80), a range (1024-65535), a comma-separated list of them, or * for any port",
    ]);
  });

  it("IP addresses: each an address or a CIDR range with no host bits, a tag or * sent to its own choice", () => {
    expect(problems({ source: "ip-addresses", sourceAddresses: "10.0.0.0/16, 10.1.0.5/24" })).toEqual([
      'sourceAddresses cidr-host-bits-set: "10.1.0.5/24" has host bits set; the network is 10.1.0.0/24',
    ]);
    expect(problems({ destination: "ip-addresses", destinationAddresses: "10.0.0.0/33" })).toEqual([
      'destinationAddresses invalid-cidr: "10.0.0.0/33": an IPv4 prefix length is 0 to 32',
    ]);
    expect(problems({ source: "ip-addresses", sourceAddresses: "Internet" })).toEqual([
      'sourceAddresses invalid-ip: "Internet" is not a valid IPv4 or IPv6 address; for a service tag choose Service Tag as the source',
    ]);
    expect(problems({ destination: "ip-addresses", destinationAddresses: "*" })).toEqual([
      'destinationAddresses invalid-ip: "*" is not a valid IPv4 or IPv6 address; for every address choose Any as the destination',
    ]);
    expect(problems({ source: "ip-addresses", sourceAddresses: " , " })).toEqual([
      "sourceAddresses missing-field: Enter the source IP addresses or CIDR ranges, such as 10.0.0.0/16, 192.188.1.1",
    ]);
  });

  it("My IP address: the learner's own address, which NSG Lab cannot see", () => {
    expect(problems({ source: "my-ip", myIp: "" })).toEqual([
      "myIp missing-field: Type your public IP address: NSG Lab cannot see it (see why above)",
    ]);
    expect(problems({ source: "my-ip", myIp: "203.0.113" })).toEqual([
      'myIp invalid-ip: "203.0.113" is not a valid IPv4 or IPv6 address',
    ]);
    expect(problems({ source: "my-ip", myIp: "203.0.113.0/24" })).toEqual([
      'myIp invalid-ip: "203.0.113.0/24" is not a valid IPv4 or IPv6 address',
    ]);
    expect(problems({ source: "my-ip", myIp: "2001:db8::7" })).toEqual([]);
  });

  it("name: Azure's naming rules, unique in the NSG whatever the case", () => {
    expect(problems({ name: "Allow web" })).toEqual([
      'name invalid-rule-name: rule name "Allow web" must start with a letter or digit, end with a letter, digit or underscore, and use only letters, digits, "_", "." and "-"',
    ]);
    expect(problems({ name: "" })).toEqual([
      "name invalid-rule-name: rule name must be 1 to 80 characters (it has 0)",
    ]);
    expect(problems({ name: "a".repeat(81) })).toEqual([
      "name invalid-rule-name: rule name must be 1 to 80 characters (it has 81)",
    ]);
    expect(problems({ name: "allow-https" })).toEqual([
      "name duplicate-rule-name: “Allow-HTTPS” is already the name of inbound rule 300 in nsg-web: names are unique in an NSG, whatever their case",
    ]);
  });

  it("priority: unique among the rules of one direction only", () => {
    expect(problems({ priority: "300" })).toEqual([
      'priority duplicate-priority: priority 300 is already used by inbound rule "Allow-HTTPS"; each inbound rule needs its own priority',
    ]);
    // Deny-Out has 300 too, but outbound.
    expect(problems({ priority: "300", direction: "Outbound" })).toEqual([
      'priority duplicate-priority: priority 300 is already used by outbound rule "Deny-Out"; each outbound rule needs its own priority',
    ]);
    expect(problems({ priority: "300" }, { topology: network(), nsg: "nsg-app" })).toEqual([]);
  });

  it("an edited rule does not clash with itself", () => {
    const editing: RuleFormContext = { ...inWeb, editing: 0 };
    expect(problems({ name: "Allow-HTTPS", priority: "300" }, editing)).toEqual([]);
    expect(problems({ name: "Deny-Out", priority: "300" }, editing)).toEqual([
      "name duplicate-rule-name: “Deny-Out” is already the name of outbound rule 300 in nsg-web: names are unique in an NSG, whatever their case",
    ]);
  });

  it("description: at most 140 characters", () => {
    expect(problems({ description: "x".repeat(141) })).toEqual([
      "description value-too-long: description is 141 characters; Azure allows 140",
    ]);
    expect(problems({ description: "x".repeat(140) })).toEqual([]);
  });

  it("service tags and ASGs: chosen, and known to the scenario", () => {
    expect(problems({ source: "service-tag", sourceTag: "" })).toEqual([
      "sourceTag missing-field: Choose the source service tag",
    ]);
    expect(problems({ destination: "service-tag", destinationTag: "Storage.WestEurope" })).toEqual([]);
    expect(problems({ destination: "service-tag", destinationTag: "Sql.EastUS" })).toEqual([
      'destinationTag unknown-service-tag: unknown service tag "Sql.EastUS": use VirtualNetwork, AzureLoadBalancer, Internet, an AzurePlatform tag (DNS, IMDS, LKM), *, an IP address or a CIDR range',
    ]);
    expect(problems({ source: "asg", sourceAsgs: [] })).toEqual([
      "sourceAsgs missing-field: Choose at least one source application security group",
    ]);
    expect(problems({ destination: "asg", destinationAsgs: ["asg-app", "asg-db"] })).toEqual([
      'destinationAsgs unknown-asg: application security group "asg-db" is not defined in this scenario',
    ]);
  });

  it("ASGs on both sides must have their NICs in one virtual network", () => {
    expect(
      problems({ source: "asg", sourceAsgs: ["asg-web"], destination: "asg", destinationAsgs: ["asg-app"] }),
    ).toEqual([]);
    expect(
      problems({ source: "asg", sourceAsgs: ["asg-web"], destination: "asg", destinationAsgs: ["asg-far"] }),
    ).toEqual([
      'destinationAsgs asg-vnet-mismatch: rule "Allow-Test" uses application security groups as source and destination, so their NICs must all be in one virtual network (found "vnet-a" and "vnet-b")',
    ]);
  });

  it("reports every field at once, one message per field", () => {
    expect(
      problems({
        priority: "1",
        name: "-bad",
        sourcePorts: "x",
        source: "ip-addresses",
        sourceAddresses: "",
      }),
    ).toEqual([
      "sourceAddresses missing-field: Enter the source IP addresses or CIDR ranges, such as 10.0.0.0/16, 192.188.1.1",
      'name invalid-rule-name: rule name "-bad" must start with a letter or digit, end with a letter, digit or underscore, and use only letters, digits, "_", "." and "-"',
      "priority priority-out-of-range: priority 1 is out of range: custom rules use whole numbers from 100 to 4096",
      'sourcePorts invalid-port: "x" is not a port, a range like 20-21, or *',
    ]);
  });

  it("says so when the NSG is not in the network", () => {
    expect(problems({}, { topology: network([armRule("A", 100)]), nsg: "nsg-gone" })).toEqual([
      '(form) unknown-nsg: NSG "nsg-gone" is not in this network',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  EMPTY_FLOW_FORM,
  endpointOptions,
  fieldOf,
  formFromFlow,
  validateFlowForm,
  type FlowFormValues,
} from "../../src/lib/playground/flow-form.ts";
import { parseScenario } from "../../src/lib/playground/parse-scenario.ts";
import { twoVmScenario } from "./scenario.ts";

const parsed = parseScenario(twoVmScenario({}));
if (!parsed.ok) throw new Error("scenario");
const topology = parsed.value.topology;
const form = (over: Partial<FlowFormValues>): FlowFormValues => ({ ...EMPTY_FLOW_FORM, ...over });
const errors = (values: FlowFormValues) => {
  const result = validateFlowForm(values, topology);
  return result.ok ? [] : result.errors.map((e) => `${fieldOf(e)}: ${e.message}`);
};

describe("the flow form", () => {
  it("lists VMs, then NICs, with their addresses", () => {
    expect(endpointOptions(topology).map((o) => `${o.kind} ${o.label}`)).toEqual([
      "vm web-vm (VM, 10.0.1.4, public 20.1.2.3)",
      "vm app-vm (VM, 10.0.2.4)",
      "nic web-nic (NIC of web-vm, 10.0.1.4, public 20.1.2.3)",
      "nic app-nic (NIC of app-vm, 10.0.2.4)",
    ]);
  });

  it("turns a complete form into a flow", () => {
    expect(
      validateFlowForm(
        form({
          from: " 198.51.100.5 ",
          to: "web-nic",
          protocol: "tcp",
          sourcePort: "51000",
          port: "21",
          response: true,
        }),
        topology,
      ),
    ).toEqual({
      ok: true,
      value: {
        from: "198.51.100.5",
        to: "web-nic",
        protocol: "Tcp",
        sourcePort: 51000,
        port: 21,
        response: true,
      },
    });
  });

  it("leaves the source port out when empty, and ports out for ICMP", () => {
    expect(validateFlowForm(form({ from: "web-vm", to: "app-vm", port: "80" }), topology)).toEqual({
      ok: true,
      value: { from: "web-vm", to: "app-vm", protocol: "Tcp", port: 80 },
    });
    expect(
      validateFlowForm(form({ from: "web-vm", to: "app-vm", protocol: "Icmp", port: "not used" }), topology),
    ).toEqual({ ok: true, value: { from: "web-vm", to: "app-vm", protocol: "Icmp" } });
  });

  it("ties each problem to its field", () => {
    expect(errors(form({}))).toEqual([
      "from: Choose where the flow comes from: a VM, a NIC, or type an IP address",
      "to: Choose where the flow goes: a VM, a NIC, or type an IP address",
      "port: A Tcp flow needs a destination port (0 to 65535)",
    ]);
    expect(
      errors(form({ from: "web-mv", to: "web-vm", protocol: "Udp", sourcePort: "-1", port: "70000" })),
    ).toEqual([
      'from: "web-mv" is not a VM, a NIC or an IP address of this scenario',
      'sourcePort: The source port must be a whole number from 0 to 65535 (not "-1")',
      'port: The destination port must be a whole number from 0 to 65535 (not "70000")',
    ]);
    expect(errors(form({ from: "web-vm", to: "web-vm", protocol: "Gre", port: "1" }))).toEqual([
      "to: The flow needs two different endpoints",
      "protocol: Protocol must be one of Tcp, Udp, Icmp, Esp, Ah",
    ]);
  });

  it("gives each problem the code the evaluator would give it, with the field as its path", () => {
    const result = validateFlowForm(
      form({ from: "web-mv", to: "web-mv", protocol: "Tcp", sourcePort: "-1", port: "" }),
      topology,
    );
    expect(!result.ok && result.errors.map((e) => [e.code, e.path])).toEqual([
      ["unknown-endpoint", ["from"]],
      ["unknown-endpoint", ["to"]],
      ["flow-to-self", ["to"]],
      ["invalid-port", ["sourcePort"]],
      ["missing-port", ["port"]],
    ]);
  });

  it("fills the form from a sample flow", () => {
    expect(formFromFlow({ from: "a", to: "b", protocol: "Udp", port: 53 })).toEqual({
      from: "a",
      to: "b",
      protocol: "Udp",
      sourcePort: "",
      port: "53",
      response: false,
    });
  });
});

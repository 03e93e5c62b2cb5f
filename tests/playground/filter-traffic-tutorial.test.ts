/**
 * Microsoft Learn's "Filter network traffic with a network security group using the Azure CLI"
 * (tests/formats/fixtures/docs/SOURCES.md), pasted whole into the
 * playground's changes on the blank scenario: it builds the network it describes, and its flows
 * get the verdicts worked out by hand from the page's rules below.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deciderLabel } from "../../src/lib/grader/trace.ts";
import type { FlowInput } from "../../src/lib/nsg/flow-schema.ts";
import { BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { builtNetwork, builtNetworkCaption } from "../../src/lib/playground/built-network.ts";
import { compilePlayground } from "../../src/lib/playground/compile-playground.ts";
import { joinMessages } from "../../src/lib/result.ts";

const TUTORIAL = readFileSync(
  new URL("../formats/fixtures/docs/tutorial-filter-network-traffic-cli.sh", import.meta.url),
  "utf8",
);
const EMPTY_SCENARIO = "subscription: pay-as-you-go\ntopology: {}\n";

function built(scenario = BLANK_SCENARIO) {
  const model = compilePlayground(scenario, TUTORIAL);
  if (!model.evaluator) throw new Error(joinMessages([...model.scenarioErrors, ...model.cliErrors]));
  return { model, evaluator: model.evaluator };
}

function decide(flow: FlowInput, scenario?: string) {
  const verdict = built(scenario).evaluator.evaluate(flow);
  if (!verdict.ok) throw new Error(joinMessages(verdict.errors));
  return `${verdict.value.access} by ${deciderLabel(verdict.value)}`;
}

const internet = "203.0.113.10";

describe("the filter-traffic tutorial pasted on the blank scenario", () => {
  it("builds the tutorial's VNet, subnet (with myNsg), ASGs and two VMs beside the scenario's own", () => {
    const { topology } = built().evaluator.network;
    const vnet = topology.vnets.find((v) => v.name === "myVirtualNetwork");
    expect(vnet).toMatchObject({
      addressSpace: ["10.0.0.0/16"],
      subnets: [{ name: "mySubnet", addressPrefix: "10.0.0.0/24", nsg: "myNsg" }],
    });
    expect(topology.asgs).toEqual(["myAsgWebServers", "myAsgMgmtServers"]);
    // Dynamic addresses: the first free after the four Azure reserves; no NIC NSG (--nsg "").
    expect(topology.vms.filter((vm) => vm.name.startsWith("myVm"))).toEqual([
      {
        name: "myVmWeb",
        nics: [
          {
            name: "myVmWebVMNic",
            subnet: "myVirtualNetwork/mySubnet",
            privateIp: "10.0.0.4",
            publicIp: "192.0.2.1",
            asgs: ["myAsgWebServers"],
          },
        ],
      },
      {
        name: "myVmMgmt",
        nics: [
          {
            name: "myVmMgmtVMNic",
            subnet: "myVirtualNetwork/mySubnet",
            privateIp: "10.0.0.5",
            publicIp: "192.0.2.2",
            asgs: ["myAsgMgmtServers"],
          },
        ],
      },
    ]);
    expect(topology.vms.map((vm) => vm.name)).toEqual(["vm-web", "vm-db", "myVmWeb", "myVmMgmt"]);
  });

  it("notes the resource group commands and each invented public IP, and reports no error", () => {
    const { model } = built();
    expect(model.cliErrors).toEqual([]);
    expect(model.cliWarnings.map((w) => `${w.code} ${w.span?.line}`)).toEqual([
      "az-command-noted 1",
      "az-command-noted 82",
      "invented-public-ip 62",
      "invented-public-ip 73",
    ]);
    // 192.0.2.50 is the blank scenario's own public IP, so it is never handed out.
    expect(model.cliWarnings[2]!.message).toContain("192.0.2.1");
  });

  it("tells the diagram what it built and which public addresses NSG Lab chose", () => {
    const { model, evaluator } = built();
    const summary = builtNetwork(model.scenario!.topology, evaluator.network.topology);
    expect(summary).toEqual({
      vms: ["myVmWeb", "myVmMgmt"],
      inventedPublicIps: [
        { nic: "myVmWebVMNic", address: "192.0.2.1" },
        { nic: "myVmMgmtVMNic", address: "192.0.2.2" },
      ],
    });
    expect(builtNetworkCaption(summary)).toEqual([
      "Built by the az CLI changes: VMs myVmWeb, myVmMgmt.",
      "Public addresses chosen by NSG Lab from documentation ranges, since Azure picks them only when it creates the resource: myVmWebVMNic 192.0.2.1, myVmMgmtVMNic 192.0.2.2.",
    ]);
    expect(builtNetworkCaption(builtNetwork(model.scenario!.topology, model.scenario!.topology))).toEqual([]);
  });

  // Verdicts derived by hand from the page's rules on myNsg (subnet): Allow-Web-All (100,
  // Internet → myAsgWebServers TCP 80, 443), Allow-SSH-All (110, Internet → myAsgMgmtServers
  // TCP 22), then the default rules. Neither NIC has an NSG.
  it("lets the internet reach the web VM on 80 and 443 through Allow-Web-All", () => {
    expect(decide({ from: internet, to: "myVmWeb", protocol: "Tcp", port: 80 })).toBe(
      "Allow by myNsg/Allow-Web-All (100)",
    );
    expect(decide({ from: internet, to: "myVmWeb", protocol: "Tcp", port: 443 })).toBe(
      "Allow by myNsg/Allow-Web-All (100)",
    );
  });

  it("lets the internet SSH to the management VM through Allow-SSH-All, as the page's ssh step does", () => {
    expect(decide({ from: internet, to: "myVmMgmt", protocol: "Tcp", port: 22 })).toBe(
      "Allow by myNsg/Allow-SSH-All (110)",
    );
  });

  it("denies SSH from the internet to the web VM (DenyAllInBound), and the web port on the management VM", () => {
    expect(decide({ from: internet, to: "myVmWeb", protocol: "Tcp", port: 22 })).toBe(
      "Deny by myNsg/DenyAllInBound (65500)",
    );
    expect(decide({ from: internet, to: "myVmMgmt", protocol: "Tcp", port: 80 })).toBe(
      "Deny by myNsg/DenyAllInBound (65500)",
    );
  });

  it("lets the management VM SSH to the web VM (AllowVnetInBound) and the web VM fetch nginx (AllowInternetOutBound)", () => {
    expect(decide({ from: "myVmMgmt", to: "myVmWeb", protocol: "Tcp", port: 22 })).toBe(
      "Allow by myNsg/AllowVnetInBound (65000)",
    );
    expect(decide({ from: "myVmWeb", to: "198.51.100.80", protocol: "Tcp", port: 80 })).toBe(
      "Allow by myNsg/AllowInternetOutBound (65001)",
    );
  });

  it("builds the same network on a scenario with no network at all", () => {
    const { topology } = built(EMPTY_SCENARIO).evaluator.network;
    expect(topology.vms.map((vm) => [vm.name, vm.nics[0]!.privateIp, vm.nics[0]!.publicIp])).toEqual([
      ["myVmWeb", "10.0.0.4", "192.0.2.1"],
      ["myVmMgmt", "10.0.0.5", "192.0.2.2"],
    ]);
    expect(decide({ from: internet, to: "myVmWeb", protocol: "Tcp", port: 80 }, EMPTY_SCENARIO)).toBe(
      "Allow by myNsg/Allow-Web-All (100)",
    );
  });
});

describe("az commands on a built network fail where Azure would, at the command", () => {
  it("a second tutorial run re-creates nothing silently: its VMs already exist", () => {
    const model = compilePlayground(BLANK_SCENARIO, `${TUTORIAL}\n${TUTORIAL}`);
    const errors = model.cliErrors.filter((e) => e.severity !== "warning");
    expect(errors.map((e) => `${e.code} ${e.span?.line}`)).toEqual([
      // The second vnet create is a PUT that would delete mySubnet, which the VMs use.
      "subnet-in-use 129",
      // Each az vm create would make a NIC and a VM that exist already.
      "duplicate-name 145",
      "duplicate-name 145",
      "duplicate-name 156",
      "duplicate-name 156",
    ]);
    expect(errors[1]!.message).toBe(
      'NIC "myVmWebVMNic" already exists (on VM "myVmWeb"); give the new NIC another name',
    );
  });
});

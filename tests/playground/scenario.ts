import { compilePlayground } from "../../src/lib/playground/compile-playground.ts";
import type { Evaluator } from "../../src/lib/nsg/evaluator.ts";

/** A rule in flat ARM shape with permissive defaults, as the tests write them. */
export const rule = (name: string, priority: number, over: Record<string, unknown> = {}) => ({
  name,
  priority,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "*",
  ...over,
});

/**
 * web (10.0.1.4, public 20.1.2.3) and app (10.0.2.4) in one VNet; optional NSGs on web's
 * subnet, web's NIC and app's NIC. Written as JSON text, the way the playground reads it.
 */
export function twoVmScenario(
  nsgs: { webSubnet?: unknown[]; webNic?: unknown[]; appNic?: unknown[] },
  subscription = "pay-as-you-go",
): string {
  const doc = {
    subscription,
    topology: {
      vnets: [
        {
          name: "vnet",
          addressSpace: ["10.0.0.0/16"],
          subnets: [
            {
              name: "web",
              addressPrefix: "10.0.1.0/24",
              ...(nsgs.webSubnet ? { nsg: "web-subnet-nsg" } : {}),
            },
            { name: "app", addressPrefix: "10.0.2.0/24" },
          ],
        },
      ],
      vms: [
        {
          name: "web-vm",
          nics: [
            {
              name: "web-nic",
              subnet: "vnet/web",
              privateIp: "10.0.1.4",
              publicIp: "20.1.2.3",
              ...(nsgs.webNic ? { nsg: "web-nic-nsg" } : {}),
            },
          ],
        },
        {
          name: "app-vm",
          nics: [
            {
              name: "app-nic",
              subnet: "vnet/app",
              privateIp: "10.0.2.4",
              ...(nsgs.appNic ? { nsg: "app-nic-nsg" } : {}),
            },
          ],
        },
      ],
      nsgs: [
        ...(nsgs.webSubnet ? [{ name: "web-subnet-nsg", securityRules: nsgs.webSubnet }] : []),
        ...(nsgs.webNic ? [{ name: "web-nic-nsg", securityRules: nsgs.webNic }] : []),
        ...(nsgs.appNic ? [{ name: "app-nic-nsg", securityRules: nsgs.appNic }] : []),
      ],
    },
  };
  return JSON.stringify(doc, null, 2);
}

export function evaluatorFor(scenarioText: string, cli = ""): Evaluator {
  const model = compilePlayground(scenarioText, cli);
  if (!model.evaluator) throw new Error(JSON.stringify([...model.scenarioErrors, ...model.cliErrors]));
  return model.evaluator;
}

import {
  armProperties,
  asgIdOf,
  NSG_API_VERSION,
  type ExportOptions,
  type NsgRuleSet,
} from "./rule-properties.ts";

/**
 * Rules as an ARM deployment template: one `Microsoft.Network/networkSecurityGroups` resource
 * per NSG with its `securityRules` as `{ name, properties }`. ASG references are literal
 * `{ "id": "/subscriptions/.../applicationSecurityGroups/<name>" }` objects (no template
 * expressions), so the file reads back as plain JSON.
 */
export function armTemplate(nsgs: readonly NsgRuleSet[], options: ExportOptions = {}) {
  return {
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    contentVersion: "1.0.0.0",
    parameters: {
      location: { type: "string", defaultValue: "[resourceGroup().location]" },
    },
    resources: nsgs.map(({ nsg, rules }) => ({
      type: "Microsoft.Network/networkSecurityGroups",
      apiVersion: NSG_API_VERSION,
      name: nsg,
      location: "[parameters('location')]",
      properties: {
        securityRules: rules.map((rule) => ({
          name: rule.name,
          properties: armProperties(rule, (asg) => ({ id: asgIdOf(asg, options) })),
        })),
      },
    })),
  };
}

export function exportArm(nsgs: readonly NsgRuleSet[], options: ExportOptions = {}): string {
  return `${JSON.stringify(armTemplate(nsgs, options), null, 2)}\n`;
}

import { DEFAULT_RESOURCE_GROUP, parseResourceId, PLACEHOLDER_SUBSCRIPTION } from "../azcli/resource-ids.ts";

/**
 * The `.Id` of the objects a script holds, shaped as Azure returns them
 * (`/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/<type>/<name>[/<child>/<name>]`),
 * and the way back from an ID a script passes (-NetworkSecurityGroupId, -SubnetId) to a name.
 */

export type NetworkType =
  | "networkSecurityGroups"
  | "virtualNetworks"
  | "networkInterfaces"
  | "applicationSecurityGroups"
  | "publicIPAddresses";

export function networkId(
  type: NetworkType,
  name: string,
  resourceGroup: string | undefined,
  child?: { type: string; name: string },
): string {
  const base = `/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/${resourceGroup || DEFAULT_RESOURCE_GROUP}/providers/Microsoft.Network/${type}/${name}`;
  return child ? `${base}/${child.type}/${child.name}` : base;
}

/** The names an ID holds when it is of `types` (lower-case), e.g. ["vnet-1", "subnet-1"]; undefined otherwise. */
export function namesInId(id: string, ...types: string[]): string[] | undefined {
  const parsed = parseResourceId(id);
  if (!parsed || parsed.types.length !== types.length) return undefined;
  return parsed.types.every((t, i) => t === types[i]!.toLowerCase()) ? parsed.names : undefined;
}

/** A VM's ID, as Get-AzVM returns it (in the lab's one resource group unless named). */
export const vmId = (name: string, resourceGroup?: string): string =>
  `/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/${resourceGroup || DEFAULT_RESOURCE_GROUP}/providers/Microsoft.Compute/virtualMachines/${name}`;

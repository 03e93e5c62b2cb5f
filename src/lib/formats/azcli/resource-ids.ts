/**
 * Azure resource IDs as the CLI builds and reads them. The lab has no real subscription, so
 * generated IDs carry an all-zero placeholder (the shape Azure's own docs use in examples).
 */

export const PLACEHOLDER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
export const DEFAULT_RESOURCE_GROUP = "nsg-lab-rg";

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/applicationSecurityGroups/<name>` */
export function asgResourceId(
  name: string,
  resourceGroup: string,
  subscription = PLACEHOLDER_SUBSCRIPTION,
): string {
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/applicationSecurityGroups/${name}`;
}

export const isResourceId = (value: string): boolean => /^\/subscriptions\//i.test(value);

/** The last segment of an ID, or the value itself when it is a plain name (az accepts both). */
export const nameFromIdOrName = (value: string): string =>
  isResourceId(value) ? (value.split("/").filter(Boolean).pop() ?? value) : value;

export interface ParsedResourceId {
  subscription: string;
  resourceGroup: string;
  /** Resource type segments after the provider namespace, lower-cased: ["networksecuritygroups", "securityrules"]. */
  types: string[];
  /** Names matching `types`: ["web-nsg", "allow-http"]. */
  names: string[];
}

/** Reads `/subscriptions/s/resourceGroups/rg/providers/Ns/type/name[/childType/childName...]`. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const parts = id.split("/").filter((p) => p.length > 0);
  if (parts.length < 8 || parts.length % 2 !== 0) return undefined;
  if (
    parts[0]!.toLowerCase() !== "subscriptions" ||
    parts[2]!.toLowerCase() !== "resourcegroups" ||
    parts[4]!.toLowerCase() !== "providers"
  ) {
    return undefined;
  }
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 6; i < parts.length; i += 2) {
    types.push(parts[i]!.toLowerCase());
    names.push(parts[i + 1]!);
  }
  return { subscription: parts[1]!, resourceGroup: parts[3]!, types, names };
}

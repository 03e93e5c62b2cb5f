/** The fields only a security rule has, in ARM's spelling and the order az and ARM print them. */
export const RULE_ONLY_FIELDS = [
  "priority",
  "direction",
  "access",
  "protocol",
  "sourceAddressPrefix",
  "sourceAddressPrefixes",
  "sourcePortRange",
  "sourcePortRanges",
  "destinationAddressPrefix",
  "destinationAddressPrefixes",
  "destinationPortRange",
  "destinationPortRanges",
  "sourceApplicationSecurityGroups",
  "destinationApplicationSecurityGroups",
] as const;

/** Every field of a rule, in print order: its name, the rule's own fields, then its description. */
export const RULE_FIELD_ORDER = ["name", ...RULE_ONLY_FIELDS, "description"] as const;

/** Azure CLI scripts as a learner rule format (see parse-az-cli.ts). */
export { parseAzCli } from "./parse-az-cli.ts";
export type { AzCliOptions } from "./script-state.ts";
export { detectDialect, type Dialect } from "./dialect.ts";
export { PLACEHOLDER_SUBSCRIPTION, DEFAULT_RESOURCE_GROUP, asgResourceId } from "./resource-ids.ts";

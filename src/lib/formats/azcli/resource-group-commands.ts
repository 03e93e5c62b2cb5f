import type { ArgSpec } from "./arg-parser.ts";
import { NO_WAIT, type AzCommand, type CommandContext } from "./command.ts";

/**
 * `az group create` and `az group delete`, with the arguments azure-cli registers for them
 * (`--name` is also `--resource-group`, and create needs `--location`). They change no network
 * NSG Lab builds: the scenario is its own resource group, and deleting it would leave nothing
 * to trace. So each is noted, as a tutorial's set-up and clean-up steps, and recorded as an
 * Azure step (azure-steps.ts), with whether it runs as the script's clean-up.
 */

const NAME: ArgSpec = {
  key: "name",
  names: ["--name", "--resource-group", "-n", "-g"],
  kind: "value",
  required: true,
};

function record(ctx: CommandContext, action: "create" | "delete", why: string): void {
  const name = ctx.args.get("name")!.values[0]!;
  ctx.report(
    "az-command-noted",
    `"az group ${action}" ${why}: it changes no NSG rule, so NSG Lab notes it and goes on`,
    ctx.nameSpan,
    "warning",
  );
  ctx.state.recordStep((span) => ({ kind: "resource-group", action, name: name.text, span: span(ctx.span) }));
}

const missing = (ctx: CommandContext, command: AzCommand): boolean => {
  const absent = command.args.filter((a) => a.required && !ctx.args.has(a.key));
  if (absent.length === 0) return false;
  ctx.report(
    "missing-argument",
    `the following arguments are required: ${absent.map((a) => a.names.join("/")).join(", ")}`,
    ctx.nameSpan,
  );
  return true;
};

export const groupCreate: AzCommand = {
  path: "group create",
  args: [
    NAME,
    { key: "location", names: ["--location", "-l"], kind: "value", required: true },
    { key: "tags", names: ["--tags"], kind: "list0" },
    { key: "managedBy", names: ["--managed-by"], kind: "value" },
  ],
  run(ctx) {
    if (!missing(ctx, this))
      record(ctx, "create", "creates the resource group, which the scenario already has");
  },
};

export const groupDelete: AzCommand = {
  path: "group delete",
  args: [
    NAME,
    { key: "yes", names: ["--yes", "-y"], kind: "flag" },
    { key: "forceDeletionTypes", names: ["--force-deletion-types", "-f"], kind: "value" },
    NO_WAIT,
  ],
  run(ctx) {
    if (!missing(ctx, this))
      record(
        ctx,
        "delete",
        "deletes the resource group and everything in it (a tutorial's clean-up step); NSG Lab keeps the network so you can go on tracing",
      );
  },
};

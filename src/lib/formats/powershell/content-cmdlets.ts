import { ignored } from "./cmdlet-args.ts";
import type { Cmdlet } from "./cmdlets.ts";
import { textOf } from "./params.ts";

/**
 * Cmdlets of Microsoft.PowerShell.Management and .Utility a script uses around Azure:
 * Set-Content and Add-Content write (or add to) a file on the machine running the script, which
 * changes nothing in Azure, so they are noted once their -Path and -Value are read; Get-Random
 * gives a number to make a name unique, which reads as its lowest possible value (-Minimum, else
 * 0), since the number drawn is unknown until the script runs.
 */

const contentCmdlet = (name: string, verb: string): Cmdlet => ({
  name,
  params: [
    { name: "Path", kind: "value", mandatory: true, aliases: ["LiteralPath", "PSPath", "LP"] },
    { name: "Value", kind: "value", mandatory: true, fromPipeline: true },
    ignored("Encoding"),
    ignored("NoNewline", "switch"),
    ignored("Force", "switch"),
    ignored("PassThru", "switch"),
  ],
  run(ctx) {
    if (!textOf(this.name, "Path", ctx.bound.get("Path"), ctx.report)) return undefined;
    ctx.report(
      "cmdlet-noted",
      `${this.name} ${verb} a file on the machine running the script: it changes nothing in Azure, so NSG Lab notes it and goes on`,
      ctx.nameAt,
      "warning",
    );
    return { kind: "null", at: ctx.command };
  },
});

const getRandom: Cmdlet = {
  name: "Get-Random",
  params: [{ name: "Minimum", kind: "value" }, ignored("Maximum"), ignored("SetSeed")],
  run(ctx) {
    const min = ctx.bound.has("Minimum")
      ? textOf(this.name, "Minimum", ctx.bound.get("Minimum"), ctx.report)
      : { text: "0" };
    return min && { kind: "string", text: min.text, at: ctx.command };
  },
};

export const CONTENT_CMDLETS: readonly Cmdlet[] = [
  contentCmdlet("Set-Content", "writes"),
  contentCmdlet("Add-Content", "adds to"),
  getRandom,
];

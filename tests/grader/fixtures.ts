import { readFileSync } from "node:fs";
import { loadExercise } from "../../src/lib/grader/index.ts";
import type { Exercise } from "../../src/lib/grader/index.ts";

export function exerciseFile(name: string): Exercise {
  const loaded = loadExercise(readFileSync(new URL(`../../graders/${name}`, import.meta.url), "utf8"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

/** The least-privilege answer to ftp-active (lesson 7's rule 1), with fields overridden. */
export const ftpRule = (over: Record<string, unknown> = {}) => ({
  name: "Allow-FTP-Control-Studio",
  priority: 200,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "198.51.100.0/28",
  sourcePortRange: "*",
  destinationAddressPrefix: "10.0.3.4",
  destinationPortRange: "21",
  ...over,
});

export const json = (rules: unknown[]) => JSON.stringify({ "nsg-snet-ingest": rules }, null, 2);

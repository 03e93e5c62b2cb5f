import { readFileSync } from "node:fs";
import { loadExercise } from "../../src/lib/grader/index.ts";
import type { Exercise } from "../../src/lib/grader/index.ts";

export function exerciseFile(name: string): Exercise {
  const loaded = loadExercise(readFileSync(new URL(`../../graders/${name}`, import.meta.url), "utf8"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

export const ftpRule = (over: Record<string, unknown> = {}) => ({
  name: "allow-ftp-from-studio",
  priority: 300,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "203.0.113.0/24",
  sourcePortRange: "*",
  destinationAddressPrefix: "10.0.1.4",
  destinationPortRange: "21",
  ...over,
});

export const json = (rules: unknown[]) => JSON.stringify({ "ingest-nsg": rules }, null, 2);

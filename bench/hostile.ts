/** The slowest adversarial input for each reader of untrusted text (see bench/adversarial.ts). */
import { ADVERSARIAL_INPUTS, READERS, trial, type Trial } from "./adversarial.ts";
import { ms, ratio } from "./measure.ts";

/** The speed goal for any input up to 64 KB (tests/hostile only guards against hangs, at 10×). */
const BUDGET_MS = 100;

export async function hostileBench(): Promise<void> {
  console.log("\n5. Hostile input: slowest 64 KB adversarial input per reader (fastest of 5 runs)");
  for (const reader of Object.keys(READERS)) {
    let slowest: Trial | undefined;
    for (const input of Object.keys(ADVERSARIAL_INPUTS)) {
      const result = await trial(reader, input, 5);
      if (!slowest || result.ms > slowest.ms) slowest = result;
    }
    if (!slowest) continue;
    console.log(
      `  ${reader.padEnd(32)} ${ms(slowest.ms).padStart(10)}  ${ratio(slowest.ms, BUDGET_MS)}  (${slowest.input})`,
    );
  }
}

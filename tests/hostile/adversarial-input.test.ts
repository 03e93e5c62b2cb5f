/**
 * The guard that stays: every reader of untrusted text (rules in each format, exercise files,
 * the playground, share and assignment links, submission files, saved browser state) gets every
 * adversarial input of bench/adversarial.ts, 64 KB each. None may throw, none may hang, and every
 * error about a learner's text says where it is. "Hang" is a second for the fastest of five runs:
 * ten times the speed goal, which `npm run bench` (section 5) measures against 100 ms. A reader
 * gone quadratic on 64 KB takes seconds, so the guard catches it; a busy machine (the suite runs
 * with coverage, beside other work) does not trip it, as a 100 ms ceiling did at 107 ms.
 */
import { describe, expect, it } from "vitest";
import { ADVERSARIAL_INPUTS, INPUT_BYTES, READERS, trial } from "../../bench/adversarial.ts";

const HANG_MS = 1_000;

describe("hostile and huge input", { timeout: 120_000 }, () => {
  it("fills every input out to the size the suite promises", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL_INPUTS)) {
      expect(text.length, name).toBeGreaterThan(INPUT_BYTES / 8);
      expect(new TextEncoder().encode(text).length, name).toBeLessThanOrEqual(INPUT_BYTES + 1024);
    }
  });

  for (const [readerName, reader] of Object.entries(READERS)) {
    it(`${readerName}: answers every adversarial input without hanging or throwing`, async () => {
      const problems: string[] = [];
      for (const inputName of Object.keys(ADVERSARIAL_INPUTS)) {
        const result = await trial(readerName, inputName, 5);
        if (result.thrown) problems.push(`${inputName}: threw ${result.thrown}`);
        else if (result.ms > HANG_MS) problems.push(`${inputName}: took ${result.ms.toFixed(0)} ms`);
        else if (result.answer && !result.answer.ok) {
          if (result.answer.messages.length === 0 || result.answer.messages.some((m) => m.trim() === ""))
            problems.push(`${inputName}: refused without saying why`);
          if (reader.text && !result.answer.located)
            problems.push(`${inputName}: an error without a location`);
          if (result.answer.messages.length > 201)
            problems.push(`${inputName}: ${result.answer.messages.length} errors listed`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

import { expect } from "vitest";
import type { Issue } from "../../src/lib/result.ts";

/** Every issue of a script reader is located inside the text and none is the internal-error net. */
export function expectLocated(issues: readonly Issue[], lineCount: number): void {
  for (const e of issues) {
    expect(e.message).not.toMatch(/internal error/);
    expect(e.span).toBeDefined();
    const s = e.span!;
    expect(s.line).toBeGreaterThanOrEqual(1);
    expect(s.column).toBeGreaterThanOrEqual(1);
    expect(s.endLine).toBeLessThanOrEqual(lineCount);
    expect(s.endLine > s.line || (s.endLine === s.line && s.endColumn >= s.column)).toBe(true);
  }
}

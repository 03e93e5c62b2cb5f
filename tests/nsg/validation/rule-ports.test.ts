/**
 * Ports: "an individual port or ranges of ports ... 80 or 10000-10005" (Azure NSG overview), an
 * integer or range between 0 and 65535, or * (ARM reference). Singular or plural, not both.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPorts, parsePortSpec } from "../../../src/lib/nsg/index.ts";
import { isValidPortSpec } from "../../../src/lib/nsg/ports.ts";
import { ruleIssuesWith } from "./issues.ts";

describe("port specs", () => {
  it("accept *, a port, and a range", () => {
    expect(parsePortSpec("*")).toEqual({ ok: true, value: [0, 65535] });
    expect(parsePortSpec("0")).toEqual({ ok: true, value: [0, 0] });
    expect(parsePortSpec("65535")).toEqual({ ok: true, value: [65535, 65535] });
    expect(parsePortSpec("20-21")).toEqual({ ok: true, value: [20, 21] });
    expect(parsePortSpec(" 1000 - 2000 ")).toEqual({ ok: true, value: [1000, 2000] });
  });

  it("read every text as the ARM reference's forms say, near-misses included", () => {
    // The reference, as the documentation words it: * , an integer, or two joined by a dash
    // (spaces around it allowed), each 0-65535, the range in order.
    const reference = (spec: string) => {
      const text = spec.trim();
      if (text === "*") return [0, 65535];
      const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text);
      if (!match) return "invalid";
      const lo = Number(match[1]);
      const hi = Number(match[2] ?? match[1]);
      return lo <= hi && hi <= 65535 ? [lo, hi] : "invalid";
    };
    const port = fc.oneof(fc.integer({ min: 0, max: 70000 }).map(String), fc.stringMatching(/^0\d{0,6}$/));
    const spec = fc.oneof(
      port,
      fc.tuple(port, port, fc.constantFrom("-", " - ", "--", "")).map(([a, b, dash]) => `${a}${dash}${b}`),
      fc.string({ unit: fc.constantFrom(..."0123456789-* ,"), maxLength: 12 }),
    );
    fc.assert(
      fc.property(spec, (text) => {
        const parsed = parsePortSpec(text);
        expect(parsed.ok ? parsed.value : "invalid").toEqual(reference(text));
        // Validation's check without the interval answers the same.
        expect(isValidPortSpec(text)).toBe(parsed.ok);
      }),
      { numRuns: 4000 },
    );
  });

  it("format back the way Azure writes them", () => {
    expect(
      formatPorts([
        [0, 65535],
        [80, 80],
        [20, 21],
      ]),
    ).toBe("*, 80, 20-21");
  });
});

describe("rule ports", () => {
  it("reject a port above 65535", () => {
    expect(ruleIssuesWith({ destinationPortRange: "65536" })).toEqual([
      {
        code: "invalid-port",
        message: "port 65536 is out of range (0-65535)",
        path: ["destinationPortRange"],
      },
    ]);
    expect(ruleIssuesWith({ sourcePortRange: "1-70000" })).toEqual([
      {
        code: "invalid-port",
        message: "port range 1-70000 is out of range (0-65535)",
        path: ["sourcePortRange"],
      },
    ]);
  });

  it("reject a range that runs backwards, suggesting the fix", () => {
    expect(ruleIssuesWith({ destinationPortRange: "100-50" })).toEqual([
      {
        code: "invalid-port",
        message: "port range 100-50 starts after it ends; write 50-100",
        path: ["destinationPortRange"],
      },
    ]);
  });

  it("reject names and comma lists in the singular field", () => {
    expect(ruleIssuesWith({ destinationPortRange: "https" })).toEqual([
      {
        code: "invalid-port",
        message: '"https" is not a port, a range like 20-21, or *',
        path: ["destinationPortRange"],
      },
    ]);
    expect(ruleIssuesWith({ destinationPortRange: "80,443" })).toEqual([
      {
        code: "invalid-port",
        message: '"80,443" is not a port, a range like 20-21, or *',
        path: ["destinationPortRange"],
      },
    ]);
  });

  it("point at the bad entry of a plural list", () => {
    expect(
      ruleIssuesWith({ destinationPortRange: undefined, destinationPortRanges: ["80", "443", "-1"] }),
    ).toEqual([
      {
        code: "invalid-port",
        message: '"-1" is not a port, a range like 20-21, or *',
        path: ["destinationPortRanges", 2],
      },
    ]);
  });

  it("refuse singular and plural together", () => {
    expect(ruleIssuesWith({ destinationPortRanges: ["80"] })).toEqual([
      {
        code: "conflicting-fields",
        message: "set either destinationPortRange or destinationPortRanges, not both",
        path: ["destinationPortRanges"],
      },
    ]);
    expect(ruleIssuesWith({ sourcePortRanges: ["80"] })).toEqual([
      {
        code: "conflicting-fields",
        message: "set either sourcePortRange or sourcePortRanges, not both",
        path: ["sourcePortRanges"],
      },
    ]);
  });

  it("accept ports written as numbers, as people type them", () => {
    expect(ruleIssuesWith({ destinationPortRange: 443 })).toEqual([]);
    expect(ruleIssuesWith({ destinationPortRange: undefined, destinationPortRanges: [80, "443"] })).toEqual(
      [],
    );
  });

  it("are required on both sides", () => {
    expect(ruleIssuesWith({ destinationPortRange: undefined })).toEqual([
      {
        code: "missing-field",
        message: 'destinationPortRange is required (use "*" for any port)',
        path: ["destinationPortRange"],
      },
    ]);
    expect(ruleIssuesWith({ sourcePortRange: undefined, sourcePortRanges: [] })).toEqual([
      {
        code: "missing-field",
        message: 'sourcePortRange is required (use "*" for any port)',
        path: ["sourcePortRange"],
      },
    ]);
  });
});

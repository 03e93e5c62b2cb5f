/**
 * The evaluator skips the flow schema for flows already in canonical form (src/lib/nsg/flow-schema.ts,
 * canonicalFlow). That shortcut must accept nothing the schema refuses, and return what it returns.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowSchema } from "../../../src/lib/nsg/index.ts";
import { canonicalFlow } from "../../../src/lib/nsg/flow-schema.ts";
import { PROPERTY_TIMEOUT_MS } from "./build.ts";

const value = fc.oneof(
  fc.constantFrom(
    "Tcp",
    "tcp",
    "UDP",
    "Icmp",
    "Esp",
    "Ah",
    "*",
    "vm1",
    "10.0.0.4",
    "",
    true,
    false,
    null,
    0,
    22,
    65535,
    65536,
    -1,
    80.5,
    NaN,
  ),
  fc.integer({ min: -10, max: 70000 }),
  fc.string({ maxLength: 6 }),
);
const flowLike = fc.dictionary(
  fc.constantFrom("from", "to", "protocol", "port", "sourcePort", "response", "dport"),
  value,
);
const validFlow = fc.record(
  {
    from: fc.constantFrom("vm1", "8.8.8.8"),
    to: fc.constantFrom("vm2", "10.0.0.4"),
    protocol: fc.constantFrom("Tcp", "Udp", "Icmp", "Esp", "Ah"),
    port: fc.integer({ min: 0, max: 65535 }),
    sourcePort: fc.integer({ min: 0, max: 65535 }),
    response: fc.boolean(),
  },
  { requiredKeys: ["from", "to", "protocol"] },
);

describe("property: the canonical-flow shortcut agrees with the flow schema", () => {
  it(
    "accepts only what the schema accepts, and returns the same flow",
    () => {
      fc.assert(
        fc.property(fc.oneof(flowLike, validFlow), (input) => {
          const quick = canonicalFlow(input);
          if (quick === undefined) return;
          const parsed = flowSchema.safeParse(input);
          expect(parsed.success).toBe(true);
          expect(quick).toStrictEqual(parsed.data);
        }),
        { numRuns: 5000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "takes every flow that is already canonical",
    () => {
      fc.assert(
        fc.property(validFlow, (input) => {
          expect(canonicalFlow(input)).toEqual(input);
        }),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("leaves other spellings and non-plain objects to the schema", () => {
    expect(canonicalFlow({ from: "a", to: "b", protocol: "tcp", port: 1 })).toBeUndefined();
    expect(
      canonicalFlow(
        Object.assign(Object.create({ inherited: 1 }), { from: "a", to: "b", protocol: "Tcp", port: 1 }),
      ),
    ).toBeUndefined();
    expect(canonicalFlow([])).toBeUndefined();
  });
});

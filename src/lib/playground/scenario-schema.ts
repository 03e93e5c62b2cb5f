import { lazySchema, z } from "../zod.ts";
import { flowSchema } from "../nsg/flow-schema.ts";
import { subscriptionSchema, topologySchema } from "../nsg/topology-schema.ts";

/**
 * A playground scenario: a network (the exercise files' topology schema), the subscription
 * offer (it decides Azure's outbound SMTP block) and optional named sample flows.
 * An exercise file is a scenario too: its exercise-only fields are accepted and ignored, and
 * its expectations serve as sample flows (their verdicts are the playground's to find).
 */
export const namedFlowSchema = lazySchema(() =>
  z.strictObject({
    name: z.string({ error: "every flow needs a name" }).min(1, { error: "a flow's name must not be empty" }),
    flow: flowSchema,
  }),
);

/** An exercise expectation read as a sample flow: expect/decidedBy are the exercise's business. */
const expectationAsFlow = lazySchema(() =>
  z.object({
    name: z.string({ error: "every expectation needs a name" }).min(1),
    flow: flowSchema,
  }),
);

/** Fields an exercise file has that a scenario does not need (docs/exercise-format.md, v1). */
export const EXERCISE_ONLY_FIELDS = [
  "$schema",
  "id",
  "kind",
  "lesson",
  "description",
  "editable",
  "starter",
  "solution",
  "hints",
  "acceptedDifferences",
  "log",
] as const;

export const scenarioDocumentSchema = lazySchema(() =>
  z.strictObject(
    {
      title: z.string({ error: "title must be a string" }).optional(),
      subscription: subscriptionSchema.default("pay-as-you-go"),
      topology: topologySchema,
      flows: z.array(namedFlowSchema, { error: "flows must be a list of { name, flow }" }).default([]),
      expectations: z.array(expectationAsFlow, { error: "expectations must be a list" }).optional(),
      ...Object.fromEntries(EXERCISE_ONLY_FIELDS.map((k) => [k, z.unknown().optional()])),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `unknown property ${iss.keys.map((k) => `"${k}"`).join(", ")}: a scenario has title, subscription, topology and flows`
          : "a scenario is an object: { subscription, topology: { vnets, vms, nsgs }, flows }",
    },
  ),
);

export type NamedFlow = z.output<typeof namedFlowSchema>;
export type ScenarioDocumentInput = z.input<typeof scenarioDocumentSchema>;

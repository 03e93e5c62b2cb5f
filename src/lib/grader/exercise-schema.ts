import { z } from "../zod.ts";
import { flowSchema } from "../nsg/flow-schema.ts";
import { parseCidrOrIp } from "../nsg/ip.ts";
import { subscriptionSchema, topologySchema } from "../nsg/topology-schema.ts";
import { customIssue } from "../nsg/zod-issues.ts";

/**
 * An exercise file (docs/exercise-format.md, v1): a scenario, the NSGs a learner edits,
 * and expectations about flows. Extra optional fields beyond the spec: `lesson` (the lesson
 * that embeds it), `description` (instructions, Markdown), `solution` (reference rules, shown
 * only after an attempt and checked by `npm run check:content`).
 */
export const expectationSchema = z.strictObject({
  name: z.string({ error: "every expectation needs a name" }).min(1),
  flow: flowSchema,
  expect: z.enum(["allow", "deny"], { error: 'expect must be "allow" or "deny"' }),
  /** A rule name (custom or default, e.g. DenyAllInBound) or "platform". */
  decidedBy: z.string().min(1).optional(),
});

/**
 * Flows where a learner's network may differ from the reference solution's without failing: the
 * comparison skips differences of this kind, direction and outside address range. Every entry
 * says why (the file is read by other authors).
 */
export const acceptedDifferenceSchema = z.strictObject({
  kind: z.enum(["too-open", "too-closed"], { error: 'kind must be "too-open" or "too-closed"' }).optional(),
  direction: z
    .enum(["inbound", "outbound", "internal"], {
      error: 'direction must be "inbound", "outbound" or "internal"',
    })
    .optional(),
  /** CIDRs or addresses: only differences whose outside end lies wholly in these. */
  outside: z.array(z.string()).min(1).optional(),
  reason: z.string({ error: "say why these differences are acceptable (reason)" }).min(1),
});

export const exerciseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string({ error: "id is required" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: "id must be kebab-case (lowercase letters, digits and dashes)",
    }),
    title: z.string({ error: "title is required" }).min(1),
    kind: z.enum(["author-rules", "predict"], { error: 'kind must be "author-rules" or "predict"' }),
    subscription: subscriptionSchema.default("pay-as-you-go"),
    lesson: z.string().optional(),
    description: z.string().optional(),
    topology: topologySchema,
    editable: z.array(z.string()).default([]),
    starter: z.string().optional(),
    solution: z.string().optional(),
    expectations: z.array(expectationSchema).min(1, { error: "an exercise needs at least one expectation" }),
    hints: z.array(z.string()).default([]),
    acceptedDifferences: z.array(acceptedDifferenceSchema).default([]),
  })
  .superRefine((ex, ctx) => {
    const nsgs = new Set(ex.topology.nsgs.map((n) => n.name));
    ex.editable.forEach((name, i) => {
      if (!nsgs.has(name))
        ctx.addIssue(
          customIssue("unknown-nsg", `editable NSG "${name}" is not in topology.nsgs`, ["editable", i]),
        );
    });
    if (ex.kind === "author-rules" && ex.editable.length === 0) {
      ctx.addIssue(
        customIssue("missing-field", "an author-rules exercise needs at least one editable NSG", [
          "editable",
        ]),
      );
    }
    ex.acceptedDifferences.forEach((a, i) =>
      a.outside?.forEach((prefix, j) => {
        if (!parseCidrOrIp(prefix).ok)
          ctx.addIssue(
            customIssue("invalid-cidr", `"${prefix}" is not an IP address or CIDR`, [
              "acceptedDifferences",
              i,
              "outside",
              j,
            ]),
          );
      }),
    );
    const names = new Set<string>();
    ex.expectations.forEach((e, i) => {
      if (names.has(e.name))
        ctx.addIssue(
          customIssue("duplicate-name", `expectation name "${e.name}" is used twice`, [
            "expectations",
            i,
            "name",
          ]),
        );
      names.add(e.name);
    });
  });

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
export type Expectation = z.output<typeof expectationSchema>;

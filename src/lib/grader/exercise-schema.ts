import { lazySchema, z } from "../zod.ts";
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
export const expectationSchema = lazySchema(() =>
  z.strictObject({
    name: z.string({ error: "every expectation needs a name" }).min(1),
    flow: flowSchema,
    expect: z.enum(["allow", "deny"], { error: 'expect must be "allow" or "deny"' }),
    /** A rule name (custom or default, e.g. DenyAllInBound) or "platform". */
    decidedBy: z.string().min(1).optional(),
    /**
     * read-logs only: a rule the learner is asked about, "why didn't it decide this flow?" (a rule
     * name, or "nsg/rule" when the name is in several NSGs). The answer comes from the evaluator.
     */
    whyNot: z.string().min(1).optional(),
  }),
);

/**
 * What the learner of a `read-logs` exercise is given: the VNet flow log records of the
 * scenario's traffic, generated from the evaluator's verdicts (src/lib/network-watcher/), never
 * written by hand. The log holds every expectation's flow and the `background` flows.
 */
export const logSchema = lazySchema(() =>
  z.strictObject({
    /** When the first flow starts (ISO 8601, UTC); the flows follow it a few seconds apart. */
    start: z.iso
      .datetime({ error: 'start must be an ISO 8601 time in UTC, e.g. "2026-03-02T09:14:00Z"' })
      .default("2026-03-02T09:00:00Z"),
    /** Traffic in the log that no question asks about, in the order it happens (after the questions' flows). */
    background: z.array(flowSchema).default([]),
  }),
);

/**
 * author-rules: write rules for a task. fix-rules: the scenario's rules are broken; change them
 * as little as possible until the task is met (graded like author-rules, plus the size of the
 * change). predict: say allow or deny for each flow. read-logs: read the scenario's flow log and
 * say, for each flow asked about, its verdict and the rule that decided it.
 */
export const EXERCISE_KINDS = ["author-rules", "fix-rules", "predict", "read-logs"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** The kinds whose learner writes rules in the editor, graded and compared with a reference solution. */
export const writesRules = (exercise: { kind: ExerciseKind }): boolean =>
  exercise.kind === "author-rules" || exercise.kind === "fix-rules";

/**
 * Flows where a learner's network may differ from the reference solution's without failing: the
 * comparison skips differences of this kind, direction and outside address range. Every entry
 * says why (the file is read by other authors).
 */
export const acceptedDifferenceSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(["too-open", "too-closed"], { error: 'kind must be "too-open" or "too-closed"' }).optional(),
    direction: z
      .enum(["inbound", "outbound", "internal"], {
        error: 'direction must be "inbound", "outbound" or "internal"',
      })
      .optional(),
    /** CIDRs or addresses: only differences whose outside end lies wholly in these. */
    outside: z.array(z.string()).min(1).optional(),
    reason: z.string({ error: "say why these differences are acceptable (reason)" }).min(1),
  }),
);

const exerciseBase = lazySchema(() =>
  z.strictObject({
    $schema: z.string().optional(),
    id: z.string({ error: "id is required" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: "id must be kebab-case (lowercase letters, digits and dashes)",
    }),
    title: z.string({ error: "title is required" }).min(1),
    kind: z.enum(EXERCISE_KINDS, {
      error: 'kind must be "author-rules", "fix-rules", "predict" or "read-logs"',
    }),
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
    log: logSchema.optional(),
  }),
);

export const exerciseSchema = lazySchema(() =>
  exerciseBase.superRefine((ex, ctx) => {
    const nsgs = new Set(ex.topology.nsgs.map((n) => n.name));
    ex.editable.forEach((name, i) => {
      if (!nsgs.has(name))
        ctx.addIssue(
          customIssue("unknown-nsg", `editable NSG "${name}" is not in topology.nsgs`, ["editable", i]),
        );
    });
    if (writesRules(ex) && ex.editable.length === 0) {
      ctx.addIssue(
        customIssue("missing-field", `a ${ex.kind} exercise needs at least one editable NSG`, ["editable"]),
      );
    }
    if (ex.kind === "fix-rules" && ex.starter === undefined)
      ctx.addIssue(
        customIssue(
          "missing-field",
          "a fix-rules exercise needs a starter: the broken rules as the scenario has them (JSON), or an az CLI or PowerShell script that changes nothing yet",
          ["starter"],
        ),
      );
    checkLogFields(ex, ctx);
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
  }),
);

/** A log and why-not questions belong to read-logs; a flow log records connections, not replies. */
function checkLogFields(ex: z.output<typeof exerciseBase>, ctx: z.RefinementCtx): void {
  const readsLogs = ex.kind === "read-logs";
  if (ex.log !== undefined && !readsLogs)
    ctx.addIssue(customIssue("invalid-value", "only a read-logs exercise has a log", ["log"]));
  ex.expectations.forEach((e, i) => {
    if (e.whyNot !== undefined && !readsLogs)
      ctx.addIssue(
        customIssue("invalid-value", "whyNot asks a read-logs question; this exercise is not one", [
          "expectations",
          i,
          "whyNot",
        ]),
      );
    if (readsLogs && e.flow.response)
      ctx.addIssue(
        customIssue(
          "invalid-value",
          "a flow log records connections, not their replies: ask about the connection (without response)",
          ["expectations", i, "flow", "response"],
        ),
      );
  });
  ex.log?.background.forEach((flow, i) => {
    if (flow.response)
      ctx.addIssue(
        customIssue("invalid-value", "a flow log records connections, not their replies: drop response", [
          "log",
          "background",
          i,
          "response",
        ]),
      );
  });
}

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
export type Expectation = z.output<typeof expectationSchema>;

import { WHY_NOT_REASONS, type WhyNotReason } from "./why-not-reasons.ts";

/**
 * A learner's answer to one read-logs question, and how an untrusted value becomes one: the
 * browser store's saved answers and a handed-in submission file are read with the same check.
 * Without heavy imports, like why-not-reasons.ts: lesson pages validate saved answers with it.
 */
export interface LogAnswer {
  verdict?: "allow" | "deny";
  /** "nsg/rule", or the platform choice ("platform"). */
  rule?: string;
  whyNot?: readonly WhyNotReason[];
}

/** Rule references longer than this are not a rule of any scenario. */
const MAX_RULE_REF = 200;

const isReason = (value: unknown): value is WhyNotReason =>
  typeof value === "string" && (WHY_NOT_REASONS as readonly string[]).includes(value);

/** The answer the value holds; undefined when it is not one (any field of the wrong shape). */
export function parseLogAnswer(value: unknown): LogAnswer | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const { verdict, rule, whyNot } = value as Record<string, unknown>;
  if (verdict !== undefined && verdict !== "allow" && verdict !== "deny") return undefined;
  if (rule !== undefined && (typeof rule !== "string" || rule.length === 0 || rule.length > MAX_RULE_REF))
    return undefined;
  if (whyNot !== undefined && (!Array.isArray(whyNot) || !whyNot.every(isReason))) return undefined;
  return {
    ...(verdict ? { verdict } : {}),
    ...(typeof rule === "string" ? { rule } : {}),
    ...(Array.isArray(whyNot) && whyNot.length > 0 ? { whyNot: [...new Set(whyNot)] } : {}),
  };
}

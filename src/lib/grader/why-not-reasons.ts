/**
 * Why a rule did not decide a flow (a read-logs question, and the explanation of a wrong rule).
 * The five fields: the packet failed that condition (the rule comes before the deciding one).
 * The others: the NSG saw the flow in the rule's other direction; a rule with a lower number
 * decided first; the rule allowed it but another NSG denied it; the rule's NSG never saw the
 * flow (not on its path, or the flow was stopped before it). On its own, without imports: the
 * browser store validates saved answers with it on every lesson page.
 */
export const WHY_NOT_REASONS = [
  "protocol",
  "sourceAddress",
  "sourcePort",
  "destinationAddress",
  "destinationPort",
  "other-direction",
  "later",
  "overruled",
  "not-on-path",
] as const;
export type WhyNotReason = (typeof WHY_NOT_REASONS)[number];

export const WHY_NOT_LABEL: Record<WhyNotReason, string> = {
  protocol: "its protocol doesn't match",
  sourceAddress: "its source doesn't match",
  sourcePort: "its source ports don't match",
  destinationAddress: "its destination doesn't match",
  destinationPort: "its destination ports don't match",
  "other-direction": "it's a rule for the other direction",
  later: "a rule with a lower number decided first, so it was never checked",
  overruled: "it allowed the flow, but another NSG on the path denied it",
  "not-on-path": "its NSG never saw this flow",
};

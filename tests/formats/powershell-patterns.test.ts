/**
 * The patterns of -like and -match (formats/powershell/patterns.ts): .NET's meaning for the
 * subset filters use, checked against JavaScript's own RegExp where the two agree, and a
 * matcher that cannot be made to backtrack for ever.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regexMatch, wildcardMatch } from "../../src/lib/formats/powershell/patterns.ts";

const budget = () => ({ steps: 1_000_000 });
const like = (text: string, pattern: string, caseSensitive = false) =>
  wildcardMatch(text, pattern, caseSensitive, budget());
const match = (text: string, pattern: string, caseSensitive = false) =>
  regexMatch(text, pattern, caseSensitive, budget());
/** Why a pattern is refused (undefined when it is checked). */
const refusal = (pattern: string, b = budget(), text = "a") => {
  const r = regexMatch(text, pattern, false, b);
  return r.ok ? undefined : r.reason;
};

describe("-like wildcards", () => {
  it("match the whole text with *, ? and [ ] classes, case-insensitively unless told", () => {
    expect(like("Allow-HTTPS", "allow*")).toEqual({ ok: true, match: true });
    expect(like("Allow-HTTPS", "allow*", true)).toEqual({ ok: true, match: false });
    expect(like("deny-rdp", "*-r?p")).toEqual({ ok: true, match: true });
    expect(like("deny-rdp", "deny")).toEqual({ ok: true, match: false });
    expect(like("rule7", "rule[0-9]")).toEqual({ ok: true, match: true });
    expect(like("rulex", "rule[0-9]")).toEqual({ ok: true, match: false });
    expect(like("a*b", "a`*b")).toEqual({ ok: true, match: true });
    expect(like("axb", "a`*b")).toEqual({ ok: true, match: false });
    expect(like("", "*")).toEqual({ ok: true, match: true });
  });

  it("take linear time on patterns of many stars", () => {
    expect(like("a".repeat(5000), `${"*a".repeat(2000)}b`)).toEqual({ ok: true, match: false });
  });
});

describe("-match regular expressions", () => {
  it("find the pattern anywhere, case-insensitively unless told", () => {
    expect(match("Allow-HTTPS", "https")).toEqual({ ok: true, match: true });
    expect(match("Allow-HTTPS", "https", true)).toEqual({ ok: true, match: false });
    expect(match("allow-ssh", "^allow-(ssh|rdp)$")).toEqual({ ok: true, match: true });
    expect(match("allow-sshd", "^allow-(ssh|rdp)$")).toEqual({ ok: true, match: false });
    expect(match("port 3389", "\\d{4}")).toEqual({ ok: true, match: true });
    expect(match("Deny_All", "\\bdeny")).toEqual({ ok: true, match: true });
    expect(match("xDeny", "\\bdeny")).toEqual({ ok: true, match: false });
    expect(match("temp", "[^a-z]")).toEqual({ ok: true, match: false });
    expect(match("a.b", "a\\.b")).toEqual({ ok: true, match: true });
    expect(match("axb", "a\\.b")).toEqual({ ok: true, match: false });
  });

  it("agree with JavaScript's RegExp on the subset", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\d", "\\w", "(a|b)", "(?:ab)", "x");
    const quantified = fc
      .tuple(atom, fc.constantFrom("", "*", "+", "?", "{2}", "{1,3}"))
      .map(([a, q]) => a + q);
    const pattern = fc
      .tuple(fc.boolean(), fc.array(quantified, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([start, parts, end]) => `${start ? "^" : ""}${parts.join("")}${end ? "$" : ""}`);
    const text = fc.stringMatching(/^[abx19 ]{0,12}$/);
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(match(t, p, true)).toEqual({ ok: true, match: new RegExp(p).test(t) });
      }),
      { numRuns: 500 },
    );
  });

  it("cannot be made to backtrack: (a+)+$ on a long run of a's answers at once", () => {
    expect(match(`${"a".repeat(5000)}!`, "^(a+)+$")).toEqual({ ok: true, match: false });
    expect(match("a".repeat(64), "(a|aa)*c")).toEqual({ ok: true, match: false });
  });

  it("refuse what they do not check, saying what", () => {
    expect(refusal("(?<=allow)-ssh")).toBe("(?< (look-arounds and inline options) are not read by NSG Lab");
    expect(refusal("(a)\\1")).toMatch(/back-references/);
    expect(refusal("a**")).toBe('nested quantifier "*"');
    expect(refusal("*a")).toMatch(/nothing to repeat/);
    expect(refusal("(a")).toBe("a ( is never closed");
    expect(refusal("((a{100}){100}){100}")).toMatch(/too large/);
  });

  it("share a budget, so a script of many costly matches stops", () => {
    expect(refusal("b", { steps: 100 }, "a".repeat(1000))).toMatch(/too long/);
  });
});

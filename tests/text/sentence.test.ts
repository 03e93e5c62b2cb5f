import { describe, expect, it } from "vitest";
import { asSentence, endsSentence, quoted } from "../../src/lib/text/sentence.ts";

describe("ending an assembled sentence", () => {
  it("adds no second full stop after a quote that already ends in one (the …internet.”. bug)", () => {
    const option =
      "It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet.";
    expect(asSentence(`The answer is ${quoted(option)}`)).toBe(
      "The answer is “It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet.”",
    );
  });

  it("adds a full stop after a quote that ends without punctuation", () => {
    expect(asSentence(`The answer is ${quoted("Pay-as-you-go")}`)).toBe("The answer is “Pay-as-you-go”.");
    expect(asSentence("Loaded the rules")).toBe("Loaded the rules.");
  });

  it("keeps question marks, exclamation marks and ellipses, also inside quotes and brackets", () => {
    expect(asSentence(`Loaded ${quoted("Predict: which default rule decides?")}`)).toBe(
      "Loaded “Predict: which default rule decides?”",
    );
    expect(asSentence("Stop!")).toBe("Stop!");
    expect(asSentence("Wait…")).toBe("Wait…");
    expect(asSentence("(see the table.)")).toBe("(see the table.)");
    expect(asSentence(`He said "done."`)).toBe(`He said "done."`);
    expect(asSentence("Done.  ")).toBe("Done.");
  });

  it("leaves an empty text empty and tells whether a text ends a sentence", () => {
    expect(asSentence("   ")).toBe("");
    expect(endsSentence("“Yes.”")).toBe(true);
    expect(endsSentence("“Yes”")).toBe(false);
    expect(endsSentence("10.0.0.0/8")).toBe(false);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exerciseOrder } from "../../src/lib/course/exercise-order.ts";

describe("exercises in course order", () => {
  it("follows lesson order, then each lesson's embed order, then the rest by id", () => {
    const lessons = {
      "/content/lessons/02-b.mdx": '<Exercise id="zeta" />\ntext\n<Exercise id="alpha" headingLevel={3} />',
      "/content/lessons/01-a.mdx": '<Exercise id="mid" />',
    };
    expect(exerciseOrder(lessons, ["alpha", "zeta", "mid", "orphan-b", "orphan-a", "e2e-x"])).toEqual([
      "mid",
      "zeta",
      "alpha",
      "e2e-x",
      "orphan-a",
      "orphan-b",
    ]);
  });

  it("puts the course's own first exercise first and ignores embeds of unknown ids", () => {
    const dir = "content/lessons";
    const texts = Object.fromEntries(
      readdirSync(dir).map((f) => [`/${dir}/${f}`, readFileSync(`${dir}/${f}`, "utf8")]),
    );
    const ids = readdirSync("graders").map((f) => f.replace(/\.ya?ml$/, ""));
    const order = exerciseOrder(texts, ids);
    expect(order).toHaveLength(ids.length);
    expect(order[0]).toBe("new-vm-what-gets-in");
    expect(exerciseOrder(texts, ["ftp-active"])).toEqual(["ftp-active"]);
  });
});

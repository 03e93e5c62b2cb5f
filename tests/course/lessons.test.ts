import { describe, expect, it } from "vitest";
import { joinBase } from "../../src/lib/course/base-path.ts";
import { lessonSlug } from "../../src/lib/course/lesson-slug.ts";
import { orderLessons } from "../../src/lib/course/order-lessons.ts";

const lesson = (id: string, order: number) => ({ id, data: { order, title: id } });

describe("lesson slugs", () => {
  it("drops the ordering prefix", () => {
    expect(lessonSlug("01-what-is-an-nsg")).toBe("what-is-an-nsg");
    expect(lessonSlug("12_default-rules")).toBe("default-rules");
    expect(lessonSlug("service-tags")).toBe("service-tags");
    expect(lessonSlug("part-2/03-asgs")).toBe("asgs");
  });
});

describe("ordering lessons", () => {
  it("sorts by order and numbers them", () => {
    const ordered = orderLessons([lesson("02-b", 20), lesson("01-a", 10)]);
    expect(ordered.map((l) => [l.slug, l.position])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("rejects duplicate orders and slugs", () => {
    expect(() => orderLessons([lesson("01-a", 1), lesson("02-b", 1)])).toThrow(/share order 1/);
    expect(() => orderLessons([lesson("01-a", 1), lesson("02-a", 2)])).toThrow(/share the slug "a"/);
  });
});

describe("base paths", () => {
  it("joins base and path whatever the slashes", () => {
    expect(joinBase("/nsg-lab/", "lessons/a/")).toBe("/nsg-lab/lessons/a/");
    expect(joinBase("/nsg-lab", "/search/")).toBe("/nsg-lab/search/");
    expect(joinBase("/", "")).toBe("/");
  });
});

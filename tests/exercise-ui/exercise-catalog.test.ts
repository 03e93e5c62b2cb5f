import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { embeddedExerciseIds } from "../../src/lib/course/embedded-exercises.ts";
import { orderLessons } from "../../src/lib/course/order-lessons.ts";
import {
  buildCatalog,
  findExercise,
  inLessonOrder,
  isListed,
} from "../../src/lib/exercise-ui/exercise-catalog.ts";
import { joinMessages } from "../../src/lib/result.ts";
import { graderFiles } from "./support.ts";

const files = graderFiles();

describe("the exercise catalog", () => {
  it("loads every exercise in graders/", () => {
    const catalog = buildCatalog(files);
    if (!catalog.ok) throw new Error(joinMessages(catalog.errors, "\n"));
    expect(catalog.value.size).toBe(Object.keys(files).length);
    expect(catalog.value.get("ftp-active")?.file).toBe("graders/ftp-active.yaml");
  });

  it("fails with file:line:col for an invalid file", () => {
    const broken = files["/graders/ftp-active.yaml"]!.replace("kind: author-rules", "kind: write-rules");
    const result = buildCatalog({ "/graders/ftp-active.yaml": broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split("\n").findIndex((l) => l.startsWith("kind:")) + 1;
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^graders/ftp-active\\.yaml:${line}:7: kind must be "author-rules", "fix-rules", "predict" or "read-logs"`,
        ),
      ),
    ]);
    expect(result.errors[0]?.code).toBe("invalid-value");
  });

  it("requires the id to match the file name, once", () => {
    const text = files["/graders/ftp-active.yaml"]!;
    const renamed = buildCatalog({ "/graders/other.yaml": text });
    expect(renamed).toMatchObject({
      ok: false,
      errors: [
        {
          code: "file-name-mismatch",
          message: expect.stringMatching(
            /^graders\/other\.yaml:\d+:\d+: exercise id "ftp-active" must match the file name/,
          ) as unknown,
        },
      ],
    });
    const twice = buildCatalog({ "/graders/ftp-active.yaml": text, "/graders/ftp-active.yml": text });
    expect(twice).toMatchObject({
      ok: false,
      errors: [
        {
          code: "duplicate-id",
          message: expect.stringContaining("is already used by graders/ftp-active.yaml") as unknown,
        },
      ],
    });
  });

  it("names the known ids when an unknown one is used", () => {
    const catalog = buildCatalog(files);
    if (!catalog.ok) throw new Error("catalog");
    expect(() => findExercise(catalog.value, "nope", "lesson 03")).toThrow(
      /lesson 03: unknown exercise id "nope": there is no graders\/nope\.yaml \(known: .*ftp-active/,
    );
  });

  it("leaves test fixtures out of listings", () => {
    expect(isListed("ftp-active")).toBe(true);
    expect(isListed("e2e-predict-fixture")).toBe(false);
  });
});

/** The course's lessons read from disk, in course order, with what each embeds. */
function courseLessons() {
  const entries = readdirSync("content/lessons").map((file) => {
    const text = readFileSync(`content/lessons/${file}`, "utf8");
    const order = Number(/^order:\s*(\d+)/m.exec(text)?.[1]);
    return { id: file.replace(/\.mdx$/, ""), data: { order, title: file }, text };
  });
  return orderLessons(entries).map((l) => ({ slug: l.slug, exerciseIds: embeddedExerciseIds(l.text) }));
}

describe("exercises in lesson order", () => {
  const entry = (id: string, title: string, lesson?: string) => ({
    id,
    exercise: { title, ...(lesson ? { lesson } : {}) } as never,
  });

  it("follows the lessons, then the order each lesson embeds its exercises, not the alphabet", () => {
    const lessons = [
      { slug: "first", exerciseIds: ["zebra", "apple"] },
      { slug: "second", exerciseIds: ["mango"] },
    ];
    const ordered = inLessonOrder(
      [
        entry("mango", "A mango", "second"),
        entry("apple", "An apple", "first"),
        entry("loose", "Also loose"),
        entry("zebra", "Zebra", "first"),
        entry("unembedded", "Not on the page", "first"),
        entry("another-loose", "A loose one"),
      ],
      lessons,
    );
    expect(ordered.map((e) => e.id)).toEqual([
      "zebra",
      "apple",
      "unembedded",
      "mango",
      "another-loose",
      "loose",
    ]);
  });

  it("lists the course's exercises as its lessons embed them", () => {
    const catalog = buildCatalog(files);
    if (!catalog.ok) throw new Error("catalog");
    const lessons = courseLessons();
    const ordered = inLessonOrder(catalog.value.values(), lessons)
      .map((e) => e.id)
      .filter(isListed);
    expect(ordered).toEqual(lessons.flatMap((l) => l.exerciseIds));
    // Lesson 4 embeds these out of alphabetical order.
    expect(lessons[3]!.exerciseIds).toEqual([
      "subnet-then-nic",
      "allow-at-both-levels",
      "fix-shadowed-allow",
    ]);
    expect(ordered.indexOf("subnet-then-nic")).toBeLessThan(ordered.indexOf("allow-at-both-levels"));
  });

  it("reads the embedded exercises of a lesson in page order", () => {
    expect(
      embeddedExerciseIds(
        "<Exercise id=\"b\" headingLevel={3} />\n\ntext\n<Exercise headingLevel={3} id='a' />",
      ),
    ).toEqual(["b", "a"]);
  });
});

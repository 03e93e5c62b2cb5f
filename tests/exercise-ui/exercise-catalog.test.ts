import { describe, expect, it } from "vitest";
import {
  buildCatalog,
  exercisesByLesson,
  findExercise,
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
    expect(exercisesByLesson(catalog.value).get(catalog.value.get("ftp-active")!.exercise.lesson!)).toContain(
      "ftp-active",
    );
  });

  it("fails with file:line:col for an invalid file", () => {
    const broken = files["/graders/ftp-active.yaml"]!.replace("kind: author-rules", "kind: write-rules");
    const result = buildCatalog({ "/graders/ftp-active.yaml": broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split("\n").findIndex((l) => l.startsWith("kind:")) + 1;
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^graders/ftp-active\\.yaml:${line}:7: kind must be "author-rules" or "predict"`),
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

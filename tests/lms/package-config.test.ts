import { describe, expect, it } from "vitest";
import {
  PACKAGE_CONFIG_MARKER,
  packageConfigText,
  pointsPerExercise,
  readPackageConfig,
  type PackageConfig,
} from "../../src/lib/lms/package-config.ts";

const known = new Set(["ftp-active", "smtp-relay-on-587", "which-default-rule"]);
const config: PackageConfig = {
  format: "scorm12",
  title: "Week 3: ports",
  exercises: ["smtp-relay-on-587", "ftp-active"],
  pointsPerExercise: 10,
  completion: "passed",
};

describe("points per exercise in an LMS package", () => {
  it("are 10 each by default, or as many as fit in a SCORM 1.2 score of 100", () => {
    expect(pointsPerExercise(3)).toEqual({ ok: true, value: 10 });
    expect(pointsPerExercise(10)).toEqual({ ok: true, value: 10 });
    expect(pointsPerExercise(12)).toEqual({ ok: true, value: 8 });
    expect(pointsPerExercise(50)).toEqual({ ok: true, value: 2 });
  });

  it("take what the instructor asks when it fits", () => {
    expect(pointsPerExercise(4, 25)).toEqual({ ok: true, value: 25 });
    expect(pointsPerExercise(1, 100)).toEqual({ ok: true, value: 100 });
  });

  it("refuse a total past 100, saying how many points would fit", () => {
    const points = pointsPerExercise(12, 10);
    expect(points.ok).toBe(false);
    if (points.ok) return;
    expect(points.errors[0]!.code).toBe("score-out-of-range");
    expect(points.errors[0]!.message).toContain("12 exercises × 10 points make 120");
    expect(points.errors[0]!.message).toContain("8 points or fewer");
  });

  it("refuse nothing, fractions and negatives", () => {
    for (const bad of [0, -5, 2.5, NaN])
      expect(pointsPerExercise(2, bad)).toMatchObject({ ok: false, errors: [{ code: "invalid-value" }] });
  });
});

describe("the launch page's package settings", () => {
  it("read back what the packager wrote", () => {
    expect(readPackageConfig(packageConfigText(config), known)).toEqual({ ok: true, value: config });
  });

  it("explain a launch page that is not part of a package", () => {
    for (const text of [undefined, "", PACKAGE_CONFIG_MARKER]) {
      const read = readPackageConfig(text, known);
      expect(read).toMatchObject({ ok: false, errors: [{ code: "missing-field" }] });
      if (!read.ok) expect(read.errors[0]!.message).toContain("npm run package");
    }
  });

  it("refuse damaged settings, exercises the course lacks and totals past 100", () => {
    expect(readPackageConfig("{ not json", known)).toMatchObject({
      ok: false,
      errors: [{ code: "invalid-json" }],
    });
    expect(
      readPackageConfig(packageConfigText({ ...config, exercises: ["ftp-active", "retired-one"] }), known),
    ).toMatchObject({ ok: false, errors: [{ code: "unknown-exercise", path: ["exercises"] }] });
    expect(readPackageConfig(JSON.stringify({ ...config, pointsPerExercise: 60 }), known)).toMatchObject({
      ok: false,
      errors: [{ code: "score-out-of-range" }],
    });
    expect(
      readPackageConfig(
        JSON.stringify({ ...config, points: [60, 50].slice(0, config.exercises.length) }),
        known,
      ),
    ).toMatchObject({ ok: false, errors: [{ path: ["points"] }] });
    expect(
      readPackageConfig(JSON.stringify({ ...config, exercises: ["ftp-active", "ftp-active"] }), known),
    ).toMatchObject({ ok: false, errors: [{ code: "invalid-value" }] });
    expect(readPackageConfig(JSON.stringify({ ...config, completion: "failed" }), known)).toMatchObject({
      ok: false,
      errors: [{ path: ["completion"] }],
    });
    expect(readPackageConfig(JSON.stringify({ ...config, extra: 1 }), known)).toMatchObject({
      ok: false,
      errors: [{ code: "unknown-field" }],
    });
  });
});

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runContentCheck } from "../../src/cli/check-content-command.ts";

const exercise = readFileSync("graders/ftp-active.yaml", "utf8");
const lesson = readFileSync("content/lessons/07-capstone-active-ftp.mdx", "utf8");

function check(exercises: Record<string, string>, lessons: Record<string, string> = {}) {
  const lines: string[] = [];
  const code = runContentCheck(
    Object.entries(exercises).map(([file, text]) => ({ file, text })),
    (l) => lines.push(l),
    Object.entries(lessons).map(([file, text]) => ({ file, text })),
  );
  return { code, lines };
}

describe("check:content on broken content", () => {
  it("fails an exercise whose solution no longer passes, pointing at the file", () => {
    const broken = exercise.replace(
      "10.0.3.4 --destination-port-ranges 21 ",
      "10.0.3.4 --destination-port-ranges 2121 ",
    );
    const { code, lines } = check({ "graders/ftp-active.yaml": broken });
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(
      /graders\/ftp-active\.yaml:\d+:\d+: error: the solution fails "FTP control from the studio reaches the VM"/,
    );
  });

  it("fails a schema error with file:line:col", () => {
    const { code, lines } = check({
      "graders/ftp-active.yaml": exercise.replace("kind: author-rules", "kind: essay"),
    });
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      'graders/ftp-active.yaml:4:7: error: kind must be "author-rules", "fix-rules", "predict" or "read-logs"',
    );
  });

  it("fails a lesson with bad frontmatter or an unknown exercise, at its line and column", () => {
    const badLesson = lesson
      .replace("order: 7", "order: seven")
      .replace('<Exercise id="ftp-passive"', '<Exercise id="ftp-passiv"');
    const { code, lines } = check(
      { "graders/ftp-active.yaml": exercise },
      { "content/lessons/07-capstone-active-ftp.mdx": badLesson },
    );
    expect(code).toBe(1);
    const text = lines.join("\n");
    expect(text).toMatch(/content\/lessons\/07-capstone-active-ftp\.mdx:3:8: error: .*number/i);
    expect(text).toMatch(
      /content\/lessons\/07-capstone-active-ftp\.mdx:\d+:\d+: error: <Exercise id="ftp-passiv"> names no exercise in graders\//,
    );
  });

  it("fails an exercise whose lesson does not embed it", () => {
    const withoutEmbed = lesson.replace('<Exercise id="ftp-active" headingLevel={3} />', "");
    const { code, lines } = check(
      { "graders/ftp-active.yaml": exercise },
      { "content/lessons/07-capstone-active-ftp.mdx": withoutEmbed },
    );
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(
      /graders\/ftp-active\.yaml:\d+:\d+: error: lesson "capstone-active-ftp" does not embed this exercise/,
    );
  });
});

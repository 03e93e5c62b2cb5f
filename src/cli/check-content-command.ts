import { parseDataTree } from "../lib/formats/data-tree.ts";
import { checkExerciseText } from "../lib/content/check-exercise.ts";
import { formatIssue } from "./format-report.ts";

export interface ContentFile {
  file: string;
  text: string;
}

/** Checks every exercise file and that their ids are unique; returns the exit code. */
export function runContentCheck(files: ContentFile[], print: (line: string) => void): number {
  let problems = 0;
  const ids = new Map<string, string>();
  for (const { file, text } of files) {
    const check = checkExerciseText(text);
    const tree = parseDataTree(text);
    const errors = check.errors.map((e) => ({ ...e, span: e.span ?? (tree.ok ? tree.value.spanAt(e.path) : undefined) }));
    const id = check.exercise?.id;
    if (id !== undefined) {
      const other = ids.get(id);
      if (other) errors.push({ message: `exercise id "${id}" is already used by ${other}`, path: ["id"], span: tree.ok ? tree.value.spanAt(["id"]) : undefined });
      ids.set(id, file);
      const expectedName = file.split("/").pop()!.replace(/\.(ya?ml|json)$/, "");
      if (expectedName !== id) errors.push({ message: `file name should match the id: ${id}.yaml`, path: ["id"], span: tree.ok ? tree.value.spanAt(["id"]) : undefined });
    }
    for (const e of errors) print(formatIssue(file, e));
    problems += errors.length;
    if (errors.length === 0) print(`ok  ${file}`);
  }
  print(problems === 0 ? `${files.length} exercises checked, no problems` : `${problems} problem(s) in ${files.length} exercises`);
  return problems === 0 ? 0 : 1;
}

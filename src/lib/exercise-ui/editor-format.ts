import type { RuleFormat } from "../formats/rule-document.ts";

/**
 * The ways the editor offers to write rules: JSON, az CLI and Azure PowerShell texts, and the
 * portal-style rule form (`form`), whose text is the JSON `ruleSetsToJson` writes. The grader
 * also reads YAML, which the editor does not offer.
 */
export const EDITOR_FORMATS = ["json", "azcli", "powershell", "form"] as const;
export type EditorFormat = (typeof EDITOR_FORMATS)[number];

export const FORMAT_LABEL: Record<EditorFormat, string> = {
  json: "JSON",
  azcli: "az CLI",
  powershell: "PowerShell",
  form: "the portal form",
};

export const isEditorFormat = (value: unknown): value is EditorFormat =>
  typeof value === "string" && (EDITOR_FORMATS as readonly string[]).includes(value);

/** The format the grader reads the editor's text in: the portal form keeps its rules as JSON. */
export const ruleFormatOf = (format: EditorFormat): RuleFormat => (format === "form" ? "json" : format);

/** The formats the editor speaks; the grader also reads YAML, which the editor does not offer. */
export const EDITOR_FORMATS = ["json", "azcli", "powershell"] as const;
export type EditorFormat = (typeof EDITOR_FORMATS)[number];

export const FORMAT_LABEL: Record<EditorFormat, string> = {
  json: "JSON",
  azcli: "az CLI",
  powershell: "PowerShell",
};

export const isEditorFormat = (value: unknown): value is EditorFormat =>
  typeof value === "string" && (EDITOR_FORMATS as readonly string[]).includes(value);

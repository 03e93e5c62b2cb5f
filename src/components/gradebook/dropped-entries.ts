/**
 * The files an instructor hands the page, each with its path relative to what they chose
 * (`inbox/alice/x.json`), from the folder picker, the file picker or a drop. A dropped folder is
 * walked through the entries API (a drop's DataTransfer gives files only for what was dropped
 * directly); a walk that fails on one folder says so and keeps the rest.
 */
export interface ChosenFile {
  path: string;
  file: File;
}

/** Files from an <input type=file>: the folder picker gives webkitRelativePath, the file picker a name. */
export const filesOfInput = (input: HTMLInputElement): ChosenFile[] =>
  [...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** Every entry of a folder: readEntries answers in batches until it answers none. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Folders nested deeper than this are not an inbox: a link loop, or the wrong folder. */
const MAX_DEPTH = 16;

export async function filesOfDrop(data: DataTransfer): Promise<{ files: ChosenFile[]; problems: string[] }> {
  const files: ChosenFile[] = [];
  const problems: string[] = [];
  // Entries must be taken while the drop event runs; their contents can be read afterwards.
  const items = [...data.items].filter((i) => i.kind === "file");
  const roots = items.map((i) => ({ entry: i.webkitGetAsEntry(), file: i.getAsFile() }));
  const pending: { entry: FileSystemEntry; depth: number }[] = [];
  for (const { entry, file } of roots) {
    if (entry) pending.push({ entry, depth: 0 });
    else if (file) files.push({ path: file.name, file });
  }
  while (pending.length > 0) {
    const { entry, depth } = pending.shift()!;
    const path = entry.fullPath.replace(/^\/+/, "") || entry.name;
    try {
      if (entry.isFile) files.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
      else if (entry.isDirectory) {
        if (depth >= MAX_DEPTH) {
          problems.push(`${path}: folders nested more than ${MAX_DEPTH} deep are not read`);
          continue;
        }
        for (const child of await entriesOf(entry as FileSystemDirectoryEntry))
          pending.push({ entry: child, depth: depth + 1 });
      }
    } catch (error) {
      problems.push(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { files, problems };
}

import { readAssignment, type AssignmentRead } from "./assignment-link.ts";

/**
 * An assignment from the link as an instructor copies it: a full address
 * (https://…/assignment/?title=…&exercises=…), a path with its query, or the query alone.
 * Only the query matters, so a link copied from any host or base path works.
 */
export function assignmentFromLink(link: string, known: ReadonlySet<string>): AssignmentRead {
  const text = link.trim();
  return readAssignment(
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? searchOfAddress(text) : searchOfPath(text),
    known,
  );
}

function searchOfAddress(address: string): string {
  try {
    return new URL(address).search;
  } catch {
    return "";
  }
}

function searchOfPath(path: string): string {
  const hash = path.indexOf("#");
  const withoutHash = hash >= 0 ? path.slice(0, hash) : path;
  const query = withoutHash.indexOf("?");
  return query >= 0 ? withoutHash.slice(query) : withoutHash;
}

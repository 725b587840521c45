import { compare } from "./coordinates";

/**
 * The description ratchet: a checked-in list of the coordinates that have no description yet.
 * An undocumented coordinate not on the list fails (new API must be described); a listed one that
 * is now described or gone fails too, asking for its line to be deleted — so the list only shrinks.
 */
export const LIST_HEADER = `# Schema coordinates that have no description yet (the description ratchet).
# Checked by \`pnpm schema:contract\`: a new undocumented type, field, argument, input field or enum
# value fails the check; describe it instead of adding it here. When you describe (or remove) one
# of these, delete its line. Regenerate with \`pnpm schema:contract -- --write-undocumented\`.
`;

export function parseList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

export function formatList(coordinates: readonly string[]): string {
  return `${LIST_HEADER}\n${[...new Set(coordinates)].sort(compare).join("\n")}\n`;
}

export interface RatchetResult {
  /** Undocumented and not on the list: describe them. */
  newlyUndocumented: string[];
  /** On the list but described or removed since: delete their lines. */
  stale: string[];
  /** On the list more than once: delete the repeats. */
  repeated: string[];
}

export function compareWithList(undocumented: readonly string[], listed: readonly string[]): RatchetResult {
  const now = new Set(undocumented);
  const onList = new Set(listed);
  return {
    newlyUndocumented: undocumented.filter((c) => !onList.has(c)),
    stale: [...onList].filter((c) => !now.has(c)),
    repeated: [...new Set(listed.filter((c, i) => listed.indexOf(c) !== i))],
  };
}

export function ratchetMessages(result: RatchetResult, listFile: string): string[] {
  return [
    ...result.newlyUndocumented.map(
      (c) => `${c} has no description: describe it in the code (new API is documented; do not add it to ${listFile}).`,
    ),
    ...result.stale.map((c) => `${c} is described or removed now: delete its line from ${listFile}.`),
    ...result.repeated.map((c) => `${c} is listed more than once in ${listFile}: keep one line.`),
  ];
}

/**
 * Bar names shortened to fit a narrow chart while staying told apart. Names of services often
 * differ only at their end ("... paling lama 7 hari" / "... paling lama 14 hari"), so cutting the
 * end alone would make two bars read the same: a name that would collide keeps as much of its
 * end as it needs ("Izin Tinggal Kunjungan… 14 hari"). Pure, so it is tested without a browser.
 */

const ELLIPSIS = "…";

/** `name` in about `room` characters: its start, and its last words (at least `tailLength` characters) after an ellipsis. */
export function abbreviateName(name: string, room: number, tailLength = 0): string {
  if (name.length <= room) return name;
  // The kept end starts at a word: "14 hari" must never read "4 hari".
  let tailStart = name.length - tailLength;
  while (tailLength > 0 && tailStart > 0 && name[tailStart - 1] !== " ") tailStart -= 1;
  const tail = tailLength > 0 ? name.slice(tailStart).trim() : "";
  const headLength = Math.max(1, room - ELLIPSIS.length - tail.length - (tail ? 1 : 0));
  return `${name.slice(0, headLength).trimEnd()}${ELLIPSIS}${tail ? ` ${tail}` : ""}`;
}

/**
 * Each name in at most `room` characters, no two different names shortened to the same label.
 * Names that fit are kept whole; colliding names keep ever more of their end until they differ.
 */
export function distinctShortLabels(names: readonly string[], room: number): string[] {
  const tailLengths = names.map(() => 0);
  const labels = names.map((name) => abbreviateName(name, room));
  const maxTail = Math.max(0, room - ELLIPSIS.length - 2);
  for (let round = 0; round < maxTail; round += 1) {
    const firstNameOfLabel = new Map<string, string>();
    const colliding = new Set<number>();
    const indexesOfLabel = new Map<string, number[]>();
    labels.forEach((label, index) => {
      indexesOfLabel.set(label, [...(indexesOfLabel.get(label) ?? []), index]);
      if (!firstNameOfLabel.has(label)) firstNameOfLabel.set(label, names[index]!);
    });
    for (const indexes of indexesOfLabel.values()) {
      if (new Set(indexes.map((index) => names[index])).size > 1) for (const index of indexes) colliding.add(index);
    }
    if (colliding.size === 0) break;
    for (const index of colliding) {
      tailLengths[index] = Math.min(maxTail, tailLengths[index]! + 1);
      labels[index] = abbreviateName(names[index]!, room, tailLengths[index]);
    }
  }
  return labels;
}

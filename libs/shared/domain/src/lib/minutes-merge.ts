/**
 * A simple operational merge for live minutes (used by the API on save and by the web room when
 * someone else's change arrives while you type). A writer sends the text they edited and the version
 * it was based on; when someone else saved in between, both edits are reduced to one changed region
 * of the base text each (common prefix and suffix). Regions that do not overlap are both applied;
 * two insertions at the same place are both kept (the one saved first comes first). Overlapping
 * changes are a conflict: the writer gets the current text and nothing is lost on either side.
 */

interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** The one region of `base` that `changed` replaced. */
export function diffRegion(base: string, changed: string): Edit {
  const max = Math.min(base.length, changed.length);
  let prefix = 0;
  while (prefix < max && base[prefix] === changed[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    base[base.length - 1 - suffix] === changed[changed.length - 1 - suffix]
  )
    suffix++;
  return {
    start: prefix,
    end: base.length - suffix,
    insert: changed.slice(prefix, changed.length - suffix),
  };
}

/**
 * Three-way merge of `mine` into `theirs` (both derived from `base`). Returns the merged text, or
 * null when the two edits touch the same part of the text.
 */
export function mergeMinutes(base: string, theirs: string, mine: string): string | null {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  const a = diffRegion(base, theirs);
  const b = diffRegion(base, mine);
  const aInsertOnly = a.start === a.end;
  const bInsertOnly = b.start === b.end;
  let first: Edit;
  let second: Edit;
  if (a.start < b.start || (a.start === b.start && (aInsertOnly || !bInsertOnly))) {
    [first, second] = [a, b];
  } else {
    [first, second] = [b, a];
  }
  // Same start, both replacing something: they overlap.
  if (first.start === second.start && !(first.start === first.end)) return null;
  if (first.end > second.start) return null;
  return (
    base.slice(0, first.start) +
    first.insert +
    base.slice(first.end, second.start) +
    second.insert +
    base.slice(second.end)
  );
}

type Tree = { [key: string]: string | Tree };

/** All keys of a translation tree as dotted paths, sorted; for the nl/en parity tests. */
export function translationKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : translationKeys(value, `${prefix}${key}.`),
    )
    .sort();
}

/** Keys whose text is empty, so a missing translation cannot hide behind "". */
export function emptyTranslations(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? value.trim()
        ? []
        : [`${prefix}${key}`]
      : emptyTranslations(value, `${prefix}${key}.`),
  );
}

import { diffRegion, mergeMinutes } from './minutes-merge';

describe('live minutes merge', () => {
  it.each([
    // [base, theirs (saved first), mine (stale), expected]
    ['', 'Sanne: stabiel.', '', 'Sanne: stabiel.'],
    ['', '', 'Anna: ok.', 'Anna: ok.'],
    ['Start.', 'Start. Werk gaat goed.', 'Start. Werk gaat goed.', 'Start. Werk gaat goed.'],
    ['Start.', 'Start. A', 'Start. B', 'Start. A B'],
    [
      'Start.\n',
      'Start.\nSanne typt hier.',
      'Start.\nAnna typt daar.',
      'Start.\nSanne typt hier.Anna typt daar.',
    ],
    ['Kop\n\nslot', 'Kop Sanne\n\nslot', 'Kop\n\nslot Anna', 'Kop Sanne\n\nslot Anna'],
    ['Kop\n\nslot', 'Kop\n\nslot Anna', 'Kop Sanne\n\nslot', 'Kop Sanne\n\nslot Anna'],
    ['een twee drie', 'een 2 drie', 'een twee 3', 'een 2 3'],
  ])('merges non-overlapping edits: %j + %j + %j', (base, theirs, mine, expected) => {
    expect(mergeMinutes(base, theirs, mine)).toBe(expected);
  });

  it('refuses overlapping edits (the writer gets the current text instead)', () => {
    expect(mergeMinutes('een twee drie', 'een 2 drie', 'een II drie')).toBeNull();
    expect(mergeMinutes('abcdef', 'aXf', 'abYf')).toBeNull();
  });

  it('finds the one changed region', () => {
    expect(diffRegion('abc', 'abXc')).toEqual({ start: 2, end: 2, insert: 'X' });
    expect(diffRegion('abc', 'ac')).toEqual({ start: 1, end: 2, insert: '' });
    expect(diffRegion('', 'x')).toEqual({ start: 0, end: 0, insert: 'x' });
  });

  it('keeps every word of two people typing at the end at the same time', () => {
    let text = 'Notulen:';
    let version = 0;
    const history = new Map<number, string>([[0, text]]);
    const save = (base: number, mine: string) => {
      const merged = base === version ? mine : mergeMinutes(history.get(base)!, text, mine);
      if (merged === null) return false;
      text = merged;
      version += 1;
      history.set(version, text);
      return true;
    };
    let sanne = { base: 0, text: 'Notulen:' };
    let anna = { base: 0, text: 'Notulen:' };
    for (let i = 0; i < 20; i++) {
      sanne.text += ` s${i}`;
      anna.text += ` a${i}`;
      expect(save(sanne.base, sanne.text)).toBe(true);
      sanne = { base: version, text };
      expect(save(anna.base, anna.text)).toBe(true);
      anna = { base: version, text };
    }
    for (let i = 0; i < 20; i++) {
      expect(text).toContain(` s${i}`);
      expect(text).toContain(` a${i}`);
    }
  });
});

import {
  DERIVED_FIDELITY_ITEMS,
  FIDELITY_ITEMS,
  SELF_ASSESSED_FIDELITY_ITEMS,
  FidelityFigures,
  fidelityLevel,
  scoreDerivedFidelity,
} from './ips-fidelity';

const none: FidelityFigures = {
  caseloadPerSpecialist: null,
  benefitsCounselledPct: null,
  disclosureRecordedPct: null,
  profileUpdatedAfterJobPct: null,
  daysToFirstFaceToFaceContact: null,
  faceToFaceContactsPerSpecialistPerWeek: null,
  distinctJobTypesPct: null,
  distinctEmployersPct: null,
  competitivePlacementsPct: null,
  followAlongPct: null,
};

describe('IPS fidelity items', () => {
  it('has the 25 items of the scale, split into computed and self-assessed', () => {
    expect(FIDELITY_ITEMS).toHaveLength(25);
    expect(new Set(FIDELITY_ITEMS.map((i) => i.code)).size).toBe(25);
    expect(DERIVED_FIDELITY_ITEMS).toHaveLength(10);
    expect(SELF_ASSESSED_FIDELITY_ITEMS).toHaveLength(15);
    expect(Object.keys(scoreDerivedFidelity(none)).sort()).toEqual(
      [...DERIVED_FIDELITY_ITEMS].sort(),
    );
  });

  it.each([
    ['caseloadPerSpecialist', 20, 'S1', 5],
    ['caseloadPerSpecialist', 21, 'S1', 4],
    ['caseloadPerSpecialist', 51, 'S1', 1],
    ['faceToFaceContactsPerSpecialistPerWeek', 6, 'SV6', 5],
    ['faceToFaceContactsPerSpecialistPerWeek', 5.9, 'SV6', 4],
    ['faceToFaceContactsPerSpecialistPerWeek', 1.9, 'SV6', 1],
    ['daysToFirstFaceToFaceContact', 30, 'SV4', 5],
    ['daysToFirstFaceToFaceContact', 31, 'SV4', 4],
    ['daysToFirstFaceToFaceContact', 300, 'SV4', 1],
    ['competitivePlacementsPct', 95, 'SV10', 5],
    ['competitivePlacementsPct', 50, 'SV10', 1],
    ['followAlongPct', 75, 'SV12', 4],
    ['distinctEmployersPct', 60, 'SV9', 3],
  ] as [keyof FidelityFigures, number, string, number][])(
    '%s = %d scores %s at %d',
    (figure, value, code, score) => {
      expect(scoreDerivedFidelity({ ...none, [figure]: value })[code]).toBe(score);
    },
  );

  it('leaves an item unscored when there is nothing to measure', () => {
    expect(Object.values(scoreDerivedFidelity(none)).every((s) => s === null)).toBe(true);
  });

  it('names the level of a total score', () => {
    expect([125, 115, 114, 100, 99, 74, 73].map(fidelityLevel)).toEqual([
      'EXEMPLARY',
      'EXEMPLARY',
      'GOOD',
      'GOOD',
      'FAIR',
      'FAIR',
      'NOT_IPS',
    ]);
  });
});

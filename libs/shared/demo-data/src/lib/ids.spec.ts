import { prng, stableId } from './ids';
import { DEMO_USERS, demoClients } from './demo-data';

describe('deterministic demo data', () => {
  it('derives the same UUID from the same name, and different ones from different names', () => {
    expect(stableId('client:monique')).toBe(stableId('client:monique'));
    expect(stableId('client:monique')).not.toBe(stableId('client:simon'));
    expect(stableId('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('generates the same clients on every run', () => {
    expect(demoClients()).toEqual(demoClients());
    const a = prng(1);
    const b = prng(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('uses only reserved example domains for e-mail addresses (fictional people)', () => {
    for (const user of DEMO_USERS) expect(user.email).toMatch(/\.example$/);
  });

  it('holds Monique and Simon from the domain brief, and 60 clients in FACT Noord', () => {
    const clients = demoClients();
    expect(clients.filter((c) => c.key === 'monique' || c.key === 'simon')).toHaveLength(2);
    expect(clients.filter((c) => c.teamId === clients[0].teamId)).toHaveLength(60);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface DrillReport {
  ok: boolean;
  workDir: string;
  targetTime: string;
  checks: Record<string, { passed: boolean } & Record<string, unknown>>;
}

/** Runs a drill script as operators do and returns its JSON report. */
function runDrill(script: string): Promise<{ code: number; report: DrillReport; log: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, 'infra/drills', script), '--json'],
      { cwd: root, timeout: 170_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        try {
          resolve({ code, report: JSON.parse(stdout.trim().split('\n').pop()!), log: stderr });
        } catch {
          reject(new Error(`${script} printed no report (exit ${code}):\n${stderr.slice(-2000)}`));
        }
      },
    );
  });
}

describe('point-in-time restore drill (infra/drills/restore-drill.mjs)', () => {
  it('restores a base backup + archived WAL to a point in time: entries before it are back, later ones are not, the access-log chain verifies', async () => {
    expect(fs.existsSync(path.join(root, 'dist/apps/api/main.js'))).toBe(true);
    const { code, report, log } = await runDrill('restore-drill.mjs');
    const failed = Object.entries(report.checks).filter(([, c]) => !c.passed);
    expect({ failed, log: failed.length ? log : '' }).toEqual({ failed: [], log: '' });
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks['entries before the target time are restored']).toMatchObject({
      expected: 25,
      found: 25,
    });
    expect(report.checks['entries after the target time are not']).toMatchObject({ found: 0 });
    expect(report.checks['the access-log hash chain verifies']).toMatchObject({
      passed: true,
      problem: null,
    });
    expect(Date.parse(report.targetTime.replace(' ', 'T').replace(/\+00$/, 'Z'))).not.toBeNaN();
    // The drill cleans up after itself (the work folder holds two clusters and the WAL archive).
    expect(fs.existsSync(report.workDir)).toBe(false);
    // ≈30 s on an idle machine; the margin is for a busy CI run with other test files in parallel.
  }, 180_000);
});

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MOTIVATIONAL_CAP, InsurerCaps } from '@tandem/funding';
import { rowsOf } from './sql';

export interface InsurerCapRow {
  insurer: string;
  name: string;
  motivationalCap: number;
  version: number;
  updatedAt: Date;
}

/** The insurers' caps on Zvw-funded motivational conversations (settings, no client data). */
@Injectable()
export class InsurerCapsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(m: EntityManager = this.db.manager): Promise<InsurerCapRow[]> {
    return m.query(
      `SELECT insurer, name, motivational_cap AS "motivationalCap", version, updated_at AS "updatedAt"
       FROM ips_insurer_caps ORDER BY (insurer = 'DEFAULT') DESC, name`,
    );
  }

  /** The caps as the funding rules read them; the row DEFAULT, if present, sets the default cap. */
  async caps(m: EntityManager = this.db.manager): Promise<InsurerCaps> {
    const rows = await this.list(m);
    const byInsurer = Object.fromEntries(rows.map((r) => [r.insurer, r.motivationalCap]));
    const { DEFAULT: defaultCap, ...caps } = byInsurer;
    return { caps, defaultCap: defaultCap ?? DEFAULT_MOTIVATIONAL_CAP };
  }

  /** Adds (version 0) or changes (current version) an insurer's cap; false on a conflict. */
  async save(
    m: EntityManager,
    c: { insurer: string; name: string; motivationalCap: number; version: number; userId: string },
  ): Promise<boolean> {
    if (c.version === 0) {
      const rows = await m.query(
        `INSERT INTO ips_insurer_caps (insurer, name, motivational_cap, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (insurer) DO NOTHING RETURNING version`,
        [c.insurer, c.name, c.motivationalCap, c.userId],
      );
      return rows.length > 0;
    }
    const rows = rowsOf(
      await m.query(
        `UPDATE ips_insurer_caps SET name = $2, motivational_cap = $3, updated_by = $4, updated_at = now(), version = version + 1
         WHERE insurer = $1 AND version = $5 RETURNING version`,
        [c.insurer, c.name, c.motivationalCap, c.userId, c.version],
      ),
    );
    return rows.length > 0;
  }
}

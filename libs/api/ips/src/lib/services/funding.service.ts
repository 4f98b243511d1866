import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { can as abilityCan } from '@tandem/ability';
import { AuthzService, SqlParams } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import {
  ACTIVITY_CATALOGUE,
  ALL_ACTIVITY_KINDS,
  ALL_FUNDERS,
  ActivityFacts,
  Classification,
  FUNDER_LABEL,
  FUNDING_RULES,
  classifyClientActivities,
} from '@tandem/funding';
import type { Principal } from '@tandem/domain';
import {
  FundingCatalogueDto,
  FundingReportDto,
  FundingReportQueryDto,
  InsurerCapListDto,
  SaveInsurerCapDto,
  SavedInsurerCapDto,
} from '../dtos/funding.dto';
import { ActivitiesRepository } from '../repositories/activities.repository';
import { InsurerCapsRepository } from '../repositories/insurer-caps.repository';
import { TrajectoriesRepository } from '../repositories/trajectories.repository';
import { IpsAccess, invalid, iso, versionConflict } from './ips-access';

const CSV_COLUMNS = [
  'activityId',
  'performedOn',
  'clientId',
  'clientName',
  'kind',
  'performedByName',
  'durationMinutes',
  'funder',
  'ruleFunder',
  'overridden',
  'ruleId',
  'source',
  'reason',
] as const;

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote, and neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

const MAX_PERIOD_DAYS = 731;

/**
 * Who pays for each activity: classification with the rules of `@tandem/funding` (stored with the
 * activity, recomputed for the client's whole history when a fact changes), the report per funder
 * and the insurers' caps.
 */
@Injectable()
export class FundingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly trajectories: TrajectoriesRepository,
    private readonly caps: InsurerCapsRepository,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  /**
   * Classifies all of a client's activities (plus `pending`, about to be inserted) and stores what
   * changed, each change with a RECLASSIFIED entry in the activity's funding history. Serialised
   * per client, so two writers never count the insurer's cap differently.
   */
  async reclassifyClient(
    m: EntityManager,
    clientId: string,
    actorId: string,
    pending?: ActivityFacts,
  ): Promise<{ pending: Classification | undefined; changed: number }> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7513))', [
      `ips-funding:${clientId}`,
    ]);
    const stored = await this.activities.factsForClient(m, clientId);
    const facts = await this.trajectories.fundingFacts(m, clientId);
    const caps = await this.caps.caps(m);
    const result = classifyClientActivities(
      [...stored, ...(pending ? [pending] : [])],
      { benefit: facts.benefit, insurer: facts.insurer, benefitHistory: facts.history },
      caps,
    );
    let changed = 0;
    for (const s of stored) {
      const c = result.get(s.id)!;
      if (c.funder === s.funder && c.ruleId === s.ruleId && c.reason === s.reason) continue;
      await this.activities.setClassification(m, s.id, c);
      if (c.funder !== s.funder || c.ruleId !== s.ruleId) {
        changed += 1;
        await this.activities.addFundingEvent(m, {
          activityId: s.id,
          event: 'RECLASSIFIED',
          funder: c.funder,
          ruleId: c.ruleId,
          reason: c.reason,
          actorId,
        });
      }
    }
    return { pending: pending ? result.get(pending.id) : undefined, changed };
  }

  catalogue(): FundingCatalogueDto {
    return {
      kinds: ALL_ACTIVITY_KINDS.map((k) => ({ ...ACTIVITY_CATALOGUE[k] })),
      funders: ALL_FUNDERS.map((f) => ({ funder: f, label: FUNDER_LABEL[f] })),
      rules: Object.values(FUNDING_RULES).map((r) => ({
        id: r.id,
        title: r.title,
        source: r.source,
      })),
    };
  }

  private period(query: { from: string; to: string }) {
    if (query.from > query.to) throw invalid('to', 'afterFrom', 'to must be on or after from');
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days > MAX_PERIOD_DAYS) {
      throw invalid('to', 'maxPeriod', 'the period may be at most two years; report per year');
    }
  }

  /** Per funder per period, over the activities the caller may read; every activity counts once. */
  async report(principal: Principal, query: FundingReportQueryDto): Promise<FundingReportDto> {
    this.period(query);
    const totalsParams = new SqlParams();
    const totalsScope = await this.authz.scope(principal, 'read', 'Activity', totalsParams);
    const { totals, check } = await this.activities.reportTotals(
      totalsScope,
      totalsParams,
      query.from,
      query.to,
      query.teamId,
    );
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Activity', params);
    const { rows, total } = await this.activities.reportLines(
      scope,
      params,
      { from: query.from, to: query.to, teamId: query.teamId, funder: query.funder },
      query.page,
      query.pageSize,
    );
    const byFunder = new Map(totals.map((t) => [t.funder, t]));
    const sumOverFunders = totals.reduce((n, t) => n + t.activities, 0);
    await this.access.recordMany(
      principal,
      'SEARCH',
      'FundingReport',
      rows.map((r) => ({ id: r.clientId, teamId: r.teamId })),
      {
        from: query.from,
        to: query.to,
        teamId: query.teamId ?? null,
        funder: query.funder ?? null,
        lines: rows.length,
      },
    );
    return {
      from: query.from,
      to: query.to,
      teamId: query.teamId ?? null,
      totals: ALL_FUNDERS.map((f) => ({
        funder: f,
        label: FUNDER_LABEL[f],
        activities: byFunder.get(f)?.activities ?? 0,
        minutes: byFunder.get(f)?.minutes ?? 0,
        overridden: byFunder.get(f)?.overridden ?? 0,
      })),
      check: {
        activities: check.activities,
        distinctActivities: check.distinctActivities,
        sumOverFunders,
        countedOnce:
          check.activities === check.distinctActivities && sumOverFunders === check.activities,
      },
      items: rows,
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The report's lines as CSV: one row per activity, so each appears exactly once. */
  async exportCsv(principal: Principal, query: FundingReportQueryDto): Promise<string> {
    this.period(query);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Activity', params);
    const { rows } = await this.activities.reportLines(
      scope,
      params,
      { from: query.from, to: query.to, teamId: query.teamId, funder: query.funder },
      1,
      10_000,
    );
    await this.access.recordMany(
      principal,
      'EXPORT',
      'FundingReport',
      rows.map((r) => ({ id: r.clientId, teamId: r.teamId })),
      { from: query.from, to: query.to, teamId: query.teamId ?? null, lines: rows.length },
    );
    const lines = rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
    return `${CSV_COLUMNS.join(',')}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
  }

  async listCaps(principal: Principal): Promise<InsurerCapListDto> {
    await this.authz.assert(principal, 'read', 'FundingSettings', {}, { what: 'setting' });
    const ability = await this.authz.abilityFor(principal);
    const rows = await this.caps.list();
    const caps = await this.caps.caps();
    this.access.recordTeam(principal, 'READ', 'FundingSettings', null, { insurers: rows.length });
    return {
      items: rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) as string })),
      defaultCap: caps.defaultCap,
      canEdit: abilityCan(ability, 'update', 'FundingSettings', {}),
    };
  }

  /** Sets an insurer's cap and reclassifies the motivational conversations it affects. */
  async saveCap(principal: Principal, dto: SaveInsurerCapDto): Promise<SavedInsurerCapDto> {
    await this.authz.assert(
      principal,
      'update',
      'FundingSettings',
      {},
      {
        what: 'setting',
        message: 'Only a team lead or functional administrator sets the insurers’ caps.',
      },
    );
    const reclassified = await this.db.transaction(async (m) => {
      const ok = await this.caps.save(m, { ...dto, userId: principal.userId });
      if (!ok) {
        const current = (await this.caps.list(m)).find((c) => c.insurer === dto.insurer) ?? null;
        throw versionConflict('insurer cap', current);
      }
      let changed = 0;
      for (const clientId of await this.activities.clientsWithCappedActivities(m)) {
        changed += (await this.reclassifyClient(m, clientId, principal.userId)).changed;
      }
      return changed;
    });
    const saved = (await this.caps.list()).find((c) => c.insurer === dto.insurer);
    if (!saved)
      throw new DomainError(HttpStatus.CONFLICT, 'CONFLICT', 'The cap was not saved; try again.');
    this.access.recordTeam(principal, 'UPDATE', 'FundingSettings', null, {
      insurer: dto.insurer,
      motivationalCap: dto.motivationalCap,
      reclassifiedActivities: reclassified,
    });
    return {
      ...saved,
      updatedAt: iso(saved.updatedAt) as string,
      reclassifiedActivities: reclassified,
    };
  }
}

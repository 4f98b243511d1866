import { HttpStatus, Injectable } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { AccessLogQueryService, AuditTrail } from '@tandem/api-audit';
import { CaseloadService } from '@tandem/api-caseload';
import { ConferencesService } from '@tandem/api-conferences';
import { ConsentService } from '@tandem/api-consent';
import { PlacementsService, TrajectoryService, WorkGoalsService } from '@tandem/api-ips';
import { NotesService } from '@tandem/api-notes';
import type { Principal } from '@tandem/domain';
import { DocumentsService } from '../documents/documents.service';
import { GoalProposalsService } from '../goals/goal-proposals.service';
import { PassportClient } from '../passport-client';
import { TeamService } from '../team/team.service';

type Awaited2<T> = T extends Promise<infer U> ? U : T;
type Result<F extends (...args: never[]) => unknown> = Awaited2<ReturnType<F>>;

/** One access-log entry as the client receives it: who, from which organisation, what, on what basis. */
export interface ExportAccessEntry {
  at: string;
  userName: string | null;
  userRole: string | null;
  organisationName: string | null;
  objectType: string;
  action: string;
  outcome: string;
  basis: string;
  emergency: boolean;
}

export interface PassportExport {
  format: 'tandem-passport-export';
  version: 1;
  generatedAt: string;
  client: Result<CaseloadService['detail']>;
  team: Result<TeamService['mine']>;
  notes: Result<NotesService['list']>['items'];
  plans: Result<NotesService['listPlans']>;
  ips: {
    trajectory: Result<TrajectoryService['overview']>['trajectory'] | null;
    trajectoryHistory: Result<TrajectoryService['overview']>['history'];
    placements: Result<PlacementsService['list']>['items'];
    workGoals: Result<WorkGoalsService['get']>[];
    /** Work goals she proposed herself. */
    goalProposals: Result<GoalProposalsService['mine']>;
  };
  /** Meetings she attends (three-way meetings), with what was agreed as far as it is shared with her. */
  meetings: Result<ConferencesService['detail']>[];
  consents: Result<ConsentService['mine']>;
  documents: Result<DocumentsService['mine']>;
  accessLog: ExportAccessEntry[];
  /** What the export leaves out on purpose, and where to ask for it. */
  notIncluded: string[];
}

const PAGE = 100;

export type ExportLanguage = 'nl' | 'en';

const NOT_INCLUDED: Record<ExportLanguage, string[]> = {
  nl: [
    'Aantekeningen over je behandeling die je behandelaar niet met je heeft gedeeld. Je mag je hele zorgdossier inzien: vraag het aan je regiebehandelaar.',
    'De bestanden die je zelf hebt gedeeld. Die download je één voor één bij Mijn toestemmingen.',
  ],
  en: [
    'Notes about your treatment that your practitioner did not share with you. You have the right to see your whole care file: ask your regiebehandelaar.',
    'The files you shared yourself. Download them one by one under My consents.',
  ],
};

/** Treats "not visible to you" (404) as an empty section; every other error still fails the export. */
async function ifVisible<T>(read: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() === HttpStatus.NOT_FOUND) return empty;
    throw error;
  }
}

async function allPages<T>(
  read: (page: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await read(page);
    items.push(...result.items);
    if (!result.items.length || items.length >= result.total) return items;
  }
}

/**
 * "My data" (issue 7 §8): everything Tandem holds about the signed-in client that she may see, as
 * the passport shows it. It is gathered through the same services as the screens (so the same
 * permissions, field filtering and access-log entries apply) and never contains treatment notes
 * a professional did not share with her. The PDF is rendered from this same object.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly passport: PassportClient,
    private readonly caseload: CaseloadService,
    private readonly team: TeamService,
    private readonly notes: NotesService,
    private readonly trajectories: TrajectoryService,
    private readonly placements: PlacementsService,
    private readonly workGoals: WorkGoalsService,
    private readonly goalProposals: GoalProposalsService,
    private readonly conferences: ConferencesService,
    private readonly consents: ConsentService,
    private readonly documents: DocumentsService,
    private readonly accessLog: AccessLogQueryService,
    private readonly audit: AuditTrail,
  ) {}

  async collect(
    principal: Principal,
    format: 'JSON' | 'PDF',
    lang: ExportLanguage = 'nl',
  ): Promise<PassportExport> {
    const clientId = (await this.passport.own(principal)).id;
    const client = await this.caseload.detail(principal, clientId);
    const team = await this.team.mine(principal);
    const notes = await ifVisible(
      () => allPages((page) => this.notes.list(principal, clientId, { page, pageSize: PAGE })),
      [],
    );
    const plans = await ifVisible(() => this.notes.listPlans(principal, clientId), []);
    const overview = await ifVisible(() => this.trajectories.overview(principal, clientId), null);
    const placements = await ifVisible(
      () => allPages((page) => this.placements.list(principal, clientId, { page, pageSize: PAGE })),
      [],
    );
    const goalList = await ifVisible(
      () => allPages((page) => this.workGoals.list(principal, clientId, { page, pageSize: PAGE })),
      [],
    );
    const workGoals = [];
    for (const goal of goalList)
      workGoals.push(await this.workGoals.get(principal, clientId, goal.id));
    const goalProposals = await this.goalProposals.mine(principal);
    const meetingList = await this.conferences.list(principal, {
      from: '2000-01-01',
      to: '2100-12-31',
    } as Parameters<ConferencesService['list']>[1]);
    const meetings = [];
    for (const m of meetingList) meetings.push(await this.conferences.detail(principal, m.id));
    const consents = await this.consents.mine(principal);
    const documents = await this.documents.mine(principal);
    const log = await this.accessLog.list(principal, {
      clientId,
      page: 1,
      pageSize: 10_000,
    } as Parameters<AccessLogQueryService['list']>[1]);
    const accessLog: ExportAccessEntry[] = log.rows.map((r) => ({
      at: r.at,
      userName: r.userName,
      userRole: r.userRole,
      organisationName: r.organisationName,
      objectType: r.objectType,
      action: r.action,
      outcome: r.outcome,
      basis: r.basis,
      emergency: r.emergency,
    }));
    this.accessLog.recordRead(
      principal,
      { clientId } as Parameters<AccessLogQueryService['recordRead']>[1],
      accessLog.length,
      'LOG_READ',
      'OWN_DATA',
    );
    this.audit.add(principal, {
      objectType: 'ClientExport',
      clientId,
      action: 'EXPORT',
      basis: 'OWN_DATA',
      details: {
        format,
        notes: notes.length,
        workGoals: workGoals.length,
        placements: placements.length,
        meetings: meetings.length,
        consents: consents.length,
        documents: documents.length,
        accessLog: accessLog.length,
      },
    });
    return {
      format: 'tandem-passport-export',
      version: 1,
      generatedAt: new Date().toISOString(),
      client,
      team,
      notes,
      plans,
      ips: {
        trajectory: overview?.trajectory ?? null,
        trajectoryHistory: overview?.history ?? [],
        placements,
        workGoals,
        goalProposals,
      },
      meetings,
      consents,
      documents,
      accessLog,
      notIncluded: NOT_INCLUDED[lang],
    };
  }
}

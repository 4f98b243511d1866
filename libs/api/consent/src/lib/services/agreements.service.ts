import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@tandem/api-core';
import { Role, type Principal } from '@tandem/domain';
import { CreateSharingAgreementDto, SharingAgreementDto } from '../dtos/consent.dto';

/** Convenants / protocols between organisations: the frame every consent must fit in. */
@Injectable()
export class AgreementsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(principal: Principal): Promise<SharingAgreementDto[]> {
    const rows = await this.db.query(
      `SELECT a.id, a.name, a.legal_basis AS "legalBasis", a.party_ids AS "partyIds",
              (SELECT array_agg(o.name ORDER BY o.name) FROM organisations o WHERE o.id = ANY(a.party_ids)) AS "partyNames",
              a.categories, to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil",
              (a.valid_from <= current_date AND a.valid_until >= current_date) AS active
       FROM sharing_agreements a WHERE $1 = ANY(a.party_ids) ORDER BY a.valid_until DESC`,
      [principal.organisationId],
    );
    return rows;
  }

  async create(principal: Principal, dto: CreateSharingAgreementDto): Promise<SharingAgreementDto> {
    if (
      !principal.roles.some(
        (r) => r === Role.FUNCTIONARIS_GEGEVENSBESCHERMING || r === Role.FUNCTIONEEL_BEHEERDER,
      )
    ) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Sharing agreements are recorded by the privacy officer or the functional administrator.',
      );
    }
    if (!dto.partyIds.includes(principal.organisationId)) {
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOT_A_PARTY',
        'You can only record an agreement your own organisation is a party to.',
      );
    }
    if (dto.validUntil <= dto.validFrom) {
      throw new DomainError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'Please correct: validUntil (must be after validFrom)',
        {
          errors: [
            { field: 'validUntil', rule: 'after', message: 'validUntil must be after validFrom' },
          ],
        },
      );
    }
    const known: { n: number }[] = await this.db.query(
      'SELECT count(*)::int AS n FROM organisations WHERE id = ANY($1)',
      [dto.partyIds],
    );
    if (known[0].n !== dto.partyIds.length)
      throw new DomainError(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'One of the organisations does not exist.',
      );
    const [{ id }] = await this.db.query(
      'INSERT INTO sharing_agreements (name, legal_basis, party_ids, categories, valid_from, valid_until, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [
        dto.name,
        dto.legalBasis,
        dto.partyIds,
        dto.categories,
        dto.validFrom,
        dto.validUntil,
        principal.userId,
      ],
    );
    return (await this.list(principal)).find((a) => a.id === id) as SharingAgreementDto;
  }

  async organisations() {
    return this.db.query('SELECT id, name, type FROM organisations ORDER BY name');
  }
}

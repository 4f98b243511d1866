import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kind of account behind a user id (users is not client data: no scope needed). */
@Injectable()
export class ClientAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async accountOf(userId: string): Promise<{ roles: string[]; clientId: string | null } | null> {
    const rows: { roles: string[]; clientId: string | null }[] = await this.db.query(
      'SELECT roles, client_id AS "clientId" FROM users WHERE id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }
}

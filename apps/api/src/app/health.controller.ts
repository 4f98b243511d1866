import {
  Controller,
  Get,
  HttpStatus,
  ServiceUnavailableException,
  VERSION_NEUTRAL,
  Version,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@tandem/api-core';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get('health')
  @Version(VERSION_NEUTRAL)
  @ApiOperation({ summary: 'Liveness: the process is up' })
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @Version(VERSION_NEUTRAL)
  @ApiOperation({ summary: 'Readiness: the database answers' })
  async ready() {
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return { status: 'ready', database: 'up' };
    } catch {
      throw new ServiceUnavailableException({
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'NOT_READY',
        message:
          'The database does not answer. Tandem retries by itself; check the database server if this persists.',
      });
    }
  }
}

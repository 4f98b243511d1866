import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal } from '@tandem/api-auth';
import { Idempotent, Policy } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { DocumentRecipientDto, ShareDocumentDto, SharedDocumentDto } from './documents.dto';
import { DocumentFile, DocumentsService } from './documents.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

const download = (file: DocumentFile) =>
  new StreamableFile(file.content, {
    type: file.mime,
    length: file.content.length,
    disposition: `attachment; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"`,
  });

@ApiTags('passport')
@ApiBearerAuth()
@Controller('me/documents')
export class MyDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Policy({ action: 'read', subject: 'ClientDocument', scope: 'SQL: the client’s own documents' })
  @ApiOperation({ summary: 'For clients: documents I shared, with whom, why and until when' })
  @ApiOkResponse({ type: [SharedDocumentDto] })
  mine(@CurrentPrincipal() p: Principal): Promise<SharedDocumentDto[]> {
    return this.documents.mine(p);
  }

  @Get('recipients')
  @Policy({
    action: 'create',
    subject: 'ClientDocument',
    scope: 'the client’s own file: the people assigned to her now',
  })
  @ApiOperation({ summary: 'For clients: the people I can share a document with' })
  @ApiOkResponse({ type: [DocumentRecipientDto] })
  recipients(@CurrentPrincipal() p: Principal): Promise<DocumentRecipientDto[]> {
    return this.documents.recipients(p);
  }

  @Post()
  @Idempotent()
  @Policy({
    action: 'create',
    subject: 'ClientDocument',
    scope: 'the client herself; recipient must work with her; at most 2 years',
  })
  @ApiOperation({
    summary: 'For clients: share a document of my own with one person, for a purpose and a period',
  })
  @ApiCreatedResponse({ type: SharedDocumentDto })
  share(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ShareDocumentDto,
  ): Promise<SharedDocumentDto> {
    return this.documents.share(p, dto);
  }

  @Post(':documentId/revoke')
  @HttpCode(200)
  @Policy({
    action: 'revoke',
    subject: 'ClientDocument',
    scope: 'the client’s own document; effective on the next request',
  })
  @ApiOkResponse({ type: SharedDocumentDto })
  revoke(
    @CurrentPrincipal() p: Principal,
    @Param('documentId', uuid) documentId: string,
  ): Promise<SharedDocumentDto> {
    return this.documents.revoke(p, documentId);
  }

  @Get(':documentId/content')
  @Policy({ action: 'read', subject: 'ClientDocument', scope: 'record: the client’s own document' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'For clients: download a document I shared' })
  async file(
    @CurrentPrincipal() p: Principal,
    @Param('documentId', uuid) documentId: string,
  ): Promise<StreamableFile> {
    return download(await this.documents.ownFile(p, documentId));
  }
}

@ApiTags('passport')
@ApiBearerAuth()
@Controller('clients/:clientId/shared-documents')
export class SharedDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Policy({
    action: 'read',
    subject: 'ClientDocument',
    scope:
      'SQL: shared with the caller by the client, not revoked, within its period; 404 unless client readable or shared',
  })
  @ApiOperation({ summary: 'Documents this client shared with me (active shares only)' })
  @ApiOkResponse({ type: [SharedDocumentDto] })
  list(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
  ): Promise<SharedDocumentDto[]> {
    return this.documents.sharedWithMe(p, clientId);
  }

  @Get(':documentId/content')
  @Policy({
    action: 'read',
    subject: 'ClientDocument',
    scope: 'record: 404 unless shared with the caller and active',
  })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Download a document the client shared with me' })
  async file(
    @CurrentPrincipal() p: Principal,
    @Param('clientId', uuid) clientId: string,
    @Param('documentId', uuid) documentId: string,
  ): Promise<StreamableFile> {
    return download(await this.documents.sharedFile(p, clientId, documentId));
  }
}

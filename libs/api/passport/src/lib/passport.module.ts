import { Module } from '@nestjs/common';
import { CaseloadModule } from '@tandem/api-caseload';
import { MyDocumentsController, SharedDocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsService } from './documents/documents.service';

/**
 * The participation passport (issue 7): the client's own portal. Client sign-in, my team, my
 * goals, my work, my meetings (passport-core); my consents and documents, who looked at my data,
 * my data export (passport-data). Named `ClientPassportModule` so it is not mistaken for
 * `@nestjs/passport`'s `PassportModule` (sign-in strategies).
 */
@Module({
  imports: [CaseloadModule],
  controllers: [MyDocumentsController, SharedDocumentsController],
  providers: [DocumentsRepository, DocumentsService],
})
export class ClientPassportModule {}

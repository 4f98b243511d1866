import { Module } from '@nestjs/common';
import { CaseloadModule } from '@tandem/api-caseload';
import { NotesController } from './controllers/notes.controller';
import { NotesRepository, PlansRepository } from './repositories/notes.repository';
import { NotesService } from './services/notes.service';

@Module({
  imports: [CaseloadModule],
  controllers: [NotesController],
  providers: [NotesService, NotesRepository, PlansRepository],
  exports: [NotesRepository, NotesService],
})
export class NotesModule {}

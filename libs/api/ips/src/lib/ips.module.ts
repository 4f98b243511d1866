import { Module } from '@nestjs/common';
import { CaseloadModule } from '@tandem/api-caseload';
import { ActivitiesController } from './controllers/activities.controller';
import { DashboardController } from './controllers/dashboard.controller';
import { EmployersController } from './controllers/employers.controller';
import { FundingController } from './controllers/funding.controller';
import { PlacementsController } from './controllers/placements.controller';
import { TrajectoryController } from './controllers/trajectory.controller';
import { DueWorkGoalsController, WorkGoalsController } from './controllers/work-goals.controller';
import { ActivitiesRepository } from './repositories/activities.repository';
import { DashboardRepository } from './repositories/dashboard.repository';
import { EmployersRepository } from './repositories/employers.repository';
import { InsurerCapsRepository } from './repositories/insurer-caps.repository';
import { PlacementsRepository } from './repositories/placements.repository';
import { TrajectoriesRepository } from './repositories/trajectories.repository';
import { WorkGoalsRepository } from './repositories/work-goals.repository';
import { ActivitiesService } from './services/activities.service';
import { DashboardService } from './services/dashboard.service';
import { EmployersService } from './services/employers.service';
import { FundingService } from './services/funding.service';
import { IpsAccess } from './services/ips-access';
import { PlacementsService } from './services/placements.service';
import { TrajectoryService } from './services/trajectory.service';
import { WorkGoalsService } from './services/work-goals.service';

/**
 * IPS work (issue 6): trajectories and vocational profiles, the employer register and employer
 * contacts, placements, work goals with reviews, activities with their funding, and the dashboard.
 */
@Module({
  imports: [CaseloadModule],
  controllers: [
    TrajectoryController,
    PlacementsController,
    WorkGoalsController,
    DueWorkGoalsController,
    ActivitiesController,
    EmployersController,
    FundingController,
    DashboardController,
  ],
  providers: [
    IpsAccess,
    TrajectoriesRepository,
    PlacementsRepository,
    WorkGoalsRepository,
    ActivitiesRepository,
    EmployersRepository,
    InsurerCapsRepository,
    DashboardRepository,
    FundingService,
    TrajectoryService,
    PlacementsService,
    WorkGoalsService,
    ActivitiesService,
    EmployersService,
    DashboardService,
  ],
  exports: [TrajectoryService, WorkGoalsService, PlacementsService],
})
export class IpsModule {}

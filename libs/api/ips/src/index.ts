export * from './lib/ips.module';
export * from './lib/services/trajectory.service';
export * from './lib/services/work-goals.service';
export * from './lib/services/placements.service';
export { SetDisclosureDto, IpsOverviewDto } from './lib/dtos/trajectory.dto';

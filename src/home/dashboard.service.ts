import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole, actorInRole } from '../common/actor';
import { Clock } from '../common/clock';
import { AdminDashboardService, type AdminDashboard } from './admin-dashboard.service';
import { InstructorDashboardService, type InstructorDashboard } from './instructor-dashboard.service';
import { TraineeDashboardService, type TraineeDashboard } from './trainee-dashboard.service';

/** Each role's panels for the roles the person holds (null for the others), as of `generatedAt`. */
export interface Dashboard {
  generatedAt: Date;
  trainee: TraineeDashboard | null;
  instructor: InstructorDashboard | null;
  admin: AdminDashboard | null;
}

/**
 * The home page of everyone: a person with several roles sees each role's panels. Each role's panels are read as
 * that role alone (`actorInRole`), so the features' own access rules decide what each shows.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly trainee: TraineeDashboardService,
    private readonly instructor: InstructorDashboardService,
    private readonly admin: AdminDashboardService,
    private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor): Promise<Dashboard> {
    const now = this.clock.now();
    const [trainee, instructor, admin] = await Promise.all([
      actorHasRole(actor, 'trainee') ? this.trainee.build(actorInRole(actor, 'trainee'), now) : null,
      actorHasRole(actor, 'instructor') ? this.instructor.build(actorInRole(actor, 'instructor'), now) : null,
      actorHasRole(actor, 'admin') ? this.admin.build(actorInRole(actor, 'admin'), now) : null,
    ]);
    return { generatedAt: now, trainee, instructor, admin };
  }
}

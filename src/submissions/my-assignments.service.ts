import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, actorHasRole } from '../common/actor';
import { Assignment } from '../assignments/assignment.entity';
import { SubmissionRecords, type TraineeWork } from './submission-records.service';

export interface MyAssignment {
  work: TraineeWork;
  cohortId: string;
  cohortName: string;
}

/** A trainee's assignments across the cohorts they are (or were) in, soonest due first: three statements, however many. */
@Injectable()
export class MyAssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: SubmissionRecords,
  ) {}

  async list(actor: Actor): Promise<MyAssignment[]> {
    const userId = actor.userId;
    if (!userId || !actorHasRole(actor, 'trainee')) return [];
    const rows: { id: string; cohort_id: string; cohort_name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (a.id) a.id, c.id AS cohort_id, c.name AS cohort_name
         FROM cohort_members m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN assignments a ON a.cohort_id = c.id OR a.part_id = c.part_id
        WHERE m.user_id = $1
        ORDER BY a.id, m.active DESC`,
      [userId],
    );
    if (!rows.length) return [];
    const assignments = await this.dataSource.getRepository(Assignment).findBy(rows.map((row) => ({ id: row.id })));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const works = await this.records.works(assignments, userId);
    const list = works.map((work) => ({
      work,
      cohortId: byId.get(work.assignment.id)!.cohort_id,
      cohortName: byId.get(work.assignment.id)!.cohort_name,
    }));
    return list.sort(
      (a, b) =>
        a.work.deadlines.dueAt.getTime() - b.work.deadlines.dueAt.getTime() ||
        a.work.assignment.title.localeCompare(b.work.assignment.title, 'lv'),
    );
  }
}

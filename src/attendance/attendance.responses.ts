import { z } from 'zod';
import { ENROLMENT_STATUSES } from '../cohorts/enrolment.entity';
import { listOf } from '../common/api-docs';
import { ATTENDANCE_STATUSES } from './attendance.entity';

/** The API's bodies for attendance. */
const mark = z.enum(ATTENDANCE_STATUSES).nullable().describe('null: not marked yet.');

export const attendanceSheetBody = z
  .object({
    sessionId: z.uuid(),
    items: z.array(z.object({ userId: z.uuid(), name: z.string(), department: z.string().nullable(), status: mark })),
  })
  .meta({ id: 'AttendanceSheet' });

export const markedAttendanceBody = attendanceSheetBody
  .extend({ changed: z.number().int().describe('Marks that changed.') })
  .meta({ id: 'MarkedAttendance' });

export const attendanceSummaryBody = z
  .object({
    enrolmentId: z.uuid(),
    enrolmentStatus: z.enum(ENROLMENT_STATUSES),
    cohortId: z.uuid(),
    cohortName: z.string(),
    partTitleLv: z.string(),
    partTitleEn: z.string().nullable(),
    userId: z.uuid(),
    name: z.string(),
    minPercent: z.number().int(),
    held: z.number().int().describe('Sessions held so far.'),
    recorded: z.number().int().describe('Of those, sessions whose attendance was taken.'),
    present: z.number().int(),
    late: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
    unmarked: z.number().int(),
    percent: z.number().int().nullable().describe('(present + late) / recorded, rounded down; null before any is recorded.'),
    belowMinimum: z.boolean(),
  })
  .meta({ id: 'AttendanceSummary' });
export const attendanceSummaryListBody = listOf(attendanceSummaryBody, 'AttendanceSummaryList');

export const myAttendanceBody = z
  .object({
    enrolments: z.array(attendanceSummaryBody),
    sessions: z.array(
      z.object({
        sessionId: z.uuid(),
        title: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        cohortName: z.string(),
        status: mark,
      }),
    ),
  })
  .meta({ id: 'MyAttendance' });
